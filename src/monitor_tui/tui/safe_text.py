"""Text from files reaches the screen as characters, never as markup or terminal escapes.

Textual's `Content` and `markup=False` stop Rich/Textual markup, but ESC and the C1 controls
(0x80–0x9F) would still travel to the terminal, so `monitor_tui.text.visible_controls` replaces
every control character except newline and tab by a visible stand-in before anything is shown
(on a console without Unicode symbols: its name, such as [ESC]).
"""

from __future__ import annotations

from monitor_tui.text import visible_controls, visible_text
from monitor_tui.tui.display import display

__all__ = ["fit", "one_line", "visible"]


def visible(text: str) -> str:
    """`text` with every control character but newline and tab shown as a symbol."""
    return visible_text(text) if display().ascii else visible_controls(text)


def one_line(text: str) -> str:
    """`visible(text)` with line breaks and tabs turned into spaces, for tree rows and titles."""
    return " ".join(visible(text).split())


def fit(text: str, width: int) -> str:
    """`text` on at most `width` cells: whole words, then "…" where something was left out
    (never a word cut off without a sign)."""
    if len(text) <= width:
        return text
    ellipsis = display().ellipsis
    room = max(width - len(ellipsis), 0)
    cut = text[:room]
    if " " in cut.strip() and not text[room : room + 1].isspace():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:–-") + ellipsis
