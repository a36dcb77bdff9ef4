"""The domain, storage and export layers never load Textual (as harlequin checks its core)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import monitor_tui

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
