"""Untrusted text made safe to show: control characters become visible, never act.

Two renderings of the same rule: `visible_controls` for the terminal (compact symbols such as ␛)
and `visible_text` for exported files (names such as [ESC], which every font can print and which
keep XML valid: it forbids most controls, lone surrogates and U+FFFE/U+FFFF).
"""

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


# fmt: off
_C0_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
    "ESC", "FS", "GS", "RS", "US",
)
_C1_NAMES = (
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
    "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI",
    "SCI", "CSI", "ST", "OSC", "PM", "APC",
)
# fmt: on
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _control_name(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return f"[{_C0_NAMES[code]}]"
    if code == 0x7F:
        return "[DEL]"
    if 0x80 <= code <= 0x9F:
        return f"[{_C1_NAMES[code - 0x80]}]"
    return f"[U+{code:04X}]"


def visible_text(text: str) -> str:
    """`text` with line ends normalised and every control character (ESC, BEL, C1 …) replaced by
    its name in brackets: terminals must not interpret them and XML forbids most of them."""
    if text.isprintable():  # most text: no line end, control, surrogate or non-character
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_PRINTABLE.sub(_control_name, text)


def visible_line(text: str) -> str:
    """`text` for a one-line message on the terminal: every control character shown as a
    symbol, line breaks and tabs included, so that a value typed on the command line can
    neither move the cursor nor forge a line of output."""
    return visible_controls(text).replace("\n", "␊").replace("\t", "␉")


def shortened(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with "…" when something was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"
