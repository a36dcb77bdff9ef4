"""The app's Übersicht: per Handlungsfeld how many measures stand where, each number with the
filter that shows exactly its measures, and the measures that need attention, each with why.

The numbers are counted by `counts.count_measures`, as the report's overview table and charts
are; the state of each measure comes from the same `FilterContext` the tree filters with, so a
number and the tree filtered by its filter always agree. No I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from monitor_tui.filters import NOT_SET, YES, FilterContext, MeasureFilter
from monitor_tui.model import Choice, Concept, Field, Measure, indicator_fulfilled
from monitor_tui.report.counts import NOT_SET as COUNTED_NOT_SET
from monitor_tui.report.counts import Counts, count_measures
from monitor_tui.report.document import PreviousFacts
from monitor_tui.reports.synopse import Snapshot

GROUPS = ("status", "assessment", "priority")
"""The vocabularies counted per value, in the order they are shown."""


@dataclass(frozen=True)
class Number:
    """One number of the overview: how many measures, and the filter that shows exactly them."""

    id: str
    """Names the number within the overview ("1/status/umgesetzt"), to find it again after
    the numbers were counted afresh."""
    count: int
    filter: MeasureFilter
    """Lets exactly the measures counted through (a zero has nothing to show: a list of no
    measures is no filter)."""
    change: int | None = None
    """The difference to the last frozen report (+2 / −1); None: nothing to compare with."""
    value: str = ""
    """The vocabulary key counted (`filters.NOT_SET` for "not set"), or "" for the others."""


@dataclass(frozen=True)
class GroupNumbers:
    """The numbers of one Handlungsfeld (`field`), or of all of them (`field` None)."""

    field: Field | None
    measures: Number
    status: tuple[Number, ...]
    assessment: tuple[Number, ...]
    priority: tuple[Number, ...]
    """Per value of the vocabulary, in its order; assessment and priority end with "not set"."""
    fulfilled: Number
    """Measures whose Erfolgsindikator is fulfilled (every target reached)."""
    overdue: Number
    changed: Number | None
    """Changed since the last frozen report; None when no report exists yet."""
    unreadable: Number
    """Measures whose status file cannot be read: their state is unknown, counted nowhere else."""
    status_ids: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(status key, ids) of the readable measures in catalogue order: what a bar draws."""

    def vocabulary(self, group: str) -> tuple[Number, ...]:
        """The numbers of `group` (one of GROUPS)."""
        found: tuple[Number, ...] = getattr(self, group)
        return found


@dataclass(frozen=True)
class Concern:
    """One reason a measure needs attention (kritisch, priority hoch, overdue …), with the
    number of measures that have it."""

    dimension: str
    """The filter dimension: assessment, priority, overdue or next_step_due."""
    value: str
    """The vocabulary key, or `filters.YES` for overdue and next step due."""
    choice: Choice | None
    """The vocabulary value (its mark and words); None for overdue and next step due."""
    number: Number


@dataclass(frozen=True)
class AttentionRow:
    """A measure that needs attention, and why (most urgent reason first)."""

    measure: Measure
    concerns: tuple[Concern, ...]
    number: Number
    """Exactly this measure (for Enter)."""


@dataclass(frozen=True)
class Overview:
    fields: tuple[GroupNumbers, ...]
    total: GroupNumbers
    concerns: tuple[Concern, ...]
    """Every reason for attention, in urgency order, each with its number (zeros included)."""
    attention: tuple[AttentionRow, ...]
    compared: bool
    """A frozen report exists: numbers carry their change since it."""


@dataclass(frozen=True)
class _Facts:
    """What `count_measures` counts of one measure (a `counts.Countable`)."""

    status: Choice
    assessment: Choice | None
    priority: Choice | None
    overdue: bool
    indicator_fulfilled: bool
    target_states: tuple[tuple[str, Choice], ...]
    previous: PreviousFacts | None
    added_since_compare: bool


def attention_values(concept: Concept) -> list[tuple[str, Choice]]:
    """(dimension, value) that make a measure need attention, most urgent first: the
    assessments that must be justified (`needs_reason`: gefährdet, kritisch), the worst – the
    last in the vocabulary – first, then the highest priority (the first in the vocabulary)."""
    found = [("assessment", c) for c in reversed(concept.assessments.choices) if c.needs_reason]
    if concept.priorities.choices:
        found.append(("priority", concept.priorities.default))
    return found


def build_overview(context: FilterContext, baseline: Snapshot | None = None) -> Overview:
    """The numbers of every Handlungsfeld and of all together, and what needs attention;
    with `baseline` (the last frozen report's data) the change of each number since then."""
    catalogue = context.catalogue
    fields = tuple(
        _group_numbers(context, baseline, f, list(f.measures())) for f in catalogue.fields
    )
    total = _group_numbers(context, baseline, None, list(catalogue.measures()))
    concerns = _concerns(context)
    return Overview(fields, total, concerns, _attention(context, concerns), baseline is not None)


def _group_numbers(
    context: FilterContext, baseline: Snapshot | None, field: Field | None, measures: list[Measure]
) -> GroupNumbers:
    concept = context.catalogue.concept
    scope = MeasureFilter.of(field=[field.id]) if field is not None else MeasureFilter()
    prefix = field.id if field is not None else "*"
    readable = [m for m in measures if m.id not in context.broken]
    facts = [_facts(m, context, baseline) for m in readable]
    counts = count_measures(concept, facts, compared=baseline is not None)
    previous = counts.previous

    def number(
        name: str, count: int, extra: MeasureFilter, change: int | None = None, value: str = ""
    ) -> Number:
        measure_filter = scope
        for dimension, values in extra.chosen:
            measure_filter = measure_filter.with_values(dimension, values)
        return Number(f"{prefix}/{name}", count, measure_filter, change, value)

    def vocabulary(group: str) -> tuple[Number, ...]:
        now: Mapping[str, int] = getattr(counts, group)
        before: Mapping[str, int] | None = getattr(previous, group) if previous else None
        numbers = []
        for key, count in now.items():
            value = NOT_SET if key == COUNTED_NOT_SET else key
            change = None if before is None else count - before.get(key, 0)
            only = MeasureFilter.of(**{group: [value]})
            numbers.append(number(f"{group}/{value}", count, only, change, value))
        return tuple(numbers)

    fulfilled = [m.id for m, f in zip(readable, facts, strict=True) if f.indicator_fulfilled]
    added = sum(1 for f in facts if f.added_since_compare)
    unreadable = [m.id for m in measures if m.id in context.broken]
    changed = None
    if context.changed_ids is not None:
        changed_count = sum(1 for m in measures if context.changed(m))
        changed = number("changed", changed_count, MeasureFilter.of(changed=[YES]))
    return GroupNumbers(
        field=field,
        measures=number(
            "measures", len(measures), MeasureFilter(), added if baseline is not None else None
        ),
        status=vocabulary("status"),
        assessment=vocabulary("assessment"),
        priority=vocabulary("priority"),
        fulfilled=number(
            "fulfilled",
            counts.fulfilled,
            MeasureFilter.of_ids(fulfilled),
            counts.fulfilled - previous.fulfilled if previous is not None else None,
        ),
        overdue=number("overdue", counts.overdue, MeasureFilter.of(overdue=[YES])),
        changed=changed,
        unreadable=number("unreadable", len(unreadable), MeasureFilter.of_ids(unreadable)),
        status_ids=_status_ids(counts, readable, facts),
    )


def _status_ids(
    counts: Counts, readable: Sequence[Measure], facts: Sequence[_Facts]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (key, tuple(m.id for m, f in zip(readable, facts, strict=True) if f.status.key == key))
        for key in counts.status
    )


def _facts(measure: Measure, context: FilterContext, baseline: Snapshot | None) -> _Facts:
    concept = context.catalogue.concept
    recorded = context.status_of(measure.id)
    states = concept.target_states
    return _Facts(
        status=concept.statuses.get(recorded.status) or concept.statuses.default,
        assessment=concept.assessments.get(recorded.assessment or ""),
        priority=concept.priorities.get(recorded.priority or ""),
        overdue=context.is_overdue(measure),
        indicator_fulfilled=indicator_fulfilled(measure, recorded, states),
        target_states=tuple(
            (t.key, states.get(recorded.target_state(t, states.default.key)) or states.default)
            for t in measure.targets
        ),
        previous=_previous(measure, baseline),
        added_since_compare=baseline is not None and baseline.catalogue.measure(measure.id) is None,
    )


def _previous(measure: Measure, baseline: Snapshot | None) -> PreviousFacts | None:
    """The measure as the last report saw it (None: no report, or the measure is new)."""
    old_measure = baseline.catalogue.measure(measure.id) if baseline is not None else None
    if baseline is None or old_measure is None:
        return None
    concept = baseline.catalogue.concept
    old = baseline.status(measure.id)
    return PreviousFacts(
        status=concept.statuses.get(old.status) or concept.statuses.default,
        assessment=concept.assessments.get(old.assessment or ""),
        indicator_fulfilled=indicator_fulfilled(old_measure, old, concept.target_states),
        priority=concept.priorities.get(old.priority or ""),
    )


def _concerns(context: FilterContext) -> tuple[Concern, ...]:
    concept = context.catalogue.concept
    wanted: list[tuple[str, str, Choice | None]] = [
        (dimension, choice.key, choice) for dimension, choice in attention_values(concept)
    ]
    wanted += [("overdue", YES, None), ("next_step_due", YES, None)]
    concerns = []
    for dimension, value, choice in wanted:
        measure_filter = MeasureFilter.of(**{dimension: [value]})
        count = len(measure_filter.select(context))
        number = Number(f"attention/{dimension}/{value}", count, measure_filter, value=value)
        concerns.append(Concern(dimension, value, choice, number))
    return tuple(concerns)


def _attention(context: FilterContext, concerns: Sequence[Concern]) -> tuple[AttentionRow, ...]:
    """Every measure with at least one concern, the most urgent first (then catalogue order)."""
    tests: list[Callable[[Measure], bool]] = [
        _accepts(concern.number.filter, context) for concern in concerns
    ]
    ranked: list[tuple[int, AttentionRow]] = []
    for measure in context.catalogue.measures():
        found = [rank for rank, test in enumerate(tests) if test(measure)]
        if found:
            only = MeasureFilter.of_ids([measure.id])
            row = AttentionRow(
                measure,
                tuple(concerns[rank] for rank in found),
                Number(f"measure/{measure.id}", 1, only),
            )
            ranked.append((found[0], row))
    ranked.sort(key=lambda item: item[0])  # stable: catalogue order within one urgency
    return tuple(row for _rank, row in ranked)


def _accepts(measure_filter: MeasureFilter, context: FilterContext) -> Callable[[Measure], bool]:
    return lambda measure: measure_filter.accepts(measure, context)


def bar_segments(counts: Sequence[tuple[str, int]], width: int) -> list[tuple[str, int]]:
    """(key, cells) of a bar `width` cells wide, each key's share of the total: every key with
    a count gets at least one cell (a single measure must not vanish), the rest goes by the
    largest remainder. Keys without a count are left out."""
    counted = [(key, count) for key, count in counts if count > 0]
    total = sum(count for _key, count in counted)
    if not counted or width <= 0:
        return []
    width = max(width, len(counted))
    exact = [count * width / total for _key, count in counted]
    cells = [max(1, int(share)) for share in exact]
    while sum(cells) > width:  # the minimum of one cell took room from the others
        wider = [i for i in range(len(cells)) if cells[i] > 1]
        cells[max(wider, key=lambda i: cells[i] - exact[i])] -= 1
    while sum(cells) < width:
        index = max(range(len(cells)), key=lambda i: exact[i] - cells[i])
        cells[index] += 1
    return [(key, size) for (key, _count), size in zip(counted, cells, strict=True)]
