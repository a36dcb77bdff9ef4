"""An update request to one office as a format-neutral letter, and the form's id.

The letter says who writes (the publisher of the concept), to whom (the office and its contact
from people.toml), until when the answer is needed, and then, for each of the office's measures,
the catalogue text, the state recorded so far, the last public notes and the fields to fill in.
Every text is already safe for any format (control characters made visible). No I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from monitor_tui.dates import format_date, format_timestamp
from monitor_tui.model import Catalogue, Measure, MeasureStatus, Vocabulary
from monitor_tui.offices import office_slug
from monitor_tui.people import OfficeContact
from monitor_tui.report.language import message
from monitor_tui.status.wording import value_word
from monitor_tui.text import visible_text

LAST_NOTES = 3
"""How many of the latest public notes a request shows per measure."""

FORM_ID = re.compile(
    r"\[abfrage (?P<moment>\S+) (?P<slug>[a-z0-9][a-z0-9-]*)(?P<ids>(?: [0-9]+\.[0-9]+\.[0-9]+)*)\]"
)
"""The form's id as printed in the letter: `[abfrage <time of the request> <office> <ids>]`."""

AnswerKind = Literal["choice", "text", "date"]
PROGRESS = "progress"
"""The free text "Fortschritt seit dem letzten Bericht": it becomes the entry's note."""
ANSWER_FIELDS_AFTER_TARGETS = ("assessment", PROGRESS, "next_step", "next_step_due")


@dataclass(frozen=True)
class FormId:
    """Which request a form answers: when it was made, to which office, with which measures."""

    moment: datetime
    office_slug: str
    measure_ids: tuple[str, ...]

    def text(self) -> str:
        ids = "".join(f" {measure_id}" for measure_id in self.measure_ids)
        return f"[abfrage {self.moment.isoformat()} {self.office_slug}{ids}]"

    @property
    def key(self) -> str:
        """What an imported entry records as its `form` attribute."""
        return f"{self.office_slug}@{self.moment.isoformat()}"

    @classmethod
    def find(cls, text: str) -> FormId | None:
        """The id in a text (the letter's paragraph, or the document's properties)."""
        found = FORM_ID.search(text)
        if found is None:
            return None
        try:
            moment = datetime.fromisoformat(found["moment"])
        except ValueError:
            return None
        if moment.tzinfo is None:
            return None
        return cls(moment, found["slug"], tuple(found["ids"].split()))


@dataclass(frozen=True)
class AnswerField:
    """One field the office fills in: a choice (tick one), a text or a date."""

    key: str
    """`status`, `target:<key>`, `assessment`, `progress`, `next_step`, `next_step_due`."""
    kind: AnswerKind
    label: str
    options: tuple[tuple[str, str], ...] = ()
    """(key, word) of each value to tick, for a choice."""
    hint: str = ""


@dataclass(frozen=True)
class RequestMeasure:
    measure: Measure
    heading: str
    catalogue_rows: tuple[tuple[str, str], ...]
    """(label, text): Maßnahme, Erfolgsindikator, Zeithorizont, Zuständigkeit."""
    state_rows: tuple[tuple[str, str], ...]
    """(label, text): the state recorded so far."""
    notes: tuple[tuple[str, str], ...]
    """(heading, text) of the latest public notes, newest first."""
    answers: tuple[AnswerField, ...]


@dataclass(frozen=True)
class RequestLetter:
    lang: str
    form_id: FormId
    office: str
    contact: OfficeContact
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    date_line: str
    subject: str
    reply_line: str
    salutation: str
    body: tuple[str, ...]
    instructions: tuple[str, ...]
    closing: tuple[str, ...]
    form_id_line: str
    measures_heading: str
    measures: tuple[RequestMeasure, ...]
    labels: Mapping[str, str]
    """Fixed words: `catalogue`, `state`, `notes`, `no_notes`, `answers`, `page`."""
    title: str


def answer_fields(measure: Measure, catalogue: Catalogue, lang: str) -> tuple[AnswerField, ...]:
    """The fields of a measure's answer, in the order the form shows them (and reads them)."""
    concept = catalogue.concept
    fields = [
        AnswerField(
            "status", "choice", message("label_status", lang), _opts(concept.statuses, lang)
        )
    ]
    for target in measure.targets:
        label = message("request_target_label", lang, label=target.label.rstrip(": "))
        fields.append(
            AnswerField(f"target:{target.key}", "choice", label, _opts(concept.target_states, lang))
        )
    fields += [
        AnswerField(
            "assessment",
            "choice",
            message("label_assessment", lang),
            _opts(concept.assessments, lang),
        ),
        AnswerField(
            PROGRESS,
            "text",
            message("request_progress", lang),
            hint=message("request_progress_hint", lang),
        ),
        AnswerField(
            "next_step",
            "text",
            message("request_next_step", lang),
            hint=message("request_next_step_hint", lang),
        ),
        AnswerField(
            "next_step_due",
            "date",
            message("request_next_step_due", lang),
            hint=message("request_date_hint", lang),
        ),
    ]
    return tuple(fields)


def answer_labels(measure: Measure, catalogue: Catalogue) -> list[tuple[str, ...]]:
    """For each answer field, its label in every language (to recognise a filled-in form
    whatever language it was written in)."""
    by_lang = [answer_fields(measure, catalogue, lang) for lang in ("de", "en")]
    return [tuple(f.label for f in row) for row in zip(*by_lang, strict=True)]


def _opts(vocabulary: Vocabulary, lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((choice.key, visible_text(choice.label(lang))) for choice in vocabulary)


def build_letter(
    catalogue: Catalogue,
    office: str,
    contact: OfficeContact,
    statuses: Mapping[str, MeasureStatus],
    names: Mapping[str, str],
    moment: datetime,
    reply_by: date,
    lang: str,
) -> RequestLetter:
    """The request to `office` made at `moment`: its measures (in catalogue order) with their
    state in `statuses`; `names` maps logins to the names printed under notes."""
    concept = catalogue.concept
    measures = [m for m in catalogue.measures() if office in m.offices]
    form_id = FormId(moment, office_slug(office), tuple(m.id for m in measures))
    reply = format_date(reply_by, lang)
    sender = tuple(
        visible_text(line) for line in (concept.issuer, concept.publisher, concept.contact) if line
    )
    recipient = [visible_text(office)]
    if contact.contact:
        recipient.append(message("request_attention", lang, name=visible_text(contact.contact)))
    reach = [p for p in (contact.email, contact.phone) if p]
    if reach:
        recipient.append(visible_text(" · ".join(reach)))
    salutation = (
        message("request_salutation_named", lang, name=visible_text(contact.contact))
        if contact.contact
        else message("request_salutation", lang)
    )
    reasons = _reason_words(catalogue, lang)
    instructions = [
        message("request_instruction_tick", lang),
        message("request_instruction_text", lang),
    ]
    if reasons:
        instructions.append(message("request_instruction_reason", lang, values=reasons))
    return_to = visible_text(concept.contact or concept.publisher)
    body = (
        message("request_body_intro", lang, title=visible_text(concept.title), count=len(measures)),
        message("request_body_pages", lang),
    )
    closing = (
        message("request_body_keep", lang, date=reply, address=return_to),
        message("request_thanks", lang),
        message("request_regards", lang),
        visible_text(concept.publisher or concept.issuer),
    )
    return RequestLetter(
        lang=lang,
        form_id=form_id,
        office=visible_text(office),
        contact=contact,
        sender=sender,
        recipient=tuple(recipient),
        date_line=format_date(moment.date(), lang),
        subject=message("request_subject", lang),
        reply_line=message("request_reply_by", lang, date=reply),
        salutation=salutation,
        body=body,
        instructions=tuple(instructions),
        closing=closing,
        form_id_line=message("request_form_id", lang, id=form_id.text()),
        measures_heading=message("request_measures_heading", lang, count=len(measures)),
        measures=tuple(
            _measure(catalogue, m, statuses.get(m.id) or MeasureStatus(m.id), names, lang)
            for m in measures
        ),
        labels={
            "catalogue": message("request_catalogue_heading", lang, id="{id}"),
            "state": message("request_state_heading", lang),
            "notes": message("request_notes_label", lang),
            "no_notes": message("request_no_notes", lang),
            "answers": message("request_answers_heading", lang),
            "page": message("report_page", lang, page="{page}", pages="{pages}"),
            "office": visible_text(office),
        },
        title=visible_text(concept.title),
    )


def _reason_words(catalogue: Catalogue, lang: str) -> str:
    """ "zurückgestellt, entfallen, gefährdet, kritisch": the values that need a reason."""
    concept = catalogue.concept
    words = [
        f"„{visible_text(choice.label(lang))}“" if lang == "de" else f"'{choice.label(lang)}'"
        for vocabulary in (concept.statuses, concept.target_states, concept.assessments)
        for choice in vocabulary
        if choice.needs_reason
    ]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {message('list_or', lang)} {words[-1]}"


def _measure(
    catalogue: Catalogue,
    measure: Measure,
    status: MeasureStatus,
    names: Mapping[str, str],
    lang: str,
) -> RequestMeasure:
    horizon = "\n".join(f"{t.label} {t.text}" for t in measure.targets)
    catalogue_rows = (
        (visible_text(measure.label), visible_text(measure.text)),
        (message("report_indicator", lang), visible_text(measure.indicator)),
        (message("report_horizon", lang), visible_text(horizon)),
        (message("report_responsible", lang), visible_text(measure.responsible)),
    )
    notes = tuple(
        (
            visible_text(
                f"{format_timestamp(note.timestamp, lang)} – {names.get(note.author) or note.author}"
            ),
            visible_text(note.text),
        )
        for note in status.public_notes()[:LAST_NOTES]
    )
    heading = message(
        "request_measure_heading", lang, id=measure.id, label=visible_text(measure.label)
    )
    return RequestMeasure(
        measure,
        heading,
        catalogue_rows,
        _state_rows(catalogue, measure, status, lang),
        notes,
        answer_fields(measure, catalogue, lang),
    )


def _state_rows(
    catalogue: Catalogue, measure: Measure, status: MeasureStatus, lang: str
) -> tuple[tuple[str, str], ...]:
    default = catalogue.concept.target_states.default.key
    targets = "\n".join(
        f"{t.label} {value_word('target', status.target_state(t, default), catalogue, lang)}"
        for t in measure.targets
    )
    reviewed = (
        format_date(status.reviewed, lang) if status.reviewed else message("request_never", lang)
    )
    rows = [
        (message("label_status", lang), value_word("status", status.status, catalogue, lang)),
        (
            message("label_assessment", lang),
            value_word("assessment", status.assessment, catalogue, lang),
        ),
        (message("report_targets", lang), targets),
        (message("report_reviewed", lang), reviewed),
    ]
    if status.next_step:
        label = message("report_next_step", lang)
        if status.next_step_due is not None:
            label = message(
                "report_next_step_due", lang, date=format_date(status.next_step_due, lang)
            )
        rows.append((label, status.next_step))
    return tuple((visible_text(label), visible_text(text)) for label, text in rows)
