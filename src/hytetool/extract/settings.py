"""Every tolerance the format readers use, in one typed model.

Like pdfplumber's own TableSettings, the values have defaults that suit municipal
documents printed from Word or Excel, each with the reason next to it; `resolve()`
turns them into the dictionaries pdfplumber's calls take. The cache key of an
extraction includes these settings, so changing one re-extracts.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class PdfSource(str, Enum):
    """The parser that reads a PDF's pages (`--pdf-source`)."""

    pdfium = "pdfium"  # pypdfium2: C++, about nine times faster; the default
    pdfplumber = "pdfplumber"  # pdfminer under pdfplumber: the reader before pdfium, kept to compare


class ExtractionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Which parser reads a PDF's pages: pdfium (C++, about nine times faster) or
    # pdfplumber/pdfminer (the reader before it, kept to compare: `--pdf-source`).
    pdf_source: PdfSource = Field(PdfSource.pdfium, description="the parser that reads PDF pages")

    # Ruled tables (Word/Excel printed to PDF): cells come from the drawn lines.
    snap_tolerance: float = Field(3.0, description="points: Word draws a cell border as several near lines")
    join_tolerance: float = Field(3.0, description="points: border segments broken at every cell corner")
    intersection_tolerance: float = Field(3.0, description="points: borders that nearly meet still make a cell")
    min_ruled_cells: int = Field(4, description="fewer cells than this is a frame or a box, not a table")

    # Words: characters closer than this (in points) belong to one word, on pages that do
    # not write their spaces as characters (some generators only position the words).
    x_tolerance: float = Field(3.0, description="points between characters of one word")
    # Letter spacing ("l isää", "T o i m e n p i d e"): where a page writes its spaces as
    # characters, as Word, LibreOffice and reportlab do, a gap without a space character
    # that is spaced like the gaps beside it is letter spacing (PDF Tc), up to this share
    # of the font size (see pdf_words.py). Arial's space is 0.28 em; letter spacing beyond
    # half an em is a design, not text.
    letter_gap_em: float = Field(0.6, description="font sizes: widest gap inside a word when spaces are characters")
    # Finnish running text has a space every 8-12 characters; table cells full of long
    # compounds were measured at 4.4 % (plan_2026_spaced.pdf, page 4). A page with fewer
    # than 2 % places its words without space characters.
    min_space_share: float = Field(
        0.02, description="share of a page's characters that must be spaces to trust them as the word breaks"
    )
    y_tolerance: float = Field(3.0, description="points of baseline drift within one line")
    line_tolerance: float = Field(2.5, description="points: words whose tops differ less are on one line")

    # Unruled tables: rows are separated by a vertical gap wider than this many line heights.
    row_gap_lines: float = Field(0.9, description="blank space between rows, in line heights")
    column_slack: float = Field(6.0, description="points a cell's text may start left of its header")

    # Running headers and page numbers live in the top and bottom margins.
    margin_share: float = Field(0.07, description="share of the page height counted as header/footer margin")

    def resolve(self) -> dict[str, Any]:
        """Settings for pdfplumber's find_tables() with ruled lines."""
        return {
            "vertical_strategy": "lines",
            "horizontal_strategy": "lines",
            "snap_tolerance": self.snap_tolerance,
            "join_tolerance": self.join_tolerance,
            "intersection_tolerance": self.intersection_tolerance,
        }

    def word_options(self) -> dict[str, Any]:
        """Options for pdfplumber's extract_words() on a page without space characters."""
        return {"x_tolerance": self.x_tolerance, "y_tolerance": self.y_tolerance, "keep_blank_chars": False}

    def spaces_are_chars(self, chars: list[dict]) -> bool:
        """Whether a page writes its spaces as characters (then they are its word breaks)."""
        blanks = sum(1 for c in chars if c["text"].isspace())
        return blanks >= self.min_space_share * len(chars) > 0


DEFAULT_SETTINGS = ExtractionSettings()
