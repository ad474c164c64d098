"""`hyte extract --jobs N` and the extraction cache: same bytes, same order, never a stale
or damaged result.

A parallel run must write exactly what a serial run writes; a warm run must read the
cache instead of parsing; a damaged cache entry must be recomputed, never trusted; and
every input of the result (file bytes and name, settings, strategy file, municipality,
version) must be part of the key.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool import __version__, pipeline
from hytetool.cache import CachedExtraction, ExtractionCache, cache_key, code_fingerprint
from hytetool.cli import app
from hytetool.extract.pdf import read_pdf
from hytetool.extract.settings import DEFAULT_SETTINGS, ExtractionSettings
from hytetool.parallel import run_tasks

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GENERATED = ROOT / "tests" / "fixtures" / "generated"
STRATEGY = ROOT / "hyte-profile.yaml"
# A few inputs of every kind for the quicker tests: text, Word, ruled and unruled PDF.
SMALL = [*sorted(RAW.glob("00[23]_*.txt")), GENERATED / "plan_2026.docx", GENERATED / "plan_2026.pdf",
         GENERATED / "plan_2026_unruled.pdf"]
runner = CliRunner()


def cli(*args: object):
    result = runner.invoke(app, [str(a) for a in args])
    return result, f"exit {result.exit_code}\n{result.output}"


def extract(inputs: list[Path], out: Path, *extra: object):
    return cli("extract", *inputs, "--out", out, "--strategy", STRATEGY, *extra)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run_library(inputs: list[Path], out: Path, cache: Path | None, jobs: int = 1,
                strategy: Path = STRATEGY) -> list[pipeline.FileResult]:
    return pipeline.extract_paths(inputs, out, profile_path=strategy, jobs=jobs, cache_dir=cache)


@pytest.fixture
def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the (in-process) pipeline parses, in order."""
    parsed: list[Path] = []
    real = pipeline.extract_file

    def counting(path: Path, *args, **kwargs):
        parsed.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_file", counting)
    return parsed


# ------------------------------------------------------------------ --jobs


def test_jobs_2_writes_the_same_bytes_in_the_same_order_as_jobs_1(tmp_path: Path) -> None:
    inputs = [RAW, GENERATED]
    one, shown = extract(inputs, tmp_path / "one", "--jobs", "1", "--no-cache")
    assert one.exit_code == 0, shown
    two, shown = extract(inputs, tmp_path / "two", "--jobs", "2", "--no-cache")
    assert two.exit_code == 0, shown
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    readable = [p for p in GENERATED.iterdir() if p.suffix in (".pdf", ".docx", ".xlsx")]
    assert len([n for n in tree(tmp_path / "one") if n.endswith(".yaml")]) == len(list(RAW.glob("*.txt"))) + len(readable)
    assert one.output == two.output  # the summary: same rows in the same order
    serial = run_library(inputs, tmp_path / "lib1", None, jobs=1)
    parallel = run_library(inputs, tmp_path / "lib2", None, jobs=2)
    assert [(r.source, r.status, r.actions, r.messages) for r in serial] == [
        (r.source, r.status, r.actions, [m.replace("lib2", "lib1") for m in r.messages]) for r in parallel]


def test_parallel_run_keeps_the_hand_edit_guard(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, shown = extract(SMALL, out, "--jobs", "2", "--no-cache")
    assert first.exit_code == 0, shown
    edited = out / "plan_2026.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    again, shown = extract(SMALL, out, "--jobs", "2", "--no-cache")
    assert again.exit_code == 0, shown
    assert edited.read_text(encoding="utf-8").endswith("# my note\n")
    assert (out / "plan_2026.new.yaml").is_file() and "edited by hand" in shown


def test_jobs_must_be_at_least_one(tmp_path: Path) -> None:
    result, shown = extract(SMALL[:1], tmp_path / "out", "--jobs", "0")
    assert result.exit_code == 2, shown


def test_a_bad_file_fails_alone_in_a_parallel_run(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    result, shown = extract([bad, *SMALL[:2]], tmp_path / "out", "--jobs", "2", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 1, shown
    assert "empty.txt" in shown and "Traceback" not in shown
    assert {p.name for p in (tmp_path / "out").glob("*.yaml")} == {s.stem + ".yaml" for s in SMALL[:2]}
    # the two readable files and the empty one (its message, tests/test_cache_failures.py)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 3


def _die(task: int, on_page) -> int:
    if task == 1:
        os._exit(3)  # a worker killed mid-file (out of memory, a segfault in a library)
    return task


@pytest.mark.skipif(sys.platform == "win32", reason="os._exit in a pool worker")
def test_a_dead_worker_gives_an_error_not_a_hang() -> None:
    results = list(run_tasks(_die, [0, 1, 2, 3], ["a", "b", "c", "d"], jobs=2))
    assert isinstance(results[1], BaseException)
    assert [results[0], *results[2:]] == [0, 2, 3], "a dead worker took other files with it"


def test_pdf_pages_are_reported_in_order() -> None:
    seen: list[tuple[int, int]] = []
    read_pdf(GENERATED / "plan_2026.pdf", on_page=lambda number, total: seen.append((number, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result, shown = extract(SMALL, tmp_path / "out", "--jobs", "2", "--no-cache")
    assert result.exit_code == 0, shown
    assert " p. 1/" not in shown


def test_progress_bar_counts_files_and_names_pages() -> None:
    import io

    from rich.console import Console

    from hytetool.progress import ExtractProgress

    buffer = io.StringIO()
    with ExtractProgress(Console(file=buffer, force_terminal=True, width=100)) as progress:
        progress.start(2)
        progress.page("a.pdf", 1, 3)
        progress.file_done("a.pdf")
        progress.file_done("b.txt")
    assert "2/2" in buffer.getvalue()


# ------------------------------------------------------------------ the cache


def test_warm_run_reads_the_cache_and_writes_the_same_bytes(tmp_path: Path, count_parses: list[Path]) -> None:
    cache = tmp_path / "cache"
    cold = run_library(SMALL, tmp_path / "cold", cache)
    assert not any(r.cached or r.error for r in cold) and len(count_parses) == len(SMALL)
    warm = run_library(SMALL, tmp_path / "warm", cache)
    assert all(r.cached for r in warm) and len(count_parses) == len(SMALL), "a warm run parsed a file again"
    assert tree(tmp_path / "cold") == tree(tmp_path / "warm")
    assert [(r.layouts, r.goals, r.actions, r.outcomes, r.unplaced, r.messages) for r in cold] == [
        (r.layouts, r.goals, r.actions, r.outcomes, r.unplaced, [m.replace("warm", "cold") for m in r.messages])
        for r in warm]


def test_cli_cache_dir_and_no_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result, shown = extract(SMALL, tmp_path / "out", "--cache-dir", cache, "--jobs", "1")
    assert result.exit_code == 0, shown
    assert len(list(cache.rglob("*.json"))) == len(SMALL)
    other = tmp_path / "unused"
    result, shown = extract(SMALL, tmp_path / "out2", "--cache-dir", other, "--no-cache")
    assert result.exit_code == 0, shown
    assert not other.exists(), "--no-cache wrote the cache"
    assert tree(tmp_path / "out") == tree(tmp_path / "out2")


def test_no_cache_parses_every_file_again(tmp_path: Path, count_parses: list[Path]) -> None:
    cache = tmp_path / "cache"
    run_library(SMALL, tmp_path / "out", cache)
    count_parses.clear()
    again = run_library(SMALL, tmp_path / "out", None)
    assert count_parses == SMALL and not any(r.cached for r in again)


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(b"\x00\xff not a cache entry")


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "garbage"])
def test_a_damaged_entry_is_discarded_and_recomputed(tmp_path: Path, count_parses: list[Path], how: str) -> None:
    cache = tmp_path / "cache"
    cold = run_library(SMALL, tmp_path / "cold", cache)
    store = ExtractionCache(cache)
    batch = pipeline.Batch(tmp_path, False, pipeline.load_profile(STRATEGY), None, profile_bytes=STRATEGY.read_bytes(),
                           cache=store)
    keys = {p.name: pipeline._key(p, batch) for p in SMALL}
    victim = SMALL[-1]
    _damage(store.path(keys[victim.name]), how)
    count_parses.clear()
    warm = run_library(SMALL, tmp_path / "warm", cache)
    assert count_parses == [victim], "the damaged entry was trusted, or good entries were not"
    assert [r.cached for r in warm] == [p != victim for p in SMALL]
    assert tree(tmp_path / "cold") == tree(tmp_path / "warm")
    assert store.get(keys[victim.name]) is not None, "the recomputed entry was not stored again"
    assert all(not r.error for r in cold + warm)


def test_an_entry_with_a_valid_checksum_but_no_document_is_not_trusted(tmp_path: Path) -> None:
    import hashlib

    store = ExtractionCache(tmp_path)
    key = "ab" * 32
    payload = b'{"document": {"id": "x"}, "layouts": [], "warnings": [], "body": ""}'
    header = b"hyte-cache 1 %s sha256:%s\n" % (key.encode(), hashlib.sha256(payload).hexdigest().encode())
    store.path(key).parent.mkdir(parents=True)
    store.path(key).write_bytes(header + payload)
    assert store.get(key) is None
    assert not store.path(key).exists()


def test_an_entry_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    source = pipeline.extract_file(SMALL[0])
    store = ExtractionCache(tmp_path)
    store.put("aa" * 32, CachedExtraction.of(source.document, source.layouts, source.warnings, "body"))
    store.path("aa" * 32).rename(store.path("aa" * 31 + "ab"))  # same folder "aa"
    assert store.get("aa" * 31 + "ab") is None


def test_two_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    inputs = [str(p) for p in SMALL]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen([sys.executable, "-m", "hytetool", "-q", "extract", *inputs, "--out",
                              str(tmp_path / f"out{n}"), "--strategy", str(STRATEGY), "--cache-dir", str(cache),
                              "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
            for n in range(2)]
    for process in runs:
        output = process.communicate(timeout=300)[0].decode()
        assert process.returncode == 0, output
    entries = list(cache.rglob("*.json"))
    assert len(entries) == len(SMALL)
    assert not list(cache.rglob("*.tmp")), "a temporary file was left behind"
    store = ExtractionCache(cache)
    assert all(store.get(p.stem) is not None for p in entries)
    assert tree(tmp_path / "out0") == tree(tmp_path / "out1")
    warm = run_library(SMALL, tmp_path / "out2", cache)
    assert all(r.cached for r in warm)
    assert tree(tmp_path / "out0") == tree(tmp_path / "out2")


def test_an_unwritable_cache_does_not_fail_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    results = run_library(SMALL[:1], tmp_path / "out", blocker)
    assert not results[0].error and (tmp_path / "out" / f"{SMALL[0].stem}.yaml").is_file()


def test_a_password_run_does_not_use_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    results = pipeline.extract_paths(SMALL[:1], tmp_path / "out", profile_path=STRATEGY, cache_dir=cache,
                                     password="secret")
    assert not results[0].error and not cache.exists()


# ------------------------------------------------------------------ the key


def key(data: bytes = b"pdf", name: str = "a.pdf", settings: ExtractionSettings = DEFAULT_SETTINGS,
        strategy: bytes | None = b"goals", municipality: str | None = "Kemi") -> str:
    return cache_key(data, name, settings, strategy, municipality)


def test_the_key_changes_with_everything_the_result_depends_on() -> None:
    base = key()
    assert key() == base, "the key is not stable"
    variants = {
        "input bytes": key(data=b"pdf2"),
        "file name (document id)": key(name="b.pdf"),
        "settings": key(settings=ExtractionSettings(row_gap_lines=1.0)),
        "strategy file": key(strategy=b"goals\n# edited"),
        "no strategy file": key(strategy=None),
        "municipality": key(municipality="Tornio"),
        "no municipality": key(municipality=None),
    }
    for what, other in variants.items():
        assert other != base, f"changing the {what} keeps the key"
    assert len(set(variants.values())) == len(variants)


def test_the_key_covers_version_code_and_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    import hytetool.cache as cache_module

    base = key()
    monkeypatch.setattr(cache_module, "__version__", __version__ + ".post1")
    assert key() != base
    monkeypatch.undo()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "0" * 64)
    assert key() != base
    monkeypatch.undo()
    monkeypatch.setattr(cache_module, "library_versions", lambda: "pdfplumber=99")
    assert key() != base
    assert len(code_fingerprint()) == 64 and "pdfplumber=" in cache_module.library_versions()


def test_editing_the_strategy_file_recomputes(tmp_path: Path, count_parses: list[Path]) -> None:
    strategy = tmp_path / "strategy.yaml"
    strategy.write_bytes(STRATEGY.read_bytes())
    cache = tmp_path / "cache"
    run_library(SMALL[:2], tmp_path / "out", cache, strategy=strategy)
    run_library(SMALL[:2], tmp_path / "out", cache, strategy=strategy)
    assert len(count_parses) == 2
    strategy.write_bytes(STRATEGY.read_bytes() + b"\n# a comment changes the bytes\n")
    again = run_library(SMALL[:2], tmp_path / "out", cache, strategy=strategy)
    assert len(count_parses) == 4 and not any(r.cached for r in again)


def test_other_settings_miss_the_cache(tmp_path: Path, count_parses: list[Path]) -> None:
    cache = tmp_path / "cache"
    pdf = [GENERATED / "plan_2026_unruled.pdf"]
    pipeline.extract_paths(pdf, tmp_path / "a", profile_path=STRATEGY, cache_dir=cache)
    other = pipeline.extract_paths(pdf, tmp_path / "b", profile_path=STRATEGY, cache_dir=cache,
                                   settings=ExtractionSettings(row_gap_lines=1.2))
    assert len(count_parses) == 2 and not other[0].cached


def test_a_warm_entry_gives_its_counts_without_parsing_the_document(tmp_path: Path) -> None:
    """The summary's counts are kept beside the document; the document is parsed only when
    asked for, and then it is the document that was stored."""
    source = pipeline.extract_file(SMALL[0])
    store = ExtractionCache(tmp_path)
    store.put("ab" * 32, CachedExtraction.of(source.document, source.layouts, source.warnings, "body"))
    entry = store.get("ab" * 32)
    assert entry._document is None  # nothing parsed yet
    assert entry.counts.goals == len(source.document.goals) > 0
    assert entry.counts.actions == sum(len(g.actions) for g in source.document.goals)
    assert entry.document == source.document
