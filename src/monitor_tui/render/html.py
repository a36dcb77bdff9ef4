"""The HTML export: one self-contained file (inline CSS, no scripts, no network), A4 print CSS.

Printed from a browser, CSS paged media gives every page a running header (title, Berichtsstand)
and footer (Datenstand, "Seite X von Y"); a goal's table may break between measures, never
inside one. The charts are inline SVG, laid out by `render.chart_layout`, with a title and a
description for screen readers and the numbers as text.
"""

from __future__ import annotations

import re
from html import escape

from monitor_tui.render.chart_layout import Box, Label, Line, layout
from monitor_tui.render.common import (
    GENERATOR,
    GOAL_SHADE,
    LABEL_SHADE,
    css_font_stack,
    ink,
    tint,
)
from monitor_tui.render.fonts import text_width
from monitor_tui.report.charts import Chart
from monitor_tui.report.document import GoalTable, Row, Synopsis, Table
from monitor_tui.report.richtext import Block, RichText, Run

CHART_WIDTH = 493.0
"""Points: the width of A4 less the print margins, as in the PDF."""

_CSS = f"""
@page {{ size: A4; margin: 26mm 16mm 20mm 16mm; }}
body {{ font-family: {css_font_stack()}; font-size: 10pt;
  line-height: 1.35; color: #000; max-width: 180mm; margin: 1em auto; }}
h1 {{ font-size: 17pt; margin: 0 0 .3em; }}
h2 {{ font-size: 14pt; margin: 1.4em 0 .5em; break-after: avoid; }}
h3 {{ font-size: 12pt; margin: 1.2em 0 .5em; break-after: avoid; }}
p {{ margin: .15em 0; }}
.subtitle {{ font-size: 12pt; margin: 0 0 1em; }}
table {{ width: 100%; border-collapse: collapse; margin: 0 0 1em; }}
th, td {{ border: 0.5pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
thead {{ display: table-header-group; }}
tr, tbody.measure, figure {{ break-inside: avoid; }}
table.goal td.label {{ width: 24%; font-weight: bold; }}
table.goal th {{ background: {GOAL_SHADE}; }}
td.monitoring {{ background: {LABEL_SHADE}; }}
.sublabel {{ font-weight: normal; color: #555; font-size: 8pt; }}
.flag {{ display: inline-block; margin-top: 2pt; padding: 0 3pt; border: 1pt solid #000; }}
table.facts td, table.facts th {{ border: none; padding: 1pt 8pt 1pt 0; }}
table.overview td:not(:first-child), table.overview th:not(:first-child) {{ text-align: center; }}
tr.group td {{ background: {LABEL_SHADE}; font-weight: bold; }}
.mark {{ font-weight: bold; }}
pre {{ font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 9pt;
  white-space: pre-wrap; margin: .2em 0; }}
code {{ font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 9pt; }}
.quote {{ border-left: 2pt solid #999; padding-left: 4pt; }}
.heading {{ font-weight: bold; }}
p.caption {{ font-size: 8.5pt; margin: -.6em 0 1em; }}
figure.chart {{ margin: 1em 0 1.2em; }}
figure.chart svg {{ display: block; width: 100%; height: auto; }}
figure.chart figcaption {{ font-size: 8.5pt; margin-top: .3em; }}
h3.chart {{ font-size: 11pt; margin: 1em 0 .3em; }}
@media print {{
  body {{ margin: 0; max-width: none; font-size: 9pt; line-height: 1.25; }}
  th, td {{ padding: 2pt 4pt; }}
  p {{ margin: .1em 0; }}
  a {{ color: #000; }}
}}
"""


def render_html(synopsis: Synopsis) -> bytes:
    """The report as one HTML document; every text is escaped, links are http(s)/mailto only."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(synopsis.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta name="generator" content="{GENERATOR}">',
        # defence in depth: even if markup slipped through, nothing would load or run
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_text(synopsis.title)} – {_text(synopsis.report_date_text())}</title>",
        f"<style>{_CSS}{_page_boxes(synopsis)}</style>",
        "</head>",
        "<body>",
        f"<p>{_text(synopsis.issuer)}</p>",
        f"<h1>{_text(synopsis.title)}</h1>",
        f'<p class="subtitle">{_text(synopsis.subtitle)}</p>',
        '<table class="facts">',
        *(f"<tr><th>{_text(k)}</th><td>{_text(v)}</td></tr>" for k, v in synopsis.title_facts),
        "</table>",
    ]
    if synopsis.summaries:
        parts.append(f"<h2>{_text(synopsis.summaries_title)}</h2>")
        for summary in synopsis.summaries:
            parts.append(f"<h3>{_text(summary.heading)}</h3>")
            parts.append(_rich(summary.text))
    parts.append(f"<h2>{_text(synopsis.overview_title)}</h2>")
    parts.append(_table(synopsis.overview, "overview"))
    parts += [_chart(chart) for chart in synopsis.charts]
    parts.append(f"<h2>{_text(synopsis.synopsis_title)}</h2>")
    if not any(section.goals for section in synopsis.sections):
        parts.append(f"<p>{_text(synopsis.empty_message)}</p>")
    for section in synopsis.sections:
        parts.append(f"<h3>{_text(section.heading)}</h3>")
        parts += [_goal_table(goal) for goal in section.goals]
    parts.append(f"<h2>{_text(synopsis.legend_title)}</h2>")
    parts.append(f"<p>{_text(synopsis.indicator_rule)}</p>")
    for title, table in synopsis.legend:
        parts.append(f'<p class="heading">{_text(title)}</p>')
        parts.append(_table(table, "legend"))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def _page_boxes(synopsis: Synopsis) -> str:
    """The running header and footer of the printed pages (CSS margin boxes)."""
    title = _css_string(synopsis.title)
    day = _css_string(f"{synopsis.labels['report_date']}: {synopsis.report_date_text()}")
    digest = synopsis.digest
    if digest and synopsis.labels.get("digest"):
        digest = f"{synopsis.labels['digest']} {digest}"
    before, rest = synopsis.labels["page"].split("{page}", 1)
    between, after = rest.split("{pages}", 1)
    page = (
        f"{_css_string(before)} counter(page) {_css_string(between)} counter(pages) "
        f"{_css_string(after)}"
    )
    small = f"font-family: {css_font_stack()}; font-size: 7.5pt; color: #444;"
    return (
        "\n@page {"
        f" @top-left {{ content: {title}; {small} vertical-align: bottom; padding-bottom: 3mm; }}"
        f" @top-right {{ content: {day}; {small} vertical-align: bottom; padding-bottom: 3mm;"
        " white-space: nowrap; }"
        f" @bottom-left {{ content: {_css_string(digest)}; {small} }}"
        f" @bottom-right {{ content: {page}; {small} white-space: nowrap; }}"
        " }\n"
    )


def _css_string(text: str) -> str:
    """`text` as a CSS string in which nothing can end the string or the style element."""
    safe = "".join(
        char if char.isalnum() or char in " .,:;-–()/" else f"\\{ord(char):x} " for char in text
    )
    return f'"{safe}"'


def _chart(chart: Chart) -> str:
    """The chart as inline SVG: title and description for screen readers, numbers as text."""
    picture = layout(chart, CHART_WIDTH, text_width)
    ident = f"chart-{chart.key}"
    lines = [
        '<figure class="chart">',
        f'<h3 class="chart">{_text(chart.title)}</h3>',
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {picture.width:.1f} '
        f'{picture.height:.1f}" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="{escape(css_font_stack(), quote=True)}">',
        f'<title id="{ident}-title">{_line(chart.title)}</title>',
        f'<desc id="{ident}-desc">{_line(chart.description())}</desc>',
    ]
    for item in picture.items:
        if isinstance(item, Box):
            fill = item.fill or "none"
            stroke = (
                f' stroke="{item.stroke}" stroke-width="{item.stroke_width}"' if item.stroke else ""
            )
            lines.append(
                f'<rect x="{item.x:.2f}" y="{item.y:.2f}" width="{item.width:.2f}" '
                f'height="{item.height:.2f}" fill="{fill}"{stroke}/>'
            )
        elif isinstance(item, Line):
            lines.append(
                f'<line x1="{item.x1:.2f}" y1="{item.y1:.2f}" x2="{item.x2:.2f}" '
                f'y2="{item.y2:.2f}" stroke="{item.colour}" stroke-width="{item.width}"/>'
            )
        elif isinstance(item, Label):
            weight = ' font-weight="bold"' if item.bold else ""
            lines.append(
                f'<text x="{item.x:.2f}" y="{item.y:.2f}" font-size="{item.size}" '
                f'text-anchor="{item.anchor}" fill="{item.colour}"{weight}>{_line(item.text)}</text>'
            )
    lines += ["</svg>", f"<figcaption>{_text(chart.caption)}</figcaption>", "</figure>"]
    return "\n".join(lines)


def _goal_table(goal: GoalTable) -> str:
    lines = [
        '<table class="goal">',
        f'<thead><tr><th colspan="2">{_rich(goal.header)}</th></tr></thead>',
    ]
    for entry in goal.measures:
        lines.append('<tbody class="measure">')
        lines += [_row(row) for row in entry.rows]
        lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _row(row: Row) -> str:
    label = _text(row.label)
    if row.sublabel:
        label += f'<br><span class="sublabel">{_text(row.sublabel)}</span>'
    if row.flag:
        label += f'<br><span class="flag">{"".join(_run(run) for run in row.flag)}</span>'
    label_class = "label monitoring" if row.is_monitoring else "label"
    shade = tint(row.shade)
    style = f' style="background:{shade}"' if shade else ""
    return f'<tr><td class="{label_class}">{label}</td><td{style}>{_rich(row.content)}</td></tr>'


def _table(table: Table, css_class: str) -> str:
    lines = [f'<table class="{css_class}">']
    for index, cells in enumerate(table.rows):
        is_header = index < table.header_rows
        if index == 0 and is_header:
            lines.append("<thead>")
        tag = "th" if is_header else "td"
        row_class = ' class="group"' if index in table.group_rows else ""
        lines.append(
            f"<tr{row_class}>" + "".join(f"<{tag}>{_rich(c)}</{tag}>" for c in cells) + "</tr>"
        )
        if index == table.header_rows - 1:
            lines.append("</thead>")
    lines.append("</table>")
    if table.caption:
        lines.append(f'<p class="caption">{_text(table.caption)}</p>')
    return "\n".join(lines)


def _rich(text: RichText) -> str:
    return "".join(map(_block, text))


def _block(block: Block) -> str:
    indent = f' style="margin-left:{block.level * 10}pt"' if block.level else ""
    if block.kind == "code":
        return f"<pre{indent}>{_text(block.plain())}</pre>"
    css = _BLOCK_CLASS.get(block.kind, "")
    inner = "".join(map(_run, block.runs))
    if block.prefix:
        inner = _text(block.prefix) + inner
    return f'<p{css}{indent} dir="auto">{inner}</p>'


_BLOCK_CLASS = {"quote": ' class="quote"', "heading": ' class="heading"'}


def _run(run: Run) -> str:
    html = _text(run.text)
    if not (run.code or run.bold or run.italic or run.strike or run.mark or run.href):
        return html
    if run.code:
        html = f"<code>{html}</code>"
    if run.bold:
        html = f"<strong>{html}</strong>"
    if run.italic:
        html = f"<em>{html}</em>"
    if run.strike:
        html = f"<s>{html}</s>"
    if run.mark:
        colour = ink(run.color)
        style = f' style="color:{colour}"' if colour else ""
        html = f'<span class="mark"{style}>{html}</span>'
    if run.href:
        html = f'<a href="{escape(run.href, quote=True)}" rel="noopener noreferrer">{html}</a>'
    return html


def _line(text: str) -> str:
    """Escaped text on one line (SVG text has no line breaks)."""
    return escape(" ".join(text.split()), quote=True)


def _text(text: str) -> str:
    """Escaped text; line breaks inside a run become <br> (escaping leaves them alone)."""
    if _TO_ESCAPE.search(text) is None:  # most text
        return text
    return escape(text, quote=True).replace("\n", "<br>")


_TO_ESCAPE = re.compile("[&<>\"'\n]")
"""What `_text` changes."""
