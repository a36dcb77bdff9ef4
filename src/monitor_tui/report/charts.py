"""The report's charts as data: one definition per chart, which every format draws its own way
(vector graphics in PDF and HTML, a picture in DOCX, a table in Markdown, numbers in JSON).

A chart is a set of horizontal bars, each stacked from the counts of one vocabulary (status,
assessment, target state). Each series carries the vocabulary's symbol, word and colour and a
fill pattern, so that the chart reads in black and white: the symbol and the count are written
on each segment that is wide enough, the legend pairs the pattern with symbol and word, and the
caption says what is counted. No I/O and no layout happen here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from monitor_tui.model import Concept, Field, Vocabulary
from monitor_tui.report.counts import NOT_SET, Counts
from monitor_tui.report.language import message
from monitor_tui.text import visible_text

PATTERNS = (
    "plain",
    "diagonal",
    "dots",
    "back-diagonal",
    "horizontal",
    "cross",
    "vertical",
    "grid",
)
"""Fill patterns, one per series in order: what tells the segments apart in grey print."""
UNSET_COLOUR = "#bcbcbc"


@dataclass(frozen=True)
class Series:
    """One stacked part of every bar: a value of a vocabulary."""

    key: str
    label: str
    symbol: str
    color: str
    pattern: str


@dataclass(frozen=True)
class Bar:
    label: str
    """Under the group's label when a group has several bars (e.g. the date); else empty."""
    counts: tuple[int, ...]
    """One count per series, in the order of the chart's series."""

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Group:
    """The bars of one category (a Handlungsfeld, a horizon)."""

    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    """A stable name: status, assessment, targets, status_compare."""
    title: str
    caption: str
    series: tuple[Series, ...]
    groups: tuple[Group, ...]
    unit: str
    """What a count counts, in the plural ("Maßnahmen", "Ziele")."""

    def largest(self) -> int:
        return max((bar.total for group in self.groups for bar in group.bars), default=0)

    def description(self) -> str:
        """The chart in words, for screen readers (alt text) and text formats."""
        parts = []
        for group in self.groups:
            for bar in group.bars:
                name = f"{group.label} ({bar.label})" if bar.label else group.label
                counts = ", ".join(
                    f"{count} {series.label}"
                    for series, count in zip(self.series, bar.counts, strict=True)
                    if count
                )
                parts.append(f"{name}: {counts or '0'} ({bar.total} {self.unit})")
        return f"{self.title}. " + "; ".join(parts) + "."


def _one_line(text: str) -> str:
    """A label of a bar: catalogue text on one line."""
    return " ".join(visible_text(text).split())


def _series(vocabulary: Vocabulary, lang: str, unset: str = "") -> tuple[Series, ...]:
    series = [
        Series(
            c.key,
            _one_line(c.label(lang)),
            _one_line(c.symbol),
            c.color,
            PATTERNS[number % len(PATTERNS)],
        )
        for number, c in enumerate(vocabulary)
    ]
    if unset:
        pattern = PATTERNS[len(series) % len(PATTERNS)]
        series.append(Series(NOT_SET, unset, "–", UNSET_COLOUR, pattern))
    return tuple(series)


def _bar(series: Sequence[Series], counts: Mapping[str, int], label: str = "") -> Bar:
    return Bar(label, tuple(counts.get(s.key, 0) for s in series))


def overview_charts(
    concept: Concept,
    fields: Sequence[Field],
    per_field: Sequence[Counts],
    lang: str,
    compared_date: str = "",
    report_date: str = "",
) -> tuple[Chart, ...]:
    """The charts after the overview table: status and assessment per Handlungsfeld, target
    attainment per horizon and, with a comparison (`compared_date` is its Berichtsstand),
    the status per Handlungsfeld then and now. None when nothing is shown."""
    if not any(counts.measures for counts in per_field):
        return ()
    names = [_one_line(f"{f.number} {f.title}") for f in fields]
    measures = message("report_overview_measures", lang)
    status = _series(concept.statuses, lang)
    assessment = _series(concept.assessments, lang, message("report_chart_not_assessed", lang))
    states = _series(concept.target_states, lang)
    charts = [
        Chart(
            "status",
            message("report_chart_status", lang),
            message("report_chart_status_caption", lang),
            status,
            tuple(
                Group(name, (_bar(status, c.status),))
                for name, c in zip(names, per_field, strict=True)
            ),
            measures,
        ),
        Chart(
            "assessment",
            message("report_chart_assessment", lang),
            message("report_chart_assessment_caption", lang),
            assessment,
            tuple(
                Group(name, (_bar(assessment, c.assessment),))
                for name, c in zip(names, per_field, strict=True)
            ),
            measures,
        ),
        _targets_chart(concept, per_field, states, lang),
    ]
    if compared_date:
        charts.append(_compare_chart(names, per_field, status, lang, compared_date, report_date))
    return tuple(charts)


def _targets_chart(
    concept: Concept, per_field: Sequence[Counts], states: tuple[Series, ...], lang: str
) -> Chart:
    groups = []
    for horizon in concept.horizons:
        summed = {
            s.key: sum(c.targets[horizon.term].get(s.key, 0) for c in per_field) for s in states
        }
        label = _one_line(horizon.label).rstrip(":")
        groups.append(Group(label, (_bar(states, summed),)))
    return Chart(
        "targets",
        message("report_chart_targets", lang),
        message("report_chart_targets_caption", lang),
        states,
        tuple(groups),
        message("report_chart_targets_unit", lang),
    )


def _compare_chart(
    fields: Sequence[str],
    per_field: Sequence[Counts],
    status: tuple[Series, ...],
    lang: str,
    compared_date: str,
    report_date: str,
) -> Chart:
    groups = []
    for name, counts in zip(fields, per_field, strict=True):
        before: Mapping[str, int] = counts.previous.status if counts.previous else {}
        groups.append(
            Group(
                name,
                (_bar(status, before, compared_date), _bar(status, counts.status, report_date)),
            )
        )
    return Chart(
        "status_compare",
        message("report_chart_compare", lang),
        message("report_chart_compare_caption", lang, before=compared_date, now=report_date),
        status,
        tuple(groups),
        message("report_overview_measures", lang),
    )
