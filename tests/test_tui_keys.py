"""Every key of the main screen, driven with Pilot at 80×24; asserts on screen and on disk."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import TextArea

from monitor_tui.catalogue import load_catalogue
from monitor_tui.filters import MeasureFilter
from monitor_tui.model import MeasureStatus
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import current_login, load_status, save_edit
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.screens.help import HelpScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.note_editor import FileEditorScreen, NoteEditorScreen
from monitor_tui.tui.screens.picker import ChecklistScreen, PickerScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.workspace import Workspace
from tests.tui_helpers import (
    TODAY,
    burst,
    press,
    run_app,
    screen_text,
    settle,
    type_text,
    wait_until,
)


async def select_measure(screen: MainScreen, pilot: Pilot[None], measure_id: str) -> None:
    screen.go_to_measure(measure_id)
    await settle(pilot)
    assert screen.catalogue_tree.selected_item == Item("measure", measure_id)


def saved(workspace: Workspace, measure_id: str) -> MeasureStatus:
    return load_status(workspace, load_catalogue(workspace.catalogue_dir), measure_id)


def palette_prompts(app: MonitorApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def palette_search(app: MonitorApp, pilot: Pilot[None], typed: str, wanted: str) -> None:
    """Open the command palette, type `typed`, wait until a command starting with `wanted` is
    listed (the palette searches in a worker)."""
    await press(pilot, "ctrl+p")
    await type_text(pilot, typed)
    await wait_until(
        pilot,
        lambda: any(p.startswith(wanted) for p in palette_prompts(app)),
        f"the palette to offer {wanted!r} for {typed!r}",
    )


# --- moving around ------------------------------------------------------------------------------


def test_start_shows_the_tree_with_roll_ups_and_the_first_field(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        text = screen_text(app)
        assert "1 0/7 umgesetzt Bildung" in text
        assert "5 0/3 umgesetzt Gesundheit" in text
        assert "4.1 Handlungsfeld Bildung" in text
        assert "? Hilfe" in text

    run_app(workspace, scenario)


MARKED_UP_NOTE = (
    "## Stand\n\n- **Kita** am [Rhein](https://mainz.de)\n  - Träger\n\n"
    "| Jahr | Plätze |\n|---|--:|\n| 2025 | 12 |\n\n```\nPlan B\n```"
)


def test_arrows_and_vi_keys_expand_move_and_collapse(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.1", Edit(note="Erster Vermerk."), "anna")
    save_edit(workspace, catalogue, "1.2.1", Edit(note=MARKED_UP_NOTE), "anna")
    save_edit(workspace, catalogue, "1.2.2", Edit(note="Nur ein Satz."), "anna")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        tree = screen.catalogue_tree
        await press(pilot, "l")
        assert "1.1 0/1 Geflüchtete" in screen_text(app)
        await press(pilot, "j")
        assert tree.selected_item == Item("goal", "1.1")
        await press(pilot, "right", "right")
        assert tree.selected_item == Item("measure", "1.1.1")
        assert "Erfolgsindikator" in screen_text(app)
        await press(pilot, "k")
        assert tree.selected_item == Item("goal", "1.1")
        await press(pilot, "h", "left")  # collapse the goal, up to the field
        assert tree.selected_item == Item("field", "1")
        await press(pilot, "down")
        assert tree.selected_item == Item("goal", "1.1")
        await press(pilot, "up", "h")
        assert "1.1 0/1" not in screen_text(app)
        await press(pilot, "end")
        assert tree.selected_item == Item("field", "5")
        await press(pilot, "home")
        assert tree.selected_item == Item("field", "1")
        # Work done, not time: whatever the notes hold, the next measure takes the detail
        # pane's widgets as they are (removing and mounting them cost frames), with its own
        # texts; a log of fewer entries leaves a widget aside for the way back.
        await select_measure(screen, pilot, "1.2.1")
        widgets = list(screen.detail.children)
        await press(pilot, "down")
        assert tree.selected_item == Item("measure", "1.2.2")
        assert list(screen.detail.children) == widgets
        assert "Maßnahme 1.2.2" in screen_text(app) and "Maßnahme 1.2.1" not in screen_text(app)
        await press(pilot, "up")
        assert list(screen.detail.children) == widgets
        screen.detail.scroll_end(animate=False)
        await pilot.pause()
        assert "• Kita am Rhein (https://mainz.de)" in screen_text(app)

    run_app(workspace, scenario)


def test_enter_opens_a_measure_and_tab_switches_panes(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "enter")
        assert app.focused is screen.detail
        await press(pilot, "tab")
        assert app.focused is screen.catalogue_tree
        await press(pilot, "tab")
        assert app.focused is screen.detail
        # a held-down j (keys in one burst) scrolls a line per key, none lost
        assert screen.detail.max_scroll_y >= 5
        await burst(pilot, "j", 5)
        assert screen.detail.scroll_y == 5
        await burst(pilot, "k", 2)
        assert screen.detail.scroll_y == 3

    run_app(workspace, scenario)


def test_search_ignores_case_and_umlauts_enter_jumps_escape_clears(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "slash")
        await type_text(pilot, "ELTERNBRIEF")
        text = screen_text(app)
        assert "Suche „ELTERNBRIEF“" in text and "1 von 27 Maßnahmen" in text
        assert "2 0/5" not in text  # other fields are hidden
        await press(pilot, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", "1.2.2")
        assert "Maßnahme 1.2.2" in screen_text(app)
        await press(pilot, "escape")
        text = screen_text(app)
        assert "Suche „" not in text and "2 0/5 umgesetzt" in text
        await press(pilot, "slash")
        await type_text(pilot, "fluechtlingsfamilien")
        assert re.search(r"1\.2 0/3 Kinder aus Flüchtlin\w*…", screen_text(app))  # cut with …
        await press(pilot, "escape", "slash")
        await type_text(pilot, "xyzzy")
        await press(pilot, "enter")
        assert "Keine Maßnahme passt zu „xyzzy“" in screen_text(app)

    run_app(workspace, scenario)


def test_filters_take_several_values_combine_and_esc_clears_them_keeping_the_place(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "3.1.1", Edit(status="in-umsetzung", priority="hoch"), "anna")
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "f")
        assert isinstance(app.screen, PickerScreen)
        assert "h  Handlungsfeld" in screen_text(app) and "p  Priorität" in screen_text(app)
        await press(pilot, "s")  # the letter beside "Umsetzungsstand" opens its checklist
        assert isinstance(app.screen, ChecklistScreen)
        await type_text(pilot, "ug")  # tick "in Umsetzung" and "umgesetzt" by their letters
        assert "[x] u  U in Umsetzung" in screen_text(app)
        await press(pilot, "enter")
        text = " ".join(screen_text(app).split())
        assert "Umsetzungsstand: in Umsetzung oder umgesetzt" in text
        assert "2 von 27 Maßnahmen" in text and "2 0/5" not in text
        await press(pilot, "f", "p")
        await type_text(pilot, "h")
        await press(pilot, "enter")  # AND across dimensions
        text = " ".join(screen_text(app).split())
        assert "1 von 27 Maßnahmen" in text and "Priorität: hoch" in text
        assert "U 3.1.1" in text and "1.2.2" not in text
        await press(pilot, "f", "z")  # offices have no letters: type-ahead, Space ticks
        await type_text(pilot, "frauenb")
        await press(pilot, "space", "enter")
        text = " ".join(screen_text(app).split())
        assert "0 von 27 Maßnahmen" in text and "Zuständigkeit: Frauenbüro" in text
        assert "Keine Maßnahme passt zu den Filtern – Esc hebt sie auf" in text
        await press(pilot, "slash")
        await type_text(pilot, "Wohnungsbau")
        await press(pilot, "escape")  # the search goes first …
        assert screen.query_text == "" and screen.filter.active()
        await press(pilot, "escape")  # … then the filters, the place kept
        assert not screen.filter.active() and "von 27 Maßnahmen" not in screen_text(app)
        await press(pilot, "f")
        await type_text(pilot, "s")
        await press(pilot, "space", "enter")  # "offen" only
        await press(pilot, "f", "a")  # "Alle Filter aufheben"
        text = screen_text(app)
        assert "Alle Filter aufgehoben" in text and "von 27 Maßnahmen" not in text, text

    run_app(workspace, scenario)


def test_clearing_filters_keeps_the_selection_and_the_open_branches(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "3.1.1", Edit(status="in-umsetzung"), "anna")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        tree = screen.catalogue_tree
        screen.set_filter(MeasureFilter.of(status=["in-umsetzung"]))
        await settle(pilot)
        await press(pilot, "down", "down")  # field 3 → goal 3.1 → measure 3.1.1
        assert tree.selected_item == Item("measure", "3.1.1")
        await press(pilot, "f", "a")
        assert tree.selected_item == Item("measure", "3.1.1")
        assert {Item("field", "3"), Item("goal", "3.1")} <= tree.expanded_items()
        assert Item("field", "1") not in tree.expanded_items()

    run_app(workspace, scenario)


# --- recording ----------------------------------------------------------------------------------


def test_s_sets_the_status_by_arrows_or_the_letter_shown_and_escape_cancels(
    workspace: Workspace,
) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "s")
        text = screen_text(app)
        assert "Umsetzungsstand von Maßnahme 1.2.2" in text
        # every choice shows a distinct letter beside its mark
        for line in ("o  · offen", "p  P in Planung", "u  U in Umsetzung", "g  ✓ umgesetzt"):
            assert line in text, line
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert not status_path(workspace.status_dir, "1.2.2").exists()
        await press(pilot, "s", "down", "enter")  # from "offen" to "in Planung"
        assert "P in Planung" in screen_text(app)
        assert saved(workspace, "1.2.2").status == "in-planung"
        await press(pilot, "s", "u")  # the letter shown beside "U in Umsetzung" chooses it
        assert saved(workspace, "1.2.2").status == "in-umsetzung"
        await press(pilot, "s", "g")
        text = screen_text(app)
        assert "✓ umgesetzt" in text and "1 1/7 umgesetzt Bildung" in text
        assert f"gespeichert (als {current_login()})" in text

    run_app(workspace, scenario)
    status = saved(workspace, "1.2.2")
    assert status.status == "umgesetzt"
    assert [e.author for e in status.log] == [current_login()] * 3


def test_t_sets_the_state_of_a_horizon_target(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure = next(m for m in catalogue.measures() if len(m.targets) > 1)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, measure.id)
        await press(pilot, "t")
        assert "Welches Ziel des Zeithorizonts?" in screen_text(app)
        await press(pilot, "2")  # the second target, by its number
        text = " ".join(screen_text(app).split())
        label = measure.targets[1].label.rstrip(":")
        assert f"Stand des Ziels „{label}“ von Maßnahme {measure.id}" in text
        assert measure.targets[1].text.split()[0] in text  # the target's own words
        await press(pilot, "e")  # "erreicht"
        assert "✓ erreicht  " + measure.targets[1].label in screen_text(app)

    run_app(workspace, scenario, size=(120, 40))
    assert saved(workspace, measure.id).targets == {measure.targets[1].key: "erreicht"}


def test_b_and_p_set_assessment_and_priority(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "2.1.1")
        await press(pilot, "b", "i")  # "gefährdet" asks for a reason: see test_offices_tui
        await press(pilot, "p", "h")
        text = screen_text(app)
        assert "● im Plan" in text and "↑ hoch" in text
        await press(pilot, "p")
        assert "-  nicht gesetzt" in screen_text(app)
        await type_text(pilot, "-")  # clears the priority again

    run_app(workspace, scenario)
    status = saved(workspace, "2.1.1")
    assert status.assessment == "im-plan" and status.priority is None


def test_n_writes_a_note_ctrl_t_marks_it_internal_without_colour_ctrl_s_saves(
    workspace: Workspace,
) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "n")
        assert isinstance(app.screen, NoteEditorScreen)
        assert "▐ ▌ intern (nie im gedruckten Bericht): nein" in screen_text(app)
        await press(pilot, "ctrl+t")
        assert "▐X▌ intern (nie im gedruckten Bericht): ja" in screen_text(app)
        await press(pilot, "ctrl+t")
        assert "▐ ▌ intern (nie im gedruckten Bericht): nein" in screen_text(app)
        await type_text(pilot, "Flyer verteilt")
        await press(pilot, "ctrl+t", "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "Interne Notiz zu 1.2.2 gespeichert" in text and "„Flyer verteilt“" in text
        # the details scrolled to what was saved, which lies below the fold at 80×24
        assert re.search(r"[│┃] +Flyer verteilt", text), text
        assert " intern " in text

    run_app(workspace, scenario)
    entry = saved(workspace, "1.2.2").log[0]
    assert (entry.text, entry.internal, entry.author) == ("Flyer verteilt", True, current_login())


def test_escape_in_the_note_editor_asks_before_discarding(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "n")
        await type_text(pilot, "Entwurf")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")  # no: back to the editor, text intact
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one(TextArea).text == "Entwurf"
        await press(pilot, "escape", "j")
        assert isinstance(app.screen, MainScreen)

    run_app(workspace, scenario)
    assert not status_path(workspace.status_dir, "1.2.2").exists()


def test_q_quits_at_once_without_an_open_note(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert app.return_code is None
        await pilot.press("q")

    assert run_app(workspace, scenario).return_code == 0


def test_quit_asks_when_an_unsaved_note_would_be_lost(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "n")
        await type_text(pilot, "wichtig")
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "ginge verloren" in screen_text(app)
        await press(pilot, "n")
        assert app.return_code is None and isinstance(app.screen, NoteEditorScreen)
        await pilot.press("ctrl+q", "j")

    assert run_app(workspace, scenario).return_code == 0
    assert not status_path(workspace.status_dir, "1.2.2").exists()


def test_u_records_a_review_today_and_asks_for_a_measure_first(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "u")  # on the first field
        assert "Bitte zuerst eine Maßnahme auswählen" in screen_text(app)
        assert not any(workspace.status_dir.iterdir())
        await select_measure(screen, pilot, "1.2.2")
        assert "Zuletzt überprüft: noch nie" in screen_text(app)
        await press(pilot, "u")
        text = screen_text(app)
        assert "Zuletzt überprüft: 27.11.2026" in text
        assert "als überprüft am 27.11.2026 vermerkt" in text

    run_app(workspace, scenario)
    status = saved(workspace, "1.2.2")
    assert status.reviewed == TODAY and status.log[0].author == current_login()


# --- files on disk ------------------------------------------------------------------------------


def test_e_opens_visual_else_nano_else_the_apps_own_editor_and_says_which(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never vi by default: $VISUAL, else nano (if installed), else the app's own editor."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[-1])\n"
        "old, new = sys.argv[1:3]\n"
        "p.write_text(p.read_text().replace(f'\"{old}\"', f'\"{new}\"', 1))\n"
    )
    with_nano, without = tmp_path / "with-nano", tmp_path / "without"
    with_nano.mkdir()
    without.mkdir()
    nano = with_nano / "nano"  # stands in for nano: turns the status into "zurueckgestellt"
    nano.write_text(
        f"#!{sys.executable}\nimport runpy, sys\nsys.argv[1:1] = ['verstetigt', "
        f"'zurueckgestellt']\nrunpy.run_path({str(editor)!r})\n"
    )
    nano.chmod(0o755)
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor} umgesetzt verstetigt")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "e")
        text = screen_text(app)
        assert "★ verstetigt" in text and "neu gelesen" in text
        monkeypatch.delenv("VISUAL")
        monkeypatch.delenv("EDITOR", raising=False)
        monkeypatch.setenv("PATH", str(with_nano))
        await press(pilot, "e")
        text = " ".join(screen_text(app).split())
        assert "Z zurückgestellt" in text and "nach nano neu gelesen" in text
        monkeypatch.setenv("PATH", str(without))
        await press(pilot, "e")
        assert isinstance(app.screen, FileEditorScreen)
        assert "eingebauter Editor" in screen_text(app)
        area = app.screen.query_one(TextArea)
        area.load_text(area.text.replace('"zurueckgestellt"', '"entfallen"', 1))
        await press(pilot, "escape")  # unsaved changes: asks, and "n" keeps them
        assert "Änderungen an der Datei sind nicht gespeichert" in screen_text(app)
        await press(pilot, "n")
        assert isinstance(app.screen, FileEditorScreen)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        text = " ".join(screen_text(app).split())
        assert "✗ entfallen" in text and "nach dem eingebauten Editor neu gelesen" in text

    run_app(workspace, scenario)
    log = saved(workspace, "1.2.2").log
    assert [e.tags for e in log[:3]] == [("von-hand",)] * 3  # each edit on the record
    assert saved(workspace, "1.2.2").status == "entfallen"


def test_e_says_what_is_wrong_without_a_file_or_with_a_broken_editor_setting(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    monkeypatch.setenv("VISUAL", "'unbalanced quote")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "1.2.1")
        await press(pilot, "e")
        assert "noch keine Statusdatei" in screen_text(app)
        await select_measure(screen, pilot, "1.2.2")
        await press(pilot, "e")
        assert "Editor" in screen_text(app) and isinstance(app.screen, MainScreen)

    run_app(workspace, scenario)


def test_r_reloads_what_changed_on_disk(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "4.1.1")
        catalogue = load_catalogue(workspace.catalogue_dir)
        save_edit(workspace, catalogue, "4.1.1", Edit(status="entfallen"), "anna")
        await press(pilot, "r")
        text = screen_text(app)
        assert "✗ entfallen" in text and "Neu geladen" in text

    run_app(workspace, scenario)


# --- help and the command palette ---------------------------------------------------------------


def test_help_lists_every_key_by_place_and_every_mark_in_german(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        main = dict(sections["Überall in der Hauptansicht"])
        for keys in ("Tab", "Eingabe", "/", "Esc", "+", "-", "Strg+P", "Strg+Q"):
            assert keys in main, keys
        for keys in ("f", "s", "t", "b", "p", "n", "u", "e", "x", "B", "r", "?", "q"):
            assert keys in main, keys
        assert main["s"] == "Umsetzungsstand" and main["n"] == "Notiz"
        assert main["u"] == "Als heute überprüft vermerken" and "PDF" in main["x"]
        tree = dict(sections["Im Baum (links)"])
        assert {"↑ / k", "↓ / j", "← / h", "→ / l", "Pos1", "Ende"} <= set(tree)
        details = dict(sections["In den Details (rechts, mit Tab erreichbar)"])
        assert set(details) == {"j", "k"}  # j twice, each with its place
        assert "Strg+S" in dict(sections["Im Notiz-Editor (n)"])
        assert "Umschalt+Tab" in dict(sections["Im Export-Dialog (x)"])
        assert "Leertaste" in dict(sections["In Auswahllisten (s, t, b, p, f)"])
        marks = dict(sections["Zeichen: Umsetzungsstand"])
        assert marks == {
            "·": "offen (nicht begonnen)",
            "P": "in Planung",
            "V": "in Vorbereitung",
            "U": "in Umsetzung",
            "✓": "umgesetzt",
            "★": "verstetigt",
            "Z": "zurückgestellt",
            "✗": "entfallen",
        }
        assert dict(sections["Zeichen: Zeithorizont"])["◐"] == "teilweise erreicht"
        assert set(dict(sections["Zeichen: Priorität"])) == {"↑", "→", "↓"}
        assert set(dict(sections["Zeichen: Bewertung"])) == {"●", "▲", "■"}
        assert "Δ" in dict(sections["Weitere Zeichen"])
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)

    run_app(workspace, scenario)


def test_command_palette_runs_actions(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await select_measure(screen, pilot, "4.1.1")
        await palette_search(app, pilot, "überprüft", "Als heute überprüft vermerken")
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert "als überprüft am 27.11.2026 vermerkt" in screen_text(app)
        await palette_search(app, pilot, "Hilfe", "Hilfe")
        await press(pilot, "enter")
        assert isinstance(app.screen, HelpScreen)

    run_app(workspace, scenario)
    assert saved(workspace, "4.1.1").reviewed == TODAY


def test_command_palette_goes_to_a_measure_by_text_or_lists_all_for_the_command_words(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    every_measure = [f"Gehe zu Maßnahme {m.id}" for m in catalogue.measures()]

    def listed_measures(app: MonitorApp) -> list[str]:
        prompts = palette_prompts(app)
        return [p.split(":")[0] for p in prompts if p.startswith("Gehe zu Maßnahme ")]

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        await palette_search(app, pilot, "Elternbrief", "Gehe zu Maßnahme 1.2.2")
        await press(pilot, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", "1.2.2")
        for typed in ("Gehe", "Gehe zu", "gehe zu maß"):
            await palette_search(app, pilot, typed, every_measure[-1])
            assert listed_measures(app) == every_measure, typed  # all, in the catalogue's order
            await press(pilot, "escape")
        await palette_search(app, pilot, "Gehe zu", every_measure[-1])
        await press(pilot, "enter")
        assert screen.catalogue_tree.selected_item == Item("measure", "1.1.1")

    run_app(workspace, scenario)


# --- terminals ----------------------------------------------------------------------------------


def test_a_too_small_terminal_gets_a_german_message(workspace: Workspace) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        text = screen_text(app)
        assert "Das Fenster ist zu klein" in text and "60×15" in text
        assert "Bildung" not in text

    run_app(workspace, scenario, size=(50, 12))


def test_a_burst_of_keys_lands_where_it_was_typed(workspace: Workspace) -> None:
    """Over SSH "/2018/19⏎su" can arrive in one packet, before any key is handled: the search
    gets "2018/19", the status picker opens and "u" chooses "in Umsetzung"; then "n" and a
    note's words, again in one packet, land in the note editor and nowhere else."""
    burst = [("slash", "/"), *[(c, c) for c in "2018"], ("slash", "/"), ("1", "1"), ("9", "9")]
    burst += [("enter", "\r"), ("s", "s"), ("u", "u")]

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert screen.query_text == "2018/19"
        assert isinstance(app.screen, MainScreen)
        assert "U in Umsetzung" in screen_text(app)  # chosen by the "u" of the burst
        for character in "nFlyer verteilt":
            app.post_message(events.Key("space" if character == " " else character, character))
        await settle(pilot)
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one(TextArea).text == "Flyer verteilt"

    run_app(workspace, scenario)
    status = saved(workspace, "1.2.2")
    assert status.status == "in-umsetzung" and status.reviewed is None  # "u" was no review
