"""The welfare-plan vocabulary as matchers, built from one data file.

`data/vocabulary.yaml` lists, per column role, the words that name it in Finnish,
Swedish and English, and the patterns of captions, section lines, key-figure columns
and document kinds. Everything that recognises a heading (the readers' header-row test,
the normalizer's regions, `hyte inspect`) asks this module, so a heading word added to
the file, or to a municipality profile's `headings`, reaches every format at once.

This module sits below the readers and the normalizer: both import it, it imports
neither. A profile's extra heading words apply through `using(...)` for the extraction
of one document (the matchers are reached from deep inside the layout code, where
passing the vocabulary through every call would touch every signature).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from typing import TypeVar
from importlib import resources

from hytetool import fastyaml
from hytetool.alternation import first_letter_alternation
from hytetool.paths import VOCABULARY_RESOURCE
from hytetool.textutil import clean_ws
from hytetool.periods import unify_dashes


class Column(str, Enum):
    """The roles a welfare-plan table column can play."""

    priority = "priority"  # painopiste, painopistealue, teema
    objective = "objective"  # tavoite
    action = "action"  # toimenpide
    responsible = "responsible"  # vastuutaho, kuka vastaa
    partners = "partners"  # yhteistyökumppanit
    schedule = "schedule"  # aikataulu, when it has a column of its own
    resources = "resources"  # resurssit
    indicators = "indicators"  # mittarit, arviointi
    baseline = "baseline"  # lähtötaso
    target = "target"  # tavoitetaso
    outcome = "outcome"  # toteuma, toteutuminen
    status = "status"  # liikennevalo
    sdg = "sdg"  # SDG
    other = "other"  # a column no word names: its cells go to the record's extra, never guessed


# Roles the record builder reads today; a column of another role is kept, cell by cell,
# as unplaced content with its heading (never dropped, never guessed into a field).
READ_ROLES = frozenset({Column.priority, Column.objective, Column.action, Column.responsible, Column.partners,
                        Column.schedule, Column.resources, Column.indicators, Column.baseline, Column.target,
                        Column.outcome, Column.status, Column.sdg})


# In a term, "####" stands for a year: "tavoite ####" is "Tavoite 2025", a target column.
YEAR_WORD = "####"
YEAR_REGEX = r"(?:19|20)\d\d"
YEAR_FIRST_CHARS = frozenset("12")  # what a YEAR_REGEX match starts with (for first_letter_alternation)


@dataclass(frozen=True)
class Term:
    """One heading word: `stem` matches longer words too; `tail` is how many more words a
    lone label may carry (None: any number)."""

    words: str
    stem: bool = False
    tail: int | None = 0
    source: str = "vocabulary"  # or "profile": where the word came from (hyte inspect says)

    @staticmethod
    def parse(text: str, source: str = "vocabulary") -> Term:
        text = text.strip()
        if text.endswith(" ..."):
            return Term(text[:-4].strip(), tail=None, source=source)
        if (match := re.fullmatch(r"(.+?)\s+\+(\d)", text)) is not None:
            return Term(match[1], tail=int(match[2]), source=source)
        if text.endswith("*"):
            return Term(text[:-1], stem=True, source=source)
        return Term(text, source=source)

    def regex(self) -> str:
        return rf"\b{self.body()}"

    def body(self) -> str:
        """The regex after the leading word boundary (the header alternation factors it out)."""
        body = r"\s+".join(YEAR_REGEX if word == YEAR_WORD else re.escape(word) for word in self.words.split())
        return body + (r"[\wåäö-]*" if self.stem else r"\b")

    def first_chars(self) -> frozenset[str] | None:
        """The characters a match must start with, or None when the term has no words."""
        words = self.words.split()
        return None if not words else YEAR_FIRST_CHARS if words[0] == YEAR_WORD else frozenset(words[0][0])


# Answers a vocabulary remembers per matcher: a page asks about its lines again (header
# test, then table-end test; the normalizer asks a heading several times): 2-4 times on
# the fixtures. Bounded, so a batch of many documents does not grow it without end.
MEMO_SIZE = 8192
_T = TypeVar("_T")


@dataclass
class Vocabulary:
    """Column terms by role plus the structural patterns; `extended` adds a profile's words."""

    terms: dict[Column, list[Term]]
    min_header_columns: int
    first_columns: tuple[Column, ...]
    header_cell_max_words: int
    _header: re.Pattern[str] = field(init=False, repr=False)
    _roles: dict[str, Column] = field(init=False, repr=False)
    _labels: list[tuple[re.Pattern[str], Column]] = field(init=False, repr=False)
    _label: re.Pattern[str] = field(init=False, repr=False)
    _columns_memo: dict[str, tuple[Column, ...]] = field(init=False, repr=False, compare=False, default_factory=dict)
    _label_memo: dict[str, Column | None] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        # every term in one alternation, longest first: at one place the longest term wins
        pairs = sorted(((t, c) for c, ts in self.terms.items() for t in ts), key=lambda p: -len(p[0].words))
        self._roles = {f"t{i}": column for i, (_, column) in enumerate(pairs)}
        self._header = re.compile(header_alternation([t for t, _ in pairs]), re.I)
        self._labels = [(re.compile(_label_regex(t), re.I), c) for t, c in pairs]  # one by one: for explain()
        self._label = re.compile(label_alternation([t for t, _ in pairs]), re.I)
        self._terms = {f"t{i}": term for i, (term, _) in enumerate(pairs)}

    def extended(self, extra: dict[str, list[str]]) -> Vocabulary:
        """This vocabulary with a profile's extra heading words (role name -> terms)."""
        terms = {column: list(found) for column, found in self.terms.items()}
        for role, words in extra.items():
            terms.setdefault(Column(role), []).extend(Term.parse(w, "profile") for w in words)
        return Vocabulary(terms, self.min_header_columns, self.first_columns, self.header_cell_max_words)

    def header_columns(self, text: str) -> tuple[Column, ...]:
        """Columns a one-line header names, each once, in the order they appear."""
        if (known := self._columns_memo.get(text)) is not None:
            return known
        found: list[Column] = []
        for match in self._header.finditer(clean_ws(text)):
            column = self._roles[match.lastgroup or ""]
            if column not in found:
                found.append(column)
        return _remember(self._columns_memo, text, tuple(found))

    def label_of(self, text: str) -> Column | None:
        """The column a lone label names ("Toimenpiteet", "Toteuma 1-12/2023")."""
        if text in self._label_memo:
            return self._label_memo[text]
        match = self._label.match(clean_ws(unify_dashes(text)))
        return _remember(self._label_memo, text, self._roles[match.lastgroup or ""] if match else None)

    def cell_label(self, cell: str) -> Column | None:
        """The column a header cell names: an exact label, else the first heading word of
        a short cell (Word headers are longer than the lone labels of text exports)."""
        plain = clean_ws(cell)
        if _SENTENCE_BREAK.search(re.sub(r"\([^)]*\)", "", plain)):  # "Toteutunut. Kohtaamispaikka avattiin.": prose, not a heading
            return None
        if (label := self.label_of(cell)) is not None:
            return label
        if len(plain.split()) > self.header_cell_max_words:
            return None
        columns = self.header_columns(plain)
        return columns[0] if columns else None

    def explain(self, cell: str) -> str:
        """Why a header cell got its role: the word that named it and where the word is
        from ("heading word 'vastuu*' (vocabulary)"), for `hyte inspect`."""
        plain = clean_ws(unify_dashes(cell))
        for (regex, column), term in zip(self._labels, self._terms.values()):
            if regex.match(plain):
                return f"{column.value}: heading '{term.words}' ({term.source})"
        if len(plain.split()) <= self.header_cell_max_words and (match := self._header.search(plain)):
            term = self._terms[match.lastgroup or ""]
            return f"{self._roles[match.lastgroup or ''].value}: heading word '{match[0]}' ({term.source})"
        return "no role: no heading word; its cells go to each record's extra under its heading"

    def header_row(self, cells: tuple[str, ...] | list[str], opens_table: bool = False) -> tuple[Column, ...] | None:
        """The one header-row test (Word, Excel, PDF and tab-separated rows alike): the
        cells name `min_header_columns` columns, or all their filled cells but one (a
        narrow table: "Toimenpide | Vastuu | Lisätieto"), or, where a table opens (after
        prose, a heading or nothing), an action and one more column.
        Returns the roles per cell,
        `other` where a cell names none."""
        labels = tuple(self.cell_label(cell) if cell.strip() else None for cell in cells)
        named = sum(label is not None for label in labels)
        filled = sum(1 for cell in cells if cell.strip())
        # an action column with one more named column heads a table whatever the other
        # headings say: their roles then come from the cells (normalize/column_roles.py)
        anchored = opens_table and Column.action in labels and named >= 2
        if named >= min(self.min_header_columns, filled) >= 2 or named >= filled - 1 >= 2 or anchored:
            return tuple(label or Column.other for label in labels)
        return None

    def header_line(self, text: str) -> tuple[Column, ...] | None:
        """A one-line header of a row-by-row table: enough roles, the first an objective
        or priority ("Tavoite Toimenpiteet Vastuu Mittarit Toteuma")."""
        columns = self.header_columns(text)
        if len(columns) >= self.min_header_columns and columns[0] in self.first_columns:
            return columns
        return None


def _remember(memo: dict[str, _T], key: str, value: _T) -> _T:
    """Keep an answer (MEMO_SIZE at most: a full memo starts over) and return it."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


# A sentence ends inside the cell and another begins: a heading cell never does that.
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ0-9]")


def _label_regex(term: Term) -> str:
    return rf"^{term.regex()}{_label_tail(term)}$"


def _label_tail(term: Term) -> str:
    return ".*" if term.tail is None else rf"(?:\s+\S+){{0,{term.tail}}}"  # any heading goes on: "Toteuma:"


def header_alternation(terms: list[Term]) -> str:
    """The plain alternation `(?P<t0>\\bterm0)|(?P<t1>\\bterm1)|…` (re.I), rewritten to
    match the same, group for group, fast: that one tried every term at every character of
    a line (150 µs a line, the largest cost of a PDF page once the parse is cheap)."""
    return first_letter_alternation([t.first_chars() for t in terms], [t.body() for t in terms])


def label_alternation(terms: list[Term]) -> str:
    """One regex naming, as group `t{i}`, the first term whose own label regex
    (_label_regex) matches the whole cell: each branch ends in `$`, and an alternation
    tries a branch to the end before the next, as the loop over the regexes did."""
    return "^" + first_letter_alternation([t.first_chars() for t in terms],
                                          [t.body() + _label_tail(t) + "$" for t in terms])


@cache
def _data() -> dict:
    text = resources.files("hytetool").joinpath(VOCABULARY_RESOURCE).read_text(encoding="utf-8")
    return fastyaml.load(text)  # the one fast YAML reader; duplicate keys refused


@cache
def base() -> Vocabulary:
    """The shipped vocabulary, without any profile's words."""
    data = _data()
    terms = {Column(role): [Term.parse(t) for lang in langs.values() for t in lang]
             for role, langs in data["columns"].items()}
    return Vocabulary(terms, int(data["min_header_columns"]), tuple(Column(c) for c in data["first_columns"]),
                      int(data["header_cell_max_words"]))


# Vocabularies with a profile's words kept built: a batch has one profile, a test suite a few.
PROFILES_KEPT = 8
_ACTIVE: ContextVar[Vocabulary | None] = ContextVar("hyte_vocabulary", default=None)


def current() -> Vocabulary:
    """The vocabulary of the document being read: the shipped one plus its profile's words."""
    return _ACTIVE.get() or base()


@contextmanager
def using(extra: dict[str, list[str]] | None) -> Iterator[Vocabulary]:
    """Read with a profile's extra heading words for the duration of the block."""
    vocabulary = _extended(tuple((role, tuple(words)) for role, words in extra.items())) if extra else base()
    token = _ACTIVE.set(vocabulary)
    try:
        yield vocabulary
    finally:
        _ACTIVE.reset(token)


@lru_cache(maxsize=PROFILES_KEPT)
def _extended(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Vocabulary:
    """The shipped vocabulary with a profile's words, built once per profile, not per document."""
    return base().extended({role: list(words) for role, words in extra})


def header_columns(text: str) -> tuple[Column, ...]:
    return current().header_columns(text)


def label_of(text: str) -> Column | None:
    return current().label_of(text)


def cell_label(cell: str) -> Column | None:
    return current().cell_label(cell)


def header_row(cells: tuple[str, ...] | list[str], opens_table: bool = False) -> tuple[Column, ...] | None:
    return current().header_row(cells, opens_table)


def header_line(text: str) -> tuple[Column, ...] | None:
    return current().header_line(text)


def pattern(name: str) -> re.Pattern[str]:
    """A structural pattern of the vocabulary file, compiled once."""
    return _patterns()[name]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    exact = set(data.get("case_sensitive", []))
    return {name: re.compile(source, 0 if name in exact else re.I) for name, source in data["patterns"].items()}


@cache
def kind_titles() -> list[tuple[re.Pattern[str], str]]:
    """(title pattern, document kind), first match wins."""
    return [(re.compile(source, re.I), kind) for kind, source in _data()["kind_titles"]]


@cache
def kpi_column_words() -> dict[str, list[str]]:
    """Key-figure column words by role: actual (TP), budget (TA), to_date, forecast."""
    return {role: list(words) for role, words in _data()["kpi_columns"].items()}


def kpi_column_alternation() -> str:
    """All key-figure column words as one regex alternation, longest first (TP-ENNUSTE before TP)."""
    words = sorted({w for ws in kpi_column_words().values() for w in ws}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def section_starts() -> tuple[re.Pattern[str], ...]:
    """Lines that open a section of a sector's report; a table never goes on past one."""
    return tuple(pattern(name) for name in _data()["section_starts"])


@cache
def status_words() -> dict[str, dict[str, list[str]]]:
    """Status words as documents write them, by schema status and language."""
    return {status: dict(langs) for status, langs in _data()["status"].items()}


@cache
def traffic_light_words() -> dict[str, dict[str, list[str]]]:
    return {status: dict(langs) for status, langs in _data()["traffic_lights"].items()}


@cache
def status_word_table() -> tuple[tuple[str, str], ...]:
    """Every status and traffic-light word (casefolded) with its schema value, longest
    first so that "osittain toteutunut" is found before "toteutunut"."""
    pairs = [(word.casefold(), status) for table in (status_words(), traffic_light_words())
             for status, langs in table.items() for words in langs.values() for word in words]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def status_value(text: str | None) -> str | None:
    """The schema's status value a cell or a hand-edited field names in the document's
    words ("Toteutunut", "vihreä", "delvis genomförd"), or None."""
    plain = " ".join((text or "").split()).casefold().strip(" .!:;-–")
    if plain in {status for _, status in status_word_table()} | {"unknown"}:
        return plain  # the schema's own value ("in_progress")
    return next((status for word, status in status_word_table() if plain == word), None)


# The structural patterns by name, for the modules that match them line by line.
OBJECTIVES_MARKER = pattern("objectives_marker")
PRIORITIES_MARKER = pattern("priorities_marker")
GOAL_CAPTION = pattern("goal_caption")
KPI_TITLE = pattern("kpi_title")
KPI_HEADER = pattern("kpi_header")
AREA = pattern("area")
PERSON = pattern("person")
BUDGET_START = pattern("budget_start")
COUNCIL_DECISION = pattern("council_decision")
RUNNING_PAGE_NUMBER = pattern("running_page_number")
WELFARE_TITLE = pattern("welfare_title")
INDICATOR_HINT = pattern("indicator_hint")
TITLE_RE = pattern("official_title")
UNIT_LINE = pattern("unit_line")
SCHEDULE_RE = pattern("schedule")
SDG_ITEM = pattern("sdg_item")
