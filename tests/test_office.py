"""Old and open office formats: a .doc, .odt or .rtf saved from a Word file, and an .xls
or .ods saved from an Excel file, give the same records as the original, through
LibreOffice headless; without LibreOffice one line says what to do. Files of other types
in a folder are listed as skipped, never silently dropped.

The inputs are made here from the committed .docx/.xlsx fixtures with LibreOffice (as a
sector would "save as"); CI installs LibreOffice (.ci/run), a laptop without it skips
the conversion tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.extract import office
from hytetool.pipeline import extract_file
from hytetool.yamlio import document_body

GENERATED = Path(__file__).resolve().parent / "fixtures" / "generated"
WORD = GENERATED / "plan_2026.docx"
EXCEL = GENERATED / "report_2023_excel.xlsx"
SOFFICE = office.find_soffice()
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
runner = CliRunner()


def saved_as(original: Path, suffix: str, folder: Path) -> Path:
    """The original saved in another format, as a sector's secretary would."""
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", suffix.lstrip("."), "--outdir", str(folder), str(original)],
                   check=True, capture_output=True, timeout=office.CONVERT_TIMEOUT_SECONDS)
    return folder / f"{original.stem}{suffix}"


def records(path: Path) -> str:
    """The document's YAML without its source block (file name and checksum differ)."""
    body = document_body(extract_file(path).document)
    return "\n".join(line for line in body.splitlines() if not line.startswith(("  file:", "  sha256:")))


@needs_libreoffice
@pytest.mark.parametrize(("original", "suffix"), [(WORD, ".doc"), (WORD, ".odt"), (WORD, ".rtf"),
                                                  (EXCEL, ".xls"), (EXCEL, ".ods")])
def test_an_old_format_gives_the_records_of_the_original(tmp_path: Path, original: Path, suffix: str) -> None:
    converted = saved_as(original, suffix, tmp_path)
    document = extract_file(converted).document
    assert document.source.file == converted.name, "the YAML names the file the user gave"
    assert records(converted) == records(original)
    assert document.goals, "records were read"


def test_without_libreoffice_one_line_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    doc = tmp_path / "suunnitelma.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE header, as a Word 97 file has
    result = runner.invoke(app, ["extract", str(doc), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-cache"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("note: no hyte-profile")]
    assert lines == [f"{doc}: hyte reads .doc files through LibreOffice, which is not installed: save it as .docx "
                     "(or install LibreOffice from libreoffice.org)"], result.stderr


def test_other_files_in_a_folder_are_listed_as_skipped(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(WORD, raw)
    (raw / "muistiinpanot.csv").write_text("a;b\n", encoding="utf-8")
    (raw / ".gitkeep").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert f"note: {raw / 'muistiinpanot.csv'}: skipped; hyte reads .doc, .docx" in result.stderr
    row = next(line for line in result.stdout.splitlines() if "skipped" in line)
    assert row.startswith("muistiinpanot.csv "), result.stdout
    assert "1 of 1 files extracted; 1 skipped (not a type hyte reads)" in result.stdout
    assert ".gitkeep" not in result.output, "hidden files are no documents"


def test_the_summary_shows_whole_file_names(tmp_path: Path) -> None:
    """Outside a terminal (a log, CI) each file is one line with its whole name; on a
    terminal a long name folds onto more lines of its cell, never cut with an ellipsis."""
    long_name = "hyvinvointisuunnitelman_toimenpiteet_2026_lopullinen_versio.docx"
    shutil.copy(WORD, tmp_path / long_name)
    result = runner.invoke(app, ["extract", str(tmp_path / long_name), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert any(line.startswith(long_name + " ") for line in result.stdout.splitlines()), result.stdout


def test_a_terminal_gets_the_table_with_long_names_folded_whole() -> None:
    import io

    from rich.console import Console

    from hytetool.pipeline import FileResult
    from hytetool.report import print_extract_summary

    long_name = "hyvinvointisuunnitelman_toimenpiteet_2026_lopullinen_versio.docx"
    screen = io.StringIO()
    print_extract_summary(Console(file=screen, force_terminal=True, width=80, color_system=None),
                          [FileResult(Path(long_name))])
    cells = [line.split("│")[1].strip() for line in screen.getvalue().splitlines() if line.startswith("│")]
    assert "".join(cells) == long_name, screen.getvalue()
