"""The Markdown export, for review and diffs in git.

Each goal table is a GitHub pipe table: the goal is the header row (as in the document, on top of
its measures), then label | content rows. Cell content is escaped so that nothing in it can become
Markdown or HTML; line breaks inside a cell are `<br>`, the one tag we write ourselves.
"""

from __future__ import annotations

import re

from monitor_tui.render.common import MARKDOWN_MARK
from monitor_tui.report.charts import Chart
from monitor_tui.report.document import GoalTable, Synopsis, Table
from monitor_tui.report.richtext import Block, RichText, Run

# Every ASCII punctuation character may be backslash-escaped in CommonMark; only those that can
# start markup where they stand are, so that the file still reads well and diffs stay small:
# emphasis, code, links (and so images), HTML and tables anywhere; an entity only as "&name;",
# a strike only as "~~"; the rest only at the start of a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<|])|&(?=#?[0-9A-Za-z]+;)|~(?=~)")
_SUM = "Σ"
_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d{1,9}(?=[.)](?:\s|$)))", re.MULTILINE)
"""A list ("- x", "1. x"), a quote, a heading or a setext underline; "27.11.2026" is none."""


_ANY_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&!#]|^\s*(?:[-+=>]|\d+[.)])", re.MULTILINE)
"""What either of the two patterns above would escape: most text has none of it."""
_SPECIAL_CHARACTER = re.compile(r"[\\`*_\[\]<>|~&!#]")
_SPECIAL_START = re.compile(r"\s*(?:[-+=>]|\d+[.)])")
"""`_ANY_SPECIAL` for text on one line, in two quicker parts."""


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown text."""
    if "\n" in text:
        if _ANY_SPECIAL.search(text) is None:
            return text
    elif _SPECIAL_CHARACTER.search(text) is None and _SPECIAL_START.match(text) is None:
        return text
    escaped = _INLINE_SPECIAL.sub(_backslashed, text)
    # "- x" would start a list, "1. x" an ordered one; only punctuation can be escaped
    return _LINE_START.sub(_escape_line_start, escaped)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    return f"{indent}{marker}\\" if marker[0].isdigit() else f"{indent}\\{marker}"


def render_markdown(synopsis: Synopsis) -> bytes:
    lines = [
        MARKDOWN_MARK,
        "",
        escape_markdown(synopsis.issuer),
        "",
        f"# {escape_markdown(synopsis.title)}",
        "",
        f"**{escape_markdown(synopsis.subtitle)}**",
        "",
    ]
    lines += [f"- {escape_markdown(k)}: {escape_markdown(v)}" for k, v in synopsis.title_facts]
    lines.append("")
    if synopsis.summaries:
        lines += [f"## {escape_markdown(synopsis.summaries_title)}", ""]
        for summary in synopsis.summaries:
            lines += [f"### {escape_markdown(summary.heading)}", "", _paragraphs(summary.text), ""]
    lines += [f"## {escape_markdown(synopsis.overview_title)}", "", _table(synopsis.overview), ""]
    for chart in synopsis.charts:
        lines += [f"### {escape_markdown(chart.title)}", "", _chart(chart), ""]
    lines += [f"## {escape_markdown(synopsis.synopsis_title)}", ""]
    if not any(section.goals for section in synopsis.sections):
        lines += [escape_markdown(synopsis.empty_message), ""]
    for section in synopsis.sections:
        lines += [f"### {escape_markdown(section.heading)}", ""]
        for goal in section.goals:
            lines += [_goal_table(goal), ""]
    lines += [f"## {escape_markdown(synopsis.legend_title)}", ""]
    lines += [escape_markdown(synopsis.indicator_rule), ""]
    for title, table in synopsis.legend:
        lines += [f"**{escape_markdown(title)}**", "", _table(table), ""]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _goal_table(goal: GoalTable) -> str:
    rows = [f"| {_cell(goal.header)} ||", "|:---|:---|"]
    for entry in goal.measures:
        for row in entry.rows:
            # Follow-up note rows have no label of their own; "****" would show as text.
            label = f"**{escape_markdown(row.label)}**" if row.label else ""
            if row.sublabel:
                label += f" ({escape_markdown(row.sublabel)})"
            if row.flag:
                label += "<br>" + "".join(_run(run) for run in row.flag)
            rows.append(f"| {label} | {_cell(row.content)} |")
    return "\n".join(rows)


def _table(table: Table) -> str:
    width = len(table.widths)
    rows = list(table.rows)
    header = rows[: table.header_rows] or [tuple(() for _ in range(width))]
    body = rows[table.header_rows :]
    lines = ["| " + " | ".join(_cell(c) for c in header[0]) + " |"]
    lines.append("|" + "|".join([":---"] + [":---:"] * (width - 1)) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in cells) + " |" for cells in body]
    if table.caption:
        lines += ["", escape_markdown(table.caption)]
    return "\n".join(lines)


def _chart(chart: Chart) -> str:
    """A chart as the table of its numbers: one row per bar, one column per series, the sum."""
    heads = [f"{s.symbol} {s.label}".strip() for s in chart.series]
    lines = ["| | " + " | ".join(escape_markdown(h) for h in heads) + f" | {_SUM} |"]
    lines.append("|:---|" + "|".join(["---:"] * (len(heads) + 1)) + "|")
    for group in chart.groups:
        for bar in group.bars:
            name = f"{group.label} ({bar.label})" if bar.label else group.label
            counts = " | ".join(str(count) for count in bar.counts)
            lines.append(f"| {escape_markdown(name)} | {counts} | {bar.total} |")
    lines += ["", escape_markdown(chart.caption)]
    return "\n".join(lines)


def _cell(text: RichText) -> str:
    """Rich text inside one table cell: blocks separated by <br>."""
    return "<br>".join(map(_block, text))


def _paragraphs(text: RichText) -> str:
    return "\n\n".join(_block(block) for block in text).replace("<br>", "  \n")


def _block(block: Block) -> str:
    runs = "".join(map(_run, block.runs))
    if block.prefix:
        runs = escape_markdown(block.prefix) + runs
    return "\u00a0" * 4 * block.level + runs if block.level else runs


def _run(run: Run) -> str:
    if run.code:
        text = _code(run.text)
    elif "\n" in run.text:
        text = "<br>".join(map(escape_markdown, run.text.split("\n")))
    else:
        text = escape_markdown(run.text)
    if not (run.bold or run.italic or run.strike or run.href) or not text.strip():
        return text
    # Delimiters next to a space do not count in CommonMark ("** x**" stays text): the run's
    # outer spaces go outside them.
    before, after = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    text = text.strip()
    if run.bold:
        text = f"**{text}**"
    if run.italic:
        text = f"*{text}*"
    if run.strike:
        text = f"~~{text}~~"
    if run.href:
        target = run.href.replace("\\", "%5C").replace("(", "%28").replace(")", "%29")
        target = target.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
        target = target.replace("|", "%7C")
        text = f"[{text}]({target})"
    return before + text + after


def _code(text: str) -> str:
    """A code span that holds `text` literally, on one line (cells cannot hold line breaks)."""
    flat = text.replace("\n", " ⏎ ").replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}"
