"""Catalogue + recorded status → the report document (`document.Synopsis`).

No I/O happens here: the caller reads the files and passes what the report needs.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from monitor_tui.i18n import get_language
from monitor_tui.model import (
    Catalogue,
    Choice,
    Field,
    LogEntry,
    Measure,
    MeasureStatus,
    indicator_fulfilled,
    is_overdue,
    monitoring_start,
    next_step_overdue,
)
from monitor_tui.report.charts import Chart, overview_charts
from monitor_tui.report.counts import Counts
from monitor_tui.report.document import (
    ComparedReport,
    FieldSection,
    GoalTable,
    MeasureEntry,
    MeasureFacts,
    PreviousFacts,
    Row,
    Summary,
    Synopsis,
)
from monitor_tui.report.language import format_date, format_timestamp, message
from monitor_tui.report.richtext import (
    Block,
    RichText,
    Run,
    choice_runs,
    markdown_text,
    text_block,
)
from monitor_tui.report.tables import legend_tables, overview_table, section_counts
from monitor_tui.reports.diff import INDICATOR, YES, FieldChange, MeasureDiff, measure_diff
from monitor_tui.reports.synopse import Snapshot
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
    offices: tuple[str, ...] = ()
    """Only the measures of any of these offices ("Meine Maßnahmen"); empty: no restriction."""
    status: str | None = None
    since: date | None = None
    """Print all public notes from this day on, instead of the latest `notes`."""
    notes: int | None = None
    """Print the latest `notes` public notes. None: the notes since the compared report, or
    the latest DEFAULT_NOTES when there is no comparison."""


DEFAULT_NOTES = 3

CHANGED_SYMBOL = "Δ"
"""Marks what changed since the compared report; a letter every font has, readable without
colour (the PDF draws it from the Symbol font)."""
NEW_SYMBOL = "✚"
TEXT_SYMBOL = "✎"


@dataclass(frozen=True)
class Comparison:
    """The earlier (frozen) report a report is compared with, and its data."""

    report: ComparedReport
    snapshot: Snapshot


def build_synopsis(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: ReportOptions,
    generated: datetime,
    digest: str = "",
    people: Mapping[str, str] | None = None,
    comparison: Comparison | None = None,
    hand_edited: Collection[str] = (),
    frozen: tuple[str, str] | None = None,
) -> Synopsis:
    """The report for `catalogue` with the recorded `statuses` (a measure without an entry is
    open). `people` maps login names to the names printed under notes; `comparison` is the
    earlier report whose values are shown where they changed; `hand_edited` names measures whose
    state on the day cannot be vouched for; `frozen` is (id, title) of a report being frozen.
    Raises SelectionError."""
    lang = options.lang or get_language()
    report_date = options.report_date or generated.date()
    concept = catalogue.concept
    only_field = resolve_field(catalogue, options.field) if options.field else None
    only_office = resolve_office(catalogue, options.office) if options.office else None
    only_status = resolve_status(concept.statuses, options.status) if options.status else None
    builder = _Builder(catalogue, statuses, options, lang, report_date, people or {})
    builder.comparison = comparison
    builder.hand_edited = frozenset(hand_edited)
    builder.start = monitoring_start(concept, statuses.values())

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
                and (not options.offices or set(options.offices) & set(measure.offices))
                and (only_status is None or builder.status_of(measure).key == only_status.key)
            ]
            if entries:
                header = (text_block(goal.title, bold=True),)
                goals.append(GoalTable(goal, header, tuple(entries)))
        if goals or (only_field is not None and only_office is None and only_status is None):
            sections.append(
                FieldSection(catalogue_field, visible_text(catalogue_field.heading), tuple(goals))
            )

    restriction = _restriction(lang, only_field, only_office, only_status, options.offices)
    facts = [
        (message("report_date", lang), format_date(report_date, lang)),
        (message("report_generated", lang), format_timestamp(generated, lang)),
        (message("report_digest", lang), digest),
    ]
    if frozen is not None:
        report_id, title = frozen
        value = f"{title} ({report_id})" if title.strip() else report_id
        facts.append((message("report_frozen", lang), visible_text(value)))
    facts.append((message("report_compare", lang), _comparison_text(comparison, lang)))
    if restriction:
        facts.append((message("report_restriction", lang), restriction))
    shown_hand_edited = sorted(
        {e.measure.id for s in sections for g in s.goals for e in g.measures if e.facts.hand_edited}
    )
    if shown_hand_edited:
        warning = message(
            "report_hand_edited_summary",
            lang,
            count=len(shown_hand_edited),
            ids=", ".join(shown_hand_edited),
        )
        facts.append((message("report_warning", lang), warning))
    summaries = _summaries(catalogue, only_field) if options.with_summary else ()
    counts = section_counts(catalogue, sections, comparison is not None)  # table and charts
    overview_note = _overview_note(comparison, lang)
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
        overview=overview_table(catalogue, sections, lang, overview_note, counts),
        synopsis_title=message("report_synopsis", lang),
        sections=tuple(sections),
        empty_message=message("report_nothing_selected", lang),
        legend_title=message("report_legend", lang),
        legend=legend_tables(catalogue, lang),
        indicator_rule=visible_text(concept.indicator_rule),
        labels={
            "report_date": message("report_date", lang),
            "page": message("report_page", lang, page="{page}", pages="{pages}"),
            "digest": message("report_footer_digest", lang),
            "goal": message("report_goal", lang),
            "unprintable": message("report_unprintable", lang, count="{count}"),
        },
        compared_to=comparison.report if comparison else None,
        charts=_charts(catalogue, sections, counts[0], comparison, lang, report_date),
    )


def _charts(
    catalogue: Catalogue,
    sections: list[FieldSection],
    per_field: list[Counts],
    comparison: Comparison | None,
    lang: str,
    report_date: date,
) -> tuple[Chart, ...]:
    before = format_date(comparison.report.report_date, lang) if comparison else ""
    fields = [section.field for section in sections]
    now = format_date(report_date, lang)
    return overview_charts(catalogue.concept, fields, per_field, lang, before, now)


def _comparison_text(comparison: Comparison | None, lang: str) -> str:
    if comparison is None:
        return message("report_compare_none", lang)
    report = comparison.report
    text = message(
        "report_compare_with",
        lang,
        date=format_date(report.report_date, lang),
        id=report.id,
        digest=report.digest,
    )
    return visible_text(f"{text} – {report.title}" if report.title.strip() else text)


def _overview_note(comparison: Comparison | None, lang: str) -> str:
    if comparison is None:
        return ""
    day = format_date(comparison.report.report_date, lang)
    return message("report_overview_changes", lang, date=day)


def _restriction(
    lang: str,
    only_field: Field | None,
    only_office: str | None,
    only_status: Choice | None,
    offices: tuple[str, ...] = (),
) -> str:
    parts = []
    if only_field is not None:
        parts.append(message("report_restriction_field", lang, value=only_field.heading))
    if only_office is not None:
        parts.append(message("report_restriction_office", lang, value=only_office))
    if offices:
        parts.append(message("report_restriction_offices", lang, value="; ".join(offices)))
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

    comparison: Comparison | None = None
    hand_edited: frozenset[str] = frozenset()
    start: date | None = None
    """The day monitoring began: a measure never reviewed is overdue counting from it."""

    def __init__(
        self,
        catalogue: Catalogue,
        statuses: Mapping[str, MeasureStatus],
        options: ReportOptions,
        lang: str,
        report_date: date,
        people: Mapping[str, str],
    ) -> None:
        self.catalogue = catalogue
        self.concept = catalogue.concept
        self.statuses = statuses
        self.options = options
        self.lang = lang
        self.report_date = report_date
        self.people = people
        self._words: dict[tuple[str, str, str, bool, bool], Run] = {}
        self._labels: dict[str, Run] = {}
        self._flags: dict[tuple[str, str], tuple[Run, ...]] = {}

    def _word(
        self, key: str, before: str = "", after: str = "", bold: bool = False, italic: bool = False
    ) -> Run:
        """A fixed word of the report (`message(key)`) as a run, made once per report:
        thousands of measures print the same few (runs are immutable, so they are shared)."""
        wanted = (key, before, after, bold, italic)
        run = self._words.get(wanted)
        if run is None:
            text = before + message(key, self.lang) + after
            run = self._words[wanted] = Run(text, bold=bold, italic=italic)
        return run

    def _label(self, label: str) -> Run:
        """A target's label ("Kurzfristig:") in italics, made once per report."""
        run = self._labels.get(label)
        if run is None:
            run = self._labels[label] = Run(visible_text(label), italic=True)
        return run

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
        chosen = self._chosen_notes(public)
        compared = self.comparison
        diff = (
            measure_diff(compared.snapshot, self.catalogue, measure, recorded) if compared else None
        )
        return MeasureFacts(
            status=self.status_of(measure),
            assessment=self.concept.assessments.get(recorded.assessment or ""),
            priority=self.concept.priorities.get(recorded.priority or ""),
            reviewed=recorded.reviewed,
            overdue=is_overdue(
                recorded, self.report_date, self.concept.review_period_days, self.start
            ),
            indicator_fulfilled=indicator_fulfilled(measure, recorded, vocabulary),
            target_states=states,
            notes=tuple(chosen),
            notes_omitted=len(public) - len(chosen),
            notes_new=tuple(
                compared is not None and note.timestamp.date() > compared.report.report_date
                for note in chosen
            ),
            changes=diff.changes if diff else (),
            added_since_compare=diff is not None and diff.kind == "added",
            text_changed=diff.text_changed if diff else (),
            previous=self._previous(measure, diff),
            hand_edited=measure.id in self.hand_edited,
            next_step=recorded.next_step,
            next_step_due=recorded.next_step_due,
            note_authors=tuple(self.people.get(note.author) or note.author for note in chosen),
        )

    def _chosen_notes(self, public: list[LogEntry]) -> list[LogEntry]:
        """`--since`, else `--notes N`, else the notes of the period since the compared report,
        else the latest few."""
        options = self.options
        if options.since is not None:
            return [note for note in public if note.timestamp.date() >= options.since]
        if options.notes is not None:
            return public[: max(options.notes, 0)]
        if self.comparison is not None:
            since = self.comparison.report.report_date
            return [note for note in public if note.timestamp.date() > since]
        return public[:DEFAULT_NOTES]

    def _previous(self, measure: Measure, diff: MeasureDiff | None) -> PreviousFacts | None:
        if self.comparison is None or diff is None or diff.kind == "added":
            return None
        snapshot = self.comparison.snapshot
        concept = snapshot.catalogue.concept
        old_measure = snapshot.catalogue.measure(measure.id) or measure
        old = snapshot.status(measure.id)
        return PreviousFacts(
            status=concept.statuses.get(old.status) or concept.statuses.default,
            assessment=concept.assessments.get(old.assessment or ""),
            indicator_fulfilled=indicator_fulfilled(old_measure, old, concept.target_states),
            priority=concept.priorities.get(old.priority or ""),
        )

    def entry(self, measure: Measure) -> MeasureEntry:
        facts = self.facts(measure)
        return MeasureEntry(measure, facts, lambda: self.rows(measure, facts))

    def rows(self, measure: Measure, facts: MeasureFacts) -> tuple[Row, ...]:
        """The rows of a measure's table: the catalogue's cells, then the monitoring's."""
        lang = self.lang
        horizon = tuple(
            Block((self._label(target.label), Run(" " + visible_text(target.text))))
            for target in measure.targets
        )
        status_changed = any(c.field in ("status", "assessment", "priority") for c in facts.changes)
        targets_changed = any(
            c.field.startswith("target:") or c.field == INDICATOR for c in facts.changes
        )
        rows = (
            Row(
                visible_text(measure.label),
                (text_block(measure.text),),
                "measure",
                measure.id,
                flag=self._measure_flag(facts),
            ),
            Row(message("report_indicator", lang), (text_block(measure.indicator),)),
            Row(message("report_horizon", lang), horizon),
            Row(message("report_responsible", lang), (text_block(measure.responsible),)),
            *self._warning_rows(facts),
            Row(
                message("report_status", lang),
                self._status_text(facts),
                "monitoring",
                shade=facts.status.color,
                flag=self._changed_flag() if status_changed else (),
            ),
            Row(
                message("report_targets", lang),
                self._targets_text(measure, facts),
                "monitoring",
                flag=self._changed_flag() if targets_changed else (),
            ),
            *self._notes_rows(facts),
        )
        return rows

    # --- marks of the comparison -------------------------------------------------------------

    def _changed_flag(self) -> tuple[Run, ...]:
        return self._flag(CHANGED_SYMBOL, "report_flag_changed")

    def _measure_flag(self, facts: MeasureFacts) -> tuple[Run, ...]:
        if facts.added_since_compare:
            return self._flag(NEW_SYMBOL, "report_flag_new")
        if facts.text_changed:
            return self._flag(TEXT_SYMBOL, "report_flag_text_changed")
        return ()

    def _flag(self, symbol: str, key: str) -> tuple[Run, ...]:
        """`_flag` with the word of `key`, made once per report."""
        flag = self._flags.get((symbol, key))
        if flag is None:
            flag = self._flags[(symbol, key)] = _flag(symbol, message(key, self.lang))
        return flag

    def _warning_rows(self, facts: MeasureFacts) -> list[Row]:
        if not facts.hand_edited:
            return []
        text = message("report_hand_edited", self.lang)
        content = (Block((Run(message("report_warning", self.lang) + ": ", bold=True), Run(text))),)
        flag = (Run("! " + message("report_flag_unverified", self.lang), bold=True),)
        return [Row(message("report_note", self.lang), content, "monitoring", flag=flag)]

    def _before(self, facts: MeasureFacts, name: str) -> FieldChange | None:
        return next((c for c in facts.changes if c.field == name), None)

    def _previous_runs(self, change: FieldChange | None, name: str) -> list[Run]:
        """ " (bisher: ○ offen)" where the value changed, else nothing."""
        if change is None or self.comparison is None:
            return []
        concept = self.comparison.snapshot.catalogue.concept
        lang = self.lang
        vocabulary = {
            "status": concept.statuses,
            "assessment": concept.assessments,
            "priority": concept.priorities,
        }.get(name, concept.target_states)
        before: list[Run]
        if name == INDICATOR:
            key = (
                "report_indicator_was_fulfilled"
                if change.before == YES
                else "report_indicator_was_open"
            )
            before = [Run(message(key, lang))]
        else:
            choice = vocabulary.get(change.before)
            before = (
                list(choice_runs(choice, lang))
                if choice
                else [
                    Run(
                        message("report_not_set", lang)
                        if change.before == "—"
                        else visible_text(change.before)
                    )
                ]
            )
        # Spaces and brackets outside the italic runs: Markdown emphasis must not start or end
        # with a space.
        label = self._word("report_previous", after=":", italic=True)
        return [Run("  ("), label, SPACE, *before, Run(")")]

    def _status_text(self, facts: MeasureFacts) -> RichText:
        lang = self.lang
        not_set = self._word("report_not_set", italic=True)
        status = [*choice_runs(facts.status, lang, bold=True)]
        status += self._previous_runs(self._before(facts, "status"), "status")
        details: list[Run] = [self._word("report_assessment", after=": ")]
        details += choice_runs(facts.assessment, lang) if facts.assessment else [not_set]
        details += self._previous_runs(self._before(facts, "assessment"), "assessment")
        details += [self._word("report_priority", before="  ·  ", after=": ")]
        details += choice_runs(facts.priority, lang) if facts.priority else [not_set]
        details += self._previous_runs(self._before(facts, "priority"), "priority")
        review = [self._word("report_reviewed", after=": ")]
        if facts.reviewed is not None:
            review.append(Run(format_date(facts.reviewed, lang)))
        else:
            review.append(self._word("report_never_reviewed", italic=True))
        if facts.overdue:
            review.append(self._word("report_overdue", before=" – ", bold=True))
        blocks = [Block(tuple(status)), Block(tuple(details)), Block(tuple(review))]
        if facts.next_step:
            blocks.append(Block(tuple(self._next_step_runs(facts))))
        return tuple(blocks)

    def _next_step_runs(self, facts: MeasureFacts) -> list[Run]:
        """ "Nächster Schritt (bis 31.12.2026): …", marked when its date has passed."""
        lang = self.lang
        label = message("report_next_step", lang)
        if facts.next_step_due is not None:
            when = format_date(facts.next_step_due, lang)
            label = message("report_next_step_due", lang, date=when)
        runs = [Run(label + ": "), Run(visible_text(facts.next_step or ""))]
        if next_step_overdue(facts.next_step_due, self.report_date):
            runs.append(self._word("report_next_step_overdue", before=" – ", bold=True))
        return runs

    def _targets_text(self, measure: Measure, facts: MeasureFacts) -> RichText:
        lang = self.lang
        blocks = [
            Block(
                (
                    self._label(target.label),
                    SPACE,
                    *choice_runs(state, lang),
                    *self._previous_runs(self._before(facts, f"target:{key}"), "target"),
                )
            )
            for target, (key, state) in zip(measure.targets, facts.target_states, strict=True)
        ]
        verdict = (
            "report_indicator_fulfilled" if facts.indicator_fulfilled else "report_indicator_open"
        )
        runs = [self._word(verdict, bold=facts.indicator_fulfilled)]
        runs += self._previous_runs(self._before(facts, INDICATOR), INDICATOR)
        blocks.append(Block(tuple(runs)))
        return tuple(blocks)

    def _notes_rows(self, facts: MeasureFacts) -> list[Row]:
        """ "Fortschritt": one row per note (so that a page may break between notes), newest
        first; the label stands on the first."""
        lang = self.lang
        label = message("report_progress", lang)
        if not facts.notes:
            key = "report_no_new_notes" if self._notes_of_period() else "report_no_notes"
            empty = (Block((self._word(key, italic=True),)),)
            return [Row(label, empty, "progress")]
        rows = []
        for number, note in enumerate(facts.notes):
            author = facts.note_authors[number]
            heading = f"{format_timestamp(note.timestamp, lang)} – {author}"
            head = [Run(visible_text(heading), bold=True)]
            if facts.notes_new and facts.notes_new[number]:
                head = [*self._flag(NEW_SYMBOL, "report_flag_new"), DASH, *head]
            blocks = [Block(tuple(head)), *markdown_text(note.text)]
            if facts.notes_omitted and number == len(facts.notes) - 1:
                omitted = message("report_more_notes", lang, count=facts.notes_omitted)
                blocks.append(Block((Run(omitted, italic=True),)))
            rows.append(Row(label if number == 0 else "", tuple(blocks), "progress"))
        return rows

    def _notes_of_period(self) -> bool:
        options = self.options
        return self.comparison is not None and options.since is None and options.notes is None


SPACE = Run(" ")
DASH = Run(" – ")


def _flag(symbol: str, word: str) -> tuple[Run, ...]:
    """A mark that reads in black and white: the symbol (left out where a font lacks it) and
    the word."""
    return (Run(symbol, bold=True, mark=True), Run(" "), Run(word, bold=True))
