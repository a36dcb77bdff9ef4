"""What the commands share: printing problems and messages, loading the catalogue, log lines."""

from __future__ import annotations

import sys
from collections.abc import Callable

from monitor_tui.catalogue import load_catalogue
from monitor_tui.dates import format_timestamp
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, Change, LogEntry
from monitor_tui.people import Directory
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.status.wording import describe_change, entry_origin, tag_word
from monitor_tui.text import visible_line
from monitor_tui.workspace import Workspace, location_note

USAGE_ERROR = 2
"""Exit code for bad input on the command line, as argparse uses it."""


def report_problems(problems: list[Problem]) -> int:
    """Print each problem as `path:line: message` on stderr; exit code 1."""
    for problem in problems:
        print(visible_line(str(problem)), file=sys.stderr)  # file text and paths: escaped
    return 1


def load_catalogue_or_report(workspace: Workspace) -> Catalogue | None:
    """The workspace's catalogue, or None after its problems were printed."""
    try:
        return load_catalogue(workspace.catalogue_dir, workspace.cache_dir)
    except ProblemsError as error:
        report_problems(error.problems)
        return None


def announce_workspace(workspace: Workspace) -> None:
    """Before a command writes: name the workspace when it is not the current folder, so that
    nobody records into another one than they think (on stderr: stdout may be a report)."""
    where = location_note(workspace)
    if where:
        print(f"monitor-tui: {visible_line(_('workspace_used', path=where))}", file=sys.stderr)


def fail(message: str, code: int = 1) -> int:
    """Print a message for the user on stderr and return the exit code."""
    print(f"monitor-tui: {visible_line(message)}", file=sys.stderr)  # quotes what was typed
    return code


def format_entry(
    entry: LogEntry,
    directory: Directory,
    catalogue: Catalogue,
    prefix: str = "",
    describe: Callable[[Change], str] | None = None,
) -> list[str]:
    """A log entry as indented lines: who (name and office when known, the login in brackets)
    and when, where it came from, the changes, the note. `describe` words a change (default:
    `describe_change`; a caller printing thousands of entries passes a cached one)."""
    person = directory.people.get(entry.author)
    who = f"{person.display()} [{entry.author}]" if person else entry.author
    head = f"  {prefix}{format_timestamp(entry.timestamp, get_language())} · {who}"
    if entry.internal:
        head += f" · {_('label_internal')}"
    head += "".join(f" · {tag_word(tag)}" for tag in entry.tags)
    lines = [head]
    lang = get_language()
    origin = entry_origin(entry, lang)
    if origin:
        lines.append(f"    {origin}")
    if describe is None:
        lines += [f"    {describe_change(c, catalogue, lang)}" for c in entry.changes]
    else:
        lines += [f"    {describe(c)}" for c in entry.changes]
    lines += [f"    {line}" for line in entry.text.split("\n")] if entry.is_note else []
    return lines
