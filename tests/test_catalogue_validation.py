"""Broken catalogue files are reported as path:line: message, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_tui import i18n
from monitor_tui.catalogue import load_catalogue
from monitor_tui.problems import ProblemsError
from monitor_tui.workspace import Workspace


def problems_of(workspace: Workspace) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_catalogue(workspace.catalogue_dir)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    hits = [n for n, line in enumerate(lines, 1) if needle in line]
    return hits[occurrence - 1]


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_syntax_error_names_file_and_line(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "2-ausbildung.toml"
    replace_in(path, 'label = "Maßnahme 3"', 'label = "Maßnahme 3')
    line = line_of(path, 'label = "Maßnahme 3')
    [problem] = problems_of(workspace)
    assert problem.startswith(f"{path}:{line}: TOML-Syntaxfehler")


@pytest.mark.parametrize(
    ("broken", "german"),
    [
        (
            'label = "Maßnahme 3',
            "Zeilenende mitten im Text (fehlt das schließende Anführungszeichen?)",
        ),
        ("label = Maßnahme 3", "ungültiger Wert (Text in Anführungszeichen?)"),
        ('label "Maßnahme 3"', "nach dem Schlüssel fehlt „=“"),
    ],
)
def test_syntax_errors_are_explained_in_german(
    workspace: Workspace, broken: str, german: str
) -> None:
    path = workspace.catalogue_dir / "2-ausbildung.toml"
    replace_in(path, 'label = "Maßnahme 3"', broken)
    [problem] = problems_of(workspace)
    assert problem == f"{path}:{line_of(path, broken)}: TOML-Syntaxfehler: {german}"


def test_duplicate_id_names_both_places(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "1-bildung.toml"
    replace_in(path, 'id = "1.2.3"', 'id = "1.2.2"')
    first, second = line_of(path, 'id = "1.2.2"', 1), line_of(path, 'id = "1.2.2"', 2)
    [problem] = problems_of(workspace)
    assert problem == f"{path}:{second}: Doppelte ID „1.2.2“ (bereits vergeben in {path}:{first})"


def test_duplicate_id_across_files(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "5-gesundheit.toml"
    replace_in(path, 'id = "5"', 'id = "4"')
    problems = problems_of(workspace)
    assert any(p.startswith(f"{path}:") and "Doppelte ID „4“" in p for p in problems)


def test_all_problems_are_reported_at_once(workspace: Workspace) -> None:
    bildung = workspace.catalogue_dir / "1-bildung.toml"
    replace_in(bildung, 'terms = ["kurz"]', 'terms = ["bald"]')
    replace_in(bildung, 'id = "1.3.1"', 'id = "1.3.x"')
    wohnen = workspace.catalogue_dir / "3-wohnen.toml"
    replace_in(wohnen, 'indicator = "Ein umfassender', 'indicator = "   "\nold = "')
    problems = problems_of(workspace)
    assert (
        f"{bildung}:{line_of(bildung, 'bald')}: Unbekannter Zeithorizont „bald“ (erlaubt: kurz, mittel, lang)"
        in problems
    )
    assert f"{bildung}:{line_of(bildung, '1.3.x')}: Ungültige ID „1.3.x“" in problems
    assert (
        f"{wohnen}:{line_of(wohnen, 'indicator = ')}: „indicator“ darf nicht leer sein" in problems
    )
    assert f"{wohnen}:{line_of(wohnen, 'old = ')}: Unbekannter Schlüssel „old“" in problems


def test_missing_key_points_at_its_table(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "4-engagement.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "4.2.2"')
    responsible = text.index("responsible = ", start)
    end = text.index("\n", responsible)
    path.write_text(text[:responsible] + text[end + 1 :], encoding="utf-8")
    table_line = text[:start].count("\n")  # the [[goals.measures]] header above the id
    [problem] = problems_of(workspace)
    assert problem == f"{path}:{table_line}: Pflichtfeld „responsible“ fehlt"


def test_non_utf8_file_names_the_line(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "3-wohnen.toml"
    data = path.read_bytes().replace(b"Wohnen", "W\xf6hnen".encode("latin-1"), 1)
    path.write_bytes(data)
    [problem] = problems_of(workspace)
    assert problem == f"{path}:6: Datei ist nicht UTF-8-kodiert (Byte 0xF6)"


def test_messages_in_english_when_asked(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "1-bildung.toml"
    replace_in(path, 'id = "1.2.3"', 'id = "1.2.2"')
    i18n.set_language("en")
    [problem] = problems_of(workspace)
    assert ": duplicate id '1.2.2' (already used at " in problem


def test_missing_concept_file(workspace: Workspace) -> None:
    (workspace.catalogue_dir / "concept.toml").unlink()
    [problem] = problems_of(workspace)
    assert "concept.toml:1: Datei kann nicht gelesen werden" in problem


def test_vocabulary_with_duplicate_key(workspace: Workspace) -> None:
    path = workspace.catalogue_dir / "concept.toml"
    replace_in(path, 'key = "in-planung"', 'key = "offen"')
    [problem] = problems_of(workspace)
    assert "Wert „offen“ kommt in „statuses“ mehrfach vor" in problem


def test_every_value_has_a_distinct_hotkey_and_an_ascii_mark(workspace: Workspace) -> None:
    concept = load_catalogue(workspace.catalogue_dir).concept
    for vocabulary in (
        concept.statuses,
        concept.target_states,
        concept.assessments,
        concept.priorities,
    ):
        hotkeys = [c.hotkey for c in vocabulary]
        marks = [c.mark(ascii_only=True) for c in vocabulary]
        assert all(len(h) == 1 for h in hotkeys) and len(set(hotkeys)) == len(hotkeys)
        assert all(m.isascii() and len(m) == 1 for m in marks) and len(set(marks)) == len(marks)
    in_umsetzung = concept.statuses.get("in-umsetzung")
    assert in_umsetzung is not None and (in_umsetzung.hotkey, in_umsetzung.ascii) == ("u", "U")


def test_a_hotkey_used_twice_and_a_bad_ascii_mark_are_reported_with_their_lines(
    workspace: Workspace,
) -> None:
    path = workspace.catalogue_dir / "concept.toml"
    replace_in(path, 'hotkey = "g"', 'hotkey = "u"')  # umgesetzt takes in Umsetzung's key
    replace_in(path, 'ascii = "~"', 'ascii = "◐"')
    second = line_of(path, 'hotkey = "u"', 2)
    problems = problems_of(workspace)
    assert (
        f"{path}:{second}: Taste „u“ ist in „statuses“ doppelt vergeben "
        "(in-umsetzung und umgesetzt)"
    ) in problems
    bad_line = line_of(path, 'ascii = "◐"')
    assert (
        f"{path}:{bad_line}: „ascii“ muss ein druckbares ASCII-Zeichen sein, nicht „◐“"
    ) in problems


def test_a_concept_file_without_hotkeys_still_gets_a_distinct_letter_per_value(
    workspace: Workspace,
) -> None:
    path = workspace.catalogue_dir / "concept.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(("hotkey = ", "ascii = "))]
    path.write_text("\n".join(kept), encoding="utf-8")
    concept = load_catalogue(workspace.catalogue_dir).concept
    for vocabulary in (concept.statuses, concept.assessments, concept.priorities):
        hotkeys = [c.hotkey for c in vocabulary]
        marks = [c.mark(ascii_only=True) for c in vocabulary]
        assert all(hotkeys) and len(set(hotkeys)) == len(hotkeys)
        assert all(marks) and len(set(marks)) == len(marks)
    assert [c.hotkey for c in concept.priorities] == ["h", "m", "n"]
