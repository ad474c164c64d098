"""Golden-file comparison shared by the test modules.

Expected outputs are regenerated only on purpose: `HYTE_UPDATE_GOLDEN=1 pytest ...`.
A missing expected file fails the test instead of being created silently, so a new
case cannot pass without someone looking at (and committing) its expected output.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

UPDATE_ENV = "HYTE_UPDATE_GOLDEN"


def updating() -> bool:
    """True only when the developer asked to rewrite the expected files."""
    return os.environ.get(UPDATE_ENV) == "1"


def assert_golden(actual: str, path: Path) -> None:
    """Compare `actual` with the expected file at `path` (or rewrite it when updating)."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"missing golden file {path}; create it with {UPDATE_ENV}=1 and review it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=str(path),
                tofile="actual",
            )
        )
        pytest.fail(f"output differs from {path} (update with {UPDATE_ENV}=1):\n{diff}")
