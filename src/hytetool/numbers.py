"""Finnish numbers as printed in key-figure and budget tables: reading them, and writing
them the same way (`format_number`, the one formatter of the report, `hyte kpi` and notes).

Finnish writes "1 036" (a space or a no-break space between thousands groups), "27,7"
(decimal comma), "−27,7" (a minus sign, or a hyphen or en dash from a PDF), "+1 310 855",
"35,7%", "672700 €", "2,5 M €", and "-" for a cell with nothing in it. A PDF text
export then puts a whole table row on one line with nothing but spaces between the
cells: "714 192 600 000 326 777 600 000" is four numbers, but the spaces alone do not
say which. `split_numbers` enumerates the readings and ranks them; the caller decides
what to do when two stay plausible (the KPI reader flags the row uncertain and keeps
no number it is unsure of).

Non-numbers raise NumberError (a ValueError) from `parse_number`: an empty cell and
"-" are None, anything else that is not a number is an error the caller sees, never a
silent None that would read as "empty".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from collections.abc import Iterator, Sequence
from itertools import islice

from hytetool.kpi_columns import column_period

SPACES = " \u00a0\u202f\u2007"  # space, no-break space, narrow no-break space, figure space
MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (PDF exports turn minus into dashes)
_MINUS_CLASS = "\\-\u2212\u2013"  # the same, safe inside a regex character class
# An empty cell, a dash, or a statistics office's "not available" marks (.., x, n/a): no number.
EMPTY_MARKS = frozenset({"", "-", "\u2212", "\u2013", "\u2014", "..", "x", "X", "n/a", "N/A", "e.t."})
MILLION = 1_000_000
# Unit words a cell may carry after its number; the multiplier turns "2,5 M €" into euros.
UNIT_MULTIPLIERS: dict[str, int] = {"m": MILLION, "milj": MILLION, "milj.": MILLION, "miljoonaa": MILLION}
UNITS = frozenset({"€", "%", "e", "euroa", "kpl", "htv", "hlö", "h", "m2"})
# A value is a head of 1-3 digits and at most this many thousands groups: 999 999 999.
# More groups would be a billion, which no municipal key figure or budget line of
# a town reaches, so such a reading is two numbers run together.
MAX_GROUPS = 2
# One value fewer than columns costs as much as a tenfold spread of magnitudes (log10
# units): "Kotihoito 218 830 107 157 214 316" is three alike values with one empty
# cell, not four values of which two are 107 and 157.
MISSING_VALUE_PENALTY = 1.0
# Cutting "5 152" into 5 and 152 reads a single space before three digits as a cell
# boundary, where Finnish print puts a thousands separator; each such cut costs this
# much (log10 units) on top of the magnitudes.
GROUP_BREAK_PENALTY = 0.25
# At most this many readings are scored; a run that allows more (dozens of three-digit
# pieces) is no table row, and its first readings are as good a guess as any (flagged).
MAX_READINGS = 5000
# Two readings whose scores differ by less than this (log10 units, a factor of ~3 in
# magnitude) are both plausible: the row is uncertain.
AMBIGUITY_MARGIN = 0.5

# Writing numbers (format_number).
NO_VALUE = "\u2013"  # an en dash for a missing figure, as in printed budget tables
NO_BREAK_SPACE = "\u00a0"  # between thousands groups: a figure never wraps onto two lines
MINUS_SIGN = "\u2212"  # typeset minus, as Finnish print has it
# Languages printed with a decimal comma and spaces between thousands groups; others
# (English) get "1,036.5" and a hyphen-minus.
DECIMAL_COMMA_LANGUAGES = frozenset({"fi", "sv"})


@dataclass(frozen=True)
class NumberStyle:
    """Where a formatted number goes decides its separators, not its digits."""

    group: str  # between thousands groups (Finnish and Swedish)
    minus: str  # before a negative value (Finnish and Swedish)
    missing: str  # for no value
    as_read: bool = False  # every digit the value has, instead of one decimal at most


REPORT_STYLE = NumberStyle(NO_BREAK_SPACE, MINUS_SIGN, NO_VALUE)  # Word, PDF, Markdown report
TERMINAL_STYLE = NumberStyle(" ", MINUS_SIGN, "")  # `hyte kpi`'s table: an empty cell stays empty
# A value quoted in a YAML note ("not placed in a column: 14000"): as read, ungrouped and
# with a plain minus, so the analyst finds it in the source with a text search.
NOTE_STYLE = NumberStyle("", "-", "-", as_read=True)

_NUMBER_RE = re.compile(
    rf"^(?P<sign>[+{_MINUS_CLASS}]?)[{SPACES}]*(?P<int>\d{{1,3}}(?:[{SPACES}]\d{{3}})+|\d+)(?:,(?P<frac>\d+))?"
    rf"[{SPACES}]*(?P<mult>M|milj\.?|miljoonaa)?[{SPACES}]*(?P<unit>€|%|e|euroa|%-?yks\.?|€/as\.?|€/asukas)?$",
    re.I,
)


class NumberError(ValueError):
    """Text that is not a number, an empty cell or a dash."""


def parse_number(text: str) -> float | None:
    """'1 036' -> 1036.0, '−27,7' -> -27.7, '2,5 M €' -> 2500000.0, '-' or '' -> None.

    Raises NumberError for anything else ('20.9.', 'Kunnan kp.'): the caller decides
    whether that is a note, a label or an error.
    """
    plain = text.strip(SPACES + "\t\n")
    if plain in EMPTY_MARKS:
        return None
    match = _NUMBER_RE.match(plain)
    if not match:
        raise NumberError(f"not a number: {text!r}")
    digits = re.sub(f"[{SPACES}]", "", match["int"]) + (f".{match['frac']}" if match["frac"] else "")
    value = Decimal(digits) * (MILLION if match["mult"] else 1)
    return float(-value if match["sign"] and match["sign"] in MINUS else value)


# ------------------------------------------------------------------ splitting runs of numbers


@dataclass(frozen=True)
class Atom:
    """One space-separated piece of a run of numbers."""

    digits: str  # "714", "541,8", "" for a dash
    sign: str  # "", "+" or "-"
    start: int  # offsets in the text, for the caller's empty-cell cues
    end: int
    boundary: bool  # a cell boundary stands before it (two spaces, a tab, a line break)
    units: tuple[str, ...] = ()  # "€", "kpl" ... after it; a unit ends the value

    @property
    def dash(self) -> bool:
        return not self.digits

    @property
    def group(self) -> bool:
        """Can continue a value as a thousands group: exactly three digits."""
        return bool(re.fullmatch(r"\d{3}(,\d+)?", self.digits)) and not self.sign and not self.boundary

    @property
    def head(self) -> bool:
        """Can start a value: 1-3 digits without a leading zero, or a plain number."""
        whole = self.digits.split(",")[0]
        return bool(whole) and (whole == "0" or not whole.startswith("0") or "," in self.digits)


@dataclass
class Candidate:
    """One reading of a run of numbers."""

    values: list[float | None]
    texts: list[str]
    spans: list[tuple[int, int]]
    units: list[str | None]
    score: float = 0.0
    uncertain: bool = False  # another reading is nearly as good
    alternatives: list[list[float | None]] = field(default_factory=list)


_TOKEN_RE = re.compile(rf"[^{SPACES}\s]+")
_ATOM_RE = re.compile(rf"^(?P<sign>[+{_MINUS_CLASS}]?)(?P<digits>\d+(?:,\d+)?)(?P<unit>€|%)?$")


def atoms(text: str) -> list[Atom] | None:
    """The pieces of a run of numbers, or None when the text holds anything else."""
    out: list[Atom] = []
    pending_sign = ""
    previous_end = None
    for match in _TOKEN_RE.finditer(text):
        token, start = match.group(), match.start()
        gap = text[previous_end:start] if previous_end is not None else ""
        boundary = previous_end is None or _is_boundary(gap)
        previous_end = match.end()
        low = token.lower()
        if token == "+":
            pending_sign = "+"
            continue
        if token in EMPTY_MARKS:
            out.append(Atom("", "", start, match.end(), boundary))
            continue
        if (low in UNITS or low in UNIT_MULTIPLIERS) and out and not out[-1].dash:
            last = out[-1]
            out[-1] = Atom(last.digits, last.sign, last.start, match.end(), last.boundary, (*last.units, token))
            continue
        found = _ATOM_RE.match(token)
        if not found:
            return None
        sign = pending_sign or ("-" if found["sign"] and found["sign"] in MINUS else found["sign"])
        units = (found["unit"],) if found["unit"] else ()
        out.append(Atom(found["digits"], sign, start, match.end(), boundary, units))
        pending_sign = ""
    return out


def _is_boundary(gap: str) -> bool:
    """Two spaces, a tab or a line break between pieces: they are in different cells."""
    return len(gap) >= 2 or "\t" in gap or "\n" in gap


def split_numbers(text: str, columns: int | Sequence[str]) -> list[Candidate]:
    """All readings of a run of numbers, best first ([] when the text is not numbers only).

    A value is a head of 1-3 digits followed by groups of exactly three digits (the
    last may carry a decimal comma), or a plain number (4+ digits, a decimal); a unit
    or a dash ends it. Readings with more values than columns are dropped; the rest are
    scored: MISSING_VALUE_PENALTY per value fewer than columns, GROUP_BREAK_PENALTY per
    thousands group read as a cell of its own, plus the spread of the magnitudes (a
    part-year column, "TOTEUMA 1-6/2022", is scaled to a year first).
    `columns` is the column count or the column names.
    """
    names = list(columns) if not isinstance(columns, int) else []
    count = columns if isinstance(columns, int) else len(names)
    pieces = atoms(text)
    if not pieces:
        return []
    scales = [_year_scale(name) for name in names] if names else []
    out = []
    for cut in islice(_segmentations(pieces, 0, count), MAX_READINGS):
        candidate = _candidate(text, pieces, cut)
        candidate.score = (
            (count - len(candidate.values)) * MISSING_VALUE_PENALTY
            + _breaks(pieces, cut) * GROUP_BREAK_PENALTY
            + spread(candidate.values, scales if len(candidate.values) == count else [])
        )
        out.append(candidate)
    out.sort(key=lambda c: c.score)
    if len(out) >= MAX_READINGS:
        out[0].uncertain = True
    if len(out) > 1 and out[1].score - out[0].score < AMBIGUITY_MARGIN:
        out[0].uncertain = True
        out[0].alternatives = [c.values for c in out[1:] if c.score - out[0].score < AMBIGUITY_MARGIN]
    return out


def _segmentations(pieces: list[Atom], at: int, budget: int) -> Iterator[list[tuple[int, int]]]:
    """Every way to cut pieces[at:] into at most `budget` values: lists of (start, end)."""
    if at == len(pieces):
        yield []
        return
    if budget == 0 or len(pieces) - at > budget * (1 + MAX_GROUPS):  # cannot fit: prune
        return
    first = pieces[at]
    if first.dash:
        ends = [at + 1]
    elif not first.head:
        return
    else:
        ends = [at + 1]
        whole = first.digits.split(",")[0]
        if len(whole) <= 3 and "," not in first.digits and not first.units:
            end = at + 1
            while end < len(pieces) and end - at <= MAX_GROUPS and pieces[end].group:
                end += 1
                ends.append(end)
                if "," in pieces[end - 1].digits or pieces[end - 1].units:
                    break
    for end in ends:
        for rest in _segmentations(pieces, end, budget - 1):
            yield [(at, end), *rest]


def _breaks(pieces: list[Atom], cut: list[tuple[int, int]]) -> int:
    """Value boundaries where the next piece could have been a thousands group of the value before."""
    count = 0
    for (start, end), (nxt, _) in zip(cut, cut[1:]):
        left = pieces[start:end]
        whole = left[0].digits.split(",")[0]
        extendable = not left[0].dash and len(whole) <= 3 and not left[-1].units and "," not in left[-1].digits
        if extendable and end - start <= MAX_GROUPS and pieces[nxt].group:
            count += 1
    return count


def _candidate(text: str, pieces: list[Atom], cut: list[tuple[int, int]]) -> Candidate:
    values, texts, spans, units = [], [], [], []
    for start, end in cut:
        part = pieces[start:end]
        span = (part[0].start, part[-1].end)
        values.append(None if part[0].dash else _value(part))
        texts.append(text[span[0] : span[1]])
        spans.append(span)
        units.append(_unit(part[-1].units))
    return Candidate(values, texts, spans, units)


def _value(part: list[Atom]) -> float:
    digits = "".join(a.digits for a in part).replace(",", ".")
    value = Decimal(digits)
    if any(u.lower() in UNIT_MULTIPLIERS for u in part[-1].units):
        value *= MILLION
    return float(-value if part[0].sign == "-" else value)


def _unit(units: tuple[str, ...]) -> str | None:
    named = [u for u in units if u.lower() not in UNIT_MULTIPLIERS]
    return ("€" if named[-1].lower() in {"e", "euroa"} else named[-1]) if named else None


def spread(values: Sequence[float | None], scales: Sequence[float] = ()) -> float:
    """Max minus min of log10 |value| over the non-zero values; 0 for fewer than two.

    `scales` (one per value) turns a part-year figure into a yearly one first, so that
    "TOTEUMA 1-6/2022" of 326 777 sits beside a budget of 600 000.
    """
    logs = [
        math.log10(abs(v) * (scales[i] if scales else 1.0))
        for i, v in enumerate(values)
        if v is not None and v != 0
    ]
    return max(logs) - min(logs) if len(logs) > 1 else 0.0


def _year_scale(name: str) -> float:
    """How much a column's figure must be multiplied to compare with a year's: 2 for an
    actual of 1-6; 1 for budgets and forecasts, which are for the whole year anyway."""
    period = column_period(name)
    return period.year_scale if period is not None and period.kind == "actual" else 1.0


# ------------------------------------------------------------------ writing numbers


def format_number(value: float | None, lang: str = "fi", *, signed: bool = False, decimals: int | None = None,
                  style: NumberStyle = REPORT_STYLE) -> str:
    """1036 -> '1 036', 27.7 -> '27,7', signed -> '+1 200' / '−3,5' (Finnish print).

    `decimals`: places to show; by default none for a whole number and one otherwise
    (key figures are counts, deviations percentages). Zero, and a value that rounds to
    zero, carry no sign.
    """
    if value is None:
        return style.missing
    if value == 0:
        return "0"
    whole, _, fraction = _digits(abs(float(value)), decimals, style.as_read).partition(".")
    if lang in DECIMAL_COMMA_LANGUAGES:
        group, point, minus = style.group, ",", style.minus
    else:
        group, point, minus = ",", ".", "-"
    text = _grouped(whole, group) + (point + fraction if fraction else "")
    if not text.strip("0" + point + group):
        return text  # rounds to zero
    return (minus if value < 0 else "+" if signed else "") + text


def _digits(value: float, decimals: int | None, as_read: bool) -> str:
    """The unsigned digits with a decimal point, before grouping."""
    if as_read:
        return str(int(value)) if value.is_integer() else repr(value)
    places = decimals if decimals is not None else (0 if value.is_integer() else 1)
    return f"{value:.{places}f}"


def _grouped(whole: str, group: str) -> str:
    """'1036000' -> '1 036 000' with `group` between thousands groups."""
    head = len(whole) % 3 or 3
    return group.join([whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))])
