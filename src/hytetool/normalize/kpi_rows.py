"""Key-figure table bodies: source lines -> raw rows (labels, value runs, notes, headings).

A PDF text export prints a key-figure row as its label and its numbers on one line
("Palkkalaskelmat, kpl 27 641 27 000 13 701 27 100"), or the label over several lines
and the numbers on a line of their own, or (a table exported column after column)
several labels followed by their numbers one per line. Section lines (ALL CAPS, or a
label followed by one space per empty cell) head the rows under them. This module
only groups lines; kpi_place.py turns the numbers into column values.

A Word table (or any reader that fills `Line.cells`) gives the cells directly; such
rows skip the guessing and are read cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytetool.docmodel import Line
from hytetool.textutil import clean_ws, join_lines
from hytetool.numbers import EMPTY_MARKS, UNIT_MULTIPLIERS, UNITS, split_numbers

# A section line is ALL CAPS with at least this many letters ("MT htpv" is not one).
HEADING_MIN_LETTERS = 4
_VALUE_TOKEN = re.compile(r"^[+\-\u2212\u2013]?\d+(?:,\d+)?[€%]?$|^[+\-\u2212\u2013\u2014]$")
_LIST_ITEM = re.compile(r"^[-\u2013\u2022]\s+\S")  # "- Hallintokuntiin 73": an item inside the label cell
_CONTINUES = re.compile(r"(?:[,/(\-\u2013]|\bja|\btai)$", re.I)  # a label line that cannot end the label


@dataclass
class ValuePart:
    """The numbers of one source line, with the spaces that mark empty cells around them."""

    line: Line
    text: str  # the numbers as printed, from the first number to the line end
    lead: int  # extra spaces before the first number (each may be an empty cell)
    bare: bool = False  # the line held numbers only, no label text


@dataclass
class RawRow:
    """The lines of one row as printed: label lines, number runs, notes; nothing parsed yet."""

    label_lines: list[Line] = field(default_factory=list)
    first_label: str = ""  # label text of the first line when it also carried numbers
    parts: list[ValuePart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # list items printed in the label cell
    lines: list[Line] = field(default_factory=list)
    heading: int = 0  # 1: ALL-CAPS section, 2: sub-section (label and empty cells only)
    child: bool = False  # a lowercase sub-row ("käynnit, alle 75 v") of the row above
    cells: list[str] | None = None  # cell texts, when the reader knew the cells
    awaiting: bool = False  # the last note names something whose number is on the next line

    @property
    def label(self) -> str:
        texts = [self.first_label] if self.first_label else []
        texts += [clean_ws(split_label(line.text)[0]) for line in self.label_lines]
        return join_lines(t for t in texts if t)


def split_label(text: str) -> tuple[str, str, int]:
    """'Konsultaatio 4811 4 700' -> ('Konsultaatio', '4811 4 700', extra spaces before 4811).

    The numbers are the longest run of number tokens at the end of the line; a unit word
    ("kpl", "€") belongs to it only when a number stands right before it, so the "kpl"
    of "Kokoukset kpl 10 11 6 11" stays in the label.
    """
    tokens = list(re.finditer(r"\S+", text))
    cut = len(tokens)
    while cut > 0:
        token = tokens[cut - 1].group()
        low = token.lower()
        if _VALUE_TOKEN.match(token):
            cut -= 1
        elif (low in UNITS or low in UNIT_MULTIPLIERS) and cut >= 2 and _VALUE_TOKEN.match(tokens[cut - 2].group()):
            cut -= 1
        else:
            break
    if cut == len(tokens):
        return text.strip(), "", 0
    start = tokens[cut].start()
    label = text[:start]
    lead = len(label) - len(label.rstrip()) - 1 if label.strip() else len(label)
    return label.strip(), text[start:], max(lead, 0)


def is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= HEADING_MIN_LETTERS and all(ch.isupper() for ch in letters)


def _starts_lower(text: str) -> bool:
    first = clean_ws(text)[:1]
    return first.isalpha() and first.islower()


def _trailing(text: str) -> int:
    return len(text) - len(text.rstrip(" \u00a0"))


class RowReader:
    """Groups the lines of one table body into RawRows (see the module docstring)."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns
        self.rows: list[RawRow] = []
        self.cur: RawRow | None = None
        self.previous: Line | None = None
        self.spaced = True  # blank lines separate the rows (see read)

    def read(self, lines: list[Line]) -> list[RawRow]:
        # Only where blank lines separate the rows does "no blank line between" mean
        # "the same cell"; an export without blank lines (an unruled PDF) says nothing.
        self.spaced = any(line.blank for line in lines)
        for line in lines:
            if line.blank and not line.cells:
                continue
            self._line(line)
            self.previous = line
        self._finish()
        return self.rows

    # -------------------------------------------------------------- one line

    def _line(self, line: Line) -> None:
        if line.cells is not None and len(line.cells) >= 2:
            self._finish()
            self.rows.append(_cell_row(line, len(self.columns)))
            return
        label, numbers, lead = split_label(line.text)
        cur = self.cur
        if cur is None:
            self._start(line, label, numbers, lead)
        elif cur.heading:
            if not numbers and is_caps(label) and self._adjacent(line) and not self._closed(cur):
                cur.label_lines.append(line)
                cur.lines.append(line)
            else:
                self._finish()
                self._start(line, label, numbers, lead)
        elif not cur.parts:
            self._in_label(cur, line, label, numbers, lead)
        else:
            self._in_values(cur, line, label, numbers, lead)

    def _in_label(self, cur: RawRow, line: Line, label: str, numbers: str, lead: int) -> None:
        if not numbers:
            if self._heading_level(line, label):
                self._finish()
                self._start(line, label, numbers, lead)
            else:
                cur.label_lines.append(line)
                cur.lines.append(line)
        elif not label:
            cur.parts.append(ValuePart(line, numbers, lead, bare=not label))
            cur.lines.append(line)
        elif _LIST_ITEM.match(clean_ws(line.text)):
            cur.items.append(clean_ws(line.text))
            cur.lines.append(line)
        elif _starts_lower(label) or _CONTINUES.search(clean_ws(cur.label)):
            cur.label_lines.append(line)
            cur.parts.append(ValuePart(line, numbers, lead, bare=not label))
            cur.lines.append(line)
        else:  # the pending label had no numbers: a group row over the rows that follow
            self._finish()
            self._start(line, label, numbers, lead)

    def _in_values(self, cur: RawRow, line: Line, label: str, numbers: str, lead: int) -> None:
        """After a row's numbers: more numbers, text inside a cell (a note), or a new row.

        Text right under a number, with no blank line between ("672700 €" / "Kunnan kp.
        109 047 €"), is more of that cell while the row still has empty cells; a note
        that names something without its number ("Kunnan kp.") takes the next number.
        """
        if not label:
            if cur.awaiting:
                cur.notes[-1] += " " + clean_ws(line.text)
                cur.awaiting = False
            else:
                cur.parts.append(ValuePart(line, numbers, lead, bare=True))
            cur.lines.append(line)
            return
        text = clean_ws(line.text)
        after_number = cur.lines[-1].no == cur.parts[-1].line.no
        count = len(self.columns)
        room = self.spaced and _value_count(cur, count) + _value_count(numbers, count) <= count
        if room and after_number and self._adjacent(line):
            cur.notes.append(clean_ws(cur.parts[-1].text) + " " + text)
        elif room and not after_number and (self._adjacent(line) or _starts_lower(text)):
            cur.notes[-1] += " " + text
        else:
            self._finish()
            self._start(line, label, numbers, lead)
            return
        # "Kunnan kp." names a figure printed on the next line; "htv" only ends the one before
        cur.awaiting = not re.search(r"\d", text) and not _starts_lower(text)
        cur.lines.append(line)

    def _start(self, line: Line, label: str, numbers: str, lead: int) -> None:
        row = RawRow(lines=[line])
        if not label:  # numbers without a label: kept, placed as an orphan row
            row.parts.append(ValuePart(line, numbers, lead, bare=not label))
        elif numbers:
            row.first_label = label
            row.parts.append(ValuePart(line, numbers, lead, bare=not label))
            row.heading = 1 if is_caps(label.split()[0]) else 0
        else:
            row.label_lines.append(line)
            row.heading = self._heading_level(line, label)
        row.child = not row.heading and _starts_lower(label)
        self.cur = row

    def _finish(self) -> None:
        if self.cur is not None:
            self.rows.append(self.cur)
        self.cur = None

    # -------------------------------------------------------------- cues

    def _heading_level(self, line: Line, label: str) -> int:
        if is_caps(label):
            return 1
        return 2 if _trailing(line.text) >= len(self.columns) else 0

    def _closed(self, row: RawRow) -> bool:
        """A section line printed with its empty cells is complete; the next one is new."""
        return _trailing(row.lines[-1].text) >= len(self.columns)

    def _adjacent(self, line: Line) -> bool:
        """No blank line between this line and the previous one: the same paragraph."""
        return self.previous is not None and line.no == self.previous.no + 1


def _value_count(source: RawRow | str, columns: int) -> int:
    """How many numbers a row (or a run of numbers) holds in its best reading; `columns`
    when it holds more than a row can (or cannot be read): the row has no room left."""
    texts = [p.text for p in source.parts] if isinstance(source, RawRow) else [source] if source else []
    if not texts:
        return 0
    found = split_numbers("\n".join(texts), columns)
    return len(found[0].values) if found else columns


def _cell_row(line: Line, count: int) -> RawRow:
    cells = [clean_ws(c) for c in (line.cells or ())]
    values = (cells[1:] + [""] * count)[:count]
    row = RawRow(lines=[line], first_label=cells[0], cells=values)
    if not any(values):
        row.heading = 1 if is_caps(cells[0]) else 2
    row.child = not row.heading and _starts_lower(cells[0])
    return row


def parse_cell(text: str) -> tuple[float | None, str | None, str | None]:
    """One cell's text -> (value, note, unit).

    '1 036' and '4 kpl' are plain numbers; '672700 € Kunnan kp. 109 047 €' keeps 672700
    as the value and the whole text as the note; a cell of text only ('Elinkeinopalv.
    2 htv') has no value and is its own note: its number is a part, not the cell's figure.
    """
    plain = clean_ws(text)
    if plain in EMPTY_MARKS:
        return None, None, None
    whole = split_numbers(plain, 1)
    if whole and len(whole[0].values) == 1:
        return whole[0].values[0], None, whole[0].units[0]
    pieces = plain.split(" ")
    for cut in range(len(pieces) - 1, 0, -1):
        head = split_numbers(" ".join(pieces[:cut]), 1)
        if head and len(head[0].values) == 1 and head[0].values[0] is not None:
            return head[0].values[0], plain, head[0].units[0]
    return None, plain, None
