"""PDF pages read through pdfplumber (pdfminer), for comparison with the pdfium source.

`hyte extract --pdf-source pdfplumber` reads with the parser hytetool used before it read
through pdfium: slower (pdfminer parses the page in Python), but a second opinion when a
PDF reads oddly, and what the test suite compares the pdfium source with
(tests/test_pdf_sources.py: the same records from every test PDF).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from hytetool.extract.pdf_page import PageObjects

# pdfminer logs what it repairs in damaged files ("CropBox missing", "Invalid dictionary
# construct") as bare lines without the file's name; a file it cannot read raises, and
# that becomes one line naming the file. Its logger is quiet below errors.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class PlumberDocument:
    """An open PDF; each page's objects are taken and pdfplumber's page closed at once."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        self._pdf = pdfplumber.open(path, password=password or "")

    @property
    def page_count(self) -> int:
        return len(self._pdf.pages)

    def page(self, index: int) -> PageObjects:
        page = self._pdf.pages[index]
        try:
            return PageObjects(page.width, page.height, dict(page.objects))
        finally:
            page.close()

    def close(self) -> None:
        """pdfplumber's close() walks every page again, which raises on a damaged page
        tree and would hide the line already said about the file."""
        try:
            self._pdf.close()
        except Exception:  # noqa: BLE001 - nothing left to read from a damaged file
            pass


def password_problem(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for its password (the error may be wrapped)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
