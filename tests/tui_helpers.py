"""Helpers for the terminal-app tests: start the app on a workspace, read the screen as text."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)


def make_app(workspace: Workspace, today: date = TODAY) -> MonitorApp:
    return MonitorApp(WorkspaceSession.open(workspace, today))


def screen_text(app: App[object]) -> str:
    """What a user would read: the composed screen (with dialogs) as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=False)


def main_screen(app: App[object]) -> MainScreen:
    screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
    return screen


async def settle(pilot: Pilot[object]) -> None:
    """Let workers (detail pane) and refreshes finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
