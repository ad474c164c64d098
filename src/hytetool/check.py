"""`hyte check`: everything to look at before a report is published.

Each finding names the file, the record (id and text) and what to do. Findings come in
two weights: *fix* (the published report would be wrong or doubled: exit 1) and *look*
(worth a look, the report is still right). `hyte render` warns about the same stale
statuses and uncertain key figures through the functions here (one implementation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hytetool.corpus import document_files, duplicate_ids, merged_name, pending_versions
from hytetool.model import Action, Document, DocumentKind
from hytetool.status import derive_status, is_stale
from hytetool.validate import validate_file
from hytetool.yamlio import load_document

TEXT_SHOWN = 60  # characters of a record's text in a finding: enough to find it in the file
REPORT_KINDS = (DocumentKind.annual_report, DocumentKind.interim_report)


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of KINDS
    file: str
    record: str  # "action ID 'text…'", or "" for a finding about the whole file
    what: str  # what is wrong and what to do


# kind -> (must be fixed before publishing, heading); printed in this order
KINDS: dict[str, tuple[bool, str]] = {
    "invalid": (True, "files that are not valid hyte/v1 documents"),
    "pending": (True, "new versions (NAME.new.yaml) waiting to be merged"),
    "duplicate_id": (True, "two documents with one id"),
    "stale_status": (True, "derived statuses whose outcome was edited after (stale)"),
    "uncertain_figure": (True, "uncertain key figures"),
    "unrecognised": (True, "documents with no recognised table"),
    "unplaced": (False, "unplaced content kept in the YAML"),
    "derived_status": (False, "statuses derived from the outcome text, not yet confirmed"),
    "no_outcome": (False, "actions of a report year without an outcome"),
    "sector_missing": (False, "sectors in the previous report and missing now"),
}


def must_fix(finding: Finding) -> bool:
    return KINDS[finding.kind][0]


def short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_SHOWN else flat[: TEXT_SHOWN - 1] + "\u2026"


def action_ref(action: Action) -> str:
    return f"action {action.id} '{short(action.text)}'"


def stale_statuses(path: Path, doc: Document) -> list[Finding]:
    out = []
    for _, action in doc.all_actions():
        if is_stale(action):
            assert action.status is not None
            now = derive_status(action.outcome).value
            out.append(Finding("stale_status", str(path), action_ref(action),
                               f"status {action.status.value} was derived from an earlier outcome; the outcome now "
                               f"reads as {now}: delete the status line (hyte derives it again) or set the status "
                               "by hand with status_derived: false"))
    return out


def uncertain_figures(path: Path, doc: Document) -> list[Finding]:
    return [Finding("uncertain_figure", str(path), f"key figure '{short(row.label)}' in table {table.id}"
                    + (f" (lines {row.lines[0]}-{row.lines[1]})" if row.lines else ""),
                    "marked uncertain: compare its numbers with the source, correct them and delete "
                    "`uncertain: true`")
            for table in doc.kpi_tables for row in table.rows if row.uncertain]


def document_findings(path: Path, doc: Document, report_year: bool) -> list[Finding]:
    """What one document holds that needs a look; `report_year`: actions should have outcomes."""
    found = stale_statuses(path, doc) + uncertain_figures(path, doc)
    if doc.unplaced and not doc.goals and not doc.kpi_tables:
        found.append(Finding("unrecognised", str(path), "",
                             f"no table was recognised, {len(doc.unplaced)} block(s) kept as unplaced: run "
                             "`hyte inspect` on the source, or place the records by hand"))
    else:
        found += [Finding("unplaced", str(path), f"'{short(u.text)}'"
                          + (f" (lines {u.lines[0]}-{u.lines[1]})" if u.lines else ""),
                          f"{u.reason}: move it into a record or delete it when it is not needed")
                  for u in doc.unplaced]
    for _, action in doc.all_actions():
        if action.status is not None and action.status_derived and not is_stale(action):
            found.append(Finding("derived_status", str(path), action_ref(action),
                                 f"status {action.status.value} derived from the outcome: confirm it with "
                                 "status_derived: false, or correct it"))
        elif report_year and doc.kind in REPORT_KINDS and not (action.outcome or "").strip():
            found.append(Finding("no_outcome", str(path), action_ref(action),
                                 "no outcome written: ask the responsible sector, or leave it as 'no information'"))
    return found


def input_findings(paths: Iterable[Path]) -> tuple[list[Finding], list[tuple[Path, Document]]]:
    """Pending versions, invalid files and duplicate ids; and the documents that loaded."""
    paths = list(paths)
    named, found = pending_versions(paths)
    findings = [Finding("pending", str(p), "", f"written by `hyte extract` beside your edited {merged_name(p).name}: "
                        "merge what you need into that file and delete this one") for p in named + found]
    loaded: list[tuple[Path, Document]] = []
    for path in document_files(p for p in paths if p not in named):
        problems = validate_file(path)
        if problems:
            findings.append(Finding("invalid", str(path), "", f"{problems[0]}; run `hyte validate {path}`"))
            continue
        loaded.append((path, load_document(path)))
    for ident, first, other in duplicate_ids(loaded):
        findings.append(Finding("duplicate_id", str(other), f"document {ident}",
                                f"also the id of {first}: remove the copy or give one of them its own id"))
    return findings, loaded


def sectors_missing(selected: list, inputs: list[Document], paths: list[Path], year: int) -> list[Finding]:
    """Sectors with actions in the previous report and none in this year's reports."""
    from hytetool.render.history import build_history

    history = build_history(selected, inputs, paths)
    if history.changes is None:
        return []
    dropped: dict[str, int] = {}
    for group in history.changes.groups:
        if group.sector_absent_after and group.sector:
            dropped[group.sector] = dropped.get(group.sector, 0) + len(group.dropped)
    previous = history.changes.before
    where = str(selected[0].path) if selected else ""
    return [Finding("sector_missing", where, f"sector {sector}",
                    f"{count} action(s) in {previous} and no report in {year}: ask the sector for its report, "
                    "or note in the report that it did not report")
            for sector, count in sorted(dropped.items())]


def check_paths(paths: list[Path], year: int | None = None) -> list[Finding]:
    """Every finding for the documents under `paths` (those of `year` when given)."""
    from hytetool.render import select_year
    from hytetool.render.context import years_covered

    findings, loaded = input_findings(paths)
    unique = list({doc.id: (path, doc) for path, doc in reversed(loaded)}.values())[::-1]
    inputs = [doc for _, doc in unique]
    report_years = [year] if year is not None else years_covered([d for d in inputs if d.kind in REPORT_KINDS])
    in_scope: dict[str, bool] = {}
    for y in report_years:
        if year is None and not any(covers(d, y) for d in inputs):
            continue
        selected = select_year(unique, y)
        for item in selected:
            in_scope[item.document.id] = in_scope.get(item.document.id, False) or covers(item.document, y, True)
        if any(item.document.kind in REPORT_KINDS for item in selected):
            findings += sectors_missing(selected, inputs, paths, y)
    for path, doc in unique:
        if year is None or doc.id in in_scope:
            findings += document_findings(path, doc, in_scope.get(doc.id, year is None))
    order = list(KINDS)
    return sorted(findings, key=lambda f: (order.index(f.kind), f.file, f.record))


def covers(doc: Document, year: int, reporting: bool = False) -> bool:
    """The document covers `year`; with `reporting`, as a report of that year (not a plan in force)."""
    from hytetool.corpus import covers_year

    if reporting:
        return doc.kind in REPORT_KINDS and covers_year(doc, year)
    return covers_year(doc, year)


def count_by_kind(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return counts


def report_lines(findings: list[Finding]) -> list[str]:
    """The findings grouped by kind, each group headed by its weight and count."""
    lines = []
    for kind, (fix, heading) in KINDS.items():
        group = [f for f in findings if f.kind == kind]
        if not group:
            continue
        lines.append(f"{'FIX' if fix else 'look'}: {heading} ({len(group)})")
        for f in group:
            lines.append(f"  {f.file}: {f.record + ': ' if f.record else ''}{f.what}")
    fixes = sum(1 for f in findings if must_fix(f))
    lines.append(f"{fixes} to fix before publishing, {len(findings) - fixes} to look at"
                 if findings else "nothing to fix or look at")
    return lines
