"""One PDF page -> table rows (with cells) and text lines, from word positions.

Kept apart from pdf.py (file handling, errors, pages) so the geometry can be read and
tested on its own, and drawn by `hyte inspect`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from hytetool.extract.pdf_chars import deduped_page
from hytetool.extract.pdf_turn import page_turn, turned_page
from hytetool.extract.pdf_words import page_words
from hytetool.extract.settings import ExtractionSettings
from hytetool.normalize.regions import cell_label, header_columns
from hytetool.normalize.textutil import clean_ws, is_finnish_word, join_lines
from hytetool.normalize.vocab import FIRST_COLUMNS, GOAL_CAPTION, MIN_HEADER_COLUMNS, SECTION_STARTS, Column

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
PAGE_FURNITURE = re.compile(r"^(sivu\s*)?\d{1,4}(\s*\(\s*\d{1,4}\s*\)|\s*/\s*\d{1,4})?$", re.I)
# A space is about this share of the font size; used to tell a wrapped line from a short one.
SPACE_SHARE = 0.3
# A line gap this much wider than the cell's tightest one is space after a paragraph.
PARAGRAPH_GAP_FACTOR = 1.15
# Words farther apart than this many font sizes in a header row belong to different columns.
HEADER_CELL_GAP = 1.2
# Bottom-aligned rows (Excel): this many columns ending on one line end a row. Two: one
# cell ending is any paragraph's end.
ALIGNED_ENDS = 2


@dataclass
class Cell:
    text: str
    soft_end: bool = False  # the cell's last line filled its width: text may go on
    bbox: Box | None = None


@dataclass
class Row:
    cells: list[Cell]
    page: int
    top: float
    header: bool = False

    @property
    def bbox(self) -> Box | None:
        boxes = [c.bbox for c in self.cells if c.bbox]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class TextLine:
    text: str
    page: int
    top: float
    bbox: Box


@dataclass
class Grid:
    """The columns of an unruled table: where each starts, and where each ends."""

    starts: list[float]
    bounds: list[float]
    header: list[str] = field(default_factory=list)  # the header row's cells, for `hyte inspect`

    def straddled(self, line: list[dict], slack: float) -> bool:
        """A word running over a column end: prose across the page, not a table row."""
        return any(w["x0"] < b - slack and w["x1"] > b + slack for w in line for b in self.bounds[:-1])


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


# ------------------------------------------------------------------ words and lines


def _lines(words: list[dict], settings: ExtractionSettings) -> list[list[dict]]:
    """Words grouped into lines by their top, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= settings.line_tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _box(words: list[dict]) -> Box:
    return (min(w["x0"] for w in words), min(w["top"] for w in words),
            max(w["x1"] for w in words), max(w["bottom"] for w in words))


def cell_text(words: list[dict], right: float, left: float, settings: ExtractionSettings) -> Cell:
    """The words of one cell as text: wrapped lines joined, paragraph ends kept as newlines.

    Word and LibreOffice often put a little space after a paragraph: where a cell shows
    such larger gaps, they alone mark paragraph ends. Otherwise the room left on a line
    tells a wrap from an end (see _wrapped).
    """
    if not words:
        return Cell("")
    lines = _lines(words, settings)
    pad = max(0.0, min(w["x0"] for w in words) - left)
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    pitch = min(gaps) if gaps else 0.0
    spaced = any(g > pitch * PARAGRAPH_GAP_FACTOR for g in gaps)
    paragraphs: list[list[str]] = [[_text(lines[0])]]
    for gap, previous, line in zip(gaps, lines, lines[1:]):
        if gap > pitch * PARAGRAPH_GAP_FACTOR:
            wrapped = False
        else:
            wrapped = spaced or _wrapped(previous, line, right - pad)
        if wrapped and _cut_word(previous, line, right - pad):
            paragraphs[-1][-1] += _text(line)  # "sanomalehdess" / "ä": one word cut at the edge
        elif wrapped:
            paragraphs[-1].append(_text(line))
        else:
            paragraphs.append([_text(line)])
    last = lines[-1]
    soft = right - pad - last[-1]["x1"] < (last[-1]["bottom"] - last[-1]["top"]) * 3
    return Cell("\n".join(join_lines(p, hyphenated=False) for p in paragraphs), soft, _box(words))


# A line whose last word ends closer to the cell's edge than this many font sizes is
# full: a word may have been cut there (see _cut_word). Half an em: narrower than
# any word that could have gone on this line.
CUT_ROOM = 0.5
# A line ending in one of these goes on in the next line whatever that starts with.
_RUNS_ON = re.compile(r"([,;:/(\-\u2013]|\b(ja|sekä|tai|eli|että|kuin|the|and|och))$", re.I)
_DASHES = ("-", "\u2013")


def _wrapped(previous: list[dict], line: list[dict], limit: float) -> bool:
    """Whether the writer wrapped `previous` (the next word would not have fit) rather
    than ending a paragraph. A long word after a short line fits both readings: a capital
    or a digit after a line that is not nearly full and does not run on starts a new
    paragraph ("Vuosikello" / "Kouluterveyskysely"). Measured on the fixtures, also
    joining nearly full lines before a capital cost more paragraphs than it saved.
    A line ending in a dash before a lower-case word goes on whatever the room: no
    paragraph ends in a dash, and the room is only known to the cell's padding."""
    first = line[0]["text"][:1]
    if first.islower() and previous[-1]["text"][-1:] in _DASHES:
        return True
    room = limit - previous[-1]["x1"]
    if room >= (line[0]["x1"] - line[0]["x0"]) + _space(previous + line):
        return False
    return first.islower() or not (first.isupper() or first.isdigit()) or bool(_RUNS_ON.search(_text(previous)))


def _cut_word(previous: list[dict], line: list[dict], limit: float) -> bool:
    """Whether a word too long for its column was cut at the edge and goes on in the next
    line (Word, LibreOffice and Excel break such a word anywhere): the line reaches the
    edge, the next starts in lower case, and either it starts with a lone letter or the
    two pieces make a Finnish word that the first piece alone is not."""
    last, first = previous[-1], line[0]
    if limit - last["x1"] > CUT_ROOM * (last["bottom"] - last["top"]) or not first["text"][:1].islower():
        return False
    head = re.search(r"[^\W\d_]+$", last["text"])
    tail = re.match(r"[^\W\d_]+", first["text"])
    if not head or not tail:
        return False
    if len(tail[0]) == 1:  # a lone letter starting a line after a full one: no Finnish word is that
        return True
    return is_finnish_word(head[0] + tail[0]) and not is_finnish_word(head[0])


def _space(words: list[dict]) -> float:
    """How wide a space between words is here: the middle gap between the words of the
    lines (letter-spaced text has wide ones), or a share of the font size."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(words, words[1:]) if b["x0"] > a["x1"] and a["top"] == b["top"])
    if gaps:
        return gaps[len(gaps) // 2]
    return SPACE_SHARE * (words[0]["bottom"] - words[0]["top"])


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


def _ruled_rows(table, words: list[dict], number: int, settings: ExtractionSettings) -> list[Row]:
    rows = []
    index_of_words = WordIndex(words)
    for index, row in enumerate(table.rows):
        cells = []
        for box in row.cells:
            if box is None:  # covered by a merged cell above or beside it
                cells.append(Cell(""))
                continue
            inside = index_of_words.inside(box)
            cells.append(cell_text(inside, box[2], box[0], settings))
        header = index == 0 and _is_header([c.text for c in cells])
        rows.append(Row(cells, number, row.bbox[1], header))
    return rows


def _is_header(texts: list[str]) -> bool:
    """A header row names most of its columns (Word headers may be long: cell_label)."""
    named = sum(cell_label(t) is not None for t in texts if t.strip())
    return named >= min(MIN_HEADER_COLUMNS, len(texts)) or (len(texts) >= 2 and named >= len(texts) - 1 >= 2)


# ------------------------------------------------------------------ unruled tables


def _header_cells(line: list[dict]) -> list[list[dict]]:
    """Split a header line into cells where the gap between words is wide."""
    cells: list[list[dict]] = [[line[0]]]
    for previous, word in zip(line, line[1:]):
        size = word["bottom"] - word["top"]
        if word["x0"] - previous["x1"] > HEADER_CELL_GAP * size:
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


# A key-figure header: "Suorite TP 2021 TA 2022 TOTEUMA 1-6/2022 TP-ENNUSTE 2022".
_KPI_HEADER = re.compile(r"^suorite\b", re.I)
_KPI_COLUMN = re.compile(r"\b(TP|TA|TOTEUMA|ENNUSTE|TP-ENNUSTE)\b")


def _find_header(lines: list[list[dict]]) -> int | None:
    """The first line that heads an unruled table: a welfare-table header, or a
    key-figure header whose number columns need their positions too."""
    for index, line in enumerate(lines):
        text = _text(line)
        cols = header_columns(text)
        if len(cols) >= MIN_HEADER_COLUMNS and cols[0] in FIRST_COLUMNS:
            if len(_header_cells(line)) >= MIN_HEADER_COLUMNS:
                return index
        if _KPI_HEADER.match(text) and len(_KPI_COLUMN.findall(text)) >= 2 and len(_header_cells(line)) >= 3:
            return index
    return None


def _unruled_rows(lines: list[list[dict]], start: int, number: int, width: float,
                  settings: ExtractionSettings) -> tuple[list[Row], Grid, int]:
    """Rows of an unruled table whose header line is lines[start]; returns the rows, the
    columns and the index of the first line after the table."""
    header = _header_cells(lines[start])
    starts = [cell[0]["x0"] for cell in header]
    bounds = [s - settings.column_slack for s in starts[1:]] + [width]
    if _KPI_HEADER.match(_text(lines[start])):
        # numbers stand right-aligned under their heading and may start left of it:
        # a column reaches back to halfway between the headings
        bounds = [(cell[-1]["x1"] + nxt[0]["x0"]) / 2 for cell, nxt in zip(header, header[1:])] + [width]
        starts = [starts[0]] + [b + settings.column_slack for b in bounds[:-1]]  # each word in one column
    grid = Grid(starts, bounds)
    end = start + 1
    while end < len(lines) and _header_continues(lines[end], lines[end - 1], header):
        end += 1  # a wrapped header ("Kuka vastaa toimenpiteen" / "toteuttamisesta?")
    header_words = [w for line in lines[start:end] for w in line]
    rows = [Row([_column_cell(header_words, i, grid, settings) for i in range(len(starts))], number,
                lines[start][0]["top"], header=True)]
    grid.header = [cell.text for cell in rows[0].cells]
    found, end = _grid_rows(lines, end, grid, number, settings)
    return rows + found, grid, end


def _grid_rows(lines: list[list[dict]], start: int, grid: Grid, number: int, settings: ExtractionSettings,
               carried: bool = False) -> tuple[list[Row], int]:
    """Rows from lines[start] on, until a caption, a new header or (for a table carried
    over from the previous page) a line of prose; returns them and where they end."""
    groups: list[list[list[dict]]] = [[]]
    end = len(lines)
    for index in range(start, len(lines)):
        line = lines[index]
        if _ends_table(line) or (carried and grid.straddled(line, settings.column_slack)):
            end = index
            break
        if groups[-1] and _row_gap(groups[-1][-1], line) > settings.row_gap_lines * _height(line):
            groups.append([])
        groups[-1].append(line)
    groups = [g for g in groups if g]
    if _bottom_aligned(groups, grid, settings):
        groups = [rows for group in groups for rows in _bottom_aligned_rows(group, grid, settings)]
    return [_row(group, grid, number, settings) for group in groups], end


def _header_continues(line: list[dict], previous: list[dict], header: list[list[dict]]) -> bool:
    close = line[0]["top"] - previous[0]["bottom"] < 0.6 * _height(line)
    return close and clean_ws(_text(line))[:1].islower()


def _height(line: list[dict]) -> float:
    return max(w["bottom"] - w["top"] for w in line)


def _row_gap(previous: list[dict], line: list[dict]) -> float:
    return line[0]["top"] - max(w["bottom"] for w in previous)


def _column_cell(words: list[dict], index: int, grid: Grid, settings: ExtractionSettings) -> Cell:
    left = grid.starts[index] - settings.column_slack
    right = grid.bounds[index]
    mine = [w for w in words if left <= w["x0"] < right]
    return cell_text(mine, right, grid.starts[index], settings)


def _row(lines: list[list[dict]], grid: Grid, number: int, settings: ExtractionSettings) -> Row:
    words = [w for line in lines for w in line]
    cells = [_column_cell(words, i, grid, settings) for i in range(len(grid.starts))]
    return Row(cells, number, lines[0][0]["top"])


def _columns_used(lines: list[list[dict]], grid: Grid, settings: ExtractionSettings) -> list[set[int]]:
    return [{_column_of(w, grid, settings) for w in line} - {None} for line in lines]


def _bottom_aligned(groups: list[list[list[dict]]], grid: Grid, settings: ExtractionSettings) -> bool:
    """Whether the table's cells stand at the bottom of their rows (Excel's default):
    more columns end on the last line of the row groups than start on the first."""
    starts = ends = 0
    for group in groups:
        used = _columns_used(group, grid, settings)
        starts += len(used[0])
        ends += len(used[-1])
    return ends > starts


def _bottom_aligned_rows(group: list[list[dict]], grid: Grid, settings: ExtractionSettings) -> list[list[list[dict]]]:
    """A group of lines of a bottom-aligned table cut into rows where the cells of
    several columns end together.

    Rows fitted to their text stand with no more space between them than between
    lines. What still shows a row's end is that its cells end on one line: where at
    least ALIGNED_ENDS columns (and half of those the group uses) stop together before
    the group's last line, a row ends. So does any line gap wider than the tightest:
    a cell in Excel has line breaks but no paragraph spacing, only rows add padding."""
    used = _columns_used(group, grid, settings)
    need = max(ALIGNED_ENDS, (len(set().union(*used)) + 1) // 2)
    pitches = [b[0]["top"] - a[0]["top"] for a, b in zip(group, group[1:])]
    # lines of different columns may sit between each other's: those pitches say nothing
    whole = [p for p, line in zip(pitches, group) if p >= _height(line)]
    tight = min(whole, default=max(pitches, default=0.0)) * PARAGRAPH_GAP_FACTOR
    cuts = [i + 1 for i, pitch in enumerate(pitches) if len(used[i] - used[i + 1]) >= need or pitch > tight]
    return [group[a:b] for a, b in zip([0, *cuts], [*cuts, len(group)])]


def _column_of(word: dict, grid: Grid, settings: ExtractionSettings) -> int | None:
    for index, (start, bound) in enumerate(zip(grid.starts, grid.bounds)):
        if start - settings.column_slack <= word["x0"] < bound:
            return index
    return None


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
    for table in tables:
        layout.ruled.append(table.bbox)
        rows += _ruled_rows(table, words, number, settings)
    free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    lines = _lines(free, settings)
    lines = _drop_furniture(lines, page.height, settings, layout.furniture)
    texts: list[list[dict]] = []
    index, grid = 0, None
    if carry is not None and not tables:
        index = _running_header_lines(lines, page.height, settings)
        texts += lines[:index]
        if index < len(lines) and _continues_table(lines[index], carry, settings):
            found, index = _grid_rows(lines, index, carry, number, settings, carried=True)
            rows += found
            grid, layout.columns = carry, carry.starts
    while index < len(lines):
        start = None if tables else _find_header(lines[index:])
        if start is None:
            texts += lines[index:]
            grid = None
            break
        texts += lines[index : index + start]
        found, grid, index = _unruled_rows(lines, index + start, number, page.width, settings)
        rows += found
        layout.columns = grid.starts
    layout.grid = grid if index >= len(lines) else None  # a table running to the page's end stays open
    layout.items = sorted(
        rows + [TextLine(_text(line), number, line[0]["top"], _box(line)) for line in texts],
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


def _continues_table(line: list[dict], grid: Grid, settings: ExtractionSettings) -> bool:
    """A page's first line goes on with the previous page's table unless it ends one
    or a word of it runs over a column end."""
    return not (_ends_table(line) or grid.straddled(line, settings.column_slack))


def _ends_table(line: list[dict]) -> bool:
    """A caption, a new table's header or a line opening a section ("PERUSTURVATOIMIALA",
    "Tulosalue …", "Suoritteet/Tunnusluvut"): no table row is any of these."""
    text = clean_ws(_text(line))
    return bool(GOAL_CAPTION.match(text) or _find_header([line]) is not None
                or any(p.match(text) for p in SECTION_STARTS))


def _drop_furniture(lines: list[list[dict]], height: float, settings: ExtractionSettings,
                    furniture: list[str]) -> list[list[dict]]:
    """Page numbers in the top or bottom margin are read for metadata, not as text."""
    margin = settings.margin_share * height
    kept = []
    for line in lines:
        in_margin = line[0]["top"] < margin or line[0]["bottom"] > height - margin
        if in_margin and PAGE_FURNITURE.match(clean_ws(_text(line))):
            furniture.append(_text(line))
        else:
            kept.append(line)
    return kept
