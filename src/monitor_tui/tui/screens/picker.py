"""Choose from a list: arrow keys and Enter, the letter shown beside an entry, or (in lists
without letters) the first letters typed. `ChecklistScreen` chooses several."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

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
from monitor_tui.tui.display import display

TYPE_AHEAD_SECONDS = 1.0
"""Letters typed within this time form one prefix ("in u" → "in Umsetzung")."""

Result = TypeVar("Result")


@dataclass(frozen=True)
class PickerEntry:
    """One line of a picker: `key` is returned, `name` is what type-ahead matches, `hotkey`
    the letter that picks it (shown beside it)."""

    key: str
    name: str
    label: Content
    hotkey: str = ""

    @classmethod
    def of_choice(cls, choice: Choice, lang: str) -> PickerEntry:
        name = choice.label(lang)
        shown = display()
        style = f"bold {shown.content_colour(choice.color)}"
        label = Content.assemble((f"{shown.mark(choice)} ", style), name)
        return cls(choice.key, name, label, choice.hotkey)

    @classmethod
    def plain(cls, key: str, name: str, hotkey: str = "") -> PickerEntry:
        return cls(key, name, Content(name), hotkey)

    def line(
        self, with_hotkeys: bool, checked: bool | None = None, highlighted: bool = False
    ) -> Content:
        """The entry as listed: "u  U in Umsetzung", with "[x]" before it in a checklist and
        a marker before the highlighted one (so that it shows without colour)."""
        marker = display().focus if highlighted else " "
        parts: list[Content | str | tuple[str, str]] = [(f"{marker} ", "bold")]
        if checked is not None:
            parts.append(("[x] " if checked else "[ ] ", "bold"))
        if with_hotkeys:
            parts.append((f"{self.hotkey} " if self.hotkey else "  ", "bold underline"))
            parts.append(" ")
        # The highlight's background takes the place of the marks' colours, which would not
        # read on it (yellow on light grey in 16 colours).
        parts.append(Content(self.label.plain) if highlighted else self.label)
        return Content.assemble(*parts)


class _ListScreen(ModalScreen[Result], Generic[Result]):
    """A dialog with a title, an optional description, the list and a hint."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _("tui_key_cancel"), id="monitor.picker.cancel")
    ]

    def __init__(
        self,
        title: str,
        entries: list[PickerEntry],
        current: str | None = None,
        description: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries
        self.current = current
        self.description = description
        self.with_hotkeys = any(entry.hotkey for entry in entries)
        self._typed = ""
        self._typed_at = 0.0
        self._marked = -1

    def option_line(self, index: int, highlighted: bool = False) -> Content:
        return self.entries[index].line(self.with_hotkeys, highlighted=highlighted)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the marker with the highlight."""
        options = event.option_list
        for index in (self._marked, event.option_index):
            if 0 <= index < len(self.entries):
                line = self.option_line(index, index == event.option_index)
                options.replace_option_prompt_at_index(index, line)
        self._marked = event.option_index

    def hint(self) -> str:
        return _("tui_picker_hint_hotkeys" if self.with_hotkeys else "tui_picker_hint")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            if self.description:
                yield Static(Content(self.description), classes="dialog-description")
            lines = [self.option_line(i) for i in range(len(self.entries))]
            yield OptionList(*[Option(line) for line in lines], id="choices")
            yield Static(Content(self.hint()), classes="dialog-hint")

    def on_mount(self) -> None:
        keys = [entry.key for entry in self.entries]
        self.query_one(OptionList).highlighted = (
            keys.index(self.current) if self.current in keys else 0
        )

    def entry_for_hotkey(self, character: str) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry.hotkey == character), None)

    def on_key(self, event: events.Key) -> None:
        """The letter shown beside an entry picks it; without letters, type-ahead jumps to the
        first entry whose name starts with the letters typed."""
        if self.app.screen is not self:  # dismissed already: later keys are not for this list
            return
        character = event.character
        if character is None or not character.isprintable():
            return
        if self.with_hotkeys:
            index = self.entry_for_hotkey(character.lower())
            if index is not None:
                event.stop()
                self.query_one(OptionList).highlighted = index
                self.hotkey_pressed(index)
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

    def hotkey_pressed(self, index: int) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerScreen(_ListScreen[str | None]):
    """Returns the key of the chosen entry, or None when the user presses Esc."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.entries[event.option_index].key)

    def hotkey_pressed(self, index: int) -> None:
        self.dismiss(self.entries[index].key)


class ChecklistScreen(_ListScreen[frozenset[str] | None]):
    """Several values: Space (or the letter shown) ticks and unticks, Enter applies the ticked
    ones, Esc leaves everything as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", _("tui_key_checklist_toggle"), id="monitor.checklist.toggle"),
    ]

    def __init__(
        self,
        title: str,
        entries: list[PickerEntry],
        checked: Iterable[str] = (),
        description: str = "",
    ) -> None:
        self.checked = set(checked)
        first = next((e.key for e in entries if e.key in self.checked), None)
        super().__init__(title, entries, first, description)

    def option_line(self, index: int, highlighted: bool = False) -> Content:
        entry = self.entries[index]
        return entry.line(self.with_hotkeys, entry.key in self.checked, highlighted)

    def hint(self) -> str:
        return _("tui_checklist_hint")

    def toggle(self, index: int) -> None:
        key = self.entries[index].key
        self.checked ^= {key}
        options = self.query_one(OptionList)
        line = self.option_line(index, highlighted=index == options.highlighted)
        options.replace_option_prompt_at_index(index, line)

    def action_tick(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.toggle(index)

    def on_key(self, event: events.Key) -> None:
        """Space ticks here, before a burst's Enter reads the ticks; other keys go on to the
        letters of `_ListScreen.on_key` (Textual calls each class's handler in turn)."""
        if event.key == "space":
            event.stop()
            event.prevent_default()
            self.action_tick()

    def hotkey_pressed(self, index: int) -> None:
        self.toggle(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter applies the ticked values (none ticked: the dimension no longer restricts)."""
        event.stop()
        self.dismiss(frozenset(self.checked))
