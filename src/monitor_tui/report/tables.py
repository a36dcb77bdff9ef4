"""The overview and legend tables of the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from monitor_tui.model import Catalogue
from monitor_tui.report.document import FieldSection, MeasureFacts, Table
from monitor_tui.report.language import message
from monitor_tui.report.richtext import Block, RichText, Run, choice_runs
from monitor_tui.text import visible_text


def cell(*runs: Run) -> RichText:
    return (Block(runs),)


def overview_table(
    catalogue: Catalogue, sections: Sequence[FieldSection], lang: str, changes_note: str = ""
) -> Table:
    """Counts per Handlungsfeld (columns) and status or assessment (rows); with a comparison
    (`changes_note` says which), each count is followed by its change since then ("3 (+2)")."""
    concept = catalogue.concept
    compared = bool(changes_note)
    columns = [[e.facts for g in s.goals for e in g.measures] for s in sections]
    columns.append([facts for column in columns for facts in column])
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
        test: Callable[[MeasureFacts], bool],
        before: Callable[[MeasureFacts], bool] | None = None,
    ) -> tuple[RichText, ...]:
        cells = []
        for column in columns:
            count = sum(1 for facts in column if test(facts))
            text = str(count) if count else "–"
            if compared and before is not None:
                text += _change(count - sum(1 for facts in column if before(facts)))
            cells.append(cell(Run(text)))
        return (label, *cells)

    def group_row(key: str) -> tuple[RichText, ...]:
        groups.add(len(rows))
        return (cell(Run(message(key, lang), bold=True)),) + ((),) * len(columns)

    def has_assessment(key: str) -> Callable[[MeasureFacts], bool]:
        return lambda f: f.assessment is not None and f.assessment.key == key

    def had_assessment(key: str | None) -> Callable[[MeasureFacts], bool]:
        def test(f: MeasureFacts) -> bool:
            if f.previous is None:
                return False
            previous = f.previous.assessment
            return previous is None if key is None else previous is not None and previous.key == key

        return test

    def has_status(key: str) -> Callable[[MeasureFacts], bool]:
        return lambda f: f.status.key == key

    def had_status(key: str) -> Callable[[MeasureFacts], bool]:
        return lambda f: f.previous is not None and f.previous.status.key == key

    groups: set[int] = set()
    rows: list[tuple[RichText, ...]] = [header]
    measures_label = cell(Run(message("report_overview_measures", lang), bold=True))
    rows.append(count_row(measures_label, bool, lambda f: not f.added_since_compare))
    rows.append(group_row("report_overview_status"))
    rows += [
        count_row(cell(*choice_runs(c, lang)), has_status(c.key), had_status(c.key))
        for c in concept.statuses
    ]
    rows.append(
        count_row(
            cell(Run(message("report_overview_fulfilled", lang))),
            lambda f: f.indicator_fulfilled,
            lambda f: f.previous is not None and f.previous.indicator_fulfilled,
        )
    )
    rows.append(count_row(cell(Run(message("report_overview_overdue", lang))), lambda f: f.overdue))
    rows.append(group_row("report_overview_assessment"))
    rows += [
        count_row(cell(*choice_runs(c, lang)), has_assessment(c.key), had_assessment(c.key))
        for c in concept.assessments
    ]
    no_assessment = cell(Run(message("report_overview_no_assessment", lang), italic=True))
    rows.append(count_row(no_assessment, lambda f: f.assessment is None, had_assessment(None)))
    return Table(
        tuple(rows),
        (3.2, *([1.0] * len(columns))),
        header_rows=1,
        group_rows=frozenset(groups),
        caption=caption,
    )


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
