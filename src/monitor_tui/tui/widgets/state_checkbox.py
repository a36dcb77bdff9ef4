"""A checkbox whose state reads as a word and a symbol, not only as a colour."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox

from monitor_tui.i18n import _
from monitor_tui.tui.display import display


class StateCheckbox(Checkbox):
    """Shows "intern: ja" / "intern: nein" and `▐X▌` / `▐ ▌` (`[X]` / `[ ]` on a console).

    Textual's Checkbox draws `▐X▌` both on and off and tells them apart by colour alone, which
    vanishes in 16 colours, on a monochrome terminal and in a tmux capture.
    """

    def __init__(
        self, label: str, value: bool = False, *, id: str | None = None, compact: bool = False
    ) -> None:
        self.base_label = label
        super().__init__(self.label_for(value), value, id=id, compact=compact)
        self.BUTTON_INNER = self.symbol_for(value)
        if display().ascii:
            self.BUTTON_LEFT, self.BUTTON_RIGHT = "[", "]"

    def label_for(self, value: bool) -> str:
        state = _("tui_toggle_on" if value else "tui_toggle_off")
        return _("tui_toggle_state", label=self.base_label, state=state)

    @staticmethod
    def symbol_for(value: bool) -> str:
        return "X" if value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.symbol_for(self.value)
        self.label = self.label_for(self.value)
        super().watch_value()

    async def _on_key(self, event: events.Key) -> None:
        """Space toggles here, at once: in a burst ("Tab Space ⏎") the box must be ticked
        before Enter reads it (a binding would only run once the key came back to the app)."""
        if event.key == "space" and not self.disabled:
            event.stop()
            event.prevent_default()
            self.toggle()
