"""`hyte diff`, `hyte status`, `hyte track`, `hyte export --all-years` and the report's
"changes since the previous report", run on a copy of the seeds' normalized YAML."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from hytetool import cli
from hytetool.cli import app
from hytetool.export import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
NORMALIZED = ROOT / "data" / "normalized"
BEFORE = "Päiväkodeista kaksi auditoitu, jäljellä kuusi"
AFTER = "Päiväkodeista auditoitu 5, auditointimatta 3"
runner = CliRunner()


def hyte(*args: str):
    result = runner.invoke(app, list(args))
    return result, f"exit {result.exit_code}\n{result.output}"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "normalized"
    folder.mkdir()
    for path in sorted(NORMALIZED.glob("0*.yaml")):
        if not path.name.endswith(".new.yaml"):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture()
def wide(monkeypatch):
    """A wide terminal, so table cells are not wrapped across lines."""
    monkeypatch.setattr(cli, "out", Console(width=400))


# ---------------------------------------------------------------- hyte diff


def test_diff_table_shows_both_outcomes(data: Path, wide) -> None:
    result, shown = hyte("diff", "1-6/2022", "2023", str(data))
    assert result.exit_code == 0, shown
    assert "hyte diff 1-6/2022 → 2023" in shown
    line = next(line for line in shown.splitlines() if "Ympäristösertifiointi laajenee päiväkodeille" in line)
    assert "continued" in line and BEFORE in line and AFTER in line
    assert "14 continued, 2 new, 74 dropped" in shown
    assert "run `hyte track`" in shown  # no registry yet: the ids were matched on the fly


def test_diff_jsonl_has_outcome_and_status_before_and_after(data: Path) -> None:
    result, shown = hyte("diff", "1-6/2022", "2023", str(data), "--format", "jsonl")
    assert result.exit_code == 0, shown
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    row = next(r for r in rows if r["after_text"] == "Ympäristösertifiointi laajenee päiväkodeille")
    assert row["change"] == "continued"
    assert (row["goal"], row["sector"]) == ("ELINVOIMAINEN KAUPUNKI", "Hyvinvointitoimiala")
    assert (row["before_outcome"], row["before_status"], row["before_period"]) == (BEFORE, "in_progress", "1-6/2022")
    assert (row["after_outcome"], row["after_status"], row["after_period"]) == (AFTER, "in_progress", "1-12/2023")
    assert row["before_source"].startswith("004_6f9012e3c57d872b.txt:")
    assert {r["change"] for r in rows} == {"continued", "new", "dropped"}
    assert all(r["before_text"] is None for r in rows if r["change"] == "new")
    assert all(r["after_text"] is None for r in rows if r["change"] == "dropped")


def test_diff_markdown_to_a_file(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.md"
    result, shown = hyte("diff", "1-6/2022", "1-12/2023", str(data), "--format", "md", "--out", str(out))
    assert result.exit_code == 0, shown
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Changes 1-6/2022 → 1-12/2023\n")
    assert f"| continued | Ympäristösertifiointi laajenee päiväkodeille | {BEFORE} (*in progress*) | {AFTER} (*in progress*) |" \
        in text
    assert "*No action of this sector in 1-12/2023.*" in text  # Keskusvirasto etc. only report in 2022


def test_diff_the_new_strategy_continues_nothing(data: Path) -> None:
    result, shown = hyte("diff", "2023", "2026", str(data), "-f", "jsonl")
    assert result.exit_code == 0, shown
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and not [r for r in rows if r["change"] == "continued"]
    assert {r["goal"] for r in rows if r["change"] == "new"} == {"Viisas Kemi", "Välittävä Kemi", "Vihreä Kemi",
                                                                 "Viettelevä Kemi"}


@pytest.mark.parametrize(("args", "message"), [
    (["kevät 2022", "2023"], "'kevät 2022' is not a period"),
    (["2019", "2023"], "no document covers 2019; periods in the data: 1-6/2022, 2022-2025, 1-12/2023, 2023, 2026"),
    (["2022", "2023", "--format", "xml"], "unknown format 'xml'; use table, md or jsonl"),
    (["2022", "2023", "--out", "x.txt"], "--out writes md or jsonl"),
])
def test_diff_errors(data: Path, args: list[str], message: str) -> None:
    result, shown = hyte("diff", *args[:2], str(data), *args[2:])
    assert result.exit_code == 1, shown
    assert message in shown and "Traceback" not in shown


# ---------------------------------------------------------------- hyte status


def test_status_by_goal_counts_every_period(data: Path, wide) -> None:
    result, shown = hyte("status", str(data))
    assert result.exit_code == 0, shown
    tables = {block.splitlines()[0].strip(): block for block in shown.split("hyte status: ")[1:]}
    assert list(tables) == ["1-6/2022", "2023", "2026"]
    total_2022 = next(line for line in tables["1-6/2022"].splitlines() if line.startswith("│ total"))
    assert "25 (28%)" in total_2022 and "88" in total_2022  # the interim report's 88 actions
    assert any("Viisas Kemi" in line and "18 (100%)" in line for line in tables["2026"].splitlines())


def test_status_by_sector_for_one_year(data: Path, wide) -> None:
    result, shown = hyte("status", str(data), "--year", "2023", "--by", "sector")
    assert result.exit_code == 0, shown
    row = next(line for line in shown.splitlines() if "Hyvinvointitoimiala" in line)
    assert "5 (31%)" in row and "7 (44%)" in row and "16" in row
    assert "hyte status: 2023" in shown and "1-6/2022" not in shown and "2026" not in shown


def test_status_errors(data: Path) -> None:
    result, shown = hyte("status", str(data), "--by", "colour")
    assert result.exit_code == 1 and "unknown grouping 'colour'; use goal or sector" in shown
    result, shown = hyte("status", str(data), "--year", "2019")
    assert result.exit_code == 1 and "no actions in 2019 in the data" in shown


# ---------------------------------------------------------------- hyte track


def test_track_writes_the_registry_then_diff_uses_it(data: Path) -> None:
    result, shown = hyte("track", str(data))
    assert result.exit_code == 0, shown
    assert "wrote" in shown and (data / "registry.yaml").is_file()
    result, shown = hyte("track", str(data))
    assert result.exit_code == 0 and "unchanged" in shown, shown
    result, shown = hyte("diff", "1-6/2022", "2023", str(data), "-f", "jsonl")
    assert result.exit_code == 0 and "run `hyte track`" not in shown, shown
    result, shown = hyte("validate", str(data))
    assert result.exit_code == 0, shown  # validate skips registry.yaml


def test_track_with_a_registry_elsewhere(data: Path, tmp_path: Path) -> None:
    registry = tmp_path / "elsewhere" / "ids.yaml"
    result, shown = hyte("track", str(data), "--registry", str(registry))
    assert result.exit_code == 0, shown
    assert registry.is_file() and not (data / "registry.yaml").exists()


# ---------------------------------------------------------------- hyte export --all-years


def test_export_all_years_adds_the_shared_id_column(data: Path) -> None:
    result, shown = hyte("track", str(data))
    assert result.exit_code == 0, shown
    result, shown = hyte("export", str(data), "--format", "csv", "--all-years")
    assert result.exit_code == 0, shown
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert list(rows[0]) == [*COLUMNS, "shared_id"]
    cert = [r for r in rows if r["text"] == "Ympäristösertifiointi laajenee päiväkodeille"]
    assert {r["period"] for r in cert} == {"1-6/2022", "1-12/2023"}
    assert len({r["shared_id"] for r in cert}) == 1 and cert[0]["shared_id"]
    assert all(r["shared_id"] == "" for r in rows if r["record"] in ("priority", "outcome", "kpi"))
    assert all(r["shared_id"] for r in rows if r["record"] in ("objective", "action"))


def test_export_without_the_flag_keeps_its_columns(data: Path) -> None:
    result, shown = hyte("export", str(data), "--format", "csv")
    assert result.exit_code == 0, shown
    header = next(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert header == list(COLUMNS)
    result, shown = hyte("export", str(data), "--format", "jsonl")
    assert "shared_id" not in result.stdout


def test_export_all_years_with_xlsx_and_jsonl(data: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "all.xlsx"
    result, shown = hyte("export", str(data), "--format", "xlsx", "--all-years", "--out", str(out))
    assert result.exit_code == 0, shown
    header = [c.value for c in load_workbook(out)["records"][1]]
    assert header == [*COLUMNS, "shared_id"]
    result, shown = hyte("export", str(data), "--format", "jsonl", "--all-years")
    first = json.loads(result.stdout.splitlines()[0])
    assert list(first)[-1] == "shared_id"


def test_export_all_years_and_year_exclude_each_other(data: Path) -> None:
    result, shown = hyte("export", str(data), "--all-years", "--year", "2023")
    assert result.exit_code == 1 and "--all-years exports every year; leave out --year" in shown


# ---------------------------------------------------------------- the yearly report


def test_report_shows_changes_since_the_previous_report(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result, shown = hyte("render", "--year", "2023", str(data), "--out", str(out), "-f", "md")
    assert result.exit_code == 0, shown
    text = (out / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    section = text[text.index("## Muutokset edellisestä raportista"):text.index("## Tunnusluvut")]
    assert "Verrattu: 1-6/2022 (Osavuosiraportti 1-6/2022) → 2023" in section
    assert f"| Ympäristösertifiointi laajenee päiväkodeille | {BEFORE} (Käynnissä) | {AFTER} (Käynnissä) |" in section
    # a sector without a report this year did not drop its actions (issue 14)
    assert "**Ei raportoitu**: toimiala ei ole mukana tämän vuoden raportissa (6 toimenpidettä kaudella 1-6/2022)." \
        in section
    # each action row of the goals shows its earlier outcome
    row = next(line for line in text.splitlines() if line.startswith("| Ympäristösertifiointi laajenee"))
    assert f"{AFTER}<br>*Aiempi toteuma 1-6/2022: {BEFORE} (Käynnissä)*" in row


def test_report_of_the_first_year_has_nothing_to_compare(data: Path, tmp_path: Path) -> None:
    result, shown = hyte("render", "--year", "2022", str(data), "--out", str(tmp_path), "-f", "md", "--lang", "en")
    assert result.exit_code == 0, shown
    text = (tmp_path / "hyte-report-2022.en.md").read_text(encoding="utf-8")
    assert "## Changes since the previous report\n\nThe data has no earlier report to compare with." in text


def test_word_report_has_the_changes_section(data: Path, tmp_path: Path) -> None:
    from docx import Document as WordDocument

    result, shown = hyte("render", "--year", "2023", str(data), "--out", str(tmp_path), "-f", "docx", "--lang", "sv")
    assert result.exit_code == 0, shown
    doc = WordDocument(str(tmp_path / "hyte-report-2023.sv.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Förändringar sedan föregående rapport" in headings
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert f"{BEFORE} (Pågår)" in cells and f"{AFTER} (Pågår)" in cells
    assert any(c.startswith(AFTER) and "Tidigare utfall 1-6/2022" in c for c in cells)
    assert "{%" not in doc.element.xml and "{{" not in doc.element.xml
