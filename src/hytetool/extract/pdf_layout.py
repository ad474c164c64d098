"""One PDF page -> table rows (with cells) and text lines, from word positions.

Kept apart from pdf.py (file handling, errors, pages) so the geometry can be read and
tested on its own, and drawn by `hyte inspect`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from hytetool.extract.pdf_cells import (Box, Cell, Row, TextLine, box_of, cell_text, fill_of, filled_rects, group_lines,
                                        line_text)
from hytetool.extract.pdf_chars import deduped_page
from hytetool.extract.pdf_turn import page_turn, turned_page
from hytetool.extract.pdf_unruled import Grid, continues_table, find_header, grid_rows, unruled_rows
from hytetool.extract.pdf_words import page_words
from hytetool.extract.settings import ExtractionSettings
from hytetool.textutil import clean_ws
from hytetool.vocabulary import RUNNING_PAGE_NUMBER, header_row

__all__ = ["Cell", "PageLayout", "Row", "TextLine", "page_layout"]



@dataclass
class PageLayout:
    """What one page holds, in reading order; also what `hyte inspect` draws."""

    items: list[Row | TextLine] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    has_text: bool = False
    ruled: list[Box] = field(default_factory=list)  # table boxes found from lines
    columns: list[float] = field(default_factory=list)  # unruled: column starts
    turn: int = 0  # degrees the page was turned (counter-clockwise) to read it; boxes are upright
    grid: Grid | None = None  # an unruled table still open at the page's end (see page_layout)


def _inside(word: dict, box: Box) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# ------------------------------------------------------------------ ruled tables


class WordIndex:
    """Words sorted by their vertical centre, so a cell finds its words by bisection
    instead of testing every word of the page (a profile showed that scan per cell)."""

    def __init__(self, words: list[dict]) -> None:
        self.words = words
        self.order = sorted(range(len(words)), key=lambda i: (words[i]["top"] + words[i]["bottom"]) / 2)
        self.centres = [(words[i]["top"] + words[i]["bottom"]) / 2 for i in self.order]

    def inside(self, box: Box) -> list[dict]:
        """The words whose centre lies in `box`, in page order: the same as _inside() on each."""
        low, high = bisect_left(self.centres, box[1]), bisect_right(self.centres, box[3])
        picked = sorted(i for i in self.order[low:high] if _inside(self.words[i], box))
        return [self.words[i] for i in picked]


def _ruled_rows(table, words: list[dict], number: int, settings: ExtractionSettings,
                fills: list[tuple[Box, str]] = ()) -> list[Row]:
    rows = []
    index_of_words = WordIndex(words)
    for index, row in enumerate(table.rows):
        cells = []
        for box in row.cells:
            if box is None:  # covered by a merged cell above or beside it
                cells.append(Cell(""))
                continue
            inside = index_of_words.inside(box)
            cell = cell_text(inside, box[2], box[0], settings)
            cell.fill = fill_of(box, fills)
            cells.append(cell)
        header = index == 0 and header_row([c.text for c in cells], opens_table=True) is not None
        rows.append(Row(cells, number, row.bbox[1], header))
    return rows


# ------------------------------------------------------------------ the page


def page_layout(page, number: int, settings: ExtractionSettings, carry: Grid | None = None) -> PageLayout:
    """What one page holds; `carry` is the unruled table left open at the end of the
    previous page (its `grid`): its rows may go on here without a repeated header.

    The deduplicated view of the page is closed afterwards: a pdfplumber page sits in a
    reference cycle (its lru_cache holds a bound method), so only the cyclic GC would
    free its character dicts; closing drops them at once, and the garbage collector has
    far less to trace (measured: a tenth of the run time)."""
    turn = page_turn(page)
    upright = turned_page(page, turn)  # first: overprint removal expects text in lines across
    deduped = deduped_page(upright)  # pdfplumber's dedupe_chars() is quadratic: see pdf_chars
    try:
        layout = _page_layout(deduped, number, settings, carry)
    finally:
        deduped.close()
        upright.close()
    layout.turn = turn
    return layout


def _page_layout(page, number: int, settings: ExtractionSettings, carry: Grid | None) -> PageLayout:
    layout = PageLayout()
    if not page.chars:
        return layout
    layout.has_text = True
    words = page_words(page, settings)
    tables = [t for t in page.find_tables(settings.resolve()) if len(t.cells) >= settings.min_ruled_cells]
    rows: list[Row] = []
    fills = filled_rects(page) if tables else []
    for table in tables:
        layout.ruled.append(table.bbox)
        rows += _ruled_rows(table, words, number, settings, fills)
    free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    lines = group_lines(free, settings)
    lines = _drop_furniture(lines, page.height, settings, layout.furniture)
    texts: list[list[dict]] = []
    index, grid = 0, None
    if carry is not None and not tables:
        index = _running_header_lines(lines, page.height, settings)
        texts += lines[:index]
        if index < len(lines) and continues_table(lines[index], carry, settings):
            found, index = grid_rows(lines, index, carry, number, settings, carried=True)
            rows += found
            grid, layout.columns = carry, carry.starts
    while index < len(lines):
        start = None if tables else find_header(lines[index:])
        if start is None:
            texts += lines[index:]
            grid = None
            break
        texts += lines[index : index + start]
        found, grid, index = unruled_rows(lines, index + start, number, page.width, settings)
        rows += found
        layout.columns = grid.starts
    layout.grid = grid if index >= len(lines) else None  # a table running to the page's end stays open
    layout.items = sorted(
        rows + [TextLine(line_text(line), number, line[0]["top"], box_of(line),
                         max(w["bottom"] - w["top"] for w in line)) for line in texts],
        key=lambda item: item.top,
    )
    return layout


def _running_header_lines(lines: list[list[dict]], height: float, settings: ExtractionSettings) -> int:
    """How many leading lines stand in the top margin (a running header, not a row)."""
    margin = settings.margin_share * height
    count = 0
    while count < len(lines) and lines[count][0]["bottom"] < margin:
        count += 1
    return count


# A page number set apart at the end of a margin line ("Louhelan kunta / työryhmä      1"):
# this many times the font size between it and the words before it.
PAGE_NUMBER_GAP = 3.0


def _ends_with_page_number(line: list[dict]) -> bool:
    """A running footer or header: text, a wide gap, then the page number."""
    if len(line) < 2:
        return False
    last, before = line[-1], line[-2]
    gap = last["x0"] - before["x1"]
    return bool(RUNNING_PAGE_NUMBER.match(last["text"])) and gap > PAGE_NUMBER_GAP * (last["bottom"] - last["top"])


def _drop_furniture(lines: list[list[dict]], height: float, settings: ExtractionSettings,
                    furniture: list[str]) -> list[list[dict]]:
    """Page numbers in the top or bottom margin, alone or after a running title, are read
    for metadata, not as text."""
    margin = settings.margin_share * height
    kept = []
    for line in lines:
        in_margin = line[0]["top"] < margin or line[0]["bottom"] > height - margin
        if in_margin and (RUNNING_PAGE_NUMBER.match(clean_ws(line_text(line))) or _ends_with_page_number(line)):
            furniture.append(line_text(line))
        else:
            kept.append(line)
    return kept
