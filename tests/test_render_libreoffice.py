"""The real-client check: LibreOffice opens the Word report and prints it to PDF.

CI installs LibreOffice (.ci/run); on a laptop without it this test is skipped with a
reason. The pages are rendered to PNG under build/real-client/ for a person to look at.
"""

from __future__ import annotations

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
