"""From lines to paragraphs and cell values: the small parsers every layout shares.

Text exported from a PDF keeps a trailing space where a line was soft-wrapped and none
where the writer pressed Enter; Word's "save as text" writes one paragraph per line.
So a line that ends without whitespace closes an item, and a blank line closes a
paragraph (cell, list entry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hytetool.docmodel import Line, list_marker, without_list_marker
from hytetool.textutil import clean_ws, join_lines
from hytetool.vocabulary import SCHEDULE_RE, SDG_ITEM
from hytetool.periods import unify_dashes


@dataclass(frozen=True)
class Para:
    """A paragraph of source lines: text joined, first and last line number kept."""

    lines: tuple[Line, ...]

    @property
    def first(self) -> int:
        return self.lines[0].no

    @property
    def last(self) -> int:
        return self.lines[-1].no

    @property
    def span(self) -> list[int]:
        return [self.first, self.last]

    @property
    def page(self) -> int | None:
        return self.lines[0].page

    @property
    def text(self) -> str:
        return "\n".join(self.items)

    @property
    def items(self) -> list[str]:
        return split_items(self.lines)


def paragraphs(lines: list[Line]) -> list[Para]:
    """Blank lines separate paragraphs."""
    out: list[Para] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                out.append(Para(tuple(current)))
            current = []
        else:
            current.append(line)
    if current:
        out.append(Para(tuple(current)))
    return out


def soft_end(raw: str) -> bool:
    """The writer did not end the line here: trailing space or a wrap hyphen."""
    return raw != raw.rstrip() or raw.rstrip().endswith(("-", "\u2013", "/"))


def soft_blocks(lines: list[Line]) -> list[list[Line]]:
    """Blank-separated blocks; a soft-wrapped line continues across the blank line."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    previous_soft = False
    for line in lines:
        if line.blank:
            if current:
                blocks.append(current)
            current = []
            continue
        if not current and blocks and previous_soft and clean_ws(line.text)[:1].islower():
            current = blocks.pop()
        current.append(line)
        previous_soft = soft_end(line.text)
    if current:
        blocks.append(current)
    return blocks


def _hard_end(raw: str) -> bool:
    """A line that ends without trailing whitespace (and is not hyphen-wrapped) ends an item."""
    return raw == raw.rstrip() and not raw.rstrip().endswith(("-", "\u2013"))


def item_groups(lines: tuple[Line, ...] | list[Line]) -> list[list[Line]]:
    """The lines of each item of a cell; kept as lines so a layout can make one Para per item."""
    items: list[list[Line]] = []
    for index, line in enumerate(lines):
        if index == 0 or _hard_end(lines[index - 1].text) and _starts_item(line.text):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def split_items(lines: tuple[Line, ...] | list[Line]) -> list[str]:
    """Items of a cell: soft-wrapped lines joined, hard line ends kept as item breaks."""
    texts = (join_lines(line.text for line in group) for group in item_groups(lines))
    return [text for text in texts if text]


def _starts_item(text: str) -> bool:
    """Lowercase or bracket starts continue the previous item even after a hard end."""
    first = clean_ws(text)[:1]
    return bool(first) and not first.islower() and first not in "(),.;"


def list_items(paras: list[Para]) -> list[Para]:
    """The items of a list written in one cell ("1. Kerhot", "2. Leirit"; "- a", "- b"), each
    a Para with its marker stripped; [] when the cell is not such a list. Every item must
    start with a list marker, so a sentence with a number in it is never cut."""
    lines = [line for p in paras for line in p.lines if not line.blank]
    if not lines or list_marker(lines[0].text) is None:
        return []
    groups: list[list[Line]] = []
    for line in lines:
        if list_marker(line.text) is not None:
            groups.append([_without_marker(line)])
        else:
            groups[-1].append(line)  # a wrapped item goes on without a marker
    return [Para(tuple(group)) for group in groups]


def _without_marker(line: Line) -> Line:
    return replace(line, text=without_list_marker(line.text))


def join_paras(paras: list[Para]) -> str:
    return "\n".join(p.text for p in paras)


# ------------------------------------------------------------ responsible and schedule

_RESPONSIBLE_SPLIT = re.compile(r"\s*(?:[,;\n]|(?<![-\s])\s*/\s*|(?<!-)\s+ja\s+)\s*")


def parse_responsible(text: str) -> tuple[list[str], str | None]:
    """'Ympäristöjohtaja/2022-2023' -> (['Ympäristöjohtaja'], '2022-2023').

    Schedules (years, "jatkuva", "2022 alkaen") are lifted out wherever they stand;
    the rest is split into units on commas, slashes, line breaks and "ja" (but not the
    "ja" of "Hallinto- ja kehitysjohtaja").
    """
    plain = unify_dashes(text)
    schedules = [clean_ws(m.group(0)) for m in SCHEDULE_RE.finditer(plain)]
    rest = SCHEDULE_RE.sub("\n", plain)
    units = []
    for part in _split_outside_brackets(rest):
        unit = clean_ws(part).strip(" /.,:-")
        if unit and unit.lower() not in {"ja", "v."} and unit not in units:
            units.append(unit)
    schedule = "; ".join(dict.fromkeys(s.strip(" /") for s in schedules)) or None
    return units, schedule


def split_parties(text: str) -> list[str]:
    """Partners (yhteistyökumppanit) as a list: split like responsible units, nothing lifted out."""
    parties: list[str] = []
    for part in _split_outside_brackets(unify_dashes(text)):
        party = clean_ws(part).strip(" /.,:-")
        if party and party.lower() != "ja" and party not in parties:
            parties.append(party)
    return parties


def _split_outside_brackets(text: str) -> list[str]:
    """Split at separators, but not inside parentheses: "Hyvinvointialue (perhekeskus,
    neuvola)" is one responsible party."""
    parts: list[str] = []
    start = 0
    for match in _RESPONSIBLE_SPLIT.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    return parts + [text[start:]]


def parse_sdg(texts: list[str]) -> list[int]:
    """'3 TERVEYTTÄ JA HYVINVOINTIA' -> 3; the numbers in first-seen order, once each."""
    numbers: list[int] = []
    for text in texts:
        if (m := SDG_ITEM.match(text)) and 1 <= int(m[1]) <= 17 and int(m[1]) not in numbers:
            numbers.append(int(m[1]))
    return numbers
