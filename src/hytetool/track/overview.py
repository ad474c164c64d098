"""`hyte status`: how far the actions got, counted per period and goal (or sector)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hytetool.errors import HyteError
from hytetool.model import Document, Status
from hytetool.periods import document_period, parse_period
from hytetool.status import effective_status
from hytetool.track.matcher import Tracking, document_order
from hytetool.track.text import goal_key, sector_key

STATUS_ORDER = (Status.done, Status.partial, Status.in_progress, Status.not_done, Status.unknown)
GROUPINGS = ("goal", "sector")
NO_SECTOR = "(no sector)"


@dataclass
class StatusRow:
    period: str
    group: str
    counts: dict[Status, int] = field(default_factory=lambda: {s: 0 for s in STATUS_ORDER})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, status: Status) -> float:
        return self.counts[status] / self.total if self.total else 0.0


@dataclass
class StatusOverview:
    by: str
    year: int | None
    rows: list[StatusRow]  # per period: one row per group, then the period's total (group "")

    def totals(self) -> list[StatusRow]:
        return [r for r in self.rows if r.group == ""]


def status_overview(documents: list[Document], tracking: Tracking | None = None, *, year: int | None = None,
                    by: str = "goal") -> StatusOverview:
    """Counts of actions by status. Each period is counted on its own; within a period an
    action reported by two documents (one shared id) counts once, as the later one says."""
    if by not in GROUPINGS:
        raise HyteError(f"unknown grouping '{by}'; use goal or sector")
    periods: dict[object, tuple[str, dict[str, tuple[str, Status]]]] = {}
    for doc in document_order(documents):
        text = document_period(doc)
        if not text:
            continue
        period = parse_period(text)
        if year is not None and not period.covers_year(year):
            continue
        label, actions = periods.setdefault(period, (str(period), {}))
        for goal, action in doc.all_actions():
            sid = tracking.shared_id(doc.id, "action", action.id) if tracking else None
            key = sid or f"{doc.id}/{action.id}"
            name = goal.name if by == "goal" else (action.sector or doc.sector or NO_SECTOR)
            actions.pop(key, None)
            actions[key] = (name, effective_status(action))
    rows: list[StatusRow] = []
    for label, actions in periods.values():
        if not actions:
            continue
        groups: dict[str, StatusRow] = {}
        total = StatusRow(label, "")
        for name, status in actions.values():
            key = goal_key(name) if by == "goal" else sector_key(name)
            groups.setdefault(key, StatusRow(label, name)).counts[status] += 1
            total.counts[status] += 1
        rows += list(groups.values()) + [total]
    if not rows:
        where = f" in {year}" if year is not None else ""
        raise HyteError(f"no actions{where} in the data")
    return StatusOverview(by, year, rows)
