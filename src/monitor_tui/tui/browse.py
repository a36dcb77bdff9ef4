"""What the tree shows: search (with the filters of `monitor_tui.filters`) and roll-ups. Plain
logic, no Textual, easy to test."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from monitor_tui.filters import FilterContext, MeasureFilter
from monitor_tui.model import Measure, MeasureStatus, Vocabulary, matches


def status_of(statuses: Mapping[str, MeasureStatus], measure_id: str) -> MeasureStatus:
    return statuses.get(measure_id) or MeasureStatus(measure_id)


def visible_measure_ids(
    query: str, measure_filter: MeasureFilter, context: FilterContext
) -> set[str]:
    """Ids of the measures that match the search (every word, umlaut-insensitive) and filter."""
    shown = set()
    for measure in context.catalogue.measures():
        if query.strip() and not matches(measure, query):
            continue
        if not measure_filter.accepts(measure, context):
            continue
        shown.add(measure.id)
    return shown


def rollup(
    measures: Iterable[Measure],
    statuses: Mapping[str, MeasureStatus],
    vocabulary: Vocabulary,
    broken: Collection[str] = (),
) -> tuple[int, int]:
    """(implemented, total) for a field or goal: how many count as done ("3/7 umgesetzt").

    A measure in `broken` (its status file is unreadable) is never done: its state is unknown.
    """
    done = total = 0
    for measure in measures:
        total += 1
        if measure.id in broken:
            continue
        choice = vocabulary.get(status_of(statuses, measure.id).status)
        if choice is not None and choice.counts:
            done += 1
    return done, total


def short_title(measure: Measure, width: int = 60) -> str:
    """The start of the measure's text on one line, for the tree (the tree crops the rest)."""
    text = " ".join(measure.text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
