"""The committed Word/PDF fixtures in tests/fixtures/generated and their generator.

The fixtures stand in for the original documents of the seeds (see
tests/fixtures/README.md). These tests check that they are all there, that the generator
is deterministic and the committed files are what it makes from the current normalized
YAML, and that the files have the features extractors must cope with.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from ruamel.yaml import YAML

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GENERATED = FIXTURES / "generated"
SCRIPT = FIXTURES / "make_fixtures.py"

# stem -> (number of tables, has vertically merged objective cells, caption above/below)
DOCX = {
    "plan_2026": (4, False, "below"),
    "report_2023": (3, False, "above"),
    "interim_2022": (20, True, "above"),  # 5 key-figure tables + 5 sectors x 3 goals
    "annual_2023": (3, False, "above"),
}
SOFFICE_PDFS = [f"{stem}.pdf" for stem in DOCX] + ["report_2023_excel.pdf", "interim_2022_excel.pdf"]
WORKBOOKS = ["report_2023_excel.xlsx", "interim_2022_excel.xlsx"]
UNRULED_PDFS = ["plan_2026_unruled.pdf", "report_2023_unruled.pdf", "interim_2022_unruled.pdf",
                "interim_2022_turned.pdf", "plan_2026_spaced.pdf"]
TURNED_PDF = "interim_2022_turned.pdf"
ALL_FILES = [f"{stem}.docx" for stem in DOCX] + WORKBOOKS + SOFFICE_PDFS + UNRULED_PDFS + ["interim_2022.kpi.yaml"]
STALE = "committed fixture differs from a fresh generation: run `make fixtures` and commit the result"


def generate(out: Path, *flags: str) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *flags],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def load_generator():
    spec = importlib.util.spec_from_file_location("make_fixtures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while executing
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


@pytest.fixture(scope="module")
def fresh_docx(tmp_path_factory) -> tuple[Path, Path]:
    """Two independent generations of the Word files and the KPI sidecar."""
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    generate(first, "--no-pdf", "--no-unruled")
    generate(second, "--no-pdf", "--no-unruled")
    return first, second


# ---------------------------------------------------------------- presence


@pytest.mark.parametrize("name", ALL_FILES)
def test_committed_fixture_exists_and_is_small(name: str) -> None:
    path = GENERATED / name
    assert path.is_file(), f"missing {path}; run `make fixtures`"
    assert 0 < path.stat().st_size < 200_000


def test_readme_names_every_fixture() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name in ALL_FILES:
        assert name in readme
    assert "make fixtures" in readme


# ---------------------------------------------------------------- determinism


@pytest.mark.parametrize("name", [f"{stem}.docx" for stem in DOCX] + WORKBOOKS + ["interim_2022.kpi.yaml"])
def test_docx_generation_is_deterministic(fresh_docx, name: str) -> None:
    first, second = fresh_docx
    assert (first / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.parametrize("name", [f"{stem}.docx" for stem in DOCX] + WORKBOOKS + ["interim_2022.kpi.yaml"])
def test_committed_docx_matches_a_fresh_generation(fresh_docx, name: str) -> None:
    first, _ = fresh_docx
    assert (first / name).read_bytes() == (GENERATED / name).read_bytes(), STALE


def test_unruled_pdfs_regenerate_byte_identical(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    generate(tmp_path, "--no-pdf")
    for name in UNRULED_PDFS:
        assert (tmp_path / name).read_bytes() == (GENERATED / name).read_bytes(), f"{name}: {STALE}"


def _producer(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return str(pdf.metadata.get("Producer", ""))


def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_pdfs_regenerate(tmp_path: Path) -> None:
    generate(tmp_path, "--no-unruled")
    for name in SOFFICE_PDFS:
        fresh, committed = tmp_path / name, GENERATED / name
        if not fresh.exists() and name.endswith("_excel.pdf"):
            continue  # LibreOffice Calc is not installed (the generator says so); .ci/run installs it
        if _producer(fresh) == _producer(committed):  # same LibreOffice: same bytes
            assert fresh.read_bytes() == committed.read_bytes(), f"{name}: {STALE}"
        else:  # another LibreOffice version lays out alike but not byte for byte
            assert _page_texts(fresh) == _page_texts(committed), f"{name}: {STALE}"


# ---------------------------------------------------------------- Word structure


def _body_items(document):
    """('p', text) and ('tbl', table index) in body order."""
    items, n = [], 0
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            items.append(("p", "".join(t.text or "" for t in element.iter(qn("w:t")))))
        elif element.tag == qn("w:tbl"):
            items.append(("tbl", n))
            n += 1
    return items


@pytest.mark.parametrize("stem", sorted(DOCX))
def test_docx_has_real_word_tables(stem: str) -> None:
    tables_expected, merged, _ = DOCX[stem]
    document = open_docx(str(GENERATED / f"{stem}.docx"))
    assert len(document.tables) == tables_expected
    for table in document.tables:
        assert table.style.name == "Table Grid"
        first_row = table.rows[0]._tr
        assert first_row.trPr is not None and first_row.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
                   for row in table.rows[1:])
    xml = document.element.xml
    assert ("<w:vMerge" in xml) is merged
    multi_line = [c for t in document.tables for r in t.rows[1:] for c in r.cells if len(c.paragraphs) > 1]
    assert multi_line, "expected cells with one paragraph per action/indicator"


@pytest.mark.parametrize("stem", sorted(DOCX))
def test_docx_page_setup_footer_and_properties(stem: str) -> None:
    document = open_docx(str(GENERATED / f"{stem}.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert abs(section.page_width.mm - 297) < 1 and abs(section.page_height.mm - 210) < 1
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "w:fldChar" in footer_xml
    props = document.core_properties
    assert props.author == "Kemin kaupunki" and props.revision == 1
    assert props.created == props.modified == props.last_printed
    assert document.paragraphs[0].text.strip()  # the title paragraph comes first


@pytest.mark.parametrize("stem", sorted(DOCX))
def test_docx_captions_sit_where_the_seed_has_them(stem: str) -> None:
    _, _, where = DOCX[stem]
    items = _body_items(open_docx(str(GENERATED / f"{stem}.docx")))
    captions = 0
    for i, (kind, text) in enumerate(items):
        if kind == "p" and text.upper().startswith("STRATEGINEN PÄÄMÄÄRÄ"):
            captions += 1
            neighbour = items[i - 1] if where == "below" else items[i + 1]
            assert neighbour[0] == "tbl", f"caption {text!r} is not {where} a table"
    assert captions >= 3


def test_plan_puts_a_page_break_after_each_caption() -> None:
    document = open_docx(str(GENERATED / "plan_2026.docx"))
    breaks = document.element.body.xpath('.//w:br[@w:type="page"]')
    assert len(breaks) == len(document.tables) - 1


# ---------------------------------------------------------------- PDFs


@pytest.mark.parametrize("name", [n for n in SOFFICE_PDFS + UNRULED_PDFS if n != TURNED_PDF])
def test_pdf_opens_with_several_landscape_pages_of_text(name: str) -> None:
    with pdfplumber.open(GENERATED / name) as pdf:
        pages_with_text = [p for p in pdf.pages if (p.extract_text() or "").strip()]
        assert len(pages_with_text) >= 2
        assert all(p.width > p.height for p in pdf.pages)


def test_turned_pdf_has_every_way_a_landscape_page_reaches_a_pdf() -> None:
    """Pages 1-4: upright landscape; portrait MediaBox + /Rotate 90 with the content
    turned back (displays upright); /Rotate 90 on upright content (text runs down);
    landscape content printed sideways on portrait paper (text runs up)."""
    with pdfplumber.open(GENERATED / TURNED_PDF) as pdf:
        pages = pdf.pages[:4]
        assert [p.rotation for p in pages] == [0, 90, 90, 0]
        assert [p.width > p.height for p in pages] == [True, True, False, False]
        directions = [pdfplumber.utils.extract_words(p.chars)[0]["direction"] for p in pages]
        assert directions == ["ltr", "ltr", "ttb", "ttb"]  # pdfplumber reads both sideways pages downward
        assert not pages[2].chars[0]["upright"] and not pages[3].chars[0]["upright"]


@pytest.mark.parametrize("name", UNRULED_PDFS)
def test_unruled_pdfs_have_no_lines_or_boxes(name: str) -> None:
    with pdfplumber.open(GENERATED / name) as pdf:
        for page in pdf.pages:
            assert page.lines == [] and page.rects == [] and page.curves == []


@pytest.mark.parametrize("name", ["report_2023.pdf", "report_2023_unruled.pdf"])
def test_table_header_repeats_on_every_page(name: str) -> None:
    texts = _page_texts(GENERATED / name)
    assert len(texts) >= 2
    assert all("Vastuu ja aikataulu" in text for text in texts)


def test_unruled_layout_cuts_a_row_across_pages() -> None:
    pytest.importorskip("reportlab")
    generator = load_generator()
    cut = 0
    for make in generator.LAYOUTS:
        layout = make()
        if layout.stem in generator.UNRULED:
            stats: dict[str, int] = {}
            generator.build_unruled_pdf(layout, stats)
            cut += stats.get("cut_rows", 0)
    assert cut >= 1


# ---------------------------------------------------------------- key figures


def test_kpi_sidecar_matches_the_seed_and_the_pdfs() -> None:
    data = YAML(typ="safe").load((GENERATED / "interim_2022.kpi.yaml").read_text(encoding="utf-8"))
    tables = data["tables"]
    central = next(t for t in tables if t["sector"] == "Keskusvirasto")
    assert central["columns"] == ["TP 2021", "TA 2022", "TOTEUMA 1-6/2022", "TP-ENNUSTE 2022"]
    assert central["rows"] == {
        "Kirjanpitoviennit, kpl": [714192, 600000, 326777, 600000],
        "Palkkalaskelmat, kpl": [27641, 27000, 13701, 27100],
        "Vakituinen henkilökunta, hlö": [1036, 1060, 1045, 1045],
    }
    assert len(tables) >= 3
    for name in ["interim_2022.pdf", "interim_2022_unruled.pdf"]:
        text = "\n".join(_page_texts(GENERATED / name))
        for table in tables:
            if table["area"]:
                assert f"Tulosalue {table['area']}" in text
            assert f"Vastuuhenkilö {table['responsible_person']}" in text
            for label, printed in table["printed"].items():
                line = next(line for line in text.splitlines() if line.startswith(label))
                assert line.split(label, 1)[1].split() == " ".join(v for v in printed if v).split()
