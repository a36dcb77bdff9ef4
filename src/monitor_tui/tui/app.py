"""The Textual app: `monitor-tui` with no command opens it on the workspace."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.screen import Screen

from monitor_tui.i18n import _
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.palette import MonitorCommands
from monitor_tui.tui.safe_text import one_line
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.tui.screens.note_editor import NoteEditorScreen


class MonitorApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {MonitorCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+p",
            "command_palette",
            _("tui_key_palette_short"),
            key_display="^p",
            show=False,
            priority=True,
            tooltip=_("tui_key_palette"),
            id="monitor.palette",
        ),
        Binding(
            "ctrl+q", "quit", _("tui_key_quit"), show=False, priority=True, id="monitor.app_quit"
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True, id="monitor.ctrl_c"),
    ]

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__()
        self.session = session
        self.title = one_line(session.catalogue.title)
        if os.environ.get("SSH_CONNECTION"):  # every frame costs a round trip over SSH
            self.animation_level = "none"

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.session)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(placeholder=_("tui_palette_placeholder"), id="--command-palette")
            )

    def unsaved_note(self) -> bool:
        return any(
            isinstance(s, NoteEditorScreen) and s.has_unsaved_text for s in self.screen_stack
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
