"""Finding the tables in a document: captions, header rows and column labels.

A document is cut into regions, each starting at something that announces a table (a
one-line header row, a tab-separated header, a column label standing alone, or the
"Kaupunkistrategia 2022–25:" marker of the column-wise layout) and ending at the next
such start or caption. Captions ("Strateginen päämäärä: X") name the strategic goal;
whether they head or foot their table is decided per document (see assign_captions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from dataclasses import dataclass, field

from hytetool.docmodel import Line
from hytetool.textutil import clean_ws
from hytetool.profile import current as current_profile
from hytetool.vocabulary import GOAL_CAPTION, OBJECTIVES_MARKER, Column

if TYPE_CHECKING:
    from hytetool.normalize.layouts import LayoutStrategy, Registry, Scan


@dataclass
class Caption:
    index: int  # position in the line list
    goal: str
    sector: str | None


@dataclass
class Region:
    """Lines of one table, and the layout strategy that reads them."""

    strategy: LayoutStrategy
    start: int  # index of the first line (the header or marker)
    end: int = 0  # index after the last line
    columns: tuple[Column, ...] = ()
    caption: Caption | None = None
    confidence: float = 1.0  # the strategy's confidence in its reading (hyte inspect shows it)
    reason: str = ""  # why the strategy offered it
    inferred: dict[int, str] = field(default_factory=dict)  # column index -> why its role came from content

    @property
    def kind(self) -> str:
        """The strategy's name ("cell-table", "report-rows", ...)."""
        return self.strategy.name


def sector_name(text: str | None) -> str | None:
    """'hyvinvointi' or 'Hyvinvointitoimiala' -> the sector's name (see Profile.sector_name)."""
    return current_profile().sector_name(text)


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


# Column roles of a Word table that starts at the "Kaupunkistrategia 2022–25:" row
# without a header row (the 2022-25 layout: objectives, priorities, outcomes).
MARKER_COLUMNS = (Column.objective, Column.priority, Column.outcome)


def is_marker_row(cells: tuple[str, ...] | None) -> bool:
    """A table row of the 2022-25 layout: its first filled cell opens with the
    "Kaupunkistrategia 2022–25:" paragraph (Word keeps the three columns as cells)."""
    first = next((cell for cell in cells or () if cell.strip()), "")
    paragraph = next((part for part in first.split("\n") if part.strip()), "")
    return bool(OBJECTIVES_MARKER.match(clean_ws(paragraph)))


def same_cells(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool:
    """Two rows with the same cell texts (a table header repeated on the next page)."""
    return a is not None and b is not None and [clean_ws(c) for c in a] == [clean_ws(c) for c in b]


def continues_table(scan: Scan, region: Region, index: int) -> bool:
    """A repeated header (even after a note), or a 2022-25 row inside the open table; a
    table that resumes after a note keeps the note inside it; after a heading it is a new table."""
    if scan.caption_since(region, index) or scan.heading_since(region.start, index):
        return False
    line, stopped = scan.lines[index], bool(scan.stops and scan.stops[-1] > region.start)
    if same_cells(scan.lines[region.start].cells, line.cells) and _theme_between(scan.lines, region.start, index):
        return False  # "Painopiste: Turvallinen arki" above a repeated header: the next theme's table
    if same_cells(scan.lines[region.start].cells, line.cells) or (is_marker_row(line.cells) and not stopped):
        if stopped:
            scan.stops.pop()
        return True
    return False


def _theme_between(lines: list[Line], start: int, index: int) -> bool:
    from hytetool.normalize.context import labelled_theme

    return any(not line.cells and labelled_theme(line.text) for line in lines[start + 1 : index])


def _leaves_table(line: Line, scan: Scan) -> bool:
    """Text without cells after a table's rows ends the table: what follows (a sector
    heading, a key-figure table) is not part of it."""
    if line.blank or line.cells or not scan.regions or not scan.regions[-1].strategy.ends_at_prose:
        return False
    return not (scan.stops and scan.stops[-1] > scan.regions[-1].start)


def find_regions(lines: list[Line], goal_named: GoalNamer | None = None,
                 registry: Registry | None = None) -> tuple[list[Region], list[Caption]]:
    """Cut the lines into tables: captions name goals; at every other line the open
    region's strategy may continue it, else the registry's best offer starts a region."""
    from hytetool.normalize.layouts import REGISTRY, Scan

    registry = registry or REGISTRY
    scan = Scan(lines)
    for index, line in enumerate(lines):
        if _leaves_table(line, scan) or (line.level is not None and scan.regions):
            scan.stops.append(index)  # a heading opens a new section: no table runs on past it
        if caption := caption_of(line, goal_named):
            caption.index = index
            scan.captions.append(caption)
        elif scan.regions and scan.regions[-1].strategy.continues(scan, scan.regions[-1], index):
            continue
        elif (reading := registry.best(scan, index)) is not None:
            scan.regions.append(Region(reading.strategy, index, columns=reading.columns,
                                       confidence=reading.confidence, reason=reading.reason))
    _close(scan.regions, scan.captions, len(lines), scan.stops)
    return [r for r in scan.regions if r.end > r.start], scan.captions


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


