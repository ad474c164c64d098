"""Unruled tables on a PDF page: columns from the header line, rows from the lines.

A table typeset without rules (reportlab, a sheet printed without gridlines) shows its
columns only in its header line's word positions and its rows only in vertical space
or in where its cells end. Kept apart from pdf_layout.py, which reads the page.
"""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, field

from hytetool.extract.pdf_cells import PARAGRAPH_GAP_FACTOR, Cell, Row, cell_text, line_text
from hytetool.extract.settings import ExtractionSettings
from hytetool.profile import current as current_profile
from hytetool.textutil import clean_ws
from hytetool.vocabulary import GOAL_CAPTION, KPI_HEADER, header_line, header_row, kpi_column_alternation, section_starts

# Words farther apart than this many font sizes in a header row belong to different columns.
HEADER_CELL_GAP = 1.2
# Bottom-aligned rows (Excel): this many columns ending on one line end a row. Two: one
# cell ending is any paragraph's end.
ALIGNED_ENDS = 2


@dataclass
class Grid:
    """The columns of an unruled table: where each starts, and where each ends."""

    starts: list[float]
    bounds: list[float]
    header: list[str] = field(default_factory=list)  # the header row's cells, for `hyte inspect`

    def straddled(self, line: list[dict], slack: float) -> bool:
        """A word running over a column end: prose across the page, not a table row."""
        return any(w["x0"] < b - slack and w["x1"] > b + slack for w in line for b in self.bounds[:-1])


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


# The number columns a key-figure header names (TP, TA, TOTEUMA, TP-ENNUSTE, ...).
_KPI_COLUMN = re.compile(rf"\b({kpi_column_alternation()})\b")
# A header line is set apart in at least this many cells (as many as it names columns).
MIN_HEADER_CELLS = 3
# A line this much taller than the table's first body line is a heading, not a row
# (the same ratio the document model uses for headings).
HEADING_SIZE_RATIO = 1.2


def find_header(lines: list[list[dict]]) -> int | None:
    """The first line that heads an unruled table: a welfare-table header, or a
    key-figure header whose number columns need their positions too."""
    for index, line in enumerate(lines):
        text = line_text(line)
        cells = _header_cells(line)
        if len(cells) < MIN_HEADER_CELLS:
            continue
        # a one-line header ("Tavoite Toimenpiteet Vastuu"), or one whose every gap-separated
        # cell names a column ("Toimet | Vastuutaho | Ajankohta", the objective in rows of its own)
        if header_line(text) is not None or header_row([" ".join(w["text"] for w in c) for c in cells], opens_table=True) is not None:
            return index
        if _is_kpi_header(text):
            return index
    return None


def _is_kpi_header(text: str) -> bool:
    """"Suorite TP 2021 TA 2022 …": the 2022-25 key-figure header, whose numbers need the
    column positions (other key-figure tables are read line by line, normalize/kpi_cells.py)."""
    return bool(KPI_HEADER.match(text)) and len(_KPI_COLUMN.findall(text)) >= 2


def unruled_rows(lines: list[list[dict]], start: int, number: int, width: float,
                 settings: ExtractionSettings) -> tuple[list[Row], Grid, int]:
    """Rows of an unruled table whose header line is lines[start]; returns the rows, the
    columns and the index of the first line after the table."""
    header = _header_cells(lines[start])
    starts = [cell[0]["x0"] for cell in header]
    bounds = [s - settings.column_slack for s in starts[1:]] + [width]
    if _is_kpi_header(line_text(lines[start])):
        # numbers stand right-aligned under their heading and may start left of it:
        # a column reaches back to halfway between the headings
        bounds = [(cell[-1]["x1"] + nxt[0]["x0"]) / 2 for cell, nxt in zip(header, header[1:])] + [width]
        starts = [starts[0]] + [b + settings.column_slack for b in bounds[:-1]]  # each word in one column
    grid = Grid(starts, bounds)
    end = start + 1
    while end < len(lines) and _header_continues(lines[end], lines[end - 1], header):
        end += 1  # a wrapped header ("Kuka vastaa toimenpiteen" / "toteuttamisesta?")
    header_words = [w for line in lines[start:end] for w in line]
    rows = [Row(_column_cells(header_words, grid, settings), number, lines[start][0]["top"], header=True)]
    grid.header = [cell.text for cell in rows[0].cells]
    found, end = grid_rows(lines, end, grid, number, settings)
    return rows + found, grid, end


def grid_rows(lines: list[list[dict]], start: int, grid: Grid, number: int, settings: ExtractionSettings,
              carried: bool = False) -> tuple[list[Row], int]:
    """Rows from lines[start] on, until a caption, a new header or (for a table carried
    over from the previous page) a line of prose; returns them and where they end."""
    groups: list[list[list[dict]]] = [[]]
    end = len(lines)
    heights: list[float] = []  # the table's lines so far, sorted: their median is the body size
    for index in range(start, len(lines)):
        line = lines[index]
        height = _height(line)
        body = heights[len(heights) // 2] if heights else height
        if (ends_table(line) or (carried and grid.straddled(line, settings.column_slack))
                or height >= HEADING_SIZE_RATIO * body):  # a heading set larger ends the table
            end = index
            break
        insort(heights, height)  # kept sorted: sorting again for every line was quadratic
        if groups[-1] and _row_gap(groups[-1][-1], line) > settings.row_gap_lines * height:
            groups.append([])
        groups[-1].append(line)
    groups = [g for g in groups if g]
    if _bottom_aligned(groups, grid, settings):
        groups = [rows for group in groups for rows in _bottom_aligned_rows(group, grid, settings)]
    return [_row(group, grid, number, settings) for group in _join_continuations(groups, grid, settings)], end


def _join_continuations(groups: list[list[list[dict]]], grid: Grid, settings: ExtractionSettings) -> list[list[list[dict]]]:
    """A group whose every cell goes on in lower case (or in brackets) continues the row
    above: cells wrapped with the same spacing as rows ("Lähisuhdeväkivallan ehkäisyn" /
    "koulutus varhaiskasvatukseen"). A new row starts some cell with a capital or a digit."""
    out: list[list[list[dict]]] = []
    for group in groups:
        first_in: dict[int, dict] = {}  # column -> its first word in the group
        for word in (w for line in group for w in line):
            if (column := _column_of(word, grid, settings)) is not None:
                first_in.setdefault(column, word)
        firsts = [first_in[column] for column in sorted(first_in)]
        if out and firsts and all(w["text"][:1].islower() or w["text"][:1] == "(" for w in firsts):
            out[-1] = out[-1] + group
        else:
            out.append(group)
    return out


def _header_continues(line: list[dict], previous: list[dict], header: list[list[dict]]) -> bool:
    close = line[0]["top"] - previous[0]["bottom"] < 0.6 * _height(line)
    text = clean_ws(line_text(line))
    # "toteuttamisesta?" or the year of "Tavoitetaso" / "2025" wrapped under its heading
    return close and (text[:1].islower() or all(w["text"].isdigit() for w in line))


def _height(line: list[dict]) -> float:
    return max(w["bottom"] - w["top"] for w in line)


def _row_gap(previous: list[dict], line: list[dict]) -> float:
    return line[0]["top"] - max(w["bottom"] for w in previous)


def _column_cells(words: list[dict], grid: Grid, settings: ExtractionSettings) -> list[Cell]:
    """One cell per column from the words in it, in their order; each word's column is
    found once (asking every word per column was the most called function of a page)."""
    columns: list[list[dict]] = [[] for _ in grid.starts]
    for word in words:
        if (index := _column_of(word, grid, settings)) is not None:
            columns[index].append(word)
    return [cell_text(mine, grid.bounds[i], grid.starts[i], settings) for i, mine in enumerate(columns)]


def _row(lines: list[list[dict]], grid: Grid, number: int, settings: ExtractionSettings) -> Row:
    return Row(_column_cells([w for line in lines for w in line], grid, settings), number, lines[0][0]["top"])


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


def continues_table(line: list[dict], grid: Grid, settings: ExtractionSettings) -> bool:
    """A page's first line goes on with the previous page's table unless it ends one
    or a word of it runs over a column end."""
    return not (ends_table(line) or grid.straddled(line, settings.column_slack))


def ends_table(line: list[dict]) -> bool:
    """A caption, a new table's header or a line opening a section ("SIVISTYSTOIMIALA",
    "Tulosalue …", "Suoritteet/Tunnusluvut"): no table row is any of these."""
    text = clean_ws(line_text(line))
    return bool(GOAL_CAPTION.match(text) or find_header([line]) is not None
                or any(p.match(text) for p in section_starts()) or current_profile().is_sector_heading(text))
