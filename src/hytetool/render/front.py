"""The title page and the one-page summary (tiivistelmä) a council reads first.

The title says what the year holds, so a reader is never misled: a year with an annual
report is "Hyvinvointikertomus 2023"; a year covered only by an interim report says
"tilanne 1–6/2022"; a year with only a plan is "Hyvinvointisuunnitelma 2026" (and its
tables leave the empty outcome and status columns out).
"""

from __future__ import annotations

import calendar
from typing import Any

from hytetool.model import DocumentKind
from hytetool.periods import Period, PeriodError, parse_period
from hytetool.render.selected import Selected

NOTABLE_PER_GOAL = 3  # done and not-done actions named per goal in the summary: one page in all
NOTABLE_TEXT = 110  # characters of an action's text in the summary
REPORTS = (DocumentKind.annual_report, DocumentKind.interim_report)


def _period(text: str | None) -> Period | None:
    try:
        return parse_period(text) if text else None
    except PeriodError:
        return None


def _full_year(period: Period, year: int) -> bool:
    return (period.start_year, period.start_month, period.end_year, period.end_month) == (year, 1, year, 12)


def _span(period: Period) -> str:
    """'1–6/2022' as reports print a part of a year."""
    if period.start_year == period.end_year:
        return f"{period.start_month}\u2013{period.end_month}/{period.end_year}"
    return f"{period.start_month}/{period.start_year}\u2013{period.end_month}/{period.end_year}"


def year_kind(selected: list[Selected], year: int) -> tuple[str, Period | None]:
    """'report', 'interim' or 'plan', and the reporting period the data reaches."""
    periods = [(item.document.kind, p) for item in selected if item.document.kind in REPORTS
               and (p := _period(item.document.period)) is not None and p.covers_year(year)]
    if any(kind is DocumentKind.annual_report or _full_year(p, year) for kind, p in periods):
        return "report", max((p for _, p in periods), key=lambda p: (p.end_year, p.end_month))
    if periods:
        return "interim", max((p for _, p in periods), key=lambda p: (p.end_year, p.end_month))
    return "plan", None


def front_matter(selected: list[Selected], year: int, labels: dict[str, str]) -> dict[str, Any]:
    docs = [s.document for s in selected]
    kind, reached = year_kind(selected, year)
    if kind == "plan":
        title, subtitle = f"{labels['plan_title']} {year}", labels["plan_subtitle"]
    elif kind == "interim" and reached is not None:
        title = f"{labels['report_title']} {year}, {labels['interim_status']} {_span(reached)}"
        subtitle = labels["interim_subtitle"]
    else:
        title, subtitle = f"{labels['report_title']} {year}", labels["report_subtitle"]
    as_of = ""
    if reached is not None:
        last_day = calendar.monthrange(reached.end_year, reached.end_month)[1]
        as_of = f"{last_day}.{reached.end_month}.{reached.end_year}"
    plan_periods = sorted({d.plan_period for d in docs if d.plan_period})
    return {
        "title": title,
        "subtitle": subtitle,
        "plan": kind == "plan",
        "interim": _span(reached) if kind == "interim" and reached is not None else "",
        "municipality": next((d.municipality for d in docs if d.municipality), ""),
        "plan_period": ", ".join(p.replace("-", "\u2013") for p in plan_periods),
        "council_decisions": sorted({d.council_decision for d in docs if d.council_decision}),
        "data_as_of": as_of,
    }


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NOTABLE_TEXT else flat[: NOTABLE_TEXT - 1].rstrip() + "\u2026"


def digest(context: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """The summary for the council: statuses with shares, notable actions per goal, changes, gaps."""
    summary = context["summary"]
    total = summary["totals"]["total"]
    goals = []
    for goal in context["goals"]:
        actions = [a for sector in goal["sectors"] for a in sector["actions"]]
        goals.append({
            "name": goal["name"], "count": len(actions),
            "done": [_short(a["text"]) for a in actions if a["status"] == "done" and a["text"].strip()][
                :NOTABLE_PER_GOAL],
            "not_done": [_short(a["text"]) for a in actions if a["status"] == "not_done" and a["text"].strip()][
                :NOTABLE_PER_GOAL],
        })
    notes, changed = [], []
    changes = context["changes"]
    if changes["previous"] and not context["plan"]:
        changed.append(labels["digest_changes"].format(previous=changes["previous"], **changes["counts"]))
        if changes["not_reported_sectors"]:
            changed.append(labels["digest_not_reported"].format(
                sectors=", ".join(changes["not_reported_sectors"]), n=changes["counts"]["not_reported"],
                previous=changes["previous"]))
    if context["interim"]:
        notes.append(labels["digest_interim"].format(period=context["interim"]))
    if not context["plan"]:
        missing = sum(1 for g in context["goals"] for s in g["sectors"] for a in s["actions"] if not a["outcome"])
        if missing:
            notes.append(labels["digest_no_outcome"].format(n=missing))
    uncertain = sum(1 for t in context["key_figures"] for r in t["rows"] if r["uncertain"])
    if uncertain:
        notes.append(labels["digest_uncertain"].format(n=uncertain))
    statuses = [{**s, "count": summary["totals"][s["key"]], "share": summary["shares"][s["key"]]}
                for s in summary["statuses"]]
    lead = (labels["digest_plan"] if context["plan"] else labels["digest_report"]).format(
        n=total, goals=len(context["goals"]))
    return {"lead": lead, "statuses": statuses, "goals": goals, "changes": changed, "notes": notes}
