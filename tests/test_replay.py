"""A measure's state on any day is the replay of its log; for files the tool wrote, the replay
of the whole log is exactly the front matter."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.status.edits import Edit
from monitor_tui.status.format import parse_status, quote_value, unquote_value
from monitor_tui.status.paths import status_path
from monitor_tui.status.replay import replays_to_front_matter, state_values, status_on
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
HOSTILE = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text())["cases"]]

EVERY_EDIT_KIND = [
    Edit(status="in-planung"),
    Edit(targets={"kurz": "teilweise-erreicht"}),
    Edit(assessment="im-plan"),
    Edit(priority="hoch"),
    Edit(reviewed=date(2026, 2, 1)),
    Edit(
        next_step='Flyer → nachdrucken, „bald“ "sofort"\nzweite Zeile',
        next_step_due=date(2026, 4, 1),
    ),
    Edit(note="Nur eine Notiz"),
    Edit(note="intern", internal=True, status="in-umsetzung"),
    Edit(assessment="", priority="niedrig"),
    Edit(next_step=""),
    Edit(targets={"kurz": "erreicht"}, status="umgesetzt", reviewed=date(2026, 6, 30)),
]


def test_replaying_the_log_gives_the_state_after_every_save(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure = catalogue.measure("1.2.2")
    assert measure is not None
    after_each: list[tuple[date, MeasureStatus]] = []
    for number, edit in enumerate(EVERY_EDIT_KIND):
        moment = datetime(2026, 1, 10, 9, 0, tzinfo=WINTER) + timedelta(days=20 * number)
        save_edit(workspace, catalogue, "1.2.2", edit, "anna", now=moment)
        saved = load_status(workspace, catalogue, "1.2.2")
        assert replays_to_front_matter(saved, measure, catalogue), edit
        after_each.append((moment.date(), saved))
    final = after_each[-1][1]
    for day, expected in after_each:
        replayed = status_on(final, measure, catalogue, day)
        assert state_values(replayed, measure, catalogue) == state_values(
            expected, measure, catalogue
        ), day
        assert replayed.log == expected.log


def test_a_day_before_any_entry_is_the_untouched_state(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure = catalogue.measure("2.1.1")
    assert measure is not None
    at = datetime(2026, 3, 2, 0, 30, tzinfo=SUMMER)  # 2026-03-01 22:30 UTC, but the 2nd here
    save_edit(workspace, catalogue, "2.1.1", Edit(status="umgesetzt", note="x"), "anna", now=at)
    status = load_status(workspace, catalogue, "2.1.1")
    before = status_on(status, measure, catalogue, date(2026, 3, 1))
    assert before.status == "offen" and before.log == ()
    on_the_day = status_on(status, measure, catalogue, date(2026, 3, 2))
    assert on_the_day.status == "umgesetzt" and len(on_the_day.public_notes()) == 1


def test_a_hand_edit_of_the_front_matter_no_longer_replays(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure = catalogue.measure("1.2.2")
    assert measure is not None
    save_edit(workspace, catalogue, "1.2.2", Edit(status="in-planung"), "anna")
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_text(path.read_text("utf-8").replace('"in-planung"', '"umgesetzt"', 1), "utf-8")
    status = load_status(workspace, catalogue, "1.2.2")
    assert status.status == "umgesetzt"
    assert not replays_to_front_matter(status, measure, catalogue)


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_survives_a_change_line(text: str) -> None:
    written = quote_value(text)
    assert "\n" not in written
    assert unquote_value(written) == text


def test_next_step_with_any_text_is_stored_and_replayed(
    workspace: Workspace, tmp_path_factory: pytest.TempPathFactory
) -> None:
    catalogue: Catalogue = load_catalogue(workspace.catalogue_dir)
    measure = catalogue.measure("3.1.1")
    assert measure is not None
    for text in HOSTILE:
        if not text.strip():
            continue
        save_edit(workspace, catalogue, "3.1.1", Edit(next_step=text), "anna")
        status = load_status(workspace, catalogue, "3.1.1")
        assert status.next_step == text.strip()
        assert replays_to_front_matter(status, measure, catalogue), text
    path = status_path(workspace.status_dir, "3.1.1")
    reparsed = parse_status(path, path.read_text("utf-8"), measure, catalogue)
    assert reparsed.next_step == status.next_step
