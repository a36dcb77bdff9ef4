"""The Übersicht (`o`) in the app: the numbers it shows equal counts made by hand from the
statuses, Enter on a number (or a row of what needs attention) shows exactly those measures in
the tree and Esc leads back; the key is in help and the palette. One app start per batch."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from textual.pilot import Pilot

from monitor_tui import reporting
from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import MeasureStatus
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import load_all_statuses, save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.help import HelpScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.overview import Entry, NumberLine, OverviewScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.workspace import Workspace
from tests.overview_data import (
    REPORT_DAY,
    expected_numbers,
    record_after_report,
    record_before_report,
)
from tests.reports_data import freeze
from tests.test_tui_keys import palette_search
from tests.tui_helpers import burst, press, run_app, screen_text, settle, wait_until


class Reported(NamedTuple):
    workspace: Workspace
    before: dict[str, MeasureStatus]
    """The statuses as recorded before the report (what it counted)."""


@pytest.fixture
def reported(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Reported:
    """Varied statuses, a report frozen on REPORT_DAY (its data only: the JSON), changes since
    and one unreadable status file."""
    monkeypatch.setattr(reporting, "FORMAT_NAMES", ("json",))
    record_before_report(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    before = load_all_statuses(workspace, catalogue).statuses
    freeze(workspace, REPORT_DAY, "Halbjahr")
    record_after_report(workspace)
    return Reported(workspace, before)


def expected(reported: Reported) -> tuple[dict[str, set[str]], dict[str, int]]:
    catalogue = load_catalogue(reported.workspace.catalogue_dir)
    now = load_all_statuses(reported.workspace, catalogue)
    return expected_numbers(catalogue, now.statuses, set(now.broken), reported.before)


def overview(app: MonitorApp) -> OverviewScreen:
    assert isinstance(app.screen, OverviewScreen), app.screen
    return app.screen


Place = tuple[NumberLine, int]


def places(app: MonitorApp) -> dict[str, Place]:
    """Every number shown: the line it is on and its place there."""
    return {
        entry.number.id: (line, index)
        for line in overview(app).query(NumberLine)
        for index, entry in enumerate(line.entries)
    }


def entry(place: Place) -> Entry:
    line, index = place
    return line.entries[index]


def shown(place: Place) -> str:
    return entry(place).content.plain


def on(app: MonitorApp, number_id: str) -> bool:
    """The cursor is on the number: on its line, which shows it chosen (and no other)."""
    line, index = places(app)[number_id]
    screen = overview(app)
    others = [other for other in screen.lines if other.selected and other is not line]
    return (
        screen.cursor is line
        and line.selected
        and line.index == index
        and screen.focus_id == number_id
        and not others
    )


def tree_measure_ids(screen: MainScreen) -> set[str]:
    """The measures the tree lists (its nodes, open or not)."""
    found, stack = set(), list(screen.catalogue_tree.root.children)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.data is not None and node.data.kind == "measure":
            found.add(node.data.id)
    return found


async def enter_on(app: MonitorApp, pilot: Pilot[None], number_id: str) -> MainScreen:
    """Put the cursor on a number, press Enter: the main screen shows its measures."""
    overview(app).go_to(*places(app)[number_id])
    await settle(pilot)
    assert on(app, number_id)
    await press(pilot, "enter")
    assert isinstance(app.screen, MainScreen)
    return app.screen


def test_numbers_equal_counts_by_hand_keys_move_and_enter_shows_exactly_those_measures(
    reported: Reported,
) -> None:
    sets, changes = expected(reported)
    statuses = [k for k in sets if k.startswith("*/status/") and sets[k]]
    assessments = [k for k in sets if k.startswith("*/assessment/") and sets[k]]

    async def scenario(app: MonitorApp, main: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "o")
        shown_cells = places(app)
        text = screen_text(app)
        assert "Übersicht · Stand 27.11.2026" in text
        assert "seit dem Bericht 2026-06-30 (Berichtsstand 30.06.2026)" in text
        for number_id, measures in sets.items():
            if number_id.endswith("/unreadable") and not measures:
                assert number_id not in shown_cells  # only shown when there is one
                continue
            cell = shown_cells[number_id]
            digits = [int(d) for d in re.findall(r"(?<![+−])\b\d+\b", shown(cell))]
            assert len(measures) in digits, (number_id, shown(cell))
            line, index = cell
            assert (index in line.choosable) == bool(measures), number_id
            change = changes.get(number_id)
            if change:
                sign = "+" if change > 0 else "−"
                assert shown(cell).endswith(f" {sign}{abs(change)}"), (number_id, shown(cell))
            elif number_id in changes:
                assert not re.search(r" [+−]\d+$", shown(cell)), (number_id, shown(cell))

        screen = overview(app)
        assert on(app, "*/measures")
        # ↓/j and ↑/k between lines (to the number nearest above or below), ←/h and →/l
        # along a line, skipping zeros (they have nothing to show)
        await press(pilot, "down", *["h"] * 9)
        assert on(app, statuses[0])
        await press(pilot, "l")
        assert on(app, statuses[1])
        await press(pilot, "j")
        assert screen.focus_id in assessments
        await press(pilot, "k")
        assert on(app, statuses[1])
        await press(pilot, "tab")
        assert on(app, statuses[2])
        await press(pilot, "shift+tab", "shift+tab")
        assert on(app, statuses[0])
        await press(pilot, "end")
        assert screen.cursor is screen.lines[-1] and screen.cursor.has_class("attention-row")
        # keys in a burst (held down, or one packet over SSH) move as far as they were pressed
        await press(pilot, "home")
        await burst(pilot, "down", 6)
        assert screen.cursor is screen.lines[6] and screen.lines[6].selected
        assert screen.lines[6].region.height == 1  # scrolled into view
        hint = screen_text(app).splitlines()[-2]
        assert hint.startswith(" 1 Bildung") and "Maßnahme" in hint

        # Enter on numbers of every kind: exactly their measures, the filter bar in words
        implemented = next(
            key for key in sets if key.startswith("3/status/") and sets[key] and "offen" not in key
        )
        words = {
            implemented: "Handlungsfeld: 3 Wohnen · Umsetzungsstand: ",
            "2/assessment/-": "Handlungsfeld: 2 Ausbildung und berufliche Integration · "
            "Bewertung: nicht gesetzt",
            "*/fulfilled": "Auswahl: ",
            "*/changed": "seit dem letzten Bericht geändert",
        }
        for number_id in words:
            assert sets[number_id], number_id
            screen = await enter_on(app, pilot, number_id)
            assert screen.visible_ids() == sets[number_id], number_id
            assert tree_measure_ids(screen) == sets[number_id], number_id
            first = min(sets[number_id], key=lambda m: [int(p) for p in m.split(".")])
            assert screen.catalogue_tree.selected_item == Item("measure", first), number_id
            text = screen_text(app)
            total = len(sets["*/measures"])
            assert f"{len(sets[number_id])} von {total} Maßnahmen" in text, number_id
            assert words[number_id] in " ".join(text.split()), number_id  # the filter bar
            assert "Esc: zurück zur Übersicht" in text, number_id
            await press(pilot, "escape")
            assert on(app, number_id), number_id

        # a reason for attention (all fields), and a row: that measure, with why
        screen = await enter_on(app, pilot, "attention/next_step_due/ja")
        assert screen.visible_ids() == sets["attention/next_step_due/ja"]
        assert "– nächster Schritt fällig" in screen_text(app)
        await press(pilot, "escape")
        row = next(line for line in overview(app).lines if line.has_class("attention-row"))
        row_id = row.entry.number.id
        measure_id = row_id.removeprefix("measure/")
        assert shown((row, 0)).startswith(measure_id) and "kritisch" in shown((row, 0))
        screen = await enter_on(app, pilot, row_id)
        assert screen.visible_ids() == {measure_id}
        assert screen.catalogue_tree.selected_item == Item("measure", measure_id)
        assert "1 von 27 Maßnahmen – Auswahl: 1 Maßnahme" in screen_text(app)
        await press(pilot, "escape")
        assert on(app, row_id)

        # Esc in the overview: back to the tree as it was; o opens it again where one was
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and not main.filter.active()
        await press(pilot, "o")
        assert on(app, row_id)

    run_app(reported.workspace, scenario)


def test_wide_side_by_side_help_palette_and_saves_of_others(
    reported: Reported,
) -> None:
    """At 120×40 the list of what needs attention stands beside the numbers (→/← cross);
    help and the palette list the key; a save of another session is counted at once."""

    async def scenario(app: MonitorApp, main: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        assert dict(sections["Überall in der Hauptansicht"])["o"].startswith("Übersicht")
        keys = dict(sections["In der Übersicht (o)"])
        assert {"Eingabe", "Esc / o", "↑ / k", "↓ / j", "← / h", "→ / l", "Tab"} <= set(keys)
        await press(pilot, "escape")
        await palette_search(app, pilot, "Übersicht", "Übersicht: Zahlen je Handlungsfeld")
        await press(pilot, "enter")
        screen = overview(app)
        assert screen.has_class("wide")
        line = next(ln for ln in screen_text(app).splitlines() if "Alle Handlungsfelder" in ln)
        assert "Braucht Aufmerksamkeit" in line  # side by side
        await press(pilot, "right", "right")  # past the line's end: over to the list
        assert on(app, "attention/assessment/kritisch")
        await press(pilot, "down", "left")  # back where one left: "unlesbar 1"
        assert on(app, "*/unreadable")
        await press(pilot, "l", "l")
        assert on(app, "attention/assessment/gefaehrdet")

        # another session records a measure as "kritisch": the number follows
        before = entry(places(app)["attention/assessment/kritisch"]).number.count
        catalogue = load_catalogue(reported.workspace.catalogue_dir)
        edit = Edit(assessment="kritisch", note="Begründung")
        save_edit(reported.workspace, catalogue, "2.1.3", edit, "bernd")
        await wait_until(
            pilot,
            lambda: entry(places(app)["attention/assessment/kritisch"]).number.count == before + 1,
            "the overview to count the other session's save",
        )
        await settle(pilot)
        assert on(app, "attention/assessment/gefaehrdet")

    run_app(reported.workspace, scenario, size=(120, 40))
