"""`hyte inspect` as text, for every format: what the reader and the layouts saw.

For any input (text, Word, Excel, PDF) it lists the document model's outline (headings
with their levels) and tables, then every region a layout strategy read: the strategy,
its confidence and reason, the caption that names the goal, and each column's role with
where the role came from (a heading word of the shipped vocabulary or of the profile;
a column without a role is kept as unplaced). The PNG of a PDF page is inspect.py's.
"""

from __future__ import annotations

from pathlib import Path

from hytetool.extract.settings import DEFAULT_SETTINGS, ExtractionSettings

from hytetool.docmodel import DocumentModel
from hytetool.normalize import layout_regions
from hytetool.normalize.layouts import REGISTRY
from hytetool.profile import GENERIC, Profile, active
from hytetool.textutil import clean_ws
from hytetool.vocabulary import current

# Cell and heading texts are cut to this many characters in the listing (one line each).
SHOWN_CHARS = 60


def inspect_document(source: DocumentModel, profile: Profile = GENERIC) -> list[str]:
    """The listing for one read document (see the module docstring)."""
    with active(profile):
        lines, regions, captions = layout_regions(source, profile)
        out = [f"{source.name}: {len(source.blocks)} blocks, {len(source.tables())} tables"
               + (f", {source.page_count} pages" if source.page_count else ""),
               f"profile: {profile.source or 'none (the shipped vocabulary only)'}",
               f"strategies tried, in order: {', '.join(s.name for s in REGISTRY.strategies)}"]
        out += _outline(source)
        out.append(f"regions read: {len(regions)}" + ("" if regions else " (no table recognised: everything "
                                                                         "is kept as unplaced)"))
        for number, region in enumerate(regions, start=1):
            first, last = lines[region.start], lines[region.end - 1]
            where = f"lines {first.no}-{last.no}" + (f", page {first.page}" if first.page else "")
            out.append(f"  [{number}] {where}: {region.kind} (confidence {region.confidence:.2f}: {region.reason})")
            if region.caption is not None:
                out.append(f"      goal: {region.caption.goal}" + (f", sector {region.caption.sector}"
                                                                     if region.caption.sector else ""))
            out += _columns(first.cells or (), region)
        out.append(f"captions: {len(captions)}")
    return out


def _outline(source: DocumentModel) -> list[str]:
    headings = source.outline()
    if not headings:
        return ["outline: no headings (the format marks none, or the document has none)"]
    return ["outline:"] + [f"  {'  ' * (h.level - 1)}{h.level} {_cut(h.text)}" for h in headings]


def _columns(header: tuple[str, ...], region) -> list[str]:
    if not header:  # row-by-row and column-wise layouts: roles from the header line or labels
        roles = ", ".join(c.value for c in region.columns) or "from the column labels"
        return [f"      columns: {roles}"]
    vocabulary = current()
    return [f"      column {index}: '{_cut(cell)}' -> "
            + (f"{region.columns[index - 1].value}: {region.inferred[index - 1]}" if index - 1 in region.inferred
               else vocabulary.explain(cell))
            for index, cell in enumerate(header, start=1)]


def _cut(text: str) -> str:
    plain = clean_ws(text)
    return plain if len(plain) <= SHOWN_CHARS else plain[: SHOWN_CHARS - 1] + "…"


def inspect_file(path: Path, profile: Profile = GENERIC, password: str | None = None,
                 settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[str]:
    """Read any supported file and list what was found in it."""
    from hytetool.pipeline import read_source

    with active(profile):
        source = read_source(path, password, settings)
    return inspect_document(source, profile)
