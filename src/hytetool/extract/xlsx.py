"""Reader for Excel workbooks (.xlsx, openpyxl): every sheet's rows -> Lines with cells.

Sectors that keep their welfare tables in Excel write one row per action, the header
row naming the columns, and merge the objective cell over the actions it covers. A row
becomes one table row of the document model (exactly like a Word table row), a merged cell's value
stands only in its top-left cell (the normalizer carries the objective down), and a
row with a single filled cell becomes a paragraph (a caption or a note), unless it is
merged across the table it stands in ("Teema 1: Osallisuus"): a spanning row of it.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from hytetool.errors import InputError
from hytetool.docmodel import Cell, DocumentModel, ModelBuilder, plain_cells


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
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        raise InputError(path, "not an Excel .xlsx file (not a zip archive); if it is an old .xls, save it as .xlsx")
    try:
        workbook = load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, ... for damaged files
        raise InputError(path, f"damaged or not an Excel workbook ({type(exc).__name__}); save it again") from None
    builder = ModelBuilder(path, data)
    for sheet in workbook.worksheets:
        spans = {(r.min_row, r.min_col): r.max_col - r.min_col + 1 for r in sheet.merged_cells.ranges}
        for number, row in enumerate(sheet.iter_rows(), start=sheet.min_row):
            cells = tuple(_text(cell.value) for cell in row)
            fills = tuple(_fill(cell) for cell in row)
            width = max((i + 1 for i, (text, fill) in enumerate(zip(cells, fills)) if text or fill), default=0)
            cells, fills = cells[:width], fills[:width]  # a traffic light may be a colour without text
            filled = [c for c in cells if c]
            if len(filled) == 1 and builder.in_table and (span := _span(spans, number, cells, sheet.min_column)) > 1:
                builder.row(_spanning_cells(cells, span), text=filled[0])  # "Teema 1: …" merged across
            elif len(filled) <= 1:  # a caption or a note
                builder.paragraph(filled[0] if filled else "")
            else:
                builder.row(tuple(Cell(text, fill=fill) for text, fill in zip(cells, fills)),
                            text=" ".join(c.replace("\n", " ") for c in cells))
        builder.paragraph("")  # a sheet ends a table
    workbook.close()
    return builder.build()
