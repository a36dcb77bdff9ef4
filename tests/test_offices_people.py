"""people.toml (people with offices, offices with contacts), names instead of logins in the
CLI and the exports, required reasons and next steps on the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.cli import main
from monitor_tui.people import OfficeContact, Person, read_directory
from monitor_tui.status.store import load_status
from monitor_tui.workspace import Workspace

PEOPLE = """\
[people.anna]
name = "Anna Beispiel"
offices = ["Büro für Migration und Integration", "Bürgeramt"]
email = "anna@example.org"

[people.bernd]            # the old form, one office
name = "Bernd Muster"
office = "Frauenbüro"

[offices."Bürgeramt"]
contact = "Frau Muster"
email = "buergeramt@example.org"
phone = "06131 12-3456"
"""


def _people(workspace: Workspace, text: str = PEOPLE) -> None:
    (workspace.catalogue_dir / "people.toml").write_text(text, encoding="utf-8")


def test_people_and_office_contacts_are_read(workspace: Workspace) -> None:
    _people(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    directory, problems = read_directory(workspace.catalogue_dir, catalogue.offices())
    assert problems == []
    assert directory.people["anna"] == Person(
        "anna",
        "Anna Beispiel",
        ("Büro für Migration und Integration", "Bürgeramt"),
        "anna@example.org",
    )
    assert directory.people["bernd"].offices == ("Frauenbüro",)
    assert directory.contact("Bürgeramt") == OfficeContact(
        "Bürgeramt", "Frau Muster", "buergeramt@example.org", "06131 12-3456"
    )
    assert directory.name_of("bernd") == "Bernd Muster (Frauenbüro)"


def test_check_names_unknown_offices_with_the_valid_ones(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(
        workspace,
        PEOPLE
        + '\n[people.carla]\nname = "Carla"\noffices = ["Buergeramt"]\n'
        + '\n[offices."Ordnungsamt"]\ncontact = "Herr X"\nfax = "1"\n',
    )
    assert main(["-w", str(workspace.root), "check"]) == 1
    err = capsys.readouterr().err
    path = workspace.catalogue_dir / "people.toml"
    assert f"{path}:15: Unbekanntes Amt „Buergeramt“ (carla). Ämter im Katalog: " in err
    assert "Bürgeramt; Büro für Migration und Integration" in err
    assert "Unbekanntes Amt „Ordnungsamt“" in err and "„fax“" in err


def test_names_instead_of_logins_in_the_cli_and_the_exports(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _people(workspace)
    monkeypatch.setenv("LOGNAME", "anna")
    root = str(workspace.root)
    assert main(["-w", root, "status", "1.2.2", "--note", "Flyer gedruckt"]) == 0
    out = capsys.readouterr().out
    assert "· Anna Beispiel (Büro für Migration und Integration; Bürgeramt) [anna]" in out
    assert main(["-w", root, "log"]) == 0
    assert "Anna Beispiel" in capsys.readouterr().out
    text = (workspace.status_dir / "1.2.2.md").read_text(encoding="utf-8")
    assert " · anna\n" in text and "Anna" not in text  # the file keeps the login
    assert main(["-w", root, "export", "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    measures = [m for f in data["fields"] for g in f["goals"] for m in g["measures"]]
    (note,) = next(m for m in measures if m["id"] == "1.2.2")["notes"]
    assert note["author"] == "anna"
    assert note["author_name"] == "Anna Beispiel (Büro für Migration und Integration; Bürgeramt)"
    assert main(["-w", root, "export", "--format", "markdown", "-o", "-"]) == 0
    assert (
        "Anna Beispiel (Büro für Migration und Integration; Bürgeramt)" in capsys.readouterr().out
    )


def test_export_mine_restricts_to_my_offices(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _people(workspace)
    monkeypatch.setenv("LOGNAME", "bernd")
    assert main(["-w", str(workspace.root), "export", "--mine", "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = [m["id"] for f in data["fields"] for g in f["goals"] for m in g["measures"]]
    assert ids == ["3.3.1"]  # the Frauenbüro's one measure
    assert data["restriction"] == "Ämter: Frauenbüro"
    monkeypatch.setenv("LOGNAME", "nobody")
    assert main(["-w", str(workspace.root), "export", "--mine", "-o", "-"]) == 2


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--set", "entfallen", "Umsetzungsstand „entfallen“"),
        ("--set", "zurueckgestellt", "Umsetzungsstand „zurückgestellt“"),
        ("--assessment", "kritisch", "Bewertung „kritisch“"),
        ("--assessment", "gefaehrdet", "Bewertung „gefährdet“"),
    ],
)
def test_values_that_need_a_reason_are_refused_without_a_note(
    workspace: Workspace,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    words: str,
) -> None:
    root = str(workspace.root)
    assert main(["-w", root, "status", "4.2.2", option, value]) == 2
    err = capsys.readouterr().err
    assert f"{words} braucht eine Begründung" in err and "--note" in err
    assert not (workspace.status_dir / "4.2.2.md").exists()
    assert main(["-w", root, "status", "4.2.2", option, value, "--note", "Weil."]) == 0
    assert (workspace.status_dir / "4.2.2.md").exists()
    # the value already set: nothing to give a reason for
    assert main(["-w", root, "status", "4.2.2", option, value]) == 0


def test_which_values_need_a_reason_is_data(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "concept.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("needs_reason = true\n", ""), encoding="utf-8")
    assert main(["-w", str(workspace.root), "status", "4.2.2", "--set", "entfallen"]) == 0


def test_next_step_on_the_command_line_in_the_file_and_in_the_report(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(workspace.root)
    step = 'Flyer "Elternbrief" → Kitas'
    args = ["-w", root, "status", "1.2.2", "--next-step", step, "--next-step-due", "15.12.2026"]
    assert main(args) == 0
    assert "Nächster Schritt bis 15.12.2026: Flyer" in capsys.readouterr().out
    catalogue = load_catalogue(workspace.catalogue_dir)
    status = load_status(workspace, catalogue, "1.2.2")
    assert (status.next_step, status.next_step_due) == (step, date(2026, 12, 15))
    text = (workspace.status_dir / "1.2.2.md").read_text(encoding="utf-8")
    assert '- next_step: — → "Flyer \\"Elternbrief\\" → Kitas"' in text
    assert main(["-w", root, "export", "--format", "markdown", "-o", "-"]) == 0
    report = capsys.readouterr().out
    assert "Nächster Schritt (bis 15.12.2026): Flyer" in report
    assert main(["-w", root, "export", "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    flyer = next(
        m for f in data["fields"] for g in f["goals"] for m in g["measures"] if m["id"] == "1.2.2"
    )
    assert (flyer["next_step"], flyer["next_step_due"]) == (step, "2026-12-15")
    assert main(["-w", root, "status", "1.2.2", "--next-step", ""]) == 0
    status = load_status(workspace, catalogue, "1.2.2")
    assert status.next_step is None and status.next_step_due is None
    assert main(["-w", root, "status", "1.2.2", "--next-step-due", "irgendwann"]) == 2
    assert "--next-step-due" in capsys.readouterr().err


def test_report_list_names_who_froze_it(
    workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _people(workspace)
    monkeypatch.setenv("LOGNAME", "anna")
    root = str(workspace.root)
    assert main(["-w", root, "report", "freeze", "--date", "2026-01-31"]) == 0
    capsys.readouterr()
    assert main(["-w", root, "report", "list"]) == 0
    assert (
        "Anna Beispiel (Büro für Migration und Integration; Bürgeramt)" in capsys.readouterr().out
    )
    report = (workspace.root / "reports" / "2026-01-31" / "report.toml").read_text("utf-8")
    assert 'frozen_by = "anna"' in report  # the file keeps the login
