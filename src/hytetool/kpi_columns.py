"""What each column of a key-figure table holds, decided once for `hyte kpi` and `hyte render`.

A key-figure (suoritteet / tunnusluvut) table prints its number columns as a column word
and a period: "TP 2021" (tilinpäätös, the actual figure of a closed year), "TA 2022"
(talousarvio, the budget), "TOTEUMA 1-6/2022" (the actual figure so far), "TP-ENNUSTE
2022" (the year-end forecast). The words are data (`kpi_columns` in
data/vocabulary.yaml); the period is read by periods.parse_period like any other. The
columns are found by what they hold, never by their printed names, so next year's
"TA 2024" works without a change.

`key_figure_columns` names the one column per role that the terminal table and the
report both show: the budget is the latest year's ("TA 2023" of [TP 2022, TA 2022,
TA 2023]), the forecast the latest year's, the actual figures so far the part-year
actual, and the previous year the latest closed year before the budget's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from hytetool.periods import DASHES, MONTHS_OF_TEXT, PeriodError, parse_period
from hytetool.vocabulary import kpi_column_alternation, kpi_column_words

MONTHS_IN_YEAR = 12
YEAR_DIGITS = r"\d{4}"  # a column's year as printed
# Vocabulary role of a column word -> what the column holds. TOTEUMA and TP both hold
# actual figures; the months they cover tell the figures so far from a closed year.
KIND_OF_ROLE = {"actual": "actual", "to_date": "actual", "budget": "budget", "forecast": "forecast"}


class ColumnPeriod(NamedTuple):
    """What a key-figure column holds: kind, year and the months it covers."""

    kind: str  # "actual" (TP, TOTEUMA), "budget" (TA), "forecast" (TP-ENNUSTE)
    year: int
    months: tuple[int, int]  # (1, 6) for "1-6/2022", (1, 12) for a whole year

    @property
    def whole_year(self) -> bool:
        return self.months == (1, MONTHS_IN_YEAR)

    @property
    def year_scale(self) -> float:
        """How much the column's figure must be multiplied to compare with a year's:
        2 for "TOTEUMA 1-6/2022", 1 for a whole year."""
        covered = self.months[1] - self.months[0] + 1
        return MONTHS_IN_YEAR / covered if 0 < covered < MONTHS_IN_YEAR else 1.0


@dataclass(frozen=True)
class KeyFigureColumns:
    """The column name of each role in one table; None where the table has none."""

    previous: str | None = None  # TP of a year before the budget's
    budget: str | None = None  # TA of the latest year
    to_date: str | None = None  # TOTEUMA of the months so far
    forecast: str | None = None  # TP-ENNUSTE of the latest year


@cache
def _column_re() -> re.Pattern[str]:
    """A column word, then its period: "TP-ENNUSTE 2022", "TOTEUMA 1–6/2022", "TA2023"."""
    words = sorted({w for ws in kpi_column_words().values() for w in ws}, key=len, reverse=True)
    # A hyphenated word may be printed with a dash, spaces or nothing ("TP ENNUSTE").
    alternation = "|".join(re.escape(w).replace(r"\-", rf"[-{DASHES}\s]*") for w in words)
    return re.compile(rf"^(?P<word>{alternation})\s*(?P<period>\S.*)$", re.I)


@cache
def _kind_of_word() -> dict[str, str]:
    return {_plain(word): KIND_OF_ROLE[role] for role, words in kpi_column_words().items() for word in words}


def _plain(word: str) -> str:
    return re.sub(rf"[-{DASHES}\s]", "", word).lower()


@cache
def _column_in_text_re() -> re.Pattern[str]:
    """A column name inside a header line: a column word and a year, or months of a year."""
    return re.compile(rf"(?:{kpi_column_alternation()})\s*(?:{MONTHS_OF_TEXT})?{YEAR_DIGITS}", re.I)


def columns_in_text(text: str) -> list[str]:
    """The column names a key-figure header line prints, spaced one way:
    "Suorite TP 2021 TA 2022 TOTEUMA 1 - 6/2022" -> ["TP 2021", "TA 2022", "TOTEUMA 1-6/2022"].
    `text` has its dashes unified (periods.unify_dashes)."""
    return [re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", m.group())) for m in _column_in_text_re().finditer(text)]


def column_ends(text: str) -> list[int]:
    """Where each column name of a header line ends (after its period)."""
    return [m.end() for m in _column_in_text_re().finditer(text)]


def column_period(name: str) -> ColumnPeriod | None:
    """'TOTEUMA 1-6/2022' -> ('actual', 2022, (1, 6)); 'TA 2022' -> ('budget', 2022, (1, 12)).

    The schema keeps column names as printed; this derives what the column holds. None
    for a column that is not a key-figure period of one year (Tulot, Menot, Netto).
    """
    match = _column_re().match(" ".join(name.split()))
    if not match:
        return None
    try:
        period = parse_period(match["period"])
    except PeriodError:
        return None
    if period.start_year != period.end_year:
        return None  # "TA 2022-2025" is a plan's frame, not one year's column
    return ColumnPeriod(_kind_of_word()[_plain(match["word"])], period.start_year,
                        (period.start_month, period.end_month))


def key_figure_columns(columns: Sequence[str]) -> KeyFigureColumns:
    """The column of each role (see the module doc); later columns win ties, as printed
    tables put the newest figures right."""
    periods = [(name, p) for name in columns if (p := column_period(name)) is not None]
    budget = _latest(periods, lambda p: p.kind == "budget")
    budget_year = column_period(budget).year if budget else None
    return KeyFigureColumns(
        previous=_latest(periods, lambda p: p.kind == "actual" and p.whole_year
                         and (budget_year is None or p.year < budget_year)),
        budget=budget,
        to_date=_latest(periods, lambda p: p.kind == "actual" and not p.whole_year),
        forecast=_latest(periods, lambda p: p.kind == "forecast"),
    )


def _latest(periods: list[tuple[str, ColumnPeriod]], wanted: Callable[[ColumnPeriod], bool]) -> str | None:
    """The name of the wanted column of the latest year; the last printed among equals."""
    best: tuple[int, str] | None = None
    for name, period in periods:
        if wanted(period) and (best is None or period.year >= best[0]):
            best = (period.year, name)
    return best[1] if best else None
