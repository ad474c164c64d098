"""Excel workbooks (.xlsx): the same records as the text export of the same table."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.export import iter_records
from hytetool.profile import Profile
from hytetool.pipeline import extract_file
from hytetool.yamlio import load_document

ROOT = Path(__file__).resolve().parents[1]
SOURCE = next((ROOT / "tests" / "fixtures" / "source").glob("003_*.yaml"))
STRATEGY = Profile.load(ROOT / "hyte-profile.yaml")
HEADER = ["Tavoite", "Toimenpiteet", "Vastuu ja aikataulu", "Mittarit, arviointi", "Toteuma 1-12/2023", "SDG"]
KEYS = ("record", "strategic_goal", "objective", "text", "responsible", "schedule", "indicators", "outcome")


def workbook_of_seed_003(path: Path, merge_objectives: bool) -> Path:
    """The goal tables of seed 003 the way a sector keeps them in Excel."""
    doc = load_document(SOURCE)
    book = Workbook()
    sheet = book.active
    for goal in doc.goals:
        sheet.append([f"Strateginen päämäärä: {goal.name}, hyvinvointi"])
        sheet.append(HEADER)
        objectives = {o.id: o.text for o in goal.objectives}
        previous, start = None, None
        for action in goal.actions:
            text = objectives.get(action.objective or "", "")
            same = merge_objectives and text == previous
            responsible = ", ".join(action.responsible) + (f" {action.schedule}" if action.schedule else "")
            sheet.append(["" if same else text, action.text, responsible, "\n".join(action.indicators),
                          action.outcome or "", ""])
            if same:
                sheet.merge_cells(start_row=start, start_column=1, end_row=sheet.max_row, end_column=1)
            else:
                start = sheet.max_row
            previous = text
        sheet.append([])
    book.save(path)
    return path


def rows(doc) -> list[tuple]:
    return [tuple(str(r[k]) for k in KEYS) for r in iter_records(doc) if r["record"] == "action"]


@pytest.mark.parametrize("merge", [False, True], ids=["plain", "merged-objectives"])
def test_workbook_gives_the_records_of_the_text_export(tmp_path: Path, merge: bool) -> None:
    path = workbook_of_seed_003(tmp_path / "report.xlsx", merge)
    doc = extract_file(path, STRATEGY).document
    assert (doc.kind.value, doc.period, doc.sector) == ("annual_report", "1-12/2023", "Hyvinvointitoimiala")
    assert rows(doc) == rows(load_document(SOURCE))


def test_not_a_workbook_gets_one_line(tmp_path: Path) -> None:
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0 an old binary .xls renamed")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "old.xlsx"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "old.xlsx: not an Excel .xlsx file (not a zip archive); if it is an old .xls, save it as .xlsx" in result.output
