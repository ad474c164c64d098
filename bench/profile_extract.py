"""Where extraction spends its time: cProfile over `extract_file` on the given inputs.

Prints JSON: the top functions by cumulative time, overall and within hytetool's own
code, leaving out the call chain every page goes through (extract_file -> read_source
-> read_pdf -> _read_pages -> page_layout), whose cumulative time is simply the total.
Run with PYTHONPATH pointing at another checkout's src/ to profile that code (how the
"before" figures in bench/results.md were taken).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

# (file name, function) of the per-file and per-page call chain, and the driver itself.
CALL_CHAIN = {
    ("pipeline.py", "extract_file"), ("pipeline.py", "read_source"), ("pdf.py", "read_pdf"),
    ("pdf.py", "_read_pages"), ("pdf_layout.py", "page_layout"), ("profile_extract.py", "extract_all"),
}


def extract_all(files: list[Path], strategy_path: Path) -> None:
    from hytetool.pipeline import extract_file, load_profile

    profile = load_profile(strategy_path)
    for path in files:
        extract_file(path, profile)


def top_functions(stats: pstats.Stats, count: int, own_only: bool) -> list[dict]:
    rows = []
    for (filename, line, function), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        name = Path(filename).name
        if (name, function) in CALL_CHAIN or filename.startswith("<") or filename == "~":
            continue
        if own_only and "hytetool" not in filename:
            continue
        package = filename.split("site-packages/")[-1] if "site-packages/" in filename else \
            filename.split("/src/")[-1] if "/src/" in filename else name
        rows.append({"function": f"{package}:{line}({function})", "calls": calls, "cumulative": cumulative})
    rows.sort(key=lambda r: -r["cumulative"])
    return rows[:count]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--strategy", type=Path, required=True)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args(argv)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(extract_all, args.files, args.strategy)
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    json.dump({"total": total, "overall": top_functions(stats, args.top, own_only=False),
               "own": top_functions(stats, args.top, own_only=True)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
