"""Finding and loading the normalized documents a command works on.

Every command that reads normalized YAML (validate, export, render, track, diff,
status) finds files the same way: files named directly are taken as given, folders
give every *.yaml below them except the registry and the .new.yaml versions waiting
beside a hand edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hytetool.errors import HyteError
from hytetool.inputs import path_problem
from hytetool.model import Document
from hytetool.paths import REGISTRY_NAME
from hytetool.periods import PeriodError, document_period, parse_period
from hytetool.yamlio import load_document

SKIPPED_NAMES = (REGISTRY_NAME,)  # not a document: the shared ids of records across years
SKIPPED_SUFFIX = ".new.yaml"  # a regenerated version waiting beside a hand edit


def yaml_files(folder: Path) -> list[Path]:
    """Every document YAML below `folder`, sorted so the output order is stable."""
    return sorted(
        p for p in folder.rglob("*.yaml")
        if p.is_file() and p.name not in SKIPPED_NAMES and not p.name.endswith(SKIPPED_SUFFIX)
    )


def document_files(paths: Iterable[Path]) -> list[Path]:
    """Files and folders -> document files, each once; a missing path is an error."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += yaml_files(path)
        elif path.is_file():
            files.append(path)
        else:  # missing, a FIFO, a device, a link loop: said as such (inputs.py)
            raise HyteError(path_problem(path) or f"{path}: not a file or folder hyte can read")
    unique: dict[Path, Path] = {}
    for file in files:  # the same file named twice (folder and file) counts once
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def load_file(path: Path) -> Document:
    try:
        return load_document(path)
    except Exception as exc:  # ruamel, pydantic, OSError, UnicodeDecodeError: all "fix the file"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HyteError(
            f"{path}: not a valid hyte/v1 document ({reason}); run `hyte validate {path}` for details"
        ) from None


def load_documents(paths: Iterable[Path]) -> list[tuple[Path, Document]]:
    """The documents under `paths`, ordered by source file name; none found is an error."""
    paths = [Path(p) for p in paths]
    files = document_files(paths)
    if not files:
        where = ", ".join(str(p) for p in paths) or "(no paths)"
        raise HyteError(f"no normalized YAML documents (*.yaml) found in {where}; run `hyte extract` first")
    loaded = [(f, load_file(f)) for f in files]
    return sorted(loaded, key=lambda item: (item[1].source.file, str(item[0])))


def covers_year(doc: Document, year: int) -> bool:
    """Reports of the year, and the plan (or template) in force when no period is given."""
    text = document_period(doc)
    if text is None:
        return False
    try:
        return parse_period(text).covers_year(year)
    except PeriodError:  # the model validated it already; kept for documents built by hand
        return False


def pending_versions(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """The NAME.new.yaml files `paths` holds: (named directly, found in folders).

    `hyte extract` writes NAME.new.yaml beside a hand-edited NAME.yaml; read as a
    document it would count every record twice (a shell glob *.yaml names it)."""
    named: list[Path] = []
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{SKIPPED_SUFFIX}") if p.is_file())
        elif path.name.endswith(SKIPPED_SUFFIX):
            named.append(path)
    return named, found


def merged_name(pending: Path) -> Path:
    """NAME.new.yaml -> NAME.yaml, the hand-edited file it waits beside."""
    return pending.with_name(pending.name[: -len(SKIPPED_SUFFIX)] + ".yaml")


def duplicate_ids(loaded: Iterable[tuple[Path, Document]]) -> list[tuple[str, Path, Path]]:
    """(id, first file, other file) for every document id that two files share."""
    first: dict[str, Path] = {}
    duplicates = []
    for path, doc in loaded:
        if doc.id in first:
            duplicates.append((doc.id, first[doc.id], path))
        else:
            first.setdefault(doc.id, path)
    return duplicates
