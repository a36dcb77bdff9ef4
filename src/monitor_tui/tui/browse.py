"""What the tree shows: search (with the filters of `monitor_tui.filters`) and roll-ups. Plain
logic, no Textual, easy to test."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

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
    then folds only the query (folding thousands of measures per key took most of a second).

    It also keeps the last search's hits: a query that only adds to it (the next letter of a
    word, another word) can only match among them, so typing searches fewer texts at each key.
    """

    def __init__(self) -> None:
        self._folded: tuple[Catalogue, dict[str, str]] | None = None
        self._last: tuple[Catalogue, tuple[str, ...], set[str]] | None = None
        """The catalogue, words and hits of the last search."""

    def folded_texts(self, catalogue: Catalogue) -> Mapping[str, str]:
        """Measure id → its folded text; made anew when the catalogue was reloaded. Safe to
        call from a thread (the app folds them in one after its start): the texts are set
        together with their catalogue, in one assignment."""
        folded = self._folded
        if folded is None or folded[0] is not catalogue:
            texts = {m.id: fold_for_search(m.searchable_text()) for m in catalogue.measures()}
            self._folded = folded = (catalogue, texts)
        return folded[1]

    def matching(self, catalogue: Catalogue, words: Sequence[str]) -> set[str]:
        """Ids of the measures whose folded text contains every one of the folded `words`."""
        texts = self.folded_texts(catalogue)
        candidates: Iterable[str] = texts.keys()
        last = self._last
        if last is not None and last[0] is catalogue and _narrows(last[1], words):
            candidates = last[2]
        hits = {i for i in candidates if all(word in texts[i] for word in words)}
        self._last = (catalogue, tuple(words), hits)
        return set(hits)


def _narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether every text that contains all words of `after` contains all of `before`: each
    earlier word is part of a word now."""
    return all(any(old in new for new in after) for old in before)


def visible_measure_ids(
    query: str,
    measure_filter: MeasureFilter,
    context: FilterContext,
    index: SearchIndex | None = None,
) -> set[str]:
    """Ids of the measures that match the search (every word, umlaut-insensitive) and filter."""
    words = fold_for_search(query).split()
    found = (index or SearchIndex()).matching(context.catalogue, words) if words else None
    if not measure_filter.active():
        return found if found is not None else {m.id for m in context.catalogue.measures()}
    return {
        measure.id
        for measure in context.catalogue.measures()
        if (found is None or measure.id in found) and measure_filter.accepts(measure, context)
    }


def same_outline(before: Catalogue, after: Catalogue) -> bool:
    """Whether both catalogues have the same fields, goals and measures in the same order (the
    tree's lines stay the same lines)."""

    def outline(catalogue: Catalogue) -> list[tuple[str, list[tuple[str, list[str]]]]]:
        return [
            (f.id, [(g.id, [m.id for m in g.measures]) for g in f.goals]) for f in catalogue.fields
        ]

    return outline(before) == outline(after)


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
