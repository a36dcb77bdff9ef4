"""Handing the terminal to the user's editor for a status file, and taking it back."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App


def editor_command(path: Path) -> list[str]:
    """$VISUAL or $EDITOR (with its arguments) and the file; raises ValueError for bad quoting."""
    command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    return [*command, str(path)]


def run_editor(app: App[object], path: Path) -> None:
    """Run the editor on `path` with the terminal suspended; raises OSError when it cannot start,
    ValueError for a malformed $VISUAL/$EDITOR and SuspendNotSupported without a terminal."""
    command = editor_command(path)
    if app.is_headless:  # tests: there is no terminal to hand over
        subprocess.run(command, check=False)
        return
    with app.suspend():
        subprocess.run(command, check=False)
