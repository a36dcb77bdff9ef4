"""The right-hand pane: everything about the selected Handlungsfeld, Ziel or Maßnahme."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
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
from monitor_tui.reports.describe import change_words
from monitor_tui.session import SinceReport
from monitor_tui.status.wording import describe_change, entry_origin, tag_word
from monitor_tui.tui.browse import rollup, status_of
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.widgets.catalogue_tree import BROKEN_MARK
from monitor_tui.tui.widgets.safe_markdown import SafeMarkdown

LATEST_ENTRY = "latest-entry"
"""Class of the newest log entry's header: after a note is saved the pane scrolls to it."""


def _text(text: str, classes: str = "") -> Static:
    """A Static that shows `text` from a file literally (Content is never parsed as markup)."""
    return Static(Content(visible(text)), classes=classes)


def _heading(text: str) -> Static:
    return Static(Content(text), classes="heading")


def _choice(choice: Choice | None, fallback: str, lang: str) -> Content:
    if choice is None:
        return Content(fallback)
    shown = display()
    style = f"bold {shown.content_colour(choice.color)}"
    return Content.assemble((f"{shown.mark(choice)} ", style), choice.label(lang))


class DetailPane(VerticalScroll):
    """Scrolls with the arrow keys and j / k when focused (Tab switches here from the tree)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.detail.down"),
        Binding("k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.detail.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True

    async def show(self, widgets: list[Widget], anchor: str | None = None) -> None:
        """Show `widgets` from the top, or from the first one with the class `anchor`."""
        await self.remove_children()
        await self.mount_all(widgets)
        target = next((w for w in widgets if anchor and w.has_class(anchor)), None)
        if target is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)


def measure_widgets(
    catalogue: Catalogue,
    measure: Measure,
    status: MeasureStatus,
    problems: list[Problem] | None,
    today: date,
    since_report: SinceReport | None = None,
    findings: list[Problem] | None = None,
    start: date | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Widget]:
    """All four cells of the source table, the recorded state (and what changed since the last
    frozen report) and the progress log.

    `problems`: the status file is broken (no state is shown); `findings`: its log does not
    fit its state (the state is shown, under a notice). `start`: the day monitoring began
    (overdue counts from it); `names`: login → name shown for the authors of entries.
    """
    lang = get_language()
    concept = catalogue.concept
    widgets: list[Widget] = [
        Static(
            Content.assemble(
                (_("tui_measure_title", id=measure.id), "bold"), f" · {one_line(measure.label)}"
            ),
            classes="title",
        ),
    ]
    if problems:
        widgets.append(_broken_notice(problems))
    else:
        if findings:
            widgets.append(_broken_notice(findings, _("tui_log_inconsistent_notice")))
        widgets += _state_lines(catalogue, measure, status, today, start)
        if since_report is not None:
            widgets.append(_since_report(since_report, catalogue))
    widgets += [_heading(_("tui_cell_measure")), _text(measure.text)]
    fulfilled = indicator_fulfilled(measure, status, concept.target_states)
    widgets += [_heading(_("tui_cell_indicator")), _text(measure.indicator)]
    widgets.append(
        Static(
            Content(_("tui_indicator_fulfilled" if fulfilled else "tui_indicator_open")),
            classes="dim",
        )
    )
    widgets.append(_heading(_("tui_cell_horizon")))
    for target in measure.targets:
        state = concept.target_states.get(
            status.target_state(target, concept.target_states.default.key)
        )
        widgets.append(
            Static(
                Content.assemble(
                    _choice(state, status.target_state(target), lang),
                    "  ",
                    (visible(target.label), "bold"),
                    " ",
                    visible(target.text),
                ),
                classes="target",
            )
        )
    widgets += [_heading(_("tui_cell_responsible")), _text(measure.responsible)]
    widgets.append(_heading(_("tui_progress_log")))
    if not status.log:
        widgets.append(Static(Content(_("tui_log_empty")), classes="dim"))
    for number, entry in enumerate(status.log):
        widgets += _log_entry(entry, catalogue, lang, names or {}, latest=number == 0)
    return widgets


def _state_lines(
    catalogue: Catalogue, measure: Measure, status: MeasureStatus, today: date, start: date | None
) -> list[Widget]:
    lang = get_language()
    concept = catalogue.concept
    status_choice = concept.statuses.get(status.status)
    line = Content.assemble(
        (_("tui_label_status") + " ", "bold"),
        _choice(status_choice, status.status, lang),
        "\n",
        (_("tui_label_assessment") + " ", "bold"),
        _choice(concept.assessments.get(status.assessment or ""), _("tui_value_not_set"), lang),
        "\n",
        (_("tui_label_priority") + " ", "bold"),
        _choice(concept.priorities.get(status.priority or ""), _("tui_value_not_set"), lang),
    )
    reviewed = format_date(status.reviewed, lang) if status.reviewed else _("tui_value_never")
    review = Content.assemble((_("tui_label_reviewed") + " ", "bold"), reviewed)
    if is_overdue(status, today, concept.review_period_days, start):
        review = Content.assemble(review, "   ", (_("tui_overdue_marker"), "bold reverse"))
    widgets: list[Widget] = [Static(line, classes="state"), Static(review, classes="state")]
    if status.next_step:
        widgets.append(_next_step(status, today))
    return widgets


def _next_step(status: MeasureStatus, today: date) -> Static:
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
    return Static(Content.assemble(*parts), classes="state")


def _since_report(since: SinceReport, catalogue: Catalogue) -> Static:
    """The values in the last report next to today's, for what changed."""
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
    return Static(Content.assemble(*parts), classes="since-report")


def _broken_notice(problems: list[Problem], title: str = "") -> Static:
    lines = [title or _("tui_status_file_broken")] + [str(problem) for problem in problems]
    return Static(Content(visible("\n".join(lines))), classes="error")


def _log_entry(
    entry: LogEntry,
    catalogue: Catalogue,
    lang: str,
    names: Mapping[str, str],
    latest: bool = False,
) -> list[Widget]:
    header = Content.assemble(
        (format_timestamp(entry.timestamp, lang), "bold"),
        " · ",
        one_line(names.get(entry.author) or entry.author),
    )
    if entry.internal:
        header = Content.assemble(header, "  ", (_("tui_note_internal_marker"), "reverse"))
    for tag in entry.tags:  # how the entry came about: "von Hand", "Korrektur"
        header = Content.assemble(header, "  ", (one_line(tag_word(tag)), "italic"))
    widgets: list[Widget] = [
        Static(header, classes=f"log-header {LATEST_ENTRY}" if latest else "log-header")
    ]
    origin = entry_origin(entry, lang)
    if origin:
        widgets.append(Static(Content(visible(origin)), classes="log-change"))
    for change in entry.changes:
        widgets.append(
            Static(
                Content(visible(describe_change(change, catalogue, lang))),
                classes="log-change",
            )
        )
    if entry.is_note:
        widgets.append(SafeMarkdown(entry.text, classes="log-note"))
    return widgets


def field_widgets(
    catalogue: Catalogue,
    field: Field,
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str] = (),
) -> list[Widget]:
    """A Handlungsfeld: heading, roll-up by status, summary (section 3) and its goals."""
    widgets: list[Widget] = [Static(Content(visible(field.heading)), classes="title")]
    widgets += _status_breakdown(catalogue, list(field.measures()), statuses, broken)
    if field.summary:
        widgets += [_heading(_("tui_field_summary")), SafeMarkdown(field.summary)]
    widgets.append(_heading(_("tui_field_goals")))
    for goal in field.goals:
        done, total = rollup(goal.measures, statuses, catalogue.concept.statuses, broken)
        widgets.append(
            Static(
                Content.assemble((f"{goal.id} ", "bold"), f"{done}/{total}  ", visible(goal.title)),
                classes="goal-line",
            )
        )
    return widgets


def goal_widgets(
    catalogue: Catalogue,
    goal: Goal,
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str] = (),
) -> list[Widget]:
    """A Ziel: its wording, roll-up and its measures with their status."""
    lang = get_language()
    widgets: list[Widget] = [
        Static(Content.assemble((_("tui_goal_title", id=goal.id), "bold")), classes="title"),
        _text(goal.title),
    ]
    widgets += _status_breakdown(catalogue, list(goal.measures), statuses, broken)
    widgets.append(_heading(_("tui_goal_measures")))
    for measure in goal.measures:
        if measure.id in broken:
            state = _unreadable()
        else:
            choice = catalogue.concept.statuses.get(status_of(statuses, measure.id).status)
            state = _choice(choice, "?", lang)
        widgets.append(
            Static(
                Content.assemble(
                    state,
                    "  ",
                    (measure.id, "bold"),
                    " ",
                    one_line(measure.text),
                ),
                classes="goal-line",
            )
        )
    return widgets


def _unreadable() -> Content:
    """In place of a status: the file is broken, so the state is unknown (the tree shows "!")."""
    style = f"bold {display().content_colour('#d70000')}"
    return Content.assemble((f"{BROKEN_MARK} ", style), _("tui_status_unreadable"))


def _status_breakdown(
    catalogue: Catalogue,
    measures: list[Measure],
    statuses: Mapping[str, MeasureStatus],
    broken: Collection[str],
) -> list[Widget]:
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
    return [Static(Content.assemble(*parts), classes="state")]
