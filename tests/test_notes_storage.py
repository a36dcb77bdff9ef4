"""status/<id>.md: what is recorded, how it is written, and what happens to broken files."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue
from monitor_tui.people import load_people
from monitor_tui.problems import ProblemsError
from monitor_tui.status.edits import Edit, InvalidEdit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import load_all_statuses, load_status, save_edit
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES

HOSTILE = [(case["name"], case["text"]) for case in json.loads(HOSTILE_NOTES.read_text())["cases"]]
BERLIN_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def test_measure_without_file_is_open_with_nothing_recorded(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    status = load_status(workspace, catalogue, "1.2.2")
    assert (status.status, status.assessment, status.priority, status.log) == (
        "offen",
        None,
        None,
        (),
    )
    assert not status_path(workspace.status_dir, "1.2.2").exists()


def test_changes_and_notes_become_a_signed_dated_log(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    first = datetime(2026, 11, 2, 9, 30, tzinfo=BERLIN_WINTER)
    save_edit(
        workspace,
        catalogue,
        "1.2.2",
        Edit(status="in-umsetzung", note="Druck beauftragt."),
        "anna",
        now=first,
    )
    edit = Edit(
        status="umgesetzt",
        targets={"kurz": "erreicht"},
        assessment="im-plan",
        priority="hoch",
        reviewed=date(2026, 11, 27),
    )
    save_edit(workspace, catalogue, "1.2.2", edit, "bernd", now=first + timedelta(days=25))
    status = load_status(workspace, catalogue, "1.2.2")
    assert status.status == "umgesetzt" and status.targets == {"kurz": "erreicht"}
    assert (status.assessment, status.priority, status.reviewed) == (
        "im-plan",
        "hoch",
        date(2026, 11, 27),
    )
    assert status.rev == 2
    newest, oldest = status.log
    assert newest.author == "bernd" and oldest.author == "anna"
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("status", "in-umsetzung", "umgesetzt"),
        ("assessment", "—", "im-plan"),
        ("priority", "—", "hoch"),
        ("reviewed", "—", "2026-11-27"),
        ("target:kurz", "offen", "erreicht"),
    ]
    assert oldest.text == "Druck beauftragt." and oldest.timestamp == first
    text = status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8")
    assert "## 2026-11-02T09:30:00+01:00 · anna\n- status: offen → in-umsetzung\n" in text
    assert text.index("· bernd") < text.index("· anna")  # newest first


def test_internal_notes_are_marked_and_not_public(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    save_edit(workspace, catalogue, "2.1.1", Edit(note="öffentlich"), "anna")
    save_edit(workspace, catalogue, "2.1.1", Edit(note="nur intern", internal=True), "anna")
    status = load_status(workspace, catalogue, "2.1.1")
    assert [e.text for e in status.public_notes()] == ["öffentlich"]
    assert status.log[0].internal
    assert " · intern\n" in status_path(workspace.status_dir, "2.1.1").read_text(encoding="utf-8")


def test_two_part_target_is_set_by_either_term(workspace: Workspace, catalogue: Catalogue) -> None:
    save_edit(workspace, catalogue, "3.4.1", Edit(targets={"lang": "teilweise-erreicht"}), "anna")
    assert load_status(workspace, catalogue, "3.4.1").targets == {
        "mittel-lang": "teilweise-erreicht"
    }


def test_nothing_changed_writes_nothing(workspace: Workspace, catalogue: Catalogue) -> None:
    result = save_edit(workspace, catalogue, "1.1.1", Edit(status="offen"), "anna")
    assert result.status.rev == 0 and not status_path(workspace.status_dir, "1.1.1").exists()


@pytest.mark.parametrize(("name", "text"), HOSTILE, ids=[n for n, _ in HOSTILE])
def test_hostile_note_is_stored_byte_for_byte(
    workspace: Workspace, catalogue: Catalogue, name: str, text: str
) -> None:
    save_edit(workspace, catalogue, "4.1.1", Edit(note="davor"), "anna")
    save_edit(workspace, catalogue, "4.1.1", Edit(note=text, status="in-planung"), "anna")
    save_edit(workspace, catalogue, "4.1.1", Edit(note="danach"), "anna")
    status = load_status(workspace, catalogue, "4.1.1")
    assert [e.text for e in status.log] == ["danach", text, "davor"]
    assert status.status == "in-planung" and status.rev == 3
    assert text.encode("utf-8") in status_path(workspace.status_dir, "4.1.1").read_bytes()


def test_unknown_values_are_refused_with_the_valid_choices(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    with pytest.raises(InvalidEdit, match="Möglich: offen, in-planung, in-vorbereitung"):
        save_edit(workspace, catalogue, "1.1.1", Edit(status="fertig"), "anna")
    with pytest.raises(InvalidEdit, match="Möglich: kurz, lang"):
        save_edit(workspace, catalogue, "1.1.1", Edit(targets={"mittel": "erreicht"}), "anna")
    with pytest.raises(InvalidEdit, match=r"Unbekannte Maßnahme „9\.9\.9“"):
        save_edit(workspace, catalogue, "9.9.9", Edit(note="x"), "anna")
    assert list(workspace.status_dir.iterdir()) == []


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "1.2.2/../../x", "1.2", "", "1.2.2.md"])
def test_ids_are_validated_before_they_become_file_names(workspace: Workspace, bad_id: str) -> None:
    with pytest.raises(InvalidEdit):
        status_path(workspace.status_dir, bad_id)


def test_symlink_in_status_folder_is_refused_not_followed(
    workspace: Workspace, catalogue: Catalogue, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("geheim", encoding="utf-8")
    status_path(workspace.status_dir, "1.2.2").symlink_to(outside)
    with pytest.raises(ProblemsError, match="Symbolischer Link"):
        save_edit(workspace, catalogue, "1.2.2", Edit(note="x"), "anna")
    loaded = load_all_statuses(workspace, catalogue)
    assert "1.2.2" in loaded.broken
    assert outside.read_text(encoding="utf-8") == "geheim"
    assert status_path(workspace.status_dir, "1.2.2").is_symlink()


def test_mode_and_group_of_the_file_are_kept(workspace: Workspace, catalogue: Catalogue) -> None:
    save_edit(workspace, catalogue, "1.3.1", Edit(note="eins"), "anna")
    path = status_path(workspace.status_dir, "1.3.1")
    os.chmod(path, 0o664)
    other_group = 4242 if os.geteuid() == 0 else os.getegid()
    os.chown(path, -1, other_group)
    save_edit(workspace, catalogue, "1.3.1", Edit(note="zwei"), "anna")
    info = os.stat(path)
    assert info.st_mode & 0o777 == 0o664 and info.st_gid == other_group


def test_writes_leave_no_temp_files_and_keep_lock_files(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    for n in range(3):
        save_edit(workspace, catalogue, "1.3.1", Edit(note=f"Notiz {n}"), "anna")
    names = sorted(p.name for p in workspace.status_dir.iterdir())
    assert names == [".1.3.1.lock", "1.3.1.md"]


def broken_file(workspace: Workspace, content: bytes) -> Path:
    path = status_path(workspace.status_dir, "1.2.2")
    path.write_bytes(content)
    return path


GOOD_FILE = (
    '+++\nmeasure = "1.2.2"\nrev = 1\nstatus = "umgesetzt"\n+++\n\n'
    "## 2026-11-27T10:00:00+01:00 · anna\n- status: offen → umgesetzt\n"
)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (GOOD_FILE.replace('status = "umgesetzt"', 'status = "umgesetzt'), 4, "TOML-Syntaxfehler"),
        (
            GOOD_FILE.replace('"umgesetzt"', '"fertig"'),
            4,
            "Unbekannter Wert „fertig“ für Umsetzungsstand (status)",
        ),
        (
            GOOD_FILE.replace("rev = 1\n", 'rev = 1\n[targets]\nmittel = "erreicht"\n'),
            5,
            "Unbekannter Zeithorizont „mittel“",
        ),
        (GOOD_FILE.replace("+++\n\n##", "\n\n##"), 1, "Kopfdaten werden nicht"),
        (GOOD_FILE.replace("T10:00:00+01:00", " gestern"), 7, "Hier wird ein Eintrag erwartet"),
        (GOOD_FILE.replace("T10:00:00+01:00", "T10:00:00"), 7, "Ungültiger Zeitstempel"),
        (
            GOOD_FILE.replace('measure = "1.2.2"', 'measure = "1.2.3"'),
            2,
            "gehört zu Maßnahme „1.2.3“",
        ),
        (
            GOOD_FILE.replace("+++\n\n##", "+++\n\nlose Zeile\n##"),
            7,
            "Hier wird ein Eintrag erwartet",
        ),
    ],
)
def test_broken_file_is_reported_with_its_line_and_never_rewritten(
    workspace: Workspace, catalogue: Catalogue, content: str, line: int, message: str
) -> None:
    path = broken_file(workspace, content.encode("utf-8"))
    before = path.read_bytes()
    loaded = load_all_statuses(workspace, catalogue)
    problems = [str(p) for p in loaded.broken["1.2.2"]]
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in problems), problems
    with pytest.raises(ProblemsError):
        save_edit(workspace, catalogue, "1.2.2", Edit(note="darf nicht landen"), "anna")
    assert path.read_bytes() == before
    assert "1.1.1" in loaded.statuses  # the rest of the workspace keeps working
    save_edit(workspace, catalogue, "1.1.1", Edit(note="geht"), "anna")


def test_non_utf8_file_is_reported_with_its_line(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    path = broken_file(workspace, GOOD_FILE.encode("utf-8").replace(b"anna", b"j\xfcrgen"))
    [problem] = load_all_statuses(workspace, catalogue).broken["1.2.2"]
    assert str(problem) == f"{path}:7: Datei ist nicht UTF-8-kodiert (Byte 0xFC)"


def test_hand_written_entry_without_fence_is_read(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    broken_file(
        workspace,
        (
            GOOD_FILE.replace(
                "+++\n\n",
                "+++\n\n## 2026-11-28T08:00:00+01:00 · "
                "carla\n\nVon Hand ergänzt.\nZweite Zeile.\n\n",
            )
        ).encode(),
    )
    status = load_status(workspace, catalogue, "1.2.2")
    assert status.log[0].text == "Von Hand ergänzt.\nZweite Zeile."
    save_edit(workspace, catalogue, "1.2.2", Edit(note="danach"), "anna")
    assert [e.author for e in load_status(workspace, catalogue, "1.2.2").log] == [
        "anna",
        "carla",
        "anna",
    ]


def test_hand_edits_and_comments_in_front_matter_survive_a_save(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    broken_file(
        workspace,
        GOOD_FILE.replace("rev = 1\n", "rev = 1  # Zähler\n# Kommentar von Hand\n").encode(),
    )
    save_edit(workspace, catalogue, "1.2.2", Edit(priority="niedrig"), "anna")
    text = status_path(workspace.status_dir, "1.2.2").read_text(encoding="utf-8")
    assert "# Kommentar von Hand" in text and "rev = 2  # Zähler" in text
    assert "## 2026-11-27T10:00:00+01:00 · anna\n- status: offen → umgesetzt\n" in text


def test_orphan_status_file_is_reported_not_deleted(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    orphan = workspace.status_dir / "9.1.1.md"
    orphan.write_text(GOOD_FILE.replace("1.2.2", "9.1.1"), encoding="utf-8")
    loaded = load_all_statuses(workspace, catalogue)
    assert loaded.orphans == [orphan]
    assert any(
        "9.1.1" in str(p) and "gibt es im Katalog nicht" in str(p) for p in loaded.problems()
    )
    assert orphan.exists()


def test_people_file_maps_logins_to_names(workspace: Workspace) -> None:
    (workspace.catalogue_dir / "people.toml").write_text(
        '[people.anna]\nname = "Anna Beispiel"\noffice = "Büro für Migration und Integration"\n',
        encoding="utf-8",
    )
    anna = load_people(workspace.catalogue_dir)["anna"]
    assert anna.display() == "Anna Beispiel (Büro für Migration und Integration)"


def test_symlinked_status_folder_is_refused(
    workspace: Workspace, catalogue: Catalogue, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    workspace.status_dir.rmdir()
    workspace.status_dir.symlink_to(elsewhere)
    with pytest.raises(ProblemsError, match="symbolischer Link"):
        save_edit(workspace, catalogue, "1.2.2", Edit(note="x"), "anna")
    assert list(elsewhere.iterdir()) == []


def test_a_hand_written_file_without_measure_key_gets_it_on_save(
    workspace: Workspace, catalogue: Catalogue
) -> None:
    path = broken_file(workspace, GOOD_FILE.replace('measure = "1.2.2"\n', "").encode())
    save_edit(workspace, catalogue, "1.2.2", Edit(priority="hoch"), "anna")
    assert 'measure = "1.2.2"' in path.read_text(encoding="utf-8")
