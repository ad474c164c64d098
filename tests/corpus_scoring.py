"""Scoring extraction of the corpus (tests/corpus/) against its hand-typed expectations.

Each file in tests/corpus/expected/ was typed by reading one document; it names the
document's files (`sources`: the Word file or workbook and its LibreOffice print, which
hold the same content) and lists the records a reader should get:

- `actions`: per action its text and any of the fields in ACTION_FIELDS;
- `kpi`: per key-figure row its label, parent (group row) and values by column heading.

How a document is scored:

- recall: expected records matched one-to-one (best pairs first) by text similarity
  (rapidfuzz ratio >= TEXT_MATCH_MIN after whitespace, case and dash normalisation);
- field accuracy: of the fields the expectation gives for the matched records, the share
  read right (texts near-identical, lists equal item by item in any order, status and
  numbers equal);
- record score: per expected record 0 when missed, else (1 + right fields) / (1 + fields);
  their sum divided by expected records plus extra ones (read but matching none), so
  that records split into pieces or invented from labels cost too.

The document is read the way a user's file is: `hytetool.pipeline.extract_file` with the
generic profile (no municipality's names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from hytetool.export import iter_records
from hytetool.pipeline import extract_file
from hytetool.profile import GENERIC
from hytetool.yamlio import read_yaml_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
EXPECTED = CORPUS / "expected"
# An extracted action is the expected one when their texts are at least this similar
# (0-100): tolerates a stripped list number, a hyphen left by a line wrap or a typo
# fix, not a different action or one that swallowed its labelled lines.
TEXT_MATCH_MIN = 85
# A text field (objective, outcome, ...) is right at this similarity (0-100).
FIELD_MATCH_MIN = 90
# Two numbers of a key-figure cell are the same below this difference.
NUMBER_EPSILON = 1e-6
ACTION_FIELDS = ("goal", "objective", "responsible", "partners", "schedule", "resources", "indicators",
                 "baseline", "target", "outcome", "status")
LIST_FIELDS = frozenset({"responsible", "partners", "indicators"})
DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def norm(value: Any) -> str:
    """Whitespace collapsed, case folded, every dash a hyphen."""
    if value is None:
        return ""
    if hasattr(value, "value"):  # an Enum such as Status
        value = value.value
    if isinstance(value, (list, tuple)):
        return " ".join(norm(v) for v in value)
    return DASHES.sub("-", re.sub(r"\s+", " ", str(value)).strip().casefold())


def compact(value: Any) -> str:
    """norm() without any whitespace: "34 %" and "34%" are the same cell text."""
    return norm(value).replace(" ", "")


def same_text(want: Any, got: Any) -> bool:
    return compact(want) == compact(got) or fuzz.ratio(norm(want), norm(got)) >= FIELD_MATCH_MIN


def same_list(want: Any, got: Any) -> bool:
    """Equal item by item in any order (each expected item matches one read item)."""
    want_items = [w for w in (want if isinstance(want, list) else [want]) if norm(w)]
    got_items = [g for g in (got if isinstance(got, list) else [got]) if norm(g)]
    if len(want_items) != len(got_items):
        return False
    pool = list(got_items)
    for item in want_items:
        hit = next((g for g in pool if same_text(item, g)), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def field_right(name: str, want: Any, got: Any) -> bool:
    if name.startswith("value "):  # a key-figure cell: numbers, or both empty
        if want is None or got is None:
            return want is None and got is None
        return abs(float(want) - float(got)) < NUMBER_EPSILON
    if name in LIST_FIELDS:
        return same_list(want, got)
    if name == "status":
        return norm(want) == norm(got)
    if want is None or got is None:
        return norm(want) == norm(got)
    return same_text(want, got)


@dataclass
class Score:
    """One document's figures, with what went wrong for the report."""

    expected: int = 0
    read: int = 0
    matched: int = 0
    fields: int = 0
    fields_right: int = 0
    record_points: float = 0.0
    by_field: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    error: str | None = None
    period: str | None = None  # the period hyte gave the document

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def accuracy(self) -> float:
        """0 when nothing matched: no fields read is not perfect accuracy."""
        return self.fields_right / self.fields if self.fields else 0.0

    @property
    def extra(self) -> int:
        return self.read - self.matched

    @property
    def record_score(self) -> float:
        total = self.expected + self.extra
        return self.record_points / total if total else 0.0


def load_expected(path: Path) -> dict:
    return read_yaml_text(path.read_text(encoding="utf-8"))


def expectation_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.yaml"))


def corpus_files() -> list[tuple[Path, Path]]:
    """(document file, its expectation file) for every source named in expected/."""
    pairs = []
    for expectation in expectation_files():
        for name in load_expected(expectation)["sources"]:
            pairs.append((CORPUS / name, expectation))
    return pairs


def _pairs(expected: list[dict], actual: list[dict], key: str) -> list[tuple[int, int]]:
    """One-to-one matches, most similar first, above TEXT_MATCH_MIN."""
    candidates = []
    for i, want in enumerate(expected):
        for j, got in enumerate(actual):
            ratio = 100.0 if compact(want[key]) == compact(got[key]) else fuzz.ratio(norm(want[key]), norm(got[key]))
            if ratio >= TEXT_MATCH_MIN:
                candidates.append((-ratio, i, j))
    used_i, used_j, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs


def score_records(expected: list[dict], actual: list[dict], key: str, fields: tuple[str, ...]) -> Score:
    """Score read records (dicts) against expected ones, matched on `key`."""
    result = Score(expected=len(expected), read=len(actual))
    pairs = dict(_pairs(expected, actual, key))
    for i, want in enumerate(expected):
        if i not in pairs:
            result.misses.append(str(want[key])[:80])
            continue
        got = actual[pairs[i]]
        result.matched += 1
        right = total = 0
        for name in fields:
            if name not in want:
                continue
            ok = field_right(name, want[name], got.get(name))
            total += 1
            right += ok
            tally = result.by_field.setdefault(name, [0, 0])
            tally[0] += ok
            tally[1] += 1
            if not ok:
                result.wrong.append(f"{str(want[key])[:40]} | {name}: want {norm(want[name])[:60]!r}"
                                    f" got {norm(got.get(name))[:60]!r}")
        result.fields += total
        result.fields_right += right
        result.record_points += (1 + right) / (1 + total)
    return result


def read_actions(doc) -> list[dict]:
    """The export's action rows, with the model's fields the export does not carry yet."""
    model = {a.id: a for g in doc.goals for a in g.actions}
    rows = []
    for row in iter_records(doc):
        if row["record"] != "action":
            continue
        action = model.get(row["id"])
        record = {"goal": row.get("strategic_goal")}
        for name in ("text", *ACTION_FIELDS[1:]):
            value = row.get(name)
            if value in (None, []) and action is not None:
                value = getattr(action, name, None)
            record[name] = value.value if hasattr(value, "value") else value
        rows.append(record)
    return rows


def read_kpi_rows(doc) -> list[dict]:
    rows = []
    for table in doc.kpi_tables:
        for row in table.rows:
            if all(v is None for v in row.values.values()):
                continue  # a group row (Varhaiskasvatus): it is the parent of the rows below
            rows.append({"label": row.label, "parent": row.parent,
                         "values": {compact(k): v for k, v in row.values.items()}})
    return rows


def score_kpi(expected: list[dict], actual: list[dict]) -> Score:
    """Key-figure rows: matched on label; fields are the parent and every expected cell."""
    flat_expected = []
    columns: list[str] = []
    for row in expected:
        flat = {"label": row["label"], "parent": row.get("parent")}
        for column, value in row["values"].items():
            flat[f"value {column}"] = value
            if column not in columns:
                columns.append(column)
        flat_expected.append(flat)
    flat_actual = []
    for row in actual:
        flat = {"label": row["label"], "parent": row["parent"]}
        for column in columns:
            flat[f"value {column}"] = row["values"].get(compact(column))
        flat_actual.append(flat)
    fields = ("parent", *(f"value {c}" for c in columns))
    return score_records(flat_expected, flat_actual, "label", fields)


@lru_cache(maxsize=None)
def score_file(path: Path, expectation: Path) -> Score:
    """Extract one corpus file with the generic profile and score it (cached per run)."""
    expected = load_expected(expectation)
    try:
        doc = extract_file(path, GENERIC).document
    except Exception as error:  # a crash scores 0 and is shown, it does not stop the table
        result = Score(expected=len(expected.get("actions") or expected.get("kpi") or []))
        result.error = f"{type(error).__name__}: {error}"
        return result
    if "kpi" in expected:
        result = score_kpi(expected["kpi"], read_kpi_rows(doc))
    else:
        result = score_records(expected["actions"], read_actions(doc), "text", ACTION_FIELDS)
    result.period = doc.period
    return result

