"""`make bench` still runs: its smoke mode on a few pages writes a results file.

Benchmarks are not timed tests: nothing here asserts a time, only that every measure
ran and was written down (bench/run.py --smoke takes seconds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_smoke_runs_and_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--work", str(tmp_path / "work"),
                           "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    text = out.read_text(encoding="utf-8")
    for measure in ("(a)", "(b)", "(c)", "(d)", "(e)", "## Machine", "Python", "pdfplumber"):
        assert measure in text, f"{measure} missing from the results:\n{text}"
    assert not (ROOT / "bench" / "results.md").is_file() or "Smoke run" not in (
        ROOT / "bench" / "results.md").read_text(encoding="utf-8"), "the smoke run overwrote bench/results.md"
