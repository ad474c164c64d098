"""`hyte extract` as a library: find inputs, read, normalize, write with the edit guard.

Each file is handled on its own: a file that fails gives one clear message and the
rest of the batch still runs; nothing is written for a failed file.
"""

from __future__ import annotations

import traceback as tb
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hytetool.errors import HyteError, InputError
from hytetool.extract.base import SourceText
from hytetool.extract.docx import read_docx
from hytetool.extract.pdf import read_pdf
from hytetool.extract.text import read_text
from hytetool.normalize import Normalized, normalize
from hytetool.normalize.strategy import Strategy, load_strategy
from hytetool.yamlio import WriteStatus, write_document

DEFAULT_STRATEGY = Path("data/reference/strategy.yaml")
READERS: dict[str, Callable[[Path], SourceText]] = {".txt": read_text, ".docx": read_docx, ".pdf": read_pdf}


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


def discover(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Input files in a stable order; missing paths come back as failed results."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        elif path.is_file():
            files.append(path)
        else:
            message = f"{path}: no such file or folder"
            missing.append(FileResult(path, messages=[message], error=message))
    return list(dict.fromkeys(files)), missing


def read_source(path: Path, password: str | None = None) -> SourceText:
    """The format reader for the file's suffix; `password` opens an encrypted PDF."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise InputError(path, f"unsupported file type '{path.suffix}'; hyte reads {supported}")
    try:
        return read_pdf(path, password=password) if reader is read_pdf else reader(path)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None


def extract_file(path: Path, strategy: Strategy | None = None, municipality: str | None = None,
                 password: str | None = None) -> Normalized:
    """Read and normalize one file (no writing); raises InputError for bad input."""
    result = normalize(read_source(path, password), strategy, municipality)
    document = result.document
    if not document.goals and not document.kpi_tables:
        raise InputError(path, "no welfare-plan table recognised; is this a HYTE goal or action table?")
    return result


def output_path(source: Path, out_dir: Path, taken: set[str]) -> Path:
    """NAME.yaml, or NAME.ext.yaml when two inputs share a name (report.txt, report.pdf)."""
    name = f"{source.stem}.yaml"
    if name in taken:
        name = f"{source.name}.yaml"
    taken.add(name)
    return out_dir / name


@dataclass
class Batch:
    """What every file of one `hyte extract` run shares."""

    out_dir: Path
    force: bool
    strategy: Strategy
    municipality: str | None
    password: str | None
    taken: set[str] = field(default_factory=set)  # output names already used in this run


def extract_paths(paths: list[Path], out_dir: Path, *, force: bool = False,
                  strategy_path: Path | None = DEFAULT_STRATEGY, password: str | None = None) -> list[FileResult]:
    strategy, municipality = _strategy(strategy_path)
    batch = Batch(out_dir, force, strategy, municipality, password)
    files, results = discover(paths)
    for path in files:
        results.append(_extract_one(path, batch))
    return results


def _strategy(path: Path | None) -> tuple[Strategy, str | None]:
    strategy = load_strategy(path)
    municipality = None
    if path is not None and path.is_file():
        from hytetool.yamlio import read_yaml_text

        data = read_yaml_text(path.read_text(encoding="utf-8")) or {}
        municipality = data.get("municipality")
    return strategy, municipality


def _extract_one(path: Path, batch: Batch) -> FileResult:
    result = FileResult(path)
    try:
        normalized = extract_file(path, batch.strategy, batch.municipality, batch.password)
        written = write_document(normalized.document, output_path(path, batch.out_dir, batch.taken), force=batch.force)
    except HyteError as exc:
        result.error = str(exc)
        result.messages.append(str(exc))
        return result
    except Exception as exc:  # a bug or an input we did not foresee: still one line
        result.error = f"{path}: could not be extracted ({type(exc).__name__}: {exc}); run with -v for details"
        result.messages.append(result.error)
        result.traceback = tb.format_exc()
        return result
    doc = normalized.document
    result.output, result.status = written.path, written.status.value
    result.layouts = normalized.layouts
    result.goals = len(doc.goals)
    result.actions = sum(len(g.actions) for g in doc.goals)
    result.outcomes = sum(len(g.outcomes) for g in doc.goals) + sum(
        1 for g in doc.goals for a in g.actions if a.outcome)
    result.unplaced = len(doc.unplaced)
    if doc.unplaced:
        spans = ", ".join(f"{u.lines[0]}-{u.lines[1]}" for u in doc.unplaced if u.lines)
        result.messages.append(f"warning: {path}: {len(doc.unplaced)} unplaced block(s) kept in the YAML, lines {spans}")
    if written.status is WriteStatus.kept_edit:
        result.messages.append(
            f"note: {written.path.with_name(written.path.name.replace('.new', ''))} was edited by hand; "
            f"the new extraction is in {written.path} (use --force to overwrite)")
    return result
