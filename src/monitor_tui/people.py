"""`catalogue/people.toml`: who the logins are and whom to write to in each office.

```toml
[people.anna]
name = "Anna Beispiel"
offices = ["Büro für Migration und Integration"]   # the old form `office = "…"` is read too
email = "anna.beispiel@stadt.mainz.de"

[offices."Bürgeramt"]
contact = "Frau Muster"
email = "buergeramt@stadt.mainz.de"
phone = "06131 12-0000"
```

Logins stay the audit fact in the status files; this file only says how to show them (name and
office) and whom an update request goes to. Office names must be those of the catalogue.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor_tui.catalogue import PEOPLE_FILE, read_toml
from monitor_tui.i18n import _
from monitor_tui.problems import Problem

_PERSON_KEYS = {"name", "offices", "office", "email"}
_OFFICE_KEYS = {"contact", "email", "phone"}


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    offices: tuple[str, ...] = ()
    email: str = ""

    def display(self) -> str:
        """ "Anna Beispiel (Büro für Migration und Integration)"."""
        return f"{self.name} ({'; '.join(self.offices)})" if self.offices else self.name


@dataclass(frozen=True)
class OfficeContact:
    """Whom an update request to an office is addressed to; every part is optional."""

    office: str
    contact: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Directory:
    """Everything people.toml says: the people by login, the offices' contacts by name."""

    people: Mapping[str, Person] = field(default_factory=dict)
    offices: Mapping[str, OfficeContact] = field(default_factory=dict)

    def name_of(self, login: str) -> str:
        """Name and office when the login is known, else the login itself."""
        person = self.people.get(login)
        return person.display() if person else login

    def offices_of(self, login: str) -> tuple[str, ...]:
        person = self.people.get(login)
        return person.offices if person else ()

    def contact(self, office: str) -> OfficeContact:
        return self.offices.get(office) or OfficeContact(office)

    def names(self) -> dict[str, str]:
        """Login → the name shown for it, for every known person."""
        return {login: person.display() for login, person in self.people.items()}


def load_directory(catalogue_dir: Path) -> Directory:
    """The people file; a broken one shows logins instead (`check` reports it)."""
    directory, _problems = read_directory(catalogue_dir)
    return directory


def load_people(catalogue_dir: Path) -> dict[str, Person]:
    """Login → Person from the optional people file."""
    return dict(load_directory(catalogue_dir).people)


def read_directory(
    catalogue_dir: Path, known_offices: Collection[str] | None = None
) -> tuple[Directory, list[Problem]]:
    """The people file and its problems; with `known_offices` (the catalogue's), an office name
    that is not among them is a problem naming the valid ones."""
    path = catalogue_dir / PEOPLE_FILE
    if not path.exists():
        return Directory(), []
    problems: list[Problem] = []
    parsed = read_toml(path, problems)
    if parsed is None:
        return Directory(), problems
    data, lines = parsed
    reader = _Reader(path, lines.lines, known_offices, problems)
    for key in data:
        if key not in ("people", "offices"):
            problems.append(Problem(path, reader.line_of(key), _("people_format")))
    people = reader.people(data.get("people", {}))
    offices = reader.offices(data.get("offices", {}))
    return Directory(people, offices), problems


class _Reader:
    """Validates the tables of one people file, naming the line of each problem."""

    def __init__(
        self,
        path: Path,
        lines: list[str],
        known: Collection[str] | None,
        problems: list[Problem],
    ) -> None:
        self.path = path
        self.lines = lines
        self.known = known
        self.problems = problems

    def line_of(self, *words: str) -> int:
        """The first table header that holds all `words` (1 when there is none)."""
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip()
            if stripped.startswith("[") and all(word in stripped for word in words):
                return number
        return 1

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def check_office(self, office: str, line: int, where: str) -> None:
        if self.known is not None and office not in self.known:
            choices = "; ".join(sorted(self.known))
            self.report(line, _("people_office_unknown", office=office, where=where, known=choices))

    def people(self, table: Any) -> dict[str, Person]:
        if not isinstance(table, dict):
            self.report(self.line_of("people"), _("people_format"))
            return {}
        found: dict[str, Person] = {}
        for login, entry in table.items():
            line = self.line_of("people", login)
            person = self.person(login, entry, line)
            if person is not None:
                found[login] = person
        return found

    def person(self, login: str, entry: Any, line: int) -> Person | None:
        if not isinstance(entry, dict):
            self.report(line, _("people_entry", login=login))
            return None
        name, email = entry.get("name"), entry.get("email", "")
        offices = entry.get("offices", [entry["office"]] if "office" in entry else [])
        valid_offices = isinstance(offices, list) and all(
            isinstance(o, str) and o.strip() for o in offices
        )
        if (
            not isinstance(name, str)
            or not name.strip()
            or not valid_offices
            or not isinstance(email, str)
        ):
            self.report(line, _("people_entry", login=login))
            return None
        for key in entry:
            if key not in _PERSON_KEYS:
                self.report(line, _("key_unknown", key=key))
        for office in offices:
            self.check_office(office, line, login)
        return Person(login, name, tuple(offices), email)

    def offices(self, table: Any) -> dict[str, OfficeContact]:
        if not isinstance(table, dict):
            self.report(self.line_of("offices"), _("people_format"))
            return {}
        found: dict[str, OfficeContact] = {}
        for office, entry in table.items():
            line = self.line_of("offices", office)
            values = entry if isinstance(entry, dict) else {}
            if not isinstance(entry, dict) or not all(
                isinstance(values.get(k, ""), str) for k in _OFFICE_KEYS
            ):
                self.report(line, _("people_office_entry", office=office))
                continue
            for key in values:
                if key not in _OFFICE_KEYS:
                    self.report(line, _("key_unknown", key=key))
            self.check_office(office, line, f'[offices."{office}"]')
            found[office] = OfficeContact(
                office, values.get("contact", ""), values.get("email", ""), values.get("phone", "")
            )
        return found


def read_people(catalogue_dir: Path) -> tuple[dict[str, Person], list[Problem]]:
    """Login → Person, and the problems of the file (without checking office names)."""
    directory, problems = read_directory(catalogue_dir)
    return dict(directory.people), problems
