"""Card layouts: one small two-column key-value table per action.

Some templates give every action a card of its own (Toimenpide | …, Vastuutaho | …,
Aikataulu | …, Tilanne | …) under objective or theme headings. A card is a run of
two-cell rows whose first cell is a column heading word and whose second is not; it
ends where prose follows or where a key comes round again (the next card).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hytetool.docmodel import Line
from hytetool.normalize.cells import Para
from hytetool.normalize.tables import ROW_FIELDS, GoalTable, TableRow
from hytetool.textutil import clean_ws
from hytetool.vocabulary import Column, cell_label

if TYPE_CHECKING:
    from hytetool.city_strategy import Strategy
    from hytetool.normalize.regions import Region

# Rows a card has at least: one key-value row alone is a note, not an action's card.
MIN_CARD_ROWS = 2


def card_key(line: Line) -> Column | None:
    """The role a card row's key names, or None when the line is not a key-value row. The
    value may be anything, empty or a bare status word ("Tilanne | Toteutunut"); a two-column
    header row ("Tavoite | Toimenpide") is told apart by the rows after it, whose first
    cells are no keys."""
    cells = [clean_ws(c) for c in line.cells or ()]
    if not 1 <= len(cells) <= 2 or not cells[0] or (len(cells) == 1 and not line.spanning):
        return None
    return cell_label(cells[0])


def starts_card(lines: list[Line], index: int) -> bool:
    """A key-value row followed by at least MIN_CARD_ROWS - 1 more with other keys."""
    seen: list[Column] = []
    for line in lines[index:]:
        role = card_key(line)
        if role is None or role in seen:
            break
        seen.append(role)
    return len(seen) >= MIN_CARD_ROWS and Column.action in seen


def continues_card(lines: list[Line], start: int, index: int) -> bool:
    """The row goes on with the card opened at `start`: a key not seen in it yet."""
    role = card_key(lines[index])
    return role is not None and role not in {card_key(line) for line in lines[start:index]}


def read_card(lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
    """One card -> one table row; keys of roles the builder does not read are kept as
    unplaced with their key."""
    from hytetool.normalize.layout_columns import cell_lines

    table = GoalTable("cards", lines[0].no, lines[-1].no)
    row = TableRow()
    for line in lines:
        role = card_key(line)
        if role is None:
            continue
        key, value = (list(line.cells or ()) + [""])[:2]
        if not value.strip():
            continue  # an empty field (Aikataulu | ""): nothing to read
        para = Para(tuple(cell_lines(line, value)))
        if role is Column.priority:
            table.priorities.append(para)
        elif role in ROW_FIELDS:
            getattr(row, ROW_FIELDS[role]).append(para)
        else:
            table.unplaced.append((para, f"card field not read into records yet ({role.value}): '{clean_ws(key)}'"))
    table.rows.append(row)
    return table
