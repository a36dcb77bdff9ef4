"""Where the data live: a workspace folder with `catalogue/`, `status/` and `exports/`."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from monitor_tui.i18n import _, os_error

ENV_WORKSPACE = "MONITOR_TUI_WORKSPACE"


class WorkspaceError(Exception):
    """A workspace cannot be found or created; the message is for the user."""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def catalogue_dir(self) -> Path:
        return self.root / "catalogue"

    @property
    def status_dir(self) -> Path:
        return self.root / "status"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def reports_dir(self) -> Path:
        """`reports/`: the frozen reports (see `reports.store`)."""
        return self.root / "reports"

    @property
    def cache_dir(self) -> Path:
        """`.cache/`: derived data kept between runs, safe to delete (see `cachefile`)."""
        return self.root / ".cache"

    def exists(self) -> bool:
        return self.catalogue_dir.is_dir()


def location_note(workspace: Workspace, cwd: Path | None = None) -> str | None:
    """The workspace's absolute path when it is not the current folder (so that nobody
    records into another workspace than they think), else None."""
    here = (cwd or Path.cwd()).resolve()
    try:
        root = workspace.root.resolve()
    except OSError:
        root = workspace.root.absolute()
    return None if root == here else str(root)


def shipped_catalogue() -> Path:
    """The Mainz catalogue that comes with the package.

    A wheel carries it as package data (`monitor_tui/data/catalogue`, put there by the build from
    the repository's one `catalogue/`); a source checkout uses that folder directly.
    """
    packaged = Path(str(resources.files("monitor_tui"))) / "data" / "catalogue"
    if (packaged / "concept.toml").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "catalogue"
    if (checkout / "concept.toml").is_file():
        return checkout
    raise WorkspaceError(_("shipped_catalogue_missing"))


def user_data_workspace(environ: Mapping[str, str]) -> Path:
    """$XDG_DATA_HOME/monitor-tui/workspace (default ~/.local/share/…)."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "monitor-tui" / "workspace"


def find_workspace(
    option: str | None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[Workspace, str | None]:
    """The workspace to use, and a message when one had to be created.

    Order: the -w option, $MONITOR_TUI_WORKSPACE, the current folder if it holds `catalogue/`,
    else a workspace in the user's data folder, created from the shipped catalogue.
    """
    env = os.environ if environ is None else environ
    explicit = option or env.get(ENV_WORKSPACE)
    if explicit:
        workspace = Workspace(Path(explicit))
        if not workspace.exists():
            raise WorkspaceError(_("workspace_missing", path=explicit))
        return workspace, None
    here = Workspace(cwd or Path.cwd())
    if here.exists():
        return Workspace(Path(".")) if cwd is None else here, None
    fallback = Workspace(user_data_workspace(env))
    if fallback.exists():
        return fallback, None
    init_workspace(fallback.root)
    return fallback, _("workspace_created", path=fallback.root)


def init_workspace(root: Path, today: date | None = None) -> Workspace:
    """A new workspace at `root` with a copy of the shipped catalogue; never overwrites one.

    Its concept gets `monitoring_start` = `today` (default: the real today): monitoring begins
    with the workspace, and reviews fall due from then on.
    """
    import shutil  # here, like tomlkit below: starting the app creates no workspace

    workspace = Workspace(root)
    if workspace.catalogue_dir.exists():
        raise WorkspaceError(_("workspace_exists", path=root))
    source = shipped_catalogue()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = root / ".catalogue.new"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(source, staging, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        _set_monitoring_start(staging / "concept.toml", today or date.today())
        staging.rename(workspace.catalogue_dir)  # all files appear at once, or none
        workspace.status_dir.mkdir(exist_ok=True)
        workspace.exports_dir.mkdir(exist_ok=True)
    except OSError as error:
        raise WorkspaceError(_("workspace_init_failed", reason=os_error(error))) from error
    return workspace


def _set_monitoring_start(concept_file: Path, day: date) -> None:
    """Write `monitoring_start = day` into a concept file, keeping its comments and layout:
    after `review_period_days`, which it belongs to (else before the first table); a start
    already there is replaced. tomlkit checks that the result is the same document plus it."""
    import tomlkit

    text = concept_file.read_text(encoding="utf-8")
    lines = text.split("\n")
    entry = [f"# {_('init_monitoring_start_comment')}", f"monitoring_start = {day.isoformat()}"]
    existing = _top_level_line(lines, "monitoring_start")
    if existing is not None:
        lines[existing] = entry[1]
    else:
        after = _top_level_line(lines, "review_period_days")
        at = after + 1 if after is not None else _first_table_line(lines)
        lines[at:at] = entry
    document = tomlkit.parse("\n".join(lines))
    if document.get("monitoring_start") != day:  # a concept file laid out unlike ours
        raise WorkspaceError(_("workspace_init_failed", reason="monitoring_start"))
    concept_file.write_text(tomlkit.dumps(document), encoding="utf-8")


def _top_level_line(lines: list[str], key: str) -> int | None:
    """Index of the line `key = …` before the first table header."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            return None
        if re.match(rf"^\s*{key}\s*=", line):
            return index
    return None


def _first_table_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
