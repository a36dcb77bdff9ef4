"""State fields, their values and their changes as people read them, for every front end.

Files keep stable English keys (`status`, `target:kurz`, `in-umsetzung`); the CLI, the app and
the exports show the words of the concept's vocabularies instead.
"""

from __future__ import annotations

from datetime import date

from monitor_tui.dates import format_date
from monitor_tui.i18n import MESSAGES, _
from monitor_tui.model import REQUEST_TAG, UNSET, Catalogue, Change, Concept, LogEntry, Vocabulary

_FIELD_LABELS = {
    "status": "label_status",
    "assessment": "label_assessment",
    "priority": "label_priority",
    "reviewed": "label_reviewed",
    "next_step": "label_next_step",
    "next_step_due": "label_next_step_due",
}


def field_label(name: str) -> str:
    """A state field as users know it, with the name it has in files: "Bewertung (assessment)";
    any other name is a target key: "Zeithorizont „kurz“"."""
    if name in _FIELD_LABELS:
        return f"{_(_FIELD_LABELS[name])} ({name})"
    return f"{_('label_targets')} „{name}“"


def field_name(name: str) -> str:
    """A state field's name on screen: "Umsetzungsstand", "Zeithorizont kurz"."""
    kind, _sep, target = name.partition(":")
    return _(_FIELD_LABELS[kind]) if kind in _FIELD_LABELS else f"{_('label_targets')} {target}"


def entry_origin(entry: LogEntry, lang: str) -> str:
    """Where an entry came from when it is not the author's own: "Antwort von Bürgeramt (Frau
    Muster) auf die Abfrage vom 20.11.2026"; empty for an ordinary entry."""
    if REQUEST_TAG not in entry.tags:
        return ""
    office = entry.attribute("office") or "?"
    contact = entry.attribute("contact")
    who = f"{office} ({contact})" if contact else office
    request = entry.attribute("request") or ""
    try:
        when = format_date(date.fromisoformat(request), lang)
    except ValueError:  # written by hand
        when = request
    return _("wording_request_answer", who=who, date=when)


def vocabulary_of(concept: Concept, name: str) -> Vocabulary | None:
    """The vocabulary a state field takes its values from ("target:kurz" → target states)."""
    return {
        "status": concept.statuses,
        "assessment": concept.assessments,
        "priority": concept.priorities,
        "target": concept.target_states,
    }.get(name.partition(":")[0])


def value_word(name: str, value: str | None, catalogue: Catalogue, lang: str) -> str:
    """A stored value as a word: "in-umsetzung" → "in Umsetzung"; unset → "nicht gesetzt".

    A key the vocabulary no longer knows is shown as it is: the file still says it.
    """
    if not value or value == UNSET:
        return _("status_not_set")
    vocabulary = vocabulary_of(catalogue.concept, name)
    choice = vocabulary.get(value) if vocabulary else None
    return choice.label(lang) if choice else value


def describe_change(change: Change, catalogue: Catalogue, lang: str) -> str:
    """A change line for people: "Umsetzungsstand: in Umsetzung → umgesetzt"."""
    old = value_word(change.field, change.old, catalogue, lang)
    new = value_word(change.field, change.new, catalogue, lang)
    return f"{field_name(change.field)}: {old} → {new}"


def tag_word(tag: str) -> str:
    """A header mark as a word ("von-hand" → "von Hand"); an unknown mark as it is written."""
    key = f"tag_{tag}"
    return _(key) if key in MESSAGES else tag
