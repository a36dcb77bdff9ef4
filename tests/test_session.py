"""WorkspaceSession without Textual: what one person's session sees of a shared workspace.

Other sessions' saves show up at the next poll, a save over someone else's change is a conflict
that loses nothing, broken files are listed and never rewritten, reload reads everything again.
"""

from __future__ import annotations

from datetime import date

from monitor_tui.session import WorkspaceSession
from monitor_tui.status.edits import Edit, edit_from_conflicts
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import current_login, load_status
from monitor_tui.workspace import Workspace

TODAY = date(2026, 11, 27)


def open_session(workspace: Workspace) -> WorkspaceSession:
    return WorkspaceSession.open(workspace, TODAY)


def on_disk(session: WorkspaceSession, measure_id: str):  # type: ignore[no-untyped-def]
    return load_status(session.workspace, session.catalogue, measure_id)


def test_a_new_session_sees_what_is_recorded_and_nothing_for_the_rest(
    workspace: Workspace,
) -> None:
    open_session(workspace).save("1.2.2", Edit(status="umgesetzt"), None)
    session = open_session(workspace)
    assert session.status_of("1.2.2").status == "umgesetzt"
    assert session.status_of("3.1.1").status == "offen" and session.status_of("3.1.1").rev == 0
    assert session.broken == {}
    assert session.status_file("1.2.2") == status_path(workspace.status_dir, "1.2.2")
    assert session.status_file("3.1.1") is None  # nothing to open in an editor yet
    assert session.today() == TODAY
    assert WorkspaceSession.open(workspace).today() == date.today()


def test_note_added_in_one_session_appears_in_the_other_at_its_next_poll(
    workspace: Workspace,
) -> None:
    anna, bernd = open_session(workspace), open_session(workspace)
    assert bernd.poll().changed == frozenset()
    outcome = anna.save("1.2.2", Edit(note="Aus Sitzung A"), anna.status_of("1.2.2"))
    assert outcome.kind == "saved" and outcome.status is not None
    assert anna.status_of("1.2.2") == outcome.status  # the saving session needs no poll
    assert bernd.status_of("1.2.2").log == ()
    result = bernd.poll()
    assert result.changed == {"1.2.2"} and result.repaired == ()
    [entry] = bernd.status_of("1.2.2").log
    assert (entry.text, entry.author) == ("Aus Sitzung A", current_login())
    assert bernd.poll().changed == frozenset()  # reported once


def test_every_measure_another_session_changed_is_reported_in_one_poll(
    workspace: Workspace,
) -> None:
    anna, bernd = open_session(workspace), open_session(workspace)
    for measure_id in ("1.1.1", "3.1.1", "5.1.1"):
        anna.save(measure_id, Edit(status="in-planung"), None)
    assert bernd.poll().changed == {"1.1.1", "3.1.1", "5.1.1"}
    assert all(bernd.status_of(m).status == "in-planung" for m in ("1.1.1", "3.1.1", "5.1.1"))


def test_a_poll_ignores_files_of_measures_the_catalogue_does_not_have(
    workspace: Workspace,
) -> None:
    session = open_session(workspace)
    (workspace.status_dir / "9.9.9.md").write_text("kaputt\n", encoding="utf-8")
    (workspace.status_dir / "notizen.txt").write_text("kein Status\n", encoding="utf-8")
    assert session.poll().changed == frozenset() and session.broken == {}


def test_a_status_file_deleted_by_hand_reads_as_nothing_recorded(workspace: Workspace) -> None:
    open_session(workspace).save("1.2.2", Edit(status="umgesetzt"), None)
    session = open_session(workspace)
    status_path(workspace.status_dir, "1.2.2").unlink()
    assert session.poll().changed == {"1.2.2"}
    assert session.status_of("1.2.2").status == "offen" and session.status_of("1.2.2").rev == 0


def test_a_file_this_session_created_and_someone_deleted_reads_as_nothing_recorded(
    workspace: Workspace,
) -> None:
    session = open_session(workspace)
    session.save("1.2.2", Edit(status="umgesetzt"), None)
    status_path(workspace.status_dir, "1.2.2").unlink()
    session.poll()
    assert session.status_of("1.2.2").status == "offen"


def test_a_save_over_another_sessions_change_is_a_conflict_that_loses_nothing(
    workspace: Workspace,
) -> None:
    anna, bernd = open_session(workspace), open_session(workspace)
    seen_by_anna = anna.status_of("1.2.2")
    bernd.save("1.2.2", Edit(status="in-planung"), bernd.status_of("1.2.2"))
    outcome = anna.save(
        "1.2.2", Edit(status="umgesetzt", priority="hoch", note="Annas Notiz"), seen_by_anna
    )
    assert outcome.kind == "conflict"
    [conflict] = outcome.conflicts
    assert (conflict.field, conflict.base, conflict.theirs, conflict.mine) == (
        "status",
        "offen",
        "in-planung",
        "umgesetzt",
    )
    # Bernd's status stays; what did not collide and the note are saved.
    assert outcome.status is not None and outcome.status == on_disk(anna, "1.2.2")
    assert outcome.status.status == "in-planung" and outcome.status.priority == "hoch"
    assert outcome.status.log[0].text == "Annas Notiz"
    assert anna.status_of("1.2.2") == outcome.status
    # Anna has seen both versions and keeps hers: saved on top of what is on disk now.
    again = anna.save("1.2.2", edit_from_conflicts(outcome.conflicts), outcome.status)
    assert again.kind == "saved" and on_disk(anna, "1.2.2").status == "umgesetzt"
    changes = [c.new for entry in on_disk(anna, "1.2.2").log for c in entry.changes]
    assert changes == ["umgesetzt", "hoch", "in-planung"]


def test_the_same_value_from_both_sessions_is_no_conflict(workspace: Workspace) -> None:
    anna, bernd = open_session(workspace), open_session(workspace)
    seen_by_anna = anna.status_of("2.1.2")
    bernd.save("2.1.2", Edit(status="umgesetzt"), bernd.status_of("2.1.2"))
    outcome = anna.save("2.1.2", Edit(status="umgesetzt"), seen_by_anna)
    assert outcome.kind == "saved" and outcome.conflicts == ()


def test_a_broken_status_file_is_listed_refused_and_never_rewritten(
    workspace: Workspace,
) -> None:
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_text("kaputt\n", encoding="utf-8")
    session = open_session(workspace)
    [problem] = session.broken["1.2.2"]
    assert str(problem).startswith(f"{path}:1: ")
    assert "1.2.2" not in session.statuses
    outcome = session.save("1.2.2", Edit(note="darf nicht landen"), None)
    assert outcome.kind == "error" and outcome.reason.startswith(f"{path}:1: ")
    assert outcome.status is None
    assert path.read_text(encoding="utf-8") == "kaputt\n"
    assert session.save("1.2.1", Edit(status="umgesetzt"), None).kind == "saved"  # the rest works
    assert "1.2.2" in session.broken


def test_a_file_that_breaks_under_a_running_session_is_reported_at_the_next_poll(
    workspace: Workspace,
) -> None:
    session = open_session(workspace)
    session.save("1.2.2", Edit(status="umgesetzt"), None)
    status_path(workspace.status_dir, "1.2.2").write_text("kaputt\n", encoding="utf-8")
    result = session.poll()
    assert result.changed == {"1.2.2"} and result.repaired == ()
    assert "1.2.2" in session.broken and "1.2.2" not in session.statuses


def test_a_repaired_file_is_reported_as_repaired_and_read_again(workspace: Workspace) -> None:
    session = open_session(workspace)
    session.save("1.2.2", Edit(status="umgesetzt"), None)
    path = status_path(workspace.status_dir, "1.2.2")
    good = path.read_bytes()
    for measure_id in ("1.2.1", "1.2.2"):
        status_path(workspace.status_dir, measure_id).write_text("kaputt\n", encoding="utf-8")
    session = open_session(workspace)
    assert set(session.broken) == {"1.2.1", "1.2.2"}
    path.write_bytes(good)  # repaired in an editor of another session
    result = session.poll()
    assert result.changed == {"1.2.2"} and result.repaired == ("1.2.2",)
    assert set(session.broken) == {"1.2.1"}
    assert session.status_of("1.2.2").status == "umgesetzt"


def test_an_unreadable_status_file_is_reported_not_raised(workspace: Workspace) -> None:
    session = open_session(workspace)
    status_path(workspace.status_dir, "1.2.2").mkdir()  # a folder where the file should be
    session.reload_measure("1.2.2")
    [problem] = session.broken["1.2.2"]
    assert problem.path == status_path(workspace.status_dir, "1.2.2") and problem.message


def test_an_unknown_value_is_an_error_outcome_with_the_valid_choices(
    workspace: Workspace,
) -> None:
    session = open_session(workspace)
    outcome = session.save("1.2.2", Edit(status="fertig"), None)
    assert outcome.kind == "error" and "Möglich: offen, in-planung" in outcome.reason
    assert list(workspace.status_dir.iterdir()) == []


def test_a_status_folder_that_cannot_be_written_is_an_error_outcome(
    workspace: Workspace,
) -> None:
    session = open_session(workspace)
    workspace.status_dir.rmdir()
    workspace.status_dir.write_text("eine Datei, wo der Ordner sein sollte", encoding="utf-8")
    outcome = session.save("1.2.2", Edit(note="x"), None)
    assert outcome.kind == "error" and outcome.reason
    assert session.status_of("1.2.2").log == ()


def test_reload_reads_catalogue_and_every_status_again(workspace: Workspace) -> None:
    session = open_session(workspace)
    open_session(workspace).save("4.1.1", Edit(status="entfallen"), None)
    field_file = workspace.catalogue_dir / "1-bildung.toml"
    field_file.write_text(
        field_file.read_text(encoding="utf-8").replace('title = "Bildung"', 'title = "Schule"'),
        encoding="utf-8",
    )
    assert session.status_of("4.1.1").status == "offen"
    assert session.reload() == []
    assert session.status_of("4.1.1").status == "entfallen"
    assert session.catalogue.fields[0].title == "Schule"
    assert session.poll().changed == frozenset()  # reload starts watching from here


def test_reload_of_a_broken_catalogue_keeps_what_the_session_had(workspace: Workspace) -> None:
    session = open_session(workspace)
    session.save("1.2.2", Edit(status="umgesetzt"), None)
    catalogue = session.catalogue
    broken = workspace.catalogue_dir / "1-bildung.toml"
    broken.write_text("id = \n", encoding="utf-8")
    problems = session.reload()
    assert problems and str(problems[0]).startswith(f"{broken}:1:")
    assert session.catalogue is catalogue
    assert session.status_of("1.2.2").status == "umgesetzt"


def test_the_saving_person_is_the_login(workspace: Workspace) -> None:
    session = open_session(workspace)
    assert session.login == current_login()
    outcome = session.save("5.1.1", Edit(note="signiert"), None)
    assert outcome.status is not None and outcome.status.log[0].author == current_login()
