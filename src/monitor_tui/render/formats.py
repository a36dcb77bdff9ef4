"""The export formats: names, file extensions and where each renderer lives.

Apart from the report code on purpose: the command line lists the formats at every start, and
must not pay for importing the report (let alone ReportLab or python-docx) to do so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor_tui.report.document import Synopsis


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name on the command line, file extension and renderer."""

    name: str
    extension: str
    label: str
    """As the app's dialog shows it."""
    renderer: str
    """`module:function` rendering a Synopsis to bytes; imported on first use, since
    ReportLab and python-docx take a while to load."""
    print_rank: int
    """Position in the app's dialog: print formats first, as most users want the PDF."""
    aliases: tuple[str, ...] = ()
    """Further file extensions that name this format (`-o bericht.htm`)."""
    leaves_cycles: bool = False
    """Its renderer leaves garbage in reference cycles, which only the cyclic collector frees
    (ReportLab's and python-docx's object graphs): without the collector it would pile up."""

    def render(self, synopsis: Synopsis) -> bytes:
        module_name, function_name = self.renderer.split(":")
        function: Callable[[Synopsis], bytes] = getattr(import_module(module_name), function_name)
        return function(synopsis)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("json", "json", "JSON", "monitor_tui.render.json_data:render_synopsis", 5),
    ExportFormat(
        "markdown",
        "md",
        "Markdown",
        "monitor_tui.render.markdown:render_markdown",
        4,
        ("markdown",),
    ),
    ExportFormat("html", "html", "HTML", "monitor_tui.render.html:render_html", 3, ("htm",)),
    ExportFormat("pdf", "pdf", "PDF", "monitor_tui.render.pdf:render_pdf", 1, leaves_cycles=True),
    ExportFormat(
        "docx", "docx", "DOCX", "monitor_tui.render.docx:render_docx", 2, leaves_cycles=True
    ),
)
"""Every format, in the order `--format all` writes them: the only list of formats."""
FORMAT_NAMES = tuple(f.name for f in FORMATS)
ALL = "all"
"""The choice that writes every format."""


def export_format(name: str) -> ExportFormat:
    return next(f for f in FORMATS if f.name == name)


def formats_of(choice: str) -> tuple[str, ...]:
    """The formats one choice writes ("all": every format)."""
    return FORMAT_NAMES if choice == ALL else (export_format(choice).name,)


def format_of_suffix(suffix: str) -> str | None:
    """The format a file extension names ("pdf", "htm" …), or None."""
    wanted = suffix.lower().lstrip(".")
    for candidate in FORMATS:
        if wanted == candidate.extension or wanted in candidate.aliases:
            return candidate.name
    return None
