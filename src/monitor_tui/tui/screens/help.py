"""Every key of the main screen, in the user's language, built from the live bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from monitor_tui.i18n import _

HelpRow = tuple[str, str]
"""(keys as displayed, what they do)."""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", _("tui_key_close"), id="monitor.help.close"),
        Binding(
            "down,j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.help.down"
        ),
        Binding("up,k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.help.up"),
    ]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _text in self.rows), default=0) + 2
        lines = [
            Content.assemble((keys.ljust(width), "bold"), description)
            for keys, description in self.rows
        ]
        with Vertical(classes="dialog help-dialog"):
            yield Static(Content(_("tui_help_title")), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(Content("\n").join(lines), id="help-text")
            yield Static(Content(_("tui_help_hint")), classes="dialog-hint")

    def action_scroll_down(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
