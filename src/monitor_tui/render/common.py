"""Small helpers the format renderers share."""

from __future__ import annotations

import re
from functools import cache

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # fullmatch: "$" would pass "#ffffff\n"

GENERATOR = "monitor-tui"
"""Every export names the program that wrote it (PDF Creator, DOCX description, HTML meta
generator, a Markdown comment, a JSON key): an export may replace a file only if it is one."""
MARKDOWN_MARK = f"<!-- generator: {GENERATOR} -->"

LABEL_SHADE = "#f2f2f2"
"""Background of the label cells of the monitoring rows: they are not part of the document."""
GOAL_SHADE = "#dde6f0"
"""Background of a goal's header row."""


@cache  # called per table row with the few colours of the concept
def tint(colour: str | None, strength: float = 0.22) -> str | None:
    """A light version of `colour` (#rrggbb), for a cell background that keeps text readable;
    None for anything that is not a plain hex colour (the concept file is edited by hand)."""
    if colour is None or not _HEX_COLOUR.fullmatch(colour):
        return None
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def safe_colour(colour: str | None) -> str | None:
    """`colour` if it is a plain #rrggbb value, else None: it ends up in CSS and XML."""
    return colour if colour is not None and _HEX_COLOUR.fullmatch(colour) else None


INK_LIMIT = 0.45
"""The lightest a mark may print (luma, 0 black … 1 white): lighter colours, such as yellow,
vanish in grey print and are darkened to this."""


@cache
def ink(colour: str | None, limit: float = INK_LIMIT) -> str | None:
    """`colour` (#rrggbb) darkened, if need be, so that a mark in it stays visible when printed
    in grey; None for anything that is not a plain hex colour."""
    if colour is None or not _HEX_COLOUR.fullmatch(colour):
        return None
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    luma = (0.299 * channels[0] + 0.587 * channels[1] + 0.114 * channels[2]) / 255
    if luma <= limit:
        return colour.lower()
    darker = [round(c * limit / luma) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in darker)


FONT_STACK = (
    "DejaVu Sans",
    "Noto Sans",
    "Arial",
    "Liberation Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Ethiopic",
    "Nyala",
    "Ebrima",
    "Segoe UI",
    "Segoe UI Symbol",
    "Noto Sans Symbols2",
)
"""Fonts named for the HTML, in order: Latin, Greek, Cyrillic, Arabic and symbols (DejaVu Sans on
Linux, Arial and Segoe UI on Windows), then Ethiopic (Noto Sans Ethiopic, Nyala, Ebrima); the
same scripts the PDF embeds."""


def css_font_stack() -> str:
    return ", ".join(f'"{name}"' for name in FONT_STACK) + ", sans-serif"
