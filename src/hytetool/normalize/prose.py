"""Prose plans: a plan written as text, without tables.

Many municipalities write the plan as headings and lists: a numbered priority heading,
"Tavoite:" with the objective as a bullet, "Toimenpiteet:" with one bullet per action,
and under each action labelled lines that fill its fields ("Vastuu: Liikuntapalvelut",
"Aikataulu: 2025", "Mittari: …", "Resurssit: …"). A labelled line belongs to the action
above it; it is never an action of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from hytetool.docmodel import LABELLED as _LABELLED
from hytetool.docmodel import Line, without_list_marker
from hytetool.normalize.cells import Para
from hytetool.normalize.tables import ROW_FIELDS, GoalTable, TableRow
from hytetool.textutil import clean_ws
from hytetool.vocabulary import Column, label_of

if TYPE_CHECKING:
    from hytetool.city_strategy import Strategy
    from hytetool.normalize.regions import Region

# A list field written on one line ("Mittari: Kävijät; Lainaukset") has items split here.
_ITEM_SEPARATOR = re.compile(r"\s*;\s*")
# Fields whose value is a list of items.
LIST_FIELDS = frozenset({Column.indicators})
# How far below a lone "Tavoite:" / "Toimenpiteet:" label a field line must stand for
# the block to be a prose plan (the label, an objective or two, the first action).
FIELD_LOOKAHEAD = 8


def lone_label(line: Line) -> Column | None:
    """The role of a line that is only a label ("Toimenpiteet:", "Tavoite"), or None."""
    text = clean_ws(line.text)
    if line.cells or not text or len(text.split()) > 3:
        return None
    return label_of(text.rstrip(":"))


def field_line(line: Line) -> tuple[Column, str] | None:
    """A labelled line of a field ("Vastuu: Kanslia" -> responsible, "Kanslia")."""
    if line.cells or (match := _LABELLED.match(line.text)) is None:
        return None
    role = label_of(match["label"].strip())
    return (role, match["value"].strip()) if role is not None else None


def starts_prose_plan(lines: list[Line], index: int) -> bool:
    """A lone objective or action label with an action label and field lines below it."""
    role = lone_label(lines[index])
    if role not in (Column.objective, Column.action):
        return False
    window = lines[index + 1 : index + 1 + FIELD_LOOKAHEAD]
    has_actions = role is Column.action or any(lone_label(line) is Column.action for line in window)
    return has_actions and any(field_line(line) is not None for line in window)


def read_prose_plan(lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
    """Objectives under "Tavoite:", one action per item under "Toimenpiteet:", and the
    labelled lines below an action as its fields."""
    table = GoalTable("prose-plan", lines[0].no, lines[-1].no)
    mode: Column | None = None
    row: TableRow | None = None
    for line in lines:
        if line.blank or line.level is not None:
            continue
        if (role := lone_label(line)) is not None:
            mode, row = role, None
        elif (found := field_line(line)) is not None and found[0] is Column.action:  # "Toimenpide: X"
            row = TableRow(actions=[Para((Line(line.no, found[1], line.page, None, line.bbox),))],
                           objective=table.objectives[-1:])
            table.rows.append(row)
        elif (found := field_line(line)) is not None:
            _fill(table, row, found, line)
        elif clean_ws(line.text)[:1].islower() and _continue_item(table, mode, row, line):
            pass  # a wrapped list item goes on in lower case
        elif mode is Column.objective:
            table.objectives.append(Para((_item(line),)))
        elif mode is Column.action:
            row = TableRow(actions=[Para((_item(line),))], objective=table.objectives[-1:])
            table.rows.append(row)
        else:
            table.unplaced.append((Para((line,)), "text in a prose plan outside its labelled lists"))
    return table


def _fill(table: GoalTable, row: TableRow | None, found: tuple[Column, str], line: Line) -> None:
    role, value = found
    if role is Column.objective:
        table.objectives.append(Para((Line(line.no, value, line.page, None, line.bbox),)))
        return
    if row is None or role not in ROW_FIELDS:
        table.unplaced.append((Para((line,)), f"labelled line without an action above it ({role.value})"))
        return
    values = _ITEM_SEPARATOR.split(value) if role in LIST_FIELDS else [value]
    para = Para(tuple(Line(line.no, v, line.page, None, line.bbox) for v in values if v))
    getattr(row, ROW_FIELDS[role]).append(para)


def _continue_item(table: GoalTable, mode: Column | None, row: TableRow | None, line: Line) -> bool:
    """Add a wrapped line to the last objective or the row's action; False if there is none."""
    items = table.objectives if mode is Column.objective else row.actions if mode is Column.action and row else None
    if not items:
        return False
    items[-1] = Para((*items[-1].lines, Line(line.no, line.text.strip(), line.page, None, line.bbox)))
    return True


def _item(line: Line) -> Line:
    """A list item without its bullet or number."""
    return Line(line.no, without_list_marker(line.text).strip(), line.page, None, line.bbox)
