"""The report's tables besides the goals: status summary, key figures, SDG overview, sources."""

from __future__ import annotations

from typing import Any

from hytetool.model import KpiTable, Status
from hytetool.kpi_columns import key_figure_columns
from hytetool.numbers import format_number
from hytetool.render.sdg import sdg_name
from hytetool.render.selected import Selected

STATUS_ORDER = [Status.done, Status.partial, Status.in_progress, Status.not_done, Status.unknown]


def summary_section(goals: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
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
    total = sum(totals.values())
    return {
        "rows": rows,
        "totals": {**totals, "total": total},
        "shares": {key: percent(count, total) for key, count in totals.items()},
        "statuses": [{"key": s.value, "label": labels[f"status_{s.value}"],
                      "mark": f"{labels[f'symbol_{s.value}']}\u00a0{labels[f'status_{s.value}']}"}
                     for s in STATUS_ORDER],
    }


def percent(count: int, total: int) -> str:
    """'42\u00a0%' as Finnish and Swedish print a share (a no-break space before the sign)."""
    return f"{round(100 * count / total)}\u00a0%" if total else "\u2013"


def chart_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's data as a table beside it: per goal, the count of each status."""
    goals, series = chart_series(summary)
    return [{"goal": goal, **{key: counts[i] for key, counts in series.items()},
             "total": sum(counts[i] for counts in series.values())} for i, goal in enumerate(goals)]


def chart_alt(summary: dict[str, Any], labels: dict[str, str]) -> str:
    """The chart's alternative text, from its data: 'Toimenpiteiden tila: 5 toteutunut, 7 käynnissä, …'."""
    parts = [f"{summary['totals'][s['key']]} {s['label'].lower()}" for s in summary["statuses"]]
    per_goal = "; ".join(
        f"{row['goal']}: " + ", ".join(f"{row[s['key']]} {s['label'].lower()}" for s in summary["statuses"])
        for row in chart_rows(summary))
    return f"{labels['chart_alt']}: " + ", ".join(parts) + (f". {per_goal}." if per_goal else ".")


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


def key_figures(selected: list[Selected], lang: str) -> list[dict[str, Any]]:
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


def sdg_overview(goals: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Per SDG: the actions marked with it one by one, and the goals whose tables carry it as a whole."""
    counts: dict[int, int] = {}
    goal_names: dict[int, list[str]] = {}
    for goal in goals:
        for mark in goal["sdg"]:
            goal_names.setdefault(mark["number"], []).append(goal["name"])
        for sector in goal["sectors"]:
            for action in sector["actions"]:
                for number in action["sdg"]:
                    counts[number] = counts.get(number, 0) + 1
    numbers = sorted(set(counts) | set(goal_names))
    return [{"number": n, "name": sdg_name(n, lang), "count": counts.get(n, 0),
             "goals": ", ".join(goal_names.get(n, []))} for n in numbers]


def source_entry(item: Selected, labels: dict[str, str]) -> dict[str, Any]:
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
        "kind": labels[f"kind_{doc.kind.value}"], "period": doc.period or doc.plan_period or "",
        "sha": source.sha256[:12], "extent": extent,
    }
