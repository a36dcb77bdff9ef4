"""Text from files reaches the screen as characters, never as markup or terminal escapes.

Textual's `Content` and `markup=False` stop Rich/Textual markup, but ESC and the C1 controls
(0x80–0x9F) would still travel to the terminal, so `monitor_tui.text.visible_controls` replaces
every control character except newline and tab by a visible stand-in before anything is shown.
"""

from __future__ import annotations

from monitor_tui.text import visible_controls as visible

__all__ = ["one_line", "visible"]


def one_line(text: str) -> str:
    """`visible(text)` with line breaks and tabs turned into spaces, for tree rows and titles."""
    return " ".join(visible(text).split())
