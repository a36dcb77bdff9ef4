"""Text snapshots of the main screen (80×24, 120×40) and the help screen.

The screens are compared as plain text (what a user reads), which survives colour-theme
changes and shows a readable diff. After an intended change of the layout, run
`UPDATE_TUI_SNAPSHOTS=1 pytest tests/test_tui_snapshots.py` and review the diff of
tests/snapshots/ before committing it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import save_edit
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.tui_helpers import press, running_app, screen_text, settle

SNAPSHOTS = Path(__file__).parent / "snapshots"
Steps = Callable[[MainScreen, Pilot[None]], Awaitable[None]]


def _record(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    moment = datetime.fromisoformat("2026-11-20T10:15:00+01:00")
    save_edit(
        workspace, catalogue, "1.2.2", Edit(status="umgesetzt", priority="hoch"), "anna", now=moment
    )
    save_edit(
        workspace,
        catalogue,
        "1.2.2",
        Edit(note="**14.000** Flyer in 14 Sprachen verteilt."),
        "anna",
        now=moment,
    )


async def _open_elternbrief(screen: MainScreen, pilot: Pilot[None]) -> None:
    screen.go_to_measure("1.2.2")
    await settle(pilot)


async def _open_help(screen: MainScreen, pilot: Pilot[None]) -> None:
    await press(pilot, "question_mark")


def _screen(workspace: Workspace, size: tuple[int, int], steps: Steps) -> str:
    _record(workspace)
    text = ""

    async def scenario() -> None:
        nonlocal text
        async with running_app(workspace, size) as (app, screen, pilot):
            await steps(screen, pilot)
            text = screen_text(app)

    asyncio.run(scenario())
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


@pytest.mark.parametrize(
    ("name", "size", "steps"),
    [
        ("main-80x24", (80, 24), _open_elternbrief),
        ("main-120x40", (120, 40), _open_elternbrief),
        ("help-80x24", (80, 24), _open_help),
    ],
)
def test_screen_matches_snapshot(
    workspace: Workspace, name: str, size: tuple[int, int], steps: Steps
) -> None:
    actual = _screen(workspace, size, steps)
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_TUI_SNAPSHOTS"):
        path.write_text(actual, encoding="utf-8")
    # A missing snapshot fails: a silently created one would prove nothing.
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_TUI_SNAPSHOTS=1 and review it"
    assert actual == path.read_text(encoding="utf-8")
