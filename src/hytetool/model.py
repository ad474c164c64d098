"""The normalized schema "hyte/v1": one YAML file per source document.

An analyst edits these files by hand, so every field that one would correct is a plain
scalar or a list of strings, and the nesting follows how a welfare plan is read:
document -> strategic goal (strateginen päämäärä) -> objectives, priorities, outcomes and
actions. Identifiers are readable slugs derived from the text, so re-extracting the
same document gives the same ids.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hytetool.periods import PeriodError, canonical_period
from hytetool.vocabulary import status_value

SCHEMA_VERSION = "hyte/v1"
SDG_NUMBERS = range(1, 18)  # the UN has 17 sustainable development goals

# An id: lowercase letters a-z, digits and single hyphens ("hyvinvoivat-asukkaat").
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
LineRange = Annotated[list[int], Field(min_length=2, max_length=2)]


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a hand edit is caught, not ignored."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DocumentKind(str, Enum):
    plan = "plan"  # hyvinvointisuunnitelma, toimenpidesuunnitelma
    annual_report = "annual_report"  # vuosiraportti, toteutuneet toimenpiteet
    interim_report = "interim_report"  # osavuosiraportti, e.g. 1-6/2022
    template = "template"  # blank form to be filled in by every sector


class Status(str, Enum):
    done = "done"  # toteutunut
    partial = "partial"  # osittain toteutunut
    in_progress = "in_progress"  # käynnissä, kesken
    not_done = "not_done"  # ei toteutunut
    unknown = "unknown"  # no outcome written


class Record(Strict):
    """Fields shared by every placed record."""

    lines: LineRange | None = Field(None, description="first and last source line (1-based)")
    page: int | None = Field(None, description="source page, when the source has pages")
    bbox: list[float] | None = Field(None, description="x0, top, x1, bottom in PDF points")


class Objective(Record):
    """Tavoite: a sentence of the city strategy, or a sector's own objective."""

    id: Slug
    text: str
    sector: str | None = Field(None, description="toimiala whose table printed it; falls back to the document's")


class Priority(Record):
    """Painopiste: a welfare-plan priority decided by the council."""

    id: Slug
    text: str


class Outcome(Record):
    """Toteutuneet toimenpiteet: a goal-level paragraph of what was realised."""

    id: Slug
    text: str
    sector: str | None = None


class Action(Record):
    """Toimenpide: one action with who answers for it and what came of it."""

    id: Slug
    objective: Slug | None = Field(None, description="id of the objective row it sits in")
    text: str
    sector: str | None = Field(None, description="toimiala; falls back to the document's")
    responsible: list[str] = Field(default_factory=list, description="vastuutaho")
    partners: list[str] | None = Field(
        None, description="yhteistyökumppanit, when the document names them apart from the responsible party"
    )
    schedule: str | None = Field(None, description="aikataulu, e.g. 2023, jatkuva")
    resources: str | None = Field(None, description="resurssit, as printed (money, person-years, 'oman työn ohessa')")
    indicators: list[str] = Field(default_factory=list, description="mittarit, arviointi")
    baseline: str | None = Field(None, description="lähtötaso of the indicator, as printed")
    target: str | None = Field(None, description="tavoitetaso of the indicator, as printed")
    outcome: str | None = Field(None, description="toteuma")
    extra: dict[str, str] | None = Field(
        None, description="cells of columns hyte has no role for, by the column's heading (kept, never guessed)"
    )
    status: Status | None = Field(None, description="how far the action got")
    status_derived: bool = Field(
        False, description="true when status was derived from the outcome text, not set by hand"
    )
    status_derived_from: str | None = Field(
        None, pattern=r"^[0-9a-f]{12}$",
        description="fingerprint of the outcome text the status was derived from; when the outcome is edited"
                    " the status is derived again (and hyte check reports it)",
    )
    sdg: list[int] = Field(default_factory=list, description="UN SDG numbers 1-17")

    @field_validator("status", mode="before")
    @classmethod
    def _status_word(cls, value: object) -> object:
        """A hand-edited status may be written as the document would ("toteutunut",
        "osittain toteutunut", "pågår"): it means the schema's value."""
        if isinstance(value, str) and value not in Status.__members__:
            return status_value(value) or value
        return value

    @field_validator("sdg")
    @classmethod
    def _known_sdg(cls, numbers: list[int]) -> list[int]:
        unknown = [n for n in numbers if n not in SDG_NUMBERS]
        if unknown:
            raise ValueError(f"unknown SDG number {unknown[0]}; SDGs are numbered 1-17")
        return numbers


class StrategicGoal(Strict):
    """Strateginen päämäärä with everything a document says under it."""

    id: Slug
    name: str
    objectives: list[Objective] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)

    @model_validator(mode="after")
    def _objective_refs_exist(self) -> StrategicGoal:
        known = {o.id for o in self.objectives}
        for action in self.actions:
            if action.objective is not None and action.objective not in known:
                raise ValueError(
                    f"action '{action.id}' names objective '{action.objective}',"
                    f" which is not an objective of goal '{self.id}'"
                )
        return self


class KpiRow(Record):
    """One row of a key-figure table (suoritteet / tunnusluvut)."""

    label: str
    parent: str | None = None
    unit: str | None = None
    values: dict[str, float | None] = Field(default_factory=dict)
    note: str | None = None
    uncertain: bool = False


class KpiTable(Record):
    """Suoritteet/tunnusluvut of one sector or result area (tulosalue)."""

    id: Slug
    sector: str | None = None
    area: str | None = Field(None, description="tulosalue")
    responsible_person: str | None = Field(None, description="vastuuhenkilö")
    columns: list[str] = Field(default_factory=list)
    rows: list[KpiRow] = Field(default_factory=list)


class BudgetNote(Record):
    """Talousarvion toteutuminen: a sector's budget narrative, kept as text."""

    sector: str | None = None
    text: str


class Unplaced(Record):
    """Text the extractor could not place; kept so nothing is lost, and reported."""

    text: str
    reason: str


class Source(Strict):
    """The input file this document was extracted from."""

    file: str
    sha256: str = Field(pattern=SHA256_PATTERN)
    lines: LineRange | None = None
    pages: LineRange | None = None


class Document(Strict):
    """One normalized source document."""

    schema_: Literal["hyte/v1"] = Field(SCHEMA_VERSION, alias="schema")
    id: Slug
    municipality: str | None = Field(None, description="kunta")
    title: str
    kind: DocumentKind
    plan_period: str | None = Field(None, description="e.g. 2022-2025")
    year: int | None = Field(None, ge=1990, le=2100)
    period: str | None = Field(None, description="reporting period, e.g. 1-6/2022 or 2023")
    sector: str | None = Field(None, description="toimiala, when the document is one sector's")
    council_decision: str | None = Field(None, description="e.g. KV 3.10.2022 § 77")
    source: Source
    goals: list[StrategicGoal] = Field(default_factory=list)
    kpi_tables: list[KpiTable] = Field(default_factory=list)
    budget_notes: list[BudgetNote] = Field(default_factory=list)
    unplaced: list[Unplaced] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=True)

    @field_validator("plan_period", "period")
    @classmethod
    def _period_parses(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return canonical_period(value)
        except PeriodError as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _ids_unique(self) -> Document:
        for kind, ids in _ids_by_kind(self).items():
            seen: set[str] = set()
            for ident in ids:
                if ident in seen:
                    raise ValueError(f"duplicate {kind} id '{ident}'")
                seen.add(ident)
        return self

    def all_actions(self) -> list[tuple[StrategicGoal, Action]]:
        return [(goal, action) for goal in self.goals for action in goal.actions]


def _ids_by_kind(doc: Document) -> dict[str, list[str]]:
    """Ids must be unique per kind within a document (goal ids, objective ids, ...)."""
    return {
        "goal": [g.id for g in doc.goals],
        "objective": [o.id for g in doc.goals for o in g.objectives],
        "priority": [p.id for g in doc.goals for p in g.priorities],
        "outcome": [o.id for g in doc.goals for o in g.outcomes],
        "action": [a.id for g in doc.goals for a in g.actions],
        "kpi table": [t.id for t in doc.kpi_tables],
    }
