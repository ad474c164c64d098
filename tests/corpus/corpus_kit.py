"""Shared tools of the corpus generators: Word page set-up, cell shading and merging,
headers and footers, printing with LibreOffice.

Only mechanics live here. Every document's text and layout is written out literally in
its own function (make_word.py, make_sheets_pdfs.py), so that no two documents share one
layout by accident and the expectations in expected/ stay independent of the generators.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parent
# Fixed core properties so that a rebuild differs from the committed file only where
# python-docx or LibreOffice themselves are not byte-stable.
FIXED_TIME = dt.datetime(2025, 1, 31, 9, 0, 0)
# LibreOffice may take long on a busy machine; past this it is stuck.
SOFFICE_TIMEOUT_S = 600


def new_document(*, font: str, size: float, landscape: bool, margin_mm: float = 20, author: str = "") -> Document:
    """An A4 document with its body font, orientation and margins set."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        doc.styles[name].font.name = font
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margin_mm))
    props = doc.core_properties
    props.author = author
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    return doc


def page_field(paragraph, instruction: str = "PAGE") -> None:
    """A PAGE or NUMPAGES field, as Word inserts it."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def header_footer(doc: Document, header: str, footer: str, *, numbered: str = "page") -> None:
    """Header text; footer text followed by "N" (page) or "N (M)" (page of pages)."""
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    para = section.footer.paragraphs[0]
    para.text = f"{footer}\t" if footer else ""
    page_field(para, "PAGE")
    if numbered == "of":
        para.add_run(" (")
        page_field(para, "NUMPAGES")
        para.add_run(")")


def shade(cell, fill: str) -> None:
    """Background colour of a table cell (w:shd), hex RRGGBB."""
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def repeat_header(row) -> None:
    """Mark a table row as the header repeated on every page (w:tblHeader)."""
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def write_cell(cell, lines: list[str] | str, *, bold: bool = False, size: float | None = None,
               colour: str | None = None) -> None:
    """One Word paragraph per line, as people type cells (Enter between items)."""
    lines = [lines] if isinstance(lines, str) else lines
    cell.text = ""
    for n, line in enumerate(lines):
        para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)


def widths(table, mm: list[float]) -> None:
    """Column widths in millimetres (on every cell: Word and LibreOffice read those)."""
    table.autofit = False
    for column, width in zip(table.columns, mm):  # w:gridCol, what LibreOffice lays out by
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, mm):
            cell.width = Mm(width)


def card(doc: Document, rows: list[tuple[str, str]], key_fill: str, mm: list[float]) -> None:
    """One action's card: a two-column key-value table (keys bold and shaded), then a
    blank paragraph so the next card is a table of its own."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (key, value) in zip(table.rows, rows):
        write_cell(row.cells[0], key, bold=True)
        shade(row.cells[0], key_fill)
        write_cell(row.cells[1], value)
    widths(table, mm)
    doc.add_paragraph()


def print_with_libreoffice(sources: list[Path]) -> list[Path]:
    """Print .docx / .xlsx files to PDF beside them with LibreOffice headless (Writer, Calc)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: the committed PDFs stay as they are", file=sys.stderr)
        return []
    printed = []
    with tempfile.TemporaryDirectory(prefix="hyte-corpus-") as tmp:
        profile = Path(tmp, "profile").as_uri()  # own profile: no clash with a running office
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", tmp, *map(str, sources)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S)
        for source in sources:
            pdf = Path(tmp, f"{source.stem}.pdf")
            if not pdf.exists():
                raise SystemExit(f"soffice did not print {source.name}:\n{result.stdout}\n{result.stderr}")
            target = source.with_suffix(".pdf")
            shutil.copyfile(pdf, target)
            printed.append(target)
    return printed
