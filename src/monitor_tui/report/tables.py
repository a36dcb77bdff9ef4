"""The overview and legend tables of the report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from monitor_tui.model import Catalogue, Vocabulary
from monitor_tui.report.counts import NOT_SET, Counts, PreviousCounts, count_groups
from monitor_tui.report.document import FieldSection, Table
from monitor_tui.report.language import message
from monitor_tui.report.richtext import Block, RichText, Run, choice_runs
from monitor_tui.text import visible_text


def cell(*runs: Run) -> RichText:
    return (Block(runs),)


def section_counts(
    catalogue: Catalogue, sections: Sequence[FieldSection], compared: bool
) -> tuple[list[Counts], Counts]:
    """The numbers of each Handlungsfeld shown and of all of them."""
    groups = [[e.facts for g in s.goals for e in g.measures] for s in sections]
    return count_groups(catalogue.concept, groups, compared)


def overview_table(
    catalogue: Catalogue,
    sections: Sequence[FieldSection],
    lang: str,
    changes_note: str = "",
    counts: tuple[list[Counts], Counts] | None = None,
) -> Table:
    """Counts per Handlungsfeld (columns) and status, assessment or priority (rows); with a
    comparison (`changes_note` says which), each count is followed by its change since then
    ("3 (+2)"). `counts`: `section_counts` of the sections, where the caller has them."""
    concept = catalogue.concept
    per_field, total = counts or section_counts(catalogue, sections, bool(changes_note))
    columns = [*per_field, total]
    # Column heads carry the number only: the titles do not fit narrow columns, the caption
    # names them.
    header = (
        cell(Run("")),
        *(cell(Run(visible_text(s.field.number), bold=True)) for s in sections),
        cell(Run(message("report_overview_total", lang), bold=True)),
    )
    caption = visible_text(" · ".join(f"{s.field.number} {s.field.title}" for s in sections))
    if changes_note:
        caption += "\n" + changes_note

    def count_row(
        label: RichText,
        now: Callable[[Counts], int],
        before: Callable[[PreviousCounts], int] | None = None,
    ) -> tuple[RichText, ...]:
        cells = []
        for counts in columns:
            count = now(counts)
            text = str(count) if count else "–"
            if counts.previous is not None and before is not None:
                text += _change(count - before(counts.previous))
            cells.append(cell(Run(text)))
        return (label, *cells)

    def group_row(key: str) -> tuple[RichText, ...]:
        groups.add(len(rows))
        return (cell(Run(message(key, lang), bold=True)),) + ((),) * len(columns)

    def vocabulary_rows(
        choices: Vocabulary,
        unset_key: str,
        now: Callable[[Counts], Mapping[str, int]],
        before: Callable[[PreviousCounts], Mapping[str, int]],
    ) -> list[tuple[RichText, ...]]:
        keys = [(cell(*choice_runs(c, lang)), c.key) for c in choices]
        if unset_key:
            keys.append((cell(Run(message(unset_key, lang), italic=True)), NOT_SET))
        return [count_row(label, *_selectors(key, now, before)) for label, key in keys]

    groups: set[int] = set()
    rows: list[tuple[RichText, ...]] = [header]
    measures_label = cell(Run(message("report_overview_measures", lang), bold=True))
    rows.append(count_row(measures_label, lambda c: c.measures, lambda p: p.measures))
    rows.append(group_row("report_overview_status"))
    rows += vocabulary_rows(concept.statuses, "", _status, _status)
    fulfilled = cell(Run(message("report_overview_fulfilled", lang)))
    rows.append(count_row(fulfilled, lambda c: c.fulfilled, lambda p: p.fulfilled))
    rows.append(count_row(cell(Run(message("report_overview_overdue", lang))), lambda c: c.overdue))
    rows.append(group_row("report_overview_assessment"))
    no_assessment = "report_overview_no_assessment"
    rows += vocabulary_rows(concept.assessments, no_assessment, _assessment, _assessment)
    rows.append(group_row("report_overview_priority"))
    no_priority = "report_overview_no_priority"
    rows += vocabulary_rows(concept.priorities, no_priority, _priority, _priority)
    return Table(
        tuple(rows),
        (3.2, *([1.0] * len(columns))),
        header_rows=1,
        group_rows=frozenset(groups),
        caption=caption,
    )


def _status(counts: Counts | PreviousCounts) -> Mapping[str, int]:
    return counts.status


def _assessment(counts: Counts | PreviousCounts) -> Mapping[str, int]:
    return counts.assessment


def _priority(counts: Counts | PreviousCounts) -> Mapping[str, int]:
    return counts.priority


def _selectors(
    key: str,
    now: Callable[[Counts], Mapping[str, int]],
    before: Callable[[PreviousCounts], Mapping[str, int]],
) -> tuple[Callable[[Counts], int], Callable[[PreviousCounts], int]]:
    """The count of `key` now and in the compared report."""
    return (lambda counts: now(counts).get(key, 0)), (lambda old: before(old).get(key, 0))


def _change(delta: int) -> str:
    """ " (+2)", " (−1)" (a real minus sign), nothing for no change."""
    if delta > 0:
        return f" (+{delta})"
    if delta < 0:
        return f" (\u2212{-delta})"
    return ""


def legend_tables(catalogue: Catalogue, lang: str) -> tuple[tuple[str, Table], ...]:
    concept = catalogue.concept
    horizons = tuple(
        (cell(Run(visible_text(h.label), italic=True)), cell(Run(visible_text(h.text))))
        for h in concept.horizons
    )
    parts = [(message("report_legend_horizons", lang), Table(horizons, (1, 3), header_rows=0))]
    vocabularies = (
        ("report_legend_statuses", concept.statuses, "report_legend_done"),
        ("report_legend_target_states", concept.target_states, "report_legend_fulfilled"),
        ("report_legend_assessments", concept.assessments, ""),
        ("report_legend_priorities", concept.priorities, ""),
    )
    rows = []
    for title, vocabulary, counts_key in vocabularies:
        # One row per vocabulary, its values one per line: a table per vocabulary would leave
        # an empty column and spread four short lists over a page.
        values = tuple(Block(choice_runs(choice, lang)) for choice in vocabulary)
        counting = [c.label(lang) for c in vocabulary if c.counts]
        if counts_key and counting:
            note = f"{', '.join(counting)}: {message(counts_key, lang)}"
            values += (Block((Run(visible_text(note), italic=True),)),)
        rows.append((cell(Run(message(title, lang), bold=True)), values))
    parts.append((message("report_legend_values", lang), Table(tuple(rows), (1, 3), header_rows=0)))
    return tuple(parts)
