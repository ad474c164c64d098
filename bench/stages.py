"""Where `hyte extract` spends its time, stage by stage, timed in one process.

    python bench/stages.py FILES [--profile hyte-profile.yaml] [--setting NAME=VALUE ...]

Prints JSON: seconds of starting Python, of importing hytetool and the PDF reader, and,
summed over the files, of reading each into the document model (`read_source`: the PDF
library and hyte's own words, lines and tables), of normalizing it (layout strategies and
records) and of rendering its YAML (`document_body`); plus the PDF pages read.

The stages are timed with time.perf_counter around the pipeline's own public functions,
not under cProfile (which slows Python code most and so misplaces the time), with the
garbage-collector thresholds `hyte extract` uses. `--setting` overrides a field of
ExtractionSettings (e.g. the PDF reader, when that is a setting), so two readers can be
timed alike. docs/performance.md "Where the time goes" explains how to read the figures.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_start_seconds(times: int = 5) -> float:
    """The fastest of `times` bare interpreter start-ups (what no import can go under)."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def stages(files: list[Path], profile_path: Path, settings_update: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    from hytetool import pipeline
    from hytetool.normalize import normalize
    from hytetool.extract.settings import DEFAULT_SETTINGS
    from hytetool.profile import active
    from hytetool.yamlio import document_body

    importlib.import_module(pipeline.READERS[".pdf"][0])
    figures = {"imports": time.perf_counter() - start, "read": 0.0, "normalize": 0.0, "yaml": 0.0, "pages": 0}
    settings = DEFAULT_SETTINGS.model_validate({**DEFAULT_SETTINGS.model_dump(), **settings_update})
    profile = pipeline.load_profile(profile_path)
    pages = 0

    def count(number: int, total: int) -> None:
        nonlocal pages
        pages += 1

    gc.set_threshold(*pipeline.GC_THRESHOLDS)  # as extract_job runs
    for path in files:
        with active(profile):
            started = time.perf_counter()
            model = pipeline.read_source(path, settings=settings, on_page=count)
            read = time.perf_counter()
            result = normalize(model, profile)
        normalized = time.perf_counter()
        document_body(result.document)
        figures["read"] += read - started
        figures["normalize"] += normalized - read
        figures["yaml"] += time.perf_counter() - normalized
    figures["pages"] = pages
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--profile", type=Path, default=ROOT / "hyte-profile.yaml")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="override a field of ExtractionSettings for this run")
    args = parser.parse_args(argv)
    update = dict(item.split("=", 1) for item in args.setting)
    figures = {"python_start": python_start_seconds(), **stages(args.files, args.profile, update)}
    json.dump(figures, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
