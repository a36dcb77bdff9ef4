"""`monitor-tui` with no command: the terminal app (until it exists: the catalogue summary)."""

from __future__ import annotations

import argparse

from monitor_tui.commands import check
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    return check.run(args, workspace)
