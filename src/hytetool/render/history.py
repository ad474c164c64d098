"""The other years: shared ids across documents, the previous report, and the changes since.

"Dropped" means the previous report had the action and this year's reports of the same
sector do not; a sector that sent no report this year is told apart ("did not report"),
in the groups and in the totals, so a missing sector is never read as 72 dropped actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hytetool.model import Action, Document
from hytetool.render.selected import Selected
from hytetool.track import compare, default_registry_path, load_registry, previous_documents, resolve
from hytetool.track.diff import Diff
from hytetool.periods import document_period, period_key
from hytetool.similarity import is_reworded
from hytetool.track.matcher import Tracking



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


def build_history(selected: list[Selected], inputs: list[Document] | None, paths: list[Path] | None) -> History:
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


def _change_state(state: Any, labels: dict[str, str]) -> dict[str, str]:
    if state is None:
        return {"outcome": "", "status_label": ""}
    return {"outcome": state.outcome or "", "status_label": labels[f"status_{state.status.value}"]}


def changes_section(history: History, year: int, labels: dict[str, str]) -> dict[str, Any]:
    """Actions continued, new and dropped since the latest earlier reporting period."""
    diff = history.changes
    if diff is None:
        return {"previous": "", "current": str(year), "previous_documents": [], "rows": [], "groups": [],
                "counts": {"continued": 0, "new": 0, "dropped": 0, "not_reported": 0}}
    rows, groups = [], []
    for g in diff.groups:
        sector = g.sector or labels["all_sectors"]
        # a sector with no report this year did not drop its actions: counted apart
        dropped, not_reported = (0, len(g.dropped)) if g.sector_absent_after else (len(g.dropped), 0)
        rows.append({"goal": g.goal, "sector": sector, "continued": len(g.continued), "new": len(g.new),
                     "dropped": dropped, "not_reported": not_reported})
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
        "rows": rows, "groups": groups,
        "counts": {key: sum(r[key] for r in rows) for key in ("continued", "new", "dropped", "not_reported")},
        "not_reported_sectors": sorted({g["sector"] for g in groups if g["absent_now"] and g["dropped"]}),
    }

