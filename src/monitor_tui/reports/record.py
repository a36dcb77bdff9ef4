"""What a frozen report is, as `report.toml` says it: the record the app, the commands and the
store share (the store reads and writes it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPORT_ID = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:-(?P<n>[2-9]|[1-9][0-9]+))?$")
"""`2026-03-31`, the second report of that day `2026-03-31-2`, …"""


@dataclass(frozen=True)
class Withdrawal:
    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class FrozenReport:
    """What `report.toml` says about a frozen report."""

    id: str
    path: Path
    report_date: date
    title: str
    frozen_at: datetime
    frozen_by: str
    digest: str
    program_version: str
    compared_to: str = ""
    """Id of the report this one was compared with; empty for none."""
    options: Mapping[str, Any] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)
    """File name → SHA-256 (hex) of every file besides report.toml."""
    withdrawn: Withdrawal | None = None

    @property
    def sequence(self) -> int:
        match = REPORT_ID.match(self.id)
        return int(match.group("n") or 1) if match else 1

    def sort_key(self) -> tuple[date, int]:
        """Berichtsstand first, then the order of freezing on that day."""
        return self.report_date, self.sequence


def latest_report(reports: list[FrozenReport], before: date | None = None) -> FrozenReport | None:
    """The last report: not withdrawn, the latest Berichtsstand (then the latest id);
    with `before`, only reports dated before that day."""
    candidates = [
        r for r in reports if r.withdrawn is None and (before is None or r.report_date < before)
    ]
    return max(candidates, key=FrozenReport.sort_key, default=None)
