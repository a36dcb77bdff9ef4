"""Hostile text stays text, broken files stay contained, SSH and language settings are honoured."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import TextArea

from monitor_tui import i18n
from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.workspace import Workspace
from tests.conftest import HOSTILE_NOTES
from tests.tui_helpers import main_screen, make_app, screen_text, settle

CASES = json.loads(HOSTILE_NOTES.read_text(encoding="utf-8"))["cases"]
CONTROL_CHARACTERS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def test_visible_turns_every_control_character_into_a_symbol() -> None:
    for case in CASES:
        shown = visible(case["text"])
        assert not any(c in shown for c in CONTROL_CHARACTERS), case["name"]
    assert visible("\x1b[31mrot") == "␛[31mrot"
    assert "\x9b" not in visible("C1\x9b31m")
    assert one_line("a\nb\tc") == "a b c"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_note_is_stored_byte_for_byte_and_shown_literally(
    workspace: Workspace, case: dict[str, str]
) -> None:
    text = case["text"]
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(120, 60)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            screen.go_to_measure("5.1.1")
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)
            app.screen.query_one(TextArea).text = text  # typed keys cannot carry ESC or C1
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen) and not app._exit
            screen.detail.scroll_end(animate=False)
            await settle(pilot)
            shown = screen_text(app)
            assert not any(c in shown for c in CONTROL_CHARACTERS)
            words = re.findall(r"\w{4,}", visible(text))
            if words:  # the note's first word is on screen, as typed
                assert words[0] in shown
            return_value = load_status(workspace, screen.catalogue, "5.1.1")
            assert return_value.log[0].text == text

    asyncio.run(scenario())
    raw = status_path(workspace.status_dir, "5.1.1").read_bytes()
    assert text.replace("\r\n", "\n").encode() in raw.replace(b"\r\n", b"\n")


def test_markup_and_links_in_a_note_render_as_characters(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    note = "[bold red]Alarm[/] [@click=app.quit]Beenden[/] <script>x</script> [k](javascript:q())"
    save_edit(workspace, catalogue, "5.1.1", Edit(note=note), "anna")
    save_edit(workspace, catalogue, "5.1.2", Edit(note="\x1b]0;gekapert\x07Text C1\x9b31m"), "anna")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(160, 60)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            screen.go_to_measure("5.1.1")
            await settle(pilot)
            screen.detail.scroll_end(animate=False)
            await settle(pilot)
            shown = screen_text(app)
            assert "[bold red]Alarm[/]" in shown and "[@click=app.quit]Beenden[/]" in shown
            assert "<script>x</script>" in shown
            screen.go_to_measure("5.1.2")
            await settle(pilot)
            screen.detail.scroll_end(animate=False)
            await settle(pilot)
            shown = screen_text(app)
            assert "␛]0;gekapert␇Text" in shown and "<U+009B>31m" in shown
            await pilot.click("#detail")  # clicking around the note never quits
            await settle(pilot)
            assert not app._exit

    asyncio.run(scenario())


def test_a_broken_status_file_shows_a_german_error_and_the_rest_works(
    workspace: Workspace,
) -> None:
    status_path(workspace.status_dir, "1.2.2").write_text("kaputt\n", encoding="utf-8")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            assert "fehlerhafte Statusdatei" in screen_text(app)
            screen.go_to_measure("1.2.2")
            await settle(pilot)
            text = screen_text(app)
            assert "Statusdatei dieser Maßnahme ist fehlerhaft" in text
            assert "! 1.2.2" in text
            await pilot.press("s")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)  # no picker for a broken file
            screen.go_to_measure("1.2.1")
            await settle(pilot)
            await pilot.press("s", "u", "m", "enter")
            await settle(pilot)
            assert "gespeichert" in screen_text(app)

    asyncio.run(scenario())
    assert status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8") == "kaputt\n"
    catalogue = load_catalogue(workspace.catalogue_dir)
    assert load_status(workspace, catalogue, "1.2.1").status == "umgesetzt"


@pytest.mark.parametrize(
    ("lang", "unreadable", "open_six"),
    [
        ("de", "! fehlerhaft 1", "offen (nicht begonnen) 6"),
        ("en", "! unreadable 1", "open (not started) 6"),
    ],
)
def test_a_broken_status_file_counts_as_unreadable_not_as_open(
    workspace: Workspace, lang: str, unreadable: str, open_six: str
) -> None:
    i18n.set_language(lang)
    status_path(workspace.status_dir, "1.2.2").write_text("kaputt\n", encoding="utf-8")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            screen.show_item(Item("field", "1"))
            await settle(pilot)
            field = screen_text(app)
            assert unreadable in field and open_six in field, field
            screen.show_item(Item("goal", "1.2"))
            await settle(pilot)
            goal = screen_text(app)
            assert unreadable in goal, goal
            assert re.search(r"! \w+\s+1\.2\.2 ", goal), goal  # its row in the goal's list

    asyncio.run(scenario())


def test_animations_are_off_over_ssh(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
    assert make_app(workspace).animation_level == "none"
    monkeypatch.delenv("SSH_CONNECTION")
    assert make_app(workspace).animation_level != "none"


def test_details_follow_the_chosen_language(workspace: Workspace) -> None:
    i18n.set_language("en")
    app = make_app(workspace)

    async def scenario() -> None:
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            main_screen(app).go_to_measure("1.2.2")
            await settle(pilot)
            text = screen_text(app)
            assert "Success indicator" in text and "open (not started)" in text

    asyncio.run(scenario())


def test_the_app_command_refuses_a_broken_catalogue(workspace: Workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from monitor_tui.tui import launch

    (workspace.catalogue_dir / "1-bildung.toml").write_text("id = \n", encoding="utf-8")
    code = launch.run(argparse.Namespace(), workspace)
    assert code == 1
    assert "1-bildung.toml:1:" in capsys.readouterr().err


_SCREEN_PROBE = """
import asyncio, sys
from monitor_tui import i18n
i18n.set_language(sys.argv[1])  # before the app is imported, as the command line does it
from monitor_tui.workspace import Workspace
from pathlib import Path
from tests.tui_helpers import make_app, screen_text, settle
app = make_app(Workspace(Path(sys.argv[2])))
async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*sys.argv[3:])
        await settle(pilot)
        print(screen_text(app), end="")
asyncio.run(main())
"""


def screen_in_language(workspace: Workspace, lang: str, *keys: str) -> str:
    """The 80×24 screen after `keys`, in a fresh process: key labels are fixed when the app is
    imported, so each language needs its own."""
    return subprocess.run(
        [sys.executable, "-c", _SCREEN_PROBE, lang, str(workspace.root), *keys],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(("lang", "quit_label"), [("de", "q Ende"), ("en", "q Quit")])
def test_the_footer_fits_80_columns_in_both_languages(
    workspace: Workspace, lang: str, quit_label: str
) -> None:
    footer = screen_in_language(workspace, lang).splitlines()[-1]
    assert footer.rstrip().endswith(quit_label), footer
    assert len(footer) <= 80


@pytest.mark.parametrize(
    ("lang", "home", "end", "absent"),
    [("de", "Pos1", "Ende", "Home"), ("en", "Home", "End", "Pos1")],
)
def test_the_help_names_keys_in_the_chosen_language(
    workspace: Workspace, lang: str, home: str, end: str, absent: str
) -> None:
    help_lines = screen_in_language(workspace, lang, "question_mark").splitlines()[1:-1]
    help_text = "\n".join(help_lines)  # without the footer, whose German quit label is "Ende"
    assert f"│ {home} " in help_text and f"│ {end} " in help_text, help_text
    assert absent not in help_text


@pytest.mark.parametrize(
    ("lang", "tree", "details"), [("de", "Baum", "Details"), ("en", "tree", "details")]
)
def test_the_help_says_which_pane_j_and_k_move(
    workspace: Workspace, lang: str, tree: str, details: str
) -> None:
    """j and k move the tree's cursor and scroll the details: two rows, each naming its pane."""
    rows = [
        line.strip("▶ │▇▅▂")
        for line in screen_in_language(workspace, lang, "question_mark").splitlines()
    ]
    tree_rows = [row for row in rows if row.startswith(("↑ / k ", "↓ / j "))]
    detail_rows = [row for row in rows if row.startswith(("j ", "k "))]
    assert len(tree_rows) == 2 and all(tree in row for row in tree_rows), rows
    assert len(detail_rows) == 2 and all(details in row for row in detail_rows), rows
