"""Reader for PDFs: characters and drawings of each page -> DocumentModel.

Pages come from a page source, pdfium (pypdfium2, the default: fast, C++) or pdfplumber
(`--pdf-source pdfplumber`, for comparison), as the same PageObjects; everything after
that is one code path. Pages are read one at a time and closed, so memory is bounded by
the page. On each page, ruled tables (Word or Excel printed to PDF) come from their
drawn lines; a page without rules but with a header row that names the welfare-table
columns is read as an unruled table, its columns taken from where the header words
stand. Everything else becomes text lines in reading order. Inside a cell, a line that
fills the cell's width was wrapped by the writer and is joined to the next; a shorter
one ended a paragraph.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from hytetool.errors import InputError
from hytetool.limits import MAX_INPUT_BYTES, MAX_PDF_PAGES, LimitError, check_size
from hytetool.docmodel import Cell as ModelCell
from hytetool.docmodel import DocumentModel, ModelBuilder, promote_headings, sha256_of
from hytetool.extract.pdf_layout import Cell, Row, TextLine, page_layout
from hytetool.textutil import clean_ws, join_lines
from hytetool.vocabulary import OBJECTIVES_MARKER
from hytetool.extract.settings import DEFAULT_SETTINGS, ExtractionSettings

# How far into the file a real PDF's "%PDF-" marker may stand (some writers add junk first).
PDF_MARKER_WINDOW = 1024


def read_pdf(path: Path, settings: ExtractionSettings = DEFAULT_SETTINGS, password: str | None = None,
             on_page: Callable[[int, int], None] | None = None) -> DocumentModel:
    """The PDF's pages as Lines; `on_page(number, count)` is called after each page (progress)."""
    check_size(path, path.stat().st_size, MAX_INPUT_BYTES)
    data = path.read_bytes()
    if b"%PDF-" not in data[:PDF_MARKER_WINDOW]:
        raise InputError(path, "not a PDF file (no %PDF header); check the file type")
    source = settings.pdf_source
    try:
        pdf = open_document(path, password, source)
    except Exception as exc:  # both parsers raise many types for damaged files
        if password_problem(exc, source):
            hint = "the password is wrong" if password else "it is encrypted; give the password with --password"
            raise InputError(path, f"cannot open the PDF: {hint}") from None
        raise InputError(path, "damaged or truncated PDF (its structure cannot be parsed); export it again") from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the libraries' own repair notes, without a file name
        try:
            return _read_pages(path, pdf, sha256_of(data), settings, on_page)
        finally:
            pdf.close()


def open_document(path: Path, password: str | None, source: str):  # noqa: ANN201 - a page source's document
    """The PDF opened by the chosen page source. A file pdfium refuses for another reason
    than its password is given to pdfminer, which reads a few that pdfium does not (and
    tells an empty page tree from a damaged file)."""
    try:
        return _open_with(path, password, source)
    except Exception as exc:
        if source != "pdfium" or password_problem(exc, source):
            raise
        return _open_with(path, password, "pdfplumber")


def _open_with(path: Path, password: str | None, source: str):  # noqa: ANN202
    """A PDF with only an owner password (printing, copying limits) opens without one,
    so a wrong --password is tried without before it is refused."""
    document, _ = _source(source)
    try:
        return document(path, password)
    except Exception as exc:
        if not password or not password_problem(exc, source):
            raise
        return document(path, None)


def password_problem(exc: BaseException, source: str) -> bool:
    """Whether the source refused the file for its password."""
    return _source(source)[1](exc)


def _source(source: str) -> tuple[Callable, Callable[[BaseException], bool]]:
    """A page source's document class and password test, imported when first used (a
    warm run reads no PDF and imports neither parser)."""
    if source == "pdfplumber":
        from hytetool.extract import plumber_source

        return plumber_source.PlumberDocument, plumber_source.password_problem
    from hytetool.extract import pdfium_source

    return pdfium_source.PdfiumDocument, pdfium_source.password_problem


def _read_pages(path: Path, pdf, sha: str, settings: ExtractionSettings,
                on_page: Callable[[int, int], None] | None = None) -> DocumentModel:
    try:
        page_count = pdf.page_count
    except Exception:
        raise InputError(path, "damaged PDF, its list of pages cannot be read; export it again") from None
    if page_count == 0:
        raise InputError(path, "the PDF has no pages")
    if page_count > MAX_PDF_PAGES:
        raise LimitError(path, f"the PDF has {page_count} pages, over hytetool's limit of {MAX_PDF_PAGES} "
                               "(hytetool.limits); split it into the plan and its annexes")
    source = ModelBuilder(path, sha256=sha, page_count=page_count)
    empty: list[int] = []
    pending: list[Row | TextLine] = []  # the last table row waits: the next page may continue it
    carry = None  # an unruled table open at the end of the page before
    for number in range(1, page_count + 1):
        try:
            page = pdf.page(number - 1)
            layout = page_layout(page, number, settings, carry)
        except Exception:
            raise InputError(path, f"page {number} is damaged and cannot be read; export the PDF again") from None
        if not layout.has_text:
            empty.append(number)
        carry = layout.grid
        source.model.furniture.extend(layout.furniture)
        pending = continue_cut_row(pending, layout.items)
        _emit(source, pending[:-1])
        pending = pending[-1:]
        if on_page is not None:
            on_page(number, page_count)
    _emit(source, pending)
    if len(empty) == page_count:
        raise InputError(path, f"no text on pages {_span(empty)}: it is a scan; run OCR first, e.g. ocrmypdf")
    if empty:
        source.model.furniture.append(f"no text on pages {_span(empty)} (scanned pages are skipped)")
    return promote_headings(source.build())


def _span(pages: list[int]) -> str:
    return f"{pages[0]}-{pages[-1]}" if len(pages) > 1 else str(pages[0])


def continue_cut_row(pending: list[Row | TextLine], items: list[Row | TextLine]) -> list[Row | TextLine]:
    """A row cut by a page break: its cells continue at the top of the next page.

    The first body row of a page (after the repeated header) continues the last row of
    the previous page when a cell's sentence goes on in lower case there (a new row
    under a merged objective starts its cells with capitals).
    """
    last = pending[-1] if pending else None
    body = [i for i, item in enumerate(items) if isinstance(item, Row) and not item.header]
    if not isinstance(last, Row) or last.header or not body:
        return pending + items
    first = body[0]
    if any(isinstance(items[i], TextLine) for i in range(first)):
        return pending + items  # text between: a new table, not a continuation
    row = items[first]
    if len(row.cells) != len(last.cells) or not _continues(last, row):
        return pending + items
    merged = Row([_join_cells(a, b) for a, b in zip(last.cells, row.cells)], last.page, last.top)
    return pending[:-1] + [merged] + [item for i, item in enumerate(items) if i != first]


def _continues(last: Row, row: Row) -> bool:
    """A new row starts with a capital in its first cell (a new objective) or leaves it
    empty under a merged objective with fresh sentences; a cut row goes on in lower case."""
    first = row.cells[0].text.strip()
    if first:
        return first[:1].islower()
    if OBJECTIVES_MARKER.match(clean_ws(last.cells[0].text.split("\n", 1)[0])):
        return True  # a 2022-25 goal is one row: whatever follows under its header continues it
    starts = [(a, b.text.lstrip()[:1]) for a, b in zip(last.cells, row.cells) if b.text.strip()]
    # a sentence going on in lower case in any cell: the row was cut, whatever else starts anew
    return any(ch.islower() for _, ch in starts) or (
        bool(starts) and not any(ch.isupper() for _, ch in starts) and any(a.soft_end for a, _ in starts))


def _join_cells(a: Cell, b: Cell) -> Cell:
    if not b.text:
        return a
    if not a.text:
        return b
    text = join_lines([a.text, b.text]) if a.soft_end else a.text + "\n" + b.text
    return Cell(text, b.soft_end, a.bbox, a.fill or b.fill)


def _emit(source: ModelBuilder, items: list[Row | TextLine]) -> None:
    for item in items:
        if isinstance(item, TextLine):
            source.paragraph(item.text, item.page, item.bbox, size=item.size)
        else:
            cells = tuple(cell.text for cell in item.cells)
            source.row(tuple(ModelCell(cell.text, fill=cell.fill) for cell in item.cells),
                       " ".join(c.replace("\n", " ") for c in cells), item.page, item.bbox, header=item.header)
