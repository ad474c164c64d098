"""The flat export: exact columns and row values in jsonl, csv and xlsx, and its errors.

The fixture YAML files are written by the tests into tmp_path from Document models, so
they always follow the current schema.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.errors import HyteError
from hytetool.export import COLUMNS, collect, export_paths, iter_records, xlsx_bytes
from hytetool.model import (
    Action,
    Document,
    KpiRow,
    KpiTable,
    Objective,
    Outcome,
    Priority,
    Source,
    StrategicGoal,
)
from hytetool.yamlio import write_document

EXPECTED_COLUMNS = [
    "source", "record", "sector", "period", "strategic_goal", "objective", "text",
    "responsible", "schedule", "indicators", "outcome", "status", "partners", "resources", "baseline", "target", "sdg", "area", "parent",
    "values", "id", "page", "lines", "reason", "extra",
]
SHA = "0" * 64


def make_report(file: str = "003_toteuma.txt", period: str | None = "1-6/2023") -> Document:
    """A small annual report: one goal with every record kind, and a KPI table."""
    return Document(
        id="hyvinvointi-toteuma-2023",
        title="Hyvinvointisuunnitelman toteuma 2023",
        kind="annual_report",
        plan_period="2022-2025",
        period=period,
        sector="Hyvinvointi",
        source=Source(file=file, sha256=SHA),
        goals=[
            StrategicGoal(
                id="elinvoimainen-kaupunki",
                name="ELINVOIMAINEN KAUPUNKI",
                objectives=[
                    Objective(id="vihrea-kemi", text="Vihreä ja kestävä Kemi lisää vetovoimaamme.",
                              lines=[5, 6], page=1),
                ],
                priorities=[Priority(id="syrjaytymisen-ehkaisy", text="Syrjäytymisen ehkäisy")],
                actions=[
                    Action(
                        id="ymparistosertifiointi",
                        objective="vihrea-kemi",
                        text="Ympäristösertifiointi laajenee päiväkodeille",
                        responsible=["Varhaiskasvatuspäällikkö", "Johtava rehtori"],
                        partners=["Ympäristöpalvelut", "Vanhempainyhdistys (Kemin päiväkodit)"],
                        schedule="2023",
                        resources="oman työn ohessa",
                        indicators=["Päiväkodeista auditoitu 80 %", "Kysely syksyllä"],
                        baseline="0 päiväkotia",
                        target="8 päiväkotia",
                        outcome="Päiväkodeista auditoitu 5, auditointimatta 3",
                        status="in_progress",
                        sdg=[3, 6],
                        lines=[12, 20],
                        page=2,
                    ),
                    Action(id="palveluverkko", text="=Palveluverkko konkretisoituu", sector="Perusturva"),
                ],
                outcomes=[Outcome(id="liikkuminen", text="Liikuntaneuvontaa on toteutettu.")],
            )
        ],
        kpi_tables=[
            KpiTable(
                id="hallinto",
                sector="Elinvoima",
                area="Hallinto",
                columns=["TP 2021", "TA 2022"],
                rows=[
                    KpiRow(label="Toimialan htv yhteensä", values={"TP 2021": 27.7, "TA 2022": 22.0}),
                    KpiRow(label="josta hanke", parent="Toimialan htv yhteensä",
                           values={"TP 2021": None}, lines=[40, 41]),
                ],
            )
        ],
    )


def make_plan(file: str = "002_suunnitelma.txt") -> Document:
    """A plan for 2026 with no period of its own: the plan period stands in."""
    return Document(
        id="toimenpiteet-2026",
        title="Hyvinvointisuunnitelman toimenpiteet vuodelle 2026",
        kind="plan",
        plan_period="2026",
        source=Source(file=file, sha256=SHA),
        goals=[
            StrategicGoal(
                id="osallisuus",
                name="OSALLISUUS",
                actions=[Action(id="aamukahvit", text="Kaupunginjohtajan aamukahvit", responsible=["Kanslia"])],
            )
        ],
    )


ACTION_ROW = {
    "source": "003_toteuma.txt",
    "record": "action",
    "sector": "Hyvinvointi",
    "period": "1-6/2023",
    "strategic_goal": "ELINVOIMAINEN KAUPUNKI",
    "objective": "Vihreä ja kestävä Kemi lisää vetovoimaamme.",
    "text": "Ympäristösertifiointi laajenee päiväkodeille",
    "responsible": ["Varhaiskasvatuspäällikkö", "Johtava rehtori"],
    "schedule": "2023",
    "indicators": ["Päiväkodeista auditoitu 80 %", "Kysely syksyllä"],
    "outcome": "Päiväkodeista auditoitu 5, auditointimatta 3",
    "status": "in_progress",
    "partners": ["Ympäristöpalvelut", "Vanhempainyhdistys (Kemin päiväkodit)"],
    "resources": "oman työn ohessa",
    "baseline": "0 päiväkotia",
    "target": "8 päiväkotia",
    "sdg": [3, 6],
    "area": None,
    "parent": None,
    "values": None,
    "id": "ymparistosertifiointi",
    "page": 2,
    "lines": "12-20",
    "reason": None,
    "extra": None,
}
KPI_ROW = {
    "source": "003_toteuma.txt",
    "record": "kpi",
    "sector": "Elinvoima",
    "period": "1-6/2023",
    "strategic_goal": None,
    "objective": None,
    "text": "Toimialan htv yhteensä",
    "responsible": [],
    "schedule": None,
    "indicators": [],
    "outcome": None,
    "status": None,
    "partners": [],
    "resources": None,
    "baseline": None,
    "target": None,
    "sdg": [],
    "area": "Hallinto",
    "parent": None,
    "values": {"TP 2021": 27.7, "TA 2022": 22},
    "id": "hallinto/1",
    "page": None,
    "lines": None,
    "reason": None,
    "extra": None,
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """data/normalized with two documents plus files the export must skip."""
    out = tmp_path / "normalized"
    write_document(make_report(), out / "b-report.yaml")  # sorted by source file, not YAML name
    write_document(make_plan(), out / "a-plan.yaml")
    (out / "b-report.new.yaml").write_text("not: a document\n", encoding="utf-8")
    (out / "registry.yaml").write_text("documents: []\n", encoding="utf-8")
    (out / "notes.txt").write_text("ignored\n", encoding="utf-8")
    return out


# ---------------------------------------------------------------- records


def test_columns_are_exactly_the_interchange_columns() -> None:
    assert list(COLUMNS) == EXPECTED_COLUMNS
    for row in iter_records(make_report()):
        assert list(row) == EXPECTED_COLUMNS


def test_record_order_and_kinds() -> None:
    rows = list(iter_records(make_report()))
    assert [(r["record"], r["id"]) for r in rows] == [
        ("objective", "vihrea-kemi"),
        ("priority", "syrjaytymisen-ehkaisy"),
        ("action", "ymparistosertifiointi"),
        ("action", "palveluverkko"),
        ("outcome", "liikkuminen"),
        ("kpi", "hallinto/1"),
        ("kpi", "hallinto/2"),
    ]


def test_row_values() -> None:
    rows = {r["id"]: r for r in iter_records(make_report())}
    assert rows["ymparistosertifiointi"] == ACTION_ROW
    assert rows["hallinto/1"] == KPI_ROW
    objective = rows["vihrea-kemi"]
    assert objective["objective"] is None
    assert objective["text"] == "Vihreä ja kestävä Kemi lisää vetovoimaamme."
    assert (objective["page"], objective["lines"], objective["sector"]) == (1, "5-6", "Hyvinvointi")
    assert rows["palveluverkko"]["sector"] == "Perusturva"  # own sector wins over the document's
    assert rows["palveluverkko"]["objective"] is None
    assert rows["hallinto/2"]["parent"] == "Toimialan htv yhteensä"
    assert rows["hallinto/2"]["values"] == {"TP 2021": None}
    assert rows["hallinto/2"]["lines"] == "40-41"


def test_control_characters_do_not_break_xlsx() -> None:
    row = dict(next(iter_records(make_plan())), text="Kuntalaiskyselyt\x0c")
    ws = load_workbook(io.BytesIO(xlsx_bytes([row]))).active
    assert ws["G2"].value == "Kuntalaiskyselyt"


def test_plan_period_stands_in_for_missing_period() -> None:
    rows = list(iter_records(make_plan()))
    assert rows[0]["period"] == "2026"
    assert rows[0]["sector"] is None


def test_collect_sorts_by_source_file_and_skips_non_documents(folder: Path) -> None:
    rows = collect([folder])
    assert [r["source"] for r in rows] == ["002_suunnitelma.txt"] + ["003_toteuma.txt"] * 7


def test_same_file_named_twice_is_exported_once(folder: Path) -> None:
    assert len(collect([folder, folder / "a-plan.yaml"])) == 8


@pytest.mark.parametrize(
    ("year", "sources"),
    [
        (2023, {"003_toteuma.txt"}),
        (2026, {"002_suunnitelma.txt"}),
        (2024, set()),
        (None, {"002_suunnitelma.txt", "003_toteuma.txt"}),
    ],
)
def test_year_filter(folder: Path, year: int | None, sources: set[str]) -> None:
    assert {r["source"] for r in collect([folder], year=year)} == sources


def test_year_filter_uses_plan_period_when_period_is_none(tmp_path: Path) -> None:
    write_document(make_report(period=None), tmp_path / "r.yaml")  # plan period 2022-2025
    assert len(collect([tmp_path], year=2025)) == 7
    assert collect([tmp_path], year=2026) == []


# ---------------------------------------------------------------- formats


def test_jsonl(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "records.jsonl"
    assert export_paths([folder], "jsonl", out).records == 8
    text = out.read_text(encoding="utf-8")
    assert "Päiväkodeista" in text  # ensure_ascii=False
    lines = text.splitlines()
    assert len(lines) == 8
    rows = [json.loads(line) for line in lines]
    assert all(list(r) == EXPECTED_COLUMNS for r in rows)
    assert ACTION_ROW in rows
    assert KPI_ROW in rows


def test_jsonl_to_stdout(folder: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert export_paths([folder], "jsonl", None).records == 8
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert json.loads(lines[0])["text"] == "Kaupunginjohtajan aamukahvit"


def test_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    assert export_paths([folder], "csv", out).records == 8
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM for Excel on Windows
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == EXPECTED_COLUMNS
    assert len(rows) == 9
    by_id = {row[EXPECTED_COLUMNS.index("id")]: dict(zip(EXPECTED_COLUMNS, row)) for row in rows[1:]}
    action = by_id["ymparistosertifiointi"]
    assert action["responsible"] == "Varhaiskasvatuspäällikkö; Johtava rehtori"
    assert action["indicators"] == "Päiväkodeista auditoitu 80 %; Kysely syksyllä"
    assert action["sdg"] == "3; 6"
    assert action["outcome"] == "Päiväkodeista auditoitu 5, auditointimatta 3"
    assert (action["values"], action["area"], action["page"], action["lines"]) == ("", "", "2", "12-20")
    kpi = by_id["hallinto/1"]
    assert json.loads(kpi["values"]) == {"TP 2021": 27.7, "TA 2022": 22}
    assert (kpi["strategic_goal"], kpi["responsible"], kpi["area"]) == ("", "", "Hallinto")


def test_xlsx(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.xlsx"
    assert export_paths([folder], "xlsx", out).records == 8
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header == EXPECTED_COLUMNS
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Y9"
    rows = {r[EXPECTED_COLUMNS.index("id")]: dict(zip(EXPECTED_COLUMNS, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    action = rows["ymparistosertifiointi"]
    assert action["responsible"] == "Varhaiskasvatuspäällikkö; Johtava rehtori"
    assert action["sdg"] == "3; 6"
    assert action["page"] == 2
    assert action["lines"] == "12-20"
    assert action["objective"] == "Vihreä ja kestävä Kemi lisää vetovoimaamme."
    assert json.loads(rows["hallinto/1"]["values"]) == {"TP 2021": 27.7, "TA 2022": 22}
    assert rows["palveluverkko"]["text"] == "=Palveluverkko konkretisoituu"
    formula_like = [c for c in ws["G"] if c.value == "=Palveluverkko konkretisoituu"]
    assert [c.data_type for c in formula_like] == ["s"]  # text, not a formula
    widths = [ws.column_dimensions[chr(ord("A") + i)].width for i in range(len(EXPECTED_COLUMNS))]
    assert all(8 <= w <= 60 for w in widths)


def test_xlsx_is_deterministic(folder: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    export_paths([folder], "xlsx", first)
    export_paths([folder], "xlsx", second)
    assert first.read_bytes() == second.read_bytes()
    assert xlsx_bytes([]) == xlsx_bytes([])
    props = load_workbook(first).properties
    assert props.created.year == props.modified.year == 2000


def test_format_name_is_case_insensitive(folder: Path, tmp_path: Path) -> None:
    assert export_paths([folder], "CSV", tmp_path / "r.csv").records == 8


def test_no_temp_files_left(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("jsonl", "csv", "xlsx"):
        export_paths([folder], fmt, out / f"records.{fmt}")
    assert sorted(p.name for p in out.iterdir()) == ["records.csv", "records.jsonl", "records.xlsx"]


# ---------------------------------------------------------------- errors


def test_unknown_format(folder: Path) -> None:
    with pytest.raises(HyteError, match=r"unknown format 'pdf'.*jsonl, csv, xlsx"):
        export_paths([folder], "pdf", None)


def test_xlsx_needs_output(folder: Path) -> None:
    with pytest.raises(HyteError, match="xlsx needs --out FILE"):
        export_paths([folder], "xlsx", None)


@pytest.mark.parametrize(
    "content",
    ["schema: hyte/v1\nid: [unclosed\n", "schema: hyte/v1\nid: x\ntitle: t\nkind: nonsense\n"],
    ids=["bad-yaml", "bad-schema"],
)
def test_invalid_yaml_names_the_file(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(HyteError, match=r"broken\.yaml.*hyte validate"):
        collect([tmp_path])


def test_no_documents_found(tmp_path: Path) -> None:
    (tmp_path / "registry.yaml").write_text("documents: []\n", encoding="utf-8")
    with pytest.raises(HyteError, match="no normalized YAML documents") as info:
        collect([tmp_path])
    assert str(tmp_path) in str(info.value)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(HyteError, match="no such file or folder"):
        collect([tmp_path / "missing"])


# ---------------------------------------------------------------- command line


def test_cli_export_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "build" / "export" / "records.csv"
    result = CliRunner().invoke(app, ["export", str(folder), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 9


def test_cli_export_year(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["export", str(folder), "--year", "2026", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "002_suunnitelma.txt"
    ]


def test_cli_export_bad_format(folder: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(folder), "--format", "pdf"])
    assert result.exit_code != 0, result.output
    assert "unknown format" in result.output, result.output


def test_text_no_strategy_recognised_is_exported_as_unplaced_rows_and_counted(tmp_path: Path) -> None:
    """Issue 12: nothing is all-or-nothing; what could not be placed reaches the export too."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "muistio.txt").write_text(
        "Hyvinvointityöryhmän muistio\n\nKokous pidettiin kirjastolla.\nSeuraava kokous syksyllä.\n",
        encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(raw), "--out", str(tmp_path / "yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "records.csv"
    result = runner.invoke(app, ["export", str(tmp_path / "yaml"), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    unplaced = [r for r in rows if r["record"] == "unplaced"]
    assert [r["text"] for r in unplaced] == ["Kokous pidettiin kirjastolla.\nSeuraava kokous syksyllä."]
    assert all(r["reason"] for r in unplaced)
    assert f"{len(unplaced)} of them are text hyte could not place" in result.output
