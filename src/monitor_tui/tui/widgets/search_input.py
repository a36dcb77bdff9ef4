"""The search line of the main screen."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input


class SearchInput(Input):
    """An Input that reports changes and submits synchronously and hands keys on once it is
    hidden.

    Keys typed quickly (a paste, a slow SSH link delivering "/Elternbrief⏎s" in one packet)
    are queued at this widget before any binding has reacted to Enter (bindings run when the
    key comes back up to the app). So Enter is handled right here: `submit` hides the line and
    moves focus to the tree, and keys that still arrive are sent back through the app to the
    tree instead of vanishing into the hidden line.
    """

    def __init__(
        self,
        submit: Callable[[str], None],
        changed: Callable[[str], None],
        *,
        placeholder: str,
        id: str,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.submit = submit
        self.changed = changed

    def _watch_value(self, value: str) -> None:
        """`changed` at once, not after a Changed message: the tree's new lines are then
        drawn in the frame that shows the new letter (a message came a frame later)."""
        super()._watch_value(value)
        if self.display:
            self.changed(value)

    async def action_submit(self) -> None:
        self.submit(self.value)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.display:
            event.stop()
            event.prevent_default()
            self.submit(self.value)
            return
        if not self.display:
            event.stop()
            event.prevent_default()
            if self.app.focused is not self:  # were focus still here, it would come back
                self.app.post_message(events.Key(event.key, event.character))
            return
        await super()._on_key(event)
