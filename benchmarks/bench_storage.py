"""How long loading the catalogue and the status files takes, and one save.

Run: python benchmarks/bench_storage.py  (prints numbers; nothing is asserted)
Uses a temporary copy of the repository's workspace, with NOTES notes per measure.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomlkit

from monitor_tui.catalogue import load_catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.store import load_all_statuses, save_edit
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
NOTES = 40
REPEAT = 20


def timed(label: str, action: Callable[[], object], repeat: int = REPEAT) -> None:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    print(
        f"{label:<52} median {statistics.median(samples) * 1000:8.2f} ms"
        f"   min {min(samples) * 1000:8.2f} ms"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        shutil.copytree(REPO / "catalogue", workspace.catalogue_dir)
        workspace.status_dir.mkdir()
        catalogue = load_catalogue(workspace.catalogue_dir)
        start = datetime(2026, 1, 1, tzinfo=UTC)
        for measure in catalogue.measures():
            for n in range(NOTES):
                note = f"Fortschritt {n}: " + "Text " * 40
                save_edit(
                    workspace,
                    catalogue,
                    measure.id,
                    Edit(note=note),
                    "bench",
                    now=start + timedelta(hours=n),
                )
        files = sorted(workspace.catalogue_dir.glob("*.toml"))
        print(f"workspace: 27 measures, {NOTES} notes each")
        timed(
            "parse catalogue TOML with tomllib",
            lambda: [tomllib.loads(f.read_text()) for f in files],
        )
        timed(
            "parse catalogue TOML with tomlkit",
            lambda: [tomlkit.parse(f.read_text()) for f in files],
        )
        timed("load_catalogue (parse + validate)", lambda: load_catalogue(workspace.catalogue_dir))
        timed("load_all_statuses (27 files)", lambda: load_all_statuses(workspace, catalogue))
        timed(
            "save_edit: one note on a measure with a long log",
            lambda: save_edit(workspace, catalogue, "1.2.2", Edit(note="noch eine"), "bench"),
        )


if __name__ == "__main__":
    main()
