"""Right-to-left text for formats that place glyphs themselves (the PDF, the chart pictures).

ReportLab draws characters in the order it gets them and does not join Arabic letters. So
Arabic script is first shaped (each letter replaced by its joined form, arabic-reshaper), the
text is then broken into lines in logical order, and only each finished line is reordered for
display (the Unicode bidi algorithm, python-bidi). Reordering a whole note before breaking it
would print its lines in reverse order.

Both libraries are imported only when a text needs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: in untrusted text they could make a printed line read
differently from what was typed, so they are never passed to the bidi algorithm."""


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Hebrew, Arabic script …)."""
    return _RTL.search(text) is not None


def shaped(text: str) -> str:
    """`text` with Arabic-script letters in their joined (presentation) forms."""
    if _ARABIC.search(text) is None:
        return text
    return "\n".join(_reshaper().reshape(line) for line in text.split("\n"))


def starts_rtl(text: str) -> bool:
    """Whether the paragraph direction of `text` is right to left (its first strong letter)."""
    if not has_rtl(text):
        return False
    from bidi import get_base_level

    return bool(get_base_level(text))


def visual_runs(pieces: Sequence[str], rtl: bool) -> list[tuple[int, str]]:
    """One line, given as consecutive pieces of text in logical order (each in its own style),
    in display order from left to right: (index of the piece, text) runs, with mirrored
    brackets where they run right to left."""
    text = "".join(pieces)
    if not has_rtl(text):
        return [(index, piece) for index, piece in enumerate(pieces) if piece]
    owner = [index for index, piece in enumerate(pieces) for _char in piece]
    chars = _reordered(text, rtl)
    runs: list[tuple[int, str]] = []
    for char in chars:
        index = owner[char["index"]]
        if runs and runs[-1][0] == index:
            runs[-1] = (index, runs[-1][1] + char["ch"])
        else:
            runs.append((index, char["ch"]))
    return runs


def visual_line(text: str, rtl: bool) -> str:
    """One line of one style in display order."""
    return "".join(piece for _index, piece in visual_runs([text], rtl))


def _reordered(text: str, rtl: bool) -> list[dict[str, Any]]:
    """The characters of `text` in display order, each a dict with its original "index"."""
    from bidi import algorithm

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    clean = "".join(" " if char in BIDI_CONTROLS else char for char in text)
    algorithm.get_embedding_levels(clean, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    chars: list[dict[str, Any]] = storage["chars"]
    return chars


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    # Keep harakat and tatweel as typed; a font without them shows the notice, not a gap.
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "delete_tatweel": False}
    )
