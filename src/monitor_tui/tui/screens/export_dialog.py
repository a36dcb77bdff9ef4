"""The `x` dialog: format, Berichtsstand, filter or not; the export runs in a thread worker."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Static
from textual.worker import WorkerState

from monitor_tui.dates import format_date
from monitor_tui.export import (
    CompareError,
    ExportOptions,
    ExportRefused,
    ExportTargetError,
    ReportDateError,
    export_files,
    files_to_confirm,
    formats_of,
    planned_paths,
)
from monitor_tui.i18n import _, get_language
from monitor_tui.problems import Problem
from monitor_tui.report.build import ReportOptions
from monitor_tui.selection import SelectionError
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.exporting import (
    FORMAT_CHOICES,
    FORMAT_NAMES,
    FilterTransfer,
    parse_notes,
    parse_report_date,
    parse_since,
    progress_bar,
)
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.widgets.choice_row import ChoiceRow
from monitor_tui.tui.widgets.state_checkbox import StateCheckbox

Report = Callable[[str, bool], None]
"""Puts a message on the main screen's status line: (text, is_error)."""
EXPORT_GROUP = "export"
TICK_SECONDS = 0.5
ALL_FIELDS = ""


class ExportScreen(ModalScreen[None]):
    """Tab moves between the fields, Enter starts the export from any field, Esc closes.

    The worker belongs to the app, not to this dialog: closing the dialog while the export runs
    lets it finish, and the status line still says where the files went.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: Enter starts the export even in the date field and on the checkbox.
        Binding(
            "enter",
            "start",
            _("tui_key_export_start"),
            priority=True,
            id="monitor.export.start",
        ),
        Binding("escape", "close", _("tui_key_close"), id="monitor.export.close"),
        # Priority: the focus moves before the keys typed right after Tab are handed on, so a
        # burst ("Tab Space" in one packet over SSH) toggles the checkbox instead of typing a
        # space into the date field.
        Binding(
            "tab",
            "app.focus_next",
            _("tui_key_next_field"),
            priority=True,
            id="monitor.export.next",
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            _("tui_key_previous_field"),
            priority=True,
            id="monitor.export.previous",
        ),
    ]

    def __init__(self, session: WorkspaceSession, transfer: FilterTransfer, report: Report) -> None:
        super().__init__()
        self.session = session
        self.workspace = session.workspace
        self.default_date = session.today()
        self.transfer = transfer
        self.report = report
        self.started_at = 0.0
        self.progress_text = ""
        self.ticker: Timer | None = None
        self.date_refused = False
        self.warnings: list[str] = []

    def compose(self) -> ComposeResult:
        formats = [
            (key, FORMAT_NAMES.get(key) or _("tui_export_format_all")) for key in FORMAT_CHOICES
        ]
        fields = [(ALL_FIELDS, _("tui_export_field_all"))]
        fields += [(f.id, f.id) for f in self.session.catalogue.fields]
        lang = get_language()
        with Vertical(classes="dialog export-dialog"):
            yield Static(Content(_("tui_export_title")), classes="dialog-title")
            with Horizontal(classes="export-row"):
                yield Static(Content(_("tui_export_format_label")), classes="export-label")
                yield ChoiceRow(formats, id="export-format")
            with Horizontal(classes="export-row"):
                yield Static(Content(_("tui_export_date_label")), classes="export-label")
                date_text = format_date(self.default_date, lang)
                yield Input(date_text, compact=True, id="export-date")
                yield Static(Content(_("tui_export_date_hint")), classes="export-date-hint")
            yield Static(Content(""), id="export-compare")
            with Horizontal(classes="export-row"):
                yield Static(Content(_("tui_export_field_label")), classes="export-label")
                yield ChoiceRow(fields, id="export-field")
                yield Static(Content(""), id="export-field-name")
            with Horizontal(classes="export-row"):
                yield Static(Content(_("tui_export_notes_label")), classes="export-label")
                yield Input("", compact=True, id="export-notes")
                yield Static(Content(_("tui_export_notes_or_since")), classes="export-between")
                yield Input("", compact=True, id="export-since", placeholder=_("tui_date_hint"))
            yield StateCheckbox(_("tui_export_summary_toggle"), compact=True, id="export-summary")
            yield StateCheckbox(_("tui_export_filter_toggle"), compact=True, id="export-filter")
            yield Static(Content(""), id="export-filter-text")
            yield Static(Content(""), id="export-target")
            yield Static(Content(""), id="export-progress")
            yield Static(Content(""), id="export-result")
            yield Static(Content(_("tui_export_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#export-filter", Checkbox).disabled = not self.transfer.any_active()
        if self.transfer.field:
            self.query_one("#export-field", ChoiceRow).value = self.transfer.field
        self.describe_filter()
        self.describe_comparison(self.default_date)
        self.describe_field()
        self.describe_target()
        for row in self.query(ChoiceRow):
            self.watch(row, "index", self.options_changed, init=False)
        self.query_one("#export-format", ChoiceRow).focus()
        if self.export_running():
            self.show_result(_("tui_export_already_running"), error=False)

    def options_changed(self, _index: int = 0) -> None:
        """Another format, field, date …: name the new file, and drop what the last run said
        (its "fertig" and its files belong to other options)."""
        self.describe_field()
        self.describe_target()
        if not self.export_running() and self.started_at:
            self.started_at = 0.0
            self.stop_progress("")
            self.show_result("", error=False)

    # --- the fields ------------------------------------------------------------------------

    @property
    def apply_filter(self) -> bool:
        box = self.query_one("#export-filter", Checkbox)
        return box.value and not box.disabled

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.describe_filter()
        self.options_changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Once the date field holds a valid date, the complaint about it is wrong: drop it."""
        self.options_changed()
        if event.input.id != "export-date":
            return
        try:
            day = parse_report_date(event.value)
        except ValueError:
            return
        self.describe_comparison(day)
        if self.date_refused:
            self.show_result("", error=False)

    def describe_comparison(self, day: date) -> None:
        """Which frozen report the export compares with (the last one before the date)."""
        report = self.session.compare_report_for(day)
        if report is None:
            text = _("tui_export_compare_none")
        else:
            when = format_date(report.report_date, get_language())
            text = _("tui_export_compare_with", id=one_line(report.id), date=when)
        self.query_one("#export-compare", Static).update(Content(visible(text)))

    def describe_filter(self) -> None:
        """Say in words what the report will hold, so nobody prints an excerpt by mistake."""
        transfer = self.transfer
        if not transfer.any_active():
            text = _("tui_export_no_filter")
        elif not self.apply_filter:
            text = _("tui_export_filter_whole")
        else:
            lines = [
                _("tui_export_filter_applies", parts=" · ".join(transfer.applied))
                if transfer.applied
                else _("tui_export_filter_nothing_applicable")
            ]
            if transfer.ignored:
                lines.append(_("tui_export_filter_ignored", parts=" · ".join(transfer.ignored)))
            text = "\n".join(lines)
        self.query_one("#export-filter-text", Static).update(Content(visible(text)))

    def describe_target(self, _index: int = 0) -> None:
        """Name the file(s) before anything is written: a filtered report has its own name."""
        try:
            options = self.field_options(self.query_one("#export-date", Input).value)
            paths = planned_paths(
                self.workspace, self.session.catalogue, options, self.default_date
            )
        except (ValueError, SelectionError):  # a date being typed; the start says what is wrong
            return
        shown = [str(self.short_path(path)) for path in paths]
        if len(shown) == 1:
            text = _("tui_export_target", path=shown[0])
        else:
            stem = shown[0].rsplit(".", 1)[0]
            extensions = ", ".join("." + name.rsplit(".", 1)[1] for name in shown)
            text = _("tui_export_targets", path=stem, extensions=extensions)
        self.query_one("#export-target", Static).update(Content(visible(text)))

    def options(self) -> ExportOptions | None:
        """The options the fields describe, or None after showing why the date is refused."""
        date_input = self.query_one("#export-date", Input)
        try:
            options = self.field_options(date_input.value)
            report_date = options.report.report_date or self.session.today()
            if report_date > self.session.today():
                lang = get_language()
                raise ValueError(
                    _(
                        "reports_date_future",
                        date=format_date(report_date, lang),
                        today=format_date(self.session.today(), lang),
                    )
                )
        except ValueError as error:
            self.show_result(str(error), error=True)
            self.date_refused = True
            self.bad_field().focus()
            return None
        # Said beside the files written: the report itself marks these measures too.
        self.warnings = self.session.hand_edit_warnings(report_date)
        return options

    def bad_field(self) -> Input:
        """The first field whose text is refused (the date when it lies in the future)."""
        checks = (("#export-notes", parse_notes), ("#export-since", parse_since))
        for selector, parse in checks:
            field = self.query_one(selector, Input)
            try:
                parse(field.value)
            except ValueError:
                return field
        return self.query_one("#export-date", Input)

    def describe_field(self) -> None:
        """The chosen Handlungsfeld's title beside the numbers."""
        chosen = self.query_one("#export-field", ChoiceRow).value
        field = self.session.catalogue.field(chosen) if chosen else None
        text = one_line(field.title) if field else _("tui_export_field_whole")
        self.query_one("#export-field-name", Static).update(Content(text))

    def field_options(self, date_text: str) -> ExportOptions:
        """The options the fields hold; raises ValueError for a date or number that is none."""
        report_date = parse_report_date(date_text)
        apply = self.apply_filter
        field = self.query_one("#export-field", ChoiceRow).value or None
        report = ReportOptions(
            report_date=report_date,
            with_summary=self.query_one("#export-summary", Checkbox).value,
            field=field,
            office=self.transfer.office if apply else None,
            status=self.transfer.status if apply else None,
            since=parse_since(self.query_one("#export-since", Input).value),
            notes=parse_notes(self.query_one("#export-notes", Input).value),
        )
        formats = formats_of(self.query_one("#export-format", ChoiceRow).value)
        return ExportOptions(formats=formats, report=report)

    # --- running ---------------------------------------------------------------------------

    def export_running(self) -> bool:
        return any(
            worker.group == EXPORT_GROUP
            and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.app.workers
        )

    def action_start(self) -> None:
        """Enter is a priority key: the app runs it before the focused field has handled the
        keys typed just before it ("31.03.2026⏎" in one packet over SSH). Start behind them, so
        the export reads the date as typed."""
        focused = self.app.focused
        (focused if focused is not None and focused.screen is self else self).call_later(
            self.start_export
        )

    def start_export(self) -> None:
        if self.export_running():
            self.show_result(_("tui_export_already_running"), error=True)
            return
        options = self.options()
        if options is None:
            return
        try:
            foreign = files_to_confirm(
                self.workspace, self.session.catalogue, options, self.default_date
            )
        except (ExportTargetError, SelectionError) as error:
            self.show_result(str(error), error=True)
            return
        if foreign:  # never replace a file that is no earlier export without asking
            self.confirm_replacing(foreign, options)
            return
        self.launch(options)

    def confirm_replacing(self, foreign: list[Path], options: ExportOptions) -> None:
        names = ", ".join(str(self.short_path(path)) for path in foreign)

        def answered(yes: bool | None) -> None:
            if yes:
                self.launch(replace(options, force=True))
            else:
                self.show_result(_("tui_export_not_replaced", path=names), error=False)

        self.app.push_screen(ConfirmScreen(visible(_("tui_export_replace", path=names))), answered)

    def launch(self, options: ExportOptions) -> None:
        """Start the worker that writes the files."""
        self.show_result("", error=False)
        self.started_at = time.monotonic()
        self.progress_text = ""
        self.show_progress()
        self.ticker = self.set_interval(TICK_SECONDS, self.show_progress)
        self.report(_("tui_export_running"), False)
        app = self.app
        app.run_worker(
            partial(self.run_export, app, options),
            name="export",
            group=EXPORT_GROUP,
            thread=True,
            exit_on_error=False,
        )

    def run_export(self, app: App[object], options: ExportOptions) -> None:
        """In the worker thread: only `call_from_thread` touches the screen from here."""

        def progress(format_name: str, number: int, count: int) -> None:
            app.call_from_thread(self.step, format_name, number, count)

        try:
            paths = export_files(self.workspace, self.session.catalogue, options, progress=progress)
        except ExportRefused as refused:
            app.call_from_thread(self.refused, refused.problems)
        except (SelectionError, ReportDateError, CompareError) as error:
            app.call_from_thread(self.failed, str(error))
        except ExportTargetError as error:
            app.call_from_thread(self.failed, _("tui_export_failed", reason=error))
        except OSError as error:
            reason = error.strerror or str(error)
            if error.filename:
                reason = f"{error.filename}: {reason}"
            app.call_from_thread(self.failed, _("tui_export_failed", reason=reason))
        except Exception as error:  # a renderer bug must not take unsaved notes down with it
            app.call_from_thread(self.failed, _("tui_export_failed", reason=error))
        else:
            app.call_from_thread(self.finished, paths)

    def step(self, format_name: str, number: int, count: int) -> None:
        self.progress_text = _(
            "tui_export_progress",
            bar=progress_bar(number - 1, count),
            number=number,
            count=count,
            format=FORMAT_NAMES.get(format_name, format_name),
            seconds="{seconds}",
        )
        self.show_progress()

    def show_progress(self) -> None:
        if not self.is_attached:
            return
        seconds = f"{time.monotonic() - self.started_at:.0f}"
        template = self.progress_text or _("tui_export_preparing", seconds="{seconds}")
        self.query_one("#export-progress", Static).update(Content(template.format(seconds=seconds)))

    def stop_progress(self, text: str) -> None:
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None
        if self.is_attached:
            self.query_one("#export-progress", Static).update(Content(text))

    def finished(self, paths: list[Path]) -> None:
        self.stop_progress(_("tui_export_finished", bar=progress_bar(1, 1)))
        written = [str(path.absolute()) for path in paths]  # the workspace may be "."
        lines = [_("tui_export_done"), *written, *self.warnings]
        self.show_result("\n".join(lines), error=False)
        if len(paths) == 1:
            self.report(_("tui_export_written", path=self.short_path(paths[0])), False)
        else:
            folder = paths[0].parent if paths else self.workspace.exports_dir
            self.report(
                _("tui_export_written_many", count=len(paths), folder=self.short_path(folder)),
                False,
            )

    def short_path(self, path: Path) -> Path:
        """Relative to the workspace when inside it: the status line has one row."""
        try:
            return path.absolute().relative_to(self.workspace.root.absolute())
        except ValueError:
            return path.absolute()

    def refused(self, problems: list[Problem]) -> None:
        self.stop_progress("")
        lines = [_("tui_export_refused", count=len(problems)), *(str(p) for p in problems)]
        self.show_result("\n".join(lines), error=True)
        first = problems[0] if problems else None
        shown = Problem(self.short_path(first.path), first.line, first.message) if first else ""
        self.report(_("tui_export_refused_short", problem=shown), True)

    def failed(self, message: str) -> None:
        self.stop_progress("")
        self.show_result(message, error=True)
        self.report(message, True)

    def show_result(self, text: str, error: bool) -> None:
        if not self.is_attached:
            return
        self.date_refused = False
        result = self.query_one("#export-result", Static)
        result.update(Content(visible(text)))
        result.set_class(error, "error")

    def action_close(self) -> None:
        self.dismiss(None)
