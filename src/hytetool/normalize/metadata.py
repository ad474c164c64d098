"""Document metadata read from the title, table headers and captions.

Kind, reporting period, plan period, sector and council decision are found in the
places a Finnish welfare document puts them: the title ("... toimenpiteet vuodelta
2023, hyvinvointitoimiala"), the outcome column's heading ("Toteuma 1-6/2022"), the
priority column's heading ("Painopisteet (KV 3.10.2022 § 77)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hytetool.model import DocumentKind
from hytetool.normalize.regions import sector_name
from hytetool.textutil import clean_ws
from hytetool.vocabulary import COUNCIL_DECISION, kind_titles, pattern
from hytetool.periods import (MONTHS_TEXT, SPAN_TEXT, YEAR_TEXT, YEARS_TEXT, PeriodError, canonical_period, parse_period,
                              unify_dashes)

_REPORT_PERIOD = re.compile(rf"\btoteuma\s+({MONTHS_TEXT})", re.I)
_MONTHS = re.compile(rf"(?<![\d/])({MONTHS_TEXT})\b")  # "1-6/2022" said alone
# A report's year or years after its name: "Hyvinvointikertomus 2023", "toteutuminen 2023",
# "Laaja hyvinvointikertomus 2021-2024".
_REPORT_YEARS = re.compile(rf"\b(?:{pattern('report_name').pattern})\s+(?:vuonna\s+|år\s+)?({YEARS_TEXT})\b", re.I)
# A span of dates: "Osavuosikatsaus 1.1.-30.6.2022" reports on months 1-6.
_DATE_SPAN = re.compile(rf"\b\d{{1,2}}\.(\d{{1,2}})\.?\s*-\s*\d{{1,2}}\.(\d{{1,2}})\.({YEAR_TEXT})\b")
_YEAR_PHRASE = re.compile(r"\b(?:vuodelta|vuodelle|vuonna|vuosi)\s+(\d{4})\b|\btoimenpiteet\s+(\d{4})\b", re.I)
_PLAN_PERIOD = re.compile(rf"\b({SPAN_TEXT})\b")
_PLAN_CONTEXT = re.compile(r"hyvinvointisuunnitelm|kaupunkistrategia|suunnitelmakau", re.I)
_WELFARE_WORDS = re.compile(rf"hyvinvoin|toimenpi|suunnitelm|katsaus|välfärd|{pattern('report_name').pattern}", re.I)

KIND_TITLES = {
    DocumentKind.plan: "Hyvinvointisuunnitelman toimenpiteet",
    DocumentKind.annual_report: "Hyvinvointityön toteuma",
    DocumentKind.interim_report: "Osavuosiraportti",
    DocumentKind.template: "Hyvinvointisuunnitelman pohja",
}


@dataclass
class Metadata:
    title: str
    kind: DocumentKind
    period: str | None
    year: int | None
    plan_period: str | None
    sector: str | None
    council_decision: str | None


def read_metadata(title_lines: list[str], header_lines: list[str], caption_sectors: list[str | None],
                  furniture: list[str] = ()) -> Metadata:
    """title_lines: leading text; header_lines: table headers; caption_sectors: per table;
    furniture: running page headers and footers. Those often carry what the body leaves
    out ("Osavuosiraportti 1-6/2022 | Sivistystoimiala" at the top of every page), but
    only fill in: whatever the body says wins."""
    title = clean_ws(" ".join(title_lines))
    if not _WELFARE_WORDS.search(title):
        title = ""
    context = unify_dashes(" \n".join([title, *header_lines]))
    running = unify_dashes(" \n".join(dict.fromkeys(clean_ws(f) for f in furniture)))  # each text once
    period = _reporting_period(context) or _months(title) or _reporting_period(running) or _months(running)
    kind = _hinted_kind(context) or _hinted_kind(running) or _kind_by_period(period)
    if kind is DocumentKind.template:
        period = None  # a blank form reports on nothing yet
    plan_period = _plan_period([title, *header_lines]) or _plan_period(running.splitlines())
    sector = sector_name(title) or _shared(caption_sectors) or _running_sector(running)
    decision = COUNCIL_DECISION.search(context) or COUNCIL_DECISION.search(running)
    year = parse_period(period).end_year if period else None
    if not title:
        title = " ".join(x for x in (KIND_TITLES[kind], period or plan_period or "", sector or "") if x)
    return Metadata(title, kind, period, year, plan_period, sector, decision.group(0) if decision else None)


def _reporting_period(context: str) -> str | None:
    if match := _REPORT_PERIOD.search(context):
        return _checked(match[1])
    if match := _YEAR_PHRASE.search(context):
        return match[1] or match[2]
    if match := _DATE_SPAN.search(context):
        return _checked(f"{int(match[1])}-{int(match[2])}/{match[3]}")
    if match := _REPORT_YEARS.search(context):
        return _checked(match[1])
    if match := pattern("status_date").search(context):
        return match[1]
    return None


def _checked(text: str) -> str | None:
    try:
        return canonical_period(text)
    except PeriodError:
        return None


def _months(text: str) -> str | None:
    """A bare reporting period in a title or running header ("Osavuosiraportti 1-6/2022"):
    nothing else there is written that way."""
    match = _MONTHS.search(text)
    return _checked(match[1]) if match else None


def _hinted_kind(context: str) -> DocumentKind | None:
    for pattern, kind in kind_titles():
        if pattern.search(context):
            return DocumentKind(kind)
    return None


def _kind_by_period(period: str | None) -> DocumentKind:
    if period and "/" in period:
        return DocumentKind.interim_report
    return DocumentKind.plan


def _running_sector(running: str) -> str | None:
    """The sector a running header names, when every header that names one agrees."""
    named = {sector_name(line) for line in running.splitlines()} - {None}
    return named.pop() if len(named) == 1 else None


def _plan_period(lines: list[str]) -> str | None:
    for line in lines:
        plain = unify_dashes(line)
        if _PLAN_CONTEXT.search(plain) and (match := _PLAN_PERIOD.search(plain)):
            try:
                return canonical_period(match[1])
            except PeriodError:
                continue
    return None


def _shared(values: list[str | None]) -> str | None:
    """The one sector every table's caption names, if all tables have one and they agree."""
    distinct = {v for v in values if v}
    return distinct.pop() if len(distinct) == 1 and all(values) else None
