"""Scoring extraction against independently written expectations (tests/expected/).

The expectations were written by reading the seeds, without looking at the code. A
record matches when kind and strategic goal agree and the texts are near-identical
after whitespace normalisation; then each field is compared the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from hytetool.yamlio import read_yaml_text

FIELDS = ("sector", "objective", "responsible", "schedule", "indicators", "outcome", "sdg")
# Texts this similar (0-100) are the same record; below it a record counts as missed.
TEXT_MATCH_MIN = 90


def norm(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(norm(v) for v in value)
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


@dataclass
class Score:
    expected: int = 0
    matched: int = 0
    fields: int = 0
    fields_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def accuracy(self) -> float:
        return self.fields_right / self.fields if self.fields else 1.0


def load_expected(path: Path) -> dict:
    return read_yaml_text(path.read_text(encoding="utf-8"))


def score(expected: dict, actual: list[dict], doc_sector: str | None) -> Score:
    result = Score()
    pool = list(actual)
    for want in expected["records"]:
        result.expected += 1
        candidates = [r for r in pool if r["record"] == want["record"]
                      and norm(r["strategic_goal"]) == norm(want["strategic_goal"])]
        best = max(candidates, default=None, key=lambda r: (
            fuzz.ratio(norm(r["text"]), norm(want["text"])),
            norm(r.get("sector") or doc_sector) == norm(want.get("sector")),  # same text in two sectors' tables
            norm(r.get("objective")) == norm(want.get("objective")),
        ))
        if best is None or fuzz.ratio(norm(best["text"]), norm(want["text"])) < TEXT_MATCH_MIN:
            result.misses.append(f"{want['record']}: {want['text'][:70]}")
            continue
        pool.remove(best)
        result.matched += 1
        for name in FIELDS:
            if name not in want:
                continue
            got = best.get(name)
            if name == "sector":
                got = got or doc_sector
                if want[name] is None:
                    continue
            result.fields += 1
            if norm(got) == norm(want[name]) or (name == "objective" and fuzz.ratio(norm(got), norm(want[name])) >= 95):
                result.fields_right += 1
            else:
                result.wrong.append(f"{want['text'][:40]} | {name}: want {norm(want[name])[:60]!r} got {norm(got)[:60]!r}")
    return result
