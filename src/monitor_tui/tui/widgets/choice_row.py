"""Choose one of a few values on one line: ← → (or h l) move the choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from monitor_tui.i18n import _
from monitor_tui.tui.display import display


class ChoiceRow(Widget, can_focus=True):
    """`● PDF  ○ DOCX  ○ HTML …`: the chosen value has its own symbol and is bold, so the
    choice reads without colour (monochrome terminals, tmux captures); a focused row starts
    with a marker."""

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
    _MOVES: ClassVar[dict[str, str]] = {
        "right": "next",
        "l": "next",
        "down": "next",
        "left": "previous",
        "h": "previous",
        "up": "previous",
        "home": "first",
        "end": "last",
    }

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

    async def _on_key(self, event: events.Key) -> None:
        """The keys act here, at once, not as bindings once the key came back up to the app:
        in a burst ("←←⏎" in one packet over SSH) the choice must move before Enter reads it."""
        move = self._MOVES.get(event.key)
        if move is None:
            return
        event.stop()
        event.prevent_default()
        if move == "next":
            self.action_move(1)
        elif move == "previous":
            self.action_move(-1)
        elif move == "first":
            self.action_first()
        else:
            self.action_last()

    def action_move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.choices)

    def action_first(self) -> None:
        self.index = 0

    def action_last(self) -> None:
        self.index = len(self.choices) - 1

    def render(self) -> Content:
        shown = display()
        parts: list[Content] = [Content(f"{shown.focus} " if self.has_focus else "  ")]
        for number, (_key, label) in enumerate(self.choices):
            chosen = number == self.index
            text = Content(f"{shown.chosen if chosen else shown.not_chosen} {label}")
            parts.append(text.stylize("bold underline") if chosen else text)
            parts.append(Content("  "))
        return Content("").join(parts[:-1])

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
