"""The reporting cycle in the app (one app start): the tree marks what changed since the last
report with Δ, the filter shows only those, the detail pane puts the report's values next to
today's, and the Berichte screen (B) freezes a new report, after which nothing is marked."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from monitor_tui.filters import YES, MeasureFilter
from monitor_tui.reports.store import list_reports
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace

from .reports_data import D1, freeze, quick_freeze, write_logs  # noqa: F401  (a fixture)
from .tui_helpers import TODAY, burst, press, run_app, screen_text, settle, type_text


@pytest.mark.usefixtures("quick_freeze")
def test_marks_filter_detail_and_freezing_from_the_app(workspace: Workspace) -> None:
    write_logs(workspace)
    freeze(workspace, D1, "1. Quartal")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert screen.catalogue_tree.changed == {"1.2.2", "3.1.1"}

        # the filter "seit dem letzten Bericht geändert", chosen from the menu
        await press(pilot, "f", "g")  # "nur seit dem letzten Bericht geänderte"
        assert screen.filter == MeasureFilter.of(changed=[YES])
        text = screen_text(app)
        assert "2 von 27 Maßnahmen – seit dem letzten Bericht geändert" in text
        assert "Δ 1.2.2" in text and "Δ 3.1.1" in text and "2.1.1" not in text

        # the detail pane: the report's values next to today's
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        text = screen_text(app)
        assert "Bericht vom 31.03.2026 (2026-03-31):" in text
        assert "Δ Umsetzungsstand: in Umsetzung → jetzt" in text
        assert "Δ Priorität: mittel → jetzt hoch" in text
        assert "Δ 2 neue öffentliche Einträge" in text

        # the Berichte screen lists the report; freezing asks for title and date, confirms
        await press(pilot, "B")
        text = screen_text(app)
        assert "2026-03-31" in text and "1. Quartal" in text and "letzter Bericht" in text
        await press(pilot, "f")
        await type_text(pilot, "Jahresbericht")
        await press(pilot, "tab", "ctrl+u")
        await type_text(pilot, "2999-01-01")
        await press(pilot, "enter")
        assert "liegt in der Zukunft" in screen_text(app)
        await burst(pilot, "backspace", 10)
        await type_text(pilot, "27.11.2026")
        await press(pilot, "enter")
        assert "einfrieren?" in screen_text(app) and "„Jahresbericht“" in screen_text(app)
        await press(pilot, "j")
        assert "Bericht 2026-11-27 eingefroren." in screen_text(app)
        assert "* 2026-11-27" in screen_text(app)

        # the diff of the older report against now, then back to the tree
        await press(pilot, "down", "enter")
        text = screen_text(app)
        assert "Veränderungen seit Bericht 2026-03-31" in text
        assert "1.2.2" in text and "3.1.1" in text
        await press(pilot, "escape", "escape")
        assert screen.catalogue_tree.changed == frozenset()
        assert "0 von 27 Maßnahmen" in screen_text(app)

        # the export dialog names its comparison and refuses a day in the future
        await press(pilot, "x")
        compare = str(app.screen.query_one("#export-compare", Static).content)
        assert compare == "Vergleich: Bericht 2026-03-31 vom 31.03.2026 (der letzte davor)"
        await press(pilot, "tab")
        await burst(pilot, "backspace", 10)
        await type_text(pilot, "2999-01-01")
        await press(pilot, "enter")
        assert "Der Berichtsstand 01.01.2999 liegt in der Zukunft" in screen_text(app)
        await press(pilot, "escape")

    run_app(workspace, scenario)
    reports = [r.id for r in list_reports(workspace)[0]]
    assert reports == ["2026-03-31", "2026-11-27"]
    assert not any(workspace.exports_dir.iterdir())
    assert TODAY.isoformat() == "2026-11-27"
