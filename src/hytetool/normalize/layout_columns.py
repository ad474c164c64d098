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

from hytetool.docmodel import Line
from hytetool.normalize.align import group_paragraphs, place_paragraphs
from hytetool.normalize.cells import Para, item_groups, paragraphs, parse_sdg
from hytetool.normalize.regions import Region, is_marker_row, same_cells
from hytetool.normalize.context import row_head
from hytetool.normalize.tables import ROW_FIELDS, GoalTable, TableRow
from hytetool.textutil import clean_ws, join_lines
from hytetool.vocabulary import OBJECTIVES_MARKER, PRIORITIES_MARKER, READ_ROLES, Column, cell_label, label_of

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
    """Rows of real cells: Word's "save as text" (tabs) or a Word table (.docx).

    A cell may hold several paragraphs ("\n"); a plan table (no indicator or outcome
    column) gives one action per paragraph and its responsible paragraphs as units; an
    empty objective cell (a vertical merge) continues the objective above; a repeated
    header row is skipped; a 2022-25 row ("Kaupunkistrategia 2022–25:" ...) gives the
    goal's objectives, priorities and outcomes.
    """
    table = GoalTable("tabbed", lines[0].no, lines[-1].no)
    header = lines[0].cells
    table.one_action_per_paragraph = _is_plan(header)
    body = lines if is_marker_row(header) else lines[1:]
    columns = region.columns  # from the header, or the cells' content (column_roles.py)
    sdg_texts: list[str] = []
    theme: str | None = None
    priority: str | None = None  # of the priority column, carried down its merged cell
    objective: Para | None = None  # of a "Tavoite: …" row across the table
    for line in body:
        if line.blank or (line is not lines[0] and same_cells(line.cells, header)):
            continue
        if not line.cells:
            table.unplaced.append((Para((line,)), "line without cells inside a tab-separated table"))
        elif is_marker_row(line.cells):
            _read_marker_row(table, line, region.columns)
        elif (head := row_head(line)) is not None:
            theme, objective = (head, None) if isinstance(head, str) else (theme, head)
        else:
            cells = _cells_by_column(table, line, header, columns)
            if Column.sdg in cells:
                sdg_texts.extend(Para(tuple(cells.pop(Column.sdg))).items)
            if Column.priority in cells:  # a priority column (Painopistealue): the goal's priorities
                priority = clean_ws(join_lines(line.text for line in cells[Column.priority]))
                _add_priorities(table, cells.pop(Column.priority))
            if cells:
                row = _row_from_cells(cells, table, Column.objective in region.columns)
                row.status_fill, row.priority = _status_fill(line, columns), priority
                _under_heads(row, theme, objective)
                table.rows.append(row)
    table.sdg = parse_sdg(sdg_texts)
    _carry_shared(table.rows)
    return table


def _status_fill(line: Line, columns: tuple[Column, ...]) -> str | None:
    """The fill colour of the row's status cell, where the format tells colours."""
    if line.fills is None or Column.status not in columns:
        return None
    index = columns.index(Column.status)
    return line.fills[index] if index < len(line.fills) else None


# Cells an objective's rows share: a merged or blank cell under the objective's first row
# means the same indicator, baseline and target for the actions below it.
SHARED_FIELDS = ("indicators", "baseline", "target")


def _carry_shared(rows: list[TableRow]) -> None:
    """Rows that continue the objective above (its cell merged or blank) take the first
    row's indicators, baseline and target when none of them prints its own: the cell was
    merged, or written once for the group. Where some continuation row has its own value,
    a blank one means none and stays blank."""
    groups: list[list[TableRow]] = []
    for row in rows:
        if row.continues_objective and groups:
            groups[-1].append(row)
        else:
            groups.append([row])
    for first, *rest in groups:
        for name in SHARED_FIELDS:
            if rest and getattr(first, name) and not any(getattr(row, name) for row in rest):
                for row in rest:
                    setattr(row, name, list(getattr(first, name)))


def _under_heads(row: TableRow, theme: str | None, objective: Para | None) -> None:
    """A row under a theme row takes its goal; without an objective of its own, the
    objective of the "Tavoite: …" row above it."""
    row.theme = theme
    if objective is not None and not row.objective:
        row.objective, row.continues_objective = [objective], False


def _add_priorities(table: GoalTable, lines: list[Line]) -> None:
    """Each priority once, in the order the rows name them (a merged cell names it once)."""
    known = {clean_ws(p.text) for p in table.priorities}
    for group in item_groups(lines):
        para = Para(tuple(group))
        if clean_ws(para.text) not in known:
            table.priorities.append(para)
            known.add(clean_ws(para.text))


def _cells_by_column(table: GoalTable, line: Line, header: tuple[str, ...] | None,
                     columns: tuple[Column, ...]) -> dict[Column, list[Line]]:
    """A row's cells by the column each stands in. A second cell of one column joins
    the first; cells of a column that has no role are kept under Column.other as
    "heading<TAB>text", for the record's extra."""
    cells: dict[Column, list[Line]] = {}
    for index, (column, text) in enumerate(zip(columns, line.cells or ())):
        lines = cell_lines(line, text)
        if not lines:
            continue
        if column not in READ_ROLES:  # kept with its heading under the record's extra, never guessed
            heading = clean_ws(header[index]) if header and index < len(header) else ""
            cells.setdefault(Column.other, []).extend(
                Line(l.no, f"{heading or f'column {index + 1}'}\t{l.text}", l.page, None, l.bbox) for l in lines)
            continue
        cells.setdefault(column, []).extend(lines)
    return cells


def cell_lines(line: Line, text: str) -> list[Line]:
    """A cell's paragraphs as Lines of the row (same `no`); a paragraph end is a hard
    line end, so trailing spaces Word leaves behind do not join two paragraphs."""
    return [Line(line.no, part.rstrip(), line.page, None, line.bbox) for part in text.split("\n") if part.strip()]


def _is_plan(header: tuple[str, ...] | None) -> bool:
    """A plan table names actions but neither indicators nor outcomes (Tavoite |
    Toimenpide 2026 | Kuka vastaa): its action cell lists one action per paragraph."""
    labels = {cell_label(cell) for cell in header or ()}
    return Column.action in labels and not labels & {Column.indicators, Column.outcome}


def _row_from_cells(cells: dict[Column, list[Line]], table: GoalTable, has_objective: bool) -> TableRow:
    def get(col: Column) -> list[Para]:
        return [Para(tuple(cells[col]))] if col in cells else []

    row = TableRow(**{name: get(column) for column, name in ROW_FIELDS.items()})
    for line in cells.get(Column.other, []):  # "heading<TAB>text" of columns without a role
        heading, _, text = line.text.partition("\t")
        row.extra.setdefault(heading, []).append(Para((Line(line.no, text, line.page, None, line.bbox),)))
    row.continues_objective = has_objective and not row.objective
    if table.one_action_per_paragraph:
        _plan_cells(row, cells, table.rows[-1] if table.rows else None)
    return row


def _plan_cells(row: TableRow, cells: dict[Column, list[Line]], previous: TableRow | None) -> None:
    """One action per paragraph, units = the responsible paragraphs. A row under a
    vertically merged objective with an empty responsible cell shares the units above
    (the merge spans both cells, as the plan's rows share one list of units)."""
    row.actions = [Para(tuple(group)) for group in item_groups(cells.get(Column.action, []))]
    row.units = row.responsible[0].items if row.responsible else []
    row.responsible = []
    if not row.units and row.continues_objective and previous is not None:
        row.units = list(previous.units or [])


def _read_marker_row(table: GoalTable, line: Line, columns: tuple[Column, ...]) -> None:
    """The 2022-25 row: each paragraph goes to the list its column (or the marker
    paragraph before it) names; the third column's paragraphs are outcomes."""
    targets = {Column.objective: table.objectives, Column.priority: table.priorities}
    for column, text in zip(columns, line.cells or ()):
        if column is Column.sdg:
            continue
        target = targets.get(column, table.outcomes)
        for group in item_groups(cell_lines(line, text)):
            para = Para(tuple(group))
            if OBJECTIVES_MARKER.match(clean_ws(para.text)):
                target = table.objectives
            elif PRIORITIES_MARKER.match(clean_ws(para.text)):
                target = table.priorities
            else:
                target.append(para)
