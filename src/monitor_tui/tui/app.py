"""The Textual app: `monitor-tui` with no command opens it on the workspace."""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Callable
from typing import ClassVar

from rich.console import Console
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider, SearchIcon
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.theme import Theme

from monitor_tui.i18n import _
from monitor_tui.problems import Problem
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.display import Display, configure, display, wants_ascii
from monitor_tui.tui.keys import key_label
from monitor_tui.tui.palette import MonitorCommands
from monitor_tui.tui.safe_text import one_line
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.screens.main import MainScreen

SIXTEEN_COLOURS = Theme(
    name="monitor-16",
    ansi=True,
    primary="ansi_cyan",
    secondary="ansi_cyan",
    warning="ansi_yellow",
    error="ansi_bright_red",
    success="ansi_green",
    accent="ansi_default",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        "ansi-background": "ansi_black",
        "ansi-foreground": "ansi_white",
        "border": "ansi_white",
        "border-blurred": "ansi_white",
        # The cursor: black on the terminal's light grey, bold; without colour (NO_COLOR)
        # Textual draws the tree's cursor reversed, and lists mark the line with ▸.
        "block-cursor-foreground": "ansi_black",
        "block-cursor-background": "ansi_white",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "ansi_default",
        "block-cursor-blurred-background": "ansi_default",
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": "ansi_default",
        "input-cursor-background": "ansi_default",
        "input-cursor-foreground": "ansi_default",
        "input-cursor-text-style": "reverse",
        "input-selection-background": "ansi_white",
        "input-selection-foreground": "ansi_black",
        "screen-selection-background": "ansi_white",
        "screen-selection-foreground": "ansi_black",
        "footer-key-foreground": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "footer-background": "ansi_default",
        "scrollbar": "ansi_white",
        "scrollbar-hover": "ansi_bright_white",
        "scrollbar-active": "ansi_bright_white",
        "scrollbar-background": "ansi_black",
        "scrollbar-background-hover": "ansi_black",
        "scrollbar-background-active": "ansi_black",
        "scrollbar-corner-color": "ansi_default",
        "text-muted": "ansi_default",
    },
)
"""For terminals with 16 colours (PuTTY's default, TERM=xterm): the terminal's own colours
(ANSI), foreground on background everywhere, structure by bold, underline and reverse."""


def terminal_colours() -> str | None:
    """The colour system the terminal offers (as Textual will detect it): "standard" for 16
    colours, "256", "truecolor", or None for none."""
    environ = dict(os.environ)
    environ.pop("NO_COLOR", None)  # no colour is asked for separately
    console = Console(
        color_system="auto", force_terminal=True, _environ=environ, file=io.StringIO()
    )
    return console.color_system


KEY_SCREEN = "_monitor_screen"
"""Attribute of a key event: the screen on top when the app handed the key on."""


class AsciiScrollBarRender(ScrollBarRender):
    """Scroll bars without the ▁▂▃ block elements the Linux console cannot draw."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class MonitorPalette(CommandPalette):
    """The command palette, with a search icon the terminal can draw (no 🔎 on a console)."""

    def on_mount(self) -> None:
        if display().ascii:
            self.query_one(SearchIcon).icon = ">"


class MonitorApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {MonitorCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+p",
            "command_palette",
            _("tui_key_palette_short"),
            show=False,
            priority=True,
            tooltip=_("tui_key_palette"),
            id="monitor.palette",
        ),
        Binding(
            "ctrl+q",
            "quit",
            _("tui_key_quit"),
            show=False,
            priority=True,
            tooltip=_("tui_key_quit"),
            id="monitor.app_quit",
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True, id="monitor.ctrl_c"),
    ]

    def __init__(self, session: WorkspaceSession, freeze_loaded: bool = False) -> None:
        """`freeze_loaded`: what the session loads after the first screen is left out of the
        cyclic collector's sight once loaded (see `tui.launch`; not in tests, which start many
        apps in one process)."""
        sixteen = terminal_colours() in (None, "standard", "windows")
        # Native ANSI colours in 16 colours: the terminal's own palette, and NO_COLOR then
        # removes colours instead of turning them into greys (black on black).
        super().__init__(ansi_color=sixteen)
        self.session = session
        self.freeze_loaded = freeze_loaded
        self.start_problems: list[Problem] = []
        """The catalogue's problems, when it could not be read after the first screen had been
        drawn from its record (the app then ends, and they are printed)."""
        self._held_keys: list[events.Key] | None = [] if session.pending else None
        """Keys pressed while the session loads what the first screen did not need (None:
        loaded): they are handed on afterwards, in order."""
        self.title = one_line(session.catalogue.title)
        configure(Display(ascii=wants_ascii(), sixteen=sixteen))
        if sixteen:
            self.register_theme(SIXTEEN_COLOURS)
            self.theme = SIXTEEN_COLOURS.name
        ScrollBar.renderer = AsciiScrollBarRender if display().ascii else ScrollBarRender
        if os.environ.get("SSH_CONNECTION"):  # every frame costs a round trip over SSH
            self.animation_level = "none"

    async def on_event(self, event: events.Event) -> None:
        """Note on each key which screen was on top when it was handed on (see `_on_key`).
        While the session loads the rest after the first screen, keys wait and the mouse is
        ignored: the first screen's data has no measures' texts to act on."""
        if self._held_keys is not None and isinstance(event, events.InputEvent):
            if isinstance(event, events.Key) and not event.is_forwarded:
                self._held_keys.append(event)
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            setattr(event, KEY_SCREEN, self.screen)
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key comes back here after the focused widget let it pass. Keys typed in one burst
        (one packet over SSH: "su" for "status: in Umsetzung") were all handed to the screen
        that was on top then, before the first one's binding opened a dialog: such a key is
        sent again, in its order, so that it reaches the dialog instead of being lost or
        acting on the screen below."""
        if getattr(event, KEY_SCREEN, self.screen) is not self.screen:
            event.prevent_default()
            self.post_message(events.Key(event.key, event.character))

    def on_mount(self) -> None:
        self.set_class(display().ascii, "ascii")
        self.set_class(display().sixteen, "sixteen")

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.session, self.started)

    def started(self, problems: list[Problem]) -> None:
        """The session has loaded everything after the first screen: the keys pressed
        meanwhile are handed on, after those that came in while it loaded (they are queued
        still, and are held too when their turn comes); or the catalogue cannot be read any
        more, and the app ends with its problems."""
        if problems:
            self.start_problems = problems
            self.exit(return_code=1)
            return
        if self.freeze_loaded:
            gc.freeze()
        self.call_later(self._release_held_keys)

    def _release_held_keys(self) -> None:
        held, self._held_keys = self._held_keys or [], None
        for key in held:
            self.post_message(events.Key(key.key, key.character))

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the user's language everywhere (footer, help, palette): "Strg+P", "Eingabe"."""
        return key_label(binding.key)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                MonitorPalette(placeholder=_("tui_palette_placeholder"), id="--command-palette")
            )

    def unsaved_note(self) -> bool:
        editor = sys.modules.get("monitor_tui.tui.screens.note_editor")
        if editor is None:  # imported when the first editor opens: none was opened yet
            return False
        return any(
            isinstance(s, editor.NoteEditorScreen) and s.has_unsaved_text for s in self.screen_stack
        )

    async def action_quit(self) -> None:
        """Quit, but ask first when a note that is being written would be lost."""
        if not self.unsaved_note():
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmScreen(_("tui_quit_unsaved_question")), answered)

    def action_help_quit(self) -> None:
        self.notify(_("tui_ctrl_c_hint"))
