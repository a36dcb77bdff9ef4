"""Set a measure's "Nächster Schritt": what happens next, and by when (`N`)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from monitor_tui.dates import parse_date
from monitor_tui.i18n import _
from monitor_tui.tui.safe_text import one_line, visible

NextStep = tuple[str, date | None]
"""(text, date): an empty text clears the next step and its date."""


class NextStepScreen(ModalScreen[NextStep | None]):
    """Text and date of the next step; Enter saves, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: Enter in either field submits, also typed in one burst with the text.
        Binding(
            "enter", "submit", _("tui_key_next_step_save"), priority=True, id="monitor.step.ok"
        ),
        Binding("escape", "cancel", _("tui_key_cancel"), id="monitor.step.cancel"),
        Binding(
            "tab", "app.focus_next", _("tui_key_next_field"), priority=True, id="monitor.step.next"
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            _("tui_key_previous_field"),
            priority=True,
            id="monitor.step.previous",
        ),
    ]

    def __init__(self, measure_id: str, text: str, due: date | None) -> None:
        super().__init__()
        self.measure_id = measure_id
        self.text = text
        self.due = due

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog next-step-dialog"):
            yield Static(
                Content(_("tui_next_step_title", id=self.measure_id)), classes="dialog-title"
            )
            yield Static(Content(_("tui_next_step_text_label")), classes="freeze-label")
            yield Input(
                one_line(self.text),
                placeholder=_("tui_next_step_text_placeholder"),
                compact=True,
                id="step-text",
            )
            yield Static(Content(_("tui_next_step_date_label")), classes="freeze-label")
            yield Input(
                self.due.isoformat() if self.due else "",
                placeholder=_("tui_next_step_date_placeholder"),
                compact=True,
                id="step-date",
            )
            yield Static(Content(""), id="step-error", classes="error")
            yield Static(Content(_("tui_next_step_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#step-text", Input).focus()

    def action_submit(self) -> None:
        """Behind the keys typed just before Enter (as in the export dialog)."""
        focused = self.app.focused
        (focused if focused is not None and focused.screen is self else self).call_later(
            self.submit
        )

    def submit(self) -> None:
        text = self.query_one("#step-text", Input).value.strip()
        typed = self.query_one("#step-date", Input).value.strip()
        error = self.query_one("#step-error", Static)
        due: date | None = None
        if typed:
            try:
                due = parse_date(typed)
            except ValueError:
                error.update(Content(visible(_("tui_next_step_bad_date", value=typed))))
                self.query_one("#step-date", Input).focus()
                return
        if due is not None and not text:
            error.update(Content(_("tui_next_step_date_without_text")))
            self.query_one("#step-text", Input).focus()
            return
        self.dismiss((text, due))

    def action_cancel(self) -> None:
        self.dismiss(None)
