"""Word (.docx) input: real table cells through the same normalizer as the text exports.

The documents are built here with python-docx, so every case states its own input:
merged cells (gridSpan, vMerge), multi-paragraph cells, captions outside the table,
page headers, repeated header rows; and two seeds rebuilt as Word tables must give the
same records as their text export.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.errors import InputError
from hytetool.export import iter_records
from hytetool.extract.docx import read_docx
from hytetool.profile import Profile
from hytetool.pipeline import DEFAULT_STRATEGY, extract_file
from hytetool.yamlio import load_document

ROOT = Path(__file__).resolve().parents[1]
STRATEGY = Profile.load(ROOT / DEFAULT_STRATEGY)
RAW = ROOT / "data" / "raw"
NORMALIZED = ROOT / "data" / "normalized"
RIGHT = "<span>"  # this grid cell is covered by the cell on its left (gridSpan)
UP = "<merge>"  # this grid cell continues the cell above (vMerge)
FIELDS = ("record", "strategic_goal", "sector", "objective", "text", "responsible", "schedule", "indicators",
          "outcome", "sdg")

PLAN_HEADER = ["Tavoite", "Hyvinvointityötä toteuttava toimenpide 2026", "Kuka vastaa toimenpiteen toteuttamisesta?"]
REPORT_HEADER = ["Tavoite", "Toimenpiteet", "Vastuu ja aikataulu", "Mittarit, arviointi", "Toteuma 1-12/2023", "SDG"]
MARKER_HEADER = ["Tavoite", "Painopisteet (KV 3.10.2022 § 77)",
                 "Hyvinvointi- ja terveystavoitteiden (painopisteiden) toteutuneet toimenpiteet 2023"]


# ------------------------------------------------------------------ building documents


def write_docx(path: Path, *blocks: str | list[list[str]], header: str | None = None) -> Path:
    """A document of paragraphs (str) and tables (rows of cells; "\\n" = new paragraph)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            add_table(document, block)
    if header is not None:
        story = document.sections[0].header
        story.paragraphs[0].text = header
        add_page_field(story.add_paragraph("Sivu "))
        document.sections[0].footer.paragraphs[0].text = "1 (3)"
    document.save(path)
    return path


def add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text in (RIGHT, UP):
                continue
            cell = table.cell(r, c)
            first, *rest = text.split("\n")
            cell.paragraphs[0].text = first
            for paragraph in rest:
                cell.add_paragraph(paragraph)
            right, down = c, r
            while right + 1 < len(row) and row[right + 1] == RIGHT:
                right += 1
            while down + 1 < len(rows) and rows[down + 1][c] == UP:
                down += 1
            if (right, down) != (c, r):
                cell.merge(table.cell(down, right))


def add_page_field(paragraph) -> None:
    """A PAGE field as Word writes it (begin, instruction, separate, shown result, end)."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.text = text
        run.append(element)
        paragraph._p.append(run)


def records(path: Path, kind: str | None = None) -> list[dict]:
    document = extract_file(path, STRATEGY).document
    return [{k: r[k] for k in FIELDS} for r in iter_records(document) if kind in (None, r["record"])]


def action(goal: str, objective: str | None, text: str, responsible: list[str], **extra) -> dict:
    base = dict(record="action", strategic_goal=goal, sector=None, objective=objective, text=text,
                responsible=responsible, schedule=None, indicators=[], outcome=None, sdg=[])
    return base | extra


# ------------------------------------------------------------------ reading


def test_reader_keeps_grid_merges_paragraphs_and_order(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "grid.docx", "Otsikko", [
        ["A", "B", "C"],
        ["yksi\nkaksi", "leveä", RIGHT],
        [UP, "x", "y"],
    ], "Loppu")
    source = read_docx(path)
    assert [(line.no, line.text, line.cells) for line in source.lines] == [
        (1, "Otsikko", None),
        (2, "A B C", ("A", "B", "C")),
        (3, "yksi kaksi leveä ", ("yksi\nkaksi", "leveä", "")),
        (4, " x y", ("", "x", "y")),
        (5, "Loppu", None),
    ]
    assert source.page_count is None and source.furniture == []
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ plans


def test_plan_table_one_action_per_paragraph_caption_after_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plan.docx", "Hyvinvointisuunnitelman toimenpiteet vuodelle 2026", [
        PLAN_HEADER,
        ["Osallistava kehittäminen ja yhteisöllisyys",
         "Kaupunginjohtajan aamukahvit kahdesti vuodessa \nKuntalaiskyselyt\nKoulujen oppilaskuntatoiminta",
         "Kanslia\nHyvinvointitoimiala"],
        ["Ideakulttuurin vahvistaminen ja rohkea uudistuminen", "Osallistava budjetointi", "Kanslia"],
    ], "Strateginen päämäärä: Viisas Kemi")
    goal, first, second = "Viisas Kemi", "Osallistava kehittäminen ja yhteisöllisyys", \
        "Ideakulttuurin vahvistaminen ja rohkea uudistuminen"
    units = ["Kanslia", "Hyvinvointitoimiala"]
    assert records(path, "action") == [
        action(goal, first, "Kaupunginjohtajan aamukahvit kahdesti vuodessa", units),
        action(goal, first, "Kuntalaiskyselyt", units),
        action(goal, first, "Koulujen oppilaskuntatoiminta", units),
        action(goal, second, "Osallistava budjetointi", ["Kanslia"]),
    ]
    document = extract_file(path, STRATEGY).document
    assert (document.kind.value, document.year, document.unplaced) == ("plan", 2026, [])


def test_plan_rows_under_a_merged_objective_share_it_and_its_units(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plan.docx", [
        PLAN_HEADER,
        ["Terveelliset elintavat ja omasta hyvinvoinnista huolehtiminen", "KouluPT -toiminta",
         "Hyvinvointitoimiala"],
        [UP, "Elintapaohjaus", UP],
    ], "Strateginen päämäärä: Välittävä Kemi")
    objective = "Terveelliset elintavat ja omasta hyvinvoinnista huolehtiminen"
    assert records(path, "action") == [
        action("Välittävä Kemi", objective, "KouluPT -toiminta", ["Hyvinvointitoimiala"]),
        action("Välittävä Kemi", objective, "Elintapaohjaus", ["Hyvinvointitoimiala"]),
    ]


# ------------------------------------------------------------------ reports


def test_report_table_with_vmerge_objective_and_gridspan(tmp_path: Path) -> None:
    objective = "Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu ilmastonmuutosta."
    path = write_docx(tmp_path / "report.docx", "Strateginen päämäärä: ELINVOIMAINEN KAUPUNKI, hyvinvointi", [
        REPORT_HEADER,
        [objective, "Ympäristösertifiointi laajenee päiväkodeille", "Varhaiskasvatuspäällikkö 2023",
         "Päiväkodeista auditoitu 80 %\nAuditointiraportit", "Päiväkodeista auditoitu 5",
         "3 TERVEYTTÄ JA HYVINVOINTIA\n13 ILMASTOTEKOJA"],
        [UP, "Laajennetaan ISO 45001 -sertifikaatti kaikkiin kouluihin", "Johtava rehtori 2023",
         "Kaikki koulut on auditoitu", RIGHT, UP],
    ])
    source = read_docx(path)
    assert source.lines[-1].cells == ("", "Laajennetaan ISO 45001 -sertifikaatti kaikkiin kouluihin",
                                      "Johtava rehtori 2023", "Kaikki koulut on auditoitu", "", "")
    goal, sector = "ELINVOIMAINEN KAUPUNKI", "Hyvinvointitoimiala"
    assert records(path, "action") == [
        action(goal, objective, "Ympäristösertifiointi laajenee päiväkodeille", ["Varhaiskasvatuspäällikkö"],
               sector=sector, schedule="2023", indicators=["Päiväkodeista auditoitu 80 %", "Auditointiraportit"],
               outcome="Päiväkodeista auditoitu 5", sdg=[3, 13]),
        action(goal, objective, "Laajennetaan ISO 45001 -sertifikaatti kaikkiin kouluihin", ["Johtava rehtori"],
               sector=sector, schedule="2023", indicators=["Kaikki koulut on auditoitu"], sdg=[3, 13]),
    ]
    assert [r["text"] for r in records(path, "objective")] == [objective]


def test_repeated_header_row_and_page_header_continue_the_same_table(tmp_path: Path) -> None:
    row = lambda objective, act, unit: [objective, act, unit]  # noqa: E731
    path = write_docx(
        tmp_path / "repeat.docx",
        "Hyvinvointisuunnitelman toimenpiteet vuodelle 2026",
        [PLAN_HEADER, row("Kuntalaisten osallisuus", "Kuntalaiskyselyt", "Kanslia"),
         PLAN_HEADER, row("Hyvinvoiva henkilöstö", "Henkilöstöedut", "Keskusvirasto")],
        "",
        [PLAN_HEADER, row("Liikkuva kaupunki", "Ulkokuntosalit", "Hyvinvointitoimiala")],
        "Strateginen päämäärä: Viisas Kemi",
        header="Kemin kaupunki – Hyvinvointisuunnitelma",
    )
    source = read_docx(path)
    assert source.furniture == ["Kemin kaupunki – Hyvinvointisuunnitelma"]
    assert not any("Kemin kaupunki" in line.text for line in source.lines)
    result = extract_file(path, STRATEGY)
    assert result.layouts == ["cell-table"] and result.document.unplaced == []
    assert [(r["strategic_goal"], r["objective"], r["text"], r["responsible"]) for r in records(path, "action")] == [
        ("Viisas Kemi", "Kuntalaisten osallisuus", "Kuntalaiskyselyt", ["Kanslia"]),
        ("Viisas Kemi", "Hyvinvoiva henkilöstö", "Henkilöstöedut", ["Keskusvirasto"]),
        ("Viisas Kemi", "Liikkuva kaupunki", "Ulkokuntosalit", ["Hyvinvointitoimiala"]),
    ]


REPORT_ROW = ["Kuntalaisten osallisuus", "Kuntalaiskyselyt", "Kanslia", "Kyselyjen määrä", "Kaksi kyselyä", ""]


def test_running_page_header_fills_in_what_the_body_does_not_say(tmp_path: Path) -> None:
    """A body of bare tables: kind, period and sector come from the page header."""
    path = write_docx(tmp_path / "running.docx", [REPORT_HEADER[:4] + ["Toteuma", "SDG"], REPORT_ROW],
                      "Strateginen päämäärä: Viisas Kemi",
                      header="Osavuosiraportti 1-6/2022 – Perusturvatoimiala")
    doc = extract_file(path, STRATEGY).document
    assert (doc.kind.value, doc.period, doc.year, doc.sector) == ("interim_report", "1-6/2022", 2022,
                                                                  "Perusturvatoimiala")


def test_the_body_wins_over_the_running_page_header(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "body-wins.docx", "Hyvinvointityön toteuma 2023, hyvinvointitoimiala",
                      [REPORT_HEADER, REPORT_ROW], "Strateginen päämäärä: Viisas Kemi",
                      header="Osavuosiraportti 1-6/2022 – Perusturvatoimiala")
    doc = extract_file(path, STRATEGY).document
    assert (doc.period, doc.sector) == ("1-12/2023", "Hyvinvointitoimiala")
    assert doc.kind.value != "interim_report"


def test_headings_other_templates_use_name_the_same_columns(tmp_path: Path) -> None:
    """Other municipalities head the columns differently and give the schedule a column
    of its own: everything lands in its field, the schedule whole ("syksy 2023")."""
    path = write_docx(tmp_path / "synonyms.docx", "Hyvinvointityön toteuma 2023, hyvinvointitoimiala", [
        ["Tavoitteet", "Keinot", "Vastuutaho", "Aikataulu", "Indikaattorit", "Tilanne 31.12.2023"],
        ["Hyvinvoiva henkilöstö", "Työhyvinvointikysely", "Henkilöstöpalvelut", "syksy 2023",
         "Vastausprosentti", "Kysely tehtiin."],
    ], "Strateginen päämäärä: Viisas Kemi")
    assert [{k: r[k] for k in ("objective", "text", "responsible", "schedule", "indicators", "outcome")}
            for r in records(path, "action")] == [
        {"objective": "Hyvinvoiva henkilöstö", "text": "Työhyvinvointikysely", "responsible": ["Henkilöstöpalvelut"],
         "schedule": "syksy 2023", "indicators": ["Vastausprosentti"], "outcome": "Kysely tehtiin."}]


def test_a_column_no_heading_names_is_kept_under_the_actions_extra(tmp_path: Path) -> None:
    """Regression: an unknown column was read as a second outcome column, and one of
    the two cells was lost. Now it is kept with its heading (issue 13 item 1)."""
    path = write_docx(tmp_path / "unknown.docx", "Hyvinvointityön toteuma 2023, hyvinvointitoimiala", [
        ["Tavoite", "Toimenpiteet", "Vastuu", "Budjetti", "Mittarit", "Toteuma"],
        ["Liikkuva kaupunki", "Ulkokuntosalit", "Liikuntapalvelut", "20 000 €", "Kuntosalien määrä",
         "Kaksi valmistui."],
    ], "Strateginen päämäärä: Viisas Kemi")
    doc = extract_file(path, STRATEGY).document
    assert doc.goals[0].actions[0].outcome == "Kaksi valmistui."
    assert doc.goals[0].actions[0].extra == {"Budjetti": "20 000 €"}
    assert doc.unplaced == []


def test_a_priority_column_first_gives_the_goals_priorities(tmp_path: Path) -> None:
    """THL-style plan template: Painopistealue | Tavoite | Toimenpiteet | Vastuutaho |
    Aikataulu | Resurssit | Arviointimittarit."""
    path = write_docx(tmp_path / "thl.docx", "Hyvinvointisuunnitelman toimenpiteet vuodelle 2026", [
        ["Painopistealue", "Tavoite", "Toimenpiteet", "Vastuutaho", "Aikataulu", "Resurssit", "Arviointimittarit"],
        ["Osallisuus", "Liikkuva kaupunki", "Ulkokuntosalit kouluille", "Liikuntapalvelut", "2026", "20 000 €",
         "Kuntosalien määrä"],
        ["Osallisuus", "Hyvinvoiva henkilöstö", "Työhyvinvointikysely", "Henkilöstöpalvelut", "syksy 2026", "",
         "Vastausprosentti"],
    ], "Strateginen päämäärä: Viisas Kemi")
    doc = extract_file(path, STRATEGY).document
    goal = doc.goals[0]
    assert [p.text for p in goal.priorities] == ["Osallisuus"]
    assert [(a.objective, a.text, a.responsible, a.schedule, a.indicators) for a in goal.actions] == [
        ("liikkuva-kaupunki", "Ulkokuntosalit kouluille", ["Liikuntapalvelut"], "2026", ["Kuntosalien määrä"]),
        ("hyvinvoiva-henkilosto", "Työhyvinvointikysely", ["Henkilöstöpalvelut"], "syksy 2026", ["Vastausprosentti"]),
    ]
    assert [a.resources for a in goal.actions] == ["20 000 €", None]
    assert doc.unplaced == []


def test_captions_other_templates_write(tmp_path: Path) -> None:
    """"Päämäärä: X" and "Strateginen tavoite: X" head a goal's table as the Kemi caption does."""
    row = ["Liikkuva kaupunki", "Ulkokuntosalit", "Liikuntapalvelut 2023", "Kuntosalien määrä", "Valmis.", ""]
    path = write_docx(tmp_path / "captions.docx", "Hyvinvointityön toteuma 2023, hyvinvointitoimiala",
                      "Päämäärä: Viisas Kemi", [REPORT_HEADER, row],
                      "Strateginen tavoite: Vihreä Kemi", [REPORT_HEADER, row])
    assert [r["strategic_goal"] for r in records(path, "action")] == ["Viisas Kemi", "Vihreä Kemi"]


def test_a_heading_that_is_a_goals_name_captions_its_table(tmp_path: Path) -> None:
    """Templates that head each goal's table with just the goal's name: the name (any
    case) is the caption, even where the objectives are not the strategy's."""
    row = ["Uusi tavoite, jota strategiassa ei ole", "Ulkokuntosalit", "Liikuntapalvelut 2023", "Määrä", "Valmis.", ""]
    path = write_docx(tmp_path / "headings.docx", "Hyvinvointikertomus 2023", "HYVINVOIVAT KUNTALAISET",
                      [REPORT_HEADER, row], "Sujuva arki", [REPORT_HEADER, row])
    assert [r["strategic_goal"] for r in records(path, "action")] == ["HYVINVOIVAT KUNTALAISET", "SUJUVA ARKI"]


def test_caption_as_a_full_width_first_row_of_the_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "caption-row.docx", [
        ["Strateginen päämäärä: Vihreä Kemi", RIGHT, RIGHT],
        PLAN_HEADER,
        ["Luontosuhteen vahvistaminen ja lähiluonnon arvostus", "Koulujen ulkoluokkapedagogiikka",
         "Hyvinvointitoimiala"],
    ])
    assert records(path, "action") == [
        action("Vihreä Kemi", "Luontosuhteen vahvistaminen ja lähiluonnon arvostus",
               "Koulujen ulkoluokkapedagogiikka", ["Hyvinvointitoimiala"]),
    ]


def test_text_after_a_table_ends_it_so_a_key_figure_table_is_not_read_as_actions(tmp_path: Path) -> None:
    objective = "Olemme avoin ja luotettava arjen kumppani."
    path = write_docx(
        tmp_path / "interim.docx",
        "Strateginen päämäärä: SUJUVA ARKI, perusturva",
        [REPORT_HEADER, [objective, "Asiakasraadit", "Perusturvajohtaja 2022", "Raatien määrä", "Kaksi raatia", ""]],
        "PERUSTURVATOIMIALA",
        "Suoritteet/Tunnusluvut",
        [["Suorite", "TP 2021", "TA 2022", "TOTEUMA 1-6/2022", "TP-ENNUSTE 2022"],
         ["Kotihoidon asiakkaat", "714 192", "700 000", "350 120", "705 000"]],
    )
    assert [(r["objective"], r["text"], r["outcome"]) for r in records(path, "action")] == [
        (objective, "Asiakasraadit", "Kaksi raatia")]
    tables = extract_file(path, STRATEGY).document.kpi_tables
    row = next(r for t in tables for r in t.rows if r.label == "Kotihoidon asiakkaat")
    assert row.values == {"TP 2021": 714192, "TA 2022": 700000, "TOTEUMA 1-6/2022": 350120, "TP-ENNUSTE 2022": 705000}
    assert not row.uncertain


def test_a_table_with_the_same_header_after_a_note_continues_the_table(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "note.docx",
        [PLAN_HEADER, ["Kuntalaisten osallisuus", "Kuntalaiskyselyt", "Kanslia"]],
        "Jokainen toimiala täyttää suunnitellut toimenpiteet samaan taulukkoon.",
        [PLAN_HEADER, ["Liikkuva kaupunki", "Ulkokuntosalit", "Hyvinvointitoimiala"]],
        "Strateginen päämäärä: Viisas Kemi",
    )
    assert [(r["strategic_goal"], r["text"]) for r in records(path, "action")] == [
        ("Viisas Kemi", "Kuntalaiskyselyt"), ("Viisas Kemi", "Ulkokuntosalit")]
    unplaced = extract_file(path, STRATEGY).document.unplaced
    assert [u.text for u in unplaced] == ["Jokainen toimiala täyttää suunnitellut toimenpiteet samaan taulukkoon."]


# ------------------------------------------------------------------ the same tables as the text exports


def _seed(prefix: str, folder: Path) -> Path:
    return next(folder.glob(f"{prefix}_*.*"))


def test_plan_seed_002_as_word_table_gives_the_text_exports_actions(tmp_path: Path) -> None:
    goal = next(g for g in load_document(_seed("002", NORMALIZED)).goals if g.name == "Viisas Kemi")
    rows = [PLAN_HEADER]
    for objective in goal.objectives:
        actions = [a for a in goal.actions if a.objective == objective.id]
        rows.append([objective.text, "\n".join(a.text for a in actions), "\n".join(actions[0].responsible)])
    path = write_docx(tmp_path / "002.docx", "Hyvinvointisuunnitelman", "toimenpiteet vuodelle 2026", rows,
                      "Strateginen päämäärä : Viisas Kemi")

    def key(record: dict) -> tuple:
        return record["strategic_goal"], record["objective"], record["text"], record["responsible"]

    from_text = [key(r) for r in records(_seed("002", RAW), "action") if r["strategic_goal"] == "Viisas Kemi"]
    from_word = [key(r) for r in records(path, "action")]
    assert len(from_text) == 18
    assert from_word == from_text


def test_column_wise_seed_000_as_one_word_row_gives_objectives_priorities_outcomes(tmp_path: Path) -> None:
    goal = load_document(_seed("000", NORMALIZED)).goals[0]
    row = ["Kaupunkistrategia 2022–25:\n" + "\n".join(o.text for o in goal.objectives),
           "Hyvinvointisuunnitelma 2022–25:\n" + "\n".join(p.text for p in goal.priorities),
           "\n".join(o.text for o in goal.outcomes)]
    title = "Hyvinvointisuunnitelman 2022–25 toimenpiteet vuodelta 2023, hyvinvointitoimiala"
    caption = f"STRATEGINEN PÄÄMÄÄRÄ {goal.name}"
    with_header = write_docx(tmp_path / "000.docx", title, caption, [MARKER_HEADER, row])
    headerless = write_docx(tmp_path / "000b.docx", title, caption, [row])
    expected = [r for r in records(_seed("000", RAW)) if r["strategic_goal"] == goal.name]
    assert [r["record"] for r in expected].count("outcome") == 15
    assert records(with_header) == expected
    assert records(headerless) == expected
    document = extract_file(with_header, STRATEGY).document
    assert (document.kind.value, document.year, document.plan_period, document.council_decision) == (
        "annual_report", 2023, "2022-2025", "KV 3.10.2022 § 77")


# ------------------------------------------------------------------ bad input


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(("name", "make", "expected"), [
    ("old.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "old .doc"),
    ("text.docx", lambda p: p.write_text("Tavoite Toimenpiteet", encoding="utf-8"), "not a zip archive"),
    ("locked.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode(
        "utf-16-le") + b"\0" * 600), "password-protected"),
    ("nodoc.docx", lambda p: _zip(p, {"hello.txt": "hei"}), "lacks word/document.xml"),
    ("broken.docx", lambda p: _zip(p, {"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
     "damaged"),
    ("empty.docx", lambda p: p.write_bytes(b""), "empty"),
    ("~$plan.docx", lambda p: p.write_bytes(b"\x05Maija" + b"\0" * 150), "lock file"),
])
def test_bad_word_files_raise_one_clear_input_error(tmp_path: Path, name: str, make, expected: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as caught:
        read_docx(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and expected in message and "\n" not in message


def test_bad_word_files_in_a_batch_get_one_line_each_and_the_good_one_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _zip(folder / "nodoc.docx", {"hello.txt": "hei"})
    write_docx(folder / "plan.docx", [PLAN_HEADER, ["Kuntalaisten osallisuus", "Kuntalaiskyselyt", "Kanslia"]],
               "Strateginen päämäärä: Viisas Kemi")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["-q", "extract", str(folder), "--out", str(out),
                                      "--strategy", str(ROOT / DEFAULT_STRATEGY)])
    shown = result.output
    assert result.exit_code == 1, shown
    for name, phrase in (("old.docx", "not a zip archive"), ("nodoc.docx", "lacks word/document.xml")):
        lines = [line for line in shown.splitlines() if name in line]
        assert len(lines) == 1 and phrase in lines[0], shown
        assert not (out / name.replace(".docx", ".yaml")).exists()
    assert "Traceback" not in shown
    assert (out / "plan.yaml").exists(), shown
