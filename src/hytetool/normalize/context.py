"""What stands above a table: the theme heading it sits under and an objective sentence.

Many templates put the level above the objectives (painopistealue, teema) in a heading
("2. Liikunta ja ulkoilu") and give the objective as a sentence under it ("Tavoite:
Asukkaiden osallisuus lisääntyy.") instead of a column. A table without a caption and
without a goal of the municipality's strategy takes its goal from that heading, and rows
without an objective of their own take that sentence as their objective.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hytetool.docmodel import LABELLED as _LABELLED
from hytetool.docmodel import Line, without_list_marker
from hytetool.normalize.cells import Para
from hytetool.profile import current as current_profile
from hytetool.textutil import clean_ws
from hytetool.vocabulary import Column, label_of, pattern

# A heading only a PDF's bold type marks is short; a longer line is prose.
UNMARKED_HEADING_MAX_WORDS = 6
# "Tavoite 1:" is the label "Tavoite" numbered.
_LABEL_NUMBER = re.compile(r"\s+\d{1,2}(?:\.\d{1,2})*\.?$")
# "2.", "2.1", "IV." or "Painopistealue 2:" / "Teema 3." in front of a theme's name is
# numbering, not the name.
_THEME_NUMBER = re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\s*[.:)\u2013-]?\s+")


@dataclass
class Context:
    """The theme heading (its line index and name) and the objective sentence above a table."""

    heading: int | None = None
    theme: str | None = None
    objective: Para | None = None
    objective_index: int | None = None

    @property
    def used(self) -> list[int]:
        """Line indices this context consumed (so they are not reported as unplaced)."""
        return [i for i in (self.heading, self.objective_index) if i is not None]


def context_above(lines: list[Line], start: int, floor: int, skip: set[int]) -> Context:
    """The nearest heading above `start` (not below `floor`, the end of the table before)
    and a labelled objective sentence between it and the table. `skip`: title lines."""
    context = Context()
    plain_line: int | None = None  # the first other line above: a heading the format did not mark?
    for index in range(start - 1, floor - 1, -1):
        line = lines[index]
        if index in skip or line.blank or line.cells:
            continue
        if line.level is not None:
            sentence = objective_sentence(line)
            if sentence is not None and context.objective is None:  # "Tavoite 1: …" as a heading
                context.objective, context.objective_index = sentence, index
                continue  # the theme heading stands further up
            if _is_theme(line.text):
                context.heading, context.theme = index, theme_name(line.text)
            break
        if context.objective is None and (sentence := objective_sentence(line)) is not None:
            context.objective, context.objective_index = sentence, index
        elif (theme := labelled_theme(line.text)) is not None:  # "Painopiste: Terveelliset elämäntavat"
            context.heading, context.theme = index, theme
            break
        elif plain_line is None:
            plain_line = index
    if context.theme is None and plain_line is not None and _looks_like_heading(lines[plain_line].text):
        context.heading, context.theme = plain_line, theme_name(lines[plain_line].text)
    return context


def objective_sentence(line: Line) -> Para | None:
    """'Tavoite: Asukkaiden osallisuus lisääntyy.' -> its sentence as a Para."""
    match = _LABELLED.match(line.text)
    if match is None or label_of(_LABEL_NUMBER.sub("", match["label"])) is not Column.objective:
        return None
    return Para((Line(line.no, match["value"].strip(), line.page, None, line.bbox),))


def row_head(line: Line) -> Para | str | None:
    """A table row that heads the rows below it: the objective sentence of a "Tavoite: …"
    row (a Para), or the theme's name of a "Teema 1: …" / "Painopiste 2: …" row, when the
    row is one cell across the table (or its first cell alone carries such a label)."""
    cells = [clean_ws(c) for c in line.cells or ()]
    filled = [c for c in cells if c]
    # the label cell alone, or spilt into the next cell by an unruled print (which goes on in
    # lower case, every later cell empty): never a data row that has an objective cell "Tavoite 1: …"
    alone = len(filled) == 1 or (len(filled) == 2 and cells[:2] == filled and filled[1][:1].islower())
    if not cells or not cells[0] or not alone:
        return None
    text = " ".join(filled)
    if (sentence := objective_sentence(Line(line.no, text, line.page, None, line.bbox))) is not None:
        return sentence
    # a theme: a labelled one ("Painopiste 2: …"), or a short heading-like row across the table;
    # any other row across the table ("Huom. …") is a note, read as a row and kept
    if _labelled_theme(text) or (line.spanning and _looks_like_heading(text)):
        return theme_name(text) or None
    return None


def labelled_theme(text: str) -> str | None:
    """'Painopiste: Terveelliset elämäntavat', 'Teema 2: Osallisuus' -> the theme's name."""
    match = _LABELLED.match(clean_ws(text))
    if match is None or label_of(_LABEL_NUMBER.sub("", match["label"]).strip()) is not Column.priority:
        return None
    return clean_ws(match["value"]) or None


def _labelled_theme(text: str) -> bool:
    """'Painopiste 1: …', 'Teema 2. …': a priority label and a number before the name."""
    match = _THEME_NUMBER.match(text)
    return match is not None and label_of(match[0].strip(" .:)")) is Column.priority


def _is_theme(text: str) -> bool:
    """A heading that can name a theme: not a sector's heading, not a column label."""
    plain = clean_ws(text)
    if not theme_name(plain) or pattern("document_title").search(plain):
        return False  # the document's own title ("… seuranta 2024") names no theme
    return not current_profile().is_sector_heading(plain) and label_of(theme_name(plain)) is None


def _looks_like_heading(text: str) -> bool:
    """A short line of its own, capitalised, without a sentence's end: a heading set in
    bold only, which a PDF does not mark ("Lapsiperheiden hyvinvointi")."""
    plain = clean_ws(text)
    return (0 < len(plain.split()) <= UNMARKED_HEADING_MAX_WORDS and plain[:1].isupper()
            and not plain.endswith((".", ":", ",", ";")) and _is_theme(plain) and not _LABELLED.match(plain))


def theme_name(text: str) -> str:
    """'2. Liikunta', 'Painopistealue 1: Osallisuus' -> the theme's name without numbering
    ("Yli 65 -vuotiaat" keeps its words: only a label word goes with its number)."""
    plain = clean_ws(text)
    match = _THEME_NUMBER.match(plain)
    parts = match[0].split() if match else []
    leading_word = len(parts) >= 2 and not parts[0].rstrip(".:)").isdigit() and not re.fullmatch(r"[IVX]{1,4}\.?", parts[0])
    if leading_word and label_of(parts[0]) not in (Column.priority, Column.objective):
        return plain
    plain = without_list_marker(plain).strip()
    return _THEME_NUMBER.sub("", plain).strip()

