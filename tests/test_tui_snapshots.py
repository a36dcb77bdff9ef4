"""Text snapshots of the main screen (80×24, 120×40), the help screen, the overview (o), and the
main screen with the status picker in 16 colours (TERM=xterm, PuTTY's default) with its colours.

The screens are compared as text (what a user reads; the 16-colour one with ⟨fg/bg attrs⟩
marks where the colours change), which shows a readable diff. After an intended change of the
layout, run `UPDATE_TUI_SNAPSHOTS=1 pytest tests/test_tui_snapshots.py` and review the diff of
tests/snapshots/ before committing it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from monitor_tui import reporting
from monitor_tui.catalogue import load_catalogue
from monitor_tui.tui.display import wants_ascii
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.overview_data import REPORT_DAY, record_after_report, record_before_report
from tests.reports_data import freeze
from tests.screenshot import SCREENSHOT, record_example
from tests.tui_helpers import (
    Cell,
    contrast,
    press,
    running_app,
    screen_cells,
    screen_text,
    settle,
    styled_screen,
    svg_text,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"
Steps = Callable[[MainScreen, Pilot[None]], Awaitable[None]]


def _record(workspace: Workspace) -> None:
    record_example(workspace)


async def _open_elternbrief(screen: MainScreen, pilot: Pilot[None]) -> None:
    screen.go_to_measure("1.2.2")
    await settle(pilot)


async def _open_help(screen: MainScreen, pilot: Pilot[None]) -> None:
    await press(pilot, "question_mark")


def _screen(workspace: Workspace, size: tuple[int, int], steps: Steps) -> str:
    _record(workspace)
    text = ""

    async def scenario() -> None:
        nonlocal text
        async with running_app(workspace, size) as (app, screen, pilot):
            await steps(screen, pilot)
            text = screen_text(app)

    asyncio.run(scenario())
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


@pytest.mark.parametrize(
    ("name", "size", "steps"),
    [
        ("main-80x24", (80, 24), _open_elternbrief),
        ("main-120x40", (120, 40), _open_elternbrief),
        ("help-80x24", (80, 24), _open_help),
    ],
)
def test_screen_matches_snapshot(
    workspace: Workspace,
    name: str,
    size: tuple[int, int],
    steps: Steps,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(workspace.root)  # the current folder: the title bar names no workspace
    actual = _screen(workspace, size, steps)
    compare_with_snapshot(name, actual)
    if name == "main-80x24":  # the same screen as README's picture: it must still show this
        picture = svg_text(SCREENSHOT.read_text(encoding="utf-8"), *size)
        shown = "\n".join(line.rstrip() for line in picture.splitlines()) + "\n"
        assert shown == actual, "docs/screenshot.svg is out of date: python -m tests.screenshot"


def compare_with_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_TUI_SNAPSHOTS"):
        path.write_text(actual, encoding="utf-8")
    # A missing snapshot fails: a silently created one would prove nothing.
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_TUI_SNAPSHOTS=1 and review it"
    assert actual == path.read_text(encoding="utf-8")


def _sixteen_colour_screens(
    workspace: Workspace,
) -> tuple[str, list[list[Cell]], list[list[Cell]], list[list[Cell]]]:
    """The main screen on 1.2.2 with the tree focused, then the details focused, then the
    status picker over it: as styled text, and as cells."""
    text, tree, details, picker = "", [], [], []

    async def scenario() -> None:
        nonlocal text, tree, details, picker
        async with running_app(workspace) as (app, screen, pilot):
            await _open_elternbrief(screen, pilot)
            tree = screen_cells(app)
            text = styled_screen(app)
            await press(pilot, "tab")
            details = screen_cells(app)
            await press(pilot, "s")
            picker = screen_cells(app)
            text += "\n— s (Umsetzungsstand) —\n\n" + styled_screen(app)

    asyncio.run(scenario())
    return text, tree, details, picker


def _row_of(cells: list[list[Cell]], needle: str) -> list[Cell]:
    return next(row for row in cells if needle in "".join(cell.char for cell in row))


def test_in_16_colours_everything_reads_and_the_cursor_shows_without_colour(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TERM=xterm (PuTTY's default: 16 colours): every character has contrast on its
    background in PuTTY's palette, nothing but errors is red, and the cursor and the focused
    pane show by reverse video and marks; with NO_COLOR=1 they still show, by those alone."""
    _record(workspace)
    monkeypatch.chdir(workspace.root)
    monkeypatch.setenv("TERM", "xterm")
    text, tree, details, picker = _sixteen_colour_screens(workspace)
    compare_with_snapshot("main-80x24-16colours", text)
    concept = load_catalogue(workspace.catalogue_dir).concept
    vocabularies = (
        concept.statuses,
        concept.target_states,
        concept.assessments,
        concept.priorities,
    )
    marks = {choice.symbol for vocabulary in vocabularies for choice in vocabulary}
    for cells in (tree, details, picker):
        for row in cells:
            for cell in row:
                if cell.char.strip():
                    assert contrast(cell.fg, cell.bg) >= 3, cell
                    # red reads as an error: only a value's own mark may be red ("↑ hoch")
                    assert cell.fg not in ("red", "bright_red") or cell.char in marks, cell
    _assert_focus_shows_without_colour(tree, details, picker)
    assert "yellow" in {c.fg for c in _row_of(picker, "U in Umsetzung") if c.char == "U"}

    monkeypatch.setenv("NO_COLOR", "1")
    _text, tree, details, picker = _sixteen_colour_screens(workspace)
    colours = {(c.fg, c.bg) for cells in (tree, details, picker) for row in cells for c in row}
    assert colours <= {("white", "bg"), ("bg", "white"), ("white", "white"), ("bg", "bg")}
    _assert_focus_shows_without_colour(tree, details, picker)


def _assert_focus_shows_without_colour(
    tree: list[list[Cell]], details: list[list[Cell]], picker: list[list[Cell]]
) -> None:
    """The tree's cursor is reversed, the focused details have a heavy line, the highlighted
    entry of a list has ▸: marks that need no colour."""
    cursor = _row_of(tree, "1.2.2 Um über")
    assert {c.bg for c in cursor if c.char in "1.2"} == {"white"}  # reversed: black on grey
    assert "│" in "".join(c.char for c in cursor) and "┃" not in "".join(c.char for c in cursor)
    assert "┃" in "".join(c.char for c in _row_of(details, "1.2.2 Um über"))
    assert "▸" in "".join(c.char for c in _row_of(picker, "g  ✓ umgesetzt"))  # the current value


LINUX_CONSOLE = {chr(c) for c in range(0x20, 0x100)} | {chr(c) for c in range(0x2500, 0x2580)}
"""What the Linux console's fonts show: Latin-1 and the box-drawing lines."""
LINUX_CONSOLE |= set("–„“”‘’…↑↓←→")  # in the console fonts too (cp437, Lat15)


def test_on_the_linux_console_only_characters_it_can_show(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TERM=linux: ASCII marks from concept.toml, + and - for branches, no ▕ ▔ ▊ ★ ◐ 🔎."""
    _record(workspace)
    monkeypatch.chdir(workspace.root)
    monkeypatch.setenv("TERM", "linux")
    screens: list[str] = []

    async def scenario() -> None:
        async with running_app(workspace) as (app, screen, pilot):
            await _open_elternbrief(screen, pilot)
            screens.append(screen_text(app))
            for keys in (["s"], ["escape", "n"], ["escape", "x"], ["escape", "ctrl+p"]):
                await press(pilot, *keys)
                screens.append(screen_text(app))

    asyncio.run(scenario())
    for shown in screens:
        assert set(shown) - {"\n"} <= LINUX_CONSOLE, sorted(set(shown) - LINUX_CONSOLE)
    main, picker = screens[0], screens[1]
    assert "- 1 1/7 umgesetzt Bildung" in main and "+ 2 0/5" in main
    assert "+ 1.2.2 Um über" in main  # "umgesetzt" by its ASCII mark
    assert "Priorität: ^ hoch" in main
    assert "g  + umgesetzt" in picker and "s  * verstetigt" in picker


def test_ascii_marks_for_console_terminals_or_when_asked() -> None:
    assert wants_ascii({"TERM": "linux"}) and wants_ascii({"TERM": "linux-16color"})
    assert not wants_ascii({"TERM": "xterm"}) and not wants_ascii({"TERM": "xterm-256color"})
    assert wants_ascii({"TERM": "xterm", "MONITOR_TUI_ASCII": "1"})
    assert not wants_ascii({"TERM": "linux", "MONITOR_TUI_ASCII": "0"})


def _overview_screens(workspace: Workspace) -> tuple[str, list[list[Cell]]]:
    """The overview (o) at 80×24 on varied statuses with a report and changes since: as text,
    and as cells."""
    text, cells = "", []

    async def scenario() -> None:
        nonlocal text, cells
        async with running_app(workspace) as (app, _screen, pilot):
            await press(pilot, "o")
            text = screen_text(app)
            cells = screen_cells(app)

    asyncio.run(scenario())
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n", cells


@pytest.fixture
def overview_workspace(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setattr(reporting, "FORMAT_NAMES", ("json",))  # the report's data is enough
    record_before_report(workspace)
    freeze(workspace, REPORT_DAY, "Halbjahr")
    record_after_report(workspace)
    monkeypatch.chdir(workspace.root)
    return workspace


def test_overview_matches_snapshot_and_reads_in_16_colours(
    overview_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TERM=xterm: the overview as text (tests/snapshots/overview-80x24.txt); every character
    has contrast on its background, red is only a value's own mark or an error (an unreadable
    file), and the chosen number is in reverse video, which needs no colour."""
    monkeypatch.setenv("TERM", "xterm")
    text, cells = _overview_screens(overview_workspace)
    compare_with_snapshot("overview-80x24", text)
    concept = load_catalogue(overview_workspace.catalogue_dir).concept
    marks = {
        c.symbol for v in (concept.statuses, concept.assessments, concept.priorities) for c in v
    }
    first = _row_of(cells, "Alle Handlungsfelder")
    line = "".join(cell.char for cell in first)
    error = set(range(line.index("unlesbar"), line.index("unlesbar") + len("unlesbar 1")))
    for row in cells:
        for column, cell in enumerate(row):
            if cell.char.strip():
                assert contrast(cell.fg, cell.bg) >= 3, cell
                red = cell.fg in ("red", "bright_red")
                assert not red or cell.char in marks or (row is first and column in error), cell
    chosen = line.index("27 Maßnahmen")
    assert {c.bg for c in first[chosen : chosen + len("27 Maßnahmen")]} == {"white"}
    assert {c.bg for c in first[: chosen - 2] if c.char.strip()} == {"bg"}


def test_overview_on_the_linux_console_only_characters_it_can_show(
    overview_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    text, _cells = _overview_screens(overview_workspace)
    assert set(text) - {"\n"} <= LINUX_CONSOLE, sorted(set(text) - LINUX_CONSOLE)
    assert "+2 / -1 und # geändert" in text
    assert "|" in text and "Stand      . " in text and "# geändert" in text
