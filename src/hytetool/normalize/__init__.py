"""Layout recognition and normalization: DocumentModel (any format) -> Document.

The one code path after reading: find the table regions, read each with the
recogniser for its layout into GoalTables, name their goals and sectors, build the
schema objects, and keep every line that found no place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hytetool.docmodel import DocumentModel, Line
from hytetool.model import BudgetNote, Document, KpiTable, Source, Unplaced
from hytetool.normalize.build import Builder
from hytetool.normalize.cells import Para
from hytetool.normalize.column_roles import content_roles
from hytetool.normalize.context import Context, context_above
from hytetool.normalize.loose import read_loose
from hytetool.normalize.metadata import read_metadata
from hytetool.normalize.regions import Region, assign_captions, caption_of, find_regions
from hytetool.city_strategy import Strategy
from hytetool.profile import GENERIC, Profile, active
from hytetool.profile import current as current_profile
from hytetool.normalize.tables import GoalTable
from hytetool.textutil import (
    clean_ws,
    letter_spacing_evidence,
    repair_letter_spacing,
    slugify,
    word_counts,
)
from hytetool.vocabulary import WELFARE_TITLE, Column, header_columns, label_of, section_starts

# Letter-spacing repair runs only on documents that show the damage at least this
# often; on clean text every extra join is a risk and no gain.
LETTER_SPACING_MIN_EVIDENCE = 3
# A title runs over at most this many lines ("Hyvinvointisuunnitelman" / "toimenpiteet vuodelle 2026").
MAX_TITLE_LINES = 3


@dataclass
class Normalized:
    document: Document
    layouts: list[str]
    warnings: list[str] = field(default_factory=list)


def normalize(source: DocumentModel, profile: Profile = GENERIC) -> Normalized:
    """The document's records, read with the municipality's profile (its sectors,
    strategy and heading words)."""
    with active(profile):
        return _normalize(source, profile)


def layout_regions(source: DocumentModel, profile: Profile) -> tuple[list[Line], list[Region], list]:
    """The repaired line view, the regions the layout strategies read, and the captions
    (with the profile active): what normalize reads, and what `hyte inspect` lists."""
    lines = _drop_running_headers(_repair(source.lines))
    regions, captions = find_regions(lines, profile.strategy.goal_named)
    assign_captions(regions, captions)
    for region in regions:
        if region.columns and lines[region.start].cells:  # a table with a header row
            region.columns, region.inferred = content_roles(region.columns, lines[region.start + 1 : region.end],
                                                            lines[region.start].cells)
    return lines, regions, captions


def _normalize(source: DocumentModel, profile: Profile) -> Normalized:
    strategy, municipality = profile.strategy, profile.municipality
    lines, regions, captions = layout_regions(source, profile)
    tables = [_read_region(lines[r.start : r.end], r, strategy) for r in regions]
    contexts = _contexts(lines, regions)
    for table, context in zip(tables, contexts):
        table.objective_above = context.objective
    _name_goals_and_sectors(tables, regions, strategy, [c.theme for c in contexts])
    builder = Builder(strategy=strategy)
    for table in tables:
        builder.add_table(table)
    used = _used_lines(lines, regions, captions) | {
        lines[i].no for t, c in zip(tables, contexts) for i in c.used
        # an unmarked line taken for a heading is used only where it named the table's goal
        if i != c.heading or lines[i].level is not None or t.goal_from_theme}
    loose = read_loose(lines, used)
    meta = read_metadata(
        _title_lines(lines),
        _header_lines(lines, regions),
        [r.caption.sector if r.caption else None for r in regions],
        source.furniture,
    )
    unplaced = [(p, r) for t in tables for p, r in t.unplaced] + loose.unplaced
    document = Document(
        id=slugify(source.path.stem),
        municipality=municipality,
        title=meta.title,
        kind=meta.kind,
        plan_period=meta.plan_period,
        year=meta.year,
        period=meta.period,
        sector=meta.sector,
        council_decision=meta.council_decision,
        source=Source(file=source.name, sha256=source.sha256, lines=[1, len(source.lines)] if source.lines else None,
                      pages=[1, source.page_count] if source.page_count else None),
        goals=builder.result(),
        kpi_tables=_unique_ids([k for t in tables for k in t.kpi] + loose.kpi),
        budget_notes=[BudgetNote(sector=s, text=p.text, lines=p.span, page=p.page) for s, p in loose.budget],
        unplaced=[Unplaced(text=p.text, reason=r, lines=p.span, page=p.page) for p, r in unplaced],
    )
    _drop_own_sector(document)
    warnings = [f"{source.name}:{p.first}-{p.last}: kept as unplaced ({r})" for p, r in unplaced]
    warnings += [f"{source.name}:{r.lines[0]}-{r.lines[1]}: key figure '{r.label}' is uncertain; check it by hand"
                 for t in loose.kpi for r in t.rows if r.uncertain and r.lines]
    return Normalized(document, sorted({r.kind for r in regions}), warnings)


def _unique_ids(tables: list[KpiTable]) -> list[KpiTable]:
    """Two tables of one sector and area (a table continued on the next page) get -2, -3."""
    seen: dict[str, int] = {}
    for table in tables:
        seen[table.id] = seen.get(table.id, 0) + 1
        if seen[table.id] > 1:
            table.id = f"{table.id}-{seen[table.id]}"
    return tables


def _repair(lines: list[Line]) -> list[Line]:
    """Heal PDF letter-spacing splits, when the document shows them (see textutil)."""
    full = "\n".join(line.text for line in lines)
    if letter_spacing_evidence(full) < LETTER_SPACING_MIN_EVIDENCE:
        return lines
    lexicon = word_counts(full)
    return [_with_text(line, repair_letter_spacing(line.text, lexicon)) for line in lines]


def _drop_running_headers(lines: list[Line]) -> list[Line]:
    """Blank out a page's running header: the document's title printed again on every page."""
    title_at = _title_indices(lines)
    texts = {clean_ws(lines[i].text) for i in title_at}
    return [
        Line(line.no, "", line.page) if i not in title_at and clean_ws(line.text) in texts else line
        for i, line in enumerate(lines)
    ]


def _with_text(line: Line, text: str) -> Line:
    trailing = line.text[len(line.text.rstrip()) :]
    return replace(line, text=text.rstrip() + trailing if text.strip() else line.text)


def _read_region(lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
    return region.strategy.read(lines, region, strategy)


def _contexts(lines: list[Line], regions: list[Region]) -> list[Context]:
    """The theme heading and objective sentence above each table without a caption."""
    title = set(_title_indices(lines))
    floors = [0] + [r.end for r in regions[:-1]]
    contexts: list[Context] = []
    for region, floor in zip(regions, floors):
        context = Context() if region.caption else context_above(lines, region.start, floor, title)
        heading_between = any(line.level is not None for line in lines[floor : region.start])
        if contexts and region.caption is None and context.theme is None and context.objective is None \
                and not heading_between:
            context = Context(objective=contexts[-1].objective)  # the next card or table under the same heading
        contexts.append(context)
    return contexts


def _name_goals_and_sectors(tables: list[GoalTable], regions: list[Region], strategy: Strategy,
                            themes: list[str | None]) -> None:
    """Goal: the table's caption, else the strategy its objectives come from, else the
    theme heading above it, else the previous table's (a table continued on the next
    page). Sector: caption, else the officials the table names."""
    previous: GoalTable | None = None
    for table, region, theme in zip(tables, regions, themes):
        texts = [p.text for p in table.objectives] + [p.text for row in table.rows for p in row.objective]
        if region.caption is not None:
            table.goal, table.goal_from_caption = region.caption.goal, True
        named = table.goal or strategy.goal_of(texts)
        table.goal_from_theme = named is None and theme is not None
        table.goal = named or theme or (previous.goal if previous else None)
        table.sector = region.caption.sector if region.caption else None
        if not table.one_action_per_paragraph:  # a plan row names several units: no one sector
            table.sector = table.sector or _sector_from_officials(table)
        if table.rows and all(row.continues_objective for row in table.rows[:1]) and previous and not theme:
            table.goal = previous.goal if not texts or strategy.goal_of(texts) is None else table.goal
            table.sector = table.sector or previous.sector
        previous = table


def _sector_from_officials(table: GoalTable) -> str | None:
    """Most-named sector of the table's officials; failing that, of the services it names."""
    profile = current_profile()
    officials = [" ".join(p.text for p in row.responsible) for row in table.rows]
    sector = _vote(officials, profile.official_votes())
    if sector is None:
        everything = [" ".join(p.text for p in row.actions + row.indicators + row.outcome) for row in table.rows]
        sector = _vote(everything, profile.service_votes())
    return sector


def _vote(texts: list[str], patterns) -> str | None:
    votes: dict[str, int] = {}
    for text in texts:
        for pattern, sector in patterns:
            votes[sector] = votes.get(sector, 0) + len(pattern.findall(text))
    best = max(votes.values(), default=0)
    return sorted(s for s, n in votes.items() if n == best)[0] if best else None


def _drop_own_sector(document: Document) -> None:
    """A record's sector is written only where it differs from the document's."""
    if document.sector is None:
        return
    for goal in document.goals:
        for record in [*goal.objectives, *goal.actions, *goal.outcomes]:
            if record.sector == document.sector:
                record.sector = None


def _used_lines(lines: list[Line], regions: list[Region], captions) -> set[int]:
    used = {lines[i].no for r in regions for i in range(r.start, r.end)}
    used |= {lines[c.index].no for c in captions}
    used |= {line.no for line in lines if _is_heading(line)}
    first = min([r.start for r in regions] + [c.index for c in captions] + [len(lines)])
    used |= {lines[i].no for i in _title_indices(lines) if i < first}
    return used


def _title_indices(lines: list[Line]) -> list[int]:
    """The document's leading lines, up to the first one that is not title-like."""
    found: list[int] = []
    for index, line in enumerate(lines):
        if line.blank:
            continue
        text = clean_ws(line.text)
        if (not WELFARE_TITLE.search(text) or current_profile().sector_mentions(text) >= 2 or line.cells
                or (found and line.level is not None)  # a heading after the title opens the first section
                or caption_of(line) or len(header_columns(text)) >= 2 or len(found) == MAX_TITLE_LINES):
            break
        found.append(index)
    return found


def _title_lines(lines: list[Line]) -> list[str]:
    return [clean_ws(lines[i].text) for i in _title_indices(lines)]


def _header_lines(lines: list[Line], regions: list[Region]) -> list[str]:
    """Header rows, column labels and markers: where periods and decisions are printed."""
    out = []
    for region in regions:
        out.append(clean_ws(lines[region.start].text))
        out += [clean_ws(l.text) for l in lines[region.start : region.end] if _is_heading(l)]
    for index, line in enumerate(lines):
        if not any(r.start <= index < r.end for r in regions) and _is_heading(line):
            out.append(clean_ws(line.text))
    return out


def _is_heading(line: Line) -> bool:
    """A column label or header line; a line opening a report section ("Talousarvion
    toteutuminen ja ... keinot") is read by the key-figure and budget readers instead."""
    text = clean_ws(line.text)
    if any(p.match(text) for p in section_starts()):
        return False
    return bool(text) and (label_of(text) is not None or len(header_columns(text)) >= 2
                           or text.lower().startswith(("kaupunkistrategia", "hyvinvointisuunnitelma", "toteutu")))
