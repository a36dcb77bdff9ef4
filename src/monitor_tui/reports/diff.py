"""What changed between two snapshots: per measure the changed fields, the new public notes,
whether it was added to or removed from the catalogue, and whether its catalogue text changed.

Values are compared as keys (`in-umsetzung`, `erreicht`, "—" for unset); words are for the
front ends. No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from monitor_tui.model import (
    UNSET,
    Catalogue,
    Measure,
    MeasureStatus,
    id_sort_key,
    indicator_fulfilled,
    public_note_days,
)
from monitor_tui.reports.synopse import Snapshot

COMPARED_FIELDS = ("status", "target", "assessment", "priority", "indicator_fulfilled")
"""What a report compares, in this order (`target` stands for every `target:<key>`)."""
INDICATOR = "indicator_fulfilled"
YES, NO = "true", "false"
"""Values of `indicator_fulfilled` in a FieldChange."""
TEXT_CELLS = ("label", "text", "indicator", "responsible", "targets")
"""The catalogue cells of a measure whose wording a revision may change."""

DiffKind = Literal["changed", "added", "removed", "unchanged"]


@dataclass(frozen=True)
class FieldChange:
    """`field` (status, target:<key>, assessment, priority, indicator_fulfilled) went from
    `before` to `after` (keys; "—" unset; "true"/"false" for the indicator)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class MeasureDiff:
    measure_id: str
    kind: DiffKind
    changes: tuple[FieldChange, ...] = ()
    new_notes: int = 0
    """Public notes dated after the earlier Berichtsstand."""
    text_changed: tuple[str, ...] = ()
    """Catalogue cells (see TEXT_CELLS) whose wording differs."""

    @property
    def changed(self) -> bool:
        """Anything to report: a field, a note, the catalogue text, or the measure itself."""
        return self.kind != "unchanged"

    def change(self, name: str) -> FieldChange | None:
        return next((c for c in self.changes if c.field == name), None)


@dataclass(frozen=True)
class SnapshotDiff:
    before: Snapshot
    after: Snapshot
    measures: tuple[MeasureDiff, ...]
    """Every measure of either catalogue that changed, in catalogue order (removed ones where
    they stood)."""

    def counts(self) -> dict[DiffKind, int]:
        found: dict[DiffKind, int] = {"changed": 0, "added": 0, "removed": 0}
        for item in self.measures:
            found[item.kind] = found.get(item.kind, 0) + 1
        return found


def compared_values(
    measure: Measure, status: MeasureStatus, catalogue: Catalogue
) -> dict[str, str]:
    """The values a report compares: status, each target's state, assessment, priority and
    whether the indicator is fulfilled."""
    concept = catalogue.concept
    default_target = concept.target_states.default.key
    values = {"status": status.status or concept.statuses.default.key}
    for target in measure.targets:
        values[f"target:{target.key}"] = status.target_state(target, default_target)
    values["assessment"] = status.assessment or UNSET
    values["priority"] = status.priority or UNSET
    fulfilled = indicator_fulfilled(measure, status, concept.target_states)
    values[INDICATOR] = YES if fulfilled else NO
    return values


def field_changes(before: dict[str, str], after: dict[str, str]) -> tuple[FieldChange, ...]:
    """The fields whose value differs, in the order of COMPARED_FIELDS (a target one side
    lacks counts as unset there)."""
    names = list(after) + [name for name in before if name not in after]
    changes = [
        FieldChange(name, before.get(name, UNSET), after.get(name, UNSET))
        for name in names
        if before.get(name, UNSET) != after.get(name, UNSET)
    ]
    order = {name: index for index, name in enumerate(COMPARED_FIELDS)}
    return tuple(sorted(changes, key=lambda c: order[c.field.partition(":")[0]]))


def new_notes_since(status: MeasureStatus, day: date) -> int:
    return sum(1 for note_day in public_note_days(status) if note_day > day)


def text_changes(before: Measure, after: Measure) -> tuple[str, ...]:
    return tuple(name for name in TEXT_CELLS if getattr(before, name) != getattr(after, name))


def measure_diff(
    baseline: Snapshot, catalogue: Catalogue, measure: Measure, status: MeasureStatus
) -> MeasureDiff:
    """How `measure` with `status` (in `catalogue`) differs from `baseline`."""
    old = baseline.catalogue.measure(measure.id)
    if old is None:
        return MeasureDiff(measure.id, "added", new_notes=len(public_note_days(status)))
    changes = field_changes(
        compared_values(old, baseline.status(measure.id), baseline.catalogue),
        compared_values(measure, status, catalogue),
    )
    notes = new_notes_since(status, baseline.report_date)
    texts = text_changes(old, measure)
    kind: DiffKind = "changed" if changes or notes or texts else "unchanged"
    return MeasureDiff(measure.id, kind, changes, notes, texts)


def diff_snapshots(before: Snapshot, after: Snapshot) -> SnapshotDiff:
    """Every measure that differs between `before` and `after`."""
    found: list[MeasureDiff] = []
    for measure in after.catalogue.measures():
        item = measure_diff(before, after.catalogue, measure, after.status(measure.id))
        if item.changed:
            found.append(item)
    found += [
        MeasureDiff(m.id, "removed")
        for m in before.catalogue.measures()
        if after.catalogue.measure(m.id) is None
    ]
    found.sort(key=lambda item: id_sort_key(item.measure_id))
    return SnapshotDiff(before, after, tuple(found))


def changed_ids(
    baseline: Snapshot, catalogue: Catalogue, statuses: dict[str, MeasureStatus]
) -> Iterator[str]:
    """Ids of the measures of `catalogue` that differ from `baseline` (for marks and filters)."""
    for measure in catalogue.measures():
        status = statuses.get(measure.id) or MeasureStatus(measure.id)
        if measure_diff(baseline, catalogue, measure, status).changed:
            yield measure.id
