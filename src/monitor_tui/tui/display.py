"""How the app draws on the terminal it runs on: ASCII marks on a console that cannot show
Unicode symbols (the Linux console, TERM=linux), readable colours in 16 colours (PuTTY's
default, TERM=xterm).

The app decides once at its start (`configure`); widgets ask `display()` what to draw.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from rich.color import Color, ColorSystem

from monitor_tui.model import Choice

ASCII_ENV = "MONITOR_TUI_ASCII"
"""`MONITOR_TUI_ASCII=1` draws ASCII marks on any terminal, `=0` Unicode marks even on the Linux
console; unset, the terminal type decides."""
ASCII_TERMS = ("linux", "vt100", "vt102", "vt220", "cons25", "dumb")
"""Terminal types whose fonts have no ★ ◐ ▕ ▔ and no emoji (TERM=linux-16color counts too)."""
_OFF = {"0", "no", "nein", "false", "off", "aus"}

_ANSI_NAMES = (
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright_black",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_white",
)
_READABLE_ON_BLACK = {1: 9, 4: 12, 5: 13, 8: 7}
"""In 16 colours: red, blue, magenta and dark grey are hard to read on a black background
(PuTTY's blue is 0,0,187): their bright forms are used instead."""


def wants_ascii(environ: Mapping[str, str] | None = None) -> bool:
    """ASCII marks: asked for by MONITOR_TUI_ASCII, or a terminal type that needs them."""
    env = os.environ if environ is None else environ
    asked = env.get(ASCII_ENV, "").strip().lower()
    if asked:
        return asked not in _OFF
    term = env.get("TERM", "").strip().lower()
    return any(term == name or term.startswith(name + "-") for name in ASCII_TERMS)


@dataclass(frozen=True)
class Display:
    """What the terminal can show."""

    ascii: bool = False
    """Only ASCII (and Latin-1) marks: no ★ ◐ ✓ Δ ▕ 🔎."""
    sixteen: bool = False
    """Only the 16 standard colours (or none)."""

    def mark(self, choice: Choice) -> str:
        """The symbol of a vocabulary value, or its ASCII stand-in."""
        return choice.mark(self.ascii)

    def pick(self, unicode: str, ascii: str) -> str:
        return ascii if self.ascii else unicode

    @property
    def changed(self) -> str:
        """Marks a measure changed since the last frozen report (as the printed report does)."""
        return self.pick("Δ", "#")

    @property
    def chosen(self) -> str:
        return self.pick("●", "*")

    @property
    def not_chosen(self) -> str:
        return self.pick("○", " ")

    @property
    def focus(self) -> str:
        """Before the focused field of a dialog, so that focus shows without colour."""
        return self.pick("▸", ">")

    @property
    def ellipsis(self) -> str:
        return self.pick("…", "...")

    def colour(self, hex_colour: str) -> str:
        """A vocabulary colour for a Rich style: as it is, or in 16 colours one that reads on
        a black background."""
        number = self._sixteen(hex_colour)
        return hex_colour if number is None else f"color({number})"

    def content_colour(self, hex_colour: str) -> str:
        """The same for a Textual Content style."""
        number = self._sixteen(hex_colour)
        return hex_colour if number is None else f"ansi_{_ANSI_NAMES[number]}"

    def _sixteen(self, hex_colour: str) -> int | None:
        if not self.sixteen:
            return None
        try:
            number = Color.parse(hex_colour).downgrade(ColorSystem.STANDARD).number
        except Exception:  # a colour the catalogue check let through: leave it to the driver
            return None
        if number is None or number == 0:
            return 7  # black on black: the terminal's grey instead
        return _READABLE_ON_BLACK.get(number, number)


_current = Display()


def configure(new: Display) -> None:
    """Set what the terminal can show (the app does this once when it starts)."""
    global _current
    _current = new


def display() -> Display:
    return _current
