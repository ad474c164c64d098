"""Reader for Excel workbooks (.xlsx, openpyxl): every sheet's rows -> Lines with cells.

Sectors that keep their welfare tables in Excel write one row per action, the header
row naming the columns, and merge the objective cell over the actions it covers. A row
becomes one table row of the document model (exactly like a Word table row), a merged cell's value
stands only in its top-left cell (the normalizer carries the objective down), and a
row with a single filled cell becomes a paragraph (a caption or a note), unless it is
merged across the table it stands in ("Teema 1: Osallisuus"): a spanning row of it.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from hytetool.errors import InputError
from hytetool.docmodel import Cell, DocumentModel, ModelBuilder, plain_cells
from hytetool.limits import (MAX_INPUT_BYTES, MAX_SHEET_ROWS, MAX_TABLE_COLUMNS, MAX_WORKBOOK_CELLS, LimitError,
                             check_size, check_zip)


def _text(value: object) -> str:
    """A cell value as the text a person sees ("2023", not "2023.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.strftime("%-d.%-m.%Y")
    return str(value).replace("\r\n", "\n").strip()


def _fill(cell) -> str | None:
    """A cell's solid fill as RRGGBB (a traffic light told by colour); theme and indexed
    colours, which need the workbook's palette, are not read."""
    fill = getattr(cell, "fill", None)
    colour = getattr(fill, "fgColor", None)
    if fill is None or fill.fill_type != "solid" or colour is None or colour.type != "rgb":
        return None
    rgb = colour.rgb
    return rgb[-6:].upper() if isinstance(rgb, str) and len(rgb) in (6, 8) else None


def _span(spans: dict[tuple[int, int], int], number: int, cells: tuple[str, ...], first_column: int) -> int:
    """How many columns the row's one filled cell is merged across (1: not merged)."""
    index = next(i for i, c in enumerate(cells) if c)
    return spans.get((number, first_column + index), 1)


def _spanning_cells(cells: tuple[str, ...], span: int) -> tuple[Cell, ...]:
    index = next(i for i, c in enumerate(cells) if c)
    return (*plain_cells(cells[:index]), Cell(cells[index], col_span=span))


def read_xlsx(path: Path) -> DocumentModel:
    check_size(path, path.stat().st_size, MAX_INPUT_BYTES)
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        raise InputError(path, "not an Excel .xlsx file (not a zip archive); if it is an old .xls, save it as .xlsx")
    check_zip(path, data)
    _check_merges(path, data)
    try:
        workbook = load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, ... for damaged files
        what = "its zip archive is broken" if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)) else (
            type(exc).__name__)  # zlib's error class is called just 'error'
        raise InputError(path, f"damaged or not an Excel workbook ({what}); save it again") from None
    builder = ModelBuilder(path, data)
    budget = MAX_WORKBOOK_CELLS
    for sheet in workbook.worksheets:
        spans = {(r.min_row, r.min_col): r.max_col - r.min_col + 1 for r in sheet.merged_cells.ranges}
        rows = _sheet_rows(sheet)
        budget -= sum(len(row) for _, row in rows)
        if rows is TOO_LARGE or budget < 0:
            workbook.close()
            raise LimitError(path, f"sheet '{sheet.title}' has more cells than hytetool reads ({MAX_SHEET_ROWS} "
                                   f"rows, {MAX_TABLE_COLUMNS} columns, {MAX_WORKBOOK_CELLS} cells in a workbook; "
                                   "hytetool.limits); delete the cells outside the table and save it again")
        for number, row in rows:
            cells = tuple(_text(cell.value if cell is not None else None) for cell in row)
            fills = tuple(_fill(cell) for cell in row)
            width = max((i + 1 for i, (text, fill) in enumerate(zip(cells, fills)) if text or fill), default=0)
            cells, fills = cells[:width], fills[:width]  # a traffic light may be a colour without text
            filled = [c for c in cells if c]
            if len(filled) == 1 and builder.in_table and (span := _span(spans, number, cells, sheet.min_column)) > 1:
                builder.row(_spanning_cells(cells, span), text=filled[0])  # "Teema 1: …" merged across
            elif len(filled) == 1 and builder.in_table and not cells[0]:
                # only a later column filled (the action under a merged objective): a row
                builder.row(tuple(Cell(text, fill=fill) for text, fill in zip(cells, fills)), text=filled[0])
            elif len(filled) <= 1:  # a caption or a note
                builder.paragraph(filled[0] if filled else "")
            else:
                builder.row(tuple(Cell(text, fill=fill) for text, fill in zip(cells, fills)),
                            text=" ".join(c.replace("\n", " ") for c in cells))
        builder.paragraph("")  # a sheet ends a table
    workbook.close()
    return builder.build()


TOO_LARGE: list[tuple[int, tuple[object, ...]]] = []  # _sheet_rows' answer for a sheet beyond the limits


def _sheet_rows(sheet) -> list[tuple[int, tuple[object, ...]]]:  # noqa: ANN001 - openpyxl's Worksheet
    """The sheet's rows (row number, cells), bounded by the cells that really hold a value.

    openpyxl's dimensions grow with any cell ever touched: one value typed at XFD1048576
    makes iter_rows() walk 17 billion positions. A sheet whose span fits the limits is
    read as iter_rows() reads it (empty rows and columns kept, as before); a wider or
    longer one keeps only its rows and columns that hold a value, in their order."""
    rows_span = sheet.max_row - sheet.min_row + 1
    cols_span = sheet.max_column - sheet.min_column + 1
    if rows_span <= MAX_SHEET_ROWS and cols_span <= MAX_TABLE_COLUMNS and rows_span * cols_span <= MAX_WORKBOOK_CELLS:
        return list(enumerate(sheet.iter_rows(), start=sheet.min_row))
    filled = {key: cell for key, cell in sheet._cells.items() if cell.value is not None}
    rows = sorted({r for r, _ in filled})
    columns = sorted({c for _, c in filled})
    if len(columns) > MAX_TABLE_COLUMNS or len(rows) > MAX_SHEET_ROWS:
        return TOO_LARGE
    return [(r, tuple(filled.get((r, c)) for c in columns)) for r in rows]


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_merges(path: Path, data: bytes) -> None:
    """LimitError for merged ranges covering more than MAX_WORKBOOK_CELLS cells: openpyxl
    makes an object for every cell a merge covers, so <mergeCell ref="A1:XFD1048576"/>
    alone would take all memory before a single value is read."""
    covered = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                for c1, r1, c2, r2 in _MERGE.findall(archive.read(name)):
                    rows = abs(int(r2) - int(r1)) + 1
                    cols = abs(_column_number(c2) - _column_number(c1)) + 1
                    covered += rows * cols
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        return  # a damaged archive: openpyxl's reading says so
    if covered > MAX_WORKBOOK_CELLS:
        raise LimitError(path, f"its merged cells cover {covered} cells, over hytetool's limit of "
                               f"{MAX_WORKBOOK_CELLS} (hytetool.limits); unmerge them and save it again")
