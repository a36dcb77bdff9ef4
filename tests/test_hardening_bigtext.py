"""Big texts export in time proportional to their size, and a saved note has a limit (issue 9).

Tests never time anything; they count the work ReportLab does instead: how many times it
measures a piece of text while breaking lines. Laying out each text once is proportional to
its size; laying out the rest of a table again at every page break is not.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.export import build_report, render
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.report.build import ReportOptions
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.workspace import Workspace

BERLIN = timezone(timedelta(hours=1))
WORDS = [
    "Die",
    "Flyer",
    "wurden",
    "in",
    "allen",
    "vierzehn",
    "Sprachen",
    "an",
    "die",
    "Kitas",
    "verteilt",
]


def prose(size: int) -> str:
    """Paragraphs of words, `size` characters."""
    words = (WORDS * (size // 60 + 1))[: size // 6]
    lines = [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]
    text = "\n\n".join("\n".join(lines[i : i + 6]) for i in range(0, len(lines), 6))
    return text[:size]


@contextmanager
def counted_measurements() -> Iterator[list[int]]:
    """Counts ReportLab's width measurements of text while lines are broken."""
    from reportlab.platypus import paragraph

    calls = [0]
    real = paragraph.stringWidth

    def counting(*args: object, **kwargs: object) -> float:
        calls[0] += 1
        return float(real(*args, **kwargs))  # type: ignore[arg-type]

    paragraph.stringWidth = counting
    try:
        yield calls
    finally:
        paragraph.stringWidth = real


def pdf_work(workspace: Workspace, catalogue: Catalogue, statuses: dict[str, MeasureStatus]) -> int:
    synopsis = build_report(workspace, catalogue, statuses, ReportOptions())
    with counted_measurements() as calls:
        data = render("pdf", synopsis)
    assert data.startswith(b"%PDF")
    return calls[0]


def test_the_pdf_lays_out_a_long_note_and_a_long_catalogue_cell_once(
    workspace: Workspace,
) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    empty = {m.id: MeasureStatus(m.id) for m in catalogue.measures()}
    baseline = pdf_work(workspace, catalogue, empty)
    note = prose(100_000)
    entry = LogEntry(datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN), "anna", note)
    statuses = {**empty, "1.2.2": MeasureStatus("1.2.2", log=(entry,), rev=1)}
    words = len(note.split())
    assert pdf_work(workspace, catalogue, statuses) - baseline < 3 * words
    measure = catalogue.measure("2.1.1")
    assert measure is not None
    long_cell = replace(measure, text=note)
    fields = tuple(
        replace(
            f,
            goals=tuple(
                replace(g, measures=tuple(long_cell if m.id == "2.1.1" else m for m in g.measures))
                for g in f.goals
            ),
        )
        for f in catalogue.fields
    )
    assert pdf_work(workspace, replace(catalogue, fields=fields), empty) - baseline < 3 * words


def test_a_note_over_the_limit_is_refused_when_saved(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor_tui.status.edits import MAX_NOTE_CHARS

    ws = str(workspace.root)
    too_long = "x" * (MAX_NOTE_CHARS + 1)
    stdin = io.TextIOWrapper(io.BytesIO(too_long.encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["-w", ws, "status", "1.2.2", "--note", "-"]) == 2
    assert "Die Notiz ist zu lang: 200001 Zeichen, höchstens 200000" in capsys.readouterr().err
    assert not status_path(workspace.status_dir, "1.2.2").exists()
    session = WorkspaceSession.open(workspace)  # the app saves through the session
    outcome = session.save("1.2.2", Edit(note=too_long), None)
    assert outcome.kind == "error" and "zu lang" in outcome.reason
    assert session.save("1.2.2", Edit(note=too_long[:-1]), None).kind == "saved"


def test_an_existing_longer_note_still_exports(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = prose(250_000)  # more than a note may hold when saved
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_text(
        '+++\nmeasure = "1.2.2"\nrev = 1\n+++\n\n## 2026-03-02T09:00:00+01:00 · anna\n\n'
        f"~~~\n{note}\n~~~\n",
        encoding="utf-8",
    )
    assert main(["-w", str(workspace.root), "check"]) == 0
    target = tmp_path / "bericht.json"
    assert main(["-w", str(workspace.root), "export", "-o", str(target)]) == 0
    measures = [
        m
        for f in json.loads(target.read_text())["fields"]
        for g in f["goals"]
        for m in g["measures"]
    ]
    assert next(m for m in measures if m["id"] == "1.2.2")["notes"][0]["text"] == note
