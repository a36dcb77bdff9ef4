"""Choosing part of the catalogue by what users type: a field, an office, a status.

One resolver each, shared by every command and the app, so that `--office` means the same
everywhere: the office spelled alike (case and umlauts aside), else the one office whose name
contains what was typed.
"""

from __future__ import annotations

from monitor_tui.i18n import _
from monitor_tui.model import Catalogue, Choice, Field, Vocabulary, fold_for_search


class SelectionError(ValueError):
    """An unknown field, office or status was asked for; the message lists the valid ones."""


def resolve_field(catalogue: Catalogue, value: str) -> Field:
    """A Handlungsfeld by id ("3"), number ("4.3") or title ("Wohnen")."""
    wanted = fold_for_search(value.strip())
    for candidate in catalogue.fields:
        names = (candidate.id, candidate.number, candidate.title, candidate.heading)
        if wanted in {fold_for_search(name) for name in names}:
            return candidate
    choices = ", ".join(f"{f.id} ({f.title})" for f in catalogue.fields)
    raise SelectionError(_("export_unknown_field", value=value, choices=choices))


def resolve_office(catalogue: Catalogue, value: str) -> str:
    """An office as listed in the catalogue: spelled alike, or the only one containing `value`."""
    found = catalogue.find_offices(value)
    if len(found) == 1:
        return found[0]
    if found:
        raise SelectionError(_("office_ambiguous", value=value, choices="; ".join(found)))
    choices = "; ".join(catalogue.offices())
    raise SelectionError(_("office_unknown", value=value, choices=choices))


def resolve_status(statuses: Vocabulary, value: str) -> Choice:
    """A status by key ("in-umsetzung") or by its German or English word."""
    wanted = fold_for_search(value.strip())
    for choice in statuses:
        if wanted in {
            fold_for_search(choice.key),
            fold_for_search(choice.de),
            fold_for_search(choice.en),
        }:
            return choice
    raise SelectionError(
        _("export_unknown_status", value=value, choices=", ".join(statuses.keys()))
    )
