"""Several people saving at once, and a writer killed mid-save: nothing is lost or torn."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import lock_path, status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.workspace import Workspace


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.status.edits import Edit
    from monitor_tui.status.store import save_edit
    from monitor_tui.workspace import Workspace

    root, author, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    workspace = Workspace(root)
    catalogue = load_catalogue(workspace.catalogue_dir)
    print("ready", flush=True)
    sys.stdin.readline()  # the barrier: both writers start saving when the test says "go"
    for n in range(count):
        save_edit(workspace, catalogue, "1.2.2", Edit(note=f"{author} Notiz {n}"), author)
    """
)


@contextlib.contextmanager
def writer_process(*args: str, stdin: bool = True) -> Iterator[subprocess.Popen[str]]:
    """`python -c *args` with its stdout on a pipe; killed at the end if it still runs."""
    with subprocess.Popen(
        [sys.executable, "-c", *args],
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        try:
            yield writer
        finally:
            if writer.poll() is None:
                writer.kill()


def read_line(writer: subprocess.Popen[str]) -> str:
    """The writer's next line on its pipe ("" if it died first)."""
    assert writer.stdout is not None
    return writer.stdout.readline()


def test_two_processes_adding_50_notes_each_all_land(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    root = str(workspace.root)
    with (
        writer_process(WRITER, root, "anna", "50") as anna,
        writer_process(WRITER, root, "bernd", "50") as bernd,
    ):
        assert [read_line(anna), read_line(bernd)] == ["ready\n", "ready\n"]  # at the barrier
        for writer in (anna, bernd):
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.close()
        assert [anna.wait(timeout=120), bernd.wait(timeout=120)] == [0, 0]
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


STEP_WRITER = textwrap.dedent(
    """
    import fcntl, os, sys
    from pathlib import Path
    import monitor_tui.fileio
    from monitor_tui.catalogue import load_catalogue
    from monitor_tui.status.edits import Edit
    from monitor_tui.status.store import save_edit
    from monitor_tui.workspace import Workspace

    workspace = Workspace(Path(sys.argv[1]))
    step = sys.argv[2]
    catalogue = load_catalogue(workspace.catalogue_dir)

    def hang(where):
        print(where, flush=True)  # the test kills the writer once it reads this line
        sys.stdin.read()
        raise SystemExit("not killed at " + where)

    real_flock, real_fdopen, real_fsync = fcntl.flock, os.fdopen, os.fsync
    real_fsync_folder = monitor_tui.fileio.fsync_folder

    def flock(fd, operation):
        real_flock(fd, operation)
        if step == "locked" and operation == fcntl.LOCK_EX:
            hang("locked")

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            hang("half-written")
        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        return HalfWriter(handle) if step == "half-written" else handle

    def fsync(fd):
        real_fsync(fd)
        if step == "written":  # the temp file is whole; the rename has not happened
            hang("written")

    def fsync_folder(folder):
        if step == "renamed":  # the new file is in place; the folder is not synced yet
            hang("renamed")
        real_fsync_folder(folder)

    fcntl.flock, os.fdopen, os.fsync = flock, fdopen, fsync
    monitor_tui.fileio.fsync_folder = fsync_folder
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt", note="neu " * 50000), "anna")
    """
)


def assert_lock_is_free(workspace: Workspace) -> None:
    """The killed writer's lock died with it: taking it must not block."""
    fd = os.open(lock_path(status_path(workspace.status_dir, "1.2.2")), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("step", "on_disk"),
    [("locked", "old"), ("half-written", "old"), ("written", "old"), ("renamed", "new")],
)
def test_writer_killed_at_each_step_of_a_save_leaves_a_whole_file(
    workspace: Workspace, catalogue: Catalogue, step: str, on_disk: str
) -> None:
    save_edit(workspace, catalogue, "1.2.2", Edit(status="in-umsetzung", note="alt"), "anna")
    path = status_path(workspace.status_dir, "1.2.2")
    before = path.read_bytes()
    with writer_process(STEP_WRITER, str(workspace.root), step) as writer:
        assert read_line(writer) == f"{step}\n", "the writer did not get to the step"
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
    assert_lock_is_free(workspace)
    status = load_status(workspace, catalogue, "1.2.2")
    if on_disk == "old":
        assert path.read_bytes() == before
        assert status.status == "in-umsetzung" and status.rev == 1
    else:
        assert status.status == "umgesetzt" and status.rev == 2
        assert status.log[0].text == "neu " * 50000
    leftovers = list(workspace.status_dir.glob(".1.2.2.md.*.tmp"))
    assert len(leftovers) == (1 if step in ("half-written", "written") else 0)
    # the next save goes through and clears what the killed writer left
    save_edit(workspace, catalogue, "1.2.2", Edit(note="weiter"), "bernd")
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
    n = 0
    while True:
        n += 1
        save_edit(workspace, catalogue, "1.2.2", Edit(note=f"Notiz {n} " + "x" * 20000), "anna")
        print(f"saved {n}", flush=True)
    """
)


@pytest.mark.parametrize("saves", [1, 4, 12])
def test_writer_killed_while_saving_on_and_on_leaves_a_whole_file(
    workspace: Workspace, catalogue: Catalogue, saves: int
) -> None:
    """Killed right after it reported `saves` saves, somewhere in one of the next ones."""
    with writer_process(LOOPING_WRITER, str(workspace.root), stdin=False) as writer:
        for n in range(1, saves + 1):
            assert read_line(writer) == f"saved {n}\n", "the writer stopped before it was killed"
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
    assert_lock_is_free(workspace)
    status = load_status(workspace, catalogue, "1.2.2")
    assert status.rev >= saves
    assert status.rev == len(status.log)  # every save whole: one entry per revision
    assert [int(e.text.split()[1]) for e in status.log] == list(range(status.rev, 0, -1))
