"""Reading the ways Finnish documents write periods.

Documents write the same period as "1–6/2022", "1-6/2022", "2022–25", "2022-2025",
"v.2021-2025" or "2022 alkaen". The schema stores one canonical spelling (hyphen,
four-digit years) so that years can be compared and grouped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

DASHES = "\u2013\u2014\u2212\u2010\u2011"  # en dash, em dash, minus, hyphens
_DASH_RE = re.compile(f"[{DASHES}]")

# How periods are written inside longer text (after unify_dashes), for the patterns that
# find them there (document metadata, key-figure headers); parse_period reads what they find.
MONTHS_OF_TEXT = r"\d{1,2}\s*-\s*\d{1,2}\s*/\s*"  # "1-6/" before a year
MONTHS_TEXT = rf"{MONTHS_OF_TEXT}\d{{4}}"  # "1-6/2022"
YEAR_TEXT = r"(?:19|20)\d{2}"  # "2023"
SPAN_TEXT = rf"{YEAR_TEXT}\s*-\s*(?:{YEAR_TEXT}|\d{{2}})"  # "2022-2025", "2022-25"
YEARS_TEXT = rf"{YEAR_TEXT}(?:\s*-\s*(?:{YEAR_TEXT}|\d{{2}}))?"  # a year or a span

_MONTHS_RE = re.compile(r"^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_SPAN_RE = re.compile(r"^\s*(\d{4})\s*-\s*(\d{2}|\d{4})\s*$")
_YEAR_RE = re.compile(r"^\s*(\d{4})\s*$")


class PeriodError(ValueError):
    """A period string that does not follow any accepted spelling."""


@dataclass(frozen=True, order=True)
class Period:
    """A span of months: a reporting period ("1-6/2022"), a year or a plan period."""

    start_year: int
    start_month: int
    end_year: int
    end_month: int
    # "1-12/2023" was written with months: keep that spelling (a report period) apart
    # from a bare year "2023" (a plan year), though both cover the same months.
    months_written: bool = field(default=False, compare=False)

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    def covers_year(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def __str__(self) -> str:
        if self.start_year == self.end_year:
            if (self.start_month, self.end_month) == (1, 12) and not self.months_written:
                return str(self.start_year)
            return f"{self.start_month}-{self.end_month}/{self.start_year}"
        return f"{self.start_year}-{self.end_year}"


def unify_dashes(text: str) -> str:
    """Replace en/em dashes and minus signs with a plain hyphen."""
    return _DASH_RE.sub("-", text)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Parse "1-6/2022", "1–12/2023", "2026", "2022–25" or "2022-2025".

    Raises PeriodError with the accepted spellings when nothing fits.
    """
    plain = unify_dashes(text)
    if m := _MONTHS_RE.match(plain):
        first, last, year = int(m[1]), int(m[2]), int(m[3])
        if not (1 <= first <= last <= 12):
            raise PeriodError(f"months {first}-{last} are not a span within one year")
        return Period(year, first, year, last, months_written=True)
    if m := _SPAN_RE.match(plain):
        start = int(m[1])
        end = int(m[2]) if len(m[2]) == 4 else (start // 100) * 100 + int(m[2])
        if end < start:
            raise PeriodError(f"the period ends ({end}) before it starts ({start})")
        return Period(start, 1, end, 12)
    if m := _YEAR_RE.match(plain):
        return Period(int(m[1]), 1, int(m[1]), 12)
    raise PeriodError(
        f"'{text}' is not a period; write e.g. '2023', '1-6/2022' or '2022-2025'"
    )


def canonical_period(text: str) -> str:
    """The canonical spelling of a period: '1–6/2022' -> '1-6/2022', '2022–25' -> '2022-2025'."""
    return str(parse_period(text))


class Dated(Protocol):
    """A document as far as its period goes (model.Document)."""

    period: str | None
    plan_period: str | None


def document_period(doc: Dated) -> str | None:
    """The period a document is about: a report's period, else the plan's period."""
    return doc.period or doc.plan_period


# Sort key of a period no one can read: after every real one.
UNKNOWN_PERIOD_KEY = (9999, 12, 9999, 12)


def period_key(text: str | None) -> tuple[int, int, int, int]:
    """Sort key of a period: start year and month, end year and month; unknown last."""
    if not text:
        return UNKNOWN_PERIOD_KEY
    try:
        p = parse_period(text)
    except PeriodError:
        return UNKNOWN_PERIOD_KEY
    return (p.start_year, p.start_month, p.end_year, p.end_month)
