"""`hyte render`: the yearly report in Markdown and Word, from hand-written YAML and the seeds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from typer.testing import CliRunner

from golden_helper import assert_golden
from hytetool.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "render"
runner = CliRunner()


def render(*args: str):
    result = runner.invoke(app, ["render", *args])
    return result, f"exit {result.exit_code}\n{result.output}"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(out))
    assert result.exit_code == 0, shown
    return out


def test_markdown_report_matches_golden(report: Path) -> None:
    text = (report / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    assert_golden(text, ROOT / "tests" / "golden" / "render" / "hyte-report-2023.fi.md")


def test_markdown_links_the_chart_that_was_written(report: Path) -> None:
    text = (report / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    assert "](hyte-report-2023.fi.chart.png)" in text
    assert (report / "hyte-report-2023.fi.chart.png").read_bytes().startswith(b"\x89PNG")


def test_same_inputs_give_identical_bytes(report: Path, tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path))
    assert result.exit_code == 0, shown
    for name in ("hyte-report-2023.fi.md", "hyte-report-2023.fi.docx", "hyte-report-2023.fi.chart.png"):
        assert (tmp_path / name).read_bytes() == (report / name).read_bytes(), name


def test_statuses_hand_set_and_derived_told_by_symbol_and_word(report: Path) -> None:
    text = (report / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    assert "| Päiväkodeista auditoitu 5, auditointimatta 3 | \u25d0\u00a0Käynnissä |" in text
    # the outcome reads as "in progress", but the analyst set done by hand
    assert "| Viestintäkanavina käytetään Facebookia ja Instagramia. | \u25cf\u00a0Toteutunut |" in text
    assert "| Chat-palvelua ei ole kokeiltu | \u25cb\u00a0Ei toteutunut |" in text
    assert "|  |  | \u2013\u00a0Ei tietoa |\n" in text  # the council's report has no source column


def test_key_figures_show_deviation_from_budget(report: Path) -> None:
    text = (report / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    assert "| Kirjanpitoviennit, kpl | 714\u00a0192 | 600\u00a0000 | 326\u00a0777 | 650\u00a0000 | +50\u00a0000 | +8,3 |" in text


def test_uncertain_key_figures_are_marked_once_with_a_note_and_zero_has_no_sign(report: Path) -> None:
    text = (report / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    assert "| Museotoimi * | \u2013 | 14\u00a0000 | \u2013 | 14\u00a0000 | 0 | 0 |" in text
    assert "\\* Luku on epävarma ja tarkistetaan lähteestä." in text
    assert "tarkista: luku epävarma" not in text  # the analyst's wording stays in --audience review


def word(report: Path) -> WordDocument:
    return WordDocument(str(report / "hyte-report-2023.fi.docx"))


def test_word_report_has_real_headings_and_toc(report: Path) -> None:
    doc = word(report)
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Yhteenveto") in headings
    assert ("Heading 2", "HYVINVOIVAT KUNTALAISET") in headings
    assert ("Heading 3", "Keskusvirasto") in headings
    xml = doc.element.xml
    assert "TOC \\o" in xml
    assert "{%" not in xml and "{{" not in xml, "a template tag was left in the output"


def test_word_tables_repeat_their_header_and_goals_are_landscape(report: Path) -> None:
    doc = word(report)
    assert all("w:tblHeader" in t.rows[0]._tr.xml for t in doc.tables)
    orientations = [s.orientation for s in doc.sections]
    assert 1 in orientations and 0 in orientations  # WD_ORIENT.LANDSCAPE and PORTRAIT
    assert any("PAGE" in s.footer._element.xml for s in doc.sections)


def test_word_report_has_no_empty_paragraphs_from_tags(report: Path) -> None:
    doc = word(report)
    for paragraph in doc.paragraphs:
        if not paragraph.text.strip():
            xml = paragraph._p.xml
            assert "w:br" in xml or "w:drawing" in xml or "w:fldChar" in xml or "w:sectPr" in xml, xml[:300]


def test_word_report_embeds_the_chart(report: Path) -> None:
    with zipfile.ZipFile(report / "hyte-report-2023.fi.docx") as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert images and archive.read(images[0]).startswith(b"\x89PNG")
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_other_languages_take_labels_from_their_catalog(tmp_path: Path) -> None:
    for lang, heading in (("en", "## Summary"), ("sv", "## Sammanfattning")):
        result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "--lang", lang, "-f", "md")
        assert result.exit_code == 0, shown
        assert heading in (tmp_path / f"hyte-report-2023.{lang}.md").read_text(encoding="utf-8")


def test_unknown_year_lists_the_years_that_exist(tmp_path: Path) -> None:
    result, shown = render("--year", "2019", str(FIXTURE), "--out", str(tmp_path))
    assert result.exit_code == 1, shown
    assert "no report or plan covers 2019; years in the data: 2023" in shown


def test_invalid_yaml_stops_the_render_with_validate_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURE / "annual-2023.yaml").read_text(encoding="utf-8").replace("sdg: [3, 13]", "sdg: [3, 19]"),
                   encoding="utf-8")
    result, shown = render("--year", "2023", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, shown
    assert "bad.yaml:" in shown and "unknown SDG number 19" in shown
    assert not (tmp_path / "out").exists()


def test_a_file_only_yaml_1_2_reads_right_is_rendered_not_dropped(tmp_path: Path) -> None:
    """`sector: on` is text in YAML 1.2 (hyte validate: valid) but a boolean to the fast
    YAML 1.1 reader; the render reads such a file the exact way instead of leaving it out."""
    data = tmp_path / "data"
    data.mkdir()
    text = (FIXTURE / "annual-2023.yaml").read_text(encoding="utf-8")
    assert "\nsector: Hyvinvointitoimiala\n" in text
    (data / "annual-2023.yaml").write_text(text.replace("\nsector: Hyvinvointitoimiala\n", "\nsector: on\n"),
                                           encoding="utf-8")
    result, shown = render("--year", "2023", str(data), "--out", str(tmp_path / "out"), "-f", "md")
    assert result.exit_code == 0, shown
    assert "| on |" in (tmp_path / "out" / "hyte-report-2023.fi.md").read_text(encoding="utf-8")


def render_with_template(tmp_path: Path, markdown: str):
    """Render the fixture's Markdown with a custom report.md.j2; returns (result, shown, folder)."""
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "report.md.j2").write_text(markdown, encoding="utf-8")
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "--template", str(custom),
                           "-f", "md")
    return result, shown, custom


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    result, shown, custom = render_with_template(
        tmp_path, "# {{ labels.report_title }}\n\n{% for g in goals %}\n{{ g.name }\n")
    assert result.exit_code == 1, shown
    assert f"{custom / 'report.md.j2'}:4:" in shown
    assert "Traceback" not in shown


def test_template_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    result, shown, custom = render_with_template(tmp_path, "# {{ labels.report_title }}\n\n{{ mayor_name }}\n")
    assert result.exit_code == 1, shown
    assert f"{custom / 'report.md.j2'}:3: 'mayor_name' is undefined" in shown


def test_template_is_sandboxed(tmp_path: Path) -> None:
    result, shown, _ = render_with_template(tmp_path, "{{ labels.__class__.__mro__[1].__subclasses__() }}\n")
    assert result.exit_code == 1, shown
    assert "unsafe" in shown or "not safely callable" in shown or "access to attribute" in shown


def test_missing_custom_template_falls_back_to_default_and_says_so(tmp_path: Path) -> None:
    custom = tmp_path / "tpl"
    (custom / "messages").mkdir(parents=True)
    (custom / "messages" / "fi.yaml").write_text("report_title: Hyvinvointikatsaus\n", encoding="utf-8")
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "--template", str(custom))
    assert result.exit_code == 0, shown
    assert "has no report.md.j2; using the default template" in shown
    assert "has no report.docx; using the default template" in shown
    assert (tmp_path / "hyte-report-2023.fi.md").read_text(encoding="utf-8").startswith("# Hyvinvointikatsaus 2023")


def test_seed_corpus_renders_every_year_it_covers(tmp_path: Path) -> None:
    for year in (2022, 2023, 2026):
        result, shown = render("--year", str(year), str(ROOT / "data" / "normalized"), "--out", str(tmp_path))
        assert result.exit_code == 0, shown
        text = (tmp_path / f"hyte-report-{year}.fi.md").read_text(encoding="utf-8")
        assert "## Yhteenveto" in text and "## Lähteet" in text
    assert "Ympäristösertifiointi laajenee päiväkodeille" in (tmp_path / "hyte-report-2022.fi.md").read_text(
        encoding="utf-8")


def test_ci_example_runs_validate_and_render() -> None:
    text = (ROOT / "docs" / "ci-example.yml").read_text(encoding="utf-8")
    from hytetool.yamlio import read_yaml_text

    workflow = read_yaml_text(text)
    steps = " ".join(str(step.get("run", "")) for job in workflow["jobs"].values() for step in job["steps"])
    assert "hyte validate" in steps and "hyte render --year" in steps
    assert "upload-artifact" in text


def test_partners_resources_baseline_and_target_reach_the_report(tmp_path: Path) -> None:
    """Issue 13 item 9: the new action fields are shown in the report's cells."""
    from hytetool.model import Action, Document, Source, StrategicGoal
    from hytetool.yamlio import write_document

    action = Action(id="kerho", text="Kerhotoiminta", responsible=["Nuorisopalvelut"], partners=["Seurakunta"],
                    resources="0,5 htv", indicators=["Osallistujat"], baseline="12", target="25",
                    outcome="Toteutui.", status="done")
    doc = Document(id="seuranta", title="Hyvinvointisuunnitelman seuranta 2024", kind="annual_report", period="2024",
                   source=Source(file="seuranta.docx", sha256="0" * 64),
                   goals=[StrategicGoal(id="osallisuus", name="Osallisuus", actions=[action])])
    write_document(doc, tmp_path / "in" / "seuranta.yaml")
    result = CliRunner().invoke(app, ["render", "--year", "2024", str(tmp_path / "in"), "--format", "md",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    text = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| Kerhotoiminta"))
    assert "Nuorisopalvelut; Yhteistyössä: Seurakunta; Resurssit: 0,5 htv" in row
    assert "Osallistujat (lähtötaso 12, tavoitetaso 25)" in row
