"""Which measures to show: several dimensions, several values per dimension.

A `MeasureFilter` holds, per dimension, the values chosen: a measure passes when it matches
every dimension that has values (AND across dimensions) and, within one dimension, any of its
values (OR). What a predicate needs beyond the catalogue (today, the statuses, the measures
changed since the last report …) comes in a `FilterContext`, so that the tree, the export and
an overview can all ask the same question. No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from monitor_tui.i18n import _, get_language
from monitor_tui.model import (
    HORIZON_TERMS,
    Catalogue,
    Measure,
    MeasureStatus,
    Vocabulary,
    is_overdue,
)

YES = "ja"
"""The one value of a yes/no dimension (overdue, next step due, changed): on or off."""
NOT_SET = "-"
"""The value "not set" of assessment and priority (a measure nobody has assessed yet)."""

DIMENSIONS = (
    "field",
    "status",
    "assessment",
    "priority",
    "office",
    "horizon",
    "mine",
    "overdue",
    "next_step_due",
    "changed",
    "ids",
)
"""In the order the filter menu lists them and the filter bar describes them. `ids` is an
explicit set of measures (an overview's "these 4 measures"), set by code, not from the menu."""
SWITCHES = frozenset({"mine", "overdue", "next_step_due", "changed"})
"""Dimensions with the one value YES."""
STATE_DIMENSIONS = frozenset(
    {"status", "assessment", "priority", "overdue", "next_step_due", "changed"}
)
"""Dimensions about the recorded state: a measure whose status file cannot be read has an
unknown state and matches none of their values."""


@dataclass(frozen=True)
class FilterContext:
    """What the predicates need besides the catalogue: the state of each measure and the day."""

    catalogue: Catalogue
    statuses: Mapping[str, MeasureStatus]
    today: date
    changed_ids: Collection[str] | None = None
    """Measures changed since the last frozen report; None when no report exists yet."""
    broken: Collection[str] = ()
    """Measures whose status file cannot be read."""
    monitoring_start: date | None = None
    """The day monitoring began: a measure never reviewed is overdue counted from it."""
    my_offices: Collection[str] = ()
    """The offices of the person logged in ("Meine Maßnahmen")."""

    def status_of(self, measure_id: str) -> MeasureStatus:
        return self.statuses.get(measure_id) or MeasureStatus(measure_id)

    def is_overdue(self, measure: Measure) -> bool:
        period = self.catalogue.concept.review_period_days
        return is_overdue(self.status_of(measure.id), self.today, period, self.monitoring_start)

    def mine(self, measure: Measure) -> bool:
        """The measure is one of the offices of the person logged in."""
        return not set(self.my_offices).isdisjoint(measure.offices)

    def next_step_due(self, measure: Measure) -> bool:
        """A next step is recorded and its date is today or past."""
        due = self.status_of(measure.id).next_step_due
        return due is not None and due <= self.today

    def changed(self, measure: Measure) -> bool:
        return self.changed_ids is not None and measure.id in self.changed_ids


def _value_of_field(measure: Measure, context: FilterContext) -> Iterable[str]:
    return (measure.field_id,)


def _value_of_status(measure: Measure, context: FilterContext) -> Iterable[str]:
    return (context.status_of(measure.id).status,)


def _value_of_assessment(measure: Measure, context: FilterContext) -> Iterable[str]:
    return (context.status_of(measure.id).assessment or NOT_SET,)


def _value_of_priority(measure: Measure, context: FilterContext) -> Iterable[str]:
    return (context.status_of(measure.id).priority or NOT_SET,)


def _value_of_office(measure: Measure, context: FilterContext) -> Iterable[str]:
    return measure.offices


def _value_of_horizon(measure: Measure, context: FilterContext) -> Iterable[str]:
    return {term for target in measure.targets for term in target.terms}


def _switch(test: Callable[[FilterContext, Measure], bool]) -> ValueOf:
    def values(measure: Measure, context: FilterContext) -> Iterable[str]:
        return (YES,) if test(context, measure) else ()

    return values


def _value_of_id(measure: Measure, context: FilterContext) -> Iterable[str]:
    return (measure.id,)


ValueOf = Callable[[Measure, FilterContext], Iterable[str]]

VALUES_OF: dict[str, ValueOf] = {
    "field": _value_of_field,
    "status": _value_of_status,
    "assessment": _value_of_assessment,
    "priority": _value_of_priority,
    "office": _value_of_office,
    "horizon": _value_of_horizon,
    "mine": _switch(FilterContext.mine),
    "overdue": _switch(FilterContext.is_overdue),
    "next_step_due": _switch(FilterContext.next_step_due),
    "changed": _switch(FilterContext.changed),
    "ids": _value_of_id,
}
"""Per dimension: the values a measure has in it. A new dimension is one entry here, one in
DIMENSIONS, and its words in `dimension_values` / `describe`."""


@dataclass(frozen=True)
class MeasureFilter:
    """The values chosen per dimension; a dimension without values does not restrict."""

    chosen: tuple[tuple[str, frozenset[str]], ...] = ()
    """(dimension, values) pairs in DIMENSIONS order, only dimensions with values."""

    @classmethod
    def of(cls, **values: Iterable[str]) -> MeasureFilter:
        """`MeasureFilter.of(status=["umgesetzt"], field=["1", "3"])`."""
        result = cls()
        for dimension, chosen in values.items():
            result = result.with_values(dimension, chosen)
        return result

    @classmethod
    def of_ids(cls, ids: Iterable[str]) -> MeasureFilter:
        """Exactly these measures (an overview's row, a list of what needs attention)."""
        return cls().with_values("ids", ids)

    def values(self, dimension: str) -> frozenset[str]:
        return next((chosen for name, chosen in self.chosen if name == dimension), frozenset())

    def active(self) -> bool:
        return bool(self.chosen)

    def with_values(self, dimension: str, values: Iterable[str]) -> MeasureFilter:
        """This filter with `dimension` set to `values` (none: the dimension is cleared)."""
        if dimension not in VALUES_OF:
            raise ValueError(dimension)
        new = dict(self.chosen)
        chosen = frozenset(values)
        if chosen:
            new[dimension] = chosen
        else:
            new.pop(dimension, None)
        return MeasureFilter(tuple((d, new[d]) for d in DIMENSIONS if d in new))

    def toggled(self, dimension: str, value: str = YES) -> MeasureFilter:
        """`value` switched on or off in `dimension`."""
        return self.with_values(dimension, self.values(dimension) ^ {value})

    def without(self, dimension: str) -> MeasureFilter:
        return self.with_values(dimension, ())

    def accepts(self, measure: Measure, context: FilterContext) -> bool:
        """Every dimension with values has at least one of them (AND across, OR within)."""
        for dimension, chosen in self.chosen:
            if dimension in STATE_DIMENSIONS and measure.id in context.broken:
                return False
            if chosen.isdisjoint(VALUES_OF[dimension](measure, context)):
                return False
        return True

    def select(self, context: FilterContext) -> list[str]:
        """The ids of the measures that pass, in catalogue order."""
        return [m.id for m in context.catalogue.measures() if self.accepts(m, context)]


@dataclass(frozen=True)
class FilterValue:
    """One value of a dimension as the menu lists it: key, words, and the mark of its vocabulary."""

    key: str
    label: str
    symbol: str = ""
    color: str = ""
    ascii: str = ""
    hotkey: str = ""


@dataclass(frozen=True)
class Dimension:
    """A dimension as the menu lists it."""

    name: str
    label: str
    values: tuple[FilterValue, ...] = field(default=())

    @property
    def switch(self) -> bool:
        return self.name in SWITCHES


def _vocabulary_values(vocabulary: Vocabulary, lang: str, unset: bool) -> list[FilterValue]:
    values = [
        FilterValue(c.key, c.label(lang), c.symbol, c.color, c.mark(True), c.hotkey)
        for c in vocabulary
    ]
    if unset:
        values.append(FilterValue(NOT_SET, _("filter_not_set"), hotkey=NOT_SET))
    return values


def dimension_values(catalogue: Catalogue, dimension: str) -> tuple[FilterValue, ...]:
    """Every value one can choose in `dimension`, in a sensible order."""
    lang = get_language()
    concept = catalogue.concept
    if dimension == "field":
        return tuple(FilterValue(f.id, f"{f.id} {f.title}") for f in catalogue.fields)
    if dimension == "status":
        return tuple(_vocabulary_values(concept.statuses, lang, unset=False))
    if dimension == "assessment":
        return tuple(_vocabulary_values(concept.assessments, lang, unset=True))
    if dimension == "priority":
        return tuple(_vocabulary_values(concept.priorities, lang, unset=True))
    if dimension == "office":
        return tuple(FilterValue(o, o) for o in catalogue.offices())
    if dimension == "horizon":
        return tuple(FilterValue(t, _(f"filter_term_{t}")) for t in HORIZON_TERMS)
    if dimension in SWITCHES:
        return (FilterValue(YES, _(f"filter_{dimension}_on")),)
    return ()


def dimensions(catalogue: Catalogue) -> list[Dimension]:
    """The dimensions the filter menu offers (all but `ids`), with their values."""
    return [
        Dimension(name, _(f"filter_dimension_{name}"), dimension_values(catalogue, name))
        for name in DIMENSIONS
        if name != "ids"
    ]


def value_label(catalogue: Catalogue, dimension: str, value: str) -> str:
    """The words for one value ("in Umsetzung", "1 Bildung", "nicht gesetzt")."""
    found = next((v for v in dimension_values(catalogue, dimension) if v.key == value), None)
    return found.label if found is not None else value


def describe(measure_filter: MeasureFilter, catalogue: Catalogue) -> list[str]:
    """One short phrase per dimension with values, for a filter bar or a report's title:
    "Stand: in Umsetzung oder umgesetzt", "nur überfällige"."""
    parts = []
    for dimension, chosen in measure_filter.chosen:
        if dimension in SWITCHES:
            parts.append(_(f"filter_{dimension}_active"))
            continue
        if dimension == "ids":
            key = "filter_ids_active_one" if len(chosen) == 1 else "filter_ids_active"
            parts.append(_(key, count=len(chosen)))
            continue
        order = [v.key for v in dimension_values(catalogue, dimension)]
        ordered = sorted(chosen, key=lambda v: order.index(v) if v in order else len(order))
        words = [value_label(catalogue, dimension, v) for v in ordered]
        either = _("filter_or").join(words)
        parts.append(
            _("filter_active", dimension=_(f"filter_dimension_{dimension}"), values=either)
        )
    return parts
