"""docxtpl's DocxTemplate with two of its steps made cheap for long reports.

Each gives exactly the XML docxtpl gives (tests/test_render_docx_template.py compares
the bytes); they only skip work whose result is known. On the bench year (300
municipalities, a Word body of 1.5 million XML elements and 180,000 text runs) the
three steps took about 5 s, 0.7 s and 1.5 s of a render's time before.
"""

from __future__ import annotations

import re

from docxtpl import DocxTemplate
from lxml import etree

# The attribute Word puts on every text run (<w:t xml:space="preserve">).
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Word's text elements, which carry xml:space. Found with lxml's iter (0.1 s on the bench
# year) rather than the XPath //*[@xml:space] (0.7 s); xml:space anywhere else is moved
# by docxtpl's way, which is slow per attribute but gives the same bytes.
WORD_TEXT_TAGS = tuple(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{name}"
                       for name in ("t", "instrText", "delText", "delInstrText"))
# docxtpl's resolve_listing turns these characters inside a text run into Word markup
# (tab, paragraph, line and page breaks); a paragraph without any of them is left as is.
LISTING_CHARS = re.compile("[\t\a\n\f]")
# The paragraphs docxtpl's resolve_listing walks, with its own pattern and flags.
PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


class FastDocxTemplate(DocxTemplate):
    """DocxTemplate, the same bytes, without three costs that grow with the report."""

    def map_tree(self, tree):  # noqa: ANN001, ANN201 - docxtpl's signature
        """Put the rendered body into the document with the xml:space attributes held back.

        docxtpl moves the body, parsed on its own, into the document; lxml then looks up
        the namespace of every xml:space attribute again, one by one up the tree, which
        took 5 s for 180,000 runs (0.2 s without them). The attributes are taken off
        before the move and set again after: the same elements, values and serialised
        bytes. Only text elements where xml:space is the sole attribute are touched, so
        no attribute changes its place."""
        held = [(element, element.get(XML_SPACE)) for element in tree.iter(*WORD_TEXT_TAGS)
                if len(element.attrib) == 1 and element.get(XML_SPACE) is not None]
        for element, _ in held:
            del element.attrib[XML_SPACE]
        super().map_tree(tree)
        for element, value in held:
            element.set(XML_SPACE, value)

    def fix_tables(self, xml: str):  # noqa: ANN201 - docxtpl's signature
        """docxtpl's fix_tables, without its walk over every row and cell in Python when
        that walk would change nothing.

        docxtpl widens or narrows a table's grid (w:gridCol) when a row has more cells
        than the grid, or no row fills it. When every table has its grid, no
        w:gridSpan (then a row's width is its count of cells) and rows of at most and at
        least once exactly as many cells as grid columns, it changes nothing: then the
        body is only parsed, as docxtpl parses it. Anything else goes to docxtpl. On the
        bench year this check takes 0.15 s where docxtpl's walk took 0.7 s."""
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        w = "{" + tree.nsmap["w"] + "}"
        if all(_fits_its_grid(table, w) for table in tree.iter(w + "tbl")):
            return tree
        return super().fix_tables(xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's resolve_listing, run only on the paragraphs that hold a listing character.

        docxtpl runs three regular expressions and a callback per paragraph, run and text
        of the whole body; on a paragraph without \\t, \\a, \\n or \\f they change nothing.
        A paragraph that has one is handed to docxtpl's own code, which matches it as one
        paragraph again, so its output is docxtpl's."""
        if not LISTING_CHARS.search(xml):
            return xml
        resolve = super().resolve_listing

        def paragraph(match: re.Match[str]) -> str:
            text = match.group(0)
            return resolve(text) if LISTING_CHARS.search(text) else text

        return PARAGRAPH.sub(paragraph, xml)


def _fits_its_grid(table: etree._Element, w: str) -> bool:
    """True when docxtpl's fix_tables would leave `table` as it is (see above). `w` is
    the "{namespace}" of Word's elements, taken from the body as docxtpl takes it."""
    grid = table.find(w + "tblGrid")
    if grid is None or next(table.iter(w + "gridSpan"), None) is not None:
        return False
    widths = [len(row.findall(w + "tc")) for row in table.iter(w + "tr")]  # the rows docxtpl walks
    return bool(widths) and max(widths) == len(grid.findall(w + "gridCol"))
