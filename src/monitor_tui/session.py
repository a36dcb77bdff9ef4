"""A workspace as one person's session sees it: catalogue, statuses, broken files, other saves.

The terminal app works through this class and never touches files itself; the CLI commands use
the same store and export services. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from monitor_tui.catalogue import load_catalogue
from monitor_tui.i18n import os_error
from monitor_tui.model import Catalogue, MeasureStatus
from monitor_tui.people import Person, load_people
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.status.edits import Conflict, Edit, InvalidEdit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import (
    adopt_hand_edit,
    current_login,
    load_all_statuses,
    load_status_checked,
    save_edit,
)
from monitor_tui.status.watch import StatusFolderWatcher
from monitor_tui.workspace import Workspace

SaveKind = Literal["saved", "conflict", "error"]


@dataclass(frozen=True)
class SaveOutcome:
    """What became of a save: on disk, on disk but with fields the other side changed, or not."""

    kind: SaveKind
    measure_id: str
    status: MeasureStatus | None = None
    """The state now on disk (saved and conflict)."""
    conflicts: tuple[Conflict, ...] = ()
    """Fields not written because another session changed them; notes are always saved."""
    reason: str = ""
    """Why nothing was saved (error), for the user."""


@dataclass(frozen=True)
class PollResult:
    changed: frozenset[str] = frozenset()
    """Measures whose file another session changed; their state is re-read."""
    repaired: tuple[str, ...] = ()
    """Measures whose file was broken and reads fine now."""


@dataclass
class WorkspaceSession:
    """Everything the app shows about a workspace, kept current with what others save."""

    workspace: Workspace
    catalogue: Catalogue
    fixed_today: date | None = None
    """A fixed day (tests); else today, read at each use, since the app may run past midnight."""
    statuses: dict[str, MeasureStatus] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    """Measure id → problems of its status file; such a file is never rewritten."""
    inconsistent: dict[str, list[Problem]] = field(default_factory=dict)
    """Measure id → what does not fit in its log (edited by hand); its state is still shown."""
    people: dict[str, Person] = field(default_factory=dict)
    watcher: StatusFolderWatcher | None = None

    @classmethod
    def open(cls, workspace: Workspace, today: date | None = None) -> WorkspaceSession:
        """The session with every status read. Raises ProblemsError for a broken catalogue."""
        session = cls(workspace, load_catalogue(workspace.catalogue_dir), today)
        session.load_statuses()
        return session

    @property
    def login(self) -> str:
        return current_login()

    def today(self) -> date:
        return self.fixed_today or date.today()

    def status_of(self, measure_id: str) -> MeasureStatus:
        return self.statuses.get(measure_id) or MeasureStatus(measure_id)

    def load_statuses(self) -> None:
        """Read every status file afresh and start watching from here."""
        loaded = load_all_statuses(self.workspace, self.catalogue)
        self.statuses = loaded.statuses
        self.broken = loaded.broken
        self.inconsistent = loaded.inconsistent
        self.people = load_people(self.workspace.catalogue_dir)
        self.watcher = StatusFolderWatcher(self.workspace.status_dir)

    def reload(self) -> list[Problem]:
        """Catalogue and statuses from disk; the catalogue's problems, if it cannot be read
        (then everything stays as it was)."""
        try:
            catalogue = load_catalogue(self.workspace.catalogue_dir)
        except ProblemsError as error:
            return error.problems
        self.catalogue = catalogue
        self.load_statuses()
        return []

    def poll(self) -> PollResult:
        """Re-read the measures whose files changed since the last poll."""
        if self.watcher is None:
            self.watcher = StatusFolderWatcher(self.workspace.status_dir)
            return PollResult()
        changed = frozenset(m for m in self.watcher.changed() if self.catalogue.measure(m))
        if not changed:
            return PollResult()
        was_broken = set(self.broken)
        for measure_id in changed:
            self.reload_measure(measure_id)
        return PollResult(changed, tuple(sorted(was_broken - set(self.broken))))

    def reload_measure(self, measure_id: str) -> None:
        """One measure's status from disk (after an edit by hand or another session's save)."""
        try:
            status, findings = load_status_checked(self.workspace, self.catalogue, measure_id)
        except ProblemsError as error:
            self.broken[measure_id] = error.problems
            self.statuses.pop(measure_id, None)
            self.inconsistent.pop(measure_id, None)
        except OSError as error:
            path = status_path(self.workspace.status_dir, measure_id)
            self.broken[measure_id] = [Problem(path, 0, str(error.strerror or error))]
            self.inconsistent.pop(measure_id, None)
        else:
            self._store(measure_id, status, findings)

    def _store(self, measure_id: str, status: MeasureStatus, findings: Sequence[Problem]) -> None:
        self.statuses[measure_id] = status
        self.broken.pop(measure_id, None)
        if findings:
            self.inconsistent[measure_id] = list(findings)
        else:
            self.inconsistent.pop(measure_id, None)

    def edited_by_hand(self, measure_id: str) -> SaveOutcome | None:
        """After the user's editor closed on the measure's file: read it again and, if its
        state no longer follows from its log, append a signed `von-hand` entry that records
        the difference (the user has just seen the file). None when nothing had to be
        recorded (consistent, or not parseable: then it is in `broken`)."""
        self.reload_measure(measure_id)
        if measure_id not in self.inconsistent:
            return None
        try:
            result = adopt_hand_edit(self.workspace, self.catalogue, measure_id, self.login)
        except ProblemsError as error:
            self.broken[measure_id] = error.problems
            reason = str(error.problems[0]) if error.problems else ""
            return SaveOutcome("error", measure_id, reason=reason)
        except (InvalidEdit, OSError) as error:
            reason = os_error(error) if isinstance(error, OSError) else str(error)
            return SaveOutcome("error", measure_id, reason=reason)
        self._store(measure_id, result.status, result.findings)
        return SaveOutcome("saved", measure_id, result.status) if result.written else None

    def save(self, measure_id: str, edit: Edit, base: MeasureStatus | None) -> SaveOutcome:
        """Save `edit` as the logged-in person; `base` is the state the user saw."""
        try:
            result = save_edit(
                self.workspace, self.catalogue, measure_id, edit, self.login, base=base
            )
        except ProblemsError as error:
            self.broken[measure_id] = error.problems
            reason = str(error.problems[0]) if error.problems else ""
            return SaveOutcome("error", measure_id, reason=reason)
        except InvalidEdit as error:
            return SaveOutcome("error", measure_id, reason=str(error))
        except OSError as error:
            return SaveOutcome("error", measure_id, reason=os_error(error))
        self._store(measure_id, result.status, result.findings)
        kind: SaveKind = "conflict" if result.conflicts else "saved"
        return SaveOutcome(kind, measure_id, result.status, result.conflicts)

    def status_file(self, measure_id: str) -> Path | None:
        """The measure's status file for an editor, or None when nothing was recorded yet."""
        path = status_path(self.workspace.status_dir, measure_id)
        return path if path.exists() else None
