"""The document model: what every reader produces and all that the normalizer sees.

A document is a list of blocks in reading order:
- `Heading`: a title or section heading with its level (Word heading styles and outline
  levels, a PDF line set larger than the body text);
- `Paragraph`: text with its list marker ("bullet", "1.", "a)") and, for a labelled
  line ("Vastuu: Kanslia"), its label; an empty paragraph is a blank line, which
  separates paragraphs in text exports;
- `Table`: rows of cells (text with its line breaks, column and row span, fill colour,
  header rows), a table cut by page breaks with a repeated header being one table.
Page headers and footers are kept apart (`furniture`); every block knows where it came
from (its running number `no`, the page and box on a PDF page).

Layout strategies that read a text stream (column-wise exports, rows glued on one line)
read the model's line view, `DocumentModel.lines`: one Line per heading and paragraph,
one Line per table row with its cells. Strategies that need structure (cards, lists,
headings) read the blocks. Readers build the model with `ModelBuilder`, which numbers
blocks in order so that line numbers stay what a text export shows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hytetool.limits import MAX_MODEL_CELLS, MAX_MODEL_CHARS, MAX_MODEL_LINES, TooLarge

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Line:
    """One line of the line view (a paragraph, a heading, or a table row with `cells`)."""

    no: int  # 1-based position in the source (text line, or running index)
    text: str
    page: int | None = None
    cells: tuple[str, ...] | None = None  # cell texts when the source marks cells
    bbox: Box | None = None
    level: int | None = None  # a heading's level (1 = title level); None for other lines
    spanning: bool = False  # a table row that is one cell across the table ("Teema 1: Osallisuus")
    fills: tuple[str | None, ...] | None = None  # cell fill colours (RRGGBB) in grid order, where known

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 = the document's title level
    no: int
    page: int | None = None
    bbox: Box | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    no: int
    page: int | None = None
    bbox: Box | None = None
    marker: str | None = None  # list marker: "bullet", "1.", "a)" ...
    label: str | None = None  # "Vastuu" of "Vastuu: Kanslia"
    size: float | None = None  # font size where the format tells it (PDF)


@dataclass(frozen=True)
class Cell:
    text: str  # paragraphs joined by "\n"
    col_span: int = 1
    row_span: int = 1
    fill: str | None = None  # background colour as RRGGBB (Word shading, Excel fill)
    merged: bool = False  # covered by a merge that starts above or to the left: its text stands there


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    no: int
    text: str  # the row as one line of text (what a text export of it shows)
    page: int | None = None
    bbox: Box | None = None
    header: bool = False  # marked as a header row by the format (Word's repeated header row, PDF)

    @property
    def spanning(self) -> bool:
        """One filled cell merged across most of the row: a theme or objective row that
        heads the rows below it, not a row of its own."""
        filled = [c for c in self.cells if c.text.strip() and not c.merged]
        width = sum(c.col_span for c in self.cells)
        return len(filled) == 1 and width >= 2 and filled[0].col_span * 2 > width

    def grid_fills(self) -> tuple[str | None, ...] | None:
        """Fill colours in grid order (a traffic light may be told by colour alone)."""
        if not any(cell.fill for cell in self.cells):
            return None
        out: list[str | None] = []
        for cell in self.cells:
            out += [cell.fill] * cell.col_span
        return tuple(out)

    def grid(self) -> tuple[str, ...]:
        """Cell texts in grid order: a spanned cell's text, then empties for the columns it covers."""
        out: list[str] = []
        for cell in self.cells:
            out += ["" if cell.merged else cell.text] + [""] * (cell.col_span - 1)
        return tuple(out)


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def header_rows(self) -> int:
        """Leading rows the format marks as header rows."""
        return next((i for i, row in enumerate(self.rows) if not row.header), len(self.rows))

    @property
    def no(self) -> int:
        return self.rows[0].no if self.rows else 0


Block = Heading | Paragraph | Table


@dataclass
class DocumentModel:
    path: Path
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    page_count: int | None = None
    # Page headers and footers (Word, PDF), kept apart so they never become table cells
    # but metadata can still read a title or sector printed only there.
    furniture: list[str] = field(default_factory=list)
    # What the reader could read only with a repair (bytes of another encoding, ...):
    # shown as warnings naming the file, never silently dropped.
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def lines(self) -> list[Line]:
        """The line view, in reading order."""
        out: list[Line] = []
        for block in self.blocks:
            if isinstance(block, Table):
                out += [Line(r.no, r.text, r.page, r.grid(), r.bbox, spanning=r.spanning,
                                fills=r.grid_fills()) for r in block.rows]
            else:
                level = block.level if isinstance(block, Heading) else None
                out.append(Line(block.no, block.text, block.page, None, block.bbox, level))
        return out

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def outline(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]


# A list item's marker at the start of a paragraph: "-", "•", "1.", "1)", "a)".
# Bullets include Word's Symbol-font ones that a PDF keeps in the private-use area.
LIST_MARKER = re.compile(r"^\s*(?P<marker>[-\u2013\u2022*\u25aa\u25cf\u25e6\u25cb\u27a2\u2713\uf0b7\uf0a7\uf076\uf0d8]"
                         r"|\d{1,2}[.)]|[a-zåäö]\))\s+\S")
# A labelled line: a short label, a colon, the value ("Vastuu: Kanslia"). The one pattern
# for labelled lines: readers, context and prose plans use it.
LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][^:\n]{0,39}?)\s*:\s*(?P<value>\S.*)$", re.S)


def without_list_marker(text: str) -> str:
    """The text of a list item without its bullet or number ("1. Kerhot" -> "Kerhot")."""
    match = LIST_MARKER.match(text)
    return text[match.end("marker") :].lstrip() if match else text


def list_marker(text: str) -> str | None:
    """The list marker a paragraph starts with, normalised ("bullet", "1.", "a)")."""
    if (match := LIST_MARKER.match(text)) is None:
        return None
    marker = match["marker"]
    if marker[0].isdigit():
        return "1."
    return "a)" if marker[0].isalpha() else "bullet"


class ModelBuilder:
    """Builds a DocumentModel block by block, numbering them in order; consecutive rows
    form one table until something else comes between (or `end_table`)."""

    def __init__(self, path: Path, data: bytes = b"", page_count: int | None = None, sha256: str | None = None) -> None:
        self.model = DocumentModel(path, sha256 or sha256_of(data), page_count=page_count)
        self._table: Table | None = None
        self._count = 0  # the last running number given
        self._lines = self._cells = self._chars = 0  # so far, against limits.MAX_MODEL_*

    def paragraph(self, text: str, page: int | None = None, bbox: Box | None = None,
                  marker: str | None = None, no: int | None = None, size: float | None = None) -> None:
        self.end_table()
        self._count_chars(text)
        label = _label_of(text)
        self.model.blocks.append(Paragraph(text, self._number(no), page, bbox,
                                           marker if marker is not None else list_marker(text), label, size))

    def heading(self, text: str, level: int, page: int | None = None, bbox: Box | None = None,
                no: int | None = None) -> None:
        self.end_table()
        self.model.blocks.append(Heading(text, level, self._number(no), page, bbox))

    def row(self, cells: list[Cell] | tuple[Cell, ...], text: str | None = None, page: int | None = None,
            bbox: Box | None = None, header: bool = False, no: int | None = None) -> None:
        if self._table is None:
            self._table = Table()
            self.model.blocks.append(self._table)
        cells = tuple(cells)
        self._cells += len(cells)
        if self._cells > MAX_MODEL_CELLS:
            raise TooLarge(f"more than {MAX_MODEL_CELLS} table cells, over hytetool's limit (hytetool.limits); "
                           "is this one welfare plan?")
        line = text if text is not None else " ".join(c.text.replace("\n", " ") for c in cells if not c.merged)
        self._count_chars(line)
        self._table.rows.append(Row(cells, self._number(no), line, page, bbox, header))

    def end_table(self) -> None:
        self._table = None

    @property
    def in_table(self) -> bool:
        """Rows are being added to an open table (a reader's merged row belongs to it)."""
        return self._table is not None

    def _count_chars(self, text: str) -> None:
        self._chars += len(text)
        if self._chars > MAX_MODEL_CHARS:
            raise TooLarge(f"more than {MAX_MODEL_CHARS} characters of text, over hytetool's limit "
                           "(hytetool.limits); is this one welfare plan?")

    def _number(self, no: int | None) -> int:
        """The block's running number: the next one, or the reader's own (a text line's number)."""
        self._count = no if no is not None else self._count + 1
        self._lines += 1
        if self._lines > MAX_MODEL_LINES:
            raise TooLarge(f"more than {MAX_MODEL_LINES} lines, over hytetool's limit (hytetool.limits); "
                           "is this one welfare plan?")
        return self._count

    def build(self) -> DocumentModel:
        self.end_table()
        return self.model


def _label_of(text: str) -> str | None:
    """The label of a labelled line when the vocabulary knows it as a column heading."""
    if (match := LABELLED.match(text)) is None:
        return None
    from hytetool.vocabulary import label_of  # the vocabulary sits beside this module, below the readers

    return match["label"].strip() if label_of(match["label"]) is not None else None


# A PDF line set this much larger than the body text is a heading ("Painopiste 1: ...").
HEADING_SIZE_RATIO = 1.2
# A heading is short: a longer large line is a quotation or a title page's prose.
HEADING_MAX_WORDS = 14


def promote_headings(model: DocumentModel) -> DocumentModel:
    """Paragraphs set larger than the body text become headings, the largest size level 1
    (formats without heading styles: PDF). The line view is unchanged."""
    weights: dict[float, int] = {}
    for block in model.blocks:
        if isinstance(block, Paragraph) and block.size and block.text.strip():
            weights[round(block.size, 1)] = weights.get(round(block.size, 1), 0) + len(block.text)
    if not weights:
        return model
    # Body text is the size most characters are set in (ties: the smaller); a median of
    # lines would be a heading's size on a page of tables with few paragraphs.
    body = min(weights, key=lambda size: (-weights[size], size))
    large = sorted({round(b.size, 1) for b in model.blocks if _is_large(b, body)}, reverse=True)
    model.blocks = [Heading(b.text, large.index(round(b.size, 1)) + 1, b.no, b.page, b.bbox)
                    if _is_large(b, body) else b for b in model.blocks]
    return model


def _is_large(block: Block, body: float) -> bool:
    return (isinstance(block, Paragraph) and bool(block.size) and block.size >= HEADING_SIZE_RATIO * body
            and 0 < len(block.text.split()) <= HEADING_MAX_WORDS)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plain_cells(texts: tuple[str, ...] | list[str]) -> tuple[Cell, ...]:
    """Cells of a grid that knows no spans (tab-separated text, Excel values, PDF cells)."""
    return tuple(Cell(text) for text in texts)
