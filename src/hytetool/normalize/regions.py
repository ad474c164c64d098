"""Finding the tables in a document: captions, header rows and column labels.

A document is cut into regions, each starting at something that announces a table (a
one-line header row, a tab-separated header, a column label standing alone, or the
"Kaupunkistrategia 2022–25:" marker of the column-wise layout) and ending at the next
such start or caption. Captions ("Strateginen päämäärä: X") name the strategic goal;
whether they head or foot their table is decided per document (see assign_captions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hytetool.extract.base import Line
from hytetool.normalize.textutil import clean_ws
from hytetool.normalize.vocab import (
    COLUMN_LABELS,
    FIRST_COLUMNS,
    GOAL_CAPTION,
    HEADER_WORDS,
    MIN_HEADER_COLUMNS,
    OBJECTIVES_MARKER,
    SECTOR_WORD,
    SECTORS,
    Column,
)
from hytetool.periods import unify_dashes


@dataclass
class Caption:
    index: int  # position in the line list
    goal: str
    sector: str | None


@dataclass
class Region:
    kind: str  # "rows", "tabbed", "labels" or "markers"
    start: int  # index of the first line (the header or marker)
    end: int = 0  # index after the last line
    columns: tuple[Column, ...] = ()
    caption: Caption | None = None


def sector_name(text: str | None) -> str | None:
    """'hyvinvointi' or 'Hyvinvointitoimiala' -> 'Hyvinvointitoimiala'."""
    if not text:
        return None
    match = SECTOR_WORD.search(text)
    return SECTORS[match[1].lower()] if match else None


GoalNamer = Callable[[str], "str | None"]  # text -> the strategic goal it names (Strategy.goal_named)


def caption_of(line: Line, goal_named: GoalNamer | None = None) -> Caption | None:
    """A goal's caption: "Strateginen päämäärä: X[, sector]", or a line that is just a
    strategic goal's name (templates that head each goal's table with its name)."""
    text = clean_ws(line.text)
    if match := GOAL_CAPTION.match(text):
        return Caption(index=-1, goal=clean_ws(match["goal"]), sector=sector_name(match["sector"]))
    if goal_named is not None and line.cells is None and (goal := goal_named(text)):
        return Caption(index=-1, goal=goal, sector=None)
    return None


def label_of(text: str) -> Column | None:
    plain = clean_ws(unify_dashes(text))
    for pattern, column in COLUMN_LABELS:
        if pattern.match(plain):
            return column
    return None


def header_columns(text: str) -> tuple[Column, ...]:
    """Columns a one-line header names, in the order they appear on the line."""
    plain = clean_ws(text)
    found = []
    for pattern, column in HEADER_WORDS:
        if match := pattern.search(plain):
            found.append((match.start(), column))
    return tuple(column for _, column in sorted(found))


def _is_row_header(line: Line) -> bool:
    cols = header_columns(line.text)
    return len(cols) >= MIN_HEADER_COLUMNS and cols[0] in FIRST_COLUMNS and line.cells is None


# A header cell is a label, not prose: only cells this short are read for header words
# ("Hyvinvointityötä toteuttava toimenpide 2026"); a body cell mentioning "toimenpide"
# must not turn its row into a header.
HEADER_CELL_MAX_WORDS = 10
# Column roles of a Word table that starts at the "Kaupunkistrategia 2022–25:" row
# without a header row (the 2022-25 layout: objectives, priorities, outcomes).
MARKER_COLUMNS = (Column.objective, Column.priority, Column.outcome)


def cell_label(cell: str) -> Column | None:
    """The column a header cell names: an exact label, else the first header word of a
    short cell (Word headers are longer than the lone labels of column-wise exports)."""
    if (label := label_of(cell)) is not None:
        return label
    plain = clean_ws(cell)
    if len(plain.split()) > HEADER_CELL_MAX_WORDS:
        return None
    columns = header_columns(plain)
    return columns[0] if columns else None


def _tabbed_columns(line: Line) -> tuple[Column, ...] | None:
    if not line.cells:
        return None
    labels = tuple(cell_label(cell) for cell in line.cells)
    if sum(label is not None for label in labels) >= MIN_HEADER_COLUMNS:
        return tuple(label or Column.other for label in labels)  # kept apart, never guessed
    return None


def is_marker_row(cells: tuple[str, ...] | None) -> bool:
    """A table row of the 2022-25 layout: its first filled cell opens with the
    "Kaupunkistrategia 2022–25:" paragraph (Word keeps the three columns as cells)."""
    first = next((cell for cell in cells or () if cell.strip()), "")
    paragraph = next((part for part in first.split("\n") if part.strip()), "")
    return bool(OBJECTIVES_MARKER.match(clean_ws(paragraph)))


def same_cells(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool:
    """Two rows with the same cell texts (a table header repeated on the next page)."""
    return a is not None and b is not None and [clean_ws(c) for c in a] == [clean_ws(c) for c in b]


def _continues_table(lines: list[Line], starts: list[Region], captions: list[Caption], index: int,
                     stopped: bool) -> bool:
    """A repeated header (even after a note), or a 2022-25 row inside the open table."""
    if not starts or starts[-1].kind != "tabbed" or _caption_between(captions, starts[-1], index):
        return False
    line = lines[index]
    return same_cells(lines[starts[-1].start].cells, line.cells) or (is_marker_row(line.cells) and not stopped)


def _leaves_table(line: Line, starts: list[Region], stops: list[int]) -> bool:
    """Text without cells after a table's rows ends the table: what follows (a sector
    heading, a key-figure table) is not part of it."""
    if line.blank or line.cells or not starts or starts[-1].kind != "tabbed":
        return False
    return not (stops and stops[-1] > starts[-1].start)


def find_regions(lines: list[Line], goal_named: GoalNamer | None = None) -> tuple[list[Region], list[Caption]]:
    captions: list[Caption] = []
    starts: list[Region] = []
    stops: list[int] = []  # where prose ended a tabbed region
    for index, line in enumerate(lines):
        stopped = bool(stops and starts and stops[-1] > starts[-1].start)
        if _leaves_table(line, starts, stops):
            stops.append(index)
        if caption := caption_of(line, goal_named):
            caption.index = index
            captions.append(caption)
        elif OBJECTIVES_MARKER.match(clean_ws(line.text)):
            if not (starts and starts[-1].kind == "markers" and not _caption_between(captions, starts[-1], index)):
                starts.append(Region("markers", index))
        elif line.cells and _continues_table(lines, starts, captions, index, stopped):
            if stopped:  # the table resumes after a note: the note stays inside it
                stops.pop()
            continue
        elif (cols := _tabbed_columns(line)) is not None:
            starts.append(Region("tabbed", index, columns=cols))
        elif is_marker_row(line.cells):
            columns = MARKER_COLUMNS + (Column.outcome,) * (len(line.cells or ()) - len(MARKER_COLUMNS))
            starts.append(Region("tabbed", index, columns=columns))
        elif _is_row_header(line):
            starts.append(Region("rows", index, columns=header_columns(line.text)))
        elif label_of(line.text) is Column.objective and _action_label_follows(lines, index):
            starts.append(Region("labels", index))
    _close(starts, captions, len(lines), stops)
    return [r for r in starts if r.end > r.start], captions


def _action_label_follows(lines: list[Line], index: int) -> bool:
    """A lone "Tavoite" starts a column-wise table only if a "Toimenpiteet" label follows."""
    for line in lines[index + 1 :]:
        if caption_of(line) or _is_row_header(line):
            return False
        if label_of(line.text) is Column.action and not line.cells:
            return True
    return False


def _caption_between(captions: list[Caption], region: Region, index: int) -> bool:
    return any(region.start < c.index < index for c in captions)


def _close(regions: list[Region], captions: list[Caption], total: int, ends: list[int] | None = None) -> None:
    """Each region ends at the next region start or caption (or where prose ended a table)."""
    stops = sorted({r.start for r in regions} | {c.index for c in captions} | {total} | set(ends or ()))
    for region in regions:
        region.end = next(s for s in stops if s > region.start)


def assign_captions(regions: list[Region], captions: list[Caption]) -> str:
    """Attach to each region the caption that names its goal; returns the mode used.

    Footer mode when no table follows the last caption (captions close their page, as
    in a plan printed from Word with the goal at the foot); header mode otherwise. A
    caption belongs to the region directly after (header) or before (footer) it, with
    no other region in between.
    """
    if not captions or not regions:
        return "none"
    footer = captions[-1].index > regions[-1].start and not _has_header_caption_first(regions, captions)
    for caption in captions:
        if footer:
            before = [r for r in regions if r.start < caption.index]
            if before and before[-1].caption is None:
                before[-1].caption = caption
        else:
            after = [r for r in regions if r.start > caption.index]
            if after:
                after[0].caption = caption
    return "footer" if footer else "header"


def _has_header_caption_first(regions: list[Region], captions: list[Caption]) -> bool:
    """A caption before the first table means captions head their tables."""
    return captions[0].index < regions[0].start


PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
