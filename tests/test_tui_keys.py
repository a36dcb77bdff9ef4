"""Every key of the main screen, driven with Pilot at 80×24; asserts on screen and on disk."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import current_login, load_status, save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.screens.export_dialog import ExportScreen
from monitor_tui.tui.screens.help import HelpScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.note_editor import NoteEditorScreen
from monitor_tui.tui.screens.picker import PickerScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.workspace import Workspace
from tests.tui_helpers import TODAY, main_screen, make_app, screen_text, settle

Scenario = Callable[[MonitorApp, MainScreen], Awaitable[None]]


def run(workspace: Workspace, scenario: Scenario, size: tuple[int, int] = (80, 24)) -> MonitorApp:
    """Start the app on `workspace`, run `scenario` against it, return the app afterwards."""
    app = make_app(workspace)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(app, main_screen(app))

    asyncio.run(main())
    return app


async def press(app: MonitorApp, *keys: str) -> None:
    pilot = _pilot(app)
    await pilot.press(*keys)
    await settle(pilot)


def _pilot(app: MonitorApp):  # type: ignore[no-untyped-def]
    from textual.pilot import Pilot

    return Pilot(app)


async def select_measure(app: MonitorApp, screen: MainScreen, measure_id: str) -> None:
    screen.go_to_measure(measure_id)
    await settle(_pilot(app))
    assert screen.catalogue_tree.selected_item == Item("measure", measure_id)


def saved(workspace: Workspace, measure_id: str):  # type: ignore[no-untyped-def]
    return load_status(workspace, load_catalogue(workspace.catalogue_dir), measure_id)


def test_start_shows_tree_with_rollups_and_the_first_field(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        text = screen_text(app)
        assert "1 0/7 umgesetzt Bildung" in text
        assert "5 0/3 umgesetzt Gesundheit" in text
        assert "4.1 Handlungsfeld Bildung" in text
        assert "? Hilfe" in text or "Hilfe" in text

    run(workspace, scenario)


def test_arrows_and_vi_keys_expand_move_and_collapse(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        tree = screen.catalogue_tree
        await press(app, "l")
        assert "1.1 0/1 Geflüchtete" in screen_text(app)
        await press(app, "j")
        assert tree.selected_item == Item("goal", "1.1")
        await press(app, "right", "right")
        assert tree.selected_item == Item("measure", "1.1.1")
        assert "Erfolgsindikator" in screen_text(app)
        await press(app, "k")
        assert tree.selected_item == Item("goal", "1.1")
        await press(app, "h")  # collapse the goal
        await press(app, "left")  # up to the field
        assert tree.selected_item == Item("field", "1")
        await press(app, "down")
        assert tree.selected_item == Item("goal", "1.1")
        await press(app, "up", "h")
        assert "1.1 0/1" not in screen_text(app)
        await press(app, "end")
        assert tree.selected_item == Item("field", "5")
        await press(app, "home")
        assert tree.selected_item == Item("field", "1")

    run(workspace, scenario)


def test_enter_opens_a_measure_and_tab_switches_panes(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "enter")
        assert app.focused is screen.detail
        await press(app, "tab")
        assert app.focused is screen.catalogue_tree
        await press(app, "tab")
        assert app.focused is screen.detail

    run(workspace, scenario)


def test_search_is_umlaut_insensitive_enter_jumps_escape_clears(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "slash", *"ELTERNBRIEF")
        text = screen_text(app)
        assert "Suche „ELTERNBRIEF“" in text and "1 von 27 Maßnahmen" in text
        assert "2 0/5" not in text  # other fields are hidden
        await press(app, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", "1.2.2")
        assert "Maßnahme 1.2.2" in screen_text(app)
        await press(app, "escape")
        text = screen_text(app)
        assert "Suche „" not in text and "2 0/5 umgesetzt" in text
        await press(app, "slash", *"fluechtlingsfamilien")
        assert "1.2 0/3 Kinder aus Flüchtling" in screen_text(app)

    run(workspace, scenario)


def test_search_without_hits_says_so(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "slash", *"xyzzy", "enter")
        assert "Keine Maßnahme passt zu „xyzzy“" in screen_text(app)

    run(workspace, scenario)


def test_filter_by_status_keeps_the_active_filter_visible(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "3.1.1", Edit(status="in-umsetzung"), "anna")

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "f")
        assert isinstance(app.screen, PickerScreen)
        await press(app, *"um", "enter")  # "Umsetzungsstand" by type-ahead
        await press(app, *"in u", "enter")  # "in Umsetzung"
        text = screen_text(app)
        assert "Stand: in Umsetzung" in text and "1 von 27 Maßnahmen" in text
        assert "U 3.1.1" in text and "1 0/7" not in text
        await press(app, "f", *"alle", "enter")  # "Alle Filter aufheben"
        assert "Stand: in Umsetzung" not in screen_text(app)

    run(workspace, scenario)


def test_filter_by_office_term_and_overdue(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "f", *"zust", "enter", *"frauenb", "enter")
        assert "Amt: Frauenbüro" in screen_text(app)
        await press(app, "f", *"zeit", "enter", *"lang", "enter")
        assert "Zeithorizont: langfristig" in screen_text(app)
        await press(app, "f", *"nur", "enter")
        text = " ".join(screen_text(app).split())  # the bar may wrap
        assert "nur überfällige" in text and "0 von 27 Maßnahmen" in text

    run(workspace, scenario)


def test_s_sets_the_status_through_save_edit(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "s")
        assert "Umsetzungsstand von Maßnahme 1.2.2" in screen_text(app)
        await press(app, *"um", "enter")
        text = screen_text(app)
        assert "✓ umgesetzt" in text and "1 1/7 umgesetzt Bildung" in text
        assert f"gespeichert (als {current_login()})" in text

    run(workspace, scenario)
    status = saved(workspace, "1.2.2")
    assert status.status == "umgesetzt"
    assert status.log[0].author == current_login()


def test_s_picker_moves_with_arrows_and_escape_cancels(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "s", "escape")
        assert not isinstance(app.screen, PickerScreen)
        await press(app, "s", "down", "enter")  # from "offen" to "in Planung"
        assert "P in Planung" in screen_text(app)

    run(workspace, scenario)
    assert saved(workspace, "1.2.2").status == "in-planung"
    assert not status_path(workspace.status_dir, "1.1.1").exists()


def test_t_sets_the_state_of_a_horizon_target(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure = next(m for m in catalogue.measures() if len(m.targets) > 1)

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, measure.id)
        await press(app, "t")
        assert "Welches Ziel des Zeithorizonts?" in screen_text(app)
        await press(app, "down", "enter")  # the second target
        await press(app, *"erreicht", "enter")
        assert "✓ erreicht  " + measure.targets[1].label in screen_text(app)

    run(workspace, scenario, size=(120, 40))
    assert saved(workspace, measure.id).targets == {measure.targets[1].key: "erreicht"}


def test_b_and_p_set_assessment_and_priority(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "2.1.1")
        await press(app, "b", *"im", "enter")  # "gefährdet" asks for a reason: test_offices_tui
        await press(app, "p", *"hoch", "enter")
        text = screen_text(app)
        assert "● im Plan" in text and "↑ hoch" in text
        await press(app, "p", *"nicht", "enter")  # clears the priority again

    run(workspace, scenario)
    status = saved(workspace, "2.1.1")
    assert status.assessment == "im-plan" and status.priority is None


def test_n_writes_a_note_ctrl_s_saves_it(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "n")
        assert isinstance(app.screen, NoteEditorScreen)
        await press(app, *"Flyer verteilt", "ctrl+t", "ctrl+s")
        assert not isinstance(app.screen, NoteEditorScreen)
        assert "Maßnahme 1.2.2 gespeichert" in screen_text(app)

    run(workspace, scenario)
    entry = saved(workspace, "1.2.2").log[0]
    assert (entry.text, entry.internal, entry.author) == ("Flyer verteilt", True, current_login())


def test_escape_in_the_note_editor_asks_before_discarding(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "n", *"Entwurf", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(app, "n")  # no: back to the editor, text intact
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one(TextArea).text == "Entwurf"
        await press(app, "escape", "j")
        assert isinstance(app.screen, MainScreen)

    run(workspace, scenario)
    assert not status_path(workspace.status_dir, "1.2.2").exists()


def test_q_quits_at_once_without_an_open_note(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "q")
        assert app._exit

    run(workspace, scenario)


def test_quit_asks_when_an_unsaved_note_would_be_lost(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "n", *"wichtig", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "ginge verloren" in screen_text(app)
        await press(app, "n")
        assert not app._exit and isinstance(app.screen, NoteEditorScreen)
        await press(app, "ctrl+q", "j")
        assert app._exit

    run(workspace, scenario)


def test_e_opens_the_file_in_the_editor_and_rereads_it(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('umgesetzt\"', 'verstetigt\"'))\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "e")
        text = screen_text(app)
        assert "★ verstetigt" in text and "neu gelesen" in text

    run(workspace, scenario)


def test_e_with_a_broken_editor_setting_reports_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    monkeypatch.setenv("VISUAL", "'unbalanced quote")

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "e")
        assert "Editor" in screen_text(app) and isinstance(app.screen, MainScreen)

    run(workspace, scenario)


def test_e_without_a_file_says_what_to_do(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "e")
        assert "noch keine Statusdatei" in screen_text(app)

    run(workspace, scenario)


def test_x_opens_the_export_dialog_and_escape_closes_it(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "x")
        assert isinstance(app.screen, ExportScreen)
        assert "Bericht exportieren" in screen_text(app)
        await press(app, "escape")
        assert isinstance(app.screen, MainScreen)

    run(workspace, scenario)
    assert not any(workspace.exports_dir.iterdir())  # nothing is written without Enter


def test_u_records_a_review_today(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        assert "Letzte Überprüfung: noch nie" in screen_text(app)
        await press(app, "u")
        text = screen_text(app)
        assert "Letzte Überprüfung: 2026-11-27" in text
        assert "als überprüft am 2026-11-27 vermerkt" in text

    run(workspace, scenario)
    status = saved(workspace, "1.2.2")
    assert status.reviewed == TODAY and status.log[0].author == current_login()


def test_u_on_a_field_asks_for_a_measure(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "u")
        assert "Bitte zuerst eine Maßnahme auswählen" in screen_text(app)

    run(workspace, scenario)
    assert not any(workspace.status_dir.iterdir())


def test_command_palette_records_a_review(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "4.1.1")
        await press(app, "ctrl+p", *"überprüft")
        await asyncio.sleep(0.3)  # the palette searches in a worker
        await settle(_pilot(app))
        assert "Als heute überprüft vermerken" in screen_text(app)
        await press(app, "enter")

    run(workspace, scenario)
    assert saved(workspace, "4.1.1").reviewed == TODAY


def test_the_internal_toggle_reads_without_colour(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "1.2.2")
        await press(app, "n")
        text = screen_text(app)
        assert "▐ ▌ intern (nie im gedruckten Bericht): nein" in text
        await press(app, "ctrl+t")
        text = screen_text(app)
        assert "▐X▌ intern (nie im gedruckten Bericht): ja" in text
        await press(app, "ctrl+t")
        assert ": nein" in screen_text(app)

    run(workspace, scenario)


def test_r_reloads_what_changed_on_disk(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await select_measure(app, screen, "4.1.1")
        catalogue = load_catalogue(workspace.catalogue_dir)
        save_edit(workspace, catalogue, "4.1.1", Edit(status="entfallen"), "anna")
        await press(app, "r")
        text = screen_text(app)
        assert "✗ entfallen" in text and "Neu geladen" in text

    run(workspace, scenario)


def test_help_lists_every_key_in_german(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        for keys in ("↑ / k", "↓ / j", "← / h", "→ / l", "Pos1", "Ende", "Enter", "Tab", "/"):
            assert keys in rows, keys
        for keys in ("f", "s", "t", "b", "p", "n", "u", "e", "x", "r", "?", "q", "^p"):
            assert keys in rows, keys
        assert rows["s"] == "Umsetzungsstand" and rows["n"] == "Notiz"
        assert rows["u"] == "Als heute überprüft vermerken" and "PDF" in rows["x"]
        await press(app, "escape")
        assert isinstance(app.screen, MainScreen)

    run(workspace, scenario, size=(120, 40))


def test_command_palette_goes_to_a_measure_by_text(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "ctrl+p", *"Elternbrief")
        await asyncio.sleep(0.3)  # the palette searches in a worker
        await settle(_pilot(app))
        assert "Gehe zu Maßnahme 1.2.2" in screen_text(app)
        await press(app, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", "1.2.2")

    run(workspace, scenario)


@pytest.mark.parametrize("typed", ["Gehe", "Gehe zu", "gehe zu maß"])
def test_command_palette_lists_every_measure_for_the_command_words(
    workspace: Workspace, typed: str
) -> None:
    from textual.command import CommandList

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "ctrl+p", *typed)
        await asyncio.sleep(0.3)  # the palette searches in a worker
        await settle(_pilot(app))
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        go_to = [p.split(":")[0] for p in prompts if p.startswith("Gehe zu Maßnahme ")]
        expected = [f"Gehe zu Maßnahme {m.id}" for m in screen.catalogue.measures()]
        assert go_to == expected  # all of them, in the catalogue's order
        await press(app, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", expected[0].split()[-1])

    run(workspace, scenario)


def test_command_palette_runs_actions(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        await press(app, "ctrl+p", *"Hilfe")
        await asyncio.sleep(0.3)
        await settle(_pilot(app))
        await press(app, "enter")
        assert isinstance(app.screen, HelpScreen)

    run(workspace, scenario)


def test_a_too_small_terminal_gets_a_german_message(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        text = screen_text(app)
        assert "Das Fenster ist zu klein" in text and "60×15" in text
        assert "Bildung" not in text

    run(workspace, scenario, size=(50, 12))


def test_a_burst_of_keys_lands_where_it_was_typed(workspace: Workspace) -> None:
    """Over SSH "/2018/19⏎s" can arrive in one packet, before any key is handled."""
    from textual import events

    burst = [("slash", "/"), *[(c, c) for c in "2018"], ("slash", "/"), ("1", "1"), ("9", "9")]
    burst += [("enter", "\r"), ("s", "s")]

    async def scenario(app: MonitorApp, screen: MainScreen) -> None:
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(_pilot(app))
        assert screen.query_text == "2018/19"
        assert isinstance(app.screen, PickerScreen)
        assert "Umsetzungsstand von Maßnahme 1.2.2" in screen_text(app)

    run(workspace, scenario)
