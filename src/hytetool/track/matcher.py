"""Identity across documents: which objectives and actions are the same over the years.

`resolve(documents, registry)` gives every objective and action of the documents a
shared id:

1. Every assignment in the registry is kept as it is (a hand edit wins). Members of
   documents that are not among the inputs stay too, and their stored text still
   counts when new records are compared with them. A member whose document is among
   the inputs but whose record no longer exists is dropped (and reported).
2. A `distinct` pair found under one id is split: the later record leaves the id and
   is placed again, never with the other one.
3. The records not in the registry are placed, objectives before actions, document by
   document in period order: each goes to the best-scoring shared id of the same
   strategic goal (goal names compared casefolded) and, for actions, the same sector,
   whose score reaches the threshold (hytetool/similarity.py), and which has no record yet from the
   same document and sector (one record per document and sector per id: two rows of
   one table are never the same). Best scores are taken first, so placement within a
   document does not depend on row order. Records nothing matches get a new id, a slug
   of their text with the prefix `obj-` or `act-`.

Everything is sorted, so the same documents and registry give the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hytetool.errors import HyteError
from hytetool.model import Document
from hytetool.textutil import slugify
from hytetool.periods import document_period, period_key
from hytetool.track.registry import KINDS, Ref, Registry, RegistryEntry, RegistryMember
from hytetool.similarity import ACTION_MIN, ACTION_SAME_OBJECTIVE_MIN, OBJECTIVE_MIN, similarity
from hytetool.track.text import goal_key, sector_key

PREFIX = {"objective": "obj", "action": "act"}


def document_order(documents: list[Document]) -> list[Document]:
    """Documents in period order (start, then end), then by source file and id."""
    return sorted(documents, key=lambda d: (period_key(document_period(d)), d.source.file, d.id))


@dataclass
class Member:
    """A record taking part in matching: from an input document, or kept from the registry."""

    ref: Ref
    goal: str
    sector: str | None
    text: str
    period: str | None
    order: tuple[int, int] = (1 << 30, 0)  # (document index, position); registry-only last
    objective_local: str | None = None  # actions of input documents: their objective's local id
    objective_shared: str | None = None  # actions: the shared id of their objective
    in_input: bool = True
    municipality: str = ""  # casefolded; records of two municipalities are never the same

    @property
    def block(self) -> tuple[str, str, str, str]:
        """Records are only compared within one block: kind, municipality, goal and (for
        actions) sector. The municipality keeps a national corpus from comparing every
        city's "Tuemme ja edistämme …" with every other's (quadratic, and never a match)."""
        return (self.ref.kind, self.municipality, goal_key(self.goal),
                sector_key(self.sector) if self.ref.kind == "action" else "")

    @property
    def slot(self) -> tuple[str, str]:
        """One record per document and sector per shared id."""
        return (self.ref.document, sector_key(self.sector))


def collect_members(documents: list[Document]) -> list[Member]:
    members: list[Member] = []
    for index, doc in enumerate(document_order(documents)):
        position = 0
        period = document_period(doc)
        town = (doc.municipality or "").casefold()
        for goal in doc.goals:
            for obj in goal.objectives:
                position += 1
                members.append(Member(Ref(doc.id, "objective", obj.id), goal.name, obj.sector or doc.sector,
                                      obj.text, period, (index, position), municipality=town))
            for action in goal.actions:
                position += 1
                members.append(Member(Ref(doc.id, "action", action.id), goal.name, action.sector or doc.sector,
                                      action.text, period, (index, position), objective_local=action.objective,
                                      municipality=town))
    return members


@dataclass
class Tracking:
    """The outcome of matching: a shared id for every member."""

    ids: dict[Ref, str] = field(default_factory=dict)
    members: dict[Ref, Member] = field(default_factory=dict)
    distinct: list[tuple[Ref, Ref]] = field(default_factory=list)
    new: list[Ref] = field(default_factory=list)  # placed by the matcher (not in the registry)
    dropped: list[Ref] = field(default_factory=list)  # registry members whose record is gone
    split: list[Ref] = field(default_factory=list)  # taken out of an id because of `distinct`

    def shared_id(self, document: str, kind: str, local_id: str) -> str | None:
        return self.ids.get(Ref(document, kind, local_id))

    def groups(self) -> dict[str, list[Member]]:
        out: dict[str, list[Member]] = {}
        for ref, sid in self.ids.items():
            out.setdefault(sid, []).append(self.members[ref])
        return out

    def to_registry(self) -> Registry:
        entries = []
        for sid, members in self.groups().items():
            members.sort(key=lambda m: (period_key(m.period), str(m.ref)))
            latest = members[-1]
            entries.append(RegistryEntry(
                sid, latest.goal or None, latest.sector if latest.ref.kind == "action" else None,
                [RegistryMember(m.ref, m.text, m.period, m.sector, m.objective_shared) for m in members],
            ))
        entries.sort(key=lambda e: (KINDS.index(e.members[0].ref.kind), goal_key(e.goal or ""), e.id))
        pairs = sorted({tuple(sorted(p)) for p in self.distinct}, key=lambda p: (str(p[0]), str(p[1])))
        return Registry(entries, [(a, b) for a, b in pairs])


class _Matcher:
    def __init__(self, documents: list[Document], registry: Registry) -> None:
        self.t = Tracking(distinct=list(registry.distinct))
        self.input_docs = {d.id for d in documents}
        self.members: dict[Ref, Member] = {m.ref: m for m in collect_members(documents)}
        self.apart: dict[Ref, set[Ref]] = {}
        for a, b in registry.distinct:
            self.apart.setdefault(a, set()).add(b)
            self.apart.setdefault(b, set()).add(a)
        self.by_sid: dict[str, list[Member]] = {}
        self.by_block: dict[tuple[str, str, str], set[str]] = {}
        self.taken: set[str] = set()  # ids in use; only ever grows
        # base -> the suffix its last new id got. Ids are never given back, so every
        # smaller suffix is still taken: a year of 300 municipalities has hundreds of
        # actions whose first six words (the slug) are the same, and probing each of
        # them from 1 again was quadratic (a third of matching the bench year).
        self.last_suffix: dict[str, int] = {}
        self._load(registry)

    # ---------------------------------------------------------- registry

    def _load(self, registry: Registry) -> None:
        where: dict[Ref, str] = {}
        for entry in registry.entries:
            self.taken.add(entry.id)
            for stored in entry.members:
                ref = stored.ref
                if ref in where:
                    if where[ref] != entry.id:
                        raise HyteError(f"registry: {ref} is listed under both '{where[ref]}' and '{entry.id}';"
                                        " keep it under one of them")
                    continue
                if ref.document in self.input_docs:
                    if ref not in self.members:
                        self.t.dropped.append(ref)
                        continue
                    member = self.members[ref]
                else:
                    member = Member(ref, entry.goal or "", stored.sector, stored.text, stored.period,
                                    objective_shared=stored.objective, in_input=False)
                    self.members[ref] = member
                where[ref] = entry.id
        for ref, sid in where.items():
            self._assign(self.members[ref], sid)
        towns = {sid: self.members[ref].municipality for ref, sid in where.items() if self.members[ref].in_input}
        for ref, sid in where.items():  # a member only the registry knows: its id's municipality
            if not self.members[ref].in_input:
                self.members[ref].municipality = towns.get(sid, "")
        self._split_distinct()

    def _split_distinct(self) -> None:
        for a, b in sorted(self.t.distinct):
            sa, sb = self.t.ids.get(a), self.t.ids.get(b)
            if sa is None or sa != sb:
                continue
            ma, mb = self.members[a], self.members[b]
            # move the later record (by period, then order); an input record rather than a stored one
            later = max((ma, mb), key=lambda m: (m.in_input, period_key(m.period), m.order, str(m.ref)))
            self._unassign(later)
            self.t.split.append(later.ref)
            if not later.in_input:  # cannot be placed again from a document: give it its own id
                self._assign(later, self._new_sid(later))

    # ---------------------------------------------------------- bookkeeping

    def _assign(self, member: Member, sid: str) -> None:
        self.t.ids[member.ref] = sid
        self.by_sid.setdefault(sid, []).append(member)
        self.by_block.setdefault(member.block, set()).add(sid)
        self.taken.add(sid)

    def _unassign(self, member: Member) -> None:
        sid = self.t.ids.pop(member.ref)
        self.by_sid[sid].remove(member)
        if not any(m.block == member.block for m in self.by_sid[sid]):
            self.by_block[member.block].discard(sid)

    def _new_sid(self, member: Member) -> str:
        base = f"{PREFIX[member.ref.kind]}-{slugify(member.text) if member.text.strip() else member.ref.id}"
        n = self.last_suffix.get(base, 1)
        sid = base if n == 1 else f"{base}-{n}"
        while sid in self.taken:
            n += 1
            sid = f"{base}-{n}"
        self.last_suffix[base] = n
        self.taken.add(sid)
        return sid

    # ---------------------------------------------------------- placing

    def _objective_shared(self, member: Member) -> str | None:
        if member.objective_local is None:
            return member.objective_shared
        return self.t.ids.get(Ref(member.ref.document, "objective", member.objective_local))

    def _threshold(self, member: Member, other: Member) -> float:
        if member.ref.kind == "objective":
            return OBJECTIVE_MIN
        mine = member.objective_shared
        if mine is not None and mine == other.objective_shared:
            return ACTION_SAME_OBJECTIVE_MIN
        return ACTION_MIN

    def _score(self, member: Member, sid: str) -> tuple[float, float] | None:
        """Best (score, ratio) of `member` against the id's members of its block; None if not allowed."""
        best: tuple[float, float] | None = None
        for other in self.by_sid[sid]:
            if other.ref in self.apart.get(member.ref, ()) or other.slot == member.slot:
                return None
            if other.block != member.block:
                continue
            score = similarity(member.text, other.text)
            if score[0] >= self._threshold(member, other) and (best is None or score > best):
                best = score
        return best

    def place(self) -> Tracking:
        for kind in KINDS:
            if kind == "action":  # objectives are placed: every action learns its objective's id
                for member in self.members.values():
                    if member.in_input and member.ref.kind == "action":
                        member.objective_shared = self._objective_shared(member)
            batches: dict[tuple[Any, ...], list[Member]] = {}
            pending = sorted((m for m in self.members.values()
                              if m.in_input and m.ref.kind == kind and m.ref not in self.t.ids),
                             key=lambda m: m.order)
            for member in pending:
                batches.setdefault((member.order[0], member.block, member.slot), []).append(member)
            for batch in batches.values():
                self._place_batch(batch)
        self.t.members = self.members
        self.t.ids = dict(sorted(self.t.ids.items()))
        return self.t

    def _place_batch(self, batch: list[Member]) -> None:
        candidates = []
        for member in batch:
            for sid in sorted(self.by_block.get(member.block, ())):
                score = self._score(member, sid)
                if score is not None:
                    candidates.append((-score[0], -score[1], member.order, sid, member))
        candidates.sort(key=lambda c: c[:4])
        used: set[str] = set()
        for *_, sid, member in candidates:
            if member.ref in self.t.ids or sid in used:
                continue
            self._assign(member, sid)
            self.t.new.append(member.ref)
            used.add(sid)
        for member in batch:
            if member.ref not in self.t.ids:
                self._assign(member, self._new_sid(member))
                self.t.new.append(member.ref)


def resolve(documents: list[Document], registry: Registry | None = None) -> Tracking:
    """Shared ids for every objective and action of `documents` (see the module docstring)."""
    return _Matcher(documents, registry or Registry()).place()
