"""The intermediate structure every format reader produces.

A SourceText is a list of Lines in reading order. Text exports give one Line per input
line; a reader for a paged format also fills `page` and `bbox`, and a reader that knows
real cell boundaries (tab-separated text, a Word or PDF table) fills `cells`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Line:
    no: int  # 1-based position in the source (text line, or running index)
    text: str
    page: int | None = None
    cells: tuple[str, ...] | None = None  # cell texts when the source marks cells
    bbox: tuple[float, float, float, float] | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class SourceText:
    path: Path
    sha256: str
    lines: list[Line] = field(default_factory=list)
    page_count: int | None = None
    # Page headers and footers (Word), kept apart so they never become table cells but
    # metadata can still read a title or sector printed only there.
    furniture: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
