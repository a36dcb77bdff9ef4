"""The "Fällig" view (`F`): per office, the measures due for the coming report and those whose
review is overdue, with counts. Enter shows a measure; `a` writes the update request to the
highlighted office; `i` reads an answer back; `m` shows only the offices of the person logged in.

Everything goes through the WorkspaceSession; writing a request runs in a thread worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.offices import DueMeasure, DueOverview
from monitor_tui.requests.service import WrittenRequest
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.wording import value_word
from monitor_tui.tui.safe_text import fit, one_line, visible
from monitor_tui.tui.screens.answers import ImportPathScreen

Report = Callable[[str, bool], None]
REQUEST_GROUP = "request"


@dataclass(frozen=True)
class DueLine:
    office: str
    measure_id: str | None
    """None for the line that names the office."""


class DueScreen(ModalScreen[str | None]):
    """Dismisses with the id of the measure to show, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "request", _("tui_key_due_request"), id="monitor.due.request"),
        Binding("i", "import_answer", _("tui_key_import"), id="monitor.due.import"),
        Binding("m", "toggle_mine", _("tui_key_due_mine"), id="monitor.due.mine"),
        Binding("escape,q", "close", _("tui_key_close"), id="monitor.due.close"),
    ]

    def __init__(
        self, session: WorkspaceSession, report: Report, changed: Callable[[], None]
    ) -> None:
        super().__init__()
        self.session = session
        self.report = report
        self.changed = changed
        self.mine = False
        self.lines: list[DueLine] = []
        self.list_width = 0
        """The list's width once laid out (0 before): a measure's line is fitted to it."""
        self.overview: DueOverview | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog due-dialog"):
            yield Static(Content(""), id="due-title", classes="dialog-title")
            yield Static(Content(""), id="due-rule")
            yield Static(Content.styled(_columns(), "bold"), id="due-columns")
            yield OptionList(id="due-list")
            yield Static(Content(""), id="due-message")
            yield Static(Content(_("tui_due_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_due()
        self.query_one(OptionList).focus()

    def on_resize(self, event: events.Resize) -> None:
        width = self.query_one(OptionList).scrollable_content_region.width
        if width != self.list_width:
            self.list_width = width
            if self.overview is not None:  # the lines again, for the new width
                self.show_overview(self.overview)

    def show_due(self) -> None:
        """Work out who is due and show it."""
        self.overview = self.session.due()
        self.show_overview(self.overview)

    def show_overview(self, overview: DueOverview) -> None:
        session, lang = self.session, get_language()
        only = set(session.my_offices()) if self.mine else None
        title = _("tui_due_title", date=format_date(overview.day, lang))
        if self.mine:
            title += " · " + _("tui_filter_mine_active")
        self.query_one("#due-title", Static).update(Content(title))
        self.query_one("#due-rule", Static).update(Content(visible(_rule(overview, lang))))
        options: list[Option] = []
        self.lines = []
        quiet = 0
        for office in overview.offices:
            if only is not None and office.office not in only:
                continue
            if not office.measures:
                quiet += 1
                continue
            head = _(
                "tui_due_office",
                office=one_line(office.office),
                total=office.total,
                due=office.due_count,
                overdue=office.overdue_count,
            )
            options.append(Option(Content.styled(head, "bold")))
            self.lines.append(DueLine(office.office, None))
            for item in office.measures:
                options.append(Option(self.measure_line(item)))
                self.lines.append(DueLine(office.office, item.measure.id))
        if quiet:
            options.append(Option(Content(_("tui_due_quiet", count=quiet)), disabled=True))
            self.lines.append(DueLine("", None))
        listing = self.query_one(OptionList)
        place = listing.highlighted or 0
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = min(place, len(options) - 1)

    def measure_line(self, item: DueMeasure) -> Content:
        lang = get_language()
        marks = [
            _(key)
            for key, on in (("due_mark_due", item.due), ("due_mark_overdue", item.overdue))
            if on
        ]
        if item.next_step_overdue:
            marks.append(_("tui_due_step_late"))
        state = (
            _("due_broken")
            if item.broken
            else value_word("status", item.status.status, self.session.catalogue, lang)
        )
        never = _("tui_due_never_short")
        last = format_date(item.last_update, lang) if item.last_update else never
        reviewed = item.status.reviewed
        review = format_date(reviewed, lang) if reviewed else never
        start, why = _cell(item.measure.id, "id"), _cell(", ".join(marks), "why")
        dates = _cell(last, "entry") + _cell(review, "reviewed") + " "
        state = one_line(state)
        room = self.list_width - len(start + why + dates)
        if self.list_width and room > 0:
            state = fit(state, room)  # one line under the columns' headings
        return Content.assemble(start, (why, "bold"), dates + state)

    def say(self, text: str, error: bool) -> None:
        if not self.is_attached:
            return
        message = self.query_one("#due-message", Static)
        message.update(Content(visible(text)))
        message.set_class(error, "error")

    def highlighted_line(self) -> DueLine | None:
        index = self.query_one(OptionList).highlighted
        return self.lines[index] if index is not None and 0 <= index < len(self.lines) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        line = self.lines[event.option_index] if event.option_index < len(self.lines) else None
        if line is not None and line.measure_id is not None:
            self.dismiss(line.measure_id)

    def action_toggle_mine(self) -> None:
        if not self.mine and not self.session.my_offices():
            self.say(_("offices_none_for_login", login=self.session.login), error=True)
            return
        self.mine = not self.mine
        self.show_due()

    # --- requests and answers ---------------------------------------------------------------

    def action_request(self) -> None:
        line = self.highlighted_line()
        if line is None or not line.office:
            self.say(_("tui_due_pick_office"), error=True)
            return
        if any(w.group == REQUEST_GROUP and not w.is_finished for w in self.app.workers):
            self.say(_("tui_due_request_running"), error=True)
            return
        self.say(_("tui_due_request_writing", office=one_line(line.office)), error=False)
        app = self.app
        app.run_worker(
            partial(self.write_request, app, line.office),
            name="request",
            group=REQUEST_GROUP,
            thread=True,
            exit_on_error=False,
        )

    def write_request(self, app: App[object], office: str) -> None:
        """In the worker thread: only `call_from_thread` touches the screen from here."""
        try:
            outcome: WrittenRequest | str = self.session.write_request(office)
        except Exception as error:  # a renderer bug must not take unsaved notes down with it
            outcome = _("export_failed", reason=error)
        app.call_from_thread(self.request_written, outcome)

    def request_written(self, outcome: WrittenRequest | str) -> None:
        if isinstance(outcome, str):
            self.report(outcome, True)
            self.say(outcome, error=True)
            return
        text = _("tui_due_request_written", office=one_line(outcome.office), path=outcome.path)
        self.report(text, False)
        self.say(text, error=False)

    def action_import_answer(self) -> None:
        def done(lines: list[str] | None) -> None:
            if lines is None:
                return
            self.changed()
            self.show_due()
            self.say("\n".join(lines[-1:]), error=False)

        self.app.push_screen(ImportPathScreen(self.session, self.report), done)

    def action_close(self) -> None:
        self.dismiss(None)


_COLUMNS = {"id": 8, "why": 18, "entry": 10, "reviewed": 10}
"""Width of each column of a measure's line; the columns' headings line up with them."""


def _cell(text: str, column: str) -> str:
    return f" {text:<{_COLUMNS[column]}}"


def _columns() -> str:
    """The headings above the list, in the columns of `measure_line`."""
    words = [(_(f"tui_due_column_{column}"), column) for column in _COLUMNS]
    return "".join(_cell(word, column) for word, column in words) + " " + _("tui_due_column_status")


def _rule(overview: DueOverview, lang: str) -> str:
    report = overview.report
    if report is not None:
        since = _("tui_due_since_report", id=report.id, date=format_date(report.report_date, lang))
    elif overview.start is not None:
        since = _("tui_due_since_start", date=format_date(overview.start, lang))
    else:
        since = _("due_rule_nothing")
    return f"{since}\n{_('tui_due_overdue_rule', days=overview.period_days)}"
