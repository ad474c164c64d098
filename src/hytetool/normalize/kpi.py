"""Key-figure sections (suoritteet/tunnusluvut) and budget-change tables -> KpiTables.

A section starts at "Suoritteet/Tunnusluvut" under a sector heading and holds one
table per result area: "Tulosalue X", "Vastuuhenkilö Y", a header row
("Suorite TP 2021 TA 2022 TOTEUMA 1-6/2022 TP-ENNUSTE 2022", wrapped over several
lines in a PDF export) and the rows. A budget narrative may hold a table of budget
changes under a header "tulot menot netto" (in any order), ending at "Yhteensä".

The lines are the shared `Line` list of every reader, so a Word table (cells known)
and a text export go through the same code; see kpi_rows.py for the rows, kpi_place.py
for which column a number belongs to. Lines this module cannot read are returned with
a reason and stay `unplaced`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytetool.docmodel import Line
from hytetool.model import KpiTable
from hytetool.normalize.cells import Para
from hytetool.normalize.kpi_build import build_rows
from hytetool.normalize.kpi_rows import RowReader
from hytetool.textutil import clean_ws, join_lines, slugify
from hytetool.vocabulary import AREA, KPI_HEADER, KPI_TITLE, PERSON, kpi_column_alternation, kpi_column_words
from hytetool.kpi_columns import columns_in_text
from hytetool.periods import MONTHS_TEXT, unify_dashes

# Pieces a wrapped header row is made of: "TOTEUMA", "1-6/2022", "TP-", "ENNUSTE", "2022".
# The column words (TP, TA, TOTEUMA, TP-ENNUSTE, ...) come from the vocabulary; a hyphenated
# one may wrap after its hyphen ("TP-" / "ENNUSTE").
_WORDS = kpi_column_alternation()
_FRAGMENTS = "|".join(re.escape(w.split("-")[0] + "-") for ws in kpi_column_words().values() for w in ws if "-" in w)
_HEADER_PIECE = re.compile(rf"^(?:{_FRAGMENTS}|{_WORDS}|{MONTHS_TEXT}|\d{{4}})$", re.I)
BUDGET_WORDS = ("tulot", "menot", "netto")
BUDGET_AREA = "Talousarviomuutokset"
BUDGET_END = re.compile(r"^yhteensä\b", re.I)
# A line of this many words without numbers is narrative again: a budget table without
# a "Yhteensä" row ends before it.
PROSE_MIN_WORDS = 8
UNREAD_REASON = "key-figure section: text the key-figure reader could not place"


@dataclass
class KpiSection:
    tables: list[KpiTable] = field(default_factory=list)
    unplaced: list[tuple[Para, str]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # line numbers read into tables


def read_kpi_section(lines: list[Line], sector: str | None, sector_person: str | None = None) -> KpiSection:
    """Read one "Suoritteet/Tunnusluvut" section (blank lines included) into tables."""
    out = KpiSection()
    area: str | None = None
    person: str | None = None
    loose: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        text = clean_ws(_text(line))
        if not text:
            index += 1
            continue
        if KPI_TITLE.match(text):
            out.used.add(line.no)
        elif match := AREA.match(text):
            area, person = match["name"], None
            out.used.add(line.no)
        elif match := PERSON.match(text):
            person = match["name"]
            out.used.add(line.no)
        elif KPI_HEADER.match(text):
            columns, body_start = read_header(lines, index)
            if not columns:
                loose.append(line)
                index += 1
                continue
            end = _body_end(lines, body_start)
            table = _table(lines[index:end], columns, body_start - index, sector, area, person or sector_person, out)
            out.tables.append(table)
            index = end
            continue
        else:
            loose.append(line)
        index += 1
    out.unplaced += [(Para(tuple(group)), UNREAD_REASON) for group in _groups(loose)]
    return out


def read_budget_tables(lines: list[Line], sector: str | None, person: str | None = None) -> KpiSection:
    """Budget-change tables (tulot | menot | netto) inside a budget narrative."""
    out = KpiSection()
    index = 0
    while index < len(lines):
        columns = budget_columns(lines[index])
        if not columns:
            index += 1
            continue
        end = index + 1
        while end < len(lines):
            text = clean_ws(_text(lines[end]))
            if len(text.split()) >= PROSE_MIN_WORDS and not re.search(r"\d\s*$", text):
                break
            end += 1
            if BUDGET_END.match(text):
                break
        table = _table(lines[index:end], columns, 1, sector, BUDGET_AREA, person, out)
        if table.rows:
            out.tables.append(table)
        index = end
    return out


def budget_columns(line: Line) -> list[str]:
    """' tulot menot netto ' -> ['Tulot', 'Menot', 'Netto'] (printed order, capitalised)."""
    words = [w.lower() for w in (line.cells or clean_ws(line.text).split()) if w.strip()]
    if len(words) >= 2 and len(set(words)) == len(words) and all(w in BUDGET_WORDS for w in words):
        return [w.capitalize() for w in words]
    return []


def read_header(lines: list[Line], index: int) -> tuple[list[str], int]:
    """Columns of the header row at `index` (joined across wrapped lines) and where the body starts."""
    first = lines[index]
    if first.cells:
        return [unify_dashes(clean_ws(c)) for c in first.cells[1:] if c.strip()], index + 1
    texts = [clean_ws(first.text)]
    end = index + 1
    while end < len(lines):
        text = clean_ws(lines[end].text)
        if text and not _HEADER_PIECE.match(unify_dashes(text)):
            break
        texts.append(text)
        end += 1
    joined = unify_dashes(join_lines(t for t in texts if t))
    return columns_in_text(joined), end


def _body_end(lines: list[Line], start: int) -> int:
    for index in range(start, len(lines)):
        text = clean_ws(_text(lines[index]))
        if AREA.match(text) or KPI_TITLE.match(text) or KPI_HEADER.match(text) or PERSON.match(text):
            return index
    return len(lines)


def _table(lines: list[Line], columns: list[str], skip: int, sector: str | None, area: str | None,
           person: str | None, out: KpiSection) -> KpiTable:
    body = lines[skip:]
    rows, leftovers = build_rows(RowReader(columns).read(body), columns)
    unread = {line.no for group, _ in leftovers for line in group}
    out.used |= {line.no for line in lines if not line.blank and line.no not in unread}
    out.unplaced += [(Para(tuple(group)), reason) for group, reason in leftovers]
    numbers = [line.no for line in lines if not line.blank]
    return KpiTable(
        id=slugify(" ".join(p for p in (sector, area or "suoritteet") if p)),
        sector=sector,
        area=area,
        responsible_person=person,
        columns=columns,
        rows=rows,
        lines=[min(numbers), max(numbers)] if numbers else None,
        page=lines[0].page,
    )


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Consecutive loose lines (no used line between) form one unplaced block."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.no - groups[-1][-1].no <= 2:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _text(line: Line) -> str:
    return " ".join(line.cells) if line.cells else line.text


__all__ = ["KpiSection", "read_budget_tables", "read_kpi_section", "read_header"]
