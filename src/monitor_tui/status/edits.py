"""What a user changes on a measure, how it is checked, and how it meets another session's save.

Pure functions: no files. Values are compared as they are written in change lines, where an
unset value is `model.UNSET` ("—").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from monitor_tui.i18n import _
from monitor_tui.model import (
    DATE_FIELDS,
    UNSET,
    Catalogue,
    Change,
    Measure,
    MeasureStatus,
    Vocabulary,
)
from monitor_tui.status.wording import field_label

MAX_NOTE_CHARS = 200_000
"""The most characters one note may hold when it is saved (about 60 printed pages). Files that
hold longer notes (written by hand or earlier) are still read, shown and exported."""


class InvalidEdit(ValueError):
    """An edit names an unknown value; the message (German or English) lists the valid ones."""


@dataclass(frozen=True)
class Edit:
    """One change a user makes. None (or empty) leaves a field as it is."""

    status: str | None = None
    targets: Mapping[str, str] = field(default_factory=dict)
    """Target key ("kurz", "mittel-lang") or a term it covers → target state."""
    assessment: str | None = None
    """An assessment key; "" clears it."""
    priority: str | None = None
    """A priority key; "" clears it."""
    reviewed: date | None = None
    next_step: str | None = None
    """Nächster Schritt as text; "" clears it, and its date with it."""
    next_step_due: date | None = None
    note: str = ""
    internal: bool = False
    tags: tuple[str, ...] = ()
    """Marks for the entry's header: `korrektur` for one that undoes a wrong entry, `abfrage`
    for an office's answer to a request."""
    attributes: tuple[tuple[str, str], ...] = ()
    """Facts about the entry (`- @name: value`), e.g. which office answered."""

    @property
    def has_note(self) -> bool:
        return bool(self.note.strip())


@dataclass(frozen=True)
class MissingReason:
    """A value set by an edit that needs a note saying why, and the edit has none."""

    field: str
    value: str


def reasons_needed(edit: Edit, catalogue: Catalogue, current: MeasureStatus) -> list[MissingReason]:
    """The values this edit sets (different from `current`) that the concept marks with
    `needs_reason`, when the edit carries no note. Front ends ask for the note; the store does
    not refuse (a conflict being resolved, a file edited by hand must still be saved)."""
    if edit.has_note:
        return []
    concept = catalogue.concept
    wanted = [
        ("status", edit.status, current.status, concept.statuses),
        ("assessment", edit.assessment, current.assessment, concept.assessments),
        ("priority", edit.priority, current.priority, concept.priorities),
    ]
    missing = []
    for name, value, now, vocabulary in wanted:
        choice = vocabulary.get(value) if value else None
        if choice is not None and choice.needs_reason and value != now:
            missing.append(MissingReason(name, value or ""))
    states = concept.target_states
    for key, value in edit.targets.items():
        choice = states.get(value)
        if choice is not None and choice.needs_reason and current.targets.get(key) != value:
            missing.append(MissingReason(f"target:{key}", value))
    return missing


@dataclass(frozen=True)
class Conflict:
    """Another session changed `field` from `base` to `theirs`; this edit wanted `mine`."""

    field: str
    base: str
    theirs: str
    mine: str


def validated_changes(edit: Edit, measure: Measure, catalogue: Catalogue) -> dict[str, str]:
    """Field name → new value (as written in files), after checking every value.

    Raises InvalidEdit naming the valid values.
    """
    check_texts(edit)
    concept = catalogue.concept
    wanted: dict[str, str] = {}

    def check(option: str, value: str, vocabulary: Vocabulary, may_clear: bool) -> str:
        if (value == "" and may_clear) or vocabulary.get(value) is not None:
            return value or UNSET
        known = ", ".join(vocabulary.keys())
        raise InvalidEdit(_("value_unknown", value=value, key=field_label(option), known=known))

    if edit.status is not None:
        wanted["status"] = check("status", edit.status, concept.statuses, may_clear=False)
    if edit.assessment is not None:
        wanted["assessment"] = check("assessment", edit.assessment, concept.assessments, True)
    if edit.priority is not None:
        wanted["priority"] = check("priority", edit.priority, concept.priorities, True)
    if edit.reviewed is not None:
        wanted["reviewed"] = edit.reviewed.isoformat()
    if edit.next_step is not None:
        wanted["next_step"] = edit.next_step.strip() or UNSET
        if not edit.next_step.strip():
            wanted["next_step_due"] = UNSET
    if edit.next_step_due is not None:
        wanted["next_step_due"] = edit.next_step_due.isoformat()
    for key, state in edit.targets.items():
        target = measure.target(key)
        if target is None:
            known = ", ".join(t.key for t in measure.targets)
            raise InvalidEdit(_("status_target_unknown", key=key, known=known))
        wanted[f"target:{target.key}"] = check(target.key, state, concept.target_states, False)
    return wanted


def check_texts(edit: Edit) -> None:
    """Refuse a note over the limit and text no file can store (lone surrogates, which is how
    Python hands over bytes that were not UTF-8). Raises InvalidEdit."""
    if edit.has_note and len(edit.note) > MAX_NOTE_CHARS:
        raise InvalidEdit(_("note_too_long", length=len(edit.note), limit=MAX_NOTE_CHARS))
    for key, text in (("field_note", edit.note), ("field_next_step", edit.next_step or "")):
        bad = _SURROGATE.search(text)
        if bad is not None:
            raise InvalidEdit(_("text_not_utf8", field=_(key), position=bad.start() + 1))


_SURROGATE = re.compile("[\ud800-\udfff]")


def value_of(status: MeasureStatus, name: str, default_target: str) -> str:
    """A state field's value as written in change lines ("—" when unset)."""
    if name.startswith("target:"):
        return status.targets.get(name.removeprefix("target:"), default_target)
    value = getattr(status, name)
    if value is None:
        return UNSET
    return value.isoformat() if isinstance(value, date) else str(value)


def find_conflicts(
    wanted: Mapping[str, str], base: MeasureStatus, current: MeasureStatus, default_target: str
) -> list[Conflict]:
    """Fields this edit sets that the other side changed to something else since `base`."""
    if current.rev == base.rev and current.stamp == base.stamp:
        return []
    conflicts = []
    for name, mine in wanted.items():
        before = value_of(base, name, default_target)
        theirs = value_of(current, name, default_target)
        if theirs != before and theirs != mine:
            conflicts.append(Conflict(name, before, theirs, mine))
    return conflicts


def changes_to_write(
    wanted: Mapping[str, str],
    current: MeasureStatus,
    refused: set[str],
    default_target: str,
) -> list[Change]:
    """The change lines of a save: every wanted field that differs and was not refused."""
    return [
        Change(name, old, new)
        for name, new in wanted.items()
        if name not in refused and (old := value_of(current, name, default_target)) != new
    ]


def edit_from_conflicts(conflicts: tuple[Conflict, ...]) -> Edit:
    """An edit that writes "mine" for each conflicting field (after the user chose so)."""
    values: dict[str, str | None] = {}
    days: dict[str, date | None] = {}
    targets: dict[str, str] = {}
    for conflict in conflicts:
        mine = "" if conflict.mine == UNSET else conflict.mine
        if conflict.field.startswith("target:"):
            targets[conflict.field.removeprefix("target:")] = mine
        elif conflict.field in DATE_FIELDS:
            days[conflict.field] = date.fromisoformat(mine) if mine else None
        else:
            values[conflict.field] = mine
    return Edit(
        status=values.get("status"),
        assessment=values.get("assessment"),
        priority=values.get("priority"),
        reviewed=days.get("reviewed"),
        next_step=values.get("next_step"),
        next_step_due=days.get("next_step_due"),
        targets=targets,
    )
