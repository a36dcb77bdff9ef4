"""Untrusted text made safe to show: control characters become visible, never act."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 range (0x80–0x9F), which terminals
# also treat as control sequences (0x9B is a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC → ␛
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def visible_controls(text: str) -> str:
    """`text` with every control character shown as a symbol; CRLF line ends become LF."""
    return _CONTROL.sub(_visible, text.replace("\r\n", "\n"))
