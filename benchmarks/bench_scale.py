"""How the tool behaves as the workspace grows: 27 (Mainz), 300 and 5,000 measures.

    python benchmarks/bench_scale.py [--sizes 27,300,5000] [--runs 3] [--skip-pdf]
                                     [--workspace-root DIR] [--timeout 600]

Workspaces come from make_workspace.py (27 = the real catalogue without notes, 300 = 9,000
notes, 5,000 = 50,000 notes), built into a temp folder, or into --workspace-root where missing
and reused from there. Measured, each as a whole process (imports are part of the wait):

- the CLI commands: wall time (min/median over --runs) and peak memory (max RSS from wait4);
  `check` also on a copy with two frozen reports (`<size>-reports`, frozen once and reused);
- the application layer (a fresh interpreter): opening a session (in full, and only what the
  app's first screen needs, from its record), saving a note, and another session's poll seeing
  it, with the status files that poll read;
- launch → first painted screen of the real app in a real terminal (tmux, 80×24), polled with
  `tmux capture-pane` until the first field's title shows, next to a bare Textual app (a Tree
  and a Markdown pane) launched the same way in the same run; the workspace was opened once
  before (as by its users), so that the caches and the first screen's record are there;
- in-process with Textual's Pilot (in a fresh interpreter per size): key press → the last frame
  the app renders for it, typing a search query letter by letter and moving in the tree, next
  to the same moves in a bare Textual Tree.

Prints a Markdown table; asserts nothing. A command slower than --timeout is killed and shows
as "> timeout"; a command that runs longer than SLOW seconds is not repeated.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import make_workspace
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Markdown, Tree

if TYPE_CHECKING:
    from textual.pilot import Pilot

SIZES = {"27": "mainz", "300": "300", "5000": "5000"}
FORMATS = ("json", "markdown", "html", "pdf", "docx")
REPORT_DATE = "2026-03-31"
SLOW = 60.0
"""Seconds: a command that took longer is run only once (PDF/DOCX at 5,000 take minutes)."""
QUERY = "fluechtling"
POLL = 0.01
"""Seconds between two looks at the tmux pane: small against a launch, cheap on two cores."""
TMUX = shutil.which("tmux")


def make_app(workspace_root: Path) -> App[None]:
    """The one place that knows how the app is constructed (its constructor will change)."""
    from monitor_tui.session import WorkspaceSession
    from monitor_tui.tui.app import MonitorApp
    from monitor_tui.workspace import Workspace

    return MonitorApp(WorkspaceSession.open(Workspace(workspace_root)))


# --- running a process --------------------------------------------------------------------


@dataclass
class Sample:
    """Runs of one measurement: seconds, peak RSS in MB; timed_out / error when it failed."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    timed_out: bool = False
    error: str = ""

    def cell(self) -> str:
        """The table cell: min/median seconds and peak MB; one run shows just its time."""
        if self.timed_out:
            return "> timeout"
        if self.error:
            return "failed"
        if not self.seconds:
            return "–"
        values = sorted(self.seconds)
        text = f"{values[0]:.2f}/{statistics.median(values):.2f} s"
        if len(values) == 1:
            text = f"{values[0]:.2f} s"
        return text + (f", {max(self.peak_mb):.0f} MB" if self.peak_mb else "")


def child_env() -> dict[str, str]:
    """German messages (the app's default) in UTF-8, whatever the caller's locale says."""
    return os.environ | {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


SPAWNER = """
import json, os, select, signal, sys, time
timeout, command = float(sys.argv[1]), sys.argv[2:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
pidfd = os.pidfd_open(pid)
ended = select.select([pidfd], [], [], timeout)[0]
if not ended:
    os.kill(pid, signal.SIGKILL)  # not reaped yet, so the pid is still this child's
_pid, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status) if ended else None
print(json.dumps({"seconds": seconds, "peak_kib": usage.ru_maxrss, "exit": code}))
"""
"""Runs one command and reports its wall time and peak RSS (wait4), from a bare interpreter:
a child's max RSS counts the memory of the process it was forked from, and this benchmark,
with Textual imported and workspaces loaded, is bigger than a `check`. The spawner's own
~8 MB are the floor below which nothing can be told apart."""


def run_once(command: list[str], timeout: float) -> tuple[float, float, int | None, str]:
    """(wall seconds, peak RSS MB, exit code or None on timeout, end of stderr) of one process."""
    spawner = [sys.executable, "-I", "-S", "-c", SPAWNER, str(timeout), *command]
    done = subprocess.run(spawner, capture_output=True, text=True, env=child_env(), check=False)
    if done.returncode != 0:
        return 0.0, 0.0, done.returncode, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_kib"] / 1024, result["exit"], done.stderr[-2000:]


def measure(command: list[str], runs: int, timeout: float) -> Sample:
    """`runs` runs of a command; stops at the first failure, and after one very slow run."""
    sample = Sample()
    for _run in range(runs):
        seconds, peak, code, errors = run_once(command, timeout)
        if code is None:
            sample.timed_out = True
            break
        if code != 0:
            sample.error = f"exit {code}: {errors.strip()}"
            break
        sample.seconds.append(seconds)
        sample.peak_mb.append(peak)
        if seconds > SLOW:
            break
    return sample


def monitor_tui() -> list[str]:
    """The installed console script next to this Python (what users run), else `-m`."""
    script = Path(sys.executable).parent / "monitor-tui"
    return [str(script)] if script.exists() else [sys.executable, "-m", "monitor_tui"]


def first_measure(root: Path) -> str:
    from monitor_tui.catalogue import load_catalogue

    return next(load_catalogue(root / "catalogue").measures()).id


def first_field_title(root: Path) -> str:
    from monitor_tui.catalogue import load_catalogue

    return load_catalogue(root / "catalogue").fields[0].title


def cli_rows(root: Path, args: argparse.Namespace) -> dict[str, Sample]:
    """check, status, log and each export format as whole processes."""
    base = [*monitor_tui(), "-w", str(root)]
    commands = {
        "check": ["check"],
        "status ID": ["status", first_measure(root)],
        "log": ["log"],
    }
    with_reports = reports_workspace(root, args.timeout)
    if with_reports is not None:
        results_reports = measure(
            [*monitor_tui(), "-w", str(with_reports), "check"], args.runs, args.timeout
        )
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    for name in FORMATS:
        if name == "pdf" and args.skip_pdf:
            continue
        commands[f"export {name}"] = ["export", "--format", name, "-o", f"{out}/"]
        commands[f"export {name}"] += ["--date", REPORT_DATE]
    results = {}
    try:
        for label, command in commands.items():
            progress(f"  {label} …")
            results[label] = measure([*base, *command], args.runs, args.timeout)
            if label == "check" and with_reports is not None:
                results["check, two frozen reports"] = results_reports
    finally:
        shutil.rmtree(out)
    return results


REPORT_DATES = ("2025-12-31", REPORT_DATE)


def reports_workspace(root: Path, timeout: float) -> Path | None:
    """<root>-reports: a copy of the workspace with two frozen reports (what `check` verifies
    besides the files), made once with `report freeze` and reused; None if freezing failed."""
    folder = root.with_name(root.name + "-reports")
    if (folder / "reports").is_dir() and len(list((folder / "reports").iterdir())) >= 2:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for part in ("catalogue", "status"):
        shutil.copytree(root / part, folder / part)
    (folder / "exports").mkdir()
    for day in REPORT_DATES:
        progress(f"  freezing a report of {day} into {folder} …")
        command = [*monitor_tui(), "-w", str(folder), "report", "freeze", "--date", day]
        _seconds, _peak, code, errors = run_once(command, timeout)
        if code != 0:
            progress(f"  freezing failed: {errors.strip()}")
            return None
    return folder


# --- launch in a real terminal ------------------------------------------------------------

BARE_APP = """
from textual.app import App
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Markdown, Tree

class Bare(App):
    CSS = "Tree { width: 33; } Markdown { width: 1fr; }"

    def compose(self):
        yield Header()
        with Horizontal():
            tree = Tree("Katalog")
            for title in ("Bildung", "Ausbildung", "Wohnen", "Engagement", "Gesundheit"):
                tree.root.add(title).add_leaf("Ziel")
            tree.root.expand()
            yield tree
            yield Markdown("# Handlungsfeld\\n\\nEin **Absatz** mit etwas Text.")
        yield Footer()

Bare().run()
"""


class Terminal:
    """A private tmux server (own socket), so the user's tmux sessions are never touched."""

    def __init__(self, folder: Path) -> None:
        assert TMUX is not None
        self.folder = folder
        self.base = [TMUX, "-S", str(folder / "tmux.sock")]
        # One idle session keeps the server up: each launch then pays for a window, not a server.
        self.tmux("new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 100000")
        self.tmux("set-option", "-g", "remain-on-exit", "on")  # a crash stays readable
        self.count = 0

    def tmux(self, *words: str) -> str:
        done = subprocess.run([*self.base, *words], capture_output=True, text=True, check=True)
        return done.stdout

    def launch(self, command: list[str], wanted: str, timeout: float, sample: Sample) -> None:
        """Add the seconds from the launch to `wanted` showing in the pane to `sample`, and the
        process's peak RSS until then."""
        self.count += 1
        name = f"run{self.count}"
        shell = "exec env LC_ALL=C.UTF-8 LANG=C.UTF-8 " + shlex.join(command)
        started = time.perf_counter()
        self.tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell)
        try:
            while time.perf_counter() - started < timeout:
                screen = self.tmux("capture-pane", "-p", "-t", name)
                if wanted in screen:
                    sample.seconds.append(time.perf_counter() - started)
                    sample.peak_mb += self.peak_mb(name)
                    return
                if self.tmux("display", "-p", "-t", name, "#{pane_dead}").strip() == "1":
                    sample.error = screen.strip()
                    progress(f"  {command[-1]} ended before showing {wanted!r}:\n{screen}")
                    return
                time.sleep(POLL)
            sample.timed_out = True
        finally:
            self.close(name)

    def peak_mb(self, name: str) -> list[float]:
        """The peak RSS (VmHWM) of the pane's process so far, in MB; [] when not readable."""
        pid = self.tmux("display", "-p", "-t", name, "#{pane_pid}").strip()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return []
        kib = next(
            (line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), ""
        )
        return [int(kib) / 1024] if kib else []

    def close(self, name: str) -> None:
        """End the session and wait until its process is gone, so it costs the next run
        nothing on a two-core machine."""
        pid = int(self.tmux("display", "-p", "-t", name, "#{pane_pid}").strip())
        self.tmux("kill-session", "-t", name)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            try:
                os.kill(pid, 0)  # only asks whether it exists
            except ProcessLookupError:
                return
            time.sleep(POLL)

    def stop(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, check=False)


WARM_UP = """
import sys
from pathlib import Path
from monitor_tui.session import WorkspaceSession
from monitor_tui.workspace import Workspace
WorkspaceSession.start(Workspace(Path(sys.argv[1]))).finish_start()
"""
SETTLED = 2.1
"""Seconds a file must be left alone before the caches keep what was read from it (see
`monitor_tui.cachefile.RACY_NS`)."""


def warm_up(root: Path) -> None:
    """Start the app's session once, as its users did before: the caches and the first
    screen's record are written (the app writes the record after its first screen, and each
    timed launch ends at that screen). Waits until the newest file is old enough to be kept."""
    files = [*(root / "catalogue").iterdir(), *(root / "status").iterdir()]
    newest = max(path.stat().st_mtime for path in files)
    time.sleep(max(0.0, newest + SETTLED - time.time()))
    subprocess.run(
        [sys.executable, "-c", WARM_UP, str(root)], check=True, env=child_env(), timeout=600
    )


def launch_rows(root: Path, terminal: Terminal, args: argparse.Namespace) -> dict[str, Sample]:
    """The real app and the bare app, alternating, so both see the same machine state."""
    warm_up(root)
    bare_script = terminal.folder / "bare_app.py"
    bare_script.write_text(BARE_APP)
    app_command = [*monitor_tui(), "-w", str(root)]
    wanted = first_field_title(root)
    app, bare = Sample(), Sample()
    for _run in range(args.runs):
        for sample, command, text in (
            (app, app_command, wanted),
            (bare, [sys.executable, str(bare_script)], "Gesundheit"),
        ):
            if not (sample.error or sample.timed_out):
                terminal.launch(command, text, args.timeout, sample)
    return {"app": app, "bare": bare}


# --- key press to repaint, in-process -----------------------------------------------------


class KeyTimer:
    """Times key presses in a Pilot session by the frames the app renders.

    Pilot's own settling (several 20 ms idle checks) would add ~100 ms to every key, so the
    time kept is press → the last frame rendered before the app went idle again: when the
    screen shows the key's full effect, including the detail pane's worker.
    """

    def __init__(self, app: App[None], pilot: Pilot[None]) -> None:
        self.app, self.pilot = app, pilot
        self.frames: list[float] = []
        display = app._display

        def recording(screen: Any, update: Any) -> None:
            if update is not None:
                self.frames.append(time.perf_counter())
            display(screen, update)

        app._display = recording  # type: ignore[method-assign]

    async def settle(self) -> None:
        await self.pilot.pause()
        await self.app.workers.wait_for_complete()  # the detail pane renders in a worker
        await self.pilot.pause()

    async def press(self, key: str, into: list[float]) -> None:
        # A blinking cursor would paint while we wait and count as the key's last frame.
        for widget in self.app.screen.query(Input):
            widget.cursor_blink = False
        begin = time.perf_counter()
        await self.pilot.press(key)
        await self.settle()
        painted = [t for t in self.frames if t > begin]
        if painted:  # a key that changes nothing on screen has no repaint to time
            into.append(painted[-1] - begin)


async def pilot_timings(root: Path, runs: int) -> dict[str, list[float]]:
    """Key → repaint seconds in the app (search letters, tree moves) and a bare Tree, and the
    process's peak RSS in MB after the app's part ("memory")."""
    import resource

    timings: dict[str, list[float]] = {"search": [], "move": [], "bare": [], "memory": []}
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = KeyTimer(app, pilot)
        await keys.settle()
        for _run in range(runs):
            for key in ["slash", *QUERY]:
                await keys.press(key, timings["search"])
            await pilot.press("escape")  # clears the search: the whole tree is back
            await keys.settle()
        await pilot.press("l")  # open the first field, so that there is room to move
        await keys.settle()
        for _run in range(runs):
            for key in ["down"] * 5 + ["up"] * 5:
                await keys.press(key, timings["move"])
    timings["memory"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    bare = BareTree()
    async with bare.run_test(size=(80, 24)) as pilot:
        keys = KeyTimer(bare, pilot)
        await keys.settle()
        for _run in range(runs):
            for key in ["down"] * 5 + ["up"] * 5:
                await keys.press(key, timings["bare"])
    return timings


class BareTree(App[None]):
    """The reference for tree moves: a Textual Tree of similar shape, nothing else."""

    CSS = "Tree { width: 33; } Markdown { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            tree: Tree[None] = Tree("Katalog")
            for number in range(1, 6):
                field_node = tree.root.add(f"Handlungsfeld {number}", expand=True)
                for goal in range(1, 4):
                    field_node.add_leaf(f"Ziel {number}.{goal}")
            tree.root.expand()
            yield tree
            yield Markdown("# Handlungsfeld\n\nEin **Absatz** mit etwas Text.")


SESSION_SAVES = 10


def session_timings(root: Path) -> dict[str, list[float]]:
    """The application layer without a screen: opening the session (its second time: the
    first may fill the cache), saving a note, and another session's poll seeing it, with the
    status files the poll read. Saves go to a copy of the workspace."""
    from monitor_tui.session import WorkspaceSession
    from monitor_tui.status import store
    from monitor_tui.status.edits import Edit
    from monitor_tui.workspace import Workspace

    timings: dict[str, list[float]] = {"open": [], "start": [], "save": [], "poll": [], "read": []}
    for _run in range(2):
        started = time.perf_counter()
        WorkspaceSession.open(Workspace(root))
        timings["open"] = [time.perf_counter() - started]
    started = time.perf_counter()
    pending = WorkspaceSession.start(Workspace(root)).pending
    timings["start"] = [time.perf_counter() - started, float(pending)]
    with tempfile.TemporaryDirectory(prefix="bench-session-") as temp:
        copy = Path(temp)
        for part in ("catalogue", "status"):
            shutil.copytree(root / part, copy / part)
        mine, other = (WorkspaceSession.open(Workspace(copy)) for _ in range(2))
        read: list[object] = []
        reading = store._read_text_and_info

        def counting(path: Path) -> Any:
            read.append(path)
            return reading(path)

        store._read_text_and_info = counting  # type: ignore[assignment]
        ids = [m.id for m in mine.catalogue.measures()][:SESSION_SAVES]
        for number, measure_id in enumerate(ids):
            started = time.perf_counter()
            mine.save(measure_id, Edit(note=f"Benchmark {number}"), mine.status_of(measure_id))
            timings["save"].append(time.perf_counter() - started)
            read.clear()
            started = time.perf_counter()
            seen = other.poll().changed
            timings["poll"].append(time.perf_counter() - started)
            timings["read"].append(float(len(read)))
            assert seen == {measure_id}, seen
    return timings


def session_rows(root: Path, args: argparse.Namespace) -> dict[str, str]:
    """session_timings in a fresh interpreter."""
    command = [sys.executable, __file__, "--session-probe", str(root)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.timeout, env=child_env()
        )
    except subprocess.TimeoutExpired:
        return {"session": "> timeout"}
    if done.returncode != 0:
        progress(f"  session probe failed: {done.stderr.strip()[-2000:]}")
        return {"session": "failed"}
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    reads = timings["read"]
    return {
        "session open (app's data, cache filled)": f"{timings['open'][0]:.2f} s",
        "session start (the app's first screen only)": f"{timings['start'][0]:.2f} s"
        + ("" if timings["start"][1] else " (no first screen's record: opened in full)"),
        "save a note (session)": pilot_cell(Sample(seconds=timings["save"])),
        "another session's save seen by its poll": pilot_cell(Sample(seconds=timings["poll"]))
        + f", {max(reads):.0f} file(s) read per poll",
    }


def pilot_rows(root: Path, args: argparse.Namespace) -> dict[str, Sample]:
    """The Pilot measurement in a fresh interpreter: a clean heap, and the timeout applies."""
    command = [sys.executable, __file__, "--pilot-probe", str(root), "--runs", str(args.runs)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.timeout, env=child_env()
        )
    except subprocess.TimeoutExpired:
        return dict.fromkeys(("search", "move", "bare", "memory"), Sample(timed_out=True))
    if done.returncode != 0:
        progress(f"  Pilot failed: {done.stderr.strip()[-2000:]}")
        return dict.fromkeys(("search", "move", "bare", "memory"), Sample(error="failed"))
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    return {kind: Sample(seconds=values) for kind, values in timings.items()}


def pilot_cell(sample: Sample) -> str:
    """Median and worst key, in ms: one slow key is what a user notices while typing."""
    if not sample.seconds:
        return sample.cell()
    ms = [s * 1000 for s in sample.seconds]
    return f"{statistics.median(ms):.0f} (max {max(ms):.0f}) ms"


# --- the table ----------------------------------------------------------------------------


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def workspace_for(size: str, root: Path) -> Path:
    """root/<size>, built with make_workspace unless it is already there."""
    folder = root / size
    if not (folder / "catalogue").is_dir():
        preset = SIZES[size]
        shape = make_workspace.PRESETS[preset]
        progress(f"building {folder} ({preset}) …")
        make_workspace.build(folder, shape, shape.notes if shape else 0)
    return folder


def bench_size(
    size: str, root: Path, terminal: Terminal | None, args: argparse.Namespace
) -> dict[str, str]:
    """Every row's cell for one workspace size."""
    workspace = workspace_for(size, root)
    progress(f"size {size}: {workspace}")
    cells: dict[str, str] = {}
    if terminal is not None:
        progress("  launch in tmux …")
        launch = launch_rows(workspace, terminal, args)
        app, bare = launch["app"], launch["bare"]
        ratio = ""
        if app.seconds and bare.seconds:
            ratio = f" (×{statistics.median(app.seconds) / statistics.median(bare.seconds):.2f})"
        cells["launch → first screen (tmux), × bare"] = app.cell() + ratio
        cells["bare Textual app launch (tmux)"] = bare.cell()
    for label, sample in ({} if args.app_only else cli_rows(workspace, args)).items():
        cells[label] = sample.cell()
        if sample.error:
            progress(f"  {label} failed: {sample.error}")
    progress("  session: open, save, poll …")
    cells.update(session_rows(workspace, args))
    progress("  Pilot: search and tree keys …")
    pilot = pilot_rows(workspace, args)
    cells[f"search key→repaint ('/{QUERY}')"] = pilot_cell(pilot["search"])
    cells["tree move key→repaint (↓/↑)"] = pilot_cell(pilot["move"])
    cells["bare Textual Tree move (reference)"] = pilot_cell(pilot["bare"])
    memory = pilot["memory"].seconds  # MB, in the seconds slot
    cells["app peak RSS after the keys (Pilot)"] = f"{max(memory):.0f} MB" if memory else "–"
    return cells


def print_table(columns: dict[str, dict[str, str]]) -> None:
    rows = list(dict.fromkeys(row for cells in columns.values() for row in cells))
    print("| what | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in rows:
        print(f"| {row} | " + " | ".join(c.get(row, "–") for c in columns.values()) + " |")


def environment() -> str:
    tmux = "no tmux"
    if TMUX:
        tmux = subprocess.run([TMUX, "-V"], capture_output=True, text=True).stdout.strip()
    return (
        f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Textual {version('textual')}, {tmux}"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="e.g. 27,300")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF export")
    parser.add_argument(
        "--app-only", action="store_true", help="only the app's rows: launch, session, keys"
    )
    parser.add_argument("--workspace-root", type=Path, help="where the workspaces are (or go)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per command")
    parser.add_argument("--pilot-probe", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--session-probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    unknown = [s for s in args.sizes.split(",") if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; known: {', '.join(SIZES)}")
    return args


def compile_package() -> None:
    """Byte-compile monitor_tui, as installing it does: a source newer than its .pyc (or
    PYTHONDONTWRITEBYTECODE) would otherwise have every launch compile it again, a cost no
    installed copy pays, which made launches after an edit look slower than they are."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("monitor_tui")
    folders = spec.submodule_search_locations if spec is not None else None
    for folder in folders or []:
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    args = parse_args()
    if args.session_probe:  # the child process of session_rows
        print(json.dumps(session_timings(args.session_probe)))
        return
    if args.pilot_probe:  # the child process of pilot_rows
        import asyncio

        print(json.dumps(asyncio.run(pilot_timings(args.pilot_probe, args.runs))))
        return
    compile_package()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
        root = args.workspace_root or Path(temp)
        terminal = Terminal(Path(temp)) if TMUX else None
        try:
            columns = {s: bench_size(s, root, terminal, args) for s in args.sizes.split(",")}
        finally:
            if terminal is not None:
                terminal.stop()
    print(f"\n{environment()}")
    print(
        f"Commands and launches: min/median of {args.runs} runs (one when slower than {SLOW:.0f} s),"
        " peak RSS. Keys: median (max) over every key press.\n"
    )
    print_table(columns)
    if terminal is None:
        print("\ntmux is not installed: the terminal launch rows were skipped.")


if __name__ == "__main__":
    main()
