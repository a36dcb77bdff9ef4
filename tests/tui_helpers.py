"""One harness for the terminal-app tests: start the app, press keys, wait for conditions, read
the screen as text.

Nothing here sleeps for a fixed time: `settle` waits until the app has handled what was sent
and its workers are done, `wait_until` polls a condition between `pilot.pause()`s and fails with
a message once a bound of pauses is used up.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.pilot import Pilot

from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.conftest import HOSTILE_NOTES

TODAY = date(2026, 11, 27)
HOSTILE_CASES: list[dict[str, str]] = json.loads(HOSTILE_NOTES.read_text(encoding="utf-8"))["cases"]
CONTROL_CHARACTERS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
"""What must never reach the terminal: C0 controls but tab and newline, DEL, C1."""
WORKER_SECONDS = 60
"""How long `settle` waits for the app's workers (each takes milliseconds)."""
WAIT_PAUSES = 250
"""How many `pilot.pause()`s `wait_until` tries before it gives up (each is ≥ 20 ms)."""

Scenario = Callable[[MonitorApp, MainScreen, Pilot[None]], Awaitable[None]]


def make_app(workspace: Workspace, today: date = TODAY) -> MonitorApp:
    return MonitorApp(WorkspaceSession.open(workspace, today))


def main_screen(app: App[object]) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


@asynccontextmanager
async def running_app(
    workspace: Workspace, size: tuple[int, int] = (80, 24), today: date = TODAY
) -> AsyncIterator[tuple[MonitorApp, MainScreen, Pilot[None]]]:
    """The app on `workspace` in a headless terminal of `size`, started and settled."""
    app = make_app(workspace, today)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, main_screen(app), pilot


def run_app(
    workspace: Workspace, scenario: Scenario, size: tuple[int, int] = (80, 24)
) -> MonitorApp:
    """Run `scenario` against the started app (from a plain test function); returns the app."""
    app: MonitorApp | None = None

    async def main() -> None:
        nonlocal app
        async with running_app(workspace, size) as (started, screen, pilot):
            app = started
            await scenario(started, screen, pilot)

    asyncio.run(main())
    assert app is not None
    return app


async def settle(pilot: Pilot[None]) -> None:
    """Let the app handle every pending message, and its workers (the detail pane) finish.

    A finished worker may have asked for a repaint that starts another one (a newer selection),
    so this repeats until no worker is left.
    """
    app = pilot.app
    for _round in range(WAIT_PAUSES):
        await pilot.pause()  # until the app is idle: everything sent so far is handled
        if all(worker.is_finished for worker in app.workers):
            # pause(0) is no sleep: it lets the app handle what the last step queued (such as
            # a repaint of the details after a refresh) without waiting for idle once more
            await pilot.pause(0)
            if all(worker.is_finished for worker in app.workers):
                return
        try:  # bounded: a worker that never ends fails the test instead of hanging the run
            await asyncio.wait_for(app.workers.wait_for_complete(), WORKER_SECONDS)
        except TimeoutError:
            raise AssertionError(f"workers still running after {WORKER_SECONDS} s") from None
    raise AssertionError(f"workers still running after {WAIT_PAUSES} rounds: {list(app.workers)}")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys` one after the other, as a user does, then settle."""
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` into the focused field in one burst (as a fast typist over SSH delivers
    it: every key is queued before the first is handled), then settle."""
    for character in text:
        pilot.app.post_message(events.Key(key_name(character), character))
    await settle(pilot)


async def burst(pilot: Pilot[None], key: str, times: int) -> None:
    """Press a key without a character (backspace, down …) `times` times in one burst, as
    a held-down key repeats, then settle."""
    for _time in range(times):
        pilot.app.post_message(events.Key(key, None))
    await settle(pilot)


def key_name(character: str) -> str:
    """Textual's name of the key that types `character` ("a", "space", "full_stop", "slash")."""
    if character.isalnum():
        return character
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return {"solidus": "slash", "hyphen_minus": "minus", "low_line": "underscore"}.get(name, name)


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, pauses: int = WAIT_PAUSES
) -> None:
    """Pause until `condition()` holds; fail naming `what` after `pauses` pauses."""
    for _attempt in range(pauses):
        if condition():
            return
        await pilot.pause()
    if not condition():
        raise AssertionError(f"gave up after {pauses} pauses waiting for: {what}")


# --- the screen as text ----------------------------------------------------------------------

_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="(?P<x>[0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
    r'clip-path="url\(#[^"]*-line-(?P<row>[0-9]+)\)">(?P<text>[^<]*)</text>'
)
_CHAR_WIDTH = 20 * 0.61
"""Rich's SVG export puts each run of text at x = column × 20 px × font aspect ratio 0.61."""


def screen_text(app: App[object]) -> str:
    """What a user reads: the whole screen (with dialogs over the main screen) as plain text,
    one line per terminal row, from Textual's public `export_screenshot` (an SVG)."""
    width, height = app.size
    return svg_text(app.export_screenshot(), width, height)


def svg_text(svg: str, width: int, height: int) -> str:
    """The text of a screenshot made by `export_screenshot`, one line per terminal row."""
    runs: list[list[tuple[int, str]]] = [[] for _row in range(height)]
    for match in _SVG_TEXT.finditer(svg):
        column = round(float(match["x"]) / _CHAR_WIDTH)
        # Rich writes spaces as &#160; and escapes the rest (a real no-break space stays as
        # it is); each row's line break comes as a run of its own after the last column.
        text = html.unescape(match["text"].replace("&#160;", " ")).replace("\n", "")
        if text:
            runs[int(match["row"])].append((column, text))
    lines = []
    for row in runs:
        line, column = "", 0
        for start, text in sorted(row):
            line += " " * (start - column) + text
            column = start + cell_len(text)
        lines.append(line + " " * (width - column))
    return "\n".join(lines) + "\n"


# --- the screen with its colours, as a terminal with 16 colours shows it ---------------------

_SVG_STYLE = re.compile(r"\.(?P<name>terminal-[0-9]+-r[0-9]+) \{ (?P<rules>[^}]*)\}")
_SVG_RECT = re.compile(
    r'<rect fill="(?P<fill>#[0-9a-f]{6})" x="(?P<x>[0-9.]+)" y="(?P<y>[0-9.]+)" '
    r'width="(?P<width>[0-9.]+)" height="[0-9.]+" shape-rendering="crispEdges"/>'
)
_SVG_RUN = re.compile(
    r'<text class="(?P<style>[^"]*)" x="(?P<x>[0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
    r'clip-path="url\(#[^"]*-line-(?P<row>[0-9]+)\)">(?P<text>[^<]*)</text>'
)
_ROW_HEIGHT, _FIRST_ROW = 24.4, 1.5
ANSI_NAMES = (
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "grey",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_white",
)
PUTTY_PALETTE = {
    "black": (0, 0, 0),
    "red": (187, 0, 0),
    "green": (0, 187, 0),
    "yellow": (187, 187, 0),
    "blue": (0, 0, 187),
    "magenta": (187, 0, 187),
    "cyan": (0, 187, 187),
    "white": (187, 187, 187),
    "grey": (85, 85, 85),
    "bright_red": (255, 85, 85),
    "bright_green": (85, 255, 85),
    "bright_yellow": (255, 255, 85),
    "bright_blue": (85, 85, 255),
    "bright_magenta": (255, 85, 255),
    "bright_cyan": (85, 255, 255),
    "bright_white": (255, 255, 255),
    "bg": (0, 0, 0),
}
"""PuTTY's default colours (the terminal most staff use); its default background is black,
its default text colour is the ANSI white."""


def _colour_name(hex_colour: str) -> str:
    """A colour of the screenshot as a terminal with 16 colours shows it: the default
    background ("bg"), one of the ANSI colours, or a true colour downgraded the way Rich does
    for TERM=xterm."""
    from rich.color import Color, ColorSystem
    from rich.terminal_theme import SVG_EXPORT_THEME

    triplet = Color.parse(hex_colour).get_truecolor()
    if triplet == SVG_EXPORT_THEME.background_color:
        return "bg"
    for number in range(16):
        if triplet == SVG_EXPORT_THEME.ansi_colors[number]:
            return ANSI_NAMES[number]
    standard = Color.parse(hex_colour).downgrade(ColorSystem.STANDARD).number or 0
    return ANSI_NAMES[standard]


@dataclass(frozen=True)
class Cell:
    char: str
    fg: str
    bg: str
    attrs: str


def screen_cells(app: App[object]) -> list[list[Cell]]:
    """Every cell of the screen with its colours in 16 colours and its attributes (b bold,
    i italic, u underline), from the public `export_screenshot` SVG."""
    svg = app.export_screenshot()
    width, height = app.size
    styles: dict[str, tuple[str, str]] = {}
    for match in _SVG_STYLE.finditer(svg):
        rules = match["rules"]
        fill = re.search(r"fill: (#[0-9a-f]{6})", rules)
        attrs = "".join(
            flag
            for flag, word in (("b", "bold"), ("i", "italic"), ("u", "underline"))
            if word in rules
        )
        styles[match["name"]] = (_colour_name(fill[1]) if fill else "white", attrs)
    backgrounds = [["bg"] * width for _row in range(height)]
    for match in _SVG_RECT.finditer(svg):
        row = round((float(match["y"]) - _FIRST_ROW) / _ROW_HEIGHT)
        first = round(float(match["x"]) / _CHAR_WIDTH)
        count = round(float(match["width"]) / _CHAR_WIDTH)
        if 0 <= row < height:
            for column in range(first, min(first + count, width)):
                backgrounds[row][column] = _colour_name(match["fill"])
    cells = [
        [Cell(" ", "white", backgrounds[r][c], "") for c in range(width)] for r in range(height)
    ]
    for match in _SVG_RUN.finditer(svg):
        row, column = int(match["row"]), round(float(match["x"]) / _CHAR_WIDTH)
        fg, attrs = styles.get(match["style"].split()[0], ("white", ""))
        text = html.unescape(match["text"].replace("&#160;", " ")).replace("\n", "")
        for char in text:
            if 0 <= row < height and column < width:
                cells[row][column] = Cell(char, fg, backgrounds[row][column], attrs)
            column += max(cell_len(char), 1)
    return cells


def styled_screen(app: App[object]) -> str:
    """The screen as text with its colours: a run in other than the default colours starts
    with ⟨fg/bg attrs⟩ (16 colours, as TERM=xterm shows them), so that a snapshot shows what
    staff in PuTTY see."""
    lines = []
    for row in screen_cells(app):
        line, current = "", ("white", "bg", "")
        for cell in row:
            style = (cell.fg, cell.bg, cell.attrs)
            if style != current:
                line += f"⟨{cell.fg}/{cell.bg}{' ' + cell.attrs if cell.attrs else ''}⟩"
                current = style
            line += cell.char
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def contrast(fg: str, bg: str) -> float:
    """The WCAG contrast ratio of two colours of PuTTY's default palette."""

    def luminance(name: str) -> float:
        channels = [value / 255 for value in PUTTY_PALETTE[name]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
