"""The documents a report covers: which file, which document, its number in the source list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hytetool.model import Document
from hytetool.periods import parse_period


@dataclass
class Selected:
    path: Path
    document: Document
    number: int  # position in the report's source list, 1-based


def years_covered(documents: list[Document]) -> list[int]:
    years: set[int] = set()
    for doc in documents:
        if doc.period:
            years.update(parse_period(doc.period).years)
    return sorted(years)
