"""GoalTables -> schema objects (goals, objectives, priorities, outcomes, actions).

The only place that creates model records from recognised tables, whatever the input
format or layout was. Ids are slugs of the text, unique per kind within a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hytetool.model import Action, Objective, Outcome, Priority, StrategicGoal
from hytetool.normalize.cells import Para, list_items, parse_responsible, split_parties
from hytetool.city_strategy import Strategy
from hytetool.normalize.tables import GoalTable, TableRow
from hytetool.model import Status
from hytetool.status import derive_status, fill_status, leading_status, outcome_fingerprint, read_status
from hytetool.textutil import SlugRegistry, clean_ws, slugify

UNKNOWN_GOAL = "Tuntematon strateginen päämäärä"  # goal not named by caption nor strategy
# A list of actions in one cell ("1. ...", "2. ..." or bullets) gives one action per item;
# a lone numbered line is an action that happens to start with a number.
MIN_LIST_ITEMS = 2


@dataclass
class Builder:
    """Collects goals in order of appearance and hands out ids."""

    strategy: Strategy = field(default_factory=Strategy)
    goals: dict[str, StrategicGoal] = field(default_factory=dict)
    ids: dict[str, SlugRegistry] = field(default_factory=dict)
    last_objective: dict[str, str] = field(default_factory=dict)  # goal key -> objective id

    def result(self) -> list[StrategicGoal]:
        """The goals in order; the unknown goal only when something landed under it (its
        rows may all have gone to the theme or priority they name)."""
        return [g for g in self.goals.values()
                if g.name != UNKNOWN_GOAL or g.objectives or g.priorities or g.outcomes or g.actions]

    def _slug(self, kind: str, text: str) -> str:
        return self.ids.setdefault(kind, SlugRegistry()).make(text)

    def goal(self, name: str | None) -> StrategicGoal:
        name = name or UNKNOWN_GOAL
        key = clean_ws(name).casefold()
        if key not in self.goals:
            self.goals[key] = StrategicGoal(id=self._slug("goal", name), name=clean_ws(name))
        return self.goals[key]

    def objective(self, goal: StrategicGoal, para: Para, sector: str | None = None) -> str:
        """The objective row of this sector's table under the goal. A variant of the same
        strategy sentence ("sekä sekä torjuu") in the same sector is the same objective;
        each sector's table keeps its own objective row, as printed."""
        text = _plain(para)
        key = self._objective_key(text)
        for existing in goal.objectives:
            if existing.sector == sector and self._objective_key(existing.text) == key:
                return existing.id
        obj = Objective(id=self._slug("objective", text), text=text, sector=sector, lines=para.span, page=para.page)
        goal.objectives.append(obj)
        return obj.id

    def _objective_key(self, text: str) -> str:
        match = self.strategy.match(text)
        return match.objective if match else text.casefold()

    def add_table(self, table: GoalTable) -> None:
        goal = self.goal(table.goal)
        key = goal.name.casefold()
        # No caption or strategy names the goal (a heading above at most): the priority
        # column (Teema, Painopistealue) is the level above the objectives, so it names
        # each row's goal.
        by_priority = (table.goal is None or table.goal_from_theme) and any(row.priority for row in table.rows)
        for para in table.objectives:
            self.last_objective[key] = self.objective(goal, para, table.sector)
        for para in [] if by_priority else table.priorities:
            goal.priorities.append(
                Priority(id=self._slug("priority", _plain(para)), text=_plain(para), lines=para.span, page=para.page)
            )
        for para in table.outcomes:
            goal.outcomes.append(
                Outcome(id=self._slug("outcome", _plain(para)), text=_plain(para), sector=table.sector,
                        lines=para.span, page=para.page, bbox=_bbox([para]))
            )
        above = self.objective(goal, table.objective_above, table.sector) if table.objective_above else None
        for row in table.rows:
            name = row.theme or (row.priority if by_priority else None)
            row_goal = self.goal(name) if name else goal
            objective_id = self._row_objective(row_goal, row, table.sector) or above
            row_goal.actions.extend(self._actions(table, row, objective_id))

    def _row_objective(self, goal: StrategicGoal, row: TableRow, sector: str | None) -> str | None:
        key = goal.name.casefold()
        if row.objective:
            merged = Para(tuple(line for p in row.objective for line in p.lines))
            self.last_objective[key] = self.objective(goal, merged, sector)
        elif not row.continues_objective:
            return None
        return self.last_objective.get(key)

    def _actions(self, table: GoalTable, row: TableRow, objective_id: str | None) -> list[Action]:
        if table.one_action_per_paragraph:
            return [self._action(table, row, objective_id, [p]) for p in row.actions]
        if not (row.actions or row.outcome or row.indicators or row.responsible):
            return []
        if len(items := list_items(row.actions)) >= MIN_LIST_ITEMS:
            return [self._action(table, row, objective_id, [p]) for p in items]
        if len(items) == 1 and len(row.actions) == 1 and len(row.actions[0].lines) == len(items[0].lines):
            return [self._action(table, row, objective_id, items)]  # one bulleted action: the bullet goes
        return [self._action(table, row, objective_id, row.actions)]

    def _action(self, table: GoalTable, row: TableRow, objective_id: str | None, paras: list[Para]) -> Action:
        text = "\n".join(p.text for p in paras)
        responsible, schedule = (list(row.units), None) if row.units is not None else _responsible(row)
        if row.schedule:  # a column of its own says it whole
            schedule = "; ".join(p.text for p in row.schedule)
        extras = row.partners + row.resources + row.baseline + row.target + row.status + [
            p for ps in row.extra.values() for p in ps]
        cell_paras = paras + row.responsible + row.schedule + row.indicators + row.outcome + extras
        first = min(p.first for p in cell_paras)
        last = max(p.last for p in cell_paras)
        outcome = "\n".join(p.text for p in row.outcome) or None
        read = _read_status(row, outcome)
        status = read or (derive_status(outcome) if outcome else None)
        return Action(
            id=self._slug("action", text or f"{objective_id or 'rivi'} toimenpide"),
            objective=objective_id,
            text=text,
            sector=table.sector,
            responsible=responsible,
            partners=split_parties("\n".join(p.text for p in row.partners)) or None,
            schedule=schedule,
            resources=_printed(row.resources),
            indicators=[item for p in row.indicators for item in p.items],
            baseline=_printed(row.baseline),
            target=_printed(row.target),
            outcome=outcome,
            extra=_extra(row),
            status=status,
            status_derived=status is not None and read is None,
            status_derived_from=outcome_fingerprint(outcome) if status is not None and read is None else None,
            sdg=list(table.sdg),
            lines=[first, last],
            page=cell_paras[0].page,
            bbox=_bbox(cell_paras),
        )


def _bbox(paras: list[Para]) -> list[float] | None:
    """The box around a record's source lines on its first page (PDF sources only)."""
    page = paras[0].page
    boxes = [line.bbox for p in paras for line in p.lines if line.bbox and line.page == page]
    if not boxes:
        return None
    return [round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1)]


def _read_status(row: TableRow, outcome: str | None) -> Status | None:
    """The status the document states: a status column's word, its traffic-light colour,
    or the status word an outcome opens with ("Toteutunut. …")."""
    words = " ".join(p.text for p in row.status)
    return read_status(words) or leading_status(words) or fill_status(row.status_fill) or leading_status(outcome)


def _extra(row: TableRow) -> dict[str, str] | None:
    """Cells of columns without a role by heading, and a status cell that says more than
    its status word ("Vihreä – tavoite saavutettu"): kept, never dropped."""
    extra = {h: "\n".join(p.text for p in ps) for h, ps in row.extra.items()}
    status_text = "\n".join(p.text for p in row.status)
    if status_text and read_status(status_text) is None:
        extra["status"] = status_text
    return extra or None


def _printed(paras: list[Para]) -> str | None:
    """A cell's text as printed (resources, baseline, target), or None when empty."""
    return "\n".join(p.text for p in paras) or None


def _plain(para: Para) -> str:
    """One-line text of a list entry (objective, priority) or paragraph (outcome)."""
    return " ".join(para.items)


def _responsible(row: TableRow) -> tuple[list[str], str | None]:
    text = "\n".join(p.text for p in row.responsible)
    return parse_responsible(text) if text else ([], None)


def goal_slug(name: str) -> str:
    return slugify(name)
