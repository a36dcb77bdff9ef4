"""The command palette (ctrl+p): every action of the main screen and "Gehe zu Maßnahme …"."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from monitor_tui.i18n import _
from monitor_tui.model import fold_for_search, matches
from monitor_tui.tui.browse import short_title
from monitor_tui.tui.keys import described_keys
from monitor_tui.tui.safe_text import one_line
from monitor_tui.tui.screens.main import MainScreen


class MonitorCommands(Provider):
    """Actions come from the main screen's bindings, so the palette and the keys never differ."""

    def _main_screen(self) -> MainScreen | None:
        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    def _actions(self) -> list[tuple[str, str, str]]:
        """(name, action, keys) of every main-screen binding, with the long wording of the help:
        the palette has room and no context."""
        screen = self._main_screen()
        if screen is None:
            return []
        return [
            (key.description, key.action, " / ".join(key.keys))
            for key in described_keys(self.app, [screen])
        ]

    def _go_to_entries(self) -> list[tuple[str, str, str]]:
        """(label, measure id, searchable query target) for every measure."""
        screen = self._main_screen()
        if screen is None:
            return []
        return [
            (_("tui_go_to_measure", id=m.id, title=one_line(short_title(m, 50))), m.id, m.id)
            for m in screen.catalogue.measures()
        ]

    async def discover(self) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        for name, action, key in self._actions():
            yield DiscoveryHit(Content(name), partial(screen.run_action, action), help=key)
        for label, measure_id, _target in self._go_to_entries():
            yield DiscoveryHit(Content(label), partial(screen.go_to_measure, measure_id))

    async def search(self, query: str) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for name, action, key in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(screen.run_action, action), help=key
                )
        words = _measure_words(query)
        for measure in screen.catalogue.measures():
            # Only the command typed ("Gehe zu"): every measure, in the catalogue's order.
            if words is None or measure.id.startswith(words) or matches(measure, words):
                label = _(
                    "tui_go_to_measure", id=measure.id, title=one_line(short_title(measure, 50))
                )
                score = 1.0 if measure.id == words else 0.5
                yield Hit(score, Content(label), partial(screen.go_to_measure, measure.id))


def _measure_words(query: str) -> str | None:
    """The query without the words of "Gehe zu Maßnahme" (so typing the command still finds);
    None when nothing but (the start of) the command was typed."""
    command = fold_for_search(_("tui_go_to_prefix"))
    folded = " ".join(fold_for_search(query).split())
    command_words = set(command.split())
    words = [w for w in folded.split() if w not in command_words]
    if not words or command.startswith(folded):
        return None
    return " ".join(words)
