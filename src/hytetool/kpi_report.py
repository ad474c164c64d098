"""`hyte kpi`: the key figures of normalized documents, with the forecast against the budget.

A council asks first how far each key figure's year-end forecast (TP-ENNUSTE) is from
the budget (TA). The columns are found by what they hold (kpi_columns.py, the same
mapper the report uses), not by their printed names, so "TA 2023" / "TP-ENNUSTE 2023" work the same next year. Tables
without a budget and a forecast column (the budget-change tables: tulot, menot,
netto) are left out. Uncertain rows are marked with "?" so nobody quotes them unchecked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

from hytetool.corpus import load_documents
from hytetool.model import Document, KpiTable
from hytetool.kpi_columns import key_figure_columns
from hytetool.numbers import TERMINAL_STYLE, format_number

UNCERTAIN_MARK = " ?"
INDENT = "  "  # per level of parent, before a row's label
# A figure of the terminal table: '1 036', '27,7', '+1 200', '−3,5'.
_figure = partial(format_number, lang="fi", style=TERMINAL_STYLE)


@dataclass
class KpiLine:
    """One key figure with the columns `hyte kpi` shows."""

    sector: str
    area: str
    label: str
    depth: int  # 0 for a top row, 1 under a section line or parent row, ...
    unit: str
    previous: float | None  # TP of the year before
    budget: float | None  # TA
    to_date: float | None  # TOTEUMA of the months so far
    forecast: float | None  # TP-ENNUSTE
    uncertain: bool

    @property
    def deviation(self) -> float | None:
        """Forecast minus budget: positive when the year will end above the budget."""
        if self.budget is None or self.forecast is None:
            return None
        return self.forecast - self.budget

    @property
    def deviation_pct(self) -> float | None:
        deviation = self.deviation
        return deviation / self.budget * 100 if deviation is not None and self.budget else None


def key_figures(paths: Iterable[Path], sector: str | None = None) -> list[KpiLine]:
    """Key-figure rows of the documents under `paths` (files or folders, like `hyte export`)."""
    docs = [doc for _, doc in load_documents(paths)]  # the same files as every command; HyteError if none
    wanted = sector.casefold() if sector else None
    out: list[KpiLine] = []
    for doc in docs:
        for table in doc.kpi_tables:
            name = table.sector or doc.sector or ""
            if wanted and wanted not in name.casefold():
                continue
            out += _lines(doc, table, name)
    return out


def _lines(doc: Document, table: KpiTable, sector: str) -> list[KpiLine]:
    roles = key_figure_columns(table.columns)
    if roles.budget is None or roles.forecast is None:
        return []
    columns = {role: name for role, name in vars(roles).items() if name is not None}
    parents = {row.label: row.parent for row in table.rows}
    out = []
    for row in table.rows:
        depth, parent, seen = 0, row.parent, set()
        while parent is not None and parent not in seen:
            seen.add(parent)
            depth, parent = depth + 1, parents.get(parent)
        value = {role: row.values.get(name) for role, name in columns.items()}
        out.append(KpiLine(sector, table.area or "", row.label, depth, row.unit or "", value.get("previous"),
                           value.get("budget"), value.get("to_date"), value.get("forecast"), row.uncertain))
    return out


def kpi_table(lines: list[KpiLine], title: str = "Tunnusluvut") -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Toimiala")
    table.add_column("Tulosalue")
    table.add_column("Suorite")
    table.add_column("Yksikkö")
    for header in ("TP", "TA", "Toteuma", "Ennuste", "Ennuste − TA", "%"):
        table.add_column(header, justify="right")
    previous: tuple[str, str] | None = None
    for line in lines:
        place = (line.sector, line.area)
        sector, area = (line.sector, line.area) if place != previous else ("", "")
        previous = place
        label = INDENT * line.depth + line.label + (UNCERTAIN_MARK if line.uncertain else "")
        table.add_row(sector, area, label, line.unit, _figure(line.previous), _figure(line.budget),
                      _figure(line.to_date), _figure(line.forecast), _figure(line.deviation, signed=True),
                      _figure(line.deviation_pct, signed=True, decimals=1))
    return table


def print_key_figures(console: Console, paths: Iterable[Path], sector: str | None = None) -> int:
    """Print the table; returns the number of key figures shown."""
    lines = key_figures(paths, sector)
    if not lines:
        console.print("no key figures" + (f" for sector '{sector}'" if sector else ""), highlight=False)
        return 0
    console.print(kpi_table(lines))
    if any(line.uncertain for line in lines):
        console.print(f"{UNCERTAIN_MARK.strip()} = uncertain reading: check against the source", highlight=False)
    return len(lines)
