"""Raw rows -> KpiRows: read the numbers, place them, name parents and units.

Parents: a lowercase sub-row ("käynnit, alle 75 v") belongs to the row above it; any
other row belongs to the section line it stands under (ALL CAPS "PERHEPALVELUT", or a
sub-section "Lukio" under "OPPILASHUOLTO"). Section lines are kept as rows without
numbers so that every parent named is a row of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytetool.docmodel import Line
from hytetool.model import KpiRow
from hytetool.normalize.kpi_place import (
    Placement,
    gaps,
    group_evidence,
    make_evidence,
    one_number,
    place,
    stacked_groups,
)
from hytetool.normalize.kpi_rows import RawRow, _starts_lower, parse_cell
from hytetool.textutil import clean_ws, join_lines
from hytetool.numbers import AMBIGUITY_MARGIN, NOTE_STYLE, format_number, split_numbers

# A lone number line of at most this many digits right after a label, with more
# numbers below it, may be the end of the label ("Päivätoiminta Oklaholmankatu" / "22").
LABEL_NUMBER_MAX_DIGITS = 3

# Units a label names, first match in the label wins; hoitopäivä and htpv are one unit.
UNIT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), unit)
    for p, unit in [
        (r"\bk-m2\b", "k-m2"), (r"\bsm2\b", "sm2"), (r"\(m2\)|(?<![-\w])m2\b", "m2"), (r"\(h\)", "h"),
        (r"\(kpl\)|\bkpl\b", "kpl"), (r"\bhlö\b", "hlö"), (r"\bhtv\b|henkilötyövuosina", "htv"),
        (r"€", "€"), (r"%", "%"), (r"\w*hoitopäivä(?:t)?\b|\bhtpv\b", "hoitopäivät"),
        (r"\w*käyn(?:ti|nit)\b", "käynnit"), (r"\basiakkaat\b", "asiakkaat"),
    ]
]


@dataclass
class Entry:
    """A row on its way to a KpiRow."""

    label: str
    lines: list[Line]
    kind: str = "data"  # "data", "heading1", "heading2"
    child: bool = False
    parent: str | None = None
    values: list[float | None] = field(default_factory=list)
    units: list[str | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    uncertain: bool = False
    # readings of the numbers still to place: (values, empty-cell cues, split score)
    pending: list[tuple[list[float | None], list[int], float]] | None = None
    printed: str = ""  # the numbers as printed, noted when the row stays uncertain


def build_rows(raws: list[RawRow], columns: list[str]) -> tuple[list[KpiRow], list[tuple[list[Line], str]]]:
    """KpiRows of one table, and the line groups that could not be read (with reasons)."""
    entries: list[Entry] = []
    leftovers: list[tuple[list[Line], str]] = []
    for raw in raws:
        if not raw.label and not raw.cells:
            leftovers.append((raw.lines, "numbers without a label in a key-figure table"))
            continue
        entries += _entries(raw, columns)
    _assign_parents(entries)
    for index in range(len(entries) - 1, -1, -1):  # sub-rows first: their sums place the parent
        entry = entries[index]
        if entry.pending is not None:
            evidence = make_evidence(columns, _child_sums(entries, index, len(columns)))
            _settle(entry, [(place(v, g, len(columns), evidence), score) for v, g, score in entry.pending])
    return [_kpi_row(e, columns) for e in entries], leftovers


def _settle(entry: Entry, options: list[tuple[Placement, float]]) -> None:
    """Choose among the readings of a row's numbers: the one that fits the empty-cell
    cues with the fewest relaxations, then the best evidence, then the best split score.
    Readings tied on all three (scores within AMBIGUITY_MARGIN) leave the row uncertain."""
    options.sort(key=lambda o: (o[0].relaxed, -o[0].evidence, o[1]))
    best, score = options[0]
    tied = [p for p, s in options[1:] if (p.relaxed, p.evidence) == (best.relaxed, best.evidence)
            and s - score < AMBIGUITY_MARGIN]
    if tied:
        entry.values = [v if all(p.cells[i] == v for p in tied) else None for i, v in enumerate(best.cells)]
        entry.uncertain = True
    else:
        entry.values, entry.uncertain = best.cells, entry.uncertain or best.uncertain


def _entries(raw: RawRow, columns: list[str]) -> list[Entry]:
    count = len(columns)
    entry = Entry(raw.label, raw.lines, child=raw.child)
    entry.notes = list(raw.items) + list(raw.notes)
    if raw.heading and not raw.parts:
        entry.kind = f"heading{raw.heading}"
        entry.values = [None] * count
        return [entry]
    if raw.cells is not None:
        for text in raw.cells:
            value, note, unit = parse_cell(text)
            entry.values.append(value)
            entry.units.append(unit)
            entry.notes += [note] if note else []
        return [entry]
    if raw.heading:  # an ALL-CAPS row with numbers ("KUNTOUTUS asiakkaat  4 640")
        entry.kind = "heading1"
    if not raw.parts:
        entry.values = [None] * count
        return [entry]
    if len(raw.parts) > count and len(raw.label_lines) > 1:
        stacked = _stacked(raw, columns)
        if stacked is not None:
            return stacked
    _read_numbers(entry, raw, columns)
    return [entry]


def _read_numbers(entry: Entry, raw: RawRow, columns: list[str]) -> None:
    """Split the row's numbers; a lone short number first may end the label instead."""
    parts = raw.parts
    readings = [(entry.label, parts)]
    first = parts[0]
    if len(parts) > 1 and first.bare:
        token = clean_ws(first.text)
        if token.isdigit() and len(token) <= LABEL_NUMBER_MAX_DIGITS:
            readings.append((join_lines([entry.label, token]), parts[1:]))
    best = None
    for label, use in readings:
        text = "\n".join(" " * p.lead + p.text.rstrip("\n") for p in use)
        found = split_numbers(text, columns)
        if found and (best is None or found[0].score < best[2][0].score):
            best = (label, text, found)
    if best is None:
        entry.values, entry.uncertain = [None] * len(columns), True
        entry.notes.append("numbers as printed: " + " / ".join(clean_ws(p.text) for p in parts))
        return
    label, text, found = best
    entry.label = label
    entry.units = found[0].units
    entry.printed = clean_ws(text)
    near = [c for c in found if c.score - found[0].score < AMBIGUITY_MARGIN]
    entry.pending = [(c.values, _cues(text, c.spans), c.score) for c in near]


def _cues(text: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """Extra spaces around the values; None when there are none at all: a source that
    does not mark empty cells (an unruled PDF) tells nothing about where they are."""
    found = gaps(text, spans)
    return found if any(found) else None


def _stacked(raw: RawRow, columns: list[str]) -> list[Entry] | None:
    """Labels then numbers one per line: rebuild the rows column by column."""
    numbers = [one_number(p.text) for p in raw.parts]
    if any(n == "bad" for n in numbers):
        return None
    for labels in _label_splits(raw.label_lines):
        cut = stacked_groups(numbers, len(labels), len(columns))  # type: ignore[arg-type]
        if cut is None:
            continue
        groups, tied, titled = cut
        order = [float(i) for i in range(len(groups))]
        placement = place(order, None, len(columns), group_evidence(columns, groups))
        placed, unsure = placement.cells, placement.uncertain
        entries = []
        for position, (text, lines) in enumerate(labels):
            entry = Entry(text, lines + [raw.parts[-1].line], child=titled and position > 0)
            entry.values = [None if g is None or tied else groups[int(g)][position] for g in placed]
            missing = [groups[i][position] for i in range(len(groups)) if float(i) not in placed]
            entry.uncertain = (unsure or tied) and any(g[position] is not None for g in groups)
            if entry.uncertain and any(m is not None for m in missing):
                quoted = ", ".join(format_number(m, style=NOTE_STYLE) for m in missing)
                entry.notes.append("not placed in a column: " + quoted)
            entries.append(entry)
        entries[0].notes += raw.items
        for entry in entries[1:] if titled else []:
            entry.parent = entries[0].label
        return entries
    return None


def _label_splits(lines: list[Line]) -> list[list[tuple[str, list[Line]]]]:
    """Ways to cut stacked label lines into labels: lowercase lines continue the line
    above ("Hyvinvoinnin, terveyden ja liikunnan" / "edistäminen"), or one per line."""
    merged: list[tuple[str, list[Line]]] = []
    for line in lines:
        text = clean_ws(line.text)
        if merged and _starts_lower(text):
            merged[-1] = (join_lines([merged[-1][0], text]), [*merged[-1][1], line])
        else:
            merged.append((text, [line]))
    single = [(clean_ws(line.text), [line]) for line in lines]
    return [merged, single] if len(merged) != len(single) else [single]


def _assign_parents(entries: list[Entry]) -> None:
    level1: str | None = None  # the ALL-CAPS section line above
    level2: str | None = None  # the sub-section line above ("Lukio" under "OPPILASHUOLTO")
    top: str | None = None  # the last row that is not a sub-row
    previous: Entry | None = None
    for entry in entries:
        if entry.parent is not None:  # a row of a stacked block: set there
            pass
        elif entry.kind == "heading1":
            # a section line right under another one, with no rows between, is nested in it
            nested = previous is not None and previous.kind == "heading1" and all(v is None for v in previous.values)
            entry.parent = level1 if nested else None
            level1, level2, top = entry.label, None, None
        elif entry.kind == "heading2":
            entry.parent, level2, top = level1, entry.label, None
        elif entry.child and top is not None:
            entry.parent = top
        else:
            entry.parent = level2 or level1
            top = entry.label
        previous = entry


def _child_sums(entries: list[Entry], index: int, count: int) -> list[float | None]:
    label = entries[index].label
    children = [e for e in entries[index + 1 :] if e.parent == label]
    sums: list[float | None] = []
    for col in range(count):
        cells = [c.values[col] if len(c.values) > col else None for c in children]
        sums.append(sum(v for v in cells if v is not None) if children and all(v is not None for v in cells) else None)
    return sums


def unit_of(label: str) -> str | None:
    hits = [(m.start(), unit) for pattern, unit in UNIT_PATTERNS for m in [pattern.search(label)] if m]
    return min(hits)[1] if hits else None


def _kpi_row(entry: Entry, columns: list[str]) -> KpiRow:
    numbers = [line.no for line in entry.lines]
    unit = unit_of(entry.label) or next((u for u in entry.units if u), None)
    printed = f"numbers as printed: {entry.printed}" if entry.uncertain and entry.printed else ""
    return KpiRow(
        label=entry.label,
        parent=entry.parent,
        unit=unit,
        values={c: (entry.values[i] if i < len(entry.values) else None) for i, c in enumerate(columns)},
        note="; ".join(dict.fromkeys(n for n in [*entry.notes, printed] if n)) or None,
        uncertain=entry.uncertain,
        lines=[min(numbers), max(numbers)] if numbers else None,
        page=entry.lines[0].page if entry.lines else None,
    )
