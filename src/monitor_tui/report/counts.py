"""How many measures stand where: the numbers of the overview table and the charts.

A pure function of the measures' recorded facts (no I/O, no layout), so that every view that
counts – the report's overview table, its charts, an overview screen – counts the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor_tui.model import Choice, Concept

NOT_SET = ""
"""The key under which measures without an assessment (or priority) are counted."""


class PreviousState(Protocol):
    """What an earlier report said about a measure (`document.PreviousFacts` is one)."""

    @property
    def status(self) -> Choice: ...
    @property
    def assessment(self) -> Choice | None: ...
    @property
    def priority(self) -> Choice | None: ...
    @property
    def indicator_fulfilled(self) -> bool: ...


class Countable(PreviousState, Protocol):
    """The facts of one measure that are counted (`document.MeasureFacts` is one): what an
    earlier report holds too, and these."""

    @property
    def overdue(self) -> bool: ...
    @property
    def target_states(self) -> tuple[tuple[str, Choice], ...]: ...
    @property
    def previous(self) -> PreviousState | None: ...
    @property
    def added_since_compare(self) -> bool: ...


@dataclass(frozen=True)
class Counts:
    """The numbers of one group of measures (a Handlungsfeld, or all of them).

    Every mapping holds every key of its vocabulary in the vocabulary's order, zeros included;
    `assessment` and `priority` end with NOT_SET.
    """

    measures: int
    status: Mapping[str, int]
    assessment: Mapping[str, int]
    priority: Mapping[str, int]
    fulfilled: int
    overdue: int
    targets: Mapping[str, Mapping[str, int]]
    """Horizon term → target state key → number of targets. A target of several horizons
    ("mittel- und langfristig") counts under each of them."""
    previous: PreviousCounts | None = None
    """The same measures as the compared report saw them; None without a comparison."""


@dataclass(frozen=True)
class PreviousCounts:
    """The compared report's numbers for the measures it already had."""

    measures: int
    status: Mapping[str, int]
    assessment: Mapping[str, int]
    priority: Mapping[str, int]
    fulfilled: int


def count_measures(concept: Concept, facts: Iterable[Countable], compared: bool = False) -> Counts:
    """The numbers of `facts`; with `compared`, also what the compared report said about
    the measures it had (a measure new since then counts only now)."""
    items = list(facts)
    status = dict.fromkeys(concept.statuses.keys(), 0)
    assessment = dict.fromkeys((*concept.assessments.keys(), NOT_SET), 0)
    priority = dict.fromkeys((*concept.priorities.keys(), NOT_SET), 0)
    targets = {
        horizon.term: dict.fromkeys(concept.target_states.keys(), 0) for horizon in concept.horizons
    }
    for item in items:
        _add(status, item.status.key)
        _add(assessment, item.assessment.key if item.assessment else NOT_SET)
        _add(priority, item.priority.key if item.priority else NOT_SET)
        for key, state in item.target_states:
            for term in key.split("-"):
                if term in targets:
                    _add(targets[term], state.key)
    return Counts(
        measures=len(items),
        status=status,
        assessment=assessment,
        priority=priority,
        fulfilled=sum(1 for item in items if item.indicator_fulfilled),
        overdue=sum(1 for item in items if item.overdue),
        targets=targets,
        previous=_previous(concept, items) if compared else None,
    )


def _previous(concept: Concept, items: Sequence[Countable]) -> PreviousCounts:
    status = dict.fromkeys(concept.statuses.keys(), 0)
    assessment = dict.fromkeys((*concept.assessments.keys(), NOT_SET), 0)
    priority = dict.fromkeys((*concept.priorities.keys(), NOT_SET), 0)
    fulfilled = 0
    measures = 0
    for item in items:
        before = item.previous
        if not item.added_since_compare:
            measures += 1
        if before is None:
            continue
        _add(status, before.status.key)
        _add(assessment, before.assessment.key if before.assessment else NOT_SET)
        _add(priority, before.priority.key if before.priority else NOT_SET)
        fulfilled += before.indicator_fulfilled
    return PreviousCounts(measures, status, assessment, priority, fulfilled)


def _add(counts: dict[str, int], key: str) -> None:
    """Count `key`; a value the vocabulary no longer has is still counted, at the end."""
    counts[key] = counts.get(key, 0) + 1


def count_groups(
    concept: Concept, groups: Sequence[Iterable[Countable]], compared: bool = False
) -> tuple[list[Counts], Counts]:
    """The numbers of each group (e.g. each Handlungsfeld) and of all of them together."""
    lists = [list(group) for group in groups]
    per_group = [count_measures(concept, group, compared) for group in lists]
    total = count_measures(concept, [item for group in lists for item in group], compared)
    return per_group, total
