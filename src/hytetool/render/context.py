"""What a yearly report says, independent of its format: the template context.

Documents whose period falls in the year (annual and interim reports of that year, and
the plan or template in force) are merged per strategic goal; within a goal, actions
are grouped by sector. Everything is sorted in a fixed order so the same inputs give
the same report, byte for byte.

Two audiences: the council's report (default) carries no file names, line references,
checksums or derivation notes; `review` adds them for the analyst. A plan year has no
outcomes, so its tables leave the outcome and status columns out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hytetool.model import Action, Document, StrategicGoal
from hytetool.profile import current as current_profile
from hytetool.render.front import digest, front_matter
from hytetool.render.history import History, build_history, changes_section
from hytetool.render.sections import (
    chart_alt, chart_rows, key_figures, sdg_overview, source_entry, summary_section,
)
from hytetool.render.selected import Selected, years_covered
from hytetool.render.sdg import sdg_name
from hytetool.similarity import same_text
from hytetool.status import effective_status

__all__ = ["Selected", "build_context", "years_covered"]

# A table whose actions (at least two) all carry the same SDG marks had one stack for
# the whole table (a column merged over every row): the marks belong to the goal.
TABLE_WIDE_SDG_MIN_ACTIONS = 2
AUDIENCES = ("council", "review")


def build_context(selected: list[Selected], year: int, labels: dict[str, str], lang: str, *,
                  inputs: list[Document] | None = None, paths: list[Path] | None = None,
                  audience: str = "council") -> dict[str, Any]:
    """The template context. `inputs` (every document loaded) and `paths` (where the
    registry is) let the report compare with the previous report; without them only
    the selected documents are known."""
    if audience not in AUDIENCES:
        from hytetool.render.templates import RenderError

        raise RenderError(f"unknown audience '{audience}'; use council or review")
    docs = [s.document for s in selected]
    history = build_history(selected, inputs, paths)
    goals = _merge_goals(selected, labels, history, lang)
    front = front_matter(selected, year, labels)
    summary = summary_section(goals, labels)
    changes = changes_section(history, year, labels)
    figures = key_figures(selected, lang)
    context = {
        "labels": labels,
        "lang": lang,
        "year": year,
        "review": audience == "review",
        **front,
        "covers": [f"{d.title} ({labels['kind_' + d.kind.value]}{', ' + d.period if d.period else ''})"
                   for d in docs],
        "goals": goals,
        "summary": summary,
        "chart_rows": chart_rows(summary),
        "chart_alt": chart_alt(summary, labels),
        "key_figures": figures,
        "sdg": sdg_overview(goals, lang),
        "sources": [source_entry(s, labels) for s in selected],
        "changes": changes,
        "chart": None,  # filled in by the format writer (a picture in Word, a link in Markdown)
    }
    context["digest"] = digest(context, labels)
    return context


# ------------------------------------------------------------------ goals


def _merge_goals(selected: list[Selected], labels: dict[str, str], history: History,
                 lang: str) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for item in selected:
        for goal in item.document.goals:
            entry = merged.setdefault(goal.name.casefold(), _empty_goal(goal))
            _add_goal(entry, goal, item, labels, history)
    out = list(merged.values())
    for entry in out:
        entry["sdg"] = [{"number": n, "name": sdg_name(n, lang)} for n in sorted(entry["sdg"])]
        entry["sectors"] = [
            {"name": name, "actions": entry["_sectors"][name]}
            for name in sorted(entry["_sectors"], key=_sector_key)
        ]
        del entry["_sectors"]
    return out


def _empty_goal(goal: StrategicGoal) -> dict[str, Any]:
    return {"name": goal.name, "objectives": [], "priorities": [], "outcomes": [], "sdg": set(), "_sectors": {}}


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
    table_wide = _table_wide_sdg(goal, doc)
    for action in goal.actions:
        sector = action.sector or doc.sector or labels["all_sectors"]
        row = _action_row(action, objectives, item, labels)
        if table_wide.get(action.sector or doc.sector or "") is not None:  # the goal's marks, shown once under the goal
            entry["sdg"].update(row["sdg"])
            row["sdg"] = []
        earlier = history.earlier(doc, action)
        row["earlier_period"] = earlier[0] if earlier else ""
        row["earlier_outcome"] = (earlier[1].outcome or "") if earlier else ""
        row["earlier_status_label"] = labels[f"status_{effective_status(earlier[1]).value}"] if earlier else ""
        entry["_sectors"].setdefault(sector, []).append(row)


def _table_wide_sdg(goal: StrategicGoal, doc: Document) -> dict[str, tuple[int, ...] | None]:
    """Per sector of `goal`: the SDG stack every action carries alike (a table-wide column), or None."""
    stacks: dict[str, list[tuple[int, ...]]] = {}
    for action in goal.actions:
        stacks.setdefault(action.sector or doc.sector or "", []).append(tuple(sorted(action.sdg)))
    return {sector: (found[0] if len(found) >= TABLE_WIDE_SDG_MIN_ACTIONS and found[0] and len(set(found)) == 1
                     else None)
            for sector, found in stacks.items()}


def _add_unique(texts: list[str], text: str) -> None:
    if not any(same_text(text, t) for t in texts):
        texts.append(text)


def _action_row(action: Action, objectives: dict[str, str], item: Selected, labels: dict[str, str]) -> dict:
    status = effective_status(action)
    return {
        "text": action.text,
        "objective": objectives.get(action.objective or "", ""),
        "responsible": _who(action, labels),
        "schedule": action.schedule or "",
        "indicators": _measured(action, labels),
        "outcome": action.outcome or "",
        "status": status.value,
        "status_label": labels[f"status_{status.value}"],
        # told by a symbol and a word, never by colour alone (WCAG 1.4.1)
        "status_mark": f"{labels[f'symbol_{status.value}']}\u00a0{labels[f'status_{status.value}']}",
        "status_derived": action.status is None or action.status_derived,
        "sdg": list(action.sdg),
        "source": _ref(item, action.lines, action.page, labels),
        "source_file": item.document.source.file,  # shown to the analyst (--audience review) only
    }


def _who(action: Action, labels: dict[str, str]) -> str:
    """Responsible parties, then partners and resources where the document names them
    (one cell: who does it, with whom, with what)."""
    parts = [", ".join(action.responsible)]
    if action.partners:
        parts.append(f"{labels['partners']}: {', '.join(action.partners)}")
    if action.resources:
        parts.append(f"{labels['resources']}: {action.resources}")
    return "; ".join(p for p in parts if p)


def _measured(action: Action, labels: dict[str, str]) -> str:
    """Indicators, with the baseline and target level where the document gives them."""
    levels = [f"{labels[name]} {value}" for name, value in (("baseline", action.baseline), ("target", action.target))
              if value]
    text = "; ".join(action.indicators)
    return f"{text} ({', '.join(levels)})" if levels and text else text or ", ".join(levels)


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

