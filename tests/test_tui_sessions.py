"""Several sessions on one workspace, as the user sees it: saves of others appear, broken files
are reported until repaired, conflicts are resolved by choice. (The logic behind it, without
Textual, is in test_session.py.)"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from monitor_tui.catalogue import load_catalogue
from monitor_tui.session import WorkspaceSession
from monitor_tui.status.edits import Conflict, Edit, edit_from_conflicts
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.status.watch import StatusFolderWatcher
from monitor_tui.tui.app import MonitorApp
from monitor_tui.tui.screens.conflict import ConflictScreen
from monitor_tui.tui.screens.main import POLL_SECONDS, MainScreen
from monitor_tui.workspace import Workspace
from tests.tui_helpers import press, run_app, screen_text, settle, wait_until


def test_watcher_reports_new_changed_and_removed_files(tmp_path: Path) -> None:
    folder = tmp_path / "status"
    folder.mkdir()
    watcher = StatusFolderWatcher(folder)
    assert watcher.changed() == set()
    (folder / "1.1.1.md").write_text("a")
    (folder / ".1.1.1.lock").write_text("")
    assert watcher.changed() == {"1.1.1"}
    assert watcher.changed() == set()
    replacement = folder / "new.tmp"
    replacement.write_text("b")
    replacement.replace(folder / "1.1.1.md")  # an atomic save: new inode
    assert watcher.changed() == {"1.1.1"}
    (folder / "1.1.1.md").unlink()
    assert watcher.changed() == {"1.1.1"}


def test_watcher_of_a_missing_folder_sees_nothing(tmp_path: Path) -> None:
    assert StatusFolderWatcher(tmp_path / "absent").changed() == set()


def test_the_folder_is_polled_often_enough_for_two_seconds() -> None:
    assert POLL_SECONDS <= 1.0


def test_note_added_in_another_session_appears_in_tree_and_details(workspace: Workspace) -> None:
    """No manual poll: the screen's own timer must pick the save up."""
    other = WorkspaceSession.open(workspace)

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        screen.go_to_measure("1.1.1")
        await settle(pilot)
        assert "1 0/7 umgesetzt Bildung" in screen_text(app)
        edit = Edit(status="verstetigt", note="Aus Sitzung B")
        assert other.save("1.1.1", edit, other.status_of("1.1.1")).kind == "saved"
        await wait_until(
            pilot,
            lambda: "Aus Sitzung B" in screen_text(app),
            "the other session's note in the details",
        )
        text = screen_text(app)
        assert "1 1/7 umgesetzt Bildung" in text and "★ verstetigt" in text

    run_app(workspace, scenario, size=(120, 50))


def test_broken_files_leave_the_status_line_as_they_are_repaired(workspace: Workspace) -> None:
    catalogue = load_catalogue(workspace.catalogue_dir)
    save_edit(workspace, catalogue, "1.2.2", Edit(status="umgesetzt"), "anna")
    good = status_path(workspace.status_dir, "1.2.2").read_bytes()
    for measure_id in ("1.2.1", "1.2.2"):
        status_path(workspace.status_dir, measure_id).write_text("kaputt\n", encoding="utf-8")

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        assert "2 fehlerhafte Statusdatei(en): 1.2.1, 1.2.2" in screen_text(app)
        status_path(workspace.status_dir, "1.2.1").unlink()  # no file: nothing recorded
        screen.poll_status_folder()  # what the 1-second timer does
        await settle(pilot)
        assert "1 fehlerhafte Statusdatei(en): 1.2.2 –" in screen_text(app)
        screen.go_to_measure("1.2.2")
        await settle(pilot)
        assert "Statusdatei von 1.2.2 fehlerhaft" in screen_text(app)
        status_path(workspace.status_dir, "1.2.2").write_bytes(good)  # repaired elsewhere
        screen.poll_status_folder()
        await settle(pilot)
        text = screen_text(app)
        assert "✓ 1.2.2" in text
        assert "fehlerhaft" not in text
        assert "Statusdatei von 1.2.2 neu gelesen" in text

    run_app(workspace, scenario, size=(120, 24))


def test_a_conflict_shows_both_versions_and_the_user_chooses(workspace: Workspace) -> None:
    """The app shows a measure, another session sets it "in Planung", the app's user picks
    "umgesetzt" without having seen that: once keeping hers, once keeping theirs."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    seen: dict[str, str] = {}

    async def scenario(app: MonitorApp, screen: MainScreen, pilot: Pilot[None]) -> None:
        for measure_id, answer in (("1.2.2", "m"), ("1.2.1", "a")):
            screen.go_to_measure(measure_id)
            await settle(pilot)
            save_edit(workspace, catalogue, measure_id, Edit(status="in-planung"), "bernd")
            await press(pilot, "s", "g")  # "umgesetzt"
            assert isinstance(app.screen, ConflictScreen), measure_id
            seen[measure_id] = screen_text(app)
            await press(pilot, answer)
            assert isinstance(app.screen, MainScreen), measure_id
        assert "Maßnahme 1.2.1: andere Fassung behalten" in screen_text(app)

    run_app(workspace, scenario, size=(100, 30))
    for text in seen.values():
        text = " ".join(text.split())
        assert "andere Fassung: in Planung" in text and "meine Fassung: umgesetzt" in text
        # who changed it meanwhile, and when: the log says so
        assert "zuletzt von bernd, 27.11.2026" in text or "zuletzt von bernd," in text, text
        assert "(geändert von bernd, " in text
    mine = load_status(workspace, catalogue, "1.2.2")
    assert mine.status == "umgesetzt"
    assert [c.new for e in mine.log for c in e.changes] == ["umgesetzt", "in-planung"]
    theirs = load_status(workspace, catalogue, "1.2.1")
    assert theirs.status == "in-planung" and theirs.log[0].author == "bernd"


def test_edit_from_conflicts_writes_mine_for_each_field() -> None:
    edit = edit_from_conflicts(
        (
            Conflict("status", "offen", "in-planung", "umgesetzt"),
            Conflict("priority", "—", "hoch", "—"),
            Conflict("target:kurz", "offen", "erreicht", "nicht-erreicht"),
            Conflict("reviewed", "—", "2026-01-01", "2026-02-02"),
        )
    )
    assert edit.status == "umgesetzt" and edit.priority == "" and edit.assessment is None
    assert dict(edit.targets) == {"kurz": "nicht-erreicht"}
    assert edit.reviewed is not None and edit.reviewed.isoformat() == "2026-02-02"
