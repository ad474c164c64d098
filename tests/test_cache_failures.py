"""Failed extractions in the cache, and a warm run that loads no reader library.

A file that cannot be read (damaged, not what its name says, encrypted without a
password) fails the same way for the same bytes, so its message is cached: the next run
prints the same line without parsing the file and still counts it as failed (exit 1).
What may succeed next time (a timeout, a dead worker, running out of memory, a file
converted by LibreOffice) and every run with --password stay out of the cache. A run
whose every file comes from the cache imports none of the PDF, Word or Excel readers,
nor rapidfuzz or wordfreq: that is most of a warm run's time (docs/performance.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool import pipeline
from hytetool.cache import CachedFailure, ExtractionCache
from hytetool.cli import app
from hytetool.errors import InputError
from hytetool.parallel import FileTimeout

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GENERATED = ROOT / "tests" / "fixtures" / "generated"
PROFILE = ROOT / "hyte-profile.yaml"
# The libraries that read documents or score text: none of them is needed to print a cached result.
READER_LIBRARIES = ("pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl", "rapidfuzz", "wordfreq")
runner = CliRunner()


def extract(inputs: list[Path], out: Path, cache: Path, *extra: object):
    result = runner.invoke(app, ["extract", *map(str, inputs), "--out", str(out), "--profile", str(PROFILE),
                                 "--cache-dir", str(cache), "--jobs", "1", *map(str, extra)])
    return result, f"exit {result.exit_code}\n{result.output}"


def _encrypted_pdf(path: Path, password: str) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption(password), invariant=1)
    c.drawString(72, 720, "Tavoite Toimenpiteet Vastuu ja aikataulu")
    c.showPage()
    c.save()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two readable text plans and three files that cannot be read."""
    found = sorted(RAW.glob("00[23]_*.txt"))
    assert len(found) == 2, "the sample text plans are missing"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in found:
        (inputs / path.name).write_bytes(path.read_bytes())
    data = (GENERATED / "plan_2026.pdf").read_bytes()
    (inputs / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (inputs / "notaword.docx").write_text("Tämä ei ole Word-tiedosto.\n", encoding="utf-8")
    _encrypted_pdf(inputs / "encrypted.pdf", "salasana")
    return inputs


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every file the (in-process) pipeline parses."""
    parsed: list[str] = []
    real = pipeline.extract_file

    def counting(path: Path, *args, **kwargs):
        parsed.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_file", counting)
    return parsed


def problem_lines(shown: str) -> list[str]:
    return sorted(line for line in shown.splitlines() if any(n in line for n in
                                                                ("truncated.pdf:", "notaword.docx:", "encrypted.pdf:")))


def test_a_failed_file_gives_the_same_message_from_the_cache_without_being_parsed(
        folder: Path, tmp_path: Path, parses: list[str]) -> None:
    cold, shown_cold = extract([folder], tmp_path / "out", tmp_path / "cache")
    assert cold.exit_code == 1, shown_cold
    assert sorted(parses) == sorted(p.name for p in folder.iterdir())
    messages = problem_lines(shown_cold)
    assert len(messages) == 3, shown_cold
    assert any("encrypted; give the password with --password" in m for m in messages), shown_cold
    parses.clear()
    warm, shown_warm = extract([folder], tmp_path / "out", tmp_path / "cache")
    assert parses == [], "a cached file was parsed again"
    assert warm.exit_code == 1, "a cached failure must still fail the run\n" + shown_warm
    assert problem_lines(shown_warm) == messages
    assert "2 of 5 files extracted, 3 failed" in shown_warm, shown_warm
    assert "Traceback" not in shown_warm
    assert not (tmp_path / "out" / "truncated.yaml").exists()


def test_a_cached_failure_names_the_path_of_this_run(folder: Path, tmp_path: Path, parses: list[str]) -> None:
    extract([folder / "truncated.pdf"], tmp_path / "out", tmp_path / "cache")
    moved = tmp_path / "elsewhere" / "truncated.pdf"
    moved.parent.mkdir()
    moved.write_bytes((folder / "truncated.pdf").read_bytes())
    parses.clear()
    result, shown = extract([moved], tmp_path / "out", tmp_path / "cache")
    assert parses == [] and result.exit_code == 1, shown
    assert f"{moved}: damaged or truncated PDF" in shown.replace("\n", ""), shown
    assert str(folder) not in shown


def test_a_changed_file_is_read_again(folder: Path, tmp_path: Path, parses: list[str]) -> None:
    extract([folder / "notaword.docx"], tmp_path / "out", tmp_path / "cache")
    (folder / "notaword.docx").write_bytes((GENERATED / "plan_2026.docx").read_bytes())  # saved again, as Word
    parses.clear()
    result, shown = extract([folder / "notaword.docx"], tmp_path / "out", tmp_path / "cache")
    assert parses == ["notaword.docx"] and result.exit_code == 0, shown


def test_the_password_given_later_is_not_answered_from_the_cache(folder: Path, tmp_path: Path) -> None:
    encrypted = folder / "encrypted.pdf"
    first, shown = extract([encrypted], tmp_path / "out", tmp_path / "cache")
    assert first.exit_code == 1 and "--password" in shown, shown
    opened, shown = extract([encrypted], tmp_path / "out", tmp_path / "cache", "--password", "salasana")
    assert opened.exit_code == 0 and "--password" not in shown, shown
    assert (tmp_path / "out" / "encrypted.yaml").is_file()


def test_a_run_with_a_password_stores_no_failure(folder: Path, tmp_path: Path) -> None:
    result, shown = extract([folder / "encrypted.pdf", folder / "truncated.pdf"], tmp_path / "out",
                            tmp_path / "cache", "--password", "väärä")
    assert result.exit_code == 1 and "the password is wrong" in shown, shown
    assert not (tmp_path / "cache").exists(), "a run with --password wrote to the cache"


def _stopped(exc: BaseException):
    def run_tasks(func, tasks, names, jobs, progress=None, seconds=None) -> Iterator[BaseException]:
        for _ in tasks:
            yield exc
    return run_tasks


@pytest.mark.parametrize("stop", [FileTimeout(), BrokenProcessPool()], ids=["timeout", "dead worker"])
def test_a_timeout_or_a_dead_worker_is_not_cached(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  stop: BaseException) -> None:
    monkeypatch.setattr(pipeline, "run_tasks", _stopped(stop))
    results = pipeline.extract_paths([folder / "truncated.pdf"], tmp_path / "out", profile_path=PROFILE,
                                     cache_dir=tmp_path / "cache")
    assert results[0].error and not results[0].cached
    assert not list((tmp_path / "cache").rglob("*.json")), "a failure that may pass next time was cached"


@pytest.mark.parametrize(("name", "error"), [
    ("plan.txt", MemoryError()),
    ("plan.doc", InputError("plan.doc", "hyte reads .doc files through LibreOffice, which is not installed")),
], ids=["out of memory", "LibreOffice conversion"])
def test_failures_that_depend_on_the_machine_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            name: str, error: Exception) -> None:
    path = tmp_path / name
    path.write_text("Tavoite\n", encoding="utf-8")

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(pipeline, "extract_file", failing)
    results = pipeline.extract_paths([path], tmp_path / "out", profile_path=PROFILE, cache_dir=tmp_path / "cache")
    assert results[0].error
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_a_failure_entry_round_trips_and_a_foreign_one_is_dropped(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    entry = CachedFailure("/a/x.pdf: damaged or truncated PDF", "/a/x.pdf", None)
    assert cache.put("ab" * 32, entry) and cache.get("ab" * 32) == entry
    assert entry.message(Path("/b/x.pdf")) == "/b/x.pdf: damaged or truncated PDF"
    assert cache.get("cd" * 32) is None


# ------------------------------------------------------------------ a warm run's imports

PROBE = """
import json, sys
from hytetool.cli import run
sys.argv = ["hyte", *sys.argv[1:]]
try:
    run()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "loaded": sorted(m for m in %r if m in sys.modules)}))
""" % (READER_LIBRARIES,)


def probe(folder: Path, tmp_path: Path) -> dict:
    """`hyte extract` in a fresh interpreter: its exit code and the reader libraries it loaded."""
    done = subprocess.run([sys.executable, "-c", PROBE, "-q", "extract", str(folder), "--out", str(tmp_path / "out"),
                           "--profile", str(PROFILE), "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_fully_cached_run_imports_no_reader_library(folder: Path, tmp_path: Path) -> None:
    (folder / "plan.docx").write_bytes((GENERATED / "plan_2026.docx").read_bytes())
    (folder / "plan.xlsx").write_bytes((GENERATED / "report_2023_excel.xlsx").read_bytes())
    (folder / "plan.pdf").write_bytes((GENERATED / "plan_2026.pdf").read_bytes())
    cold = probe(folder, tmp_path)
    assert cold["exit"] == 1  # the three broken files
    assert {"pdfplumber", "docx", "openpyxl", "rapidfuzz", "wordfreq"} <= set(cold["loaded"]), cold
    warm = probe(folder, tmp_path)
    assert warm == {"exit": 1, "loaded": []}, warm
