"""Flat export: every objective, priority, action, outcome and KPI row as one row.

The normalized YAML nests records under documents and strategic goals, which suits
hand editing but not a spreadsheet or a pivot table. Here every record becomes one
row with the same columns (COLUMNS), carrying its context (source file, sector,
period, goal) along, so rows from many documents can be filtered and compared
without joins. docs/export.md describes every column.

Output is deterministic: the same YAML gives the same bytes in every format, so
exports can be committed and diffed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from hytetool.corpus import covers_year, load_documents
from hytetool.errors import HyteError
from hytetool.model import Document
from hytetool.periods import PeriodError, document_period, parse_period
from hytetool.yamlio import atomic_write_bytes, atomic_write_text
from hytetool.ziputil import fixed_time_zip

COLUMNS: tuple[str, ...] = (
    "source",
    "record",
    "sector",
    "period",
    "strategic_goal",
    "objective",
    "text",
    "responsible",
    "schedule",
    "indicators",
    "outcome",
    "status",
    "partners",
    "resources",
    "baseline",
    "target",
    "sdg",
    "area",
    "parent",
    "values",
    "id",
    "page",
    "lines",
    "reason",
    "extra",
)
# `--all-years` appends this column: the id an objective or action shares with the same
# objective or action in other documents and years (hytetool.track; docs/tracking.md).
SHARED_ID_COLUMN = "shared_id"
LIST_COLUMNS = frozenset({"responsible", "indicators", "sdg", "partners"})
OBJECT_COLUMNS = frozenset({"values", "extra"})
FORMATS = ("jsonl", "csv", "xlsx")
LIST_SEPARATOR = "; "  # a comma would clash with commas inside Finnish responsible/indicator texts

# A fixed timestamp for the workbook properties and the zip entries: otherwise every
# run would write new bytes and a committed export would always look changed.
FIXED_TIME = datetime(2000, 1, 1)
MIN_WIDTH, MAX_WIDTH = 8, 60

Record = dict[str, Any]


# ---------------------------------------------------------------- records


def _lines(value: list[int] | None) -> str | None:
    return f"{value[0]}-{value[1]}" if value else None


def _number(value: float | None) -> int | float | None:
    """27.0 -> 27 so values read as the document wrote them; NaN is not JSON, so None."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


def _row(doc: Document, record: str, **fields: Any) -> Record:
    """One row in column order; absent lists are [] so every row has the same types."""
    row: Record = {column: None for column in COLUMNS}
    row.update(source=doc.source.file, record=record, period=document_period(doc))
    row.update({column: [] for column in LIST_COLUMNS})
    row.update(fields)
    row["sector"] = row["sector"] or doc.sector
    return row


def iter_records(doc: Document) -> Iterator[Record]:
    """Rows of one document: per goal objectives, priorities, actions, outcomes; then KPI
    rows; last the text the extractor could not place (record `unplaced`, with its reason)."""
    for goal in doc.goals:
        objective_text = {o.id: o.text for o in goal.objectives}
        for obj in goal.objectives:
            yield _row(doc, "objective", sector=obj.sector, strategic_goal=goal.name, text=obj.text,
                       id=obj.id, page=obj.page, lines=_lines(obj.lines))
        for prio in goal.priorities:
            yield _row(doc, "priority", strategic_goal=goal.name, text=prio.text,
                       id=prio.id, page=prio.page, lines=_lines(prio.lines))
        for action in goal.actions:
            yield _row(
                doc, "action", sector=action.sector, strategic_goal=goal.name,
                objective=objective_text.get(action.objective or ""), text=action.text,
                responsible=list(action.responsible), schedule=action.schedule,
                indicators=list(action.indicators), outcome=action.outcome,
                status=action.status.value if action.status else None, partners=list(action.partners or []),
                resources=action.resources, baseline=action.baseline, target=action.target,
                extra=dict(action.extra) if action.extra else None,
                sdg=list(action.sdg), id=action.id, page=action.page, lines=_lines(action.lines),
            )
        for outcome in goal.outcomes:
            yield _row(doc, "outcome", sector=outcome.sector, strategic_goal=goal.name,
                       text=outcome.text, id=outcome.id, page=outcome.page,
                       lines=_lines(outcome.lines))
    for table in doc.kpi_tables:
        for index, kpi in enumerate(table.rows, start=1):  # 1-based like lines and pages
            yield _row(
                doc, "kpi", sector=table.sector, text=kpi.label, area=table.area,
                parent=kpi.parent, values={k: _number(v) for k, v in kpi.values.items()},
                id=f"{table.id}/{index}", page=kpi.page, lines=_lines(kpi.lines),
            )
    for item in doc.unplaced:  # kept so a reader of the export sees what hyte could not place
        yield _row(doc, "unplaced", text=item.text, reason=item.reason, page=item.page,
                   lines=_lines(item.lines))


# ---------------------------------------------------------------- input


def collect(paths: Iterable[Path], year: int | None = None, shared_ids: bool = False) -> list[Record]:
    """All rows of the documents under `paths`, documents ordered by source file name.

    With `shared_ids`, every row also gets the column `shared_id` (None for priorities,
    outcomes and KPI rows), read from the registry.yaml beside the documents and matched
    on the fly for records not in it (see hytetool.track).
    """
    paths = [Path(p) for p in paths]
    loaded = [(doc, path) for path, doc in load_documents(paths)]
    docs = [doc for doc, _ in loaded if year is None or covers_year(doc, year)]
    if not shared_ids:
        return [row for doc in docs for row in iter_records(doc)]
    from hytetool.track import default_registry_path, load_registry, resolve

    tracking = resolve([doc for doc, _ in loaded], load_registry(default_registry_path(paths)))
    rows = []
    for doc in docs:
        for row in iter_records(doc):
            row[SHARED_ID_COLUMN] = tracking.shared_id(doc.id, row["record"], row["id"])
            rows.append(row)
    return rows


def _check_year_covered(paths: Iterable[Path], year: int) -> None:
    """--year that no document covers is an error listing the years that exist: an empty
    file for a mistyped year would read as "no actions that year"."""
    documents = [doc for _, doc in load_documents([Path(p) for p in paths])]
    if not any(covers_year(doc, year) for doc in documents):
        years = sorted({y for doc in documents for y in _document_years(doc)})
        raise HyteError(f"no document covers {year}; years in the data: {', '.join(map(str, years)) or 'none'}")


def _document_years(doc: Document) -> range:
    text = doc.period or doc.plan_period
    try:
        return parse_period(text).years if text else range(0)
    except PeriodError:
        return range(0)


# ---------------------------------------------------------------- output


def _cell(column: str, value: Any) -> Any:
    """Flatten a value for CSV and xlsx: lists joined, the values and extra objects as JSON text."""
    if column in LIST_COLUMNS:
        return LIST_SEPARATOR.join(str(v) for v in value) if value else None
    if column in OBJECT_COLUMNS:
        return json.dumps(value, ensure_ascii=False) if value is not None else None
    return value


def _write_text(text: str, output: Path | None) -> None:
    if output is not None:
        atomic_write_text(output, text)
        return
    # Bytes, not the console's encoding: ä and ö must survive `> file` on any platform.
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def format_jsonl(records: Iterable[Record]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def format_csv(records: Iterable[Record], columns: tuple[str, ...] = COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: quoted as needed, CRLF line ends
    writer.writerow(columns)
    for record in records:
        writer.writerow(["" if (v := _cell(c, record[c])) is None else v for c in columns])
    # The BOM: Excel on Windows reads a CSV without one as ANSI and garbles ä, ö and å.
    return "\ufeff" + buffer.getvalue()


def write_jsonl(records: Iterable[Record], output: Path | None = None) -> None:
    """One JSON object per line, keys in column order; lists and values stay JSON."""
    _write_text(format_jsonl(records), output)


def write_csv(records: Iterable[Record], output: Path | None = None, columns: tuple[str, ...] = COLUMNS) -> None:
    """UTF-8 CSV with BOM and a header row; lists joined with "; ", values as JSON text."""
    _write_text(format_csv(records, columns), output)


def xlsx_bytes(records: Iterable[Record], columns: tuple[str, ...] = COLUMNS) -> bytes:
    """The workbook as bytes that depend only on the records (see FIXED_TIME)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = "records"
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in columns]
    for record in records:
        row = []
        for i, column in enumerate(columns):
            value = _cell(column, record[column])
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # PDF control characters
                widths[i] = max(widths[i], max(len(line) for line in value.splitlines() or [""]))
            elif value is not None:
                widths[i] = max(widths[i], len(str(value)))
            row.append(value)
        ws.append(row)
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a text starting with "=" is text, not a formula
                cell.data_type = "s"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.created = wb.properties.modified = FIXED_TIME

    # ExcelWriter rather than wb.save(): save() stamps "modified" with the current time.
    raw = io.BytesIO()
    ExcelWriter(wb, ZipFile(raw, "w", ZIP_DEFLATED)).save()
    # The zip entries carry the write time too; repack them with a fixed one.
    return fixed_time_zip(raw.getvalue())


def write_xlsx(records: Iterable[Record], output: Path, columns: tuple[str, ...] = COLUMNS) -> None:
    """Bold frozen header, autofilter; written to a temp file and renamed into place."""
    atomic_write_bytes(output, xlsx_bytes(records, columns))


@dataclass(frozen=True)
class Exported:
    """What `export_paths` wrote: all rows, and how many of them are unplaced text."""

    records: int
    unplaced: int


def export_paths(paths: Iterable[Path], fmt: str, output: Path | None, year: int | None = None,
                 all_years: bool = False) -> Exported:
    """Export every record under `paths` as `fmt`; returns the counts written.

    `all_years`: every document whatever its year, with the extra column `shared_id`.
    """
    if fmt.lower() not in FORMATS:
        raise HyteError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
    fmt = fmt.lower()
    if fmt == "xlsx" and output is None:
        raise HyteError("xlsx needs --out FILE")
    if all_years and year is not None:
        raise HyteError("--all-years exports every year; leave out --year")
    columns = (*COLUMNS, SHARED_ID_COLUMN) if all_years else COLUMNS
    records = collect(paths, year=year, shared_ids=all_years)  # checked options first: fail before reading files
    if year is not None and not records:
        _check_year_covered(paths, year)
    if fmt == "jsonl":
        write_jsonl(records, output)
    elif fmt == "csv":
        write_csv(records, output, columns)
    else:
        assert output is not None
        write_xlsx(records, output, columns)
    return Exported(len(records), sum(1 for r in records if r["record"] == "unplaced"))
