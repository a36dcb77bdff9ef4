"""A measure's state at any day, replayed from its log.

The front matter of a status file is today's state; the log records every change as
`field: old → new`. Replaying the changes oldest first from the initial state ("offen", nothing
set) gives the state after any entry, so the state on a past day is the replay of the entries
dated on or before it (each timestamp's own date, in its own UTC offset). For files the tool
wrote, replaying the whole log gives exactly the front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from monitor_tui.model import (
    STATE_FIELDS,
    UNSET,
    Catalogue,
    LogEntry,
    Measure,
    MeasureStatus,
)
from monitor_tui.status.edits import value_of

StateValues = dict[str, str]
"""State field (`status`, `target:kurz` …) → value as written in change lines ("—" unset)."""


def initial_values(measure: Measure, catalogue: Catalogue) -> StateValues:
    """The state of a measure nothing was recorded for."""
    concept = catalogue.concept
    values = {name: UNSET for name in STATE_FIELDS}
    values["status"] = concept.statuses.default.key
    for target in measure.targets:
        values[f"target:{target.key}"] = concept.target_states.default.key
    return values


def state_values(status: MeasureStatus, measure: Measure, catalogue: Catalogue) -> StateValues:
    """The state `status` holds, in the form of change lines (to compare with a replay)."""
    default_target = catalogue.concept.target_states.default.key
    names = [*STATE_FIELDS, *(f"target:{t.key}" for t in measure.targets)]
    return {name: value_of(status, name, default_target) for name in names}


def entries_until(log: Sequence[LogEntry], day: date | None) -> list[LogEntry]:
    """The entries dated on or before `day` (all for None), newest first as in the file."""
    if day is None:
        return list(log)
    return [entry for entry in log if entry.timestamp.date() <= day]


def replay_values(log: Iterable[LogEntry], measure: Measure, catalogue: Catalogue) -> StateValues:
    """The state after applying every change of `log` (newest first, as in the file)."""
    values = initial_values(measure, catalogue)
    for entry in reversed(list(log)):
        for change in entry.changes:
            values[change.field] = change.new
    return values


def status_from_values(
    measure_id: str, values: Mapping[str, str], log: Sequence[LogEntry], stamp: str = ""
) -> MeasureStatus:
    """A MeasureStatus holding `values` and `log` (rev: the number of entries)."""

    def text(name: str) -> str | None:
        value = values.get(name, UNSET)
        return None if value == UNSET else value

    def day(name: str) -> date | None:
        value = text(name)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:  # a date written by hand that is none: not a state to report
            return None

    targets = {
        name.removeprefix("target:"): value
        for name, value in values.items()
        if name.startswith("target:") and value != UNSET
    }
    return MeasureStatus(
        measure_id=measure_id,
        status=text("status") or "",
        targets=targets,
        assessment=text("assessment"),
        priority=text("priority"),
        reviewed=day("reviewed"),
        next_step=text("next_step"),
        next_step_due=day("next_step_due"),
        rev=len(log),
        log=tuple(log),
        stamp=stamp,
    )


def status_on(
    status: MeasureStatus,
    measure: Measure,
    catalogue: Catalogue,
    day: date | None,
    replayed: StateValues | None = None,
) -> MeasureStatus:
    """The measure's state at the end of `day` (None: after the whole log), replayed.

    The result holds only the entries up to that day. `stamp` is kept, so that a caller can
    still tell which file it came from. `replayed`: `replay_values` of the whole log where
    the caller has it (then a day after every entry needs no second replay).
    """
    log = entries_until(status.log, day)
    if replayed is not None and len(log) == len(status.log):
        values = dict(replayed)
    else:
        values = replay_values(log, measure, catalogue)
    if not values["status"]:
        values["status"] = catalogue.concept.statuses.default.key
    return status_from_values(status.measure_id, values, log, status.stamp)


def replays_to_front_matter(status: MeasureStatus, measure: Measure, catalogue: Catalogue) -> bool:
    """Does replaying the whole log give exactly the state of the front matter?

    False means the file was edited by hand (or the log lost an entry): its past states
    cannot be trusted.
    """
    replayed = replay_values(status.log, measure, catalogue)
    return replayed == state_values(status, measure, catalogue)
