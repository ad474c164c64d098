"""Reader for Word documents (.docx): body paragraphs and table rows -> DocumentModel.

Sectors fill in their welfare-plan tables in Word, so a .docx holds the real cell
boundaries that a text or PDF export loses. The body is walked in document order: a
paragraph becomes one Line, a table row one Line whose `cells` are its cell texts in
grid order (a cell's paragraphs joined by "\\n"). Merged cells keep the grid: a cell
spanning two columns is followed by an empty cell, and a cell that continues a vertical
merge is empty (the normalizer carries the objective down; the text is not repeated).

Page headers and footers go to `DocumentModel.furniture`, never into the lines: they would
otherwise land between table rows. Page-number fields are dropped. Word has no fixed
pages, so `page` and `page_count` stay None.

The XML is walked directly (not python-docx's Table.rows) because python-docx repeats
a merged cell's text in every grid position it covers, and its Paragraph.text skips
tracked insertions and content controls.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from hytetool.errors import InputError
from hytetool.limits import MAX_INPUT_BYTES, MAX_TABLE_COLUMNS, LimitError, TooLarge, check_size, check_zip
from hytetool.docmodel import Cell, DocumentModel, ModelBuilder, Row, plain_cells
from hytetool.vocabulary import RUNNING_PAGE_NUMBER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
# Containers that wrap block content or rows/cells without being content themselves
# (content controls, custom XML): their children are read as if they stood in place.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"}
# Paragraph subtrees whose text is not part of the paragraph: deleted or moved-away
# tracked changes, floating text boxes and drawings, run and paragraph properties.
_SKIPPED = {f"{_W}{tag}" for tag in ("del", "moveFrom", "drawing", "pict", "object", "rPr", "pPr")}
_TEXT_OF = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BR = f"{_W}br"

# An old Word (.doc) file and an encrypted .docx are both OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MAIN_PART = re.compile(r"^word/document\d*\.xml$")  # Word Online sometimes writes document2.xml

NOT_ZIP = "not a Word .docx file (not a zip archive); if it is an old .doc, save it as .docx"
NO_MAIN_PART = "not a Word document: the archive lacks word/document.xml; save it again from Word"
ENCRYPTED = "the document is password-protected (encrypted); remove the password in Word and save it again"


def read_docx(path: Path) -> DocumentModel:
    """Body paragraphs and table rows as Lines; headers and footers as furniture."""
    check_size(path, path.stat().st_size, MAX_INPUT_BYTES)
    data = path.read_bytes()
    check_zip(path, data)
    document = _open(path, data)
    builder = ModelBuilder(path, data)
    try:
        _read_body(document.element.body, builder, _HeadingStyles(document))
        builder.model.furniture = _furniture(document)
    except TooLarge as exc:
        raise LimitError(path, str(exc)) from None
    except (etree.XMLSyntaxError, KeyError, ValueError) as exc:
        raise InputError(path, _damaged(exc)) from None
    return builder.build()


# ------------------------------------------------------------------ opening


def _open(path: Path, data: bytes) -> WordDocument:
    """python-docx's Document, or one InputError line that says what to do."""
    if path.name.startswith("~$"):
        raise InputError(path, "a Word lock file (the document is open in Word), not a document; close it or "
                               "remove this file")
    if not data:
        raise InputError(path, "the file is empty; save the document again from Word")
    if data.startswith(_OLE_MAGIC):
        raise InputError(path, ENCRYPTED if _ENCRYPTED_STREAM in data else NOT_ZIP)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, NOT_ZIP)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
        if not any(_MAIN_PART.match(name) for name in names):
            raise InputError(path, NO_MAIN_PART)
        return docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except ValueError as exc:  # python-docx: "not a Word file, content type is ..."
        if "content type" in str(exc):
            raise InputError(path, "not a Word .docx document (a macro-enabled, Excel or PowerPoint file "
                                   "renamed .docx?); save it as a Word document (.docx)") from None
        raise InputError(path, _damaged(exc)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, PackageNotFoundError, etree.XMLSyntaxError) as exc:
        raise InputError(path, _damaged(exc)) from None


def _damaged(exc: Exception) -> str:
    """What is broken, in words (zlib's error class is called just 'error')."""
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        what = "its zip archive is broken"
    elif isinstance(exc, etree.XMLSyntaxError):
        what = "its XML is broken"
    elif isinstance(exc, (KeyError, PackageNotFoundError)):
        what = "a part it refers to is missing"
    else:
        what = type(exc).__name__
    return f"the .docx is damaged ({what}); open it in Word and save it again"


# ------------------------------------------------------------------ body


def _children(element: etree._Element, tags: set[str]) -> Iterator[etree._Element]:
    """Children with one of `tags`, looking through content controls and custom XML."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


def _read_body(body: etree._Element, builder: ModelBuilder, styles: _HeadingStyles) -> None:
    """Paragraphs, headings and tables in document order, one block each."""
    for block in _children(body, {P, TBL}):
        if block.tag == P:
            _paragraph(block, builder, styles)
            continue
        builder.end_table()  # two Word tables in a row stay two tables
        width = len(block.findall(f"{_W}tblGrid/{_W}gridCol"))
        for row in _children(block, {TR}):
            cells = row_cell_list(row, width)
            header = row.find(f"{_W}trPr/{_W}tblHeader") is not None
            text = " ".join(cell.replace("\n", " ") for cell in grid_texts(cells))
            builder.row(cells, text=text, header=header)
        builder.end_table()


def _paragraph(paragraph: etree._Element, builder: ModelBuilder, styles: _HeadingStyles) -> None:
    """A body paragraph: a heading by its style or outline level, a list item by its
    numbering; tabs mark cells as in Word's "save as text" (see extract/text.py)."""
    text = paragraph_text(paragraph).replace("\n", " ")
    if "\t" in text:
        builder.row(plain_cells(text.split("\t")), text=text.replace("\t", " "))
        return
    level = styles.level(paragraph)
    if level is not None and text.strip():
        builder.heading(text, level)
    else:
        builder.paragraph(text, marker=_list_marker(paragraph, styles))


def paragraph_text(paragraph: etree._Element) -> str:
    """Visible text of a w:p: runs, hyperlinks, insertions, fields' shown results."""
    parts: list[str] = []
    _collect_text(paragraph, parts)
    return "".join(parts)


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _TEXT_OF:
            parts.append(_TEXT_OF[tag] if _TEXT_OF[tag] is not None else child.text or "")
        elif tag == _BR:  # a page or column break is no line break inside the text
            parts.append("\n" if child.get(f"{_W}type") in (None, "textWrapping") else "")
        else:
            _collect_text(child, parts)


# ------------------------------------------------------------------ headings and lists

# Style names that make a paragraph a heading ("Heading 2", "Otsikko 2", "Rubrik 2", "Title").
_HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik)\s*(\d)$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|otsikko|rubrik|titel)$", re.I)
# Word's numbering formats as the list markers of the document model.
_NUMBER_FORMATS = {"bullet": "bullet", "decimal": "1.", "lowerLetter": "a)", "upperLetter": "a)",
                   "lowerRoman": "1.", "upperRoman": "1."}
_OUTLINE_LEVELS = 9  # w:outlineLvl 0-8 are heading levels; 9 is body text


class _HeadingStyles:
    """Heading levels of the document's paragraph styles, and its list formats."""

    def __init__(self, document: WordDocument) -> None:
        self.levels: dict[str, int] = {}
        self.formats: dict[tuple[str, str], str] = {}
        self.numbering: dict[str, etree._Element] = {}  # list styles ("List Bullet"): their w:numPr
        for style in document.styles.element.findall(f"{_W}style"):
            style_id, name = style.get(f"{_W}styleId") or "", style.find(f"{_W}name")
            if (numbering := style.find(f"{_W}pPr/{_W}numPr")) is not None:
                self.numbering[style_id] = numbering
            name_text = name.get(f"{_W}val") if name is not None else ""
            if (level := _outline_level(style)) is not None:
                self.levels[style_id] = level
            elif (match := _HEADING_STYLE.match(name_text or "")) is not None:
                self.levels[style_id] = int(match[1])
            elif _TITLE_STYLE.match(name_text or ""):
                self.levels[style_id] = 1
        self._numbering(document)

    def _numbering(self, document: WordDocument) -> None:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.findall(f"{_W}abstractNum")}
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val") if ref is not None else None)
            for lvl in levels.findall(f"{_W}lvl") if levels is not None else []:
                fmt = lvl.find(f"{_W}numFmt")
                self.formats[(num.get(f"{_W}numId") or "", lvl.get(f"{_W}ilvl") or "0")] = _NUMBER_FORMATS.get(
                    fmt.get(f"{_W}val") if fmt is not None else "", "1.")

    def level(self, paragraph: etree._Element) -> int | None:
        if (level := _outline_level(paragraph)) is not None:
            return level
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return self.levels.get(style.get(f"{_W}val") or "") if style is not None else None


def _outline_level(element: etree._Element) -> int | None:
    found = element.find(f"{_W}pPr/{_W}outlineLvl")
    value = _int(found, _OUTLINE_LEVELS)
    return value + 1 if value < _OUTLINE_LEVELS else None


def _list_marker(paragraph: etree._Element, styles: _HeadingStyles) -> str | None:
    """"bullet", "1." or "a)" for a paragraph in a Word list; None otherwise."""
    numbering = paragraph.find(f"{_W}pPr/{_W}numPr")
    if numbering is None:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        numbering = styles.numbering.get(style.get(f"{_W}val") or "") if style is not None else None
    if numbering is None:
        return None
    num, ilvl = numbering.find(f"{_W}numId"), numbering.find(f"{_W}ilvl")
    key = (num.get(f"{_W}val") if num is not None else "", ilvl.get(f"{_W}val") if ilvl is not None else "0")
    return styles.formats.get(key or ("", "0"), "bullet") if key[0] != "0" else None


# ------------------------------------------------------------------ tables


def row_cell_list(row: etree._Element, width: int) -> list[Cell]:
    """The row's cells with their spans, merges and shading; empty cells where the row
    starts or ends beside the grid (w:gridBefore, w:gridAfter, a short row).

    Spans and grid offsets are bounded by the table's own grid (w:tblGrid), or by
    MAX_TABLE_COLUMNS when it declares none: w:gridSpan="2000000000" would otherwise
    make two billion cells. A row wider than MAX_TABLE_COLUMNS raises TooLarge."""
    if width > MAX_TABLE_COLUMNS:
        raise TooLarge(f"a table declares {width} columns, over hytetool's limit of {MAX_TABLE_COLUMNS} "
                       "(hytetool.limits); check the table in Word")
    bound = width or MAX_TABLE_COLUMNS
    cells = [Cell("") for _ in range(min(_grid_value(row, "gridBefore"), bound))]
    for cell in _children(row, {TC}):
        merged = _continues_merge(cell)
        span = min(max(_cell_value(cell, "gridSpan", 1), 1), bound)
        cells.append(Cell("" if merged else cell_text(cell), col_span=span, fill=_fill(cell), merged=merged))
    cells += [Cell("") for _ in range(min(_grid_value(row, "gridAfter"), bound))]
    used = sum(c.col_span for c in cells)
    if used > MAX_TABLE_COLUMNS:
        raise TooLarge(f"a table row spans {used} columns, over hytetool's limit of {MAX_TABLE_COLUMNS} "
                       "(hytetool.limits); check the table in Word")
    cells += [Cell("") for _ in range(width - used)]
    return cells


def grid_texts(cells: list[Cell]) -> tuple[str, ...]:
    return Row(tuple(cells), 0, "").grid()


def row_cells(row: etree._Element, width: int) -> tuple[str, ...]:
    """Cell texts in grid order: spans padded with empty cells, merge continuations empty."""
    return grid_texts(row_cell_list(row, width))


def _fill(cell: etree._Element) -> str | None:
    """The cell's background colour (w:shd w:fill) as RRGGBB; none for 'auto' or white."""
    shading = cell.find(f"{_W}tcPr/{_W}shd")
    fill = shading.get(f"{_W}fill") if shading is not None else None
    return fill.upper() if fill and fill.lower() not in ("auto", "ffffff") else None


def cell_text(cell: etree._Element) -> str:
    """A cell's paragraphs joined by "\\n" (a nested table's cells read in order)."""
    paragraphs: list[str] = []
    for block in _children(cell, {P, TBL}):
        if block.tag == P:
            paragraphs.append(paragraph_text(block).replace("\t", " "))
        else:
            for row in _children(block, {TR}):
                paragraphs += [c for tc in _children(row, {TC}) if (c := cell_text(tc))]
    while paragraphs and not paragraphs[-1].strip():
        paragraphs.pop()
    while paragraphs and not paragraphs[0].strip():
        paragraphs.pop(0)
    return "\n".join(paragraphs)


def _continues_merge(cell: etree._Element) -> bool:
    """A cell under a vertically merged one (w:vMerge without "restart"), or right of a
    legacy horizontal merge (w:hMerge): its text belongs to the merge's first cell."""
    for tag in ("vMerge", "hMerge"):
        merge = cell.find(f"{_W}tcPr/{_W}{tag}")
        if merge is not None and merge.get(f"{_W}val") != "restart":
            return True
    return False


def _cell_value(cell: etree._Element, tag: str, default: int) -> int:
    return _int(cell.find(f"{_W}tcPr/{_W}{tag}"), default)


def _grid_value(row: etree._Element, tag: str) -> int:
    return _int(row.find(f"{_W}trPr/{_W}{tag}"), 0)


def _int(element: etree._Element | None, default: int) -> int:
    try:
        return max(int(element.get(f"{_W}val")), 0) if element is not None else default
    except (TypeError, ValueError):
        return default


# ------------------------------------------------------------------ headers and footers


def _furniture(document: WordDocument) -> list[str]:
    """Text of every defined page header, then every footer, without page numbers.

    A header "linked to previous" is the prior section's: read once, where defined.
    """
    found: list[str] = []
    for kinds in (("first_page_header", "header", "even_page_header"),
                  ("first_page_footer", "footer", "even_page_footer")):
        for section in document.sections:
            for kind in kinds:
                story = getattr(section, kind)
                if not story.is_linked_to_previous:
                    found += _story_lines(story.part.element)
    return list(dict.fromkeys(found))


def _story_lines(root: etree._Element) -> list[str]:
    """Non-empty, non-page-number lines of a header or footer (its tables' rows as lines)."""
    texts: list[str] = []
    for block in _children(root, {P, TBL}):
        if block.tag == P:
            texts.append(paragraph_text(block))
        else:
            texts += [" ".join(cells) for row in _children(block, {TR}) if (cells := row_cells(row, 0))]
    cleaned = (" ".join(text.split()) for text in texts)
    return [text for text in cleaned if text and not RUNNING_PAGE_NUMBER.match(text)]
