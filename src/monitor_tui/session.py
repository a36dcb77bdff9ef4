"""A workspace as one person's session sees it: catalogue, statuses, broken files, other saves.

The terminal app works through this class and never touches files itself; the CLI commands use
the same store and export services. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from monitor_tui.cachefile import now_ns
from monitor_tui.catalogue import load_catalogue
from monitor_tui.dates import format_date
from monitor_tui.filters import FilterContext
from monitor_tui.first_screen import FileKeys, current_keys, keep_first_screen, read_first_screen
from monitor_tui.i18n import _, get_language, os_error
from monitor_tui.model import Catalogue, MeasureStatus, monitoring_start
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.status.paths import status_path
from monitor_tui.workspace import Workspace

# Exports, reports, overviews and the offices' requests are imported where they are used:
# the app's first screen needs none of them (nor the reports' store while none was frozen), and
# importing them took longer than the rest of its start. The status store, its edits and
# people.toml come with the full load, after the first screen (see `start`).
if TYPE_CHECKING:
    from monitor_tui.offices import DueOverview
    from monitor_tui.people import Directory, Person
    from monitor_tui.report.dashboard import Overview
    from monitor_tui.reports.diff import MeasureDiff
    from monitor_tui.reports.record import FrozenReport
    from monitor_tui.reports.synopse import Snapshot
    from monitor_tui.requests.answers import ImportPlan
    from monitor_tui.requests.service import WrittenRequest
    from monitor_tui.status.edits import Conflict, Edit
    from monitor_tui.status.watch import StatusFolderWatcher

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
    reports_changed: bool = False
    """Another session froze or withdrew a report: the last report may be another one."""


@dataclass(frozen=True)
class SinceReport:
    """How a measure stands against the last frozen report."""

    report: FrozenReport
    diff: MeasureDiff
    before: Catalogue
    """The catalogue of the report (its words for values that changed)."""


@dataclass(frozen=True)
class FreezeOutcome:
    """What became of freezing a report: its id, or why nothing was frozen."""

    report: FrozenReport | None
    lines: tuple[str, ...]
    """For the user: the result (and warnings), or the reason."""

    @property
    def ok(self) -> bool:
        return self.report is not None


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
    watcher: StatusFolderWatcher | None = None
    reports: list[FrozenReport] = field(default_factory=list)
    """Every frozen report, oldest first."""
    last_report: FrozenReport | None = None
    """The report "changed since the last report" refers to (None: none frozen yet)."""
    baseline: Snapshot | None = None
    """The data of `last_report`: its states, without the entries (it is compared with)."""
    _reports_seen: tuple[str, ...] = ()
    _changed: dict[str, tuple[MeasureStatus | None, bool, bool]] = field(default_factory=dict)
    """Per measure, whether it changed since the last report, with the status (and whether
    its file was broken) that answer was for: see `changed_since_report`."""
    _changed_basis: tuple[object, object] = (None, None)
    pending: bool = False
    """Only what the first screen shows is loaded yet (see `start`): the catalogue's measures
    have no texts, the statuses say only which status; `finish_start` loads the rest."""
    _start_keys: tuple[FileKeys, int] | None = None
    """The files' keys before the start's full load and when they were taken: the first
    screen's record is written from that load after the first screen was drawn."""
    _directory: Directory | None = None

    @classmethod
    def open(cls, workspace: Workspace, today: date | None = None) -> WorkspaceSession:
        """The session with every status read. Raises ProblemsError for a broken catalogue."""
        session = cls(
            workspace, load_catalogue(workspace.catalogue_dir, workspace.cache_dir), today
        )
        session.load_statuses()
        session.load_reports()
        return session

    @classmethod
    def start(cls, workspace: Workspace, today: date | None = None) -> WorkspaceSession:
        """The app's session: from the first screen's record (see `first_screen`) where it
        applies (status files saved since it was made are read for it), then `pending` until
        `finish_start`; else as `open` does. Raises ProblemsError for a broken catalogue."""
        first = read_first_screen(workspace)
        if first is not None:
            session = cls(workspace, first.catalogue, today, dict(first.statuses))
            session.pending = True
            # Where the record is not the files' as they are now, it is written anew (below).
            session._start_keys = (first.keys, 0) if first.current else None
            return session
        read_at, keys = now_ns(), current_keys(workspace)
        session = cls.open(workspace, today)
        session._start_keys = (keys, read_at) if keys is not None else None
        return session

    def finish_start(self) -> list[Problem]:
        """After the first screen was drawn: everything loaded (if `pending`), and the first
        screen's record written for the next start where it changed. The catalogue's problems
        if it cannot be read any more (then the session stays `pending`)."""
        if self.pending:
            read_at, keys = now_ns(), current_keys(self.workspace)
            try:
                self.catalogue = load_catalogue(
                    self.workspace.catalogue_dir, self.workspace.cache_dir
                )
            except ProblemsError as error:
                return error.problems
            self.load_statuses()
            self.load_reports()
            self.pending = False
            recorded = self._start_keys[0] if self._start_keys is not None else None
            self._start_keys = (keys, read_at) if keys is not None and keys != recorded else None
        if self._start_keys is not None and not self.broken and not self.inconsistent:
            keys, read_at = self._start_keys
            keep_first_screen(self.workspace, self.catalogue, self.statuses, keys, read_at)
        self._start_keys = None
        return []

    @property
    def directory(self) -> Directory:
        """catalogue/people.toml: names for logins, offices of people, contacts of offices
        (nobody until the statuses were loaded)."""
        if self._directory is None:
            from monitor_tui.people import Directory

            self._directory = Directory()
        return self._directory

    @property
    def login(self) -> str:
        from monitor_tui.status.store import current_login

        return current_login()

    def today(self) -> date:
        return self.fixed_today or date.today()

    @property
    def people(self) -> dict[str, Person]:
        return dict(self.directory.people)

    def name_of(self, login: str) -> str:
        """A person as shown: name and office when people.toml knows the login, else it."""
        return self.directory.name_of(login)

    def my_offices(self) -> tuple[str, ...]:
        """The offices of the person logged in (people.toml); empty when it names none."""
        return self.directory.offices_of(self.login)

    def monitoring_start(self) -> date | None:
        """The day monitoring began: the concept's, else the earliest entry."""
        return monitoring_start(self.catalogue.concept, self.statuses.values())

    def due(self, day: date | None = None) -> DueOverview:
        """Per office, the measures due for the coming report and those overdue."""
        from monitor_tui.offices import due_overview

        return due_overview(
            self.catalogue,
            self.statuses,
            self.reports,
            self.directory,
            day or self.today(),
            self.today(),
            broken=set(self.broken),
        )

    def status_of(self, measure_id: str) -> MeasureStatus:
        return self.statuses.get(measure_id) or MeasureStatus(measure_id)

    def load_statuses(self) -> None:
        """Every status afresh, and start watching from here: a file the status cache holds
        as it is now is not read, its log is read when first shown (see `status.summary`)."""
        from monitor_tui.people import load_directory
        from monitor_tui.status.store import load_all_statuses
        from monitor_tui.status.watch import StatusFolderWatcher

        loaded = load_all_statuses(self.workspace, self.catalogue, lazy=True)
        self.statuses = loaded.statuses
        self.broken = loaded.broken
        self.inconsistent = loaded.inconsistent
        self._directory = load_directory(self.workspace.catalogue_dir)
        self.watcher = StatusFolderWatcher(self.workspace.status_dir)

    def reload(self) -> list[Problem]:
        """Catalogue and statuses from disk; the catalogue's problems, if it cannot be read
        (then everything stays as it was)."""
        try:
            catalogue = load_catalogue(self.workspace.catalogue_dir, self.workspace.cache_dir)
        except ProblemsError as error:
            return error.problems
        self.catalogue = catalogue
        self.load_statuses()
        self.load_reports()
        return []

    def poll(self) -> PollResult:
        """Re-read the measures whose files changed since the last poll."""
        if self.watcher is None:
            from monitor_tui.status.watch import StatusFolderWatcher

            self.watcher = StatusFolderWatcher(self.workspace.status_dir)
            return PollResult()
        reports_changed = self._reports_folder_changed()
        if reports_changed:
            self.load_reports()
        changed = frozenset(m for m in self.watcher.changed() if self.catalogue.measure(m))
        if not changed:
            return PollResult(reports_changed=reports_changed)
        was_broken = set(self.broken)
        for measure_id in changed:
            self.reload_measure(measure_id)
        repaired = tuple(sorted(was_broken - set(self.broken)))
        return PollResult(changed, repaired, reports_changed)

    def reload_measure(self, measure_id: str) -> None:
        """One measure's status from disk (after an edit by hand or another session's save)."""
        from monitor_tui.status.store import load_status_checked

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
        from monitor_tui.status.store import file_stamp

        self.statuses[measure_id] = status
        if self.watcher is not None:  # the next poll compares with what this session read
            self.watcher.remember(measure_id, file_stamp(status))
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
        from monitor_tui.status.edits import InvalidEdit
        from monitor_tui.status.store import adopt_hand_edit

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
        from monitor_tui.status.edits import InvalidEdit
        from monitor_tui.status.store import save_edit

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

    def status_text(self, measure_id: str) -> str:
        """The measure's status file as text, for editing it by hand in the app; raises
        ProblemsError when it cannot be read."""
        from monitor_tui.status.store import read_file_text

        return read_file_text(self.workspace, measure_id)

    def save_status_text(self, measure_id: str, text: str, expected: str) -> SaveOutcome | None:
        """Write a status file edited by hand in the app, if nobody saved it since `expected`
        was read, then put a changed state on the record as `edited_by_hand` does. An outcome
        "error" says why nothing was written; None: written and nothing to record."""
        from monitor_tui.status.edits import InvalidEdit
        from monitor_tui.status.store import replace_file_text

        try:
            written = replace_file_text(self.workspace, measure_id, text, expected)
        except ProblemsError as error:
            reason = str(error.problems[0]) if error.problems else ""
            return SaveOutcome("error", measure_id, reason=reason)
        except InvalidEdit as error:
            return SaveOutcome("error", measure_id, reason=str(error))
        except OSError as error:
            return SaveOutcome("error", measure_id, reason=os_error(error))
        if not written:
            return SaveOutcome("error", measure_id, reason=_("tui_file_changed_meanwhile"))
        return self.edited_by_hand(measure_id)

    def filter_context(self, changed_ids: frozenset[str] | None = None) -> FilterContext:
        """What the filters need: today's statuses, today, the measures changed since the last
        report (computed here when not given) and the unreadable ones."""
        changed = changed_ids if changed_ids is not None else self.changed_since_report()
        return FilterContext(
            self.catalogue,
            self.statuses,
            self.today(),
            changed,
            self.broken,
            self.monitoring_start(),
            self.my_offices(),
        )

    def overview(self) -> Overview:
        """The app's Übersicht: the numbers of each Handlungsfeld (with their change since the
        last report, when one exists), each with the filter that shows exactly its measures,
        and the measures that need attention."""
        from monitor_tui.report.dashboard import build_overview

        return build_overview(self.filter_context(), self.baseline)

    def status_file(self, measure_id: str) -> Path | None:
        """The measure's status file for an editor, or None when nothing was recorded yet."""
        path = status_path(self.workspace.status_dir, measure_id)
        return path if path.exists() else None

    # --- the offices' answers ----------------------------------------------------------------

    def requests_root(self) -> Path:
        """Where the requests are written (`exports/abfragen`), as an absolute path."""
        from monitor_tui.requests.service import REQUESTS_FOLDER

        return self.workspace.exports_dir.absolute() / REQUESTS_FOLDER

    def plan_import(self, path: Path) -> ImportPlan | str:
        """What importing a filled-in request form would do, or why it cannot be read."""
        from monitor_tui.requests.answers import plan_import
        from monitor_tui.requests.docx_form import FormError

        if path.is_dir():
            return _("tui_import_is_folder", path=path)
        try:
            return plan_import(self.workspace, self.catalogue, self.directory, path, self.today())
        except FormError as error:
            return str(error)

    def apply_import(self, plan: ImportPlan) -> list[str]:
        """Save what the plan takes, as the logged-in person; what happened, as lines."""
        from monitor_tui.requests.answers import applied_lines, apply_import

        results = apply_import(self.workspace, self.catalogue, plan, self.login)
        for result in results:
            self.reload_measure(result.measure_id)
        return applied_lines(results, self.catalogue)

    def write_request(self, office: str) -> WrittenRequest | str:
        """The DOCX request to one office (reply in two weeks), or why none was written.
        Safe in a worker thread."""
        from monitor_tui.export import ExportRefused
        from monitor_tui.requests.service import default_reply_by, write_requests

        try:
            written = write_requests(
                self.workspace,
                self.catalogue,
                self.directory,
                "docx",
                default_reply_by(self.today()),
                get_language(),
                offices={office},
            )
        except ExportRefused as refused:
            return _("requests_status_broken", count=len(refused.problems))
        except OSError as error:
            return _("export_failed", reason=os_error(error))
        return written[0]

    # --- frozen reports ---------------------------------------------------------------------

    def _report_names(self) -> tuple[str, ...]:
        """The entries of reports/ and the mtime of each report.toml (a withdrawal rewrites it)."""
        folder = self.workspace.reports_dir
        try:
            names = sorted(
                entry.name for entry in folder.iterdir() if not entry.name.startswith(".")
            )
        except OSError:
            return ()
        stamps = []
        for name in names:
            try:
                stamps.append(f"{name}:{(folder / name / 'report.toml').stat().st_mtime_ns}")
            except OSError:
                stamps.append(name)
        return tuple(stamps)

    def _reports_folder_changed(self) -> bool:
        return self._report_names() != self._reports_seen

    def load_reports(self) -> list[Problem]:
        """Read the frozen reports and the last one's data; their problems (`check` names
        them too)."""
        self._reports_seen = self._report_names()
        if not self._reports_seen:  # nothing frozen yet
            self.reports, self.last_report, self.baseline = [], None, None
            return []
        from monitor_tui.reports.record import latest_report
        from monitor_tui.reports.store import list_reports, load_snapshot

        self.reports, problems = list_reports(self.workspace)
        self.last_report = latest_report(self.reports)
        self.baseline = None
        if self.last_report is not None:
            try:
                self.baseline = load_snapshot(self.last_report, logs=False)
            except ProblemsError as error:
                problems += error.problems
        return problems

    def report_diff(self, measure_id: str) -> MeasureDiff | None:
        """How a measure differs from the last report (None: no report, or unreadable)."""
        measure = self.catalogue.measure(measure_id)
        if self.baseline is None or measure is None or measure_id in self.broken:
            return None
        from monitor_tui.reports.diff import measure_diff

        return measure_diff(self.baseline, self.catalogue, measure, self.status_of(measure_id))

    def hand_edit_warnings(self, day: date) -> list[str]:
        """One line per measure whose state on `day` cannot be vouched for (its file was edited
        by hand, so its log does not replay); empty for today."""
        from monitor_tui.reports.synopse import take_snapshot

        snapshot = take_snapshot(self.catalogue, self.statuses, day, self.today())
        when = format_date(day, get_language())
        return [
            _("reports_hand_edited_warning", id=m, date=when) for m in sorted(snapshot.hand_edited)
        ]

    def compare_report_for(self, day: date) -> FrozenReport | None:
        """The report an export dated `day` compares with by default."""
        from monitor_tui.reports.record import latest_report

        return latest_report(self.reports, before=day)

    def since_report(self, measure_id: str) -> SinceReport | None:
        """The measure against the last report, for the detail pane."""
        diff = self.report_diff(measure_id)
        if diff is None or self.last_report is None or self.baseline is None:
            return None
        return SinceReport(self.last_report, diff, self.baseline.catalogue)

    def changed_since_report(self) -> frozenset[str] | None:
        """Measures that changed since the last report; None when there is no report.

        Asked for at every key of a search: each measure's answer is kept with the status
        object it was given for (statuses are immutable; a save or a re-read replaces the
        object), so that only measures whose status was replaced are compared again.
        """
        if self.baseline is None:
            return None
        basis = (self.baseline, self.catalogue)
        if self._changed_basis[0] is not basis[0] or self._changed_basis[1] is not basis[1]:
            self._changed, self._changed_basis = {}, basis
        known, found = self._changed, set()
        for measure in self.catalogue.measures():
            status, broken = self.statuses.get(measure.id), measure.id in self.broken
            answer = known.get(measure.id)
            if answer is None or answer[0] is not status or answer[1] != broken:
                diff = self.report_diff(measure.id)
                answer = known[measure.id] = (status, broken, diff is not None and diff.changed)
            if answer[2]:
                found.add(measure.id)
        return frozenset(found)

    def freeze(self, title: str, day: date) -> FreezeOutcome:
        """Freeze the report of `day` as the logged-in person. Safe in a worker thread; call
        `load_reports` afterwards on the app's thread."""
        from monitor_tui.export import CompareError, ExportRefused, ReportDateError
        from monitor_tui.reporting import freeze_report
        from monitor_tui.reports.store import ReportError

        try:
            result = freeze_report(
                self.workspace, self.catalogue, day, title, self.login, today=self.today()
            )
        except ExportRefused as refused:
            lines = [_("reports_freeze_refused_broken", count=len(refused.problems))]
            return FreezeOutcome(None, tuple(lines + [str(p) for p in refused.problems]))
        except (ReportDateError, CompareError, ReportError) as error:
            return FreezeOutcome(None, (str(error),))
        except OSError as error:
            return FreezeOutcome(None, (_("reports_freeze_failed", reason=os_error(error)),))
        report = result.report
        lines = [_("tui_reports_frozen", id=report.id)]
        if result.duplicate:
            lines.append(_("tui_reports_frozen_again", id=report.id))
        return FreezeOutcome(report, tuple(lines) + result.warnings)

    def diff_lines(self, report_id: str | None) -> list[str]:
        """The changes from a report (None: the last one) to now, as lines of text."""
        from monitor_tui.reporting import NOW, diff_sides
        from monitor_tui.reports.describe import diff_text
        from monitor_tui.reports.store import ReportError

        try:
            diff, before, after = diff_sides(
                self.workspace, self.catalogue, report_id, NOW, self.statuses, self.today()
            )
        except ReportError as error:
            return [str(error)]
        except ProblemsError as error:
            return [str(problem) for problem in error.problems]
        lines = diff_text(diff, before, after)
        if self.broken:  # their state is unknown: they must not pass for "offen" unnoticed
            ids = ", ".join(sorted(self.broken))
            lines = [_("tui_broken_files", count=len(self.broken), ids=ids), "", *lines]
        return lines
