"""The `x` key's export: the same JSON the CLI writes, into exports/ (no Textual here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from monitor_tui.commands.export import default_path
from monitor_tui.fileio import atomic_write
from monitor_tui.model import Catalogue
from monitor_tui.render.json_data import catalogue_document, render_json
from monitor_tui.workspace import Workspace


def export_json(workspace: Workspace, catalogue: Catalogue, report_date: date) -> Path:
    """Write exports/synopse-<date>.json as `monitor-tui export` does; returns the path."""
    path = default_path(workspace, report_date, "json")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, render_json(catalogue_document(catalogue)))
    return path
