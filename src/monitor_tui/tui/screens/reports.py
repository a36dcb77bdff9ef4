"""The "Berichte" screen (`B`): the frozen reports, freezing a new one, and what changed since.

Everything goes through the WorkspaceSession; freezing (five formats, a few seconds) runs in a
thread worker, so the app stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.reports.record import FrozenReport
from monitor_tui.session import FreezeOutcome, WorkspaceSession
from monitor_tui.tui.exporting import parse_report_date
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens.confirm import ConfirmScreen

Report = Callable[[str, bool], None]
"""Puts a message on the main screen's status line: (text, is_error)."""
FREEZE_GROUP = "freeze"


def report_line(
    report: FrozenReport, last: FrozenReport | None, lang: str, who: str | None = None
) -> Content:
    """One report in the list: mark of the last one, id, date, title, who froze it (`who`:
    the name to show for the login)."""
    mark = "*" if report is last else " "
    title = one_line(report.title) or "–"
    parts: list[Content | str | tuple[str, str]] = [
        (f"{mark} {report.id:<13}", "bold"),
        f" {format_date(report.report_date, lang)}  {title}",
        (f"  · {one_line(who or report.frozen_by)}", "dim"),
    ]
    if report.withdrawn is not None:
        parts.append(("  " + _("tui_reports_withdrawn"), "bold reverse"))
    return Content.assemble(*parts)


class ReportsScreen(ModalScreen[None]):
    """Enter (or d) shows what changed since the highlighted report; f freezes; Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "freeze", _("tui_key_reports_freeze"), id="monitor.reports.freeze"),
        Binding("d", "diff", _("tui_key_reports_diff"), id="monitor.reports.diff"),
        Binding("escape,q", "close", _("tui_key_close"), id="monitor.reports.close"),
    ]

    def __init__(
        self, session: WorkspaceSession, report: Report, changed: Callable[[], None]
    ) -> None:
        super().__init__()
        self.session = session
        self.report = report
        self.changed = changed
        self.shown: list[FrozenReport] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog reports-dialog"):
            yield Static(Content(_("tui_reports_title")), classes="dialog-title")
            yield Static(Content(""), id="reports-last")
            yield OptionList(id="reports-list")
            yield Static(Content(""), id="reports-message")
            yield Static(Content(_("tui_reports_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.session.load_reports()
        self.show_reports()
        self.query_one(OptionList).focus()
        if self.freeze_running():
            self.say(_("tui_reports_freezing"), error=False)

    def show_reports(self) -> None:
        lang = get_language()
        session = self.session
        self.shown = list(reversed(session.reports))  # newest first
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(report_line(r, session.last_report, lang, session.name_of(r.frozen_by)))
                for r in self.shown
            ]
        )
        options.display = bool(self.shown)
        last = session.last_report
        if not self.shown:
            text = _("tui_reports_none")
        elif last is None:
            text = _("tui_reports_all_withdrawn")
        else:
            text = _("tui_reports_last", id=last.id, date=format_date(last.report_date, lang))
        self.query_one("#reports-last", Static).update(Content(text))
        if self.shown:
            options.highlighted = 0

    def say(self, text: str, error: bool) -> None:
        if not self.is_attached:
            return
        message = self.query_one("#reports-message", Static)
        message.update(Content(visible(text)))
        message.set_class(error, "error")

    # --- diff ------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_diff(event.option_index)

    def action_diff(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.open_diff(index)

    def open_diff(self, index: int) -> None:
        if not 0 <= index < len(self.shown):
            return
        report = self.shown[index]
        title = _("tui_reports_diff_title", id=report.id)
        self.app.push_screen(DiffScreen(title, self.session.diff_lines(report.id)))

    # --- freeze ----------------------------------------------------------------------------

    def freeze_running(self) -> bool:
        return any(w.group == FREEZE_GROUP and not w.is_finished for w in self.app.workers)

    def action_freeze(self) -> None:
        if self.freeze_running():
            self.say(_("tui_reports_freezing"), error=True)
            return
        self.app.push_screen(FreezeScreen(self.session.today()), self.confirm)

    def confirm(self, answer: tuple[str, date] | None) -> None:
        if answer is None:
            return
        title, day = answer
        lang = get_language()
        earlier = [r for r in self.session.reports if r.report_date == day]
        question = _(
            "tui_reports_confirm",
            date=format_date(day, lang),
            title=one_line(title) or "–",
        )
        if earlier:
            question += "\n" + _("tui_reports_confirm_again", count=len(earlier))

        def answered(yes: bool | None) -> None:
            if yes:
                self.start_freeze(title, day)

        self.app.push_screen(ConfirmScreen(question), answered)

    def start_freeze(self, title: str, day: date) -> None:
        self.say(_("tui_reports_freezing"), error=False)
        self.report(_("tui_reports_freezing"), False)
        app = self.app
        app.run_worker(
            partial(self.run_freeze, app, title, day),
            name="freeze",
            group=FREEZE_GROUP,
            thread=True,
            exit_on_error=False,
        )

    def run_freeze(self, app: App[object], title: str, day: date) -> None:
        """In the worker thread: only `call_from_thread` touches the screen from here."""
        try:
            outcome = self.session.freeze(title, day)
        except Exception as error:  # a renderer bug must not take unsaved notes down with it
            outcome = FreezeOutcome(None, (_("reports_freeze_failed", reason=error),))
        app.call_from_thread(self.frozen, outcome)

    def frozen(self, outcome: FreezeOutcome) -> None:
        self.session.load_reports()
        self.changed()
        text = "\n".join(outcome.lines)
        self.report(outcome.lines[0] if outcome.lines else "", not outcome.ok)
        if self.is_attached:
            self.show_reports()
            self.say(text, error=not outcome.ok)

    def action_close(self) -> None:
        self.dismiss(None)


class FreezeScreen(ModalScreen[tuple[str, date] | None]):
    """Title and Berichtsstand of the report to freeze; Enter goes on, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: Enter in a field (and typed in one burst with the date) still submits.
        Binding(
            "enter", "submit", _("tui_key_freeze_submit"), priority=True, id="monitor.freeze.ok"
        ),
        Binding("escape", "cancel", _("tui_key_cancel"), id="monitor.freeze.cancel"),
        Binding(
            "tab",
            "app.focus_next",
            _("tui_key_next_field"),
            priority=True,
            id="monitor.freeze.next",
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            _("tui_key_previous_field"),
            priority=True,
            id="monitor.freeze.previous",
        ),
    ]

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog freeze-dialog"):
            yield Static(Content(_("tui_freeze_title")), classes="dialog-title")
            yield Static(Content(_("tui_freeze_title_label")), classes="freeze-label")
            yield Input(
                placeholder=_("tui_freeze_title_placeholder"), compact=True, id="freeze-title"
            )
            yield Static(Content(_("tui_freeze_date_label")), classes="freeze-label")
            today = format_date(self.today, get_language())
            yield Input(today, compact=True, id="freeze-date")
            yield Static(Content(""), id="freeze-error", classes="error")
            yield Static(Content(_("tui_freeze_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#freeze-title", Input).focus()

    def action_submit(self) -> None:
        """Behind the keys typed just before Enter, as in the export dialog."""
        focused = self.app.focused
        (focused if focused is not None and focused.screen is self else self).call_later(
            self.submit
        )

    def submit(self) -> None:
        error = self.query_one("#freeze-error", Static)
        date_input = self.query_one("#freeze-date", Input)
        try:
            day = parse_report_date(date_input.value)
        except ValueError as problem:
            error.update(Content(visible(str(problem))))
            date_input.focus()
            return
        if day > self.today:
            lang = get_language()
            error.update(
                Content(
                    _(
                        "reports_date_future",
                        date=format_date(day, lang),
                        today=format_date(self.today, lang),
                    )
                )
            )
            date_input.focus()
            return
        self.dismiss((self.query_one("#freeze-title", Input).value, day))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DiffScreen(ModalScreen[None]):
    """What changed, as text; scrolls with the arrow keys and j / k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", _("tui_key_close"), id="monitor.diff.close"),
        Binding(
            "down,j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.diff.down"
        ),
        Binding("up,k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.diff.up"),
    ]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog diff-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll(id="diff-lines"):
                yield Static(Content(visible("\n".join(self.lines))), id="diff-text")
            yield Static(Content(_("tui_diff_hint")), classes="dialog-hint")

    def action_scroll_down(self) -> None:
        self.query_one("#diff-lines", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#diff-lines", VerticalScroll).scroll_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
