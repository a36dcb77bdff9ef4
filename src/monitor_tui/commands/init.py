"""`monitor-tui init DIR`: a new workspace with a copy of the shipped catalogue."""

from __future__ import annotations

import argparse
from pathlib import Path

from monitor_tui.commands.common import fail
from monitor_tui.i18n import _
from monitor_tui.text import visible_line
from monitor_tui.workspace import WorkspaceError, init_workspace


def run(args: argparse.Namespace) -> int:
    try:
        workspace = init_workspace(Path(args.dir))
    except WorkspaceError as error:
        return fail(str(error))
    print(visible_line(_("workspace_created", path=workspace.root)))
    return 0
