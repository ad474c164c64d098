"""Timing and memory helpers: child processes, medians, the machine description."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

PACKAGES = ("hytetool", "pdfplumber", "pdfminer.six", "pypdfium2", "pydantic", "ruamel.yaml", "rich",
            "docxtpl", "jinja2", "rapidfuzz", "wordfreq", "pyyaml")


class BenchError(RuntimeError):
    """A measured command failed: the bench stops with its output."""


def run(command: Sequence[str], *, cpus: set[int] | None = None, env: dict[str, str] | None = None,
        timeout: float | None = None) -> float:
    """Wall seconds of one child process; `cpus` pins it (and its workers) to those CPUs.
    Past `timeout` the child is killed and subprocess.TimeoutExpired raised."""
    return run_output(command, cpus=cpus, env=env, timeout=timeout)[0]


def run_output(command: Sequence[str], *, cpus: set[int] | None = None, env: dict[str, str] | None = None,
               timeout: float | None = None, expect: int = 0) -> tuple[float, str]:
    """(wall seconds, stdout + stderr) of one child process that must exit with `expect`
    (1 for a batch with files that cannot be read, README "Exit codes")."""
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    start = time.perf_counter()
    done = subprocess.run(list(command), capture_output=True, text=True, preexec_fn=pin, env=env, timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode != expect:
        raise BenchError(f"{' '.join(map(str, command))} exited {done.returncode}, not {expect}:\n"
                         f"{done.stdout}\n{done.stderr}")
    return seconds, done.stdout + done.stderr


def peak_rss_mb(command: Sequence[str]) -> tuple[float, float]:
    """(peak resident set size in MB, wall seconds) of one child process, from wait4()."""
    start = time.perf_counter()
    child = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise BenchError(f"{' '.join(map(str, command))} exited {child.returncode}: {child.stderr.read().decode()}")
    return usage.ru_maxrss / 1024, seconds  # ru_maxrss is in KiB on Linux


# A pure-Python loop of about a second: what one CPU-bound process gets done.
SPIN = "x = 0\nfor i in range(30_000_000):\n    x += i"


def parallel_capacity(cpus: list[int]) -> float:
    """How much faster two CPU-bound processes finish than one, right now, on `cpus`
    (2.0 on two idle cores; less when the host shares them): the ceiling of --jobs 2."""
    one = run([sys.executable, "-c", SPIN], cpus={cpus[0]})
    start = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", SPIN], preexec_fn=lambda cpu=cpu: os.sched_setaffinity(0, {cpu}))
                for cpu in cpus[:2]]
    for child in children:
        child.wait()
    return 2 * one / (time.perf_counter() - start)


def median_of(runs: int, measure: Callable[[], float], before: Callable[[], None] | None = None) -> float:
    """The median of `runs` measurements; `before` prepares each run (not timed)."""
    values = []
    for _ in range(runs):
        if before is not None:
            before()
        values.append(measure())
    return statistics.median(values)


def hyte(*args: str) -> list[str]:
    return [sys.executable, "-m", "hytetool", "-q", *map(str, args)]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cpus() -> set[int]:
    return set(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else set(range(os.cpu_count() or 1))


def machine() -> list[str]:
    """Lines describing where the figures were measured."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return [
        f"- CPU: {cpu_model()}, {len(usable_cpus())} usable of {os.cpu_count()} logical CPUs",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} "
        f"{platform.release()}",
        f"- Packages: {', '.join(versions)}",
    ]
