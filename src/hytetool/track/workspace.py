"""Loading documents and the registry for the tracking commands, and `hyte track` itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hytetool.errors import HyteError
from hytetool.model import Document
from hytetool.track.matcher import Tracking, resolve
from hytetool.track.registry import default_registry_path, load_registry, write_registry
from hytetool import corpus
from hytetool.yamlio import load_document


def load_documents(paths: list[Path]) -> list[Document]:
    """Every document YAML under `paths` (folders searched like `hyte validate` does)."""
    return [doc for _, doc in corpus.load_documents(paths)]


@dataclass
class Workspace:
    documents: list[Document]
    tracking: Tracking
    registry_path: Path
    notes: list[str] = field(default_factory=list)


def open_workspace(paths: list[Path], registry_path: Path | None = None) -> Workspace:
    """Documents under `paths` with their shared ids (the registry is read, not written)."""
    documents = load_documents(paths)
    path = registry_path or default_registry_path(paths)
    tracking = resolve(documents, load_registry(path))
    notes = []
    if tracking.new:
        state = "is not there yet" if path.is_file() else "does not exist"
        notes.append(f"{len(tracking.new)} records matched on the fly: {path} {state} for them;"
                     " run `hyte track` to record their shared ids and review them")
    return Workspace(documents, tracking, path, notes)


@dataclass
class TrackResult:
    path: Path
    written: bool
    objectives: int
    actions: int
    objective_ids: int
    action_ids: int
    linked: int  # shared ids with members in more than one document
    new: int
    dropped: list[str]
    split: list[str]


def track_paths(paths: list[Path], registry_path: Path | None = None) -> TrackResult:
    """`hyte track`: match, then write the registry (hand edits in it are kept)."""
    documents = load_documents(paths)
    path = registry_path or default_registry_path(paths)
    tracking = resolve(documents, load_registry(path))
    written = write_registry(path, tracking.to_registry())
    groups = tracking.groups()
    kinds = {sid: members[0].ref.kind for sid, members in groups.items()}
    return TrackResult(
        path=path, written=written,
        objectives=sum(1 for r in tracking.ids if r.kind == "objective"),
        actions=sum(1 for r in tracking.ids if r.kind == "action"),
        objective_ids=sum(1 for k in kinds.values() if k == "objective"),
        action_ids=sum(1 for k in kinds.values() if k == "action"),
        linked=sum(1 for members in groups.values() if len({m.ref.document for m in members}) > 1),
        new=len(tracking.new), dropped=[str(r) for r in tracking.dropped], split=[str(r) for r in tracking.split],
    )
