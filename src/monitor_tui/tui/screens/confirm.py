"""A yes/no question: j (or y) confirms, n or Esc declines."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from monitor_tui.i18n import _


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,y", "answer(True)", _("tui_key_yes"), id="monitor.confirm.yes"),
        Binding("n,escape", "answer(False)", _("tui_key_no"), id="monitor.confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            yield Static(Content(_("tui_confirm_hint")), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
