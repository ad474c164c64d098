"""FastDocxTemplate gives byte for byte the Word report docxtpl's own DocxTemplate gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from lxml import etree

import hytetool.render.docx as render_docx
from hytetool.render import render_year
from hytetool.render.docx_template import FastDocxTemplate
from hytetool.render.templates import DEFAULT_TEMPLATE_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "annual-2023.yaml"
REPORT = "hyte-report-2023.fi.docx"


def _render(folder: Path, out: Path) -> bytes:
    render_year([folder], 2023, formats=["docx"], out_dir=out)
    return (out / REPORT).read_bytes()


@pytest.mark.parametrize("listing", [False, True], ids=["plain", "tabs-and-line-breaks"])
def test_same_bytes_as_docxtpl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listing: bool) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / FIXTURE.name)
    if listing:  # outcomes with a line break and a tab: docxtpl turns them into <w:br/> and <w:tab/>
        path = data / FIXTURE.name
        text = path.read_text(encoding="utf-8")
        edited = text.replace("outcome: Kaikki koulut on auditoitu", 'outcome: "Kaikki koulut\\non\\tauditoitu"')
        assert edited != text
        path.write_text(edited, encoding="utf-8")
    fast = _render(data, tmp_path / "fast")
    monkeypatch.setattr(render_docx, "FastDocxTemplate", DocxTemplate)
    assert _render(data, tmp_path / "docxtpl") == fast


def test_resolve_listing_matches_docxtpl_paragraph_by_paragraph() -> None:
    template = FastDocxTemplate(str(DEFAULT_TEMPLATE_DIR / "report.docx"))
    run = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    xml = "".join([
        "<w:body>",
        '<w:p w:rsidR="1"><w:pPr><w:jc w:val="left"/></w:pPr>' + run.format("a") + "</w:p>",
        "<w:p>" + run.format("one\ntwo") + run.format("x\ty") + "</w:p>",
        "<w:p>" + run.format("page\fbreak and \a paragraph") + "</w:p>",
        "<w:tbl>\n  <w:tr/></w:tbl>",  # a line break outside any paragraph stays
        "<w:p>" + run.format("plain") + "</w:p>",
        "</w:body>",
    ])
    assert template.resolve_listing(xml) == DocxTemplate.resolve_listing(template, xml)
    assert template.resolve_listing("<w:p><w:r><w:t>none</w:t></w:r></w:p>") == \
        "<w:p><w:r><w:t>none</w:t></w:r></w:p>"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GRID3 = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'


def _row(cells: int, span: int | None = None) -> str:
    first = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr></w:tc>' if span else ""
    return "<w:tr><w:trPr/>" + first + "<w:tc><w:p/></w:tc>" * cells + "</w:tr>"


TABLES = {
    "fits": f"<w:tbl>{GRID3}{_row(3)}{_row(2)}{_row(3)}</w:tbl>",
    "a row too wide": f"<w:tbl>{GRID3}{_row(3)}{_row(5)}</w:tbl>",
    "no row fills the grid": f"<w:tbl>{GRID3}{_row(2)}{_row(1)}</w:tbl>",
    "spanned cells": f"<w:tbl>{GRID3}{_row(1, span=2)}{_row(3)}</w:tbl>",
    "spanned cells narrow": f"<w:tbl>{GRID3}{_row(0, span=2)}</w:tbl>",
    "no rows": f"<w:tbl>{GRID3}</w:tbl>",
    "nested": f"<w:tbl>{GRID3}<w:tr><w:tc><w:tbl>{GRID3}{_row(4)}</w:tbl></w:tc>"
              f"<w:tc/><w:tc/></w:tr></w:tbl>",
    "two tables, second too wide": f"<w:tbl>{GRID3}{_row(3)}</w:tbl><w:tbl>{GRID3}{_row(4)}</w:tbl>",
}


@pytest.mark.parametrize("tables", list(TABLES.values()), ids=list(TABLES))
def test_fix_tables_matches_docxtpl(tables: str) -> None:
    template = FastDocxTemplate(str(DEFAULT_TEMPLATE_DIR / "report.docx"))
    xml = f"<w:body {W}><w:p/>{tables}</w:body>"
    expected = etree.tostring(DocxTemplate.fix_tables(template, xml))
    assert etree.tostring(template.fix_tables(xml)) == expected


def test_fix_tables_fails_where_docxtpl_fails() -> None:
    template = FastDocxTemplate(str(DEFAULT_TEMPLATE_DIR / "report.docx"))
    xml = f"<w:body {W}><w:tbl>{_row(2)}</w:tbl></w:body>"  # no grid
    with pytest.raises(AttributeError):
        DocxTemplate.fix_tables(template, xml)
    with pytest.raises(AttributeError):
        template.fix_tables(xml)
