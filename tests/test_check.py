"""`hyte check`: one test per finding, each on hand-written documents, through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.status import outcome_fingerprint

runner = CliRunner()
SHA = "1" * 64


def action(ident: str, text: str, *, outcome: str | None = None, status: str | None = None,
           derived: bool = False, derived_from: str | None = None, sector: str | None = None) -> str:
    lines = [f"      - id: {ident}", f"        text: {text}"]
    if sector:
        lines.append(f"        sector: {sector}")
    if outcome is not None:
        lines.append(f"        outcome: {outcome}")
    if status:
        lines += [f"        status: {status}", f"        status_derived: {'true' if derived else 'false'}"]
    if derived_from:
        lines.append(f"        status_derived_from: {derived_from}")
    return "\n".join(lines)


def document(ident: str, actions: list[str], *, kind: str = "annual_report", period: str = "2023",
             extra: str = "") -> str:
    body = "\n".join(actions)
    return f"""schema: hyte/v1
id: {ident}
municipality: Esimerkkilä
title: Toimenpiteet {period}
kind: {kind}
period: '{period}'
source:
  file: {ident}.pdf
  sha256: '{SHA}'
goals:
  - id: sujuva-arki
    name: SUJUVA ARKI
    actions:
{body}
{extra}"""


CLEAN = action("tiedotus", "Tiedotamme ajoissa", outcome="Tiedotteet julkaistu", status="done")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str):
    result = runner.invoke(app, ["check", *args])
    return result, f"exit {result.exit_code}\n{result.output}"


def test_clean_documents_pass_with_exit_0(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", document("a", [CLEAN]))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 0, shown
    assert "nothing to fix or look at" in result.output


def test_uncertain_key_figure_must_be_fixed(tmp_path: Path) -> None:
    extra = """kpi_tables:
  - id: hallinto
    columns: [TA 2023]
    rows:
      - label: Museotoimi
        values: {TA 2023: 14000}
        uncertain: true
        lines: [40, 41]
"""
    path = write(tmp_path, "a.yaml", document("a", [CLEAN], extra=extra))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1, shown
    assert "FIX: uncertain key figures (1)" in result.output
    assert f"{path}: key figure 'Museotoimi' in table hallinto (lines 40-41)" in result.output


def test_derived_status_whose_outcome_was_edited_is_stale(tmp_path: Path) -> None:
    edited = action("iso", "ISO 45001 kaikkiin kouluihin", outcome="Ei ole aloitettu", status="done",
                    derived=True, derived_from=outcome_fingerprint("Kaikki koulut on auditoitu"))
    write(tmp_path, "a.yaml", document("a", [CLEAN, edited]))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1, shown
    assert "FIX: derived statuses whose outcome was edited after (stale) (1)" in result.output
    assert "action iso 'ISO 45001 kaikkiin kouluihin': status done was derived from an earlier outcome" in shown
    assert "now reads as not_done" in shown


def test_file_from_before_the_fingerprint_is_stale_when_the_rules_disagree(tmp_path: Path) -> None:
    old = action("iso", "ISO 45001 kaikkiin kouluihin", outcome="Ei ole aloitettu", status="done", derived=True)
    write(tmp_path, "a.yaml", document("a", [old]))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1 and "(stale) (1)" in result.output, shown


def test_derived_status_not_yet_confirmed_is_a_look(tmp_path: Path) -> None:
    outcome = "Kaikki koulut on auditoitu"
    derived = action("iso", "ISO 45001", outcome=outcome, status="done", derived=True,
                     derived_from=outcome_fingerprint(outcome))
    write(tmp_path, "a.yaml", document("a", [derived]))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 0, shown
    assert "look: statuses derived from the outcome text, not yet confirmed (1)" in result.output
    assert "status_derived: false" in result.output


def test_report_year_action_without_outcome_is_a_look(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", document("a", [CLEAN, action("verkko", "Palveluverkkoselvitys")]))
    result, shown = check(str(tmp_path), "--year", "2023")
    assert result.exit_code == 0, shown
    assert "look: actions of a report year without an outcome (1)" in result.output
    assert "action verkko 'Palveluverkkoselvitys'" in result.output


def test_plan_actions_without_outcome_are_not_reported(tmp_path: Path) -> None:
    write(tmp_path, "p.yaml", document("p", [action("verkko", "Palveluverkkoselvitys")], kind="plan", period="2026"))
    result, shown = check(str(tmp_path))
    assert "without an outcome" not in result.output, shown


def test_sector_in_previous_report_and_missing_now(tmp_path: Path) -> None:
    before = [action("tiedotus", "Tiedotamme ajoissa", outcome="Tehty", status="done", sector="Hyvinvointitoimiala"),
              action("kaava", "Kaavoitus etenee", outcome="Tehty", status="done", sector="Ympäristötoimiala")]
    write(tmp_path, "a-2022.yaml", document("a-2022", before, kind="interim_report", period="1-6/2022"))
    now = [action("tiedotus", "Tiedotamme ajoissa", outcome="Tehty", status="done", sector="Hyvinvointitoimiala")]
    write(tmp_path, "b-2023.yaml", document("b-2023", now))
    result, shown = check(str(tmp_path), "--year", "2023")
    assert "look: sectors in the previous report and missing now (1)" in result.output, shown
    assert "sector Ympäristötoimiala: 1 action(s) in 1-6/2022 and no report in 2023" in result.output


def test_two_documents_with_one_id_must_be_fixed(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", document("a", [CLEAN]))
    second = write(tmp_path, "copy-of-a.yaml", document("a", [CLEAN]))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1, shown
    assert "FIX: two documents with one id (1)" in result.output
    assert f"{second}: document a: also the id of {first}" in result.output


def test_pending_new_version_in_a_folder_or_named_by_a_glob(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", document("a", [CLEAN]))
    pending = write(tmp_path, "a.new.yaml", document("a", [CLEAN]))
    for args in ([str(tmp_path)], [str(tmp_path / "a.yaml"), str(pending)]):  # a folder; `*.yaml` from a shell
        result, shown = check(*args)
        assert result.exit_code == 1, shown
        assert "FIX: new versions (NAME.new.yaml) waiting to be merged (1)" in result.output
        assert f"{pending}: written by `hyte extract` beside your edited a.yaml" in result.output
        assert "two documents with one id" not in result.output  # the pending file is not read as a document


def test_unplaced_content_is_a_look_and_a_document_without_tables_must_be_fixed(tmp_path: Path) -> None:
    unplaced = "unplaced:\n  - text: Liite 3 sivulla 12\n    reason: text outside any goal table\n    lines: [5, 5]\n"
    write(tmp_path, "a.yaml", document("a", [CLEAN], extra=unplaced))
    result, shown = check(str(tmp_path))
    assert result.exit_code == 0, shown
    assert "look: unplaced content kept in the YAML (1)" in result.output
    assert "'Liite 3 sivulla 12' (lines 5-5): text outside any goal table" in result.output
    empty = f"""schema: hyte/v1
id: b
title: Skannattu
kind: annual_report
period: '2023'
source:
  file: b.pdf
  sha256: '{SHA}'
{unplaced}"""
    write(tmp_path, "b.yaml", empty)
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1, shown
    assert "FIX: documents with no recognised table (1)" in result.output


def test_invalid_file_must_be_fixed_and_the_rest_is_still_checked(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", document("a", [CLEAN, action("verkko", "Palveluverkkoselvitys")]))
    bad = write(tmp_path, "bad.yaml", "schema: hyte/v1\nid: Not A Slug\n")
    result, shown = check(str(tmp_path))
    assert result.exit_code == 1, shown
    assert "FIX: files that are not valid hyte/v1 documents (1)" in result.output
    assert f"{bad}:" in result.output
    assert "without an outcome (1)" in result.output


def test_unknown_year_is_one_line_and_exit_1(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", document("a", [CLEAN]))
    result, shown = check(str(tmp_path), "--year", "1999")
    assert result.exit_code == 1, shown
    assert "no report or plan covers 1999" in result.output and "Traceback" not in result.output


def test_sample_data_lists_the_uncertain_key_figures_of_2022() -> None:
    root = Path(__file__).resolve().parents[1]
    result, shown = check(str(root / "data" / "normalized"), "--year", "2022")
    assert result.exit_code == 1, shown
    assert "FIX: uncertain key figures (8)" in result.output
