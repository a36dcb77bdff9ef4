"""Catalogue + recorded status → one format-neutral synopsis, which every export format renders.

The synopsis is a small tree: a title block, optional summaries, an overview table, one section
per Handlungsfeld with one table per Ziel (the layout of section 4 of the document plus the
monitoring rows), and the legend. Text is held as `Block`s of `Run`s (rich text runs), already
made safe: notes are parsed as Markdown with raw HTML off, links are kept only for http, https
and mailto, and control characters are replaced by visible names such as "[ESC]".
No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from monitor_tui.i18n import _
from monitor_tui.model import (
    Catalogue,
    Choice,
    Field,
    Goal,
    LogEntry,
    Measure,
    MeasureStatus,
    Vocabulary,
    fold_for_search,
    indicator_fulfilled,
    is_overdue,
)
from monitor_tui.text import visible_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ALLOWED_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


# --- rich text --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of text with one style. `text` may contain "\\n" for a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    """Only http, https and mailto links survive; anything else stays text."""
    color: str | None = None
    """`#rrggbb` for a coloured status mark."""
    mark: bool = False
    """A symbol (✓, ◐, ★ …) that a format without the glyph may leave out: a word follows it."""


BlockKind = Literal["paragraph", "item", "code", "quote", "heading"]


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit: a paragraph, a list item (with its bullet), a code block."""

    runs: tuple[Run, ...]
    kind: BlockKind = "paragraph"
    prefix: str = ""
    """The bullet or number of a list item ("• ", "2. "), or the quote marker."""
    level: int = 0
    """Nesting depth of lists and quotes, for indentation."""

    def plain(self) -> str:
        return self.prefix + "".join(run.text for run in self.runs)


RichText = tuple[Block, ...]


def plain_text(text: RichText) -> str:
    """The text of `text` without styles, one line per block."""
    return "\n".join(block.plain() for block in text)


def text_block(text: str, bold: bool = False) -> Block:
    """Plain (catalogue) text as one block."""
    return Block((Run(visible_text(text), bold=bold),))


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # js-default: CommonMark with tables and strikethrough, and raw HTML off.
    return MarkdownIt("js-default")


def markdown_text(source: str) -> RichText:
    """Untrusted Markdown (a progress note, a summary) as safe rich text."""
    tokens = _markdown().parse(source.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(_MarkdownBlocks().convert(tokens))


class _MarkdownBlocks:
    """Walks markdown-it's token stream and turns it into blocks."""

    def __init__(self) -> None:
        self.lists: list[list[int | str]] = []  # [kind, counter] per open list
        self.quote_depth = 0
        self.prefix = ""
        self.heading = False
        self.table_row: list[tuple[Run, ...]] | None = None

    def convert(self, tokens: Sequence[Token]) -> Iterable[Block]:
        for token in tokens:
            block = self._token(token)
            if block is not None:
                yield block

    def _level(self) -> int:
        return len(self.lists) + self.quote_depth

    def _token(self, token: Token) -> Block | None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 1
            self.lists.append(["bullet" if kind == "bullet_list_open" else "ordered", start - 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            current = self.lists[-1]
            current[1] = int(current[1]) + 1
            self.prefix = "• " if current[0] == "bullet" else f"{current[1]}. "
        elif kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind == "heading_open":
            self.heading = True
        elif kind == "heading_close":
            self.heading = False
        elif kind == "tr_open":
            self.table_row = []
        elif kind == "tr_close" and self.table_row is not None:
            runs: list[Run] = []
            for index, cell in enumerate(self.table_row):
                runs += ([Run(" | ")] if index else []) + list(cell)
            self.table_row = None
            return Block(tuple(runs), "paragraph", level=self._level())
        elif kind in ("fence", "code_block"):
            text = visible_text(token.content.rstrip("\n"))
            return Block((Run(text, code=True),), "code", level=self._level())
        elif kind == "hr":
            return Block((Run("―" * 3),), level=self._level())
        elif kind == "html_block":  # only reachable if HTML were on; then still text
            return Block((Run(visible_text(token.content.rstrip("\n"))),), level=self._level())
        elif kind == "inline":
            return self._inline(token)
        return None

    def _inline(self, token: Token) -> Block | None:
        runs = tuple(_inline_runs(token.children or [], heading=self.heading))
        if self.table_row is not None:
            self.table_row.append(runs)
            return None
        prefix, self.prefix = self.prefix, ""
        if self.heading:
            block_kind: BlockKind = "heading"
        elif prefix:
            block_kind = "item"
        elif self.quote_depth:
            block_kind = "quote"
        else:
            block_kind = "paragraph"
        if self.quote_depth and not prefix:
            prefix = "> " * self.quote_depth
        return Block(runs, block_kind, prefix, self._level())


def _inline_runs(children: Sequence[Token], heading: bool = False) -> Iterable[Run]:
    depth = {"bold": 1 if heading else 0, "italic": 0, "strike": 0}
    links: list[tuple[str | None, str]] = []  # (clickable target or None, target as written)
    for child in children:
        kind = child.type
        href = next((target for target, _written in reversed(links) if target), None)
        bold, italic, strike = (depth[name] > 0 for name in ("bold", "italic", "strike"))
        if kind in ("text", "html_inline"):
            yield Run(visible_text(child.content), bold, italic, strike=strike, href=href)
        elif kind == "code_inline":
            yield Run(visible_text(child.content), bold, italic, True, strike, href)
        elif kind in ("softbreak", "hardbreak"):
            yield Run("\n")
        elif kind.endswith(("_open", "_close")) and kind.rsplit("_", 1)[0] in _EMPHASIS:
            depth[_EMPHASIS[kind.rsplit("_", 1)[0]]] += 1 if kind.endswith("_open") else -1
        elif kind == "link_open":
            written = str(child.attrGet("href") or "")
            links.append((written if safe_link(written) else None, written))
        elif kind == "link_close" and links:
            target, written = links.pop()
            if target is None:  # not clickable, but the reader still sees where it pointed
                yield Run(f" ({visible_text(written)})", bold, italic, strike=strike)
        elif kind == "image":
            alt = visible_text(child.content)
            source = visible_text(str(child.attrGet("src") or ""))
            yield Run(f"[{_('report_image', alt=alt)} ({source})]", italic=True)


_EMPHASIS = {"strong": "bold", "em": "italic", "s": "strike"}


def safe_link(target: str) -> bool:
    """Only web and mail links may be clickable in an export."""
    try:
        scheme = urlsplit(target.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in ALLOWED_LINK_SCHEMES


def mark_run(choice: Choice) -> Run:
    return Run(visible_text(choice.symbol), bold=True, color=choice.color, mark=True)


def choice_runs(choice: Choice, lang: str, bold: bool = False) -> tuple[Run, ...]:
    """A vocabulary value as printed: coloured symbol, then the word (readable without colour)."""
    return (mark_run(choice), Run(" "), Run(visible_text(choice.label(lang)), bold=bold))


# --- the synopsis tree ------------------------------------------------------------------------

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


@dataclass(frozen=True)
class MeasureEntry:
    measure: Measure
    facts: MeasureFacts
    rows: tuple[Row, ...]


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

    def entries(self) -> Iterable[MeasureEntry]:
        for section in self.sections:
            for goal in section.goals:
                yield from goal.measures

    def report_date_text(self) -> str:
        return format_date(self.report_date, self.lang)


# --- options and selection --------------------------------------------------------------------


class SelectionError(ValueError):
    """An unknown field, office or status was asked for; the message lists the valid ones."""


@dataclass(frozen=True)
class SynopsisOptions:
    """What to put in the report. `field`, `office`, `status` restrict it; None means all."""

    report_date: date
    generated: datetime
    lang: str = "de"
    with_summary: bool = False
    field: str | None = None
    office: str | None = None
    status: str | None = None
    since: date | None = None
    """Print all public notes from this day on, instead of the latest `notes`."""
    notes: int = 3


def message(key: str, lang: str, **values: object) -> str:
    """An export text in the report's language (independent of the UI's current language,
    so a report in English can be made from a German session, also in a worker thread)."""
    from monitor_tui.i18n import MESSAGES

    german, english = MESSAGES[key]
    template = english if lang == "en" else german
    return template.format(**values) if values else template


def format_date(day: date, lang: str) -> str:
    return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")


def format_timestamp(moment: datetime, lang: str) -> str:
    return moment.strftime("%Y-%m-%d %H:%M" if lang == "en" else "%d.%m.%Y, %H:%M")


def resolve_field(catalogue: Catalogue, value: str) -> Field:
    """A Handlungsfeld by id ("3"), number ("4.3") or title ("Wohnen")."""
    wanted = fold_for_search(value.strip())
    for candidate in catalogue.fields:
        names = (candidate.id, candidate.number, candidate.title, candidate.heading)
        if wanted in {fold_for_search(name) for name in names}:
            return candidate
    choices = ", ".join(f"{f.id} ({f.title})" for f in catalogue.fields)
    raise SelectionError(_("export_unknown_field", value=value, choices=choices))


def resolve_office(catalogue: Catalogue, value: str) -> str:
    """An office exactly as it is listed (case and umlaut spelling do not matter)."""
    wanted = fold_for_search(value.strip())
    for office in catalogue.offices():
        if fold_for_search(office) == wanted:
            return office
    choices = "; ".join(catalogue.offices())
    raise SelectionError(_("export_unknown_office", value=value, choices=choices))


def resolve_status(statuses: Vocabulary, value: str) -> Choice:
    """A status by key ("in-umsetzung") or by its German or English word."""
    wanted = fold_for_search(value.strip())
    for choice in statuses:
        if wanted in {
            fold_for_search(choice.key),
            fold_for_search(choice.de),
            fold_for_search(choice.en),
        }:
            return choice
    raise SelectionError(
        _("export_unknown_status", value=value, choices=", ".join(statuses.keys()))
    )


# --- building ---------------------------------------------------------------------------------


def build_synopsis(
    catalogue: Catalogue,
    statuses: Mapping[str, MeasureStatus],
    options: SynopsisOptions,
    digest: str = "",
    people: Mapping[str, str] | None = None,
) -> Synopsis:
    """The report for `catalogue` with the recorded `statuses` (a measure without an entry is
    open). `people` maps login names to the names printed under notes. Raises SelectionError."""
    lang = options.lang
    concept = catalogue.concept
    only_field = resolve_field(catalogue, options.field) if options.field else None
    only_office = resolve_office(catalogue, options.office) if options.office else None
    only_status = resolve_status(concept.statuses, options.status) if options.status else None
    builder = _Builder(catalogue, statuses, options, people or {})

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
        (message("report_date", lang), format_date(options.report_date, lang)),
        (message("report_generated", lang), format_timestamp(options.generated, lang)),
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
        report_date=options.report_date,
        generated=options.generated,
        digest=digest,
        title_facts=tuple(facts),
        restriction=restriction,
        summaries_title=message("report_summaries", lang),
        summaries=summaries,
        overview_title=message("report_overview", lang),
        overview=_overview(catalogue, sections, lang),
        synopsis_title=message("report_synopsis", lang),
        sections=tuple(sections),
        empty_message=message("report_nothing_selected", lang),
        legend_title=message("report_legend", lang),
        legend=_legend(catalogue, lang),
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
        options: SynopsisOptions,
        people: Mapping[str, str],
    ) -> None:
        self.concept = catalogue.concept
        self.statuses = statuses
        self.options = options
        self.lang = options.lang
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
            overdue=is_overdue(recorded, self.options.report_date, self.concept.review_period_days),
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


def _cell(*runs: Run) -> RichText:
    return (Block(runs),)


def _overview(catalogue: Catalogue, sections: Sequence[FieldSection], lang: str) -> Table:
    """Counts per Handlungsfeld (columns) and status or assessment (rows)."""
    concept = catalogue.concept
    columns = [[e.facts for g in s.goals for e in g.measures] for s in sections]
    columns.append([facts for column in columns for facts in column])
    # Column heads carry the number only: the titles do not fit narrow columns, the caption
    # names them.
    header = (
        _cell(Run("")),
        *(_cell(Run(visible_text(s.field.number), bold=True)) for s in sections),
        _cell(Run(message("report_overview_total", lang), bold=True)),
    )
    caption = visible_text(" · ".join(f"{s.field.number} {s.field.title}" for s in sections))

    def count_row(label: RichText, test: Callable[[MeasureFacts], bool]) -> tuple[RichText, ...]:
        counts = [sum(1 for facts in column if test(facts)) for column in columns]
        return (label, *(_cell(Run(str(n) if n else "–")) for n in counts))

    def group_row(key: str) -> tuple[RichText, ...]:
        groups.add(len(rows))
        return (_cell(Run(message(key, lang), bold=True)),) + ((),) * len(columns)

    def has_assessment(key: str) -> Callable[[MeasureFacts], bool]:
        return lambda f: f.assessment is not None and f.assessment.key == key

    def has_status(key: str) -> Callable[[MeasureFacts], bool]:
        return lambda f: f.status.key == key

    groups: set[int] = set()
    rows: list[tuple[RichText, ...]] = [header]
    rows.append(count_row(_cell(Run(message("report_overview_measures", lang), bold=True)), bool))
    rows.append(group_row("report_overview_status"))
    rows += [count_row(_cell(*choice_runs(c, lang)), has_status(c.key)) for c in concept.statuses]
    rows.append(
        count_row(
            _cell(Run(message("report_overview_fulfilled", lang))), lambda f: f.indicator_fulfilled
        )
    )
    rows.append(
        count_row(_cell(Run(message("report_overview_overdue", lang))), lambda f: f.overdue)
    )
    rows.append(group_row("report_overview_assessment"))
    rows += [
        count_row(_cell(*choice_runs(c, lang)), has_assessment(c.key)) for c in concept.assessments
    ]
    no_assessment = _cell(Run(message("report_overview_no_assessment", lang), italic=True))
    rows.append(count_row(no_assessment, lambda f: f.assessment is None))
    return Table(
        tuple(rows),
        (3.2, *([1.0] * len(columns))),
        header_rows=1,
        group_rows=frozenset(groups),
        caption=caption,
    )


def _legend(catalogue: Catalogue, lang: str) -> tuple[tuple[str, Table], ...]:
    concept = catalogue.concept
    horizons = tuple(
        (_cell(Run(visible_text(h.label), italic=True)), _cell(Run(visible_text(h.text))))
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
        rows.append((_cell(Run(message(title, lang), bold=True)), values))
    parts.append((message("report_legend_values", lang), Table(tuple(rows), (1, 3), header_rows=0)))
    return tuple(parts)
