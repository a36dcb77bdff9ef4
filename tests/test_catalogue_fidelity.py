"""The catalogue holds section 4 of the source document word for word, nothing more or less."""

from __future__ import annotations

import re

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.model import Catalogue
from monitor_tui.workspace import Workspace

from .conftest import SOURCE_TEXT

LAYOUT_TAGS = re.compile(r"</?[ip]>")


def source_section_4() -> str:
    text = SOURCE_TEXT.read_text(encoding="utf-8")
    start = text.index("\n4. Synopse der Maßnahmen, Bewertungen und Priorisierungen\n\n4.1")
    end = text.index("\nZeithorizont\t<i>Kurzfristig:</i>\t")  # the legend at the end
    return text[start:end]


def words(text: str) -> list[str]:
    return LAYOUT_TAGS.sub(" ", text).split()


def catalogue_as_printed(catalogue: Catalogue) -> list[str]:
    """The section 4 tables rebuilt from the catalogue, in reading order."""
    parts = ["4. Synopse der Maßnahmen, Bewertungen und Priorisierungen"]
    for field in catalogue.fields:
        parts.append(field.heading)
        for goal in field.goals:
            parts.append(goal.title)
            for m in goal.measures:
                parts += [m.label, m.text, "Erfolgsindikator", m.indicator, "Zeithorizont"]
                for target in m.targets:
                    parts += [target.label, target.text]
                parts += ["Zuständigkeit", m.responsible]
    return [word for part in parts for word in part.split()]


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def test_every_word_of_section_4_is_in_the_catalogue_in_order(catalogue: Catalogue) -> None:
    expected = words(source_section_4())
    actual = catalogue_as_printed(catalogue)
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        context = " ".join(expected[max(0, index - 8) : index + 3])
        assert got == want, f"word {index}: catalogue has {got!r}, source {want!r} near: {context}"
    assert len(actual) == len(expected)


def test_every_cell_is_a_verbatim_passage_of_the_source(catalogue: Catalogue) -> None:
    """Each cell, with the page layout's line breaks joined, stands in the source as it is."""
    source = " ".join(words(source_section_4()))
    for measure in catalogue.measures():
        cells = [measure.text, measure.indicator, measure.responsible]
        cells += [f"{t.label} {t.text}" for t in measure.targets]
        for cell in cells:
            assert cell == " ".join(cell.split()), f"{measure.id}: stray whitespace in {cell!r}"
            assert cell in source, f"{measure.id}: not in the source: {cell!r}"


def test_counts_match_the_document(catalogue: Catalogue) -> None:
    assert catalogue.counts() == (5, 14, 27)
    assert [f.heading for f in catalogue.fields] == [
        "4.1 Handlungsfeld Bildung",
        "4.2 Handlungsfeld Ausbildung und berufliche Integration",
        "4.3 Wohnen",
        "4.4 Zivilgesellschaftliches Engagement",
        "4.5 Handlungsfeld Gesundheit",
    ]


def test_ids_follow_document_order(catalogue: Catalogue) -> None:
    for field in catalogue.fields:
        for g, goal in enumerate(field.goals, 1):
            assert goal.id == f"{field.id}.{g}"
            for m, measure in enumerate(goal.measures, 1):
                assert measure.id == f"{goal.id}.{m}"
    flyer = catalogue.measure("1.2.2")
    assert flyer is not None and "Flyer „Elternbrief“" in flyer.text


def test_targets_carry_the_horizon_terms_they_cover(catalogue: Catalogue) -> None:
    terms = {"kurz": "Kurzfristig:", "mittel": "Mittelfristig:", "lang": "Langfristig:"}
    for measure in catalogue.measures():
        for target in measure.targets:
            if len(target.terms) == 1:
                assert target.label == terms[target.terms[0]]
            else:
                assert target.terms == ("mittel", "lang")
                assert target.label in (
                    "Mittel- und langfristig:",
                    "Mittelfristig und langfristig:",
                )
    measure = catalogue.measure("5.1.2")
    assert measure is not None and [t.key for t in measure.targets] == ["kurz", "mittel-lang"]


def test_offices_are_split_with_care(catalogue: Catalogue) -> None:
    offices = catalogue.offices()
    assert "Amt für Stadtentwicklung, Statistik und Wahlen" in offices
    assert "Amt für Jugend und Familie" in offices
    assert "Statistik und Wahlen" not in offices
    for measure in catalogue.measures():
        for office in measure.offices:
            assert office in measure.responsible, (measure.id, office)
    housing = catalogue.measure("3.1.1")
    assert housing is not None and len(housing.offices) == 5


def test_legend_and_summaries_are_verbatim(catalogue: Catalogue) -> None:
    source = " ".join(words(SOURCE_TEXT.read_text(encoding="utf-8")))
    for horizon in catalogue.concept.horizons:
        assert f"{horizon.label} {horizon.text}" in source
    assert catalogue.concept.indicator_rule in source
    assert catalogue.concept.summary_intro in source
    for field in catalogue.fields:
        assert field.summary, field.id
        for paragraph in field.summary.split("\n\n"):
            assert paragraph in source, (field.id, paragraph[:60])
