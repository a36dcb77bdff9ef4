"""The entries of the filter menu (`f`): the dimensions with what is chosen in each, and the
values of one dimension for its checklist."""

from __future__ import annotations

from textual.content import Content

from monitor_tui.filters import (
    SWITCHES,
    YES,
    Dimension,
    FilterValue,
    MeasureFilter,
    dimensions,
    value_label,
)
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import fit, one_line
from monitor_tui.tui.screens.picker import PickerEntry

CLEAR = "clear"
"""The menu entry "Alle Filter aufheben"."""
MENU_HOTKEYS = {
    "field": "h",
    "status": "s",
    "assessment": "b",
    "priority": "p",
    "office": "z",
    "horizon": "t",
    "mine": "m",
    "overdue": "u",
    "next_step_due": "n",
    "changed": "g",
    CLEAR: "a",
}
"""The letter of each menu entry: as on the main screen where there is one (s, b, p, t)."""
NAME_WIDTH = 24
VALUES_WIDTH = 36


def menu_entries(catalogue: Catalogue, current: MeasureFilter) -> list[PickerEntry]:
    """The first menu: each dimension with its chosen values (or "alle"), the switches with
    their state, and "clear"."""
    entries = [_menu_entry(catalogue, dimension, current) for dimension in dimensions(catalogue)]
    entries.append(PickerEntry.plain(CLEAR, _("tui_filter_clear"), MENU_HOTKEYS[CLEAR]))
    return entries


def _menu_entry(catalogue: Catalogue, dimension: Dimension, current: MeasureFilter) -> PickerEntry:
    chosen = current.values(dimension.name)
    hotkey = MENU_HOTKEYS.get(dimension.name, "")
    if dimension.switch:
        on = YES in chosen
        label = Content.assemble(("[x] " if on else "[ ] ", "bold"), dimension.values[0].label)
        return PickerEntry(dimension.name, dimension.values[0].label, label, hotkey)
    if chosen:
        words = ", ".join(
            value_label(catalogue, dimension.name, v.key)
            for v in dimension.values
            if v.key in chosen
        )
        shown = (fit(one_line(words), VALUES_WIDTH), "bold")
    else:
        shown = (_("tui_filter_any"), "dim")
    label = Content.assemble(dimension.label.ljust(NAME_WIDTH), shown)
    return PickerEntry(dimension.name, dimension.label, label, hotkey)


def value_entries(values: tuple[FilterValue, ...]) -> list[PickerEntry]:
    """The checklist of one dimension: each value with its mark and letter where it has them."""
    shown = display()
    entries = []
    for value in values:
        if value.symbol:
            mark = value.ascii if shown.ascii else value.symbol
            style = f"bold {shown.content_colour(value.color)}"
            label = Content.assemble((f"{mark} ", style), one_line(value.label))
        else:
            label = Content(one_line(value.label))
        entries.append(PickerEntry(value.key, value.label, label, value.hotkey))
    return entries


def is_switch(dimension: str) -> bool:
    return dimension in SWITCHES
