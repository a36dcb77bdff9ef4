"""The commands behind `monitor-tui COMMAND`: each module has `run(args, workspace) -> exit code`."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.workspace import Workspace, WorkspaceError, find_workspace, init_workspace


def run(args: argparse.Namespace) -> int:
    """Find the workspace (except for `init`) and run the chosen command."""
    if args.command == "init":
        try:
            workspace = init_workspace(Path(args.dir))
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


def report_problems(problems: list[Problem]) -> int:
    """Print each problem as `path:line: message` on stderr; exit code 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1


def load_catalogue_or_report(workspace: Workspace) -> Catalogue | None:
    """The workspace's catalogue, or None after its problems were printed."""
    try:
        return load_catalogue(workspace.catalogue_dir)
    except ProblemsError as error:
        report_problems(error.problems)
        return None


def fail(message: str, code: int = 1) -> int:
    """Print a message for the user on stderr and return the exit code."""
    print(f"monitor-tui: {message}", file=sys.stderr)
    return code
