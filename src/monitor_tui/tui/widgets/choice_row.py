"""Choose one of a few values on one line: ← → (or h l) move the choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from monitor_tui.i18n import _


class ChoiceRow(Widget, can_focus=True):
    """`● PDF  ○ DOCX  ○ HTML …`: the chosen value has its own symbol and is bold, so the
    choice reads without colour (monochrome terminals, tmux captures)."""

    DEFAULT_CSS = """
    ChoiceRow {
        height: auto;
        width: 1fr;
    }
    ChoiceRow:focus {
        background: $boost;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right,l,down",
            "move(1)",
            _("tui_key_choice_next"),
            show=False,
            id="monitor.choice.next",
        ),
        Binding(
            "left,h,up",
            "move(-1)",
            _("tui_key_choice_previous"),
            show=False,
            id="monitor.choice.previous",
        ),
        Binding("home", "first", _("tui_key_choice_first"), show=False, id="monitor.choice.first"),
        Binding("end", "last", _("tui_key_choice_last"), show=False, id="monitor.choice.last"),
    ]

    index: reactive[int] = reactive(0)

    def __init__(self, choices: Sequence[tuple[str, str]], *, id: str | None = None) -> None:
        """`choices`: (key, label) pairs; the first is chosen at the start."""
        super().__init__(id=id)
        self.choices = list(choices)

    @property
    def value(self) -> str:
        return self.choices[self.index][0]

    @value.setter
    def value(self, key: str) -> None:
        self.index = [k for k, _label in self.choices].index(key)

    def action_move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.choices)

    def action_first(self) -> None:
        self.index = 0

    def action_last(self) -> None:
        self.index = len(self.choices) - 1

    def render(self) -> Content:
        parts: list[Content] = []
        for number, (_key, label) in enumerate(self.choices):
            chosen = number == self.index
            text = Content(f"{'●' if chosen else '○'} {label}")
            parts.append(text.stylize("bold underline") if chosen else text)
        return Content("  ").join(parts)
