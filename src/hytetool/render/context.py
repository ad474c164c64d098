"""What a yearly report says, independent of its format: the template context.

Documents whose period falls in the year (annual and interim reports of that year, and
the plan or template in force) are merged per strategic goal; within a goal, actions
are grouped by sector. Everything is sorted in a fixed order so the same inputs give
the same report, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


from hytetool.model import Action, Document, KpiTable, StrategicGoal, Status
from hytetool.periods import document_period, parse_period, period_key
from hytetool.numbers import format_number
from hytetool.kpi_columns import key_figure_columns
from hytetool.render.sdg import sdg_name
from hytetool.status import effective_status
from hytetool.track import compare, default_registry_path, load_registry, previous_documents, resolve
from hytetool.track.diff import Diff
from hytetool.track.matcher import Tracking
from hytetool.profile import current as current_profile
from hytetool.similarity import is_reworded, same_text

STATUS_ORDER = [Status.done, Status.partial, Status.in_progress, Status.not_done, Status.unknown]


@dataclass
class Selected:
    path: Path
    document: Document
    number: int  # position in the report's source list, 1-based


def years_covered(documents: list[Document]) -> list[int]:
    years: set[int] = set()
    for doc in documents:
        if doc.period:
            years.update(parse_period(doc.period).years)
    return sorted(years)


@dataclass
class History:
    """The other years: shared ids of every input document, and the previous report."""

    tracking: Tracking
    previous: list[Document]
    changes: Diff | None
    # shared id -> (period sort key, period, action) of every action in the inputs
    reports: dict[str, list[tuple[tuple[int, int, int, int], str, Action]]]

    def earlier(self, doc: Document, action: Action) -> tuple[str, Action] | None:
        """The latest earlier report of the same action that has an outcome: (period, action)."""
        sid = self.tracking.shared_id(doc.id, "action", action.id)
        start = period_key(document_period(doc))[:2]
        found = [(key, period, a) for key, period, a in self.reports.get(sid or "", [])
                 if key[2:] < start and a.outcome]
        if not found:
            return None
        _, period, earlier = max(found, key=lambda f: f[0])
        return period, earlier


def _history(selected: list[Selected], inputs: list[Document] | None, paths: list[Path] | None) -> History:
    documents = inputs if inputs is not None else [s.document for s in selected]
    registry = load_registry(default_registry_path(paths)) if paths else None
    tracking = resolve(documents, registry)
    reports: dict[str, list[tuple[tuple[int, int, int, int], str, Action]]] = {}
    for doc in documents:
        for _, action in doc.all_actions():
            sid = tracking.shared_id(doc.id, "action", action.id)
            if sid is not None:
                period = document_period(doc) or ""
                reports.setdefault(sid, []).append((period_key(period), period, action))
    current = [s.document for s in selected]
    previous = previous_documents(documents, current)
    changes = None
    if previous:
        changes = compare(previous, current, tracking, str(document_period(previous[0])), "")
    return History(tracking, previous, changes, reports)


def build_context(selected: list[Selected], year: int, labels: dict[str, str], lang: str, *,
                  inputs: list[Document] | None = None, paths: list[Path] | None = None) -> dict[str, Any]:
    """The template context. `inputs` (every document loaded) and `paths` (where the
    registry is) let the report compare with the previous report; without them only
    the selected documents are known."""
    docs = [s.document for s in selected]
    history = _history(selected, inputs, paths)
    goals = _merge_goals(selected, labels, history)
    plan_periods = sorted({d.plan_period for d in docs if d.plan_period})
    return {
        "labels": labels,
        "lang": lang,
        "year": year,
        "municipality": next((d.municipality for d in docs if d.municipality), ""),
        "plan_period": ", ".join(p.replace("-", "\u2013") for p in plan_periods),
        "covers": [f"{d.title} ({labels['kind_' + d.kind.value]}{', ' + d.period if d.period else ''})"
                   for d in docs],
        "goals": goals,
        "summary": _summary(goals, labels),
        "key_figures": _key_figures(selected, lang),
        "sdg": _sdg_overview(goals, lang),
        "sources": [_source(s, labels) for s in selected],
        "changes": _changes(history, year, labels),
        "chart": None,  # filled in by the format writer (a picture in Word, a link in Markdown)
    }


# ------------------------------------------------------------------ goals


def _merge_goals(selected: list[Selected], labels: dict[str, str], history: History) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for item in selected:
        for goal in item.document.goals:
            entry = merged.setdefault(goal.name.casefold(), _empty_goal(goal))
            _add_goal(entry, goal, item, labels, history)
    out = list(merged.values())
    for entry in out:
        entry["sectors"] = [
            {"name": name, "actions": entry["_sectors"][name]}
            for name in sorted(entry["_sectors"], key=_sector_key)
        ]
        del entry["_sectors"]
    return out


def _empty_goal(goal: StrategicGoal) -> dict[str, Any]:
    return {"name": goal.name, "objectives": [], "priorities": [], "outcomes": [], "_sectors": {}}


def _add_goal(entry: dict[str, Any], goal: StrategicGoal, item: Selected, labels: dict[str, str],
              history: History) -> None:
    doc = item.document
    for objective in goal.objectives:
        _add_unique(entry["objectives"], objective.text)
    for priority in goal.priorities:
        _add_unique(entry["priorities"], priority.text)
    for outcome in goal.outcomes:
        entry["outcomes"].append({
            "text": outcome.text,
            "sector": outcome.sector or doc.sector or labels["all_sectors"],
            "source": _ref(item, outcome.lines, outcome.page, labels),
        })
    objectives = {o.id: o.text for o in goal.objectives}
    for action in goal.actions:
        sector = action.sector or doc.sector or labels["all_sectors"]
        row = _action_row(action, objectives, item, labels)
        earlier = history.earlier(doc, action)
        row["earlier_period"] = earlier[0] if earlier else ""
        row["earlier_outcome"] = (earlier[1].outcome or "") if earlier else ""
        row["earlier_status_label"] = labels[f"status_{effective_status(earlier[1]).value}"] if earlier else ""
        entry["_sectors"].setdefault(sector, []).append(row)


def _add_unique(texts: list[str], text: str) -> None:
    if not any(same_text(text, t) for t in texts):
        texts.append(text)


def _action_row(action: Action, objectives: dict[str, str], item: Selected, labels: dict[str, str]) -> dict:
    status = effective_status(action)
    return {
        "text": action.text,
        "objective": objectives.get(action.objective or "", ""),
        "responsible": ", ".join(action.responsible),
        "schedule": action.schedule or "",
        "indicators": "; ".join(action.indicators),
        "outcome": action.outcome or "",
        "status": status.value,
        "status_label": labels[f"status_{status.value}"],
        "status_derived": action.status is None or action.status_derived,
        "sdg": list(action.sdg),
        "source": _ref(item, action.lines, action.page, labels),
    }


def _sector_key(name: str) -> tuple[int, str]:
    """The municipality profile's order of sectors, then the others by name."""
    return current_profile().sector_rank(name)


def _ref(item: Selected, lines: list[int] | None, page: int | None, labels: dict[str, str]) -> str:
    """'[2] s. 3' or '[2] r. 6–11': the source number and where in it the row stands."""
    if page is not None:
        return f"[{item.number}] {labels['page_abbr']} {page}"
    if lines:
        span = str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}\u2013{lines[1]}"
        return f"[{item.number}] {labels['line_abbr']} {span}"
    return f"[{item.number}]"


# ------------------------------------------------------------------ changes since the previous report


def _change_state(state: Any, labels: dict[str, str]) -> dict[str, str]:
    if state is None:
        return {"outcome": "", "status_label": ""}
    return {"outcome": state.outcome or "", "status_label": labels[f"status_{state.status.value}"]}


def _changes(history: History, year: int, labels: dict[str, str]) -> dict[str, Any]:
    """Actions continued, new and dropped since the latest earlier reporting period."""
    diff = history.changes
    if diff is None:
        return {"previous": "", "current": str(year), "previous_documents": [], "rows": [], "groups": [],
                "counts": {"continued": 0, "new": 0, "dropped": 0}}
    rows, groups = [], []
    for g in diff.groups:
        sector = g.sector or labels["all_sectors"]
        rows.append({"goal": g.goal, "sector": sector, "continued": len(g.continued), "new": len(g.new),
                     "dropped": len(g.dropped)})
        continued = []
        for c in g.continued:
            assert c.before is not None and c.after is not None
            before, after = _change_state(c.before, labels), _change_state(c.after, labels)
            continued.append({
                "text": c.after.text,
                # reworded since (not only retyped): show the earlier wording so a reader can judge the match
                "earlier_text": c.before.text if is_reworded(c.before.text, c.after.text) else "",
                "before_outcome": before["outcome"], "before_status_label": before["status_label"],
                "after_outcome": after["outcome"], "after_status_label": after["status_label"],
            })
        groups.append({
            "goal": g.goal, "sector": sector, "continued": continued,
            "new": [{"text": c.text, **_change_state(c.after, labels)} for c in g.new],
            "dropped": [{"text": c.text, **_change_state(c.before, labels)} for c in g.dropped],
            "absent_now": g.sector_absent_after, "absent_before": g.sector_absent_before,
        })
    return {
        "previous": diff.before, "current": str(year),
        "previous_documents": [d.title for d in history.previous],
        "rows": rows, "groups": groups, "counts": diff.counts(),
    }


# ------------------------------------------------------------------ summary


def _summary(goals: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    rows = []
    totals = {s.value: 0 for s in STATUS_ORDER}
    for goal in goals:
        for sector in goal["sectors"]:
            counts = {s.value: 0 for s in STATUS_ORDER}
            for action in sector["actions"]:
                counts[action["status"]] += 1
                totals[action["status"]] += 1
            rows.append({"goal": goal["name"], "sector": sector["name"], **counts,
                         "total": sum(counts.values())})
    return {
        "rows": rows,
        "totals": {**totals, "total": sum(totals.values())},
        "statuses": [{"key": s.value, "label": labels[f"status_{s.value}"]} for s in STATUS_ORDER],
    }


def chart_series(summary: dict[str, Any]) -> tuple[list[str], dict[str, list[int]]]:
    """Per goal, the action count of each status (sectors added up): the chart's bars."""
    goals: list[str] = []
    for row in summary["rows"]:
        if row["goal"] not in goals:
            goals.append(row["goal"])
    series = {s.value: [sum(r[s.value] for r in summary["rows"] if r["goal"] == g) for g in goals]
              for s in STATUS_ORDER}
    return goals, series


# ------------------------------------------------------------------ key figures


def _key_figures(selected: list[Selected], lang: str) -> list[dict[str, Any]]:
    tables = []
    for item in selected:
        for table in item.document.kpi_tables:
            tables.append(_kpi_table(table, item, lang))
    return tables


def _kpi_table(table: KpiTable, item: Selected, lang: str) -> dict[str, Any]:
    roles = key_figure_columns(table.columns)  # the same columns `hyte kpi` compares
    budget, forecast = roles.budget, roles.forecast
    rows = []
    for row in table.rows:
        b = row.values.get(budget) if budget else None
        f = row.values.get(forecast) if forecast else None
        deviation = f - b if b is not None and f is not None else None
        pct = deviation / b * 100 if deviation is not None and b else None
        rows.append({
            "label": row.label, "parent": row.parent or "", "unit": row.unit or "", "uncertain": row.uncertain,
            "values": [format_number(row.values.get(c), lang) for c in table.columns],
            "budget": format_number(b, lang), "forecast": format_number(f, lang),
            "deviation": format_number(deviation, lang, signed=True),
            "deviation_pct": format_number(pct, lang, signed=True, decimals=1),
        })
    return {
        "sector": table.sector or item.document.sector or "", "area": table.area or "",
        "responsible_person": table.responsible_person or "", "columns": list(table.columns),
        "budget_column": budget or "", "forecast_column": forecast or "", "rows": rows,
        "source": f"[{item.number}]",
    }


# ------------------------------------------------------------------ SDG and sources


def _sdg_overview(goals: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    counts: dict[int, int] = {}
    for goal in goals:
        for sector in goal["sectors"]:
            for action in sector["actions"]:
                for number in action["sdg"]:
                    counts[number] = counts.get(number, 0) + 1
    return [{"number": n, "name": sdg_name(n, lang), "count": counts[n]} for n in sorted(counts)]


def _source(item: Selected, labels: dict[str, str]) -> dict[str, Any]:
    doc = item.document
    source = doc.source
    if source.pages:
        extent = f"{labels['pages_abbr']} {source.pages[0]}\u2013{source.pages[1]}"
    elif source.lines:
        extent = f"{labels['lines_abbr']} {source.lines[0]}\u2013{source.lines[1]}"
    else:
        extent = ""
    return {
        "number": item.number, "title": doc.title, "file": source.file,
        "kind": labels[f"kind_{doc.kind.value}"], "period": document_period(doc) or "",
        "sha": source.sha256[:12], "extent": extent,
    }
