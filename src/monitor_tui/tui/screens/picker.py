"""Choose one value from a list: arrow keys and Enter, or type the first letters."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from monitor_tui.i18n import _
from monitor_tui.model import Choice, fold_for_search

TYPE_AHEAD_SECONDS = 1.0
"""Letters typed within this time form one prefix ("in u" → "in Umsetzung")."""


@dataclass(frozen=True)
class PickerEntry:
    """One line of the picker: `key` is returned, `name` is what type-ahead matches."""

    key: str
    name: str
    label: Content

    @classmethod
    def of_choice(cls, choice: Choice, lang: str) -> PickerEntry:
        name = choice.label(lang)
        label = Content.assemble((f"{choice.symbol} ", f"bold {choice.color}"), name)
        return cls(choice.key, name, label)

    @classmethod
    def plain(cls, key: str, name: str) -> PickerEntry:
        return cls(key, name, Content(name))


class PickerScreen(ModalScreen[str | None]):
    """Returns the key of the chosen entry, or None when the user presses Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("tui_key_cancel"), id="monitor.picker.cancel")
    ]

    def __init__(self, title: str, entries: list[PickerEntry], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries
        self.current = current
        self._typed = ""
        self._typed_at = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield OptionList(*[Option(entry.label) for entry in self.entries], id="choices")
            yield Static(Content(_("tui_picker_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        keys = [entry.key for entry in self.entries]
        self.query_one(OptionList).highlighted = (
            keys.index(self.current) if self.current in keys else 0
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.entries[event.option_index].key)

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: jump to the first entry whose name starts with the letters typed."""
        character = event.character
        if character is None or not character.isprintable():
            return
        if character == " " and not self._typed:
            return
        now = time.monotonic()
        if now - self._typed_at > TYPE_AHEAD_SECONDS:
            self._typed = ""
        self._typed += character
        self._typed_at = now
        prefix = fold_for_search(self._typed)
        for index, entry in enumerate(self.entries):
            if fold_for_search(entry.name).startswith(prefix):
                self.query_one(OptionList).highlighted = index
                break
        event.stop()

    def action_cancel(self) -> None:
        self.dismiss(None)
