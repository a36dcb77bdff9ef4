"""Reading an office's filled-in request form back (`i`): ask for the file, always show per
measure what would change, and save only when the user confirms. Through the WorkspaceSession."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from monitor_tui.i18n import _
from monitor_tui.requests.answers import ImportPlan, plan_lines
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.safe_text import visible

Report = Callable[[str, bool], None]


class ImportPathScreen(ModalScreen[list[str] | None]):
    """The path of the filled-in form; dismisses with what the import did (None: nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", _("tui_key_import_read"), priority=True, id="monitor.import.ok"),
        Binding("escape", "cancel", _("tui_key_cancel"), id="monitor.import.cancel"),
    ]

    def __init__(self, session: WorkspaceSession, report: Report) -> None:
        super().__init__()
        self.session = session
        self.report = report

    def compose(self) -> ComposeResult:
        folder = self.session.requests_root()
        with Vertical(classes="dialog import-dialog"):
            yield Static(Content(_("tui_import_title")), classes="dialog-title")
            yield Static(Content(_("tui_import_path_label")), classes="freeze-label")
            # the folder the requests are written to, ready for the file name to be typed
            yield Input(f"{folder}/", compact=True, select_on_focus=False, id="import-path")
            yield Static(Content(""), id="import-error", classes="error")
            yield Static(Content(_("tui_import_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        path = self.query_one(Input)
        path.focus()
        path.cursor_position = len(path.value)

    def action_submit(self) -> None:
        """Behind the keys typed just before Enter."""
        self.query_one(Input).call_later(self.submit)

    def submit(self) -> None:
        typed = self.query_one(Input).value.strip()
        error = self.query_one("#import-error", Static)
        if not typed:
            error.update(Content(_("tui_import_no_path")))
            return
        plan = self.session.plan_import(Path(typed).expanduser())
        if isinstance(plan, str):
            error.update(Content(visible(plan)))
            return
        error.update(Content(""))

        def closed(lines: list[str] | None) -> None:
            if lines is not None:
                self.dismiss(lines)

        self.app.push_screen(ImportPreviewScreen(self.session, plan, self.report), closed)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPreviewScreen(ModalScreen[list[str] | None]):
    """What the import would change; ctrl+s (or Enter) saves it, Esc leaves everything as it
    is. After saving it shows what was done; Esc then closes with those lines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,enter", "apply", _("tui_key_import_apply"), id="monitor.preview.apply"),
        Binding("escape,q", "close", _("tui_key_close"), id="monitor.preview.close"),
        Binding(
            "down,j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.preview.down"
        ),
        Binding("up,k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.preview.up"),
    ]

    def __init__(self, session: WorkspaceSession, plan: ImportPlan, report: Report) -> None:
        super().__init__()
        self.session = session
        self.plan = plan
        self.report = report
        self.result: list[str] | None = None

    def compose(self) -> ComposeResult:
        lines = plan_lines(self.plan, self.session.catalogue, self.session.directory)
        with Vertical(classes="dialog diff-dialog"):
            yield Static(Content(_("tui_import_preview_title")), classes="dialog-title")
            with VerticalScroll(id="preview-lines"):
                yield Static(Content(visible("\n".join(lines))), id="preview-text")
            yield Static(Content(self.hint()), id="preview-hint", classes="dialog-hint")

    def hint(self) -> str:
        if self.result is not None:
            return _("tui_import_done_hint")
        if not self.plan.to_apply():
            return _("tui_import_nothing_hint")
        return _("tui_import_preview_hint", count=len(self.plan.to_apply()))

    def action_apply(self) -> None:
        if self.result is not None or not self.plan.to_apply():
            return
        self.result = self.session.apply_import(self.plan)
        self.query_one("#preview-text", Static).update(Content(visible("\n".join(self.result))))
        self.query_one("#preview-hint", Static).update(Content(self.hint()))
        self.report(self.result[-1] if self.result else "", False)

    def action_scroll_down(self) -> None:
        self.query_one("#preview-lines", VerticalScroll).scroll_down(animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self.query_one("#preview-lines", VerticalScroll).scroll_up(animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(self.result)
