"""The whole hostile matrix as real `hyte` processes: `make fuzz` (docs/robustness.md).

Every case of generate.py (and `--flips N` byte-flipped PDFs) runs as its own process
with a 60 s limit; the runner counts tracebacks, raw exception texts, runs over 60 s,
runs over 1 GB (peak RSS of the process and its workers) and lost outputs, prints
one line per broken case and the totals, and exits 1 if any count is not zero.

    .venv/bin/python tests/hostile/run_matrix.py [--flips 100] [--only NAME-PREFIX]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the hostile package

from hostile.check import RAW_EXCEPTION, problems  # noqa: E402
from hostile.generate import Case, all_cases  # noqa: E402

TIME_LIMIT = 60  # seconds a run may take (issue 16's acceptance)
MEMORY_LIMIT_KB = 1024 * 1024  # 1 GB of peak RSS (ru_maxrss is in KB on Linux)
HYTE = Path(sys.executable).with_name("hyte")


def run_case(case: Case, folder: Path) -> tuple[list[str], float, int]:
    """The case's problems, its wall time and its peak memory (KB)."""
    case.make(folder)
    args = [str(HYTE), *[arg.replace("{dir}", str(folder)) for arg in case.args]]
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=folder,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=TIME_LIMIT)
        code = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        output, _ = process.communicate()
        return [f"hang: over {TIME_LIMIT} s"], time.monotonic() - started, 0
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    found = problems(case, folder, code, output.decode("utf-8", errors="replace"))
    return found, seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flips", type=int, default=100, help="byte-flipped PDFs (default 100)")
    parser.add_argument("--only", default="", help="run only cases whose name starts with this")
    options = parser.parse_args()
    cases = [c for c in all_cases(options.flips) if c.name.startswith(options.only)]
    counts = {"traceback": 0, "raw exception text": 0, "hang": 0, "memory": 0, "lost output": 0, "other": 0}
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory(prefix="hyte-hostile-") as tmp:
        for number, case in enumerate(cases):
            folder = Path(tmp) / f"{number:04d}"
            folder.mkdir()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            found, seconds, peak = run_case(case, folder)
            if peak > max(before, MEMORY_LIMIT_KB):
                found.append(f"memory: {peak // 1024} MB")
            slowest = max(slowest, (seconds, case.name))
            for problem in found:
                kind = next((k for k in counts if problem.startswith(k.split()[0])), "other")
                counts[kind] += 1
                print(f"{case.name}: {problem}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"{len(cases)} runs: " + ", ".join(f"{v} {k}" for k, v in counts.items())
          + f"; slowest {slowest[0]:.1f} s ({slowest[1]}); peak memory of any run {peak_mb} MB")
    return 1 if any(counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
