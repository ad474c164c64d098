"""Tables that reached the text column by column, or as tab-separated rows.

- "markers": the 2022-25 welfare-plan layout; after "Kaupunkistrategia 2022–25:" the
  city-strategy objectives, after "Hyvinvointisuunnitelma 2022–25:" the priorities, then
  the realised-action paragraphs of the third column (goal-level outcomes).
- "labels": each column's label ("Toimenpiteet", "Vastuu ja aikataulu", ...) stands alone
  and its paragraphs follow; the n-th paragraph of each column is the n-th row, with
  align.py deciding where a column has more or fewer paragraphs than rows.
- "tabbed": Word's "save as text" of a table: one row per line, cells split by tabs.
"""

from __future__ import annotations

from hytetool.extract.base import Line
from hytetool.normalize.align import group_paragraphs, place_paragraphs
from hytetool.normalize.cells import Para, paragraphs, parse_sdg
from hytetool.normalize.regions import Region, label_of
from hytetool.normalize.tables import GoalTable, TableRow
from hytetool.normalize.textutil import clean_ws
from hytetool.normalize.vocab import OBJECTIVES_MARKER, PRIORITIES_MARKER, Column

# After the priorities, an empty line followed by a paragraph at least this long (or of
# two lines or more) starts the outcome column; shorter ones are one more priority.
OUTCOME_MIN_WORDS = 12
# A line shorter than this share of its paragraph's longest line, ending a sentence,
# ends the paragraph even without a blank line (the export lost the paragraph break).
SHORT_LINE_SHARE = 0.5


def read_markers(lines: list[Line], region: Region) -> GoalTable:
    table = GoalTable("markers", lines[0].no, lines[-1].no)
    texts = [clean_ws(line.text) for line in lines]
    obj_at = next(i for i, t in enumerate(texts) if OBJECTIVES_MARKER.match(t))
    pri_at = next((i for i, t in enumerate(texts) if PRIORITIES_MARKER.match(t)), len(lines))
    table.objectives = list_items(lines[obj_at + 1 : pri_at])
    rest = lines[pri_at + 1 :]
    split = _outcome_start(rest)
    table.priorities = list_items(rest[:split])
    table.outcomes = prose_paragraphs(rest[split:])
    return table


def _outcome_start(lines: list[Line]) -> int:
    """Index where the outcome column begins: see OUTCOME_MIN_WORDS."""
    for index, line in enumerate(lines):
        if line.text != "":
            continue
        following = paragraphs(lines[index + 1 :])
        if following:
            first = following[0]
            if len(first.lines) >= 2 or len(first.text.split()) >= OUTCOME_MIN_WORDS:
                return index
    return len(lines)


def list_items(lines: list[Line]) -> list[Para]:
    """Entries of a list cell: blank-separated, and split where a sentence ends a line."""
    items: list[Para] = []
    for para in paragraphs(lines):
        current: list[Line] = []
        for line in para.lines:
            if current and _ends_sentence(current[-1].text) and _starts_upper(line.text):
                items.append(Para(tuple(current)))
                current = []
            current.append(line)
        items.append(Para(tuple(current)))
    return items


def prose_paragraphs(lines: list[Line]) -> list[Para]:
    """Paragraphs of running text, also where the export dropped the blank line."""
    out: list[Para] = []
    for para in paragraphs(lines):
        longest = max(len(clean_ws(line.text)) for line in para.lines)
        current: list[Line] = []
        for line in para.lines:
            if current and _paragraph_break(current[-1].text, line.text, longest):
                out.append(Para(tuple(current)))
                current = []
            current.append(line)
        out.append(Para(tuple(current)))
    return out


def _paragraph_break(previous: str, line: str, longest: int) -> bool:
    if not _ends_sentence(previous) or not _starts_upper(line):
        return False
    indented = line[:1].isspace()
    short = len(clean_ws(previous)) < SHORT_LINE_SHARE * longest
    return indented or short


def _ends_sentence(text: str) -> bool:
    return clean_ws(text).endswith((".", "!", "?"))


def _starts_upper(text: str) -> bool:
    first = clean_ws(text)[:1]
    return bool(first) and (first.isupper() or first.isdigit())


# ------------------------------------------------------------------ labels


def read_labels(lines: list[Line], region: Region) -> GoalTable:
    table = GoalTable("labels", lines[0].no, lines[-1].no)
    columns: dict[Column, list[Line]] = {}
    current: Column | None = None
    for line in lines:
        label = label_of(line.text) if not line.blank else None
        if label is not None and label not in columns:
            current = label
            columns[current] = []
        elif current is not None:
            columns[current].append(line)
    objectives = paragraphs(columns.get(Column.objective, []))
    table.rows = [TableRow(objective=[p]) for p in objectives]
    reference = [p.text for p in objectives]
    for column, attr in _ROW_COLUMNS:
        paras = paragraphs(columns.get(column, []))
        _distribute(table, paras, attr, reference)
        if column in (Column.action, Column.indicators):  # later columns read like these
            reference = [f"{r} {_cell_text(getattr(row, attr))}" for r, row in zip(reference, table.rows)]
    table.sdg = parse_sdg([clean_ws(l.text) for l in columns.get(Column.sdg, [])])
    return table


_ROW_COLUMNS = [
    (Column.action, "actions"),
    (Column.responsible, "responsible"),
    (Column.indicators, "indicators"),
    (Column.outcome, "outcome"),
]


def _cell_text(paras: list[Para]) -> str:
    return " ".join(p.text for p in paras)


def _distribute(table: GoalTable, paras: list[Para], attr: str, reference: list[str]) -> None:
    rows = table.rows
    if not rows:
        table.unplaced.extend((p, f"{attr} paragraph of a table without objectives") for p in paras)
        return
    texts = [p.text for p in paras]
    if len(paras) >= len(rows):
        for row, group in zip(rows, group_paragraphs(texts, reference)):
            getattr(row, attr).extend(paras[i] for i in group)
    else:
        for para, row_index in zip(paras, place_paragraphs(texts, reference)):
            getattr(rows[row_index], attr).append(para)


# ------------------------------------------------------------------ tabbed


def read_tabbed(lines: list[Line], region: Region) -> GoalTable:
    table = GoalTable("tabbed", lines[0].no, lines[-1].no)
    sdg_texts: list[str] = []
    for line in lines[1:]:
        if line.blank:
            continue
        if not line.cells:
            table.unplaced.append((Para((line,)), "line without cells inside a tab-separated table"))
            continue
        cells = {col: Para((Line(line.no, text, line.page),)) for col, text in zip(region.columns, line.cells)
                 if text.strip()}
        if Column.sdg in cells:
            sdg_texts.append(clean_ws(cells.pop(Column.sdg).text))
        if cells:
            table.rows.append(_row_from_cells(cells))
    table.sdg = parse_sdg(sdg_texts)
    return table


def _row_from_cells(cells: dict[Column, Para]) -> TableRow:
    def get(col: Column) -> list[Para]:
        return [cells[col]] if col in cells else []

    return TableRow(
        objective=get(Column.objective),
        actions=get(Column.action),
        responsible=get(Column.responsible),
        indicators=get(Column.indicators),
        outcome=get(Column.outcome),
    )
