"""Content-addressed cache of extractions, so an unchanged input is not parsed again.

Reading a PDF costs tens of milliseconds per page; reading a cache entry costs far
less. The key covers everything the result depends on: the input's bytes and file name
(the document id and `source.file` come from the name), hytetool's version and a digest
of its own source code (so an edited checkout never reuses entries of older code), the
versions of Python and of the libraries that read and write the documents, the
extraction settings, the strategy reference file's bytes and the municipality. The
value is the normalized Document as JSON, its YAML body as written (ruamel's dump is
the slowest part of a warm run), the layouts and warnings and the counts the summary
prints. The document comes last, on a line of its own, and is parsed only when asked
for: a warm run writes the body and prints the counts, and parsing every document
(JSON, then pydantic) was a third of its time.

Entries are written to a temporary file and renamed into place, so a concurrent run
sees either no entry or a whole one. Each entry starts with a header line holding the
sha256 of its payload; an entry that is truncated, corrupt or written by another cache
format is deleted and the file is extracted again, never trusted.

A file that cannot be read (damaged, encrypted and no password given, beyond a limit)
is cached too, as its one-line message: the next run repeats the message without
parsing the file again. The pipeline decides which failures may be kept: never a
timeout or a dead worker (it may succeed next time), never a run with a password (the
cache would hold the plain text of a protected PDF).
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from hytetool import __version__
from hytetool.extract.settings import ExtractionSettings
from hytetool.model import Document
from hytetool.errors import HyteError
from hytetool.paths import PACKAGE_DIR
from hytetool.yamlio import atomic_write_bytes

# Bump when the entry layout changes: older entries then no longer match their key.
CACHE_FORMAT = 3  # 2: entries of failed extractions; 3: counts apart, the document on its own line
MAGIC = b"hyte-cache"
# Libraries whose upgrade can change an extraction or the YAML written for it.
LIBRARIES = ("pypdfium2", "pdfplumber", "pdfminer.six", "python-docx", "openpyxl", "wordfreq", "rapidfuzz", "pydantic",
             "ruamel.yaml")


@dataclass
class DocumentCounts:
    """What the extract summary says of a document: kept beside it in the cache, so that
    a warm run prints it without parsing the document."""

    goals: int = 0
    actions: int = 0
    outcomes: int = 0  # toteumat: outcome rows and actions with an outcome
    unplaced: list[list[int]] = field(default_factory=list)  # line spans of unplaced blocks ([] if none known)
    unplaced_count: int = 0
    uncertain: list[str] = field(default_factory=list)  # key-figure rows marked uncertain: lines or label

    @classmethod
    def of(cls, doc: Document) -> DocumentCounts:
        return cls(
            goals=len(doc.goals),
            actions=sum(len(g.actions) for g in doc.goals),
            outcomes=sum(len(g.outcomes) for g in doc.goals) + sum(1 for g in doc.goals for a in g.actions if a.outcome),
            unplaced=[list(u.lines) for u in doc.unplaced if u.lines],
            unplaced_count=len(doc.unplaced),
            uncertain=[f"{r.lines[0]}-{r.lines[1]}" if r.lines else r.label
                       for table in doc.kpi_tables for r in table.rows if r.uncertain],
        )


@dataclass
class CachedExtraction:
    """What one successful extraction gives the summary and the YAML writer; the
    document itself is parsed from the entry only when asked for (`document`)."""

    layouts: list[str]
    warnings: list[str]
    body: str  # yamlio.document_body(document), rendered once
    counts: DocumentCounts
    _document: Document | None = field(default=None, repr=False)
    _document_json: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, document: Document, layouts: list[str], warnings: list[str], body: str) -> CachedExtraction:
        return cls(list(layouts), list(warnings), body, DocumentCounts.of(document), document)

    @property
    def document(self) -> Document:
        if self._document is None:
            self._document = Document.model_validate_json(self._document_json or b"")
        return self._document


@dataclass
class CachedFailure:
    """A file that could not be extracted: its message (and traceback, for -v) as first given.

    The key holds the file's name but not its folder, so the message names the path it
    was made for (`source`); `message(path)` names the path of this run instead.
    """

    error: str
    source: str
    traceback: str | None = None

    def message(self, path: Path) -> str:
        return self.error.replace(self.source, str(path))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over hytetool's own .py files: a changed checkout gets fresh keys."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> str:
    """Python's and the LIBRARIES' versions, e.g. 'python=3.11.7 pdfplumber=0.11.10 ...'."""
    versions = [f"python={platform.python_version()}"]
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return " ".join(versions)


def cache_key(data: bytes, name: str, settings: ExtractionSettings, strategy: bytes | None,
              municipality: str | None) -> str:
    """The hex key of one extraction; every part that changes the result is in it."""
    digest = hashlib.sha256()
    parts = [
        f"format={CACHE_FORMAT}", f"version={__version__}", f"code={code_fingerprint()}",
        f"libraries={library_versions()}",
        f"name={name}", f"settings={settings.model_dump_json()}", f"municipality={municipality!r}",
        f"input={hashlib.sha256(data).hexdigest()}",
        f"strategy={hashlib.sha256(strategy).hexdigest() if strategy is not None else None}",
    ]
    for part in parts:  # length-prefixed, so no two different part lists give the same stream
        encoded = part.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
    return digest.hexdigest()


class ExtractionCache:
    """Entries under `folder`, one file per key: folder/ab/abcdef….json."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedExtraction | CachedFailure | None:
        """The entry for `key`, or None; a damaged entry is removed and reads as None."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        entry = _decode(data, key)
        if entry is None:  # truncated, corrupt or foreign: recompute, never trust
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only cache: the entry is skipped all the same
        return entry

    def put(self, key: str, entry: CachedExtraction | CachedFailure) -> bool:
        """Store an entry atomically; False when the folder cannot be written (the run goes on)."""
        try:
            atomic_write_bytes(self.path(key), _encode(entry, key))
        except (OSError, HyteError):  # HyteError: atomic_write_bytes's OS error, named
            return False
        return True


def _encode(entry: CachedExtraction | CachedFailure, key: str) -> bytes:
    if isinstance(entry, CachedFailure):
        value: dict = {"failure": {"error": entry.error, "source": entry.source, "traceback": entry.traceback}}
        document = b""
    else:
        value = {"layouts": entry.layouts, "warnings": entry.warnings, "body": entry.body,
                 "counts": asdict(entry.counts)}
        document = entry.document.model_dump_json().encode("utf-8")
    # JSON escapes every line break inside a string: the first newline ends the head
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + document
    header = b"%s %d %s sha256:%s\n" % (MAGIC, CACHE_FORMAT, key.encode(), hashlib.sha256(payload).hexdigest().encode())
    return header + payload


def _decode(data: bytes, key: str) -> CachedExtraction | CachedFailure | None:
    header, newline, payload = data.partition(b"\n")
    expected = b"%s %d %s sha256:" % (MAGIC, CACHE_FORMAT, key.encode())
    if not newline or not header.startswith(expected):
        return None
    if header[len(expected):] != hashlib.sha256(payload).hexdigest().encode():
        return None
    head, _, document = payload.partition(b"\n")
    try:
        value = json.loads(head)
        if "failure" in value:
            return _decode_failure(value["failure"])
        layouts, warnings, body = value["layouts"], value["warnings"], value["body"]
        if not document or not all(isinstance(x, str) for x in [*layouts, *warnings, body]):
            return None
        counts = DocumentCounts(**value["counts"])
        if not (all(isinstance(n, int) for n in (counts.goals, counts.actions, counts.outcomes, counts.unplaced_count))
                and all(isinstance(u, list) and len(u) == 2 for u in counts.unplaced)
                and all(isinstance(u, str) for u in counts.uncertain)):
            return None
        return CachedExtraction(list(layouts), list(warnings), body, counts, _document_json=document)
    except Exception:  # any shape problem: the entry is not ours to trust
        return None


def _decode_failure(value: dict) -> CachedFailure | None:
    error, source, traceback = value["error"], value["source"], value["traceback"]
    if not (isinstance(error, str) and error and isinstance(source, str) and source
            and (traceback is None or isinstance(traceback, str))):
        return None
    return CachedFailure(error, source, traceback)
