"""A municipality's profile: its own names, as data (`hyte-profile.yaml`).

What differs between municipalities and is not document structure lives here, never in
`src/`: the municipality's name, its sectors (toimialat) with their other names, the
officials' titles and services that tell a table's sector, its strategy (strategic goals
and their objectives) and extra column heading words of its templates ("Mahdolliset
toimenpidemittarit" -> indicators). Without a profile hyte reads on the shipped
vocabulary alone: sectors and goals come from the documents only.

The file format is documented in docs/profile.md; `Profile.load` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hytetool.errors import HyteError
from hytetool.city_strategy import Strategy, StrategyGoal
from hytetool.textutil import clean_ws
from hytetool.vocabulary import Column, pattern, using

# Keys a profile may hold; anything else is a typo worth one line, not a silent no-op.
KNOWN_KEYS = {"municipality", "language", "sectors", "strategies", "headings"}


@dataclass(frozen=True)
class Sector:
    """A sector (toimiala) and what names it: `aliases` in captions and headings,
    `officials` (titles) and `services` in a table's cells. Each entry is a word or a
    regular expression, matched case-insensitively anywhere in the text."""

    name: str
    aliases: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    services: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    municipality: str | None = None
    language: str = "fi"
    sectors: tuple[Sector, ...] = ()
    strategy: Strategy = field(default_factory=Strategy, compare=False)
    headings: dict[str, list[str]] = field(default_factory=dict, compare=False)
    source: Path | None = None

    @property
    def is_generic(self) -> bool:
        return self.source is None

    @staticmethod
    def load(path: Path) -> Profile:
        """Read a profile file; raises HyteError naming the file for anything wrong."""
        from hytetool.yamlio import read_yaml_text

        try:
            data = read_yaml_text(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise HyteError(f"{path}: cannot read the profile ({exc.strerror or exc})") from None
        except Exception as exc:  # a YAML syntax error or a limit (yamlguard): validate-like one line
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise HyteError(f"{path}: not a valid profile ({reason}); check its YAML") from None
        if not isinstance(data, dict):
            raise HyteError(f"{path}: not a valid profile (expected keys such as municipality, sectors)")
        unknown = sorted(set(data) - KNOWN_KEYS)
        if unknown:
            raise HyteError(f"{path}: unknown key(s) {', '.join(unknown)}; a profile knows {', '.join(sorted(KNOWN_KEYS))}")
        return Profile(municipality=data.get("municipality"), language=str(data.get("language") or "fi"),
                       sectors=tuple(_sector(path, s) for s in data.get("sectors") or []),
                       strategy=_strategy(data), headings=_headings(path, data.get("headings") or {}), source=path)

    # ------------------------------------------------------------ sectors

    def sector_name(self, text: str | None) -> str | None:
        """The sector a caption or heading names: a profile alias ('hyvinvointi'), else a
        word ending in -toimiala ('Sivistystoimiala') as the document writes it."""
        if not text:
            return None
        for sector, regex in self._alias_patterns:
            if regex.search(text):
                return sector.name
        if (match := pattern("sector_word").search(text)) is not None:
            return match[1][:1].upper() + match[1][1:].lower()
        return None

    def sector_mentions(self, text: str) -> int:
        """How many sector names a line holds (a list of sectors is no title)."""
        count = sum(len(regex.findall(text)) for _, regex in self._alias_patterns)
        return count or len(pattern("sector_word").findall(text))

    def is_sector_heading(self, text: str) -> bool:
        """A line in capitals naming a sector opens that sector's part of a report."""
        if pattern("sector_heading").match(text):
            return True
        return text.isupper() and any(text.casefold() == s.name.casefold() for s in self.sectors)

    def is_unit(self, text: str) -> bool:
        """A sector's own name standing alone is a responsible unit ('Kaupunginkanslia')."""
        return any(clean_ws(text).casefold() == s.name.casefold() for s in self.sectors)

    def official_votes(self) -> list[tuple[re.Pattern[str], str]]:
        return [(regex, s.name) for s in self.sectors for regex in _compiled(s.officials)]

    def service_votes(self) -> list[tuple[re.Pattern[str], str]]:
        return [(regex, s.name) for s in self.sectors for regex in _compiled(s.services)]

    def sector_rank(self, name: str) -> tuple[int, str]:
        """Sort key: the profile's order of sectors, then the others by name."""
        names = [s.name for s in self.sectors]
        return (names.index(name) if name in names else len(names), name)

    @cached_property
    def _alias_patterns(self) -> list[tuple[Sector, re.Pattern[str]]]:
        # an alias names the sector as a word, or as the first part of "...toimiala(n)";
        # one pattern per sector, so "hyvinvointitoimiala" counts once
        return [(s, re.compile(rf"\b(?:{'|'.join((*s.aliases, re.escape(s.name)))})(?:toimiala[a-zäö]*)?\b", re.I))
                for s in self.sectors]


def _compiled(entries: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(entry, re.I) for entry in entries]


def _sector(path: Path, data: object) -> Sector:
    if isinstance(data, str):
        return Sector(name=data)
    if not isinstance(data, dict) or not data.get("name"):
        raise HyteError(f"{path}: each sector needs a name (sectors: - name: Sivistystoimiala)")
    entries = {key: tuple(str(v) for v in data.get(key) or []) for key in ("aliases", "officials", "services")}
    for key, values in entries.items():
        for value in values:
            try:
                re.compile(value)
            except re.error as exc:
                raise HyteError(f"{path}: sector {data['name']}: {key} entry {value!r} is not a valid pattern ({exc})") from None
    return Sector(name=str(data["name"]), **entries)


def _strategy(data: dict) -> Strategy:
    goals = [StrategyGoal(name=str(g["name"]), objectives=[clean_ws(str(o)) for o in g.get("objectives") or []])
             for s in data.get("strategies") or [] for g in s.get("goals") or [] if isinstance(g, dict) and g.get("name")]
    return Strategy(goals=goals)


def _headings(path: Path, data: dict) -> dict[str, list[str]]:
    roles = {c.value for c in Column} - {Column.other.value}
    for role in data:
        if role not in roles:
            raise HyteError(f"{path}: headings: unknown column role {role!r}; roles are {', '.join(sorted(roles))}")
    return {role: [str(w) for w in words or []] for role, words in data.items()}



GENERIC = Profile()
_ACTIVE: ContextVar[Profile] = ContextVar("hyte_profile", default=GENERIC)


def current() -> Profile:
    """The profile of the document being read (the generic one outside `active`)."""
    return _ACTIVE.get()


@contextmanager
def active(profile: Profile) -> Iterator[Profile]:
    """Read one document with this profile: its sectors, and its heading words added to
    the vocabulary (see vocabulary.using)."""
    token = _ACTIVE.set(profile)
    try:
        with using(profile.headings):
            yield profile
    finally:
        _ACTIVE.reset(token)
