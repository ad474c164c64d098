"""The fast overprint removal gives exactly pdfplumber's dedupe_chars() result."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.utils import dedupe_chars as pdfplumber_dedupe

from hytetool.extract.pdf_chars import dedupe_chars, deduped_page
from hytetool.extract.pdf_page import PageObjects

GENERATED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "generated"


@pytest.mark.parametrize("name", sorted(p.name for p in GENERATED.glob("*.pdf")))
def test_same_chars_in_the_same_order_as_pdfplumber(name: str) -> None:
    with pdfplumber.open(GENERATED / name) as pdf:
        for index in range(min(len(pdf.pages), 3)):
            page = pdf.pages[index]
            assert [id(c) for c in dedupe_chars(page.chars)] == [id(c) for c in pdfplumber_dedupe(page.chars)]
            objects = PageObjects(page.width, page.height, dict(page.objects))
            assert len(deduped_page(objects).chars) == len(page.dedupe_chars().chars)
            page.close()


def char(text: str, x0: float, doctop: float, font: str = "F1", size: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "doctop": doctop, "fontname": font, "size": size, "upright": True}


def test_overprinted_characters_are_removed_like_pdfplumber() -> None:
    chars = [
        char("A", 10.0, 100.0), char("A", 10.4, 100.3),  # bold by overprinting: one kept
        char("B", 20.0, 100.0), char("B", 20.0, 100.0),  # exact twins: the first kept
        char("A", 30.0, 100.0),  # same glyph elsewhere on the line: kept
        char("A", 10.2, 100.1, font="F2"),  # another font: never a duplicate
        char("C", 40.0, 100.0), char("C", 40.9, 101.8), char("C", 41.8, 100.9),  # chained within tolerance
        char("D", 50.0, 200.0, size=12.0), char("D", 50.5, 200.0, size=12.0),
    ]
    assert [id(c) for c in dedupe_chars(chars)] == [id(c) for c in pdfplumber_dedupe(chars)]
    assert len(dedupe_chars(chars)) == 6
    assert dedupe_chars([]) == []
