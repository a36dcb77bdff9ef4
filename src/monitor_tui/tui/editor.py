"""Handing the terminal to an editor for a status file, and taking it back.

Which editor: `$VISUAL` or `$EDITOR` when set; else nano, which shows how to leave it at the
bottom of its screen; else (no nano installed) the app's own editor. Never vi by default: a
newcomer who lands in vi cannot get out.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.app import App


@dataclass(frozen=True)
class EditorChoice:
    """The editor `e` opens: a command (None: the app's own editor) and how to name it."""

    command: tuple[str, ...] | None
    name: str
    source: str
    """"env" ($VISUAL/$EDITOR), "nano" (the fallback) or "builtin"."""


def choose_editor(environ: Mapping[str, str] | None = None) -> EditorChoice:
    """$VISUAL, $EDITOR, nano or the app's own; raises ValueError for bad quoting."""
    env = os.environ if environ is None else environ
    configured = env.get("VISUAL") or env.get("EDITOR")
    if configured and configured.strip():
        command = tuple(shlex.split(configured))
        return EditorChoice(command, Path(command[0]).name, "env")
    nano = shutil.which("nano", path=env.get("PATH"))
    if nano:
        return EditorChoice((nano,), "nano", "nano")
    return EditorChoice(None, "", "builtin")


def run_editor(app: App[object], command: tuple[str, ...], path: Path) -> None:
    """Run the editor on `path` with the terminal suspended; raises OSError when it cannot start
    and SuspendNotSupported without a terminal."""
    argv = [*command, str(path)]
    if app.is_headless:  # tests: there is no terminal to hand over
        subprocess.run(argv, check=False)
        return
    with app.suspend():
        subprocess.run(argv, check=False)
