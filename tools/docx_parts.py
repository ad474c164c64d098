"""Building blocks of the Word template (tools/make_docx_template.py): fields, tables
with repeating and marked header rows, right-aligned number columns, page set-up."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC): begin, instruction, separate, shown text, end."""
    def run_with(element):
        run = paragraph.add_run()
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def fld_char(paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        element.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(element)


def repeat_header(row) -> None:
    """Mark a table row as the header Word repeats at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def tag(doc, text: str) -> None:
    doc.add_paragraph(text)


def fill(row, texts: list[str], bold: bool = False) -> None:
    for cell, text in zip(row.cells, texts):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = bold


def table(doc, headers: list[str], cells: list[str], loop: str, total: list[str] | None = None,
          widths: list[float] | None = None, numeric: tuple[int, ...] = ()):
    """A grid table: a repeating header row, one looping row, optionally a totals row.

    `numeric` columns are right-aligned and never wrap, so a figure such as 1 658 stays
    on one line and its digits line up."""
    t = doc.add_table(rows=4 + (1 if total else 0), cols=len(headers))
    t.style = "Table Grid"
    fill(t.rows[0], headers, bold=True)
    repeat_header(t.rows[0])
    t.rows[1].cells[0].text = "{%tr " + loop + " %}"
    fill(t.rows[2], cells)
    t.rows[3].cells[0].text = "{%tr endfor %}"
    if total:
        fill(t.rows[4], total, bold=True)
    if widths:
        set_widths(t, widths)
    for row in (t.rows[0], t.rows[2], *(t.rows[4:] if total else [])):
        for index in numeric:
            right_aligned(row.cells[index])
    return t


def right_aligned(cell) -> None:
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    no_wrap = OxmlElement("w:noWrap")
    cell._tc.get_or_add_tcPr().append(no_wrap)


def set_widths(t, widths: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word does)."""
    t.autofit = False
    for col, width in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in t.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def bullet_list(doc, items: str, heading: str, item: str) -> None:
    """A level-3 heading and a bulleted list, both left out when the list is empty."""
    tag(doc, "{%p if " + items + " %}")
    doc.add_heading(heading, level=3)
    tag(doc, "{%p for text in " + items + " %}")
    doc.add_paragraph(item, style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)


def page_number_footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centred
    field(paragraph, "PAGE", "1")


def update_fields_on_open(doc) -> None:
    """Ask Word to refresh the TOC and page fields when the report is opened."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
