"""`hyte extract` as a library: find inputs, read, normalize, write with the edit guard.

Each file is handled on its own: a file that fails gives one clear message and the
rest of the batch still runs; nothing is written for a failed file. Files are read in
worker processes (`jobs`) and looked up in the extraction cache first (cache.py); the
YAML is always written here, in the parent, in input order, so the hand-edit guard sees
one writer and a parallel run writes exactly what a serial one does.
"""

from __future__ import annotations

import gc
import importlib
import traceback as tb
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hytetool.cache import CachedExtraction, CachedFailure, ExtractionCache, cache_key
from hytetool.errors import HyteError, InputError
from hytetool.docmodel import DocumentModel
from hytetool.extract.office import CONVERSIONS
from hytetool.extract.settings import DEFAULT_SETTINGS, ExtractionSettings
from hytetool.inputs import output_names, path_problem, walk
from hytetool.profile import GENERIC, Profile, active
from hytetool.limits import MAX_FILE_SECONDS, LimitError, TooLarge
from hytetool.parallel import FileTimeout, PageCallback, Progress, run_tasks
from hytetool.paths import PROFILE_PATH
from hytetool.workspace import load_profile
from hytetool.yamlio import WriteStatus, document_body, new_version_path, write_document

if TYPE_CHECKING:  # the normalizer is imported when a file is read: a warm run never needs it
    from hytetool.normalize import Normalized

DEFAULT_PROFILE = PROFILE_PATH  # at a workspace's root; workspace.py finds it
DEFAULT_STRATEGY = DEFAULT_PROFILE  # the profile holds the strategy (the name --strategy had)
# Python looks for cyclic garbage every 700 new container objects (gen0) by default. A
# PDF page makes tens of thousands of dicts that reference counting frees, so those
# collections mostly re-scan the page's live objects: with 50,000 extraction took 10-15 %
# less time on the bench corpus for 3 MB more peak memory (docs/performance.md).
GC_THRESHOLDS = (50_000, 10, 10)
# Suffix -> (module, function) of its reader, imported when a file of that kind is read:
# a run whose every file comes from the cache loads no PDF, Word or Excel library.
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("hytetool.extract.text", "read_text"), ".docx": ("hytetool.extract.docx", "read_docx"),
    ".pdf": ("hytetool.extract.pdf", "read_pdf"), ".xlsx": ("hytetool.extract.xlsx", "read_xlsx"),
    # through LibreOffice (extract/office.py)
    **{suffix: ("hytetool.extract.office", "read_office") for suffix in CONVERSIONS},
}


@dataclass
class FileResult:
    source: Path
    output: Path | None = None
    status: str = "failed"
    layouts: list[str] = field(default_factory=list)
    goals: int = 0
    actions: int = 0
    outcomes: int = 0
    unplaced: int = 0
    messages: list[str] = field(default_factory=list)
    error: str | None = None
    traceback: str | None = None
    cached: bool = False  # the result came from the extraction cache, the file was not parsed


def discover(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Input files in a stable order; paths that cannot be read (missing, a FIFO, a link
    loop, unreadable) come back as failed results, one line each (inputs.py), and files
    of a folder that hyte cannot read as skipped ones (listed, never silently dropped)."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        problems: list[str] = []
        if (problem := path_problem(path)) is not None:
            problems.append(problem)
        elif path.is_dir():
            skipped: list[Path] = []
            found, problems = walk(path, READERS, skipped)
            files += found
            missing += [FileResult(p, status="skipped", messages=[f"note: {p}: skipped; hyte reads {_supported()}"])
                        for p in sorted(skipped)]
        else:
            files.append(path)
        missing += [FileResult(path, messages=[message], error=message) for message in problems]
    return list(dict.fromkeys(files)), missing


def read_source(path: Path, password: str | None = None, settings: ExtractionSettings = DEFAULT_SETTINGS,
                on_page: PageCallback | None = None) -> DocumentModel:
    """The format reader for the file's suffix; `password` opens an encrypted PDF,
    `on_page(number, count)` hears of every PDF page read."""
    if (problem := path_problem(path)) is not None:  # a FIFO or a device would block or never end
        raise HyteError(problem)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(path, f"unsupported file type '{path.suffix}'; hyte reads {_supported()}")
    reader = _reader(suffix)
    try:
        if suffix == ".pdf":
            return reader(path, settings, password=password, on_page=on_page)
        return reader(path)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    except TooLarge as exc:  # a document-model limit, hit in any reader
        raise LimitError(path, str(exc)) from None


def _reader(suffix: str) -> Callable[..., DocumentModel]:
    """The reader function of a suffix in READERS, its module imported on first use."""
    module, function = READERS[suffix]
    return getattr(importlib.import_module(module), function)


def _supported() -> str:
    return ", ".join(sorted(READERS))


# What a document without any recognised table is told to do: nothing is lost (its
# tables and paragraphs are in `unplaced`), and a profile can name its columns.
NOT_RECOGNISED = ("no welfare-plan table recognised; every table and paragraph is kept under 'unplaced' in the "
                  "YAML. If its tables use other column headings, add them to the profile (headings:, see "
                  "docs/profile.md) and extract again")


def extract_file(path: Path, profile: Profile = GENERIC, password: str | None = None,
                 settings: ExtractionSettings = DEFAULT_SETTINGS, on_page: PageCallback | None = None) -> Normalized:
    """Read and normalize one file (no writing); raises InputError for a file that cannot
    be read. A readable file always gives a document, with a warning when no table was
    recognised in it."""
    from hytetool.normalize import normalize

    with active(profile):
        model = read_source(path, password, settings, on_page)
        result = normalize(model, profile)
    result.warnings += [f"warning: {path}: {warning}" for warning in model.warnings]
    document = result.document
    if not document.goals and not document.kpi_tables:
        result.warnings.append(f"warning: {path}: {NOT_RECOGNISED}")
        result.layouts.append("unrecognised")
    return result


@dataclass
class Batch:
    """What every file of one `hyte extract` run shares."""

    out_dir: Path
    force: bool
    profile: Profile
    password: str | None
    names: dict[Path, str] = field(default_factory=dict)  # input -> its YAML name (inputs.output_names)
    settings: ExtractionSettings = DEFAULT_SETTINGS
    profile_bytes: bytes | None = None  # the profile file as read: part of the cache key
    cache: ExtractionCache | None = None


@dataclass(frozen=True)
class Job:
    """One file's extraction as sent to a worker process: every field pickles."""

    path: Path
    profile: Profile
    password: str | None
    settings: ExtractionSettings


@dataclass
class Extraction:
    """What a worker sends back: the result, or the one line saying why there is none."""

    result: CachedExtraction | None = None
    error: str | None = None
    traceback: str | None = None
    cacheable: bool = False  # a failure the same bytes give again: kept in the cache (_cacheable_failure)


def extract_job(job: Job, on_page: PageCallback | None = None) -> Extraction:
    """Read and normalize one file; never raises (a worker's exception would lose the file name)."""
    with _fewer_collections():
        try:
            normalized = extract_file(job.path, job.profile, job.password, job.settings, on_page)
        except HyteError as exc:
            return Extraction(error=str(exc), cacheable=_cacheable_failure(job.path, exc))
        except Exception as exc:  # a bug or an input we did not foresee: still one line
            return Extraction(error=f"{job.path}: could not be extracted ({type(exc).__name__}); the file may be "
                                    "damaged: open and save (or export) it again; run with -v for details",
                              traceback=tb.format_exc(), cacheable=_cacheable_failure(job.path, exc))
        body = document_body(normalized.document)  # rendered here: in a worker, in parallel
    return Extraction(CachedExtraction.of(normalized.document, normalized.layouts, normalized.warnings, body))


def _cacheable_failure(path: Path, exc: Exception) -> bool:
    """Whether the same bytes, settings and code would fail again the same way, so the
    message may be cached. Not so for running out of memory, nor for a file read through
    LibreOffice (whether it is installed, and its version, are not in the cache key).
    Timeouts and dead workers never reach here (extract_paths); a run with --password
    has no cache."""
    return not isinstance(exc, MemoryError) and path.suffix.lower() not in CONVERSIONS


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """GC_THRESHOLDS while one file is extracted; the caller's thresholds after."""
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def extract_paths(paths: list[Path], out_dir: Path, *, force: bool = False,
                  profile_path: Path | None = None, password: str | None = None, jobs: int = 1,
                  cache_dir: Path | None = None, settings: ExtractionSettings = DEFAULT_SETTINGS,
                  progress: Progress | None = None) -> list[FileResult]:
    """Extract every input and write its YAML; `cache_dir` None means no cache, `profile_path`
    None the generic profile (the CLI passes the workspace's)."""
    profile = load_profile(profile_path)
    batch = Batch(out_dir, force, profile, password, settings=settings,
                  profile_bytes=profile_path.read_bytes() if profile_path is not None and profile_path.is_file()
                  else None,
                  cache=ExtractionCache(cache_dir) if cache_dir is not None and password is None else None)
    files, results = discover(paths)
    batch.names = output_names(files)
    if progress is not None:
        progress.start(len(files))
    keys = [_key(path, batch) for path in files]
    found = [batch.cache.get(key) if batch.cache and key else None for key in keys]
    misses = [path for path, hit in zip(files, found) if hit is None]
    if progress is not None:
        for path, hit in zip(files, found):
            if hit is not None:
                progress.file_done(path.name)
    jobs_out = run_tasks(extract_job, [Job(p, profile, password, settings) for p in misses],
                         [p.name for p in misses], jobs, progress, seconds=MAX_FILE_SECONDS)
    try:
        for path, key, hit in zip(files, keys, found):
            if isinstance(hit, CachedFailure):  # failed before: the same message, not parsed again
                results.append(_write(path, Extraction(error=hit.message(path), traceback=hit.traceback), batch,
                                      cached=True))
                continue
            if hit is not None:
                results.append(_write(path, Extraction(hit), batch, cached=True))
                continue
            extraction = next(jobs_out)
            if isinstance(extraction, BaseException):  # the worker died or was stopped
                extraction = Extraction(error=_failure(path, extraction))
            if extraction.result is not None and batch.cache is not None and key is not None:
                batch.cache.put(key, extraction.result)
            elif extraction.cacheable and extraction.error and batch.cache is not None and key is not None:
                batch.cache.put(key, CachedFailure(extraction.error, str(path), extraction.traceback))
            results.append(_write(path, extraction, batch))
    finally:
        jobs_out.close()  # shuts the worker pool down, also when a write raised
    return results


def _failure(path: Path, exc: BaseException) -> str:
    """The one line for a file whose worker gave no result."""
    if isinstance(exc, FileTimeout):
        return (f"{path}: stopped after {MAX_FILE_SECONDS} s (hytetool.limits.MAX_FILE_SECONDS); the file may be "
                "damaged or far larger than a plan; check it, or extract it alone")
    if isinstance(exc, BrokenProcessPool):
        return (f"{path}: the process reading it died (killed, or out of memory); the rest of the batch went on. "
                "Extract it alone with --jobs 1 to see why")
    return f"{path}: could not be extracted ({type(exc).__name__}); run with -v for details"


def _key(path: Path, batch: Batch) -> str | None:
    """The cache key of a file, or None (no cache, or the file cannot be read: its reader says why)."""
    if batch.cache is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return cache_key(data, path.name, batch.settings, batch.profile_bytes, batch.profile.municipality)


def _write(path: Path, extraction: Extraction, batch: Batch, cached: bool = False) -> FileResult:
    """Write one extraction's YAML (hand-edit guard included) and summarize it."""
    result = FileResult(path, cached=cached)
    if extraction.result is None:
        result.error = extraction.error or f"{path}: could not be extracted"
        result.messages.append(result.error)
        result.traceback = extraction.traceback
        return result
    counts = extraction.result.counts
    try:
        written = write_document(None, batch.out_dir / batch.names[path], force=batch.force,
                                 body=extraction.result.body)  # the body is the document as written
    except HyteError as exc:
        result.error = str(exc)
        result.messages.append(str(exc))
        return result
    except Exception as exc:  # as for reading: one line, the traceback with -v
        result.error = f"{path}: could not be written ({type(exc).__name__}); run with -v for details"
        result.messages.append(result.error)
        result.traceback = tb.format_exc()
        return result
    result.output, result.status = written.path, written.status.value
    result.layouts = list(extraction.result.layouts)
    result.messages += [w for w in extraction.result.warnings if w.startswith("warning: ")]
    result.goals, result.actions, result.outcomes = counts.goals, counts.actions, counts.outcomes
    result.unplaced = counts.unplaced_count
    if counts.unplaced_count:
        spans = ", ".join(f"{a}-{b}" for a, b in counts.unplaced)
        result.messages.append(f"warning: {path}: {counts.unplaced_count} unplaced block(s) kept in the YAML, "
                               f"lines {spans}")
    if counts.uncertain:
        result.messages.append(f"warning: {path}: {len(counts.uncertain)} key-figure row(s) marked uncertain: true, "
                               f"lines {', '.join(counts.uncertain)}; check their numbers by hand")
    if written.status is WriteStatus.kept_edit:
        target = batch.out_dir / batch.names[path]
        also = "" if written.path == new_version_path(target) else f" ({new_version_path(target).name} was edited too)"
        result.messages.append(f"note: {target} was edited by hand{also}; "
                               f"the new extraction is in {written.path} (use --force to overwrite)")
    return result
