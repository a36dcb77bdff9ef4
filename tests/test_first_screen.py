"""The app's first screen from `.cache/first-screen.json`, and everything else right after it.

The record is used only while every catalogue and status file (and no other) has the key it was
made from; the full load after the first screen then gives exactly what `open` gives, and a file
changed between the two shows its new state. Tests assert on what is shown and loaded, never on
time. Records are only written from files older than the racy window, which fresh test files
never are: the tests that want a record set that window to zero.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from monitor_tui import cachefile, first_screen
from monitor_tui.catalogue import load_catalogue
from monitor_tui.first_screen import (
    FIRST_SCREEN_CACHE,
    current_keys,
    keep_first_screen,
    read_first_screen,
)
from monitor_tui.model import Catalogue
from monitor_tui.session import WorkspaceSession
from monitor_tui.status import store
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.conftest import HOSTILE_NOTES
from tests.test_caches import count_calls
from tests.tui_helpers import TODAY, main_screen, settle, wait_until

ZONE = timezone(timedelta(hours=1))
MOMENT = datetime(2025, 3, 3, 9, 0, tzinfo=ZONE)


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefile, "RACY_NS", 0)


def record(workspace: Workspace, measure_id: str, status: str) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, measure_id, Edit(status=status), "anna", now=MOMENT)


def started(workspace: Workspace) -> WorkspaceSession:
    """A start as the app makes it, with the first screen's record kept afterwards."""
    session = WorkspaceSession.start(workspace, TODAY)
    assert session.finish_start() == []
    return session


@pytest.fixture
def with_record(workspace: Workspace, no_racy_window: None) -> Workspace:
    """A workspace with a few statuses and the first screen's record of them."""
    record(workspace, "1.1.1", "umgesetzt")
    record(workspace, "2.1.1", "in-planung")
    started(workspace)
    assert (workspace.cache_dir / FIRST_SCREEN_CACHE).is_file()
    return workspace


Outline = list[tuple[str, str, str, str, list[tuple[str, str, list[str]]]]]


def outline(catalogue: Catalogue) -> Outline:
    """What the first screen shows of the catalogue, and which measures there are."""
    return [
        (
            f.id,
            f.heading,
            f.title,
            f.summary,
            [(g.id, g.title, [m.id for m in g.measures]) for g in f.goals],
        )
        for f in catalogue.fields
    ]


def test_the_first_screen_comes_from_the_record_and_the_full_load_equals_open(
    with_record: Workspace,
) -> None:
    full = WorkspaceSession.open(with_record, TODAY)
    session = WorkspaceSession.start(with_record, TODAY)
    assert session.pending
    assert session.catalogue.title == full.catalogue.title
    assert session.catalogue.concept == full.catalogue.concept
    assert outline(session.catalogue) == outline(full.catalogue)
    assert {k: s.status for k, s in session.statuses.items()} == {
        k: s.status for k, s in full.statuses.items()
    }
    assert session.statuses["1.1.1"].status == "umgesetzt"
    assert session.watcher is None  # nothing of the rest was read yet

    assert session.finish_start() == []
    assert not session.pending
    assert session.catalogue == full.catalogue
    assert session.statuses == full.statuses
    assert session.watcher is not None


def test_the_record_is_ignored_when_a_catalogue_file_changed(with_record: Workspace) -> None:
    field_file = sorted(with_record.catalogue_dir.glob("[0-9]*.toml"))[0]
    field_file.write_bytes(field_file.read_bytes() + b"\n# a comment\n")
    session = WorkspaceSession.start(with_record, TODAY)
    assert not session.pending
    assert session.statuses == WorkspaceSession.open(with_record, TODAY).statuses
    started(with_record)  # … and it is made anew from the files as they are now
    assert WorkspaceSession.start(with_record, TODAY).pending


@pytest.mark.parametrize("change", ["changed", "new", "removed"])
def test_status_files_changed_since_the_record_are_read_and_only_they(
    with_record: Workspace, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if change == "changed":
        record(with_record, "1.1.1", "verstetigt")
    elif change == "new":
        record(with_record, "3.1.1", "umgesetzt")
    else:
        status_path(with_record.status_dir, "2.1.1").unlink()
    reads = count_calls(monkeypatch, store, "read_checked")
    session = WorkspaceSession.start(with_record, TODAY)
    assert session.pending
    assert len(reads) == (0 if change == "removed" else 1)
    full = WorkspaceSession.open(with_record, TODAY)
    assert {k: s.status for k, s in session.statuses.items()} == {
        k: s.status for k, s in full.statuses.items()
    }
    assert session.finish_start() == []
    assert session.statuses == full.statuses
    # … and the record was written anew: the next start reads no file
    reads.clear()
    assert WorkspaceSession.start(with_record, TODAY).pending
    assert reads == []


def test_a_broken_or_inconsistent_changed_file_is_left_to_the_full_load(
    with_record: Workspace,
) -> None:
    path = status_path(with_record.status_dir, "1.1.1")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('status = "umgesetzt"', "status = [[["), encoding="utf-8")
    session = WorkspaceSession.start(with_record, TODAY)
    assert not session.pending
    assert "1.1.1" in session.broken
    # readable, but its state no longer follows from its log
    path.write_text(text.replace('status = "umgesetzt"', 'status = "verstetigt"'), encoding="utf-8")
    session = WorkspaceSession.start(with_record, TODAY)
    assert not session.pending
    assert "1.1.1" in session.inconsistent


def test_many_changed_status_files_are_left_to_the_full_load(
    with_record: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_screen, "CHANGED_LIMIT", 1)
    record(with_record, "1.1.1", "verstetigt")
    assert WorkspaceSession.start(with_record, TODAY).pending
    record(with_record, "3.1.1", "umgesetzt")
    assert not WorkspaceSession.start(with_record, TODAY).pending


def test_no_record_from_files_changed_shortly_before(workspace: Workspace) -> None:
    record(workspace, "1.1.1", "umgesetzt")  # just now: within the racy window
    started(workspace)
    assert not (workspace.cache_dir / FIRST_SCREEN_CACHE).exists()
    assert not WorkspaceSession.start(workspace, TODAY).pending


def test_no_record_while_a_status_file_is_broken(
    workspace: Workspace, no_racy_window: None
) -> None:
    record(workspace, "1.1.1", "umgesetzt")
    path = status_path(workspace.status_dir, "1.1.1")
    path.write_text(path.read_text(encoding="utf-8").replace("status", "stat = = us", 1))
    session = started(workspace)
    assert "1.1.1" in session.broken
    assert not (workspace.cache_dir / FIRST_SCREEN_CACHE).exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data | {"fields": "nonsense"},
        lambda data: data | {"fields": [{"id": 1}]},
        lambda data: data | {"fields": [data["fields"][0] | {"goals": [{"id": "1.1"}]}]},
        lambda data: data | {"concept": {}},
    ],
)
def test_a_malformed_record_is_ignored(with_record: Workspace, damage: object) -> None:
    path = with_record.cache_dir / FIRST_SCREEN_CACHE
    document = json.loads(path.read_text(encoding="utf-8"))
    document["data"] = damage(document["data"])  # type: ignore[operator]
    path.write_text(json.dumps(document), encoding="utf-8")
    session = WorkspaceSession.start(with_record, TODAY)
    assert not session.pending
    assert session.statuses == WorkspaceSession.open(with_record, TODAY).statuses


def test_a_status_changed_after_the_first_screen_shows_its_new_state(
    with_record: Workspace,
) -> None:
    session = WorkspaceSession.start(with_record, TODAY)
    assert session.pending
    record(with_record, "1.1.1", "zurueckgestellt")
    assert session.finish_start() == []
    assert session.statuses["1.1.1"].status == "zurueckgestellt"
    assert WorkspaceSession.start(with_record, TODAY).statuses["1.1.1"].status == (
        "zurueckgestellt"
    )


def test_the_app_from_the_record_updates_in_place_and_keys_wait_for_the_full_load(
    with_record: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app run: the first screen from the record; a status changed meanwhile; keys pressed
    before the full load act after it, in order; the cursor stays on its line."""
    finish = MainScreen.after_first_screen
    monkeypatch.setattr(MainScreen, "after_first_screen", lambda self: None)
    session = WorkspaceSession.start(with_record, TODAY)
    assert session.pending
    app = MonitorApp(session)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            tree = screen.catalogue_tree
            first_label = tree.label_of(tree.root.children[0]).plain
            assert "1/" in first_label  # 1.1.1 umgesetzt, from the record
            assert tree.cursor_line == 0
            record(with_record, "1.1.1", "offen")
            await pilot.press("down", "right", "down")  # held: the rest is not loaded
            await settle(pilot)
            assert tree.cursor_line == 0 and session.pending
            finish(screen)
            await settle(pilot)
            await wait_until(pilot, lambda: tree.cursor_line == 2, "the held keys acted")
            assert not session.pending
            assert tree.label_of(tree.root.children[0]).plain.startswith("1 0/")
            node = tree.cursor_node
            assert node is not None and node.data is not None
            assert node.data.kind == "goal" and node.data.id.startswith("2.")
            assert tree.root.children[1].is_expanded

    asyncio.run(scenario())


def test_a_catalogue_broken_after_the_first_screen_ends_the_app_with_its_problems(
    with_record: Workspace,
) -> None:
    session = WorkspaceSession.start(with_record, TODAY)
    assert session.pending
    concept = with_record.catalogue_dir / "concept.toml"
    concept.write_text("title = [unclosed\n", encoding="utf-8")
    app = MonitorApp(session)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: app.return_code == 1, "the app ended")

    asyncio.run(scenario())
    assert session.pending  # nothing of the first screen's data passed for the full one
    assert [problem.path.name for problem in app.start_problems] == ["concept.toml"]


def test_hostile_catalogue_texts_come_back_from_the_record_as_they_were(
    workspace: Workspace, no_racy_window: None
) -> None:
    """The record keeps catalogue text (titles, headings, summaries) for the first screen,
    which shows it with the same widgets as ever: it must come back exactly as it went in."""
    cases = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]]
    catalogue = load_catalogue(workspace.catalogue_dir)

    def text(number: int) -> str:
        return cases[number % len(cases)]

    fields = tuple(
        replace(
            f,
            heading=text(3 * i),
            title=text(3 * i + 1),
            summary=text(3 * i + 2),
            goals=tuple(replace(g, title=text(i + j)) for j, g in enumerate(f.goals)),
        )
        for i, f in enumerate(catalogue.fields)
    )
    concept = replace(catalogue.concept, title=text(5))
    hostile = replace(catalogue, concept=concept, fields=fields)
    keys = current_keys(workspace)
    assert keys is not None
    assert keep_first_screen(workspace, hostile, {}, keys, cachefile.now_ns())
    first = read_first_screen(workspace)
    assert first is not None
    assert first.catalogue.concept == hostile.concept
    assert outline(first.catalogue) == outline(hostile)
