"""Column roles from the cells' content, where the heading names none.

A template may head a column with a word no vocabulary knows ("Milloin?", "Tila",
"Kuka", a blank header cell). Such a column takes its role from what its cells hold:
status words (a status column), years and seasons (a schedule), the municipality's
units and officials' titles (the responsible party). Each decision keeps its reason,
which `hyte inspect` prints; a column whose cells say nothing clear keeps no role and
its cells go to the record's `extra` under the heading, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hytetool.docmodel import Line
from hytetool.profile import current as current_profile
from hytetool.textutil import clean_ws
from hytetool.vocabulary import SCHEDULE_RE, Column, pattern, status_value

# Share of a column's filled cells that must agree before the column takes a role: most,
# but a stray note in one cell of four does not undo it.
CONTENT_AGREEMENT = 0.75
# Roles a column may have taken from its heading and still be re-read from its content:
# an outcome-word heading ("Arvio", "Tilanne") over a column of status words is a status column.
RE_READ = frozenset({Column.outcome, Column.status, Column.other})


def _is_status(text: str) -> bool:
    return status_value(text) is not None


def _is_schedule(text: str) -> bool:
    """A cell that is a time and nothing else ("syksy 2024", "2024–2025", "2025 alkaen"),
    not a text that mentions a year ("Kouluterveyskysely 2023")."""
    plain = clean_ws(text)
    if not (SCHEDULE_RE.search(plain) or pattern("season").search(plain)):
        return False
    rest = pattern("season").sub(" ", SCHEDULE_RE.sub(" ", plain))
    return all(pattern("time_word").match(word) for word in re.findall(r"[^\W\d_][\w.-]*", rest))


def _is_responsible(text: str) -> bool:
    plain = clean_ws(text)
    return len(plain.split()) <= 6 and (current_profile().is_unit(plain) or bool(pattern("official_title").search(plain)))


# Tried in this order; the first test most cells pass gives the role.
TESTS: tuple[tuple[Column, Callable[[str], bool], str], ...] = (
    (Column.status, _is_status, "status words"),
    (Column.schedule, _is_schedule, "years and seasons"),
    (Column.responsible, _is_responsible, "units and officials"),
)


def content_roles(columns: tuple[Column, ...], rows: list[Line],
                  header: tuple[str, ...] | None = None) -> tuple[tuple[Column, ...], dict[int, str]]:
    """The columns with roles read from content where the heading gave none (or only an
    outcome word over status words), and per changed column index the reason. Rows that
    repeat the header (a table continued on the next page) do not vote."""
    rows = [row for row in rows if row.cells and row.cells != header]
    out, reasons = list(columns), {}
    for index, column in enumerate(columns):
        if column not in RE_READ:
            continue
        cells = [row.cells[index] for row in rows if row.cells and index < len(row.cells) and row.cells[index].strip()]
        if not cells:
            continue
        for role, test, what in TESTS:
            if role is Column.status or column is Column.other:
                agreeing = sum(test(cell) for cell in cells)
                share = 1.0 if role is Column.status else CONTENT_AGREEMENT  # a status column is all status words
                if agreeing >= share * len(cells):
                    if role is not column:
                        out[index], reasons[index] = role, f"cell content: {what} ({agreeing} of {len(cells)} cells)"
                    break
    return tuple(out), reasons
