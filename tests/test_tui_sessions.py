"""Several sessions on one workspace: saves of others appear, conflicts are resolved by choice."""

from __future__ import annotations

import asyncio
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Conflict, Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.status.watch import StatusFolderWatcher
from monitor_tui.tui.screens.conflict import ConflictScreen
from monitor_tui.tui.screens.main import POLL_SECONDS, edit_from_conflicts
from monitor_tui.workspace import Workspace
from tests.tui_helpers import main_screen, make_app, screen_text, settle


def test_watcher_reports_new_changed_and_removed_files(tmp_path: Path) -> None:
    folder = tmp_path / "status"
    folder.mkdir()
    watcher = StatusFolderWatcher(folder)
    assert watcher.changed() == set()
    (folder / "1.1.1.md").write_text("a")
    (folder / ".1.1.1.lock").write_text("")
    assert watcher.changed() == {"1.1.1"}
    assert watcher.changed() == set()
    replacement = folder / "new.tmp"
    replacement.write_text("b")
    replacement.replace(folder / "1.1.1.md")  # an atomic save: new inode
    assert watcher.changed() == {"1.1.1"}
    (folder / "1.1.1.md").unlink()
    assert watcher.changed() == {"1.1.1"}


def test_watcher_of_a_missing_folder_sees_nothing(tmp_path: Path) -> None:
    assert StatusFolderWatcher(tmp_path / "absent").changed() == set()


def test_the_folder_is_polled_often_enough_for_two_seconds() -> None:
    assert POLL_SECONDS <= 1.0


def test_note_saved_in_one_session_appears_in_the_other(workspace: Workspace) -> None:
    first, second = make_app(workspace), make_app(workspace)

    async def scenario() -> None:
        async with (
            first.run_test(size=(120, 50)) as pilot_a,
            second.run_test(size=(120, 50)) as pilot_b,
        ):
            await settle(pilot_a)
            await settle(pilot_b)
            main_screen(first).go_to_measure("1.2.2")
            main_screen(second).go_to_measure("1.2.2")
            await settle(pilot_a)
            await settle(pilot_b)
            await pilot_a.press("n", *"Aus Sitzung A", "ctrl+s")
            await settle(pilot_a)
            main_screen(second).poll_status_folder()  # what the 1-second timer does
            await settle(pilot_b)
            assert "Aus Sitzung A" in screen_text(second)

    asyncio.run(scenario())


def test_save_from_the_command_line_refreshes_tree_and_roll_up(workspace: Workspace) -> None:
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert "1 0/7 umgesetzt Bildung" in screen_text(app)
            catalogue = load_catalogue(workspace.catalogue_dir)
            save_edit(workspace, catalogue, "1.1.1", Edit(status="verstetigt"), "anna")
            main_screen(app).poll_status_folder()
            await settle(pilot)
            assert "1 1/7 umgesetzt Bildung" in screen_text(app)

    asyncio.run(scenario())


def test_a_repaired_status_file_is_no_longer_reported_as_broken(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    path = status_path(workspace.status_dir, "1.2.2")
    good = path.read_bytes()
    path.write_text("kaputt\n", encoding="utf-8")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            screen.go_to_measure("1.2.2")
            await settle(pilot)
            assert "Statusdatei von 1.2.2 fehlerhaft" in screen_text(app)
            path.write_bytes(good)  # repaired in an editor of another session
            screen.poll_status_folder()
            await settle(pilot)
            text = screen_text(app)
            assert "✓ 1.2.2" in text
            assert "fehlerhaft" not in text
            assert "Statusdatei von 1.2.2 neu gelesen" in text

    asyncio.run(scenario())


def test_a_repair_leaves_the_other_broken_files_on_the_status_line(workspace: Workspace) -> None:
    for measure_id in ("1.2.1", "1.2.2"):
        status_path(workspace.status_dir, measure_id).write_text("kaputt\n", encoding="utf-8")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(120, 24)) as pilot:
            await settle(pilot)
            assert "2 fehlerhafte Statusdatei(en): 1.2.1, 1.2.2" in screen_text(app)
            status_path(
                workspace.status_dir, "1.2.1"
            ).unlink()  # no file: nothing recorded, readable
            main_screen(app).poll_status_folder()
            await settle(pilot)
            assert "1 fehlerhafte Statusdatei(en): 1.2.2 –" in screen_text(app)

    asyncio.run(scenario())


def _conflict_run(workspace: Workspace, answer: str) -> str:
    """The app shows 1.2.2, another session sets it "in Planung", the app's user picks
    "umgesetzt" without having seen that; returns the screen of the conflict dialog."""
    app = make_app(workspace)
    seen = ""

    async def scenario() -> None:
        nonlocal seen
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            main_screen(app).go_to_measure("1.2.2")
            await settle(pilot)
            catalogue = load_catalogue(workspace.catalogue_dir)
            save_edit(workspace, catalogue, "1.2.2", Edit(status="in-planung"), "bernd")
            await pilot.press("s", *"um", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ConflictScreen)
            seen = screen_text(app)
            await pilot.press(answer)
            await settle(pilot)

    asyncio.run(scenario())
    return seen


def test_conflict_shows_both_versions_and_mine_can_win(workspace: Workspace) -> None:
    seen = _conflict_run(workspace, "m")
    assert "andere Fassung: in Planung" in seen and "meine Fassung:  umgesetzt" in seen
    status = load_status(workspace, load_catalogue(workspace.catalogue_dir), "1.2.2")
    assert status.status == "umgesetzt"
    assert [c.new for e in status.log for c in e.changes] == ["umgesetzt", "in-planung"]


def test_conflict_can_keep_theirs_and_nothing_is_lost(workspace: Workspace) -> None:
    _conflict_run(workspace, "a")
    status = load_status(workspace, load_catalogue(workspace.catalogue_dir), "1.2.2")
    assert status.status == "in-planung"
    assert "bernd" in status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8")


def test_edit_from_conflicts_writes_mine_for_each_field() -> None:
    edit = edit_from_conflicts(
        (
            Conflict("status", "offen", "in-planung", "umgesetzt"),
            Conflict("priority", "—", "hoch", "—"),
            Conflict("target:kurz", "offen", "erreicht", "nicht-erreicht"),
            Conflict("reviewed", "—", "2026-01-01", "2026-02-02"),
        )
    )
    assert edit.status == "umgesetzt" and edit.priority == "" and edit.assessment is None
    assert dict(edit.targets) == {"kurz": "nicht-erreicht"}
    assert edit.reviewed is not None and edit.reviewed.isoformat() == "2026-02-02"
