"""The workspace's `.cache/`: the parsed catalogue and each status file's state and log outline.

A cache is only used while its file has the key it was made from (size, mtime_ns, inode,
ctime_ns); anything else — a change, a corrupt or planted cache, another vocabulary — and the
files are read again, with the same result as without a cache. Tests assert on work done (files
parsed), never on time. Cache hits need files older than the racy window, which fresh test
files never are: the tests that want hits set that window to zero.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from datetime import date, datetime, timedelta, timezone

import pytest

from monitor_tui import cachefile
from monitor_tui import catalogue as catalogue_module
from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue, LazyLog, MeasureStatus, earliest_entry
from monitor_tui.session import WorkspaceSession
from monitor_tui.status import store
from monitor_tui.status.edits import Edit
from monitor_tui.status.paths import status_path
from monitor_tui.status.store import earliest_entry_day, load_all_statuses, save_edit
from monitor_tui.workspace import Workspace

ZONE = timezone(timedelta(hours=1))
START = datetime(2025, 1, 6, 9, 0, tzinfo=ZONE)
MEASURES = ("1.1.1", "1.2.2", "2.1.1", "3.4.1")


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefile, "RACY_NS", 0)


@pytest.fixture
def recorded(workspace: Workspace) -> Workspace:
    """The Mainz workspace with a few entries for some measures."""
    catalogue = load_catalogue(workspace.catalogue_dir)
    for number, measure_id in enumerate(MEASURES):
        moment = START + timedelta(days=30 * number)
        save_edit(workspace, catalogue, measure_id, Edit(status="in-planung"), "anna", now=moment)
        edit = Edit(note=f"Notiz zu {measure_id}", assessment="im-plan")
        save_edit(workspace, catalogue, measure_id, edit, "bernd", now=moment + timedelta(days=3))
        internal = Edit(note="intern", internal=True)
        save_edit(workspace, catalogue, measure_id, internal, "anna", now=moment + timedelta(5))
    return workspace


def count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """Record each call of `module.name` (still calling it)."""
    calls: list[object] = []
    original = getattr(module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def same_statuses(lazy: dict[str, MeasureStatus], eager: dict[str, MeasureStatus]) -> None:
    assert lazy.keys() == eager.keys()
    for measure_id, status in eager.items():
        assert lazy[measure_id] == status, measure_id
        assert list(lazy[measure_id].log) == list(status.log)


# --- the catalogue ----------------------------------------------------------------------------


def test_the_catalogue_is_read_from_the_cache_until_a_file_changes(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    cache = workspace.cache_dir
    first = load_catalogue(workspace.catalogue_dir, cache)
    document = json.loads((cache / "catalogue.json").read_bytes())  # JSON, never pickle
    assert document["kind"] == "catalogue"
    parsed = count_calls(monkeypatch, catalogue_module, "_load")
    assert load_catalogue(workspace.catalogue_dir, cache) == first
    assert parsed == []
    # an edit in place (same inode) and a replacement (new inode) are both seen
    field_file = workspace.catalogue_dir / "1-bildung.toml"
    text = field_file.read_text(encoding="utf-8")
    field_file.write_text(text.replace("Sprachförderung", "Sprachbildung", 1), encoding="utf-8")
    changed = load_catalogue(workspace.catalogue_dir, cache)
    assert len(parsed) == 1 and changed != first
    replacement = field_file.with_name("neu.tmp")
    replacement.write_text(text, encoding="utf-8")
    os.replace(replacement, field_file)
    assert load_catalogue(workspace.catalogue_dir, cache) == first
    assert len(parsed) == 2
    # a new field file, and one removed
    (workspace.catalogue_dir / "9-extra.toml").write_text(
        'id = "9"\nnumber = "4.9"\nheading = "4.9 X"\ntitle = "X"\n\n[[goals]]\nid = "9.1"\n'
        'title = "Z"\n\n[[goals.measures]]\nid = "9.1.1"\nlabel = "M"\ntext = "T"\n'
        'indicator = "I"\nresponsible = "R"\noffices = ["Amt"]\n\n'
        '[[goals.measures.targets]]\nterms = ["kurz"]\nlabel = "K:"\ntext = "t"\n',
        encoding="utf-8",
    )
    assert load_catalogue(workspace.catalogue_dir, cache).measure("9.1.1") is not None
    (workspace.catalogue_dir / "9-extra.toml").unlink()
    assert load_catalogue(workspace.catalogue_dir, cache).measure("9.1.1") is None
    assert len(parsed) == 4


@pytest.mark.parametrize(
    "damage",
    [
        b"\x80\x04garbage",  # not JSON (e.g. a pickle someone planted): never executed
        b"{}",
        b'{"kind": "catalogue", "version": "other", "data": {}}',
        b"[" * 100_000,  # nested too deep to parse
    ],
)
def test_a_corrupt_or_foreign_catalogue_cache_is_ignored_and_written_anew(
    workspace: Workspace, no_racy_window: None, damage: bytes
) -> None:
    expected = load_catalogue(workspace.catalogue_dir)
    cache_file = workspace.cache_dir / "catalogue.json"
    cache_file.parent.mkdir()
    cache_file.write_bytes(damage)
    assert load_catalogue(workspace.catalogue_dir, workspace.cache_dir) == expected
    assert json.loads(cache_file.read_bytes())["kind"] == "catalogue"


def test_a_cache_that_does_not_match_its_files_is_ignored(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    load_catalogue(workspace.catalogue_dir, workspace.cache_dir)
    cache_file = workspace.cache_dir / "catalogue.json"
    document = json.loads(cache_file.read_bytes())
    document["data"]["catalogue"]["fields"][0]["title"] = "Untergeschoben"
    document["data"]["files"]["1-bildung.toml"][0] += 1  # made from another file
    cache_file.write_text(json.dumps(document), encoding="utf-8")
    parsed = count_calls(monkeypatch, catalogue_module, "_load")
    assert load_catalogue(workspace.catalogue_dir, workspace.cache_dir).fields[0].title == "Bildung"
    assert len(parsed) == 1


def test_files_changed_just_before_they_were_read_are_not_cached(workspace: Workspace) -> None:
    """Within the racy window a second change could keep the key (coarse timestamps)."""
    load_catalogue(workspace.catalogue_dir, workspace.cache_dir)  # the copy was made just now
    assert not (workspace.cache_dir / "catalogue.json").exists()


def test_a_broken_catalogue_is_never_cached(workspace: Workspace, no_racy_window: None) -> None:
    from monitor_tui.problems import ProblemsError

    (workspace.catalogue_dir / "1-bildung.toml").write_text("id = [", encoding="utf-8")
    with pytest.raises(ProblemsError):
        load_catalogue(workspace.catalogue_dir, workspace.cache_dir)
    assert not (workspace.cache_dir / "catalogue.json").exists()


def test_the_cache_folder_follows_the_shared_workspace_rules(
    workspace: Workspace, no_racy_window: None
) -> None:
    """Group-writable under umask 002, group inherited from a setgid workspace, like status/."""
    os.chmod(workspace.root, os.stat(workspace.root).st_mode | stat.S_ISGID)
    old = os.umask(0o002)
    try:
        load_catalogue(workspace.catalogue_dir, workspace.cache_dir)
    finally:
        os.umask(old)
    folder, cache_file = workspace.cache_dir, workspace.cache_dir / "catalogue.json"
    assert os.stat(folder).st_mode & stat.S_ISGID
    assert os.stat(folder).st_gid == os.stat(workspace.root).st_gid
    assert os.stat(cache_file).st_mode & 0o777 == 0o664
    assert [p.name for p in folder.iterdir()] == ["catalogue.json"]  # no temp file left


def test_concurrent_writers_leave_one_whole_cache_file(workspace: Workspace) -> None:
    path = workspace.cache_dir / "test.json"
    seen: list[object] = []

    def write(number: int) -> None:
        for round_ in range(30):
            cachefile.write_cache(path, "test", "1", {"writer": number, "round": round_})
            seen.append(cachefile.read_cache(path, "test", "1"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(data, dict) and set(data) == {"writer", "round"} for data in seen)
    assert [p.name for p in workspace.cache_dir.iterdir()] == ["test.json"]


def test_a_cache_that_cannot_be_written_costs_nothing(
    workspace: Workspace, no_racy_window: None
) -> None:
    workspace.cache_dir.write_text("a file where the folder should be")
    assert load_catalogue(workspace.catalogue_dir, workspace.cache_dir).counts()[2] == 27
    linked = Workspace(workspace.root)
    workspace.cache_dir.unlink()
    workspace.cache_dir.symlink_to(workspace.root / "exports")  # never written through a link
    load_catalogue(linked.catalogue_dir, linked.cache_dir)
    assert list((workspace.root / "exports").iterdir()) == []


# --- the statuses -----------------------------------------------------------------------------


def test_statuses_come_from_the_cache_and_logs_are_read_when_used(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    eager = load_all_statuses(recorded, catalogue)
    load_all_statuses(recorded, catalogue, lazy=True)  # writes the cache
    reads = count_calls(monkeypatch, store, "_read_text_and_info")
    lazy = load_all_statuses(recorded, catalogue, lazy=True)
    assert reads == []
    status = lazy.statuses["1.2.2"]
    assert isinstance(status.log, LazyLog) and len(status.log) == 3 and status.log
    assert earliest_entry(lazy.statuses.values()) == START.date()
    assert status.rev == eager.statuses["1.2.2"].rev and reads == []
    assert [e.text for e in status.log] == ["intern", "Notiz zu 1.2.2", ""]
    assert reads == [status_path(recorded.status_dir, "1.2.2")]  # that one file, once used
    same_statuses(lazy.statuses, eager.statuses)
    assert lazy.broken == eager.broken == {} and lazy.inconsistent == {}


def test_a_changed_status_file_is_read_again(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    load_all_statuses(recorded, catalogue, lazy=True)
    path = status_path(recorded.status_dir, "2.1.1")
    # edited by hand in place: front matter changed without an entry
    path.write_text(path.read_text().replace("in-planung", "umgesetzt", 1))
    # appended to with `>>`: the file stays parseable, the log gets a hand-written entry
    other = status_path(recorded.status_dir, "3.4.1")
    with other.open("a") as handle:
        handle.write("\n## 2025-01-01T10:00:00+01:00 · cem\n\nvon Hand angefügt\n")
    reads = count_calls(monkeypatch, store, "_read_text_and_info")
    lazy = load_all_statuses(recorded, catalogue, lazy=True)
    assert sorted(map(str, reads)) == sorted(map(str, [path, other]))  # only the changed files
    eager = load_all_statuses(recorded, catalogue)
    same_statuses(lazy.statuses, eager.statuses)
    # 2.1.1: the front matter no longer follows from the log; 3.4.1: more entries than `rev`
    assert lazy.inconsistent.keys() == eager.inconsistent.keys() == {"2.1.1", "3.4.1"}
    assert lazy.statuses["3.4.1"].log[-1].text == "von Hand angefügt"


def test_the_status_cache_is_not_used_with_other_vocabularies_or_targets(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    load_all_statuses(recorded, catalogue, lazy=True)
    concept = recorded.catalogue_dir / "concept.toml"
    concept.write_text(concept.read_text().replace('key = "im-plan"', 'key = "planmaessig"'))
    changed = load_catalogue(recorded.catalogue_dir)
    lazy = load_all_statuses(recorded, changed, lazy=True)
    eager = load_all_statuses(recorded, changed)
    assert lazy.broken.keys() == eager.broken.keys() == set(MEASURES)  # "im-plan" is unknown
    # a measure that lost a target: its file no longer fits it
    concept.write_text(concept.read_text().replace('key = "planmaessig"', 'key = "im-plan"'))
    catalogue = load_catalogue(recorded.catalogue_dir)
    load_all_statuses(recorded, catalogue, lazy=True)
    reads = count_calls(monkeypatch, store, "_read_text_and_info")
    fewer = _without_targets(catalogue, "1.1.1")
    load_all_statuses(recorded, fewer, lazy=True)
    assert reads == [status_path(recorded.status_dir, "1.1.1")]


def _without_targets(catalogue: Catalogue, measure_id: str) -> Catalogue:
    from dataclasses import replace

    fields = []
    for item in catalogue.fields:
        goals = []
        for goal in item.goals:
            measures = tuple(
                replace(m, targets=m.targets[:1]) if m.id == measure_id else m
                for m in goal.measures
            )
            goals.append(replace(goal, measures=measures))
        fields.append(replace(item, goals=tuple(goals)))
    return Catalogue(catalogue.concept, tuple(fields))


def test_a_planted_status_record_is_ignored_unless_it_names_the_file_as_it_is(
    recorded: Workspace, no_racy_window: None
) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    load_all_statuses(recorded, catalogue, lazy=True)
    cache_file = recorded.cache_dir / "status.json"
    document = json.loads(cache_file.read_bytes())
    records = document["data"]["measures"]
    records["1.2.2"]["status"] = "umgesetzt"
    records["1.2.2"]["key"][0] += 1  # not the file as it is
    records["2.1.1"]["rev"] = "viele"  # malformed
    records["1.1.1"] = ["not", "a", "record"]
    cache_file.write_text(json.dumps(document), encoding="utf-8")
    lazy = load_all_statuses(recorded, catalogue, lazy=True)
    same_statuses(lazy.statuses, load_all_statuses(recorded, catalogue).statuses)


def test_the_earliest_entry_comes_from_the_cache(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    assert earliest_entry_day(recorded, catalogue) == START.date()
    reads = count_calls(monkeypatch, store, "_read_text_and_info")
    assert earliest_entry_day(recorded, catalogue) == START.date()
    assert reads == []
    path = status_path(recorded.status_dir, "1.1.1")
    path.write_text(path.read_text().replace("2025-01-06T09:00:00", "2024-12-24T09:00:00"))
    assert earliest_entry_day(recorded, catalogue) == date(2024, 12, 24)
    assert reads == [path]


def test_a_lazy_log_whose_file_is_gone_is_empty(recorded: Workspace, no_racy_window: None) -> None:
    catalogue = load_catalogue(recorded.catalogue_dir)
    load_all_statuses(recorded, catalogue, lazy=True)
    status = load_all_statuses(recorded, catalogue, lazy=True).statuses["1.1.1"]
    status_path(recorded.status_dir, "1.1.1").unlink()
    assert len(status.log) == 3  # the outline, until the entries are asked for
    assert list(status.log) == [] and not status.log


# --- the session ------------------------------------------------------------------------------


def test_a_poll_reads_only_the_files_another_session_changed(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    WorkspaceSession.open(recorded)  # writes the cache
    reads = count_calls(monkeypatch, store, "_read_text_and_info")
    mine, other = WorkspaceSession.open(recorded), WorkspaceSession.open(recorded)
    assert reads == []  # two starts without reading a status file
    assert mine.poll().changed == frozenset() and reads == []
    saved = other.save("2.1.1", Edit(note="von der anderen Sitzung"), other.status_of("2.1.1"))
    assert saved.kind == "saved"
    reads.clear()
    assert mine.poll().changed == {"2.1.1"}
    assert reads == [status_path(recorded.status_dir, "2.1.1")]
    assert mine.status_of("2.1.1").log[0].text == "von der anderen Sitzung"
    reads.clear()
    assert mine.poll().changed == frozenset() and reads == []


# --- frozen reports ---------------------------------------------------------------------------


def test_check_takes_a_frozen_reports_digest_from_the_cache_only_to_confirm_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor_tui import reporting
    from monitor_tui.reports import store as reports_store
    from monitor_tui.reports.store import DIGEST_CACHE, REPORT_FILE, verify_reports

    from .reports_data import D1, freeze, write_logs

    monkeypatch.setattr(reporting, "FORMAT_NAMES", ("json",))
    write_logs(workspace)
    report = freeze(workspace, D1).report
    memo_file = workspace.cache_dir / DIGEST_CACHE
    memo = json.loads(memo_file.read_bytes())["data"]  # freezing kept the digest
    assert list(memo.values()) == [report.digest]
    built = count_calls(monkeypatch, reports_store, "snapshot_from_bytes")
    assert verify_reports(workspace) == [] and built == []
    memo_file.unlink()  # without the cache: the digest of the parsed file, not the snapshot
    assert verify_reports(workspace) == [] and built == []
    assert json.loads(memo_file.read_bytes())["data"] == memo
    # a planted digest cannot accuse a report …
    planted = json.loads(memo_file.read_bytes())
    planted["data"] = {sha: "000000000000" for sha in memo}
    memo_file.write_text(json.dumps(planted), encoding="utf-8")
    assert verify_reports(workspace) == []
    # … and a digest changed in report.toml is found although the cache knows the file
    memo_file.unlink()
    verify_reports(workspace)
    toml_path = report.path / REPORT_FILE
    os.chmod(toml_path, 0o644)
    toml_path.write_text(toml_path.read_text("utf-8").replace(report.digest, "0123456789ab"))
    [problem] = verify_reports(workspace)
    assert report.digest in problem.message and "0123456789ab" in problem.message


# --- the digest of a report's data ------------------------------------------------------------


def test_a_reports_digest_is_worked_out_once_for_the_same_data(
    recorded: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    from monitor_tui.export import build_report
    from monitor_tui.report.build import ReportOptions
    from monitor_tui.reports import digest_cache
    from monitor_tui.reports.synopse import snapshot_digest, take_snapshot

    catalogue = load_catalogue(recorded.catalogue_dir)
    day, today = date(2025, 6, 30), date(2026, 3, 31)
    options = ReportOptions(report_date=day)

    def digest(statuses: dict[str, MeasureStatus]) -> str:
        return build_report(recorded, catalogue, statuses, options, START, today=today).digest

    def worked_out(statuses: dict[str, MeasureStatus]) -> str:
        return snapshot_digest(take_snapshot(catalogue, statuses, day, today))

    made = count_calls(monkeypatch, digest_cache, "snapshot_digest")
    statuses = load_all_statuses(recorded, catalogue, cached=True).statuses
    first = digest(statuses)
    assert first == worked_out(statuses) and len(made) == 1
    again = load_all_statuses(recorded, catalogue, cached=True).statuses
    assert digest(again) == first and len(made) == 1  # the same files: from the cache
    assert build_report(recorded, catalogue, again, options, START, today=day).digest == first
    assert len(made) == 2  # a report of today (front matter over replay) is other data
    # any change to a status file is other data
    save_edit(recorded, catalogue, "1.1.1", Edit(note="Nachtrag"), "anna", now=START)
    changed = load_all_statuses(recorded, catalogue, cached=True).statuses
    assert digest(changed) == worked_out(changed) != first and len(made) == 3
    # statuses not read from their files as they are now are never looked up
    edited = {**changed, "1.2.2": MeasureStatus("1.2.2", status="umgesetzt")}
    assert digest(edited) == worked_out(edited) and len(made) == 4
    assert digest(edited) == worked_out(edited) and len(made) == 5
    lazy = load_all_statuses(recorded, catalogue, lazy=True).statuses
    assert isinstance(lazy["2.1.1"].log, LazyLog)  # read later: perhaps another file by then
    assert digest(lazy) == worked_out(lazy) and len(made) == 6


def test_the_states_of_a_compared_report_come_from_the_cache_while_its_file_is_unchanged(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, no_racy_window: None
) -> None:
    from monitor_tui import reporting
    from monitor_tui.export import resolve_comparison
    from monitor_tui.reports import store as reports_store
    from monitor_tui.reports.store import SYNOPSE_FILE, load_snapshot, load_states

    from .reports_data import D1, D2, freeze, write_logs

    monkeypatch.setattr(reporting, "FORMAT_NAMES", ("json",))
    write_logs(workspace)
    report = freeze(workspace, D1).report
    expected = load_snapshot(report, logs=False)
    parsed = count_calls(monkeypatch, reports_store, "document_from_bytes")
    assert load_states(workspace, report) == expected and len(parsed) == 1
    comparison = resolve_comparison(workspace, None, D2)
    assert comparison is not None and comparison.snapshot == expected and len(parsed) == 1
    cache_file = workspace.cache_dir / f"report-states-{report.id}.json"
    planted = json.loads(cache_file.read_bytes())
    # states planted for another file, or unreadable ones, are not taken
    planted["data"]["key"][0] += 1
    cache_file.write_text(json.dumps(planted), encoding="utf-8")
    assert load_states(workspace, report) == expected and len(parsed) == 2
    cache_file.write_text("{", encoding="utf-8")
    assert load_states(workspace, report) == expected and len(parsed) == 3
    # a synopse.json changed after freezing is read again (and its states are what it says)
    synopse = report.path / SYNOPSE_FILE
    os.chmod(synopse, 0o644)
    synopse.write_text(synopse.read_text("utf-8").replace('"offen"', '"umgesetzt"'), "utf-8")
    changed = load_states(workspace, report)
    assert changed == load_snapshot(report, logs=False) != expected and len(parsed) == 4
    assert load_states(workspace, report) == changed and len(parsed) == 4
