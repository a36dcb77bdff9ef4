"""Several people saving at once, and a writer killed mid-save: nothing is lost or torn."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.workspace import Workspace


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.status.edits import Edit
    from monitor_tui.status.store import save_edit
    from monitor_tui.workspace import Workspace

    root, author, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    workspace = Workspace(root)
    catalogue = load_catalogue(workspace.catalogue_dir)
    while not go.exists():
        time.sleep(0.001)
    for n in range(count):
        save_edit(workspace, catalogue, "1.2.2", Edit(note=f"{author} Notiz {n}"), author)
    """
)


def test_two_processes_adding_50_notes_each_all_land(
    workspace: Workspace, catalogue: Catalogue, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(workspace.root), who, "50", str(go)])
        for who in ("anna", "bernd")
    ]
    time.sleep(0.5)  # both are importing and waiting at the barrier
    go.touch()
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    status = load_status(workspace, catalogue, "1.2.2")
    notes = sorted(entry.text for entry in status.log)
    expected = sorted(f"{who} Notiz {n}" for who in ("anna", "bernd") for n in range(50))
    assert notes == expected
    assert status.rev == 100


def test_conflicting_state_change_is_refused_and_reported(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    shown_to_anna = load_status(workspace, catalogue, "2.1.2")
    save_edit(
        workspace,
        catalogue,
        "2.1.2",
        Edit(status="in-planung", note="Bernd war schneller"),
        "bernd",
    )
    result = save_edit(
        workspace,
        catalogue,
        "2.1.2",
        Edit(status="umgesetzt", priority="hoch", note="Annas Notiz"),
        "anna",
        base=shown_to_anna,
    )
    [conflict] = result.conflicts
    assert (conflict.field, conflict.base, conflict.theirs, conflict.mine) == (
        "status",
        "offen",
        "in-planung",
        "umgesetzt",
    )
    status = load_status(workspace, catalogue, "2.1.2")
    assert status.status == "in-planung"  # Bernd's change was not silently overwritten
    assert status.priority == "hoch"  # what did not collide was saved
    assert [e.text for e in status.log] == ["Annas Notiz", "Bernd war schneller"]
    # Anna looked at both versions and keeps hers: saving again on top of what is on disk.
    again = save_edit(
        workspace, catalogue, "2.1.2", Edit(status="umgesetzt"), "anna", base=result.status
    )
    assert again.conflicts == () and again.status.status == "umgesetzt"


def test_same_value_from_both_sides_is_no_conflict(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    base = load_status(workspace, catalogue, "2.1.2")
    save_edit(workspace, catalogue, "2.1.2", Edit(status="umgesetzt"), "bernd")
    result = save_edit(workspace, catalogue, "2.1.2", Edit(status="umgesetzt"), "anna", base=base)
    assert result.conflicts == ()


def test_change_by_hand_is_detected_even_with_the_same_rev(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    save_edit(workspace, catalogue, "2.1.2", Edit(assessment="im-plan"), "anna")
    base = load_status(workspace, catalogue, "2.1.2")
    path = status_path(workspace.status_dir, "2.1.2")
    path.write_text(
        path.read_text(encoding="utf-8").replace('"im-plan"', '"kritisch"'), encoding="utf-8"
    )
    result = save_edit(
        workspace, catalogue, "2.1.2", Edit(assessment="gefaehrdet"), "anna", base=base
    )
    assert [c.theirs for c in result.conflicts] == ["kritisch"]
    assert load_status(workspace, catalogue, "2.1.2").assessment == "kritisch"


SLOW_WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.status.edits import Edit
    from monitor_tui.status.store import save_edit
    from monitor_tui.workspace import Workspace

    workspace = Workspace(Path(sys.argv[1]))
    catalogue = load_catalogue(workspace.catalogue_dir)
    real_fsync = os.fsync

    def announce_then_hang(fd):
        real_fsync(fd)
        print("writing", flush=True)  # the temp file is written; the rename has not happened
        sys.stdin.read()

    os.fsync = announce_then_hang
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt", note="neu " * 50000), "anna")
    """
)


def test_writer_killed_mid_save_leaves_the_old_file(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    save_edit(workspace, catalogue, "1.2.2", Edit(status="in-umsetzung", note="alt"), "anna")
    path = status_path(workspace.status_dir, "1.2.2")
    before = path.read_bytes()
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(workspace.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert path.read_bytes() == before
    assert load_status(workspace, catalogue, "1.2.2").status == "in-umsetzung"
    [leftover] = workspace.status_dir.glob(".1.2.2.md.*.tmp")  # the killed writer's temp file
    # the lock died with the process: the next save goes through and clears the leftover
    save_edit(workspace, catalogue, "1.2.2", Edit(note="weiter"), "bernd")
    assert not leftover.exists()
    assert sorted(p.name for p in workspace.status_dir.iterdir()) == [".1.2.2.lock", "1.2.2.md"]


LOOPING_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.status.edits import Edit
    from monitor_tui.status.store import save_edit
    from monitor_tui.workspace import Workspace

    workspace = Workspace(Path(sys.argv[1]))
    catalogue = load_catalogue(workspace.catalogue_dir)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        save_edit(workspace, catalogue, "1.2.2", Edit(note=f"Notiz {n} " + "x" * 20000), "anna")
    """
)


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.21, 0.34, 0.55])
def test_writer_killed_at_any_moment_leaves_a_whole_file(
    workspace: Workspace, catalogue: Catalogue, delay: float
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", LOOPING_WRITER, str(workspace.root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    time.sleep(delay)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    path = status_path(workspace.status_dir, "1.2.2")
    if path.exists():
        status = load_status(workspace, catalogue, "1.2.2")
        assert status.rev == len(status.log)  # every save whole: one entry per revision
        assert [int(e.text.split()[1]) for e in status.log] == list(range(status.rev, 0, -1))
