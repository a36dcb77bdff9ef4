"""How fast the terminal app feels: start to first paint, and key press to repaint.

Run: python benchmarks/bench_tui.py [WORKSPACE]   (default: a temp copy of this repository's
catalogue, so the repository's own status/ is never touched). Prints numbers; not a test.

Start-up is measured in a fresh interpreter each time (imports are part of what a user waits
for) from process start to the first frame the headless driver paints, next to a bare Textual
app measured the same way in the same run.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 5

_START_PROBE = """
import sys, time
start = time.perf_counter()
{setup}
async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)
import asyncio
asyncio.run(main())
"""

_BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hallo")
        yield Footer()
app = Bare()
"""

_MONITOR_APP = """
from pathlib import Path
from monitor_tui.session import WorkspaceSession
from monitor_tui.workspace import Workspace
from monitor_tui.tui.app import MonitorApp
app = MonitorApp(WorkspaceSession.open(Workspace(Path({root!r}))))
"""


def start_seconds(setup: str) -> list[float]:
    code = _START_PROBE.format(setup=setup)
    times = []
    for _ in range(RUNS):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return times


async def key_to_repaint(root: Path) -> dict[str, list[float]]:
    """Seconds from a key press until the screen has settled, for three everyday actions."""
    from monitor_tui.session import WorkspaceSession
    from monitor_tui.tui.app import MonitorApp
    from monitor_tui.workspace import Workspace

    app = MonitorApp(WorkspaceSession.open(Workspace(root)))
    results: dict[str, list[float]] = {
        "move (j)": [],
        "search (/ + 'fluechtling')": [],
        "open measure (Enter)": [],
    }
    async with app.run_test(size=(80, 24)) as pilot:

        async def timed(label: str, *keys: str) -> None:
            begin = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            results[label].append(time.perf_counter() - begin)

        await pilot.pause()
        await pilot.press("l", "j", "l")  # into the first goal
        for _ in range(RUNS):
            await timed("move (j)", "j")
            await timed("move (j)", "k")
        for _ in range(RUNS):
            await timed("search (/ + 'fluechtling')", "slash", *"fluechtling", "enter")
            await pilot.press("escape")
            await pilot.pause()
        for _ in range(RUNS):
            await timed("open measure (Enter)", "enter")
            await pilot.press("tab")
            await pilot.pause()
    return results


async def bare_key_to_repaint() -> list[float]:
    """The same measurement on a bare Textual tree: Pilot's own settling time, for reference."""
    from textual.app import App, ComposeResult
    from textual.widgets import Tree

    class BareTree(App[None]):
        def compose(self) -> ComposeResult:
            tree: Tree[None] = Tree("root")
            for number in range(30):
                tree.root.add_leaf(str(number))
            tree.root.expand()
            yield tree

    app = BareTree()
    seconds = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(RUNS * 2):
            begin = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            seconds.append(time.perf_counter() - begin)
    return seconds


def report(label: str, seconds: list[float]) -> None:
    ms = [s * 1000 for s in seconds]
    print(
        f"  {label:<34} median {statistics.median(ms):7.1f} ms   min {min(ms):7.1f} ms   ({len(ms)} runs)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        if len(sys.argv) > 1:
            root = Path(sys.argv[1])
        else:
            root = Path(temp) / "ws"
            shutil.copytree(REPO / "catalogue", root / "catalogue")
            (root / "status").mkdir()
            (root / "exports").mkdir()
        print(f"workspace: {root}")
        print("start to first paint (fresh interpreter, 80×24, headless):")
        report("bare Textual app", start_seconds(_BARE_APP))
        report(
            "monitor-tui on the Mainz catalogue", start_seconds(_MONITOR_APP.format(root=str(root)))
        )
        print("key press to repaint (includes Pilot's settling, so an upper bound):")
        report("bare Textual tree, move (down)", asyncio.run(bare_key_to_repaint()))
        for label, seconds in asyncio.run(key_to_repaint(root)).items():
            report(label, seconds)


if __name__ == "__main__":
    main()
