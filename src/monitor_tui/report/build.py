"""Catalogue + recorded status → the report document (`document.Synopsis`).

No I/O happens here: the caller reads the files and passes what the report needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from monitor_tui.i18n import get_language
from monitor_tui.model import (
    Catalogue,
    Choice,
    Field,
    Measure,
    MeasureStatus,
    indicator_fulfilled,
    is_overdue,
)
from monitor_tui.report.document import (
    FieldSection,
    GoalTable,
    MeasureEntry,
    MeasureFacts,
    Row,
    Summary,
    Synopsis,
)
from monitor_tui.report.language import format_date, format_timestamp, message
from monitor_tui.report.richtext import Block, RichText, Run, choice_runs, markdown_text, text_block
from monitor_tui.report.tables import legend_tables, overview_table
from monitor_tui.selection import resolve_field, resolve_office, resolve_status
from monitor_tui.text import visible_text


@dataclass(frozen=True)
class ReportOptions:
    """What to put in the report. `field`, `office`, `status` restrict it; None means all."""

    report_date: date | None = None
    """Berichtsstand; None means the day the report is generated."""
    lang: str | None = None
    """Language of the report's own words; None means the UI's current language."""
    with_summary: bool = False
    field: str | None = None
    office: str | None = None
    status: str | None = None
    since: date | None = None
    """Print all public notes from this day on, instead of the latest `notes`."""
    notes: int = 3


def build_synopsis(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ReportOptions,
    generated: datetime,
    digest: str = "",
    people: Mapping[str, str] | None = None,
) -> Synopsis:
    """The report for `catalogue` with the recorded `statuses` (a measure without an entry is
    open). `people` maps login names to the names printed under notes. Raises SelectionError."""
    lang = options.lang or get_language()
    report_date = options.report_date or generated.date()
    concept = catalogue.concept
    only_field = resolve_field(catalogue, options.field) if options.field else None
    only_office = resolve_office(catalogue, options.office) if options.office else None
    only_status = resolve_status(concept.statuses, options.status) if options.status else None
    builder = _Builder(catalogue, statuses, options, lang, report_date, people or {})

    sections: list[FieldSection] = []
    for catalogue_field in catalogue.fields:
        if only_field is not None and catalogue_field.id != only_field.id:
            continue
        goals: list[GoalTable] = []
        for goal in catalogue_field.goals:
            entries = [
                builder.entry(measure)
                for measure in goal.measures
                if (only_office is None or only_office in measure.offices)
                and (only_status is None or builder.status_of(measure).key == only_status.key)
            ]
            if entries:
                header = (text_block(goal.title, bold=True),)
                goals.append(GoalTable(goal, header, tuple(entries)))
        if goals or (only_field is not None and only_office is None and only_status is None):
            sections.append(
                FieldSection(catalogue_field, visible_text(catalogue_field.heading), tuple(goals))
            )

    restriction = _restriction(lang, only_field, only_office, only_status)
    facts = [
        (message("report_date", lang), format_date(report_date, lang)),
        (message("report_generated", lang), format_timestamp(generated, lang)),
        (message("report_digest", lang), digest),
    ]
    if restriction:
        facts.append((message("report_restriction", lang), restriction))
    summaries = _summaries(catalogue, only_field) if options.with_summary else ()
    return Synopsis(
        lang=lang,
        title=visible_text(concept.title),
        subtitle=message("report_subtitle", lang),
        issuer=visible_text(concept.issuer),
        publisher=visible_text(concept.publisher),
        report_date=report_date,
        generated=generated,
        digest=digest,
        title_facts=tuple(facts),
        restriction=restriction,
        summaries_title=message("report_summaries", lang),
        summaries=summaries,
        overview_title=message("report_overview", lang),
        overview=overview_table(catalogue, sections, lang),
        synopsis_title=message("report_synopsis", lang),
        sections=tuple(sections),
        empty_message=message("report_nothing_selected", lang),
        legend_title=message("report_legend", lang),
        legend=legend_tables(catalogue, lang),
        indicator_rule=visible_text(concept.indicator_rule),
        labels={
            "report_date": message("report_date", lang),
            "page": message("report_page", lang, page="{page}", pages="{pages}"),
            "goal": message("report_goal", lang),
            "unprintable": message("report_unprintable", lang, count="{count}"),
        },
    )


def _restriction(
    lang: str, only_field: Field | None, only_office: str | None, only_status: Choice | None
) -> str:
    parts = []
    if only_field is not None:
        parts.append(message("report_restriction_field", lang, value=only_field.heading))
    if only_office is not None:
        parts.append(message("report_restriction_office", lang, value=only_office))
    if only_status is not None:
        parts.append(message("report_restriction_status", lang, value=only_status.label(lang)))
    return visible_text("; ".join(parts))


def _summaries(catalogue: Catalogue, only_field: Field | None) -> tuple[Summary, ...]:
    return tuple(
        Summary(visible_text(f"{f.summary_numeral} {f.title}".strip()), markdown_text(f.summary))
        for f in catalogue.fields
        if f.summary and (only_field is None or f.id == only_field.id)
    )


class _Builder:
    """Builds the rows of each measure; holds what every measure needs."""

    def __init__(
        self,
        catalogue: Catalogue,
        statuses: Mapping[str, MeasureStatus],
        options: ReportOptions,
        lang: str,
        report_date: date,
        people: Mapping[str, str],
    ) -> None:
        self.concept = catalogue.concept
        self.statuses = statuses
        self.options = options
        self.lang = lang
        self.report_date = report_date
        self.people = people

    def recorded(self, measure: Measure) -> MeasureStatus:
        return self.statuses.get(measure.id) or MeasureStatus(measure.id)

    def status_of(self, measure: Measure) -> Choice:
        key = self.recorded(measure).status
        return self.concept.statuses.get(key) or self.concept.statuses.default

    def facts(self, measure: Measure) -> MeasureFacts:
        recorded = self.recorded(measure)
        vocabulary = self.concept.target_states
        states = tuple(
            (
                target.key,
                vocabulary.get(recorded.target_state(target, vocabulary.default.key))
                or vocabulary.default,
            )
            for target in measure.targets
        )
        public = recorded.public_notes()
        if self.options.since is not None:
            since = self.options.since
            chosen = [note for note in public if note.timestamp.date() >= since]
        else:
            chosen = public[: max(self.options.notes, 0)]
        return MeasureFacts(
            status=self.status_of(measure),
            assessment=self.concept.assessments.get(recorded.assessment or ""),
            priority=self.concept.priorities.get(recorded.priority or ""),
            reviewed=recorded.reviewed,
            overdue=is_overdue(recorded, self.report_date, self.concept.review_period_days),
            indicator_fulfilled=indicator_fulfilled(measure, recorded, vocabulary),
            target_states=states,
            notes=tuple(chosen),
            notes_omitted=len(public) - len(chosen),
        )

    def entry(self, measure: Measure) -> MeasureEntry:
        facts = self.facts(measure)
        lang = self.lang
        horizon = tuple(
            Block(
                (
                    Run(visible_text(target.label), italic=True),
                    Run(" " + visible_text(target.text)),
                )
            )
            for target in measure.targets
        )
        rows = (
            Row(visible_text(measure.label), (text_block(measure.text),), "measure", measure.id),
            Row(message("report_indicator", lang), (text_block(measure.indicator),)),
            Row(message("report_horizon", lang), horizon),
            Row(message("report_responsible", lang), (text_block(measure.responsible),)),
            Row(
                message("report_status", lang),
                self._status_text(facts),
                "monitoring",
                shade=facts.status.color,
            ),
            Row(message("report_targets", lang), self._targets_text(measure, facts), "monitoring"),
            *self._notes_rows(facts),
        )
        return MeasureEntry(measure, facts, rows)

    def _status_text(self, facts: MeasureFacts) -> RichText:
        lang = self.lang
        not_set = Run(message("report_not_set", lang), italic=True)
        details: list[Run] = [Run(message("report_assessment", lang) + ": ")]
        details += choice_runs(facts.assessment, lang) if facts.assessment else [not_set]
        details += [Run("  ·  " + message("report_priority", lang) + ": ")]
        details += choice_runs(facts.priority, lang) if facts.priority else [not_set]
        review = [Run(message("report_reviewed", lang) + ": ")]
        if facts.reviewed is not None:
            review.append(Run(format_date(facts.reviewed, lang)))
        else:
            review.append(Run(message("report_never_reviewed", lang), italic=True))
        if facts.overdue:
            review.append(Run(" – " + message("report_overdue", lang), bold=True))
        return (
            Block(choice_runs(facts.status, lang, bold=True)),
            Block(tuple(details)),
            Block(tuple(review)),
        )

    def _targets_text(self, measure: Measure, facts: MeasureFacts) -> RichText:
        lang = self.lang
        blocks = [
            Block(
                (Run(visible_text(target.label), italic=True), Run(" "), *choice_runs(state, lang))
            )
            for target, (_key, state) in zip(measure.targets, facts.target_states, strict=True)
        ]
        verdict = (
            "report_indicator_fulfilled" if facts.indicator_fulfilled else "report_indicator_open"
        )
        blocks.append(Block((Run(message(verdict, lang), bold=facts.indicator_fulfilled),)))
        return tuple(blocks)

    def _notes_rows(self, facts: MeasureFacts) -> list[Row]:
        """ "Fortschritt": one row per note (so that a page may break between notes), newest
        first; the label stands on the first."""
        lang = self.lang
        label = message("report_progress", lang)
        if not facts.notes:
            empty = (Block((Run(message("report_no_notes", lang), italic=True),)),)
            return [Row(label, empty, "progress")]
        rows = []
        for number, note in enumerate(facts.notes):
            author = self.people.get(note.author) or note.author
            heading = f"{format_timestamp(note.timestamp, lang)} – {author}"
            blocks = [Block((Run(visible_text(heading), bold=True),)), *markdown_text(note.text)]
            if facts.notes_omitted and number == len(facts.notes) - 1:
                omitted = message("report_more_notes", lang, count=facts.notes_omitted)
                blocks.append(Block((Run(omitted, italic=True),)))
            rows.append(Row(label if number == 0 else "", tuple(blocks), "progress"))
        return rows
