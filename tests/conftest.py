"""Tests never touch the repository's own workspace or the developer's environment."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_tui import i18n
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SOURCE_TEXT = DATA / "monitoringsystem-mainz.txt"
HOSTILE_NOTES = DATA / "hostile-notes.json"
FONTS = DATA / "fonts"


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("MONITOR_TUI_WORKSPACE", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "MONITOR_TUI_ASCII", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    # The terminal the app believes it runs in decides colours and marks: the tests choose
    # one (256 colours, Unicode) instead of inheriting the developer's.
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("MONITOR_TUI_FONTS", str(FONTS))  # the PDF's fonts: never the system's
    i18n.set_language("de")
    yield
    i18n.set_language("de")


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A copy of the repository's workspace (the real Mainz catalogue, no status yet)."""
    root = tmp_path / "ws"
    shutil.copytree(REPO / "catalogue", root / "catalogue")
    (root / "status").mkdir()
    (root / "exports").mkdir()
    return Workspace(root)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per core for `pytest -n auto` (pytest-xdist's hook): the app tests spend
    about a third of their time waiting for the app to be idle (each Pilot pause sleeps at least
    20 ms), and the extra workers fill those waits (75 s → 57 s on two cores)."""
    return 2 * (os.cpu_count() or 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the terminal-app tests (seconds each) before the rest (mostly milliseconds): with
    `pytest -n auto` the workers then finish together instead of one waiting for the other's
    last app test. Tests are independent, so the order is free."""
    items.sort(key=lambda item: "tui" not in item.path.stem)
