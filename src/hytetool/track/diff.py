"""What changed between two periods: actions continued, new and dropped.

`diff(documents, "1-6/2022", "2023")` selects the documents of each side (see
`select_documents`), follows every action by its shared id (matcher.py) and groups the
result per strategic goal and sector. The yearly report uses `compare` with the
previous report's documents (`previous_documents`).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hytetool.errors import HyteError
from hytetool.model import Document, Status
from hytetool.periods import Period, PeriodError, document_period, parse_period, period_key
from hytetool.status import effective_status
from hytetool.track.matcher import Tracking, document_order, resolve
from hytetool.track.registry import Registry
from hytetool.track.text import goal_key, sector_key
from hytetool.yamlio import atomic_write_text

CHANGES = ("continued", "new", "dropped")


# ---------------------------------------------------------------- choosing documents


def parse_selector(text: str) -> Period:
    try:
        return parse_period(str(text))
    except PeriodError as exc:
        raise HyteError(f"{exc}; a side of the comparison is a year (2023) or a period (1-6/2022, 1-12/2023)"
                        ) from None


def _plain_year(p: Period) -> bool:
    return p.start_year == p.end_year and (p.start_month, p.end_month) == (1, 12) and not p.months_written


def selects(selector: Period, doc: Document) -> bool:
    """A year selects documents whose period covers it (a plan's period counts when there is
    no reporting period); a period with months or a span selects documents inside it."""
    text = document_period(doc)
    if not text:
        return False
    p = parse_period(text)
    if _plain_year(selector):
        return p.covers_year(selector.start_year)
    return ((selector.start_year, selector.start_month) <= (p.start_year, p.start_month)
            and (p.end_year, p.end_month) <= (selector.end_year, selector.end_month))


def periods_in(documents: list[Document]) -> list[str]:
    texts = {document_period(d) for d in documents if document_period(d)}
    return sorted(texts, key=lambda t: (period_key(t), t))  # type: ignore[arg-type]


def select_documents(documents: list[Document], selector: str) -> list[Document]:
    chosen = [d for d in document_order(documents) if selects(parse_selector(selector), d)]
    if not chosen:
        raise HyteError(f"no document covers {selector}; periods in the data: "
                        f"{', '.join(periods_in(documents)) or 'none'}")
    return chosen


def previous_documents(documents: list[Document], current: list[Document]) -> list[Document]:
    """The documents of the latest reporting period that ends before the current ones start."""
    starts = [period_key(d.period)[:2] for d in current if d.period]
    if not starts:
        return []
    first = min(starts)
    earlier = [d for d in documents if d.period and period_key(d.period)[2:] < first]
    if not earlier:
        return []
    latest = max(parse_period(d.period) for d in earlier if d.period)  # Period: (start, end) order
    return document_order([d for d in earlier if d.period and parse_period(d.period) == latest])


# ---------------------------------------------------------------- the comparison


@dataclass
class ActionState:
    """One action as one document reports it."""

    shared_id: str
    document: str
    source: str
    title: str
    period: str
    goal: str
    sector: str | None
    id: str
    text: str
    outcome: str | None
    status: Status
    lines: list[int] | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.lines[0]}-{self.lines[1]}" if self.lines else self.source


@dataclass
class Change:
    change: str  # continued, new or dropped
    shared_id: str
    before: ActionState | None
    after: ActionState | None

    @property
    def text(self) -> str:
        state = self.after or self.before
        assert state is not None
        return state.text


@dataclass
class DiffGroup:
    goal: str
    sector: str | None
    changes: list[Change] = field(default_factory=list)
    sector_absent_before: bool = False  # the sector has no action at all on that side
    sector_absent_after: bool = False

    def of(self, change: str) -> list[Change]:
        return [c for c in self.changes if c.change == change]

    @property
    def continued(self) -> list[Change]:
        return self.of("continued")

    @property
    def new(self) -> list[Change]:
        return self.of("new")

    @property
    def dropped(self) -> list[Change]:
        return self.of("dropped")


@dataclass
class Diff:
    before: str
    after: str
    before_documents: list[Document]
    after_documents: list[Document]
    groups: list[DiffGroup] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # a comparison that cannot mean what was asked

    def counts(self) -> dict[str, int]:
        return {c: sum(len(g.of(c)) for g in self.groups) for c in CHANGES}


def _states(documents: list[Document], tracking: Tracking) -> dict[str, ActionState]:
    """Every action of one side by shared id; a later document's report of it wins."""
    states: dict[str, ActionState] = {}
    for doc in document_order(documents):
        for goal, action in doc.all_actions():
            sid = tracking.shared_id(doc.id, "action", action.id)
            if sid is None:
                continue
            states.pop(sid, None)  # re-inserted: the order follows the latest report
            states[sid] = ActionState(
                sid, doc.id, doc.source.file, doc.title, document_period(doc) or "", goal.name,
                action.sector or doc.sector, action.id, action.text, action.outcome, effective_status(action),
                list(action.lines) if action.lines else None,
            )
    return states


def compare(before_docs: list[Document], after_docs: list[Document], tracking: Tracking,
            before: str, after: str) -> Diff:
    """Actions of `before_docs` against those of `after_docs`, per goal and sector."""
    old, new = _states(before_docs, tracking), _states(after_docs, tracking)
    groups: dict[tuple[str, str], DiffGroup] = {}

    def group(state: ActionState) -> DiffGroup:
        key = (goal_key(state.goal), sector_key(state.sector))
        return groups.setdefault(key, DiffGroup(state.goal, state.sector))

    for sid, state in new.items():
        group(state).changes.append(Change("continued" if sid in old else "new", sid, old.get(sid), state))
    for sid, state in old.items():
        if sid not in new:
            group(state).changes.append(Change("dropped", sid, state, None))
    sectors_before = {sector_key(s.sector) for s in old.values()}
    sectors_after = {sector_key(s.sector) for s in new.values()}
    for (_, sector), g in groups.items():
        g.sector_absent_before = bool(old) and sector not in sectors_before
        g.sector_absent_after = bool(new) and sector not in sectors_after
        order = {c: i for i, c in enumerate(CHANGES)}
        g.changes.sort(key=lambda c: order[c.change])  # stable: document order within each kind
    return Diff(before, after, list(before_docs), list(after_docs), list(groups.values()))


def diff(documents: list[Document], a: str, b: str, registry: Registry | None = None,
         tracking: Tracking | None = None) -> Diff:
    """`hyte diff A B` as a library call: A and B are years or periods."""
    tracking = tracking or resolve(documents, registry)
    before, after = select_documents(documents, a), select_documents(documents, b)
    result = compare(before, after, tracking, str(parse_selector(a)), str(parse_selector(b)))
    result.warnings = order_warnings(parse_selector(a), parse_selector(b), before, after)
    return result


def order_warnings(a: Period, b: Period, before: list[Document], after: list[Document]) -> list[str]:
    """A diff of a document with itself shows everything as continued, and one of a later
    period against an earlier calls every new action dropped: say so rather than mislead."""
    warnings = []
    if {d.id for d in before} == {d.id for d in after}:
        warnings.append(f"{a} and {b} select the same document(s) ({_titles(before)}): nothing can have changed; "
                        "compare two different periods")
    elif (a.start_year, a.start_month) > (b.start_year, b.start_month):
        warnings.append(f"{a} comes after {b}: A is read as the earlier period, so new and dropped are swapped; "
                        f"did you mean hyte diff {b} {a}?")
    return warnings


# ---------------------------------------------------------------- output


def status_text(status: Status | None) -> str:
    return status.value.replace("_", " ") if status else ""


def diff_records(d: Diff) -> list[dict[str, Any]]:
    """One flat record per change, for jsonl (and for anyone scripting on top of it)."""
    rows = []
    for g in d.groups:
        for c in g.changes:
            row: dict[str, Any] = {"goal": g.goal, "sector": g.sector, "change": c.change, "shared_id": c.shared_id}
            for side, state in (("before", c.before), ("after", c.after)):
                row[f"{side}_period"] = state.period if state else None
                row[f"{side}_text"] = state.text if state else None
                row[f"{side}_outcome"] = state.outcome if state else None
                row[f"{side}_status"] = state.status.value if state else None
                row[f"{side}_source"] = state.where if state else None
            rows.append(row)
    return rows


def format_jsonl(d: Diff) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in diff_records(d))


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def _state_cell(state: ActionState | None) -> str:
    if state is None:
        return ""
    outcome = _cell(state.outcome) or "–"
    return f"{outcome} (*{status_text(state.status)}*)"


def _titles(documents: list[Document]) -> str:
    return "; ".join(f"{d.title} ({document_period(d)})" for d in documents)


def format_markdown(d: Diff) -> str:
    counts = d.counts()
    lines = [f"# Changes {d.before} → {d.after}", "",
             f"- before ({d.before}): {_titles(d.before_documents)}",
             f"- after ({d.after}): {_titles(d.after_documents)}",
             f"- {counts['continued']} continued, {counts['new']} new, {counts['dropped']} dropped", "",
             "| strategic goal | sector | continued | new | dropped |", "|---|---|---:|---:|---:|"]
    for g in d.groups:
        lines.append(f"| {_cell(g.goal)} | {_cell(g.sector or '–')} | {len(g.continued)} | {len(g.new)} |"
                     f" {len(g.dropped)} |")
    current_goal = None
    for g in d.groups:
        if goal_key(g.goal) != current_goal:
            current_goal = goal_key(g.goal)
            lines += ["", f"## {g.goal}"]
        lines += ["", f"### {g.sector or '–'}", ""]
        if g.sector_absent_after:
            lines += [f"*No action of this sector in {d.after}.*", ""]
        if g.sector_absent_before:
            lines += [f"*No action of this sector in {d.before}.*", ""]
        lines += [f"| change | action | before ({d.before}) | after ({d.after}) |", "|---|---|---|---|"]
        for c in g.changes:
            lines.append(f"| {c.change} | {_cell(c.text)} | {_state_cell(c.before)} | {_state_cell(c.after)} |")
    return "\n".join(lines) + "\n"


def write_output(text: str, output: Path | None = None) -> None:
    """To a file (atomically) or to standard output as UTF-8 bytes, whatever the console's encoding."""
    if output is not None:
        atomic_write_text(output, text)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
