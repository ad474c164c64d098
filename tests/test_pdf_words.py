"""Words from characters: letter spacing joined, the next cell kept apart."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from pdfplumber.utils import extract_words

from hytetool.extract.pdf_words import page_words
from hytetool.extract.settings import DEFAULT_SETTINGS

SIZE = 9.0
GLYPH = 5.0  # every glyph 5 pt wide: the gaps are what the tests are about


class Page:
    """Just what page_words() uses of a pdfplumber page."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = chars

    def extract_words(self, **options) -> list[dict]:
        return extract_words(self.chars, **options)


def typeset(text: str, x: float, spacing: float = 0.0, top: float = 100.0) -> list[dict]:
    """Characters of `text` from x on, `spacing` points after each (PDF Tc)."""
    chars = []
    for letter in text:
        chars.append({"text": letter, "x0": x, "x1": x + GLYPH, "top": top, "bottom": top + SIZE,
                      "doctop": top, "upright": True, "size": SIZE, "height": SIZE, "width": GLYPH})
        x += GLYPH + spacing
    return chars


# Another line on the page, in ordinary type: the page writes its spaces as characters.
CONTEXT = "Kemin kaupungin hyvinvointisuunnitelma vuosille 2022 ja 2023"


def texts(chars: list[dict], context: bool = True) -> list[str]:
    """The words on line `top=100`, the page also holding the CONTEXT line."""
    page = chars + (typeset(CONTEXT, 10, top=300.0) if context else [])
    return [w["text"] for w in page_words(Page(page), DEFAULT_SETTINGS) if w["top"] < 200]


def test_letter_spaced_words_are_whole() -> None:
    assert texts(typeset("Toimenpide ja vastuu", 10, spacing=3.6)) == ["Toimenpide", "ja", "vastuu"]


def test_the_next_cell_a_few_points_away_stays_apart() -> None:
    """Excel prints the next cell's text 4 pt after this one's, with no space between."""
    cell = typeset("Kaikille kouluja.", 10)
    chars = cell + typeset("Johtava rehtori", cell[-1]["x1"] + 3.9)
    assert texts(chars) == ["Kaikille", "kouluja.", "Johtava", "rehtori"]


def test_a_page_without_space_characters_keeps_pdfplumbers_gap() -> None:
    chars = [c for c in typeset("yksi kaksi", 10, spacing=0.5) if c["text"] != " "]
    assert texts(chars, context=False) == ["yksi", "kaksi"]  # the space's 5.5 pt gap is over 3 pt


@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=12), min_size=1, max_size=6),
       st.floats(0.0, 0.45 * SIZE))
def test_any_letter_spacing_up_to_half_an_em_gives_the_words(words: list[str], spacing: float) -> None:
    line = " ".join(words)
    assume(len(line) >= 3)  # two glyphs alone have no rhythm to read: see the next test
    assert texts(typeset(line, 10, spacing)) == words


def test_two_glyphs_alone_with_a_wide_gap_stay_apart() -> None:
    """Found by Hypothesis: "aa" set with 4 pt spacing. With no gap beside it to compare,
    a lone wide gap is read as a cell break (two one-digit numbers in adjacent cells)."""
    assert texts(typeset("57", 10, spacing=4.0)) == ["5", "7"]
    assert texts(typeset("57", 10, spacing=2.0)) == ["57"]  # within pdfplumber's 3 pt


def test_pages_whose_narrow_gaps_all_hold_spaces_keep_pdfplumbers_words() -> None:
    """The rhythm is read only where a narrow gap holds no space: most pages need none."""
    from hytetool.extract.pdf_words import _gaps_without_space

    def check(chars: list[dict]) -> bool:
        return _gaps_without_space(Page(chars).extract_words(**DEFAULT_SETTINGS.word_options()), chars,
                                   DEFAULT_SETTINGS)

    assert not check(typeset("Kaikki koulut on auditoitu", 10))
    cell = typeset("Kaikille kouluja.", 10)
    assert check(cell + typeset("Johtava rehtori", cell[-1]["x1"] + 3.9))


# ------------------------------------------------------------------ words_from_chars == pdfplumber

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from hytetool.extract.pdf_words import words_from_chars  # noqa: E402

PDFS = sorted((Path(__file__).resolve().parent / "fixtures" / "generated").glob("*.pdf")) + sorted(
    (Path(__file__).resolve().parent / "corpus").glob("*.pdf"))
OPTION_SETS = [dict(keep_blank_chars=False, return_chars=False), dict(keep_blank_chars=True, return_chars=True)]


def test_the_word_comparison_has_its_pdfs() -> None:
    assert len(PDFS) >= 20


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_words_are_pdfplumbers_words_on_every_test_page(path: Path) -> None:
    from hytetool.extract.pdf_chars import deduped_page
    from hytetool.extract.pdf_turn import page_turn, turned_page
    from hytetool.extract.pdfium_source import PdfiumDocument

    document = PdfiumDocument(path)
    try:
        for index in range(document.page_count):
            page = document.page(index)
            for chars in (page.chars, deduped_page(turned_page(page, page_turn(page))).chars):
                for options in OPTION_SETS:
                    assert words_from_chars(chars, 3.0, 3.0, **options) == extract_words(chars, x_tolerance=3.0,
                                                                                         y_tolerance=3.0, **options)
    finally:
        document.close()


_coordinate = st.floats(min_value=0, max_value=60, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def scattered_chars(draw) -> list[dict]:  # noqa: ANN001
    """Characters anywhere on a small page, some blank, some turned, in any order."""
    chars = []
    for _ in range(draw(st.integers(0, 40))):
        x0, top = draw(_coordinate), draw(_coordinate)
        width, height = draw(st.sampled_from([2.0, 5.0])), draw(st.sampled_from([9.0, 10.0]))
        chars.append({"text": draw(st.sampled_from(["a", "B", " ", "ﬁ", "-", "\u00a0"])), "x0": x0, "x1": x0 + width,
                      "top": top, "bottom": top + height, "doctop": top + 800, "upright": draw(st.booleans()),
                      "size": height, "height": height, "width": width})
    return chars


@given(scattered_chars(), st.sampled_from([0.0, 1.5, 3.0]), st.booleans())
def test_words_are_pdfplumbers_words_for_any_characters(chars: list[dict], tolerance: float, keep: bool) -> None:
    assert words_from_chars(chars, tolerance, tolerance, keep, True) == extract_words(
        chars, x_tolerance=tolerance, y_tolerance=tolerance, keep_blank_chars=keep, return_chars=True)
