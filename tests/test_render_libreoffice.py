"""The real-client check: LibreOffice opens the Word report and prints it to PDF.

CI installs LibreOffice (.ci/run); on a laptop without it this test is skipped with a
reason. The pages are rendered to PNG under build/real-client/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render"
PICTURES = ROOT / "build" / "real-client"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CONVERT_TIMEOUT_S = 180  # a cold LibreOffice start on a small CI machine


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_opens_the_word_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", "--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "docx"])
    assert result.exit_code == 0, result.output
    docx = tmp_path / "hyte-report-2023.fi.docx"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S,
    )
    pdf = tmp_path / "hyte-report-2023.fi.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        # running text, plus every table cell on its own (table lines interleave cells)
        parts = [page.extract_text() or "" for page in document.pages]
        parts += [cell or "" for page in document.pages for table in page.extract_tables() for row in table
                  for cell in row]
        text = " ".join(" ".join(parts).replace("\u00a0", " ").split())
        pages = len(document.pages)
    for expected in ("Yhteenveto", "HYVINVOIVAT KUNTALAISET", "Ympäristösertifiointi laajenee päiväkodeille",
                     "Käynnissä", "Kirjanpitoviennit", "650 000", "Lähteet"):
        assert expected in text, f"{expected!r} missing from the PDF LibreOffice printed"
    assert pages >= 4
    if shutil.which("pdftoppm"):
        PICTURES.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(PICTURES / "report-2023")], check=True,
                       timeout=CONVERT_TIMEOUT_S)
        assert any(PICTURES.glob("report-2023*.png"))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The 2023 report of the sample workspace as the PDF hyte writes (docx, md and pdf by default)."""
    out = tmp_path_factory.mktemp("published")
    result = CliRunner().invoke(app, ["render", "--year", "2023", str(ROOT / "data" / "normalized"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "hyte-report-2023.fi.pdf"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_pdf_is_tagged_with_language_title_bookmarks_and_pdf_ua(published: Path) -> None:
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(published) as pdf:
        catalog = {key: resolve1(value) for key, value in pdf.doc.catalog.items()}
        assert catalog["Lang"] == b"fi-FI"
        assert resolve1(catalog["MarkInfo"]["Marked"]) is True
        assert "StructTreeRoot" in catalog
        assert resolve1(catalog["ViewerPreferences"]["DisplayDocTitle"]) is True
        assert pdf.metadata["Title"] == "Hyvinvointikertomus 2023"
        assert pdf.metadata["Author"] == "Kemi"
        outline = [(level, title) for level, title, *_ in pdf.doc.get_outlines()]
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).replace("\u00a0", " ")
    assert (1, "Tiivistelmä") in outline and (2, "HYVINVOIVAT KUNTALAISET") in outline
    raw = published.read_bytes()
    assert b"pdfuaid:part" in raw  # the PDF/UA identification LibreOffice writes with PDFUACompliance
    assert b"/S/TH" in raw and b"/S/H1" in raw  # header cells and headings are tagged as such
    alt = "Toimenpiteiden tila: 5 toteutunut".encode("utf-16-be").hex().upper()
    assert alt.encode() in raw.upper(), "the chart has no alternative text in the PDF"
    # the table of contents has page numbers: the indexes were updated at conversion
    assert re.search(r"^Yhteenveto\.{5,}\s*\d+$", text, re.M), "no page number in the table of contents"
    for expected in ("Hyvinvointikertomus 2023", "Valtuuston päätös: KV 3.10.2022 § 77", "Tiivistelmä",
                     "Ei raportoitu", "Ympäristösertifiointi laajenee päiväkodeille"):
        assert expected in text, f"{expected!r} missing from the PDF"


def test_without_libreoffice_the_other_formats_are_written_and_one_line_says_how_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HYTE_SOFFICE", str(tmp_path / "no-soffice"))
    runner = CliRunner()
    result = runner.invoke(app, ["render", "--year", "2023", str(FIXTURE), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output  # pdf was only a default
    assert "note: LibreOffice not found, PDF not written: install it" in result.output
    assert (tmp_path / "hyte-report-2023.fi.docx").exists() and (tmp_path / "hyte-report-2023.fi.md").exists()
    assert not (tmp_path / "hyte-report-2023.fi.pdf").exists()
    result = runner.invoke(app, ["render", "--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "pdf,md"])
    assert result.exit_code == 1, result.output  # asked for by name: a failure CI notices
    assert "error: LibreOffice not found, PDF not written: install it (Debian/Ubuntu:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_pdf_alone_converts_this_render_not_an_older_word_file_in_out(tmp_path: Path) -> None:
    (tmp_path / "hyte-report-2023.fi.docx").write_bytes(b"an older report, not this one")
    result = CliRunner().invoke(app, ["render", "--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "pdf"])
    assert result.exit_code == 0, result.output
    import pdfplumber

    with pdfplumber.open(tmp_path / "hyte-report-2023.fi.pdf") as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages).replace("\u00a0", " ")
    assert "Hyvinvointikertomus 2023" in text and "714 192" in text  # a key figure, on one line
    assert (tmp_path / "hyte-report-2023.fi.docx").read_bytes() == b"an older report, not this one"
