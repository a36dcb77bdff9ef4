"""The request as Markdown, for review (and for offices that answer by mail): the letter, then
per measure the catalogue text, the state so far and the questions, values as task lists
("- [ ] in Umsetzung"). Not read back: the DOCX is the form the tool reads."""

from __future__ import annotations

from monitor_tui.render.markdown import escape_markdown
from monitor_tui.requests.letter import RequestLetter, RequestMeasure


def render_request_markdown(letter: RequestLetter) -> bytes:
    lines = [*(_line(text) for text in letter.sender), ""]
    lines += [*(_line(text) for text in letter.recipient), ""]
    lines += [escape_markdown(letter.date_line), ""]
    lines += [
        f"## {escape_markdown(letter.subject)}",
        "",
        f"**{escape_markdown(letter.reply_line)}**",
        "",
    ]
    lines += [escape_markdown(letter.salutation), ""]
    for text in letter.body:
        lines += [escape_markdown(text), ""]
    lines += [f"- {escape_markdown(text)}" for text in letter.instructions]
    lines.append("")
    for text in letter.closing:
        lines += [escape_markdown(text), ""]
    lines += [f"*{escape_markdown(letter.form_id_line)}*", ""]
    lines += [f"# {escape_markdown(letter.measures_heading)}", ""]
    for item in letter.measures:
        lines += _measure(item, letter)
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _line(text: str) -> str:
    """One line of an address block: a hard line break at its end."""
    return escape_markdown(text) + "  "


def _cell(text: str) -> str:
    return escape_markdown(text).replace("\n", "<br>")


def _measure(item: RequestMeasure, letter: RequestLetter) -> list[str]:
    lines = [f"## {escape_markdown(item.heading)}", ""]
    caption = letter.labels["catalogue"].format(id=item.measure.id)
    lines += [f"| {escape_markdown(caption)} | |", "|---|---|"]
    lines += [f"| **{_cell(label)}** | {_cell(text)} |" for label, text in item.catalogue_rows]
    lines += ["", f"**{escape_markdown(letter.labels['state'])}**", ""]
    lines += [f"- {escape_markdown(label)}: {_cell(text)}" for label, text in item.state_rows]
    lines += ["", f"**{escape_markdown(letter.labels['notes'])}**", ""]
    if not item.notes:
        lines += [f"*{escape_markdown(letter.labels['no_notes'])}*"]
    for heading, text in item.notes:
        lines += [
            f"- **{escape_markdown(heading)}**  ",
            *(f"  {escape_markdown(t)}" for t in text.split("\n")),
        ]
    lines += ["", f"### {escape_markdown(letter.labels['answers'])}", ""]
    for answer in item.answers:
        hint = f" *({escape_markdown(answer.hint)})*" if answer.hint else ""
        lines += [f"**{escape_markdown(answer.label)}**{hint}", ""]
        if answer.kind == "choice":
            lines += [f"- [ ] {escape_markdown(word)}" for _key, word in answer.options]
        else:
            lines.append("> ")
        lines.append("")
    return lines
