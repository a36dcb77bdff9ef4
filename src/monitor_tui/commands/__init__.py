"""The commands behind `monitor-tui COMMAND`: each module has `run(args, workspace) -> exit code`."""

from __future__ import annotations

import argparse
import importlib
import sys

from monitor_tui.i18n import _
from monitor_tui.workspace import WorkspaceError, find_workspace, init_workspace


def run(args: argparse.Namespace) -> int:
    """Find the workspace (except for `init`) and run the chosen command."""
    if args.command == "init":
        try:
            workspace = init_workspace(_path(args.dir))
        except WorkspaceError as error:
            return fail(str(error))
        print(_("workspace_created", path=workspace.root))
        return 0
    try:
        workspace, created = find_workspace(args.workspace)
    except WorkspaceError as error:
        return fail(str(error))
    if created:
        print(created, file=sys.stderr)
    name = args.command or "app"
    module = importlib.import_module(f"monitor_tui.commands.{name}")
    code: int = module.run(args, workspace)
    return code


def fail(message: str, code: int = 1) -> int:
    """Print a message for the user on stderr and return the exit code."""
    print(f"monitor-tui: {message}", file=sys.stderr)
    return code


def _path(text: str):  # type: ignore[no-untyped-def]
    from pathlib import Path

    return Path(text)
