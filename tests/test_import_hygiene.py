"""The domain, storage and export layers never load Textual (as harlequin checks its core); the
app's first screen loads no export, report or dialog code."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import monitor_tui
from monitor_tui import cachefile
from monitor_tui.catalogue import load_catalogue
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import save_edit
from monitor_tui.workspace import Workspace

HEADLESS = [
    name
    for info in pkgutil.walk_packages(monitor_tui.__path__, "monitor_tui.")
    # __main__ is left out because importing it runs the program, not because of Textual.
    if not (name := info.name).startswith("monitor_tui.tui") and name != "monitor_tui.__main__"
]


def test_headless_modules_exist() -> None:
    assert "monitor_tui.model" in HEADLESS and "monitor_tui.catalogue" in HEADLESS


def test_headless_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"textual loaded: {result.stdout[:200]}"


_FIRST_SCREEN_PROBE = """
import asyncio, sys
from pathlib import Path
from monitor_tui import cli
from monitor_tui.tui import launch
from monitor_tui.workspace import Workspace
from tests.tui_helpers import press, running_app
async def main():
    async with running_app(Workspace(Path(sys.argv[1])), (80, 24)) as (app, screen, pilot):
        await press(pilot, "l", "down", "l", "down")  # a goal, then a measure with a note
        print(screen.detail_blocks(screen.catalogue_tree.selected_item)[0].content)
        print(",".join(sorted(sys.modules)))
asyncio.run(main())
"""
NOT_AT_START = (
    "monitor_tui.export",
    "monitor_tui.render",
    "monitor_tui.report.",
    "monitor_tui.reporting",
    "monitor_tui.reports",  # while no report was frozen
    "monitor_tui.requests",
    "monitor_tui.offices",
    "monitor_tui.tui.screens.overview",
    "monitor_tui.tui.screens.export_dialog",
    "monitor_tui.tui.screens.note_editor",
    "monitor_tui.tui.screens.help",
    "docx",
    "reportlab",
    "tomlkit",
)
"""Export, reports, requests and the dialogs, and tomlkit (it writes files): loaded when first
used, not for the first screen (they took longer to import than the rest of the app's start)."""


def _probe(script: str, workspace: Workspace) -> tuple[str, str]:
    """Run `script` on `workspace` in a fresh interpreter: its last two lines (what it shows,
    and the modules loaded by then, comma-separated)."""
    output = subprocess.run(
        [sys.executable, "-c", script, str(workspace.root)],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    shown, modules = output.strip().splitlines()[-2:]
    return shown, modules


def test_the_first_screen_loads_no_export_report_or_dialog_code(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.1.1", Edit(status="umgesetzt", note="Erledigt."), "anna")
    title, modules = _probe(_FIRST_SCREEN_PROBE, workspace)
    assert title.startswith("Maßnahme 1.1.1"), title
    loaded = [m for m in modules.split(",") if m.startswith(NOT_AT_START)]
    assert loaded == []


_RECORD_PROBE = """
import asyncio, sys
from pathlib import Path
from monitor_tui import cli
from monitor_tui.tui import launch
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.main import MainScreen
from monitor_tui.workspace import Workspace
from tests.tui_helpers import settle
MainScreen.after_first_screen = lambda self: None  # the first screen, and nothing after it
async def main():
    session = WorkspaceSession.start(Workspace(Path(sys.argv[1])))
    app = MonitorApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        print(session.pending, app.screen.query_one("#tree").root.children[0].data)
        print(",".join(sorted(sys.modules)))
asyncio.run(main())
"""
NOT_BEFORE_THE_FULL_LOAD = (
    "monitor_tui.status.store",
    "monitor_tui.status.edits",
    "monitor_tui.status.format",
    "monitor_tui.people",
    "monitor_tui.tui.screens.recording",
    "monitor_tui.tui.screens.picker",
    "tomllib",
)
"""Reading and writing status files, people.toml and the dialogs: the first screen drawn from
its record (see `first_screen`) needs none of them, they come after it."""


def test_the_first_screen_from_its_record_loads_no_store_or_dialog_code(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachefile, "RACY_NS", 0)
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.1.1", Edit(status="umgesetzt", note="Erledigt."), "anna")
    assert WorkspaceSession.start(workspace).finish_start() == []  # writes the record
    first, modules = _probe(_RECORD_PROBE, workspace)
    assert first == "True Item(kind='field', id='1')", first
    loaded = [m for m in modules.split(",") if m.startswith(NOT_BEFORE_THE_FULL_LOAD)]
    assert loaded == []
