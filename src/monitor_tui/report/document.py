"""The format-neutral report document: what every export format lays out.

A small tree: a title block, optional summaries, an overview table, one section per
Handlungsfeld with one table per Ziel (the layout of section 4 of the document plus the
monitoring rows), and the legend. Text is held as rich text (`richtext.Block`), already safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Literal

from monitor_tui.model import Choice, Field, Goal, LogEntry, Measure
from monitor_tui.report.charts import Chart
from monitor_tui.report.language import format_date
from monitor_tui.report.richtext import RichText, Run
from monitor_tui.reports.diff import FieldChange

RowKind = Literal["measure", "catalogue", "monitoring", "progress"]


@dataclass(frozen=True)
class Row:
    """One row of a goal table: label column | content column."""

    label: str
    content: RichText
    kind: RowKind = "catalogue"
    sublabel: str = ""
    """Small text under the label (the measure's id)."""
    shade: str | None = None
    """Light background colour (#rrggbb) of the content cell: the status colour."""
    flag: tuple[Run, ...] = ()
    """A mark under the label that must survive black-and-white print: a symbol and a word
    ("Δ geändert", "✚ neu"), never colour alone."""

    @property
    def is_monitoring(self) -> bool:
        """A row the monitoring adds to the document's table (status, targets, progress)."""
        return self.kind in ("monitoring", "progress")


@dataclass(frozen=True)
class MeasureFacts:
    """The recorded state of a measure as plain values (the JSON export uses these)."""

    status: Choice
    assessment: Choice | None
    priority: Choice | None
    reviewed: date | None
    overdue: bool
    indicator_fulfilled: bool
    target_states: tuple[tuple[str, Choice], ...]
    """(target key, state) in the order of the measure's targets."""
    notes: tuple[LogEntry, ...]
    """The public notes printed, newest first (internal notes are never here)."""
    notes_omitted: int
    notes_new: tuple[bool, ...] = ()
    """For each printed note: dated after the compared report's Berichtsstand."""
    changes: tuple[FieldChange, ...] = ()
    """What changed since the compared report (keys, as in `reports.diff`)."""
    added_since_compare: bool = False
    """Not in the catalogue of the compared report."""
    text_changed: tuple[str, ...] = ()
    """Catalogue cells whose wording differs from the compared report's."""
    previous: PreviousFacts | None = None
    """The state in the compared report (None: no comparison, or the measure is new)."""
    hand_edited: bool = False
    """The state on the Berichtsstand cannot be vouched for: the status file was edited by hand."""
    next_step: str | None = None
    """Nächster Schritt, with `next_step_due` as its date."""
    next_step_due: date | None = None
    note_authors: tuple[str, ...] = ()
    """For each printed note: the name of its author (name and office when known, else the
    login)."""


@dataclass(frozen=True)
class PreviousFacts:
    """What the compared report said, for the overview's changes (+2 / −1)."""

    status: Choice
    assessment: Choice | None
    indicator_fulfilled: bool
    priority: Choice | None = None


@dataclass(frozen=True)
class ComparedReport:
    """The earlier report a report is compared with."""

    id: str
    report_date: date
    digest: str
    title: str = ""


@dataclass(frozen=True)
class MeasureEntry:
    """A measure of the report: its facts, and its rows, made on first use (the JSON export
    needs only the facts; the other formats make the rows once, for the first that asks)."""

    measure: Measure
    facts: MeasureFacts
    make_rows: Callable[[], tuple[Row, ...]] = field(repr=False, compare=False)

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        return self.make_rows()


@dataclass(frozen=True)
class GoalTable:
    """A table of section 4: the goal as a header row spanning the table, then the measures."""

    goal: Goal
    header: RichText
    measures: tuple[MeasureEntry, ...]


@dataclass(frozen=True)
class FieldSection:
    field: Field
    heading: str
    goals: tuple[GoalTable, ...]


@dataclass(frozen=True)
class Table:
    """A plain grid (overview, legend). The first `header_rows` rows repeat on a page break."""

    rows: tuple[tuple[RichText, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    header_rows: int = 1
    group_rows: frozenset[int] = frozenset()
    """Rows that name a group of the rows below (printed bold on a tint)."""
    caption: str = ""
    """A line printed under the table."""


@dataclass(frozen=True)
class Summary:
    heading: str
    text: RichText


@dataclass(frozen=True)
class Synopsis:
    """Everything a report shows, in reading order; formats only lay it out."""

    lang: str
    title: str
    subtitle: str
    issuer: str
    publisher: str
    report_date: date
    generated: datetime
    digest: str
    title_facts: tuple[tuple[str, str], ...]
    """(label, value) lines of the title block: Berichtsstand, Erstellt, Datenstand, Auszug."""
    restriction: str
    """Empty when everything is exported; else what the export is restricted to."""
    summaries_title: str
    summaries: tuple[Summary, ...]
    overview_title: str
    overview: Table
    synopsis_title: str
    sections: tuple[FieldSection, ...]
    empty_message: str
    legend_title: str
    legend: tuple[tuple[str, Table], ...]
    indicator_rule: str
    labels: Mapping[str, str] = field(default_factory=dict)
    """Fixed words the formats need (page numbering, "Berichtsstand" …), in the report's language."""
    compared_to: ComparedReport | None = None
    """The report the changes are shown against; None: no comparison."""
    charts: tuple[Chart, ...] = ()
    """The charts after the overview table (`report.charts`)."""

    def entries(self) -> Iterable[MeasureEntry]:
        for section in self.sections:
            for goal in section.goals:
                yield from goal.measures

    def report_date_text(self) -> str:
        return format_date(self.report_date, self.lang)
