"""Text outside the goal tables: title, budget narratives, key-figure sections, notes.

Nothing here is dropped. Budget narratives ("Talousarvion toteutuminen ...") become
budget notes of their sector, less the budget-change tables in them; key-figure
sections (Suoritteet/Tunnusluvut) and those tables are read into KpiTables
(normalize/kpi.py). Whatever the KPI reader cannot place, and any other text, is kept
in the document's `unplaced` list with the reason, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytetool.docmodel import Line
from hytetool.model import KpiTable
from hytetool.normalize.cells import Para, paragraphs, soft_blocks
from hytetool.normalize.kpi import read_budget_tables, read_kpi_section
from hytetool.normalize.regions import sector_name
from hytetool.profile import current as current_profile
from hytetool.textutil import clean_ws
from hytetool.vocabulary import BUDGET_START, KPI_TITLE, PERSON, RUNNING_PAGE_NUMBER

NOTE_REASON = "text outside any goal table"


@dataclass
class LooseText:
    budget: list[tuple[str | None, Para]] = field(default_factory=list)  # (sector, paragraph)
    unplaced: list[tuple[Para, str]] = field(default_factory=list)
    kpi: list[KpiTable] = field(default_factory=list)  # key figures and budget changes, in order


def read_loose(lines: list[Line], skip: set[int]) -> LooseText:
    """Classify every line not inside a table (`skip` = line numbers already used)."""
    out = LooseText()
    sector: str | None = None
    person: str | None = None  # the sector's vastuuhenkilö: for tables that name none
    mode = "note"
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        if mode == "kpi":
            section = read_kpi_section(run, sector, person)
            out.kpi += section.tables
            out.unplaced += section.unplaced
        else:
            if mode == "budget":  # one note per sector: its narrative, paragraphs kept
                tables = read_budget_tables(run, sector, person)
                out.kpi += tables.tables
                prose = [line for line in run if line.no not in tables.used]
                lines = [line for block in soft_blocks(prose) for line in [*block, Line(block[-1].no, "")]]
                if lines:
                    out.budget.append((sector, Para(tuple(lines[:-1]))))
            else:
                out.unplaced.extend((para, NOTE_REASON) for para in paragraphs(run))
        run.clear()

    for line in lines:
        if line.no in skip and mode == "kpi":  # a goal table ends the key-figure section
            flush()
            mode = "note"
        # a lone number in a key-figure section is a value ("597"), not a page number
        if line.no in skip or RUNNING_PAGE_NUMBER.match(line.text) and mode != "kpi":
            continue
        text = clean_ws(line.text)
        if current_profile().is_sector_heading(text):
            flush()
            sector, person, mode = sector_name(text), None, "note"
            continue
        if mode == "note" and (found := PERSON.match(text)):
            person = found["name"]
        if BUDGET_START.match(text) or KPI_TITLE.match(text):
            flush()
            mode = "budget" if BUDGET_START.match(text) else "kpi"
        if not (mode == "note" and line.blank and not run):
            run.append(line)
    flush()
    out.unplaced = [(p, r) for p, r in out.unplaced if p.lines]
    return out
