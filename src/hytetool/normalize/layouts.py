"""Layout strategies: one named class per way a welfare-plan table reaches the text.

A strategy looks at the document's lines and, where a table of its layout starts,
offers a `Reading` with a confidence; the registry asks every strategy at every line
and the highest confidence wins (ties: the order of the registry). The chosen strategy
then reads its region into a GoalTable, which the record builder turns into the schema.
A strategy may also say that a line continues its open region (a table header repeated
on the next page). Nothing outside this registry decides which layout applies.

To support a new document shape, write one class with `name`, `offer`, `read` (and
`continues` if needed) and `REGISTRY.register(...)` it; see docs/architecture.md.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hytetool.docmodel import Line
from hytetool.normalize.cards import continues_card, read_card, starts_card
from hytetool.normalize.kpi_cells import continues_key_figures, key_figure_header, read_key_figures
from hytetool.normalize.prose import lone_label, read_prose_plan, starts_prose_plan
from hytetool.normalize.layout_columns import read_labels, read_markers, read_tabbed
from hytetool.normalize.layout_rows import read_plan_rows, read_report_rows
from hytetool.normalize.tables import GoalTable
from hytetool.textutil import clean_ws
from hytetool.vocabulary import OBJECTIVES_MARKER, Column, header_line, header_row, label_of

if TYPE_CHECKING:
    from hytetool.city_strategy import Strategy
    from hytetool.normalize.regions import Caption, Region

# Confidence of a reading that rests on an explicit marker line ("Kaupunkistrategia 2022–25:").
MARKER_CONFIDENCE = 1.0
# A Word row that opens with the marker paragraph: explicit, but no header names its columns.
MARKER_ROW_CONFIDENCE = 0.9
# A lone "Tavoite" label, confirmed only by a "Toimenpiteet" label somewhere below.
LABELS_CONFIDENCE = 0.6
# Key-value rows naming an action and another field: explicit, though no header row.
CARD_CONFIDENCE = 0.9
# Labels with "Vastuu:"-style field lines below: surer than a lone label's column reading.
PROSE_CONFIDENCE = 0.8
# Two or more key-figure period columns (TP 2023, TA 2024) are unmistakable.
KEY_FIGURES_CONFIDENCE = 0.95


@dataclass(frozen=True)
class Reading:
    """A strategy's offer: a region of its layout starts here, with these column roles."""

    strategy: LayoutStrategy
    confidence: float
    columns: tuple[Column, ...] = ()
    reason: str = ""


@dataclass
class Scan:
    """What the registry knows while it walks the lines: captions and regions so far."""

    lines: list[Line]
    captions: list[Caption] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)  # where prose ended a cell table

    def __post_init__(self) -> None:
        self._headings = [i for i, line in enumerate(self.lines) if line.level is not None]

    def caption_since(self, region: Region, index: int) -> bool:
        return any(region.start < c.index < index for c in self.captions)

    def heading_since(self, start: int, index: int) -> bool:
        """A heading line stands between `start` and `index` (a new section begins)."""
        at = bisect_left(self._headings, start)
        return at < len(self._headings) and self._headings[at] < index


class LayoutStrategy:
    """One layout: where its tables start, and how to read one into a GoalTable."""

    name = "layout"
    # A table of this layout ends where text without cells follows its rows (cell tables:
    # a sector heading or key-figure table after a Word table is not part of it).
    ends_at_prose = False

    def offer(self, scan: Scan, index: int) -> Reading | None:
        """A reading if a table of this layout starts at `scan.lines[index]`."""
        raise NotImplementedError

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        """Whether the line goes on with this strategy's open region (default: never)."""
        return False

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        raise NotImplementedError


class ColumnMarkers(LayoutStrategy):
    """The column-wise 2022-25 layout: "Kaupunkistrategia 2022–25:" objectives, then
    "Hyvinvointisuunnitelma 2022–25:" priorities, then outcome paragraphs."""

    name = "column-markers"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if OBJECTIVES_MARKER.match(clean_ws(scan.lines[index].text)):
            return Reading(self, MARKER_CONFIDENCE, reason="objectives marker line")
        return None

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        """A second marker line under the same goal is part of the same block."""
        return bool(OBJECTIVES_MARKER.match(clean_ws(scan.lines[index].text))) and not scan.caption_since(region, index)

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_markers(lines, region)


class CellTable(LayoutStrategy):
    """A table whose cells the reader knows (Word, Excel, PDF tables, tab-separated
    text): a header row names the columns, or the 2022-25 marker row opens it."""

    name = "cell-table"
    ends_at_prose = True

    def offer(self, scan: Scan, index: int) -> Reading | None:
        from hytetool.normalize.regions import MARKER_COLUMNS, is_marker_row

        line = scan.lines[index]
        if not line.cells:
            return None
        opens = index == 0 or not scan.lines[index - 1].cells  # after prose, a heading or nothing
        if (columns := header_row(line.cells, opens_table=opens)) is not None:
            named = sum(c is not Column.other for c in columns)
            return Reading(self, named / len(columns), columns, f"header row names {named} of {len(columns)} cells")
        if is_marker_row(line.cells):
            columns = MARKER_COLUMNS + (Column.outcome,) * (len(line.cells) - len(MARKER_COLUMNS))
            return Reading(self, MARKER_ROW_CONFIDENCE, columns, "row opens with the objectives marker")
        return None

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        from hytetool.normalize.regions import continues_table

        return bool(scan.lines[index].cells) and continues_table(scan, region, index)

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_tabbed(lines, region)


class _RowTable(LayoutStrategy):
    """A table printed row by row under a one-line header ("Tavoite Toimenpiteet Vastuu …")."""

    def _header(self, scan: Scan, index: int) -> tuple[Column, ...] | None:
        line = scan.lines[index]
        return header_line(line.text) if line.cells is None else None

    @staticmethod
    def _confidence(columns: tuple[Column, ...]) -> float:
        return len(columns) / (len(columns) + 1)  # 3 roles 0.75, 5 roles 0.83


class ReportRows(_RowTable):
    """Row-by-row report tables: the header names indicators or an outcome."""

    name = "report-rows"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        columns = self._header(scan, index)
        if columns and (Column.indicators in columns or Column.outcome in columns):
            return Reading(self, self._confidence(columns), columns, "one-line header with outcome or indicators")
        return None

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_report_rows(lines, region, strategy)


class PlanRows(_RowTable):
    """Row-by-row plan tables (Tavoite | Toimenpide | Kuka vastaa): each action line its own action."""

    name = "plan-rows"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        columns = self._header(scan, index)
        if columns and Column.indicators not in columns and Column.outcome not in columns:
            return Reading(self, self._confidence(columns), columns, "one-line header of a plan")
        return None

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_plan_rows(lines, region)


class ColumnLabels(LayoutStrategy):
    """A column-wise export whose columns stand under lone labels ("Tavoite", then later
    "Toimenpiteet", ...): paragraphs are aligned to rows afterwards."""

    name = "column-labels"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if label_of(scan.lines[index].text) is Column.objective and _action_label_follows(scan.lines, index):
            return Reading(self, LABELS_CONFIDENCE, reason="lone 'Tavoite' label with an action label below")
        return None

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_labels(lines, region)


def _action_label_follows(lines: list[Line], index: int) -> bool:
    """A lone "Tavoite" starts a column-wise table only if a "Toimenpiteet" label follows."""
    from hytetool.normalize.regions import caption_of

    for line in lines[index + 1 :]:
        if caption_of(line) or (line.cells is None and header_line(line.text) is not None):
            return False
        if label_of(line.text) is Column.action and not line.cells:
            return True
    return False


class Cards(LayoutStrategy):
    """One two-column key-value table per action (Toimenpide | …, Vastuutaho | …, Tilanne | …)."""

    name = "cards"
    ends_at_prose = True

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if starts_card(scan.lines, index):
            return Reading(self, CARD_CONFIDENCE, reason="two-cell rows keyed by column heading words")
        return None

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        return continues_card(scan.lines, region.start, index)

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_card(lines, region, strategy)


class ProsePlan(LayoutStrategy):
    """A plan written without tables: "Tavoite:" and "Toimenpiteet:" lists, labelled
    lines (Vastuu:, Aikataulu:, Mittari:) under each action."""

    name = "prose-plan"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if starts_prose_plan(scan.lines, index):
            return Reading(self, PROSE_CONFIDENCE, reason="objective/action labels with labelled field lines")
        return None

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        """"Toimenpiteet:" after "Tavoite:" is the same plan block, until a heading."""
        return lone_label(scan.lines[index]) is not None and not scan.heading_since(region.start, index)

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_prose_plan(lines, region, strategy)


class KeyFigures(LayoutStrategy):
    """A key-figure table of any budget's layout: label | TP 2023 | TA 2024 | Toteuma 2024 | Ero %."""

    name = "key-figures"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if key_figure_header(scan.lines[index]) is not None:
            return Reading(self, KEY_FIGURES_CONFIDENCE, reason="header of key-figure periods (TP, TA, Toteuma + year)")
        return None

    def continues(self, scan: Scan, region: Region, index: int) -> bool:
        return continues_key_figures(scan.lines, index)

    def read(self, lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
        return read_key_figures(lines, region, strategy)


class Registry:
    """The strategies in order of preference; the best offer at a line wins."""

    def __init__(self, strategies: list[LayoutStrategy]) -> None:
        self.strategies = list(strategies)

    def register(self, strategy: LayoutStrategy, *, first: bool = False) -> None:
        self.strategies.insert(0, strategy) if first else self.strategies.append(strategy)

    def unregister(self, strategy: LayoutStrategy) -> None:
        self.strategies.remove(strategy)

    @contextmanager
    def added(self, strategy: LayoutStrategy, *, first: bool = False) -> Iterator[LayoutStrategy]:
        """Use a strategy for the duration of a block (tests, one-off templates)."""
        self.register(strategy, first=first)
        try:
            yield strategy
        finally:
            self.unregister(strategy)

    def best(self, scan: Scan, index: int) -> Reading | None:
        offers = [o for s in self.strategies if (o := s.offer(scan, index)) is not None]
        return max(offers, key=lambda o: o.confidence) if offers else None  # max keeps the first of equals

    def by_name(self, name: str) -> LayoutStrategy:
        return next(s for s in self.strategies if s.name == name)


REGISTRY = Registry([ColumnMarkers(), CellTable(), ReportRows(), PlanRows(), ColumnLabels(), Cards(), ProsePlan(),
                     KeyFigures()])


def strategy_names() -> list[str]:
    """The registered strategies' names, for docs and `hyte inspect`."""
    return [s.name for s in REGISTRY.strategies]

