"""What the tree shows: search (with the filters of `monitor_tui.filters`) and roll-ups. Plain
logic, no Textual, easy to test."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from monitor_tui.filters import FilterContext, MeasureFilter
from monitor_tui.model import (
    Catalogue,
    Measure,
    MeasureStatus,
    Vocabulary,
    fold_for_search,
)


def status_of(statuses: Mapping[str, MeasureStatus], measure_id: str) -> MeasureStatus:
    return statuses.get(measure_id) or MeasureStatus(measure_id)


class SearchIndex:
    """Each measure's printed text, folded once per catalogue: a key typed into the search
    then folds only the query (folding thousands of measures per key took most of a second)."""

    def __init__(self) -> None:
        self._catalogue: Catalogue | None = None
        self._texts: dict[str, str] = {}

    def folded_texts(self, catalogue: Catalogue) -> Mapping[str, str]:
        """Measure id → its folded text; made anew when the catalogue was reloaded."""
        if catalogue is not self._catalogue:
            self._texts = {m.id: fold_for_search(m.searchable_text()) for m in catalogue.measures()}
            self._catalogue = catalogue
        return self._texts


def visible_measure_ids(
    query: str,
    measure_filter: MeasureFilter,
    context: FilterContext,
    index: SearchIndex | None = None,
) -> set[str]:
    """Ids of the measures that match the search (every word, umlaut-insensitive) and filter."""
    words = fold_for_search(query).split()
    texts = (index or SearchIndex()).folded_texts(context.catalogue) if words else {}
    filtering = measure_filter.active()
    shown = set()
    for measure in context.catalogue.measures():
        if words and not all(word in texts[measure.id] for word in words):
            continue
        if filtering and not measure_filter.accepts(measure, context):
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
