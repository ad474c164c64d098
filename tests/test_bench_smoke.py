"""`make bench` still runs: its smoke mode on a few pages writes a results file.

Benchmarks are not timed tests: nothing here asserts a time, only that every measure
ran and was written down (bench/run.py --smoke takes seconds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What issue 17 asks `make bench` to show side by side in one run: every reading of the
# same pages, the ratios with their targets, failures in the cached folder, the corpus.
ISSUE_17_ROWS = (
    "(a) `hyte extract --jobs 1 --no-cache`, per PDF page |",
    "(a) `hyte extract --pdf-source pdfplumber` (the earlier reader, one run), per page |",
    "(a) pdfplumber `page.extract_tables()`, per page",
    "(a) pdfium's bare character read (text and loose boxes), per page",
    "(a) `pdftotext -layout`, per page",
    "(a) hyte / pdfplumber `extract_tables()` |",
    "| ≤ 0.35x |",
    "(a) hyte / pdfium character read",
    "of which 3 cannot be read",
    "(c) warm re-run, every file (and every failure) from the cache |",
    "(c) cold / warm |",
    "| ≥ 20x |",
    "| ≤ 250 MB |",
    "tests/corpus/*.pdf",
    "## Where the time goes",
    "| reading into the document model (`read_source`) |",
    "| normalizing: layout strategies and records (`normalize`) |",
    "| the YAML (`document_body`) |",
)


def test_bench_smoke_runs_and_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--work", str(tmp_path / "work"),
                           "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    text = out.read_text(encoding="utf-8")
    for measure in ("(a)", "(b)", "(c)", "(d)", "(e)", "## Machine", "Python", "pdfplumber"):
        assert measure in text, f"{measure} missing from the results:\n{text}"
    for row in ISSUE_17_ROWS:
        assert row in text, f"the row {row!r} (issue 17) is missing from the results:\n{text}"
    assert not (ROOT / "bench" / "results.md").is_file() or "Smoke run" not in (
        ROOT / "bench" / "results.md").read_text(encoding="utf-8"), "the smoke run overwrote bench/results.md"
