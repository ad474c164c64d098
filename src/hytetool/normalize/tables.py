"""The one table structure every layout recognizer produces and the builder consumes.

Layouts differ in how a table reached the text (row by row, column by column, tab
separated, cells glued on one line); once recognised, every table is a GoalTable of
TableRows with paragraphs per column, and build.py turns those into the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hytetool.model import KpiTable
from hytetool.normalize.cells import Para
from hytetool.vocabulary import Column


@dataclass
class TableRow:
    """One row of a goal table. Each column holds the paragraphs found for it."""

    objective: list[Para] = field(default_factory=list)
    actions: list[Para] = field(default_factory=list)
    responsible: list[Para] = field(default_factory=list)
    indicators: list[Para] = field(default_factory=list)
    outcome: list[Para] = field(default_factory=list)
    units: list[str] | None = None  # responsible units already itemised by the layout
    schedule: list[Para] = field(default_factory=list)  # aikataulu, when it has a column of its own
    partners: list[Para] = field(default_factory=list)  # yhteistyökumppanit
    resources: list[Para] = field(default_factory=list)  # resurssit
    baseline: list[Para] = field(default_factory=list)  # lähtötaso
    target: list[Para] = field(default_factory=list)  # tavoitetaso
    continues_objective: bool = False  # the row continues the previous page's objective
    theme: str | None = None  # a "Teema 1: …" row above it in the table names its goal
    priority: str | None = None  # its priority column's text: the goal where nothing else names one
    status: list[Para] = field(default_factory=list)  # a status or traffic-light column's word
    status_fill: str | None = None  # the fill colour of the status column's cell (RRGGBB)
    extra: dict[str, list[Para]] = field(default_factory=dict)  # heading -> cells of a column without a role


# The TableRow field each column role fills (one map for column tables and cards).
ROW_FIELDS: dict[Column, str] = {
    Column.objective: "objective", Column.action: "actions", Column.responsible: "responsible",
    Column.partners: "partners", Column.schedule: "schedule", Column.resources: "resources",
    Column.indicators: "indicators", Column.baseline: "baseline", Column.target: "target",
    Column.outcome: "outcome", Column.status: "status",
}


@dataclass
class GoalTable:
    """A table (or column-wise block) under one strategic goal."""

    layout: str
    first_line: int
    last_line: int
    goal: str | None = None
    goal_from_caption: bool = False
    goal_from_theme: bool = False  # named by a heading above it: a priority column is more specific
    sector: str | None = None
    rows: list[TableRow] = field(default_factory=list)
    objectives: list[Para] = field(default_factory=list)  # column-wise objective list
    priorities: list[Para] = field(default_factory=list)
    outcomes: list[Para] = field(default_factory=list)  # goal-level outcome paragraphs
    sdg: list[int] = field(default_factory=list)
    one_action_per_paragraph: bool = False  # each action line its own action (plans)
    objective_above: Para | None = None  # "Tavoite: …" above the table, for rows without one
    unplaced: list[tuple[Para, str]] = field(default_factory=list)
    kpi: list[KpiTable] = field(default_factory=list)  # key-figure tables the region held
