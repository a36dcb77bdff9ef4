"""Hostile text stays text, broken files stay contained, SSH and language settings are honoured."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Markdown, TextArea

from monitor_tui import i18n
from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.tui import launch
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.note_editor import NoteEditorScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.tui.widgets.detail import Block, markdown_block
from monitor_tui.tui.widgets.safe_markdown import _literal_parser
from monitor_tui.workspace import Workspace
from tests.tui_helpers import (
    CONTROL_CHARACTERS,
    HOSTILE_CASES,
    make_app,
    press,
    run_app,
    screen_text,
    settle,
    wait_until,
)

CASES = HOSTILE_CASES


def test_visible_turns_every_control_character_into_a_symbol() -> None:
    for case in CASES:
        shown = visible(case["text"])
        assert not any(c in shown for c in CONTROL_CHARACTERS), case["name"]
    assert visible("\x1b[31mrot") == "␛[31mrot"
    assert "\x9b" not in visible("C1\x9b31m")
    assert one_line("a\nb\tc") == "a b c"


MARKDOWN_SYNTAX = re.compile(r"[|`-]+")
"""Tokens a note's Markdown turns into structure (table rules, fences), not into text."""


def shown_literally(text: str, screen: str) -> list[str]:
    """The words of `text` (control characters made visible) that are missing on `screen`."""
    words = [w for w in visible(text).split() if not MARKDOWN_SYNTAX.fullmatch(w)]
    return [w for w in dict.fromkeys(words) if w not in screen]


def lf(text: str) -> str:
    return text.replace("\r\n", "\n")


async def paste(pilot: Pilot[None], text: str) -> None:
    """Replace the focused text area's content by `text`, pasted as a terminal delivers it."""
    area = pilot.app.focused
    assert isinstance(area, TextArea), area
    area.clear()
    pilot.app.post_message(events.Paste(text))
    await wait_until(pilot, lambda: area.text != "", "the pasted text in the text area")


def test_hostile_notes_are_shown_literally(workspace: Workspace) -> None:
    """Every case on a measure of its own, all in one run of the app: each is shown as
    characters (markup, escapes and HTML as typed, controls as symbols), and clicking on the
    note with the Textual action markup runs nothing."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    measure_ids = [m.id for m in catalogue.measures()]
    assert len(measure_ids) >= len(CASES), "one measure per case"
    for measure_id, case in zip(measure_ids, CASES, strict=False):
        save_edit(workspace, catalogue, measure_id, Edit(note=case["text"]), "anna")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        for measure_id, case in zip(measure_ids, CASES, strict=False):
            screen.show_item(Item("measure", measure_id))  # as when the tree's cursor lands on it
            await settle(pilot)
            screen.detail.scroll_end(animate=False)
            await pilot.pause()
            shown = screen_text(app)
            name = case["name"]
            assert not [c for c in CONTROL_CHARACTERS if c in shown], name
            assert shown_literally(case["text"], shown) == [], name
            if name == "textual-action-markup":
                await pilot.click("#detail")
                await settle(pilot)
                assert app.return_code is None, name

    run_app(workspace, scenario, size=(120, 60))


def test_hostile_text_pasted_into_the_note_editor_is_kept_and_stored_byte_for_byte(
    workspace: Workspace,
) -> None:
    """Each case pasted into one open note editor stays as it is (line ends become LF, as
    the text area keeps them); a note of all of them is saved through the editor."""
    every_case = "\n\n".join(lf(case["text"]) for case in CASES)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        screen.go_to_measure("5.1.1")
        await settle(pilot)
        await press(pilot, "n")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        for case in CASES:
            await paste(pilot, case["text"])
            assert editor.text == lf(case["text"]), case["name"]
        await paste(pilot, every_case)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen) and app.return_code is None
        assert "gespeichert" in screen_text(app)

    run_app(workspace, scenario)
    catalogue = load_catalogue(workspace.catalogue_dir)
    assert load_status(workspace, catalogue, "5.1.1").log[0].text == every_case
    raw = status_path(workspace.status_dir, "5.1.1").read_bytes()
    assert every_case.encode("utf-8") in raw


def test_control_characters_pasted_into_the_note_editor_are_shown_as_symbols(
    workspace: Workspace,
) -> None:
    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        await press(pilot, "n")
        pasted = "\x1b[2J\x1b]0;gekapert\x07C1\x9b31mrot"
        await paste(pilot, pasted)
        await settle(pilot)
        shown = screen_text(app)
        assert not [c for c in CONTROL_CHARACTERS if c in shown]
        assert "␛[2J␛]0;gekapert␇C1�31mrot" in shown  # one symbol per character
        assert app.screen.query_one(TextArea).text == pasted  # the note itself stays as typed

    run_app(workspace, scenario)


def test_a_broken_status_file_shows_a_german_error_counts_as_unreadable_and_the_rest_works(
    workspace: Workspace,
) -> None:
    status_path(workspace.status_dir, "1.2.2").write_text("kaputt\n", encoding="utf-8")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert "fehlerhafte Statusdatei" in screen_text(app)
        field = screen_text(app)  # the first field is shown at the start
        assert "! fehlerhaft 1" in field and "offen (nicht begonnen) 6" in field, field
        screen.show_item(Item("goal", "1.2"))
        await settle(pilot)
        goal = screen_text(app)
        assert "! fehlerhaft 1" in goal, goal
        assert re.search(r"! \w+\s+1\.2\.2 ", goal), goal  # its row in the goal's list
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        text = screen_text(app)
        assert "Statusdatei dieser Maßnahme ist fehlerhaft" in text
        assert "! 1.2.2" in text
        await press(pilot, "s")
        assert isinstance(app.screen, MainScreen)  # no picker for a broken file
        screen.go_to_measure("1.2.1")
        await settle(pilot)
        await press(pilot, "s", "g")
        assert "gespeichert" in screen_text(app)

    run_app(workspace, scenario, size=(120, 30))
    assert status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8") == "kaputt\n"
    catalogue = load_catalogue(workspace.catalogue_dir)
    assert load_status(workspace, catalogue, "1.2.1").status == "umgesetzt"


def test_in_english_details_and_a_broken_file_read_in_english(workspace: Workspace) -> None:
    i18n.set_language("en")
    status_path(workspace.status_dir, "1.2.2").write_text("kaputt\n", encoding="utf-8")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        field = screen_text(app)
        assert "! unreadable 1" in field and "open (not started) 6" in field, field
        screen.show_item(Item("goal", "1.2"))
        await settle(pilot)
        assert "! unreadable 1" in screen_text(app)
        screen.go_to_measure("1.2.1")
        await settle(pilot)
        text = screen_text(app)
        assert "Success indicator" in text and "open (not started)" in text

    run_app(workspace, scenario, size=(120, 30))


def test_animations_are_off_over_ssh(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    assert make_app(workspace).animation_level == "none"
    monkeypatch.delenv("SSH_CONNECTION")
    assert make_app(workspace).animation_level != "none"


def is_plain(text: str) -> bool:
    """Is `text` nothing but paragraphs of words (no emphasis, list, link, code …)?"""
    tokens = _literal_parser().parse(visible(text))
    kinds = {"paragraph_open", "inline", "paragraph_close"}
    words = {"text", "softbreak"}
    return all(t.type in kinds and all(c.type in words for c in t.children or ()) for t in tokens)


PLAIN_NOTES = [
    "Ein Satz.",
    "Erster Absatz\nüber zwei Zeilen.\n\n  Zweiter   Absatz, eingerückt ",
    "Ein langer Absatz, " * 12,
    "a_b_c und 2*3 = 6, 4 * 5",
    *(case["text"] for case in CASES if is_plain(case["text"])),
]


def test_a_plain_note_looks_as_in_the_markdown_view(workspace: Workspace) -> None:
    """The details show each plain note as Textual's Markdown view (with the app's literal
    parser) showed it, with the same room below it."""
    assert len(PLAIN_NOTES) > 6, "some hostile texts are plain"
    after = Block(Content("Danach"), classes="log-entry")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        for text in PLAIN_NOTES:
            await screen.detail.show([Block(Content("Davor")), markdown_block(text), after])
            await settle(pilot)
            ours = screen_text(app)
            view = Markdown(visible(text), open_links=False, parser_factory=_literal_parser)
            view.styles.margin = view.styles.padding = 0
            await screen.detail.children[1].remove()
            await screen.detail.mount(view, after=0)
            await settle(pilot)
            assert screen_text(app) == ours, text
            await view.remove()

    run_app(workspace, scenario, size=(80, 40))


def test_the_app_command_refuses_a_broken_catalogue(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace.catalogue_dir / "1-bildung.toml").write_text("id = \n", encoding="utf-8")
    code = launch.run(argparse.Namespace(), workspace)
    assert code == 1
    assert "1-bildung.toml:1:" in capsys.readouterr().err


_SCREENS_PROBE = """
import asyncio, sys
from monitor_tui import i18n
i18n.set_language(sys.argv[1])  # before the app is imported, as the command line does it
from pathlib import Path
from monitor_tui.workspace import Workspace
from tests.tui_helpers import press, running_app, screen_text
async def main():
    async with running_app(Workspace(Path(sys.argv[2])), (80, 24)) as (app, screen, pilot):
        print(screen_text(app).splitlines()[-1])
        await press(pilot, "question_mark")
        for title, rows in app.screen.sections:
            print("#", title)
            for keys, text in rows:
                print(keys, "=", text)
        await press(pilot, "escape", "ctrl+p")
        print("=== palette")
        print(screen_text(app), end="")
asyncio.run(main())
"""


def footer_help_and_palette(workspace: Workspace, lang: str) -> tuple[str, str, str]:
    """The 80×24 footer, the help's rows (`keys = text` under `# place`) and the command
    palette's screen, in a fresh process: key labels are fixed when the app is imported, so
    each language needs its own."""
    output = subprocess.run(
        [sys.executable, "-c", _SCREENS_PROBE, lang, str(workspace.root)],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    footer, rest = output.split("\n", 1)
    help_rows, _sep, palette = rest.partition("=== palette\n")
    return footer, help_rows, palette


@pytest.mark.parametrize(
    ("lang", "footer_words", "keys", "absent", "places"),
    [
        (
            "de",
            ("x Export", "? Hilfe", "q Ende"),
            (
                "Pos1 =",
                "Ende =",
                "Eingabe =",
                "Strg+P =",
                "Strg+S =",
                "Umschalt+Tab =",
                "Leertaste =",
            ),
            ("Home", "^p", "⏎", "tab =", "Ctrl"),
            ("# Im Baum (links)", "# In den Details"),
        ),
        (
            "en",
            ("x Export", "? Help", "q Quit"),
            ("Home =", "End =", "Enter =", "Ctrl+P =", "Ctrl+S =", "Shift+Tab =", "Space ="),
            ("Pos1", "^p", "⏎", "tab =", "Strg", "Eingabe"),
            ("# In the tree (left)", "# In the details"),
        ),
    ],
)
def test_footer_help_and_palette_name_the_keys_in_the_chosen_language(
    workspace: Workspace,
    lang: str,
    footer_words: tuple[str, ...],
    keys: tuple[str, ...],
    absent: tuple[str, ...],
    places: tuple[str, ...],
) -> None:
    footer, help_rows, palette = footer_help_and_palette(workspace, lang)
    assert len(footer) <= 80 and all(word in footer for word in footer_words), footer
    for key in keys:
        assert f"\n{key}" in help_rows, key
    for word in absent:
        assert word not in help_rows and word not in palette, word
    for place in places:  # j and k move the tree and scroll the details: each under its place
        section = help_rows.split(place, 1)[1].split("\n# ", 1)[0]
        assert "j " in section or "↓ / j" in section, section
    assert "Tab" in palette and "⏎" not in palette  # the palette shows the keys by name
