"""`catalogue/people.toml`: who signs entries, by login, with the name and office to show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from monitor_tui.catalogue import PEOPLE_FILE, read_toml
from monitor_tui.i18n import _
from monitor_tui.problems import Problem


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    office: str = ""

    def display(self) -> str:
        return f"{self.name} ({self.office})" if self.office else self.name


def load_people(catalogue_dir: Path) -> dict[str, Person]:
    """Login → Person from the optional people file; a broken file shows logins instead
    (`check` reports it)."""
    people, _problems = read_people(catalogue_dir)
    return people


def read_people(catalogue_dir: Path) -> tuple[dict[str, Person], list[Problem]]:
    """Login → Person, and the problems of the file ([people.<login>] name, office)."""
    path = catalogue_dir / PEOPLE_FILE
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    parsed = read_toml(path, problems)
    if parsed is None:
        return {}, problems
    data, lines = parsed
    people: dict[str, Person] = {}
    table = data.get("people", {})
    if not isinstance(table, dict) or set(data) - {"people"}:
        return {}, [Problem(path, 1, _("people_format"))]
    for login, entry in table.items():
        name = entry.get("name") if isinstance(entry, dict) else None
        office = entry.get("office", "") if isinstance(entry, dict) else ""
        if not isinstance(name, str) or not name.strip() or not isinstance(office, str):
            line = lines.table(f"people.{login}")
            problems.append(Problem(path, line, _("people_entry", login=login)))
            continue
        people[login] = Person(login, name, office)
    return people, problems
