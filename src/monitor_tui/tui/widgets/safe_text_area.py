"""A TextArea that shows control characters as symbols while the text itself stays as typed."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import TextArea

from monitor_tui.tui.display import display

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never reach the terminal raw: C0 controls but tab and newline, DEL, C1."""


def _one_cell(match: re.Match[str]) -> str:
    """One character in place of one, so that columns and the cursor stay where they are."""
    if display().ascii:
        return "¤"  # Latin-1: the Linux console has it, not the control pictures
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC → ␛
    if code == 0x7F:
        return "␡"
    return "�"  # C1 has no control pictures


def symbols_for_controls(text: str) -> str:
    """`text` with every control character (but tab and newline) drawn as one symbol."""
    return _CONTROL.sub(_one_cell, text)


class SafeTextArea(TextArea):
    """Pasted text may carry terminal escapes (ESC, the C1 CSI 0x9B): each line is drawn with
    symbols in their place; `text` still returns what was pasted, byte for byte."""

    def get_line(self, line_index: int) -> Text:
        # From the document itself: Rich's Text would silently drop BEL, BS, VT, FF and CR.
        raw = self.document.get_line(line_index)
        return Text(symbols_for_controls(raw), end="", no_wrap=True)
