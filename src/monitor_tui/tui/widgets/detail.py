"""The right-hand pane: everything about the selected Handlungsfeld, Ziel or Maßnahme.

What to show is worked out as a list of `Block`s (styled text with a CSS class; a note's
Markdown is turned into styled text too); the pane shows each in a Static, reusing those it
already has: moving from one measure to the next updates the text of its Statics and mounts
or removes only as many as the number of blocks differs, which takes one frame, instead of
removing and mounting dozens of widgets.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from monitor_tui.dates import format_date, format_timestamp
from monitor_tui.i18n import _, get_language
from monitor_tui.model import (
    Catalogue,
    Choice,
    Field,
    Goal,
    LogEntry,
    Measure,
    MeasureStatus,
    indicator_fulfilled,
    is_overdue,
    next_step_overdue,
)
from monitor_tui.problems import Problem
from monitor_tui.session import SinceReport
from monitor_tui.status.wording import describe_change, entry_origin, tag_word
from monitor_tui.tui.browse import rollup, status_of
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.widgets.catalogue_tree import BROKEN_MARK
from monitor_tui.tui.widgets.safe_markdown import markdown_content

LOG_ENTRY = "log-entry"
"""Class of a log entry: its header, what it changed and its note."""
LATEST_ENTRY = "latest-entry"
"""Class of the newest log entry: after a note is saved the pane scrolls to it."""
SPARE = "spare"
"""Class of a Static the details do not need now (hidden): a longer text may take it."""
CHANGE_STYLE = "$text-muted"
"""What an entry changed, quieter than its note."""
MARKDOWN_TEXT = "markdown-text"
"""Class of a Static that shows Markdown (see `markdown_content`)."""
HEADING_STYLE = "bold underline"


@dataclass(frozen=True)
class Block:
    """One part of the details: `content` shown in a Static; `classes` for the stylesheet."""

    content: Content
    classes: str = ""


def _text(text: str, classes: str = "") -> Block:
    """Text from a file, literally (Content is never parsed as markup)."""
    return Block(Content(visible(text)), classes=classes)


def _heading(text: str) -> Block:
    return Block(Content(text), classes="heading")


def _section(heading: str, *lines: Content | str) -> Block:
    """A heading and the lines below it, in one widget."""
    parts: list[Content | str | tuple[str, str]] = [(heading, HEADING_STYLE)]
    for line in lines:
        parts += ["\n", line]
    return Block(Content.assemble(*parts), classes="section")


def markdown_block(text: str, classes: str = "") -> Block:
    """Markdown from a file (a note, a summary) as styled text, never parsed as markup."""
    content = markdown_content(visible(text), display().ascii)
    empty = " empty" if not content else ""  # nothing to show: no room taken either
    return Block(content, classes=f"{classes} {MARKDOWN_TEXT}{empty}".strip())


def _choice(choice: Choice | None, fallback: str, lang: str) -> Content:
    if choice is None:
        return Content(fallback)
    shown = display()
    style = f"bold {shown.content_colour(choice.color)}"
    return Content.assemble((f"{shown.mark(choice)} ", style), choice.label(lang))


class DetailText(Static):
    """A text of the details, which takes a new text without a second layout.

    Textual lays the screen out, then tells each widget its new size; a widget whose size
    changed asks for another layout (`virtual_size` is a reactive with `layout=True`), which
    comes a frame later and changes nothing for a text of `height: auto` whose height the
    first layout measured (the `content` setter makes it measure again). At 60 frames a
    second, that second frame made each move in the tree take twice as long.
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class DetailPane(VerticalScroll):
    """Scrolls with the arrow keys and j / k when focused (Tab switches here from the tree)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.detail.down"),
        Binding("k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.detail.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True

    # At once, not after the next refresh as Textual does by default: keys that come in a
    # burst (a held-down key over a slow link) all read the scroll target before the first
    # one had set it, and 25 presses of j moved the text one line.
    def action_scroll_down(self) -> None:
        self.scroll_down(immediate=True)

    def action_scroll_up(self) -> None:
        self.scroll_up(immediate=True)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """The pane's scrollable height follows its texts; the layout that measured them
        placed them too, so a changed height asks for no second layout (see `DetailText`).
        A scroll bar that comes or goes still does: it takes a column from the texts."""
        changed = super()._size_updated(size, virtual_size, container_size, layout=False)
        if changed and self.show_vertical_scrollbar:
            # The scroll bar's thumb follows the new height in the frame of this layout, not
            # in one of its own after it.
            self.screen._compositor.update_widgets({self.vertical_scrollbar})
        return changed

    def show_now(self, blocks: Sequence[Block], anchor: str | None = None) -> bool:
        """Show `blocks` at once if there are Statics enough for them: no widget is mounted,
        so the new details come in the same frame (those left over are set aside, hidden,
        for a longer text later). False (nothing changed) if widgets are missing."""
        current = self.children
        if len(current) < len(blocks):
            return False
        self._fill(current, blocks)
        self._start_at(anchor)
        return True

    async def show(self, blocks: Sequence[Block], anchor: str | None = None) -> None:
        """Show `blocks` from the top, or from the first one with the class `anchor`.

        The Statics there show the first blocks and only the missing ones are mounted.
        """
        current = list(self.children)
        self._fill(current, blocks)
        if len(current) < len(blocks):
            await self.mount_all([_widget(block) for block in blocks[len(current) :]])
        self._start_at(anchor)

    @staticmethod
    def _fill(widgets: Sequence[Widget], blocks: Sequence[Block]) -> None:
        """The first blocks into the first widgets; the widgets left over set aside."""
        for widget, block in zip(widgets, blocks, strict=False):
            _apply(widget, block)
        for widget in widgets[len(blocks) :]:
            if isinstance(widget, DetailText) and not widget.has_class(SPARE):
                widget.content = Content("")
                widget.set_classes(SPARE)

    def _start_at(self, anchor: str | None) -> None:
        """From the top, or from the first widget with the class `anchor`."""
        target = next((w for w in self.children if anchor and w.has_class(anchor)), None)
        if target is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)


def _widget(block: Block) -> Widget:
    return DetailText(block.content, classes=block.classes)


def _apply(widget: Widget, block: Block) -> None:
    if isinstance(widget, DetailText) and widget.content != block.content:
        # The `content` setter, unlike `update`, forgets the measured height: the next
        # layout measures the new text (`DetailText` relies on that).
        widget.content = block.content
    if widget.classes != frozenset(block.classes.split()):
        widget.set_classes(block.classes)


def measure_blocks(
    catalogue: Catalogue,
    measure: Measure,
    status: MeasureStatus,
    problems: list[Problem] | None,
    today: date,
    since_report: SinceReport | None = None,
    findings: list[Problem] | None = None,
    start: date | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Block]:
    """All four cells of the source table, the recorded state (and what changed since the last
    frozen report) and the progress log.

    `problems`: the status file is broken (no state is shown); `findings`: its log does not
    fit its state (the state is shown, under a notice). `start`: the day monitoring began
    (overdue counts from it); `names`: login → name shown for the authors of entries.
    """
    lang = get_language()
    concept = catalogue.concept
    blocks = [
        Block(
            Content.assemble(
                (_("tui_measure_title", id=measure.id), "bold"), f" · {one_line(measure.label)}"
            ),
            classes="title",
        ),
    ]
    if problems:
        blocks.append(_broken_notice(problems))
    else:
        if findings:
            blocks.append(_broken_notice(findings, _("tui_log_inconsistent_notice")))
        blocks.append(_state_lines(catalogue, measure, status, today, start))
        if since_report is not None:
            blocks.append(_since_report(since_report, catalogue))
    blocks.append(_section(_("tui_cell_measure"), visible(measure.text)))
    fulfilled = indicator_fulfilled(measure, status, concept.target_states)
    blocks.append(_section(_("tui_cell_indicator"), visible(measure.indicator)))
    key = "tui_indicator_fulfilled" if fulfilled else "tui_indicator_open"
    blocks.append(Block(Content(_(key)), classes="dim"))
    targets = []
    for target in measure.targets:
        state = concept.target_states.get(
            status.target_state(target, concept.target_states.default.key)
        )
        targets.append(
            Content.assemble(
                _choice(state, status.target_state(target), lang),
                "  ",
                (visible(target.label), "bold"),
                " ",
                visible(target.text),
            )
        )
    blocks.append(_section(_("tui_cell_horizon"), *targets))
    blocks.append(_section(_("tui_cell_responsible"), visible(measure.responsible)))
    blocks.append(_heading(_("tui_progress_log")))
    if not status.log:
        blocks.append(Block(Content(_("tui_log_empty")), classes="dim"))
    for number, entry in enumerate(status.log):
        blocks.append(_log_entry(entry, catalogue, lang, names or {}, latest=number == 0))
    return blocks


def _state_lines(
    catalogue: Catalogue, measure: Measure, status: MeasureStatus, today: date, start: date | None
) -> Block:
    lang = get_language()
    concept = catalogue.concept
    status_choice = concept.statuses.get(status.status)
    reviewed = format_date(status.reviewed, lang) if status.reviewed else _("tui_value_never")
    parts: list[Content | str | tuple[str, str]] = [
        (_("tui_label_status") + " ", "bold"),
        _choice(status_choice, status.status, lang),
        "\n",
        (_("tui_label_assessment") + " ", "bold"),
        _choice(concept.assessments.get(status.assessment or ""), _("tui_value_not_set"), lang),
        "\n",
        (_("tui_label_priority") + " ", "bold"),
        _choice(concept.priorities.get(status.priority or ""), _("tui_value_not_set"), lang),
        "\n",
        (_("tui_label_reviewed") + " ", "bold"),
        reviewed,
    ]
    if is_overdue(status, today, concept.review_period_days, start):
        parts += ["   ", (_("tui_overdue_marker"), "bold reverse")]
    if status.next_step:
        parts += ["\n", _next_step(status, today)]
    return Block(Content.assemble(*parts), classes="state")


def _next_step(status: MeasureStatus, today: date) -> Content:
    """ "Nächster Schritt bis 15.12.2026: …", marked when its date has passed."""
    lang = get_language()
    label = (
        _("tui_next_step_by", date=format_date(status.next_step_due, lang))
        if status.next_step_due is not None
        else _("tui_label_next_step")
    )
    parts: list[Content | str | tuple[str, str]] = [(label + " ", "bold")]
    parts.append(one_line(status.next_step or ""))
    if next_step_overdue(status.next_step_due, today):
        parts += ["   ", (_("tui_next_step_late_marker"), "bold reverse")]
    return Content.assemble(*parts)


def _since_report(since: SinceReport, catalogue: Catalogue) -> Block:
    """The values in the last report next to today's, for what changed."""
    from monitor_tui.reports.describe import change_words  # only once a report was frozen

    report, diff = since.report, since.diff
    day = format_date(report.report_date, get_language())
    head = _("tui_since_report", date=day, id=report.id)
    parts: list[Content | str | tuple[str, str]] = [(head, "bold")]
    changed = display().changed
    if diff.kind == "added":
        parts += ["\n", (f"{changed} ", "bold"), _("tui_since_report_added")]
    elif not diff.changed:
        parts += [" ", _("tui_since_report_unchanged")]
    for change in diff.changes:
        name, before, after = change_words(change, since.before, catalogue)
        line = _("tui_since_report_change", field=name, before=before, after=after)
        parts += ["\n", (f"{changed} ", "bold"), visible(line)]
    if diff.new_notes:
        key = "reports_new_note" if diff.new_notes == 1 else "reports_new_notes"
        parts += ["\n", (f"{changed} ", "bold"), _(key, count=diff.new_notes)]
    if diff.text_changed:
        cells = ", ".join(_(f"reports_cell_{cell}") for cell in diff.text_changed)
        parts += ["\n", (f"{changed} ", "bold"), _("reports_text_changed", cells=cells)]
    return Block(Content.assemble(*parts), classes="since-report")


def _broken_notice(problems: list[Problem], title: str = "") -> Block:
    lines = [title or _("tui_status_file_broken")] + [str(problem) for problem in problems]
    return _text("\n".join(lines), classes="error")


def _log_entry(
    entry: LogEntry,
    catalogue: Catalogue,
    lang: str,
    names: Mapping[str, str],
    latest: bool = False,
) -> Block:
    """The entry's header, what it changed, and its note, in one text: the number of widgets
    in the log is the number of entries, whatever each entry holds, so moving between two
    measures with as many entries mounts no widget."""
    header = Content.assemble(
        (format_timestamp(entry.timestamp, lang), "bold"),
        " · ",
        one_line(names.get(entry.author) or entry.author),
    )
    if entry.internal:
        header = Content.assemble(header, "  ", (_("tui_note_internal_marker"), "reverse"))
    for tag in entry.tags:  # how the entry came about: "von Hand", "Korrektur"
        header = Content.assemble(header, "  ", (one_line(tag_word(tag)), "italic"))
    parts = [header]
    origin = entry_origin(entry, lang)
    changes = [origin] if origin else []
    changes += [describe_change(change, catalogue, lang) for change in entry.changes]
    if changes:
        parts.append(Content.styled(visible("\n".join(changes)), CHANGE_STYLE))
    if entry.is_note:
        note = markdown_block(entry.text).content
        if note:
            parts.append(note)
    classes = f"{LOG_ENTRY} {LATEST_ENTRY}" if latest else LOG_ENTRY
    return Block(Content("\n").join(parts), classes=classes)


def field_blocks(
    catalogue: Catalogue,
    field: Field,
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str] = (),
) -> list[Block]:
    """A Handlungsfeld: heading, roll-up by status, summary (section 3) and its goals."""
    blocks = [_text(field.heading, classes="title")]
    blocks.append(_status_breakdown(catalogue, list(field.measures()), statuses, broken))
    if field.summary:
        blocks += [_heading(_("tui_field_summary")), markdown_block(field.summary)]
    lines = []
    for goal in field.goals:
        done, total = rollup(goal.measures, statuses, catalogue.concept.statuses, broken)
        lines.append(
            Content.assemble((f"{goal.id} ", "bold"), f"{done}/{total}  ", visible(goal.title))
        )
    blocks.append(_section(_("tui_field_goals"), *lines))
    return blocks


def goal_blocks(
    catalogue: Catalogue,
    goal: Goal,
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str] = (),
) -> list[Block]:
    """A Ziel: its wording, roll-up and its measures with their status."""
    lang = get_language()
    blocks = [
        Block(
            Content.assemble((_("tui_goal_title", id=goal.id), "bold"), "\n", visible(goal.title)),
            classes="title-and-text",
        ),
        _status_breakdown(catalogue, list(goal.measures), statuses, broken),
    ]
    lines = []
    for measure in goal.measures:
        if measure.id in broken:
            state = _unreadable()
        else:
            choice = catalogue.concept.statuses.get(status_of(statuses, measure.id).status)
            state = _choice(choice, "?", lang)
        lines.append(
            Content.assemble(state, "  ", (measure.id, "bold"), " ", one_line(measure.text))
        )
    blocks.append(_section(_("tui_goal_measures"), *lines))
    return blocks


def _unreadable() -> Content:
    """In place of a status: the file is broken, so the state is unknown (the tree shows "!")."""
    style = f"bold {display().content_colour('#d70000')}"
    return Content.assemble((f"{BROKEN_MARK} ", style), _("tui_status_unreadable"))


def _status_breakdown(
    catalogue: Catalogue,
    measures: list[Measure],
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str],
) -> Block:
    """ "3/7 umgesetzt · offen 3 · umgesetzt 3 · ! fehlerhaft 1": a measure with a broken status
    file counts as unreadable, never as offen."""
    lang = get_language()
    vocabulary = catalogue.concept.statuses
    done, total = rollup(measures, statuses, vocabulary, broken)
    parts: list[Content | str | tuple[str, str]] = [
        (_("tui_rollup", done=done, total=total), "bold")
    ]
    readable = [m for m in measures if m.id not in broken]
    for choice in vocabulary:
        count = sum(1 for m in readable if status_of(statuses, m.id).status == choice.key)
        if count:
            parts += ["   ", _choice(choice, choice.key, lang), f" {count}"]
    unreadable = len(measures) - len(readable)
    if unreadable:
        parts += ["   ", _unreadable(), f" {unreadable}"]
    return Block(Content.assemble(*parts), classes="state")
