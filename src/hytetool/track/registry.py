"""The registry file (data/normalized/registry.yaml): shared ids an analyst can edit.

Every objective and action followed across documents has one shared id; the registry
lists each shared id with its members, the records in the documents that are "the
same" objective or action. `hyte track` writes it; an analyst edits it to merge or
split; the next `hyte track` keeps every assignment in it and only places records that
are not in it yet (see matcher.py). The format is documented in docs/tracking.md and
in the comment header written at the top of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from hytetool.errors import HyteError
from hytetool.model import SLUG_PATTERN
from hytetool.paths import NORMALIZED_DIR, REGISTRY_NAME
from hytetool.yamlio import atomic_write_text, dump_yaml, read_yaml_text
from hytetool.yamlstyle import NOT_LITERAL_RE

REGISTRY_SCHEMA = "hyte-registry/v1"
KINDS = ("objective", "action")
SLUG_RE = re.compile(SLUG_PATTERN)

HEADER = """\
# hyte registry: shared ids that follow objectives and actions across documents and years.
# Written by `hyte track`; read by `hyte diff`, `hyte status`, `hyte render` and
# `hyte export --all-years`. The full description is in docs/tracking.md.
#
# Each entry under `ids:` is one objective or action followed over time. Its `members`
# are the records that are "the same" in the documents; `ref` names a record as
# DOCUMENT/KIND/ID (document id, objective or action, the record's id in its YAML).
#
# Edit this file to correct the matcher; your edits win at the next `hyte track`:
#   MERGE  move a member (its whole `- ref:` block) under another entry,
#          or give two entries the same `id`.
#   SPLIT  move a member into a new entry with an id of your own (lowercase a-z, 0-9
#          and hyphens), or add the two refs to `distinct:` as a pair, e.g.
#            distinct:
#              - [004-6f9012e3c57d872b/action/x, 003-8c92ca17df6d27aa/action/y]
#          A distinct pair is never put under one id again.
# `hyte track` keeps every assignment written here and only places records that are
# not here yet. `goal`, `sector`, `period`, `objective` and `text` are copied from the
# documents on every run (edit the documents, not these). Comments are not kept.
"""


@dataclass(frozen=True, order=True)
class Ref:
    """One record of one document: DOCUMENT/KIND/ID."""

    document: str
    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.document}/{self.kind}/{self.id}"

    @classmethod
    def parse(cls, text: str) -> Ref:
        parts = str(text).strip().split("/")
        if len(parts) != 3 or parts[1] not in KINDS or not all(parts):
            raise ValueError(
                f"'{text}' is not a record reference; write DOCUMENT/KIND/ID, e.g."
                " 004-6f9012e3c57d872b/action/ymparistosertifiointi-laajenee-paivakodeille"
                " (KIND is objective or action)"
            )
        return cls(*parts)


@dataclass
class RegistryMember:
    ref: Ref
    text: str = ""
    period: str | None = None
    sector: str | None = None
    objective: str | None = None  # actions: the shared id of their objective


@dataclass
class RegistryEntry:
    id: str
    goal: str | None = None
    sector: str | None = None
    members: list[RegistryMember] = field(default_factory=list)


@dataclass
class Registry:
    entries: list[RegistryEntry] = field(default_factory=list)
    distinct: list[tuple[Ref, Ref]] = field(default_factory=list)


# ---------------------------------------------------------------- reading


def default_registry_path(paths: list[Path] | None) -> Path:
    """registry.yaml in the first folder given, else beside the first file given."""
    for path in paths or []:
        if path.is_dir():
            return path / REGISTRY_NAME
    for path in paths or []:
        return path.parent / REGISTRY_NAME
    return NORMALIZED_DIR / REGISTRY_NAME


def _line(node: Any, key: Any = None) -> int:
    """1-based line of a node (or of one key in a mapping) for error messages."""
    try:
        if key is not None and isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        return node.lc.line + 1
    except Exception:
        return 1


def _check_keys(path: Path, node: Any, allowed: tuple[str, ...], what: str) -> None:
    if not isinstance(node, dict):
        raise HyteError(f"{path}:{_line(node)}: {what} must be a mapping")
    for key in node:
        if key not in allowed:
            raise HyteError(f"{path}:{_line(node, key)}: unknown key '{key}' in {what};"
                            f" allowed: {', '.join(allowed)}")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def load_registry(path: Path) -> Registry:
    """The registry at `path`; an empty one when the file does not exist."""
    if not path.is_file():
        return Registry()
    try:
        data = read_yaml_text(path.read_text(encoding="utf-8"))
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HyteError(f"{path}: not valid YAML ({reason})") from None
    if data is None:
        return Registry()
    _check_keys(path, data, ("schema", "ids", "distinct"), "the registry")
    registry = Registry()
    for entry in data.get("ids") or []:
        _check_keys(path, entry, ("id", "goal", "sector", "members"), "an entry of ids")
        ident = _text(entry.get("id"))
        if not ident or not SLUG_RE.match(ident):
            raise HyteError(f"{path}:{_line(entry)}: id '{ident or ''}' must be lowercase a-z, 0-9 and"
                            " single hyphens, e.g. my-own-id")
        members = []
        for member in entry.get("members") or []:
            _check_keys(path, member, ("ref", "text", "period", "sector", "objective"), "a member")
            try:
                ref = Ref.parse(member.get("ref", ""))
            except ValueError as exc:
                raise HyteError(f"{path}:{_line(member)}: {exc}") from None
            members.append(RegistryMember(ref, _text(member.get("text")) or "", _text(member.get("period")),
                                          _text(member.get("sector")), _text(member.get("objective"))))
        registry.entries.append(RegistryEntry(ident, _text(entry.get("goal")), _text(entry.get("sector")),
                                              members))
    for pair in data.get("distinct") or []:
        if not isinstance(pair, list) or len(pair) != 2:
            raise HyteError(f"{path}:{_line(pair)}: a distinct entry is a pair [REF, REF]")
        try:
            a, b = Ref.parse(pair[0]), Ref.parse(pair[1])
        except ValueError as exc:
            raise HyteError(f"{path}:{_line(pair)}: {exc}") from None
        registry.distinct.append((a, b))
    return registry


# ---------------------------------------------------------------- writing


def _scalar(value: str) -> Any:
    if NOT_LITERAL_RE.search(value):
        return DoubleQuotedScalarString(value)
    if "\n" in value:
        return LiteralScalarString(value)
    return value


def registry_text(registry: Registry) -> str:
    """The file's text: the comment header, then the entries (same registry, same bytes)."""
    ids = CommentedSeq()
    for entry in registry.entries:
        node = CommentedMap()
        node["id"] = entry.id
        if entry.goal:
            node["goal"] = _scalar(entry.goal)
        if entry.sector:
            node["sector"] = _scalar(entry.sector)
        members = CommentedSeq()
        for member in entry.members:
            item = CommentedMap()
            item["ref"] = str(member.ref)
            if member.period:
                item["period"] = member.period
            if member.sector:
                item["sector"] = _scalar(member.sector)
            if member.objective:
                item["objective"] = member.objective
            item["text"] = _scalar(member.text)
            members.append(item)
        node["members"] = members
        ids.append(node)
    distinct = CommentedSeq()
    for a, b in registry.distinct:
        pair = CommentedSeq([str(a), str(b)])
        pair.fa.set_flow_style()
        distinct.append(pair)
    root = CommentedMap()
    root["schema"] = REGISTRY_SCHEMA
    root["ids"] = ids
    root["distinct"] = distinct
    return HEADER + dump_yaml(root)


def write_registry(path: Path, registry: Registry) -> bool:
    """Write atomically; returns False when the file already had exactly these bytes."""
    text = registry_text(registry)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write_text(path, text)
    return True
