"""`hyte inspect`: see why a row came out wrong.

Draws one PDF page with what the reader found on it: ruled table boxes (blue), every
cell of every row with the column it was assigned to (green, labelled), header rows
(purple), the column starts of an unruled table (red), captions (orange) and page
furniture (grey); and lists the same as text. Like pdfplumber's own debug_tablefinder,
but showing our assignment of cells to welfare-table columns. The layout comes from
the same page source as `hyte extract`'s; pdfplumber only draws the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from hytetool.errors import InputError
from hytetool.extract.pdf import open_document
from hytetool.extract.pdf_layout import PageLayout, Row, TextLine, page_layout
from hytetool.extract.settings import DEFAULT_SETTINGS, ExtractionSettings
from hytetool.vocabulary import GOAL_CAPTION, Column, cell_label
from hytetool.yamlio import atomic_write_bytes

RESOLUTION = 100  # dpi of the picture: a landscape A4 page is about 1170 px wide
SHORT = {Column.objective: "Tavoite", Column.priority: "Painopiste", Column.action: "Toimenpide",
         Column.responsible: "Vastuu", Column.indicators: "Mittari", Column.outcome: "Toteuma",
         Column.sdg: "SDG"}
COLOURS = {"ruled": "#1565c0", "cell": "#2e7d32", "header": "#6a1b9a", "column": "#c62828",
           "caption": "#ef6c00", "text": "#9e9e9e"}


@dataclass
class Inspection:
    picture: Path
    listing: list[str]


def inspect_pdf(path: Path, page_number: int, out_dir: Path, settings: ExtractionSettings = DEFAULT_SETTINGS,
                password: str | None = None) -> Inspection:
    from hytetool.inputs import path_problem

    if (problem := path_problem(path)) is not None:  # a FIFO or a device would block
        raise InputError(path, problem.removeprefix(f"{path}: "))
    try:
        document = open_document(path, password, settings.pdf_source)
        pdf = pdfplumber.open(path, password=password or "")  # only to draw the page
    except Exception as exc:
        raise InputError(path, f"cannot open the PDF ({type(exc).__name__}); try hyte extract for details") from None
    with pdf:
        try:
            if not 1 <= page_number <= document.page_count:
                raise InputError(path, f"has pages 1-{document.page_count}; --page {page_number} is not one of them")
            carry = _carried(document, page_number, settings)
            layout = page_layout(document.page(page_number - 1), page_number, settings, carry)
        finally:
            document.close()
        roles = _roles(layout, carry.header if carry else [])
        page = pdf.pages[page_number - 1]
        image = page.to_image(resolution=RESOLUTION)
        if layout.turn:  # the layout's boxes are on the page turned upright: turn the picture too
            _turn_picture(image, layout.turn)
        _draw(image, layout, roles, page.height)
        target = out_dir / f"{path.stem}-p{page_number}.png"
        import io

        buffer = io.BytesIO()
        image.annotated.save(buffer, format="PNG")
        atomic_write_bytes(target, buffer.getvalue())
        page.close()
    listing = _listing(layout, roles)
    first = next((item for item in layout.items if isinstance(item, Row)), None)
    if carry is not None and first is not None and not first.header and layout.columns == carry.starts:
        listing.insert(0, "carried  the unruled table of the page before goes on here (no header row on this page)")
    return Inspection(target, listing)


def _carried(document, page_number: int, settings: ExtractionSettings):  # noqa: ANN001 - a page source
    """The unruled table left open by the pages before, as `hyte extract` reads them: a
    page may go on with the columns of a table whose header is pages back."""
    carry = None
    for number in range(1, page_number):
        carry = page_layout(document.page(number - 1), number, settings, carry).grid
    return carry


def _turn_picture(image, turn: int) -> None:
    """Turn pdfplumber's PageImage counter-clockwise, with its frame, so that boxes in the
    turned page's coordinates land where they belong."""
    image.original = image.original.rotate(turn, expand=True)
    x0, top, x1, bottom = image.bbox
    if turn in (90, 270):
        image.bbox = (top, x0, bottom, x1)
    image.reset()


def _roles(layout: PageLayout, carried: list[str]) -> dict[int, list[str]]:
    """Each row's cells named after the header row above them on the page (or, for a
    table going on from earlier pages, the header it had there)."""
    roles: dict[int, list[str]] = {}
    current = [SHORT.get(cell_label(text), "?") for text in carried]
    for index, item in enumerate(layout.items):
        if isinstance(item, Row):
            if item.header:
                current = [SHORT.get(cell_label(c.text), "?") for c in item.cells]
            roles[index] = current if len(current) == len(item.cells) else [f"sarake {i + 1}"
                                                                              for i in range(len(item.cells))]
    return roles


def _draw(image, layout: PageLayout, roles: dict[int, list[str]], height: float) -> None:
    from PIL import ImageDraw

    for box in layout.ruled:
        image.draw_rect(box, fill=None, stroke=COLOURS["ruled"], stroke_width=3)
    for x in layout.columns:
        image.draw_vline(x, stroke=COLOURS["column"], stroke_width=2)
    labels = []
    for index, item in enumerate(layout.items):
        if isinstance(item, TextLine):
            colour = COLOURS["caption"] if GOAL_CAPTION.match(item.text) else COLOURS["text"]
            image.draw_rect(item.bbox, fill=None, stroke=colour, stroke_width=2)
            continue
        for cell, role in zip(item.cells, roles.get(index, [])):
            if cell.bbox:
                colour = COLOURS["header"] if item.header else COLOURS["cell"]
                image.draw_rect(cell.bbox, fill=None, stroke=colour, stroke_width=1)
                labels.append((cell.bbox, role, colour))
    draw = ImageDraw.Draw(image.annotated)
    scale = image.scale
    for box, role, colour in labels:
        draw.text((box[0] * scale + 2, box[1] * scale - 11), role, fill=colour)


def _listing(layout: PageLayout, roles: dict[int, list[str]]) -> list[str]:
    lines = [f"turned   the page's text runs sideways: turned {layout.turn}° counter-clockwise to read it"
             ] if layout.turn else []
    for index, item in enumerate(layout.items):
        if isinstance(item, TextLine):
            kind = "caption" if GOAL_CAPTION.match(item.text) else "text"
            lines.append(f"{kind:8} {item.text[:100]}")
            continue
        kind = "header" if item.header else "row"
        cells = [f"{role}: {c.text.replace(chr(10), ' / ')[:60]}" for c, role in zip(item.cells, roles[index])
                 if c.text.strip()]
        lines.append(f"{kind:8} " + " | ".join(cells))
    if layout.columns:
        lines.append("columns  unruled table, column starts at x = " + ", ".join(f"{x:.0f}" for x in layout.columns))
    lines += [f"furniture {text}" for text in layout.furniture]
    return lines
