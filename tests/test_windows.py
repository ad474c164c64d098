"""What a Windows laptop does differently, kept tested on Linux: workers are spawned
(there is no fork), and the console speaks cp1252, which has no arrows, box lines or
every letter of a file name."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hytetool import parallel, pipeline

ROOT = Path(__file__).resolve().parents[1]
RAW = sorted((ROOT / "data" / "raw").glob("00[23]_*.txt"))
WORD = ROOT / "tests" / "fixtures" / "generated" / "plan_2026.docx"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_spawned_workers_write_what_one_process_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(RAW) == 2
    inputs = [*RAW, WORD]
    pipeline.extract_paths(inputs, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    results = pipeline.extract_paths(inputs, tmp_path / "spawned", jobs=2)
    assert [r.error for r in results] == [None, None, None]
    assert tree(tmp_path / "spawned") == tree(tmp_path / "serial")


def hyte(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m hytetool` with a Windows console's encoding."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "hytetool", *args], cwd=cwd, env=env, capture_output=True,
                          encoding="cp1252", errors="replace", timeout=300, check=False)


def test_a_cp1252_console_gets_every_summary_without_a_crash(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW[0], raw / "Kemi→toimenpiteet 2026 ✓.txt")  # letters a cp1252 console has not
    shutil.copy(RAW[1], raw / "hyvinvointitoimiala_tavoitteet_2023.txt")
    result = hyte("extract", "raw", "--out", "normalized", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "2 of 2 files extracted" in result.stdout
    assert (tmp_path / "normalized" / "Kemi→toimenpiteet 2026 ✓.yaml").is_file()
    for command in (["diff", "2022", "2023", str(ROOT / "data" / "normalized")],
                    ["status", str(ROOT / "data" / "normalized")], ["validate", "normalized"]):
        result = hyte(*command, cwd=tmp_path)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr)
        assert result.stdout.strip(), command
