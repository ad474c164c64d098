"""The report a council publishes: nothing misleading, two audiences, safe inputs, accessible Word.

Rendered from the sample workspace (data/normalized: the Kemi documents of 2022, 2023
and 2026) and the hand-written fixture; what each test expects is read from those
documents, not from hyte's output.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from test_render import FIXTURE, ROOT, render  # one way to run `hyte render` in tests

SAMPLE = ROOT / "data" / "normalized"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    for year in ("2022", "2023", "2026"):
        result, shown = render("--year", year, str(SAMPLE), "--out", str(out), "-f", "docx,md")
        assert result.exit_code == 0, shown
        (out / f"render-{year}.log").write_text(result.output, encoding="utf-8")
    return out


def text_of(folder: Path, year: int) -> str:
    return (folder / f"hyte-report-{year}.fi.md").read_text(encoding="utf-8")


def test_a_plan_year_is_titled_as_a_plan_without_outcome_or_status_columns(sample: Path) -> None:
    text = text_of(sample, 2026)
    assert text.startswith("# Hyvinvointisuunnitelma 2026\n")
    assert "Hyvinvointikertomus" not in text and "vuosiraportti" not in text
    assert "| Toimenpide | Vastuu | Mittarit |\n" in text
    assert "Toteuma |" not in text and "Ei tietoa" not in text
    assert not (sample / "hyte-report-2026.fi.chart.png").exists()  # no statuses to chart in a plan


def test_a_year_with_only_the_interim_report_says_so_on_its_title(sample: Path) -> None:
    text = text_of(sample, 2022)
    assert text.startswith("# Hyvinvointikertomus 2022, tilanne 1\u20136/2022\n")
    assert "Tiedot tilanteesta 30.6.2022" in text
    assert "perustuvat osavuosiraporttiin 1\u20136/2022" in text


def test_the_summary_comes_first_with_shares_and_notable_actions(sample: Path) -> None:
    text = text_of(sample, 2023)
    assert text.index("## Tiivistelmä") < text.index("## Sisällys") < text.index("## Yhteenveto")
    assert "| \u25cf\u00a0Toteutunut | 5 | 31\u00a0% |" in text  # 5 of the 16 actions of 2023
    assert "- Toteutuneita: Uuden tila- ja ajanvarausjärjestelmän käyttöönotto." in text


def test_sectors_that_did_not_report_are_not_counted_as_dropped(sample: Path) -> None:
    text = text_of(sample, 2023)
    # 1-6/2022 had 88 actions; in 2023 only the Hyvinvointitoimiala reported (16 actions)
    assert "| Poistuneet | Ei raportoitu |" in text
    assert "| **Yhteensä** | | **14** | **2** | **2** | **72** |" in text
    assert "Poistuneet 74" not in text
    assert "Nämä toimialat eivät raportoineet tänä vuonna: Elinvoimatoimiala, Keskusvirasto, Perusturvatoimiala," \
           " Ympäristötoimiala (72 toimenpidettä kaudella 1-6/2022)" in text


def test_a_table_wide_sdg_stack_is_shown_once_under_its_goal(sample: Path) -> None:
    text = text_of(sample, 2023)
    # every ELINVOIMAINEN KAUPUNKI action of 2023 sits under one column of ten SDGs
    assert text.count("Päämäärän kestävän kehityksen tavoitteet (SDG): 3 Terveyttä ja hyvinvointia") == 1
    assert "(SDG 3, 6, 7" not in text
    assert "| 14 | Vedenalainen elämä | ELINVOIMAINEN KAUPUNKI | 0 |" in text


def test_own_sdg_marks_stay_with_their_action(tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "md")
    assert result.exit_code == 0, shown
    assert "| Ympäristösertifiointi laajenee päiväkodeille (SDG 3, 13) |" in text_of(tmp_path, 2023)


def test_uncertain_key_figures_are_warned_on_the_command_line(sample: Path) -> None:
    log = (sample / "render-2022.log").read_text(encoding="utf-8")
    assert len(re.findall(r"^warning: .*004_6f9012e3c57d872b\.yaml: key figure .* uncertain", log, re.M)) == 8
    text = text_of(sample, 2022)
    assert "tarkista: luku epävarma" not in text
    assert "8 tunnuslukua on merkitty epävarmaksi" in text


def test_the_council_report_has_no_analyst_internals(sample: Path) -> None:
    for year in (2022, 2023, 2026):
        text = text_of(sample, year)
        for internal in (".txt", "r. ", "Tarkiste", "Tila on päätelty", "Tiedosto"):
            assert internal not in text, f"{internal!r} in the council's {year} report"


def test_review_audience_keeps_file_page_lines_and_checksum(tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "md", "--audience", "review")
    assert result.exit_code == 0, shown
    text = text_of(tmp_path, 2023)
    assert "| Päiväkodeista auditoitu 5, auditointimatta 3 | \u25d0\u00a0Käynnissä | [1] s. 2 annual-2023.pdf |" in text
    assert "| annual-2023.pdf |" in text and "`111111111111`" in text
    assert "Tila on päätelty toteumatekstistä" in text
    assert "Museotoimi * (tarkista: luku epävarma)" in text


def test_unknown_audience_is_one_line(tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "--audience", "press")
    assert result.exit_code == 1 and "unknown audience 'press'" in result.output, shown


# ------------------------------------------------------------------ safe inputs


def test_a_pending_new_version_named_by_a_glob_is_an_error_and_in_a_folder_is_skipped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE / "annual-2023.yaml", data / "annual-2023.yaml")
    shutil.copy(FIXTURE / "annual-2023.yaml", data / "annual-2023.new.yaml")
    out = tmp_path / "out"
    result, shown = render("--year", "2023", str(data / "annual-2023.yaml"), str(data / "annual-2023.new.yaml"),
                           "--out", str(out), "-f", "md")
    assert result.exit_code == 1, shown
    assert "annual-2023.new.yaml: a new version waiting beside the hand-edited annual-2023.yaml" in result.output
    result, shown = render("--year", "2023", str(data), "--out", str(out), "-f", "md")
    assert result.exit_code == 0, shown
    assert "annual-2023.new.yaml: skipped" in result.output
    assert "Raportissa on 5 toimenpidettä" in text_of(out, 2023)  # not 10


def test_two_documents_with_one_id_stop_the_render_naming_both(tmp_path: Path) -> None:
    shutil.copy(FIXTURE / "annual-2023.yaml", tmp_path / "a.yaml")
    shutil.copy(FIXTURE / "annual-2023.yaml", tmp_path / "b.yaml")
    result, shown = render("--year", "2023", str(tmp_path), "--out", str(tmp_path / "out"), "-f", "md")
    assert result.exit_code == 1, shown
    assert "b.yaml: document id 'annual-2023' is also the id of" in result.output and "a.yaml" in result.output


def test_an_outcome_edited_after_its_status_was_derived_is_derived_again_with_a_warning(tmp_path: Path) -> None:
    text = (SAMPLE / "003_8c92ca17df6d27aa.yaml").read_text(encoding="utf-8")
    # the analyst rewrites an outcome that was read as done and leaves the derived status
    assert "outcome: Kaikki koulut on auditoitu\n        status: done\n        status_derived: true" in text
    edited = text.replace("outcome: Kaikki koulut on auditoitu", "outcome: Auditointia ei ole aloitettu")
    (tmp_path / "003.yaml").write_text(edited, encoding="utf-8")
    result, shown = render("--year", "2023", str(tmp_path), "--out", str(tmp_path / "out"), "-f", "md")
    assert result.exit_code == 0, shown
    assert "status done was derived from an earlier outcome; the outcome now reads as not_done" in result.output
    report = text_of(tmp_path / "out", 2023)
    assert "| Auditointia ei ole aloitettu | \u25cb\u00a0Ei toteutunut |" in report


# ------------------------------------------------------------------ accessible Word


def test_word_report_has_title_author_language_and_chart_alt_text(tmp_path: Path) -> None:
    for lang, tag, title in (("fi", "fi-FI", "Hyvinvointikertomus 2023"), ("sv", "sv-SE", "Välfärdsberättelse 2023")):
        result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "docx", "--lang", lang)
        assert result.exit_code == 0, shown
        doc = WordDocument(str(tmp_path / f"hyte-report-2023.{lang}.docx"))
        assert doc.core_properties.title == title
        assert doc.core_properties.author == "Esimerkkilä"
        assert doc.core_properties.language == tag
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == tag
        alts = [e.get("descr") for e in doc.element.body.iter(qn("wp:docPr"))]
        assert len(alts) == 1 and alts[0].startswith(
            "Toimenpiteiden tila: 2 toteutunut, 0 osittain toteutunut, 1 käynnissä, 1 ei toteutunut, 1 ei tietoa" if lang == "fi"
            else "Åtgärdernas status: 2 ")


def test_word_numbers_are_right_aligned_and_kept_on_one_line(tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "docx")
    assert result.exit_code == 0, shown
    doc = WordDocument(str(tmp_path / "hyte-report-2023.fi.docx"))
    row = next(r for t in doc.tables for r in t.rows if r.cells[0].text.startswith("Kirjanpitoviennit"))
    assert row.cells[1].text == "714\u00a0192"
    for cell in row.cells[1:]:
        assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert cell._tc.tcPr.find(qn("w:noWrap")) is not None
    assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_word_review_copy_has_the_source_column_and_the_plan_has_no_outcome_column(tmp_path: Path) -> None:
    result, shown = render("--year", "2023", str(FIXTURE), "--out", str(tmp_path), "-f", "docx", "--audience", "review")
    assert result.exit_code == 0, shown
    doc = WordDocument(str(tmp_path / "hyte-report-2023.fi.docx"))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "[1] s. 2 annual-2023.pdf" in cells and "annual-2023.pdf" in cells
    assert "{%" not in doc.element.xml and "{{" not in doc.element.xml
    result, shown = render("--year", "2026", str(SAMPLE), "--out", str(tmp_path), "-f", "docx")
    assert result.exit_code == 0, shown
    plan = WordDocument(str(tmp_path / "hyte-report-2026.fi.docx"))
    headers = {c.text for t in plan.tables for c in t.rows[0].cells}
    assert {"Toimenpide", "Vastuu", "Mittarit"} <= headers
    assert not {"Toteuma", "Tila", "Lähde"} & headers
    assert plan.core_properties.title == "Hyvinvointisuunnitelma 2026"
