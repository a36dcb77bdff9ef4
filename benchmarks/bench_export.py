"""Export time per format for the Mainz workspace (prints numbers; not a test).

    python benchmarks/bench_export.py [WORKSPACE]
    python benchmarks/bench_export.py --sweep [--shape prose|line|word] [--formats pdf,docx]
    python benchmarks/bench_export.py --print-cost [WORKSPACE]

Without WORKSPACE a temporary copy of the repository's catalogue is used, with a status and
three public notes recorded for every measure, so that the report is as full as in use.

`--print-cost` renders the Mainz PDF four ways – standard fonts without charts (as before the
charts and the embedded fonts), with charts, with embedded fonts, with both – and prints what
charts and font embedding add (the aim: at most 0.3 s).

`--sweep` adds one note of 10 KB … 1 MB to one measure and renders each size in each format in
its own process, printing the time and the process's peak memory (max RSS), so that one can see
whether the cost grows linearly with the text. `--shape` chooses the note: `prose` (paragraphs
of words), `line` (one paragraph, no line break) or `word` (one "word" without any space).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from importlib import import_module
from pathlib import Path

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import FORMAT_NAMES, build_report, export_format, render
from monitor_tui.model import LogEntry, MeasureStatus
from monitor_tui.report.build import ReportOptions
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 3
SWEEP_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
SHAPES = ("prose", "line", "word")
BIG_NOTE_MEASURE = "1.2.2"
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
    "und",
    "besprochen",
]


def sample_statuses(workspace: Workspace) -> dict[str, MeasureStatus]:
    catalogue = load_catalogue(workspace.catalogue_dir)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    statuses = {}
    for number, measure in enumerate(catalogue.measures()):
        notes = tuple(
            LogEntry(start + timedelta(days=30 * k + number), "anna", f"Stand {k}: **gut** voran.")
            for k in range(3, 0, -1)
        )
        statuses[measure.id] = MeasureStatus(
            measure.id, status="in-umsetzung", assessment="im-plan", rev=3, log=notes
        )
    return statuses


def note_text(size: int, shape: str) -> str:
    """A note of `size` characters: paragraphs of words, one long line, or one long word."""
    if shape == "word":
        return ("Integrationskonzept" * (size // 19 + 1))[:size]
    parts: list[str] = []
    length = 0
    number = 0
    while length < size:
        word = WORDS[number % len(WORDS)]
        number += 1
        if shape == "prose" and number % 12 == 0:
            separator = "\n\n" if number % 96 == 0 else "\n"
        else:
            separator = " "
        parts.append(word + separator)
        length += len(word) + len(separator)
    return "".join(parts)[:size]


def timed_render(format_name: str, size: int, shape: str) -> None:
    """In a child process: build the report and render one format with one big note; print seconds and max RSS."""
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        shutil.copytree(REPO / "catalogue", workspace.catalogue_dir)
        catalogue = load_catalogue(workspace.catalogue_dir)
        statuses = sample_statuses(workspace)
        status = statuses[BIG_NOTE_MEASURE]
        big = LogEntry(datetime(2026, 3, 30, 9, 0, tzinfo=UTC), "anna", note_text(size, shape))
        statuses[BIG_NOTE_MEASURE] = replace(status, log=(big, *status.log))
        module_name = export_format(format_name).renderer.split(":")[0]
        import_module(module_name)  # loading ReportLab or python-docx is not part of the cost
        started = time.perf_counter()
        render(format_name, build_report(workspace, catalogue, statuses, _options()))
        seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds:.3f} {peak_kib}")


def sweep(formats: list[str], shape: str, timeout: float) -> None:
    print(f"note shape: {shape}; one process per cell; time (s) / peak memory (MiB)")
    print(f"{'size':>9}  " + "  ".join(f"{name:>16}" for name in formats))
    for size in SWEEP_SIZES:
        cells = []
        for format_name in formats:
            command = [sys.executable, __file__, "--one", format_name, str(size), shape]
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=timeout, check=True
                )
                seconds, peak_kib = done.stdout.split()
                cells.append(f"{float(seconds):7.2f} / {int(peak_kib) / 1024:5.0f}")
            except subprocess.TimeoutExpired:
                cells.append(f"> {timeout:.0f} s".rjust(15))
            except subprocess.CalledProcessError as error:
                cells.append(f"failed ({error.returncode})".rjust(15))
        print(f"{size // 1000:>6} KB  " + "  ".join(f"{cell:>16}" for cell in cells), flush=True)


def per_format(workspace_path: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if workspace_path:
            workspace = Workspace(Path(workspace_path))
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = load_all_statuses(workspace, catalogue).statuses
        else:
            workspace = Workspace(Path(folder))
            shutil.copytree(REPO / "catalogue", workspace.catalogue_dir)
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = sample_statuses(workspace)
        started = time.perf_counter()
        synopsis = build_report(workspace, catalogue, statuses, _options())
        print(f"{'synopsis':<10}{(time.perf_counter() - started) * 1000:8.1f} ms")
        for format_name in FORMAT_NAMES:
            timings = []
            for _round in range(ROUNDS):
                started = time.perf_counter()
                data = render(format_name, synopsis)
                timings.append(time.perf_counter() - started)
            print(
                f"{format_name:<10}{min(timings) * 1000:8.1f} ms  (best of {ROUNDS}, "
                f"first {timings[0] * 1000:.1f} ms, {len(data) / 1024:.0f} KiB)"
            )


def print_cost(workspace_path: str | None) -> None:
    """The PDF with and without charts and embedded fonts: best of ROUNDS, and the first run
    (which also parses the fonts)."""
    from dataclasses import replace as replaced

    from monitor_tui.render.fonts import PdfFonts, pdf_fonts
    from monitor_tui.render.pdf import render_pdf

    with tempfile.TemporaryDirectory() as folder:
        if workspace_path:
            workspace = Workspace(Path(workspace_path))
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = load_all_statuses(workspace, catalogue).statuses
        else:
            workspace = Workspace(Path(folder))
            shutil.copytree(REPO / "catalogue", workspace.catalogue_dir)
            catalogue = load_catalogue(workspace.catalogue_dir)
            statuses = sample_statuses(workspace)
        synopsis = build_report(workspace, catalogue, statuses, _options())
    standard = PdfFonts(None)
    render_pdf(replaced(synopsis, charts=()), standard)  # import ReportLab outside the timing
    variants = {
        "standard fonts, no charts (before)": (replaced(synopsis, charts=()), lambda: standard),
        "standard fonts, charts": (synopsis, lambda: standard),
        "embedded fonts, no charts": (replaced(synopsis, charts=()), pdf_fonts),
        "embedded fonts, charts (now)": (synopsis, pdf_fonts),
    }
    best: dict[str, float] = {}
    for name, (report, fonts) in variants.items():
        timings = []
        for _round in range(ROUNDS):
            started = time.perf_counter()
            data = render_pdf(report, fonts())
            timings.append(time.perf_counter() - started)
        best[name] = min(timings)
        print(
            f"{name:<36}{best[name] * 1000:8.1f} ms  (best of {ROUNDS}, first "
            f"{timings[0] * 1000:.1f} ms, {len(data) / 1024:.0f} KiB)"
        )
    added = best["embedded fonts, charts (now)"] - best["standard fonts, no charts (before)"]
    verdict = "within" if added <= 0.3 else "OVER"
    print(f"charts and font embedding add {added * 1000:.1f} ms ({verdict} the 300 ms budget)")
    if not pdf_fonts().embedded:
        print("note: no TrueType font found here, so nothing was embedded")


def _options() -> ReportOptions:
    return ReportOptions(report_date=date(2026, 3, 31), with_summary=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workspace", nargs="?")
    parser.add_argument("--sweep", action="store_true", help="time one big note per size")
    parser.add_argument(
        "--print-cost", action="store_true", help="PDF with and without charts and fonts"
    )
    parser.add_argument("--shape", choices=SHAPES, default="prose")
    parser.add_argument("--formats", default=",".join(FORMAT_NAMES))
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per cell")
    parser.add_argument("--one", nargs=3, metavar=("FORMAT", "SIZE", "SHAPE"), help="internal")
    args = parser.parse_args()
    if args.one:
        timed_render(args.one[0], int(args.one[1]), args.one[2])
    elif args.sweep:
        sweep(args.formats.split(","), args.shape, args.timeout)
    elif args.print_cost:
        print_cost(args.workspace)
    else:
        per_format(args.workspace)


if __name__ == "__main__":
    main()
