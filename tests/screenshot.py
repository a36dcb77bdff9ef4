"""The screenshot in README.md: `python -m tests.screenshot` (from the repository) renders
docs/screenshot.svg again; test_tui_snapshots fails when the app's screen no longer matches
the committed picture, so it is kept current.

The screen is the 80×24 main screen on measure 1.2.2 with a status and a note recorded, as in
the snapshot tests (same data, same steps).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import save_edit
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "docs" / "screenshot.svg"
SIZE = (80, 24)
TITLE = "monitor-tui"


def record_example(workspace: Workspace) -> None:
    """Measure 1.2.2 implemented, priority high, with a note (the data of the snapshots)."""
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


async def render(workspace: Workspace) -> str:
    """The SVG of the main screen on 1.2.2."""
    from tests.tui_helpers import running_app, settle

    async with running_app(workspace, SIZE) as (app, screen, pilot):
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        return app.export_screenshot(title=TITLE)


def main() -> int:
    """Render docs/screenshot.svg from a copy of the shipped catalogue."""
    os.environ["TERM"] = "xterm-256color"  # the picture shows the app in 256 colours
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "ws"
        shutil.copytree(REPO / "catalogue", root / "catalogue")
        (root / "status").mkdir()
        workspace = Workspace(root)
        record_example(workspace)
        os.chdir(root)  # the workspace is the current folder: the title bar names none
        svg = asyncio.run(render(workspace))
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.write_text(svg, encoding="utf-8")
    print(f"written: {SCREENSHOT.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
