"""One person's preferences for the app, not the workspace's: how wide the tree is.

Kept in `$XDG_CONFIG_HOME/monitor-tui/settings.toml` (default `~/.config/…`). A preference is
never worth an error: a missing or broken file means the defaults, a failed save is ignored
by the caller after saying so.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from monitor_tui.fileio import atomic_write

SETTINGS_FILE = "settings.toml"


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "monitor-tui" / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, object]:
    """The saved preferences; empty when there are none or the file cannot be read."""
    try:
        text = (path or settings_path()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import tomllib  # here: most people never save a preference, and the app starts without it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def saved_int(name: str, path: Path | None = None) -> int | None:
    value = load_settings(path).get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def save_int(name: str, value: int, path: Path | None = None) -> None:
    """Store one whole-number preference, keeping the others; raises OSError."""
    target = path or settings_path()
    settings = load_settings(target)
    settings[name] = value
    lines = [
        f"{key} = {number}"
        for key, number in sorted(settings.items())
        if isinstance(number, int) and key.isidentifier()
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, ("\n".join(lines) + "\n").encode("utf-8"))
