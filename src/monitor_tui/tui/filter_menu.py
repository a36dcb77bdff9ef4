"""The entries of the filter menu (`f`): which kinds of filter, and the values of each."""

from __future__ import annotations

from monitor_tui.i18n import _, get_language
from monitor_tui.model import HORIZON_TERMS, Catalogue
from monitor_tui.tui.browse import Filters, term_label
from monitor_tui.tui.safe_text import one_line
from monitor_tui.tui.screens.picker import PickerEntry

VALUE_KINDS = ("office", "status", "assessment", "term")
"""Filters that take a value from a list; `mine`, `overdue` and `changed` are switched on and
off."""
SWITCHES = ("mine", "overdue", "changed")


def filter_kinds(filters: Filters) -> list[PickerEntry]:
    """The first menu: what to filter by, and "clear"."""
    switches = [
        PickerEntry.plain(kind, _(f"tui_filter_by_{kind}_off" if on else f"tui_filter_by_{kind}"))
        for kind, on in (
            ("mine", filters.mine),
            ("overdue", filters.overdue),
            ("changed", filters.changed),
        )
    ]
    return [
        *(PickerEntry.plain(kind, _(f"tui_filter_by_{kind}")) for kind in VALUE_KINDS),
        *switches,
        PickerEntry.plain("clear", _("tui_filter_clear")),
    ]


def filter_values(catalogue: Catalogue, kind: str) -> list[PickerEntry]:
    """The second menu: the values of one kind, "any" first."""
    lang = get_language()
    concept = catalogue.concept
    values = {
        "office": [PickerEntry.plain(o, one_line(o)) for o in catalogue.offices()],
        "status": [PickerEntry.of_choice(c, lang) for c in concept.statuses],
        "assessment": [PickerEntry.of_choice(c, lang) for c in concept.assessments],
        "term": [PickerEntry.plain(t, term_label(t)) for t in HORIZON_TERMS],
    }[kind]
    return [PickerEntry.plain("", _("tui_filter_any")), *values]
