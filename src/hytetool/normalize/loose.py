"""Text outside the goal tables: title, budget narratives, key-figure sections, notes.

Nothing here is dropped. Budget narratives ("Talousarvion toteutuminen ...") become
budget notes of their sector; key-figure sections (Suoritteet/Tunnusluvut) and any
other text are kept in the document's `unplaced` list with the reason, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytetool.extract.base import Line
from hytetool.normalize.cells import Para, paragraphs, soft_blocks
from hytetool.normalize.regions import PAGE_NUMBER, sector_name
from hytetool.normalize.textutil import clean_ws

SECTOR_HEADING = re.compile(r"^(KESKUSVIRASTO|[A-ZÅÄÖ]+TOIMIALA)$")
BUDGET_START = re.compile(r"^talousarvion toteutuminen", re.I)
KPI_START = re.compile(r"^suoritteet\s*/\s*tunnusluvut", re.I)
KPI_REASON = "key-figure or budget table (suoritteet/tunnusluvut): not yet read into kpi_tables"
NOTE_REASON = "text outside any goal table"


@dataclass
class LooseText:
    budget: list[tuple[str | None, Para]] = field(default_factory=list)  # (sector, paragraph)
    unplaced: list[tuple[Para, str]] = field(default_factory=list)


def read_loose(lines: list[Line], skip: set[int]) -> LooseText:
    """Classify every line not inside a table (`skip` = line numbers already used)."""
    out = LooseText()
    sector: str | None = None
    mode = "note"
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        if mode == "kpi":
            out.unplaced.append((Para(tuple(l for l in run if not l.blank)), KPI_REASON))
        else:
            if mode == "budget":  # one note per sector: its narrative, paragraphs kept
                lines = [line for block in soft_blocks(run) for line in [*block, Line(block[-1].no, "")]]
                out.budget.append((sector, Para(tuple(lines[:-1]))))
            else:
                out.unplaced.extend((para, NOTE_REASON) for para in paragraphs(run))
        run.clear()

    for line in lines:
        if line.no in skip or PAGE_NUMBER.match(line.text):
            continue
        text = clean_ws(line.text)
        if SECTOR_HEADING.match(text):
            flush()
            sector, mode = sector_name(text), "note"
            continue
        if BUDGET_START.match(text) or KPI_START.match(text):
            flush()
            mode = "budget" if BUDGET_START.match(text) else "kpi"
        if not (mode == "note" and line.blank and not run):
            run.append(line)
        if mode == "kpi" and not line.blank:
            continue
    flush()
    out.unplaced = [(p, r) for p, r in out.unplaced if p.lines]
    return out
