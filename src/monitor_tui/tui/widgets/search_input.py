"""The search line of the main screen."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class HandedOnKey(events.Key):
    """A key the hidden search line passed back to the app (it is never passed on twice)."""


class SearchInput(Input):
    """An Input that hands keys on once it is hidden.

    Keys typed quickly (a paste, a slow SSH link delivering a burst) can reach the input after
    Enter hid it but before focus moved to the tree; they are meant for the tree, so they are
    sent back through the app instead of vanishing into the hidden line.
    """

    async def _on_key(self, event: events.Key) -> None:
        if not self.display:
            event.stop()
            event.prevent_default()
            if not isinstance(event, HandedOnKey):  # if focus is still here, drop it: no loop
                self.app.post_message(HandedOnKey(event.key, event.character))
            return
        await super()._on_key(event)
