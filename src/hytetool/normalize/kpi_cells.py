"""Key-figure tables whose cells the reader knows (Word, Excel, ruled PDF), in any budget's
layout: Tunnusluvut | TP 2023 | TA 2024 | Toteuma 2024 | Ero %.

A header row whose cells after the first name at least two key-figure periods (the
column words of the vocabulary with a year) opens the table; each body row is a label
and numbers as Finnish writes them ("1 234,5", "−12 %", "0,8 milj. €"); a row with a
label and no numbers is a group ("Varhaiskasvatus") whose name becomes the parent of
the rows under it. The "Suoritteet/Tunnusluvut" sections of the 2022-25 template keep
their own reader (normalize/kpi.py), which also knows their areas and officials.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hytetool.docmodel import Line
from hytetool.kpi_columns import column_ends, column_period, columns_in_text
from hytetool.model import KpiRow, KpiTable
from hytetool.normalize.cells import Para
from hytetool.normalize.tables import GoalTable
from hytetool.normalize.kpi_rows import split_label
from hytetool.numbers import NumberError, parse_number, split_numbers
from hytetool.periods import unify_dashes
from hytetool.textutil import clean_ws, slugify
from hytetool.vocabulary import KPI_HEADER

if TYPE_CHECKING:
    from hytetool.city_strategy import Strategy
    from hytetool.normalize.regions import Region

# A header names at least this many key-figure periods (TP 2023, TA 2024): one alone is
# a year in an ordinary table.
MIN_PERIOD_COLUMNS = 2
# A group row's label is short ("Kulttuuri ja vapaa-aika"); a longer line is a note.
MAX_GROUP_WORDS = 6
# After the period columns of a one-line header, one more short column ("Ero %", "Muutos %").
MAX_EXTRA_COLUMN_WORDS = 2
# A text row read before its header is known may have at most this many numbers.
MAX_TEXT_COLUMNS = 8


def key_figure_header(line: Line) -> tuple[str, ...] | None:
    """The column names of a key-figure header row (all cells after the label), or None."""
    if line.cells is None:
        return _header_in_text(line.text)
    cells = [clean_ws(c) for c in line.cells or ()]
    if len(cells) < 1 + MIN_PERIOD_COLUMNS or KPI_HEADER.match(cells[0]) or _number(cells[0]) is not None:
        return None
    columns = tuple(cells[1:])
    periods = sum(column_period(c) is not None for c in columns)
    return columns if periods >= MIN_PERIOD_COLUMNS else None


def _header_in_text(text: str) -> tuple[str, ...] | None:
    """A header printed as one line ("Tunnusluvut TP 2023 TA 2024 Toteuma 2024 Ero %"):
    its period columns, and one more column after them when something follows (Ero %)."""
    plain = unify_dashes(clean_ws(text))
    columns = columns_in_text(plain)
    if len(columns) < MIN_PERIOD_COLUMNS or KPI_HEADER.match(plain) or plain[:1].isdigit():
        return None
    last = column_ends(plain)[-1]
    rest = plain[last:].strip()
    return tuple(columns) + ((rest,) if rest and len(rest.split()) <= MAX_EXTRA_COLUMN_WORDS else ())


def continues_key_figures(lines: list[Line], index: int) -> bool:
    """A body row (label and numbers) or a group label standing before one."""
    line = lines[index]
    if line.cells:
        return _values(line) is not None or _group_label(line) is not None
    if _group_label(line) is None:
        return False
    following = next((l for l in lines[index + 1 :] if not l.blank), None)
    return following is not None and _values(following) is not None


def read_key_figures(lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
    table = GoalTable("key-figures", lines[0].no, lines[-1].no)
    columns = key_figure_header(lines[0]) or ()
    # the header's label names the table ("Tunnusluvut"): its first cell, or its first word
    title = clean_ws(lines[0].cells[0]) if lines[0].cells else clean_ws(lines[0].text).split(" ")[0]
    rows: list[KpiRow] = []
    parent: str | None = None
    for line in lines[1:]:
        if line.blank:
            continue
        values = _values(line, len(columns))
        if values is not None:
            rows.append(KpiRow(label=_label(line), parent=parent, values=dict(zip(columns, values)),
                               note=_note(line, columns, values), lines=[line.no, line.no], page=line.page))
        elif (group := _group_label(line)) is not None:
            parent = group
        else:
            table.unplaced.append((Para((line,)), "key-figure table: a row that is neither figures nor a group"))
    table.kpi.append(KpiTable(id=slugify(title or "tunnusluvut"), columns=list(columns), rows=rows,
                              lines=[lines[0].no, lines[-1].no], page=lines[0].page))
    return table


def _values(line: Line, columns: int = 0) -> list[float | None] | None:
    """The numbers of a body row (label first), or None when its cells are not figures."""
    if line.cells is None:
        return _values_in_text(line.text, columns)
    cells = [clean_ws(c) for c in line.cells or ()]
    if len(cells) < 2 or not cells[0] or _number(cells[0]) is not None:
        return None
    values = [_number(c) for c in cells[1:]]
    numbers = sum(v is not None for v in values)
    texts = sum(1 for v, c in zip(values, cells[1:]) if v is None and c)
    # figures with a remark or two ("Selite", "ks. liite"), never a row of words
    return values if numbers and texts <= numbers // 2 else None


def _note(line: Line, columns: tuple[str, ...], values: list[float | None]) -> str | None:
    """Words in figure cells ("ks. liite") under their column, and a count that does not
    fit the header: kept as the row's note, never dropped."""
    notes = [f"{column}: {clean_ws(cell)}" for column, cell, value in zip(columns, (line.cells or ())[1:], values)
             if value is None and clean_ws(cell)]
    if len(values) != len(columns):
        notes.append(f"{len(values)} figures for {len(columns)} columns; check the row against the source")
    return "; ".join(notes) or None


def _values_in_text(text: str, columns: int) -> list[float | None] | None:
    """'Oppilaita 1 234 1 220 1 241 1,7 %' -> [1234, 1220, 1241, 1.7] (best reading)."""
    label, numbers, _ = split_label(clean_ws(text))
    readings = split_numbers(numbers, columns or MAX_TEXT_COLUMNS) if label and numbers else []
    return readings[0].values if readings else None


def _label(line: Line) -> str:
    return clean_ws(line.cells[0]) if line.cells else split_label(clean_ws(line.text))[0]


def _group_label(line: Line) -> str | None:
    """A group row: a short label alone ("Perusopetus"), in a cell or on a line of its own."""
    texts = [clean_ws(c) for c in (line.cells or (line.text,)) if clean_ws(c)]
    if len(texts) != 1 or len(texts[0].split()) > MAX_GROUP_WORDS or texts[0].endswith((".", ":")):
        return None
    return texts[0] if _number(texts[0]) is None else None


def _number(text: str) -> float | None:
    try:
        return parse_number(text)
    except NumberError:
        return None
