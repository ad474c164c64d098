"""Layout strategies and profiles extend hyte without touching src/.

A municipality's template with its own column heading needs only a profile; a new
document shape needs only one strategy class registered beside the others.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.docmodel import Line
from hytetool.normalize.cells import Para
from hytetool.normalize.layouts import REGISTRY, LayoutStrategy, Reading, Scan
from hytetool.normalize.tables import GoalTable, TableRow
from hytetool.pipeline import extract_file
from hytetool.profile import Profile
from hytetool.yamlio import read_yaml_text

CARDS = """Toimenpidekortit 2026

KORTTI
Liikuntaneuvonta ikäihmisille
KORTTI
Kirjaston lukupiirit
"""


class ToyCards(LayoutStrategy):
    """A made-up shape: 'KORTTI' lines, each followed by one action."""

    name = "toy-cards"

    def offer(self, scan: Scan, index: int) -> Reading | None:
        if scan.lines[index].text.strip() == "KORTTI" and not any(
                r.strategy is self for r in scan.regions):
            return Reading(self, 1.0, reason="a KORTTI line")
        return None

    def continues(self, scan: Scan, region, index: int) -> bool:
        return scan.lines[index].text.strip() == "KORTTI"

    def read(self, lines: list[Line], region, strategy) -> GoalTable:
        table = GoalTable(self.name, lines[0].no, lines[-1].no)
        for line in lines:
            if line.text.strip() and line.text.strip() != "KORTTI":
                table.rows.append(TableRow(actions=[Para((line,))]))
        return table


def test_a_toy_strategy_registered_from_outside_reads_its_tables(tmp_path: Path) -> None:
    path = tmp_path / "cards.txt"
    path.write_text(CARDS, encoding="utf-8")
    without = extract_file(path)
    assert "toy-cards" not in without.layouts and not without.document.goals
    with REGISTRY.added(ToyCards()):
        result = extract_file(path)
    assert result.layouts == ["toy-cards"]
    assert [a.text for g in result.document.goals for a in g.actions] == [
        "Liikuntaneuvonta ikäihmisille", "Kirjaston lukupiirit"]
    assert REGISTRY.strategies[-1].name != "toy-cards", "the strategy stays registered after the block"


TABLE = ("Tavoite\tToimenpide\tMahdolliset toimenpidemittarit\n"
         "Liikkuvat lapset\tKoululaisten liikuntakerhot\tKerhojen määrä\n")


def test_a_heading_word_from_a_test_profile_names_a_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TABLE, encoding="utf-8")
    generic = extract_file(path).document
    assert [a.indicators for g in generic.goals for a in g.actions] == [[]]
    assert [a.extra for g in generic.goals for a in g.actions] == [  # kept with its heading, never dropped
        {"Mahdolliset toimenpidemittarit": "Kerhojen määrä"}]

    profile_file = tmp_path / "hyte-profile.yaml"
    profile_file.write_text("municipality: Esimerkkilä\nheadings:\n  indicators: [Mahdolliset toimenpidemittarit]\n",
                            encoding="utf-8")
    document = extract_file(path, Profile.load(profile_file)).document
    assert [(a.indicators, a.extra) for g in document.goals for a in g.actions] == [(["Kerhojen määrä"], None)]
    assert document.unplaced == [] and document.municipality == "Esimerkkilä"


def test_a_profile_names_the_sectors_of_its_municipality(tmp_path: Path) -> None:
    profile_file = tmp_path / "hyte-profile.yaml"
    profile_file.write_text("sectors:\n  - name: Sivistystoimiala\n    aliases: [sivistys]\n"
                            "    officials: [sivistysjohtaja]\n", encoding="utf-8")
    profile = Profile.load(profile_file)
    assert profile.sector_name("Strateginen päämäärä: Osaava kunta, sivistys") == "Sivistystoimiala"
    # without a profile: a -toimiala word as the document writes it, and no other municipality's list
    assert Profile().sector_name("Teknisen toimen ja Vapaa-aikatoimialan tavoitteet") == "Vapaa-aikatoimiala"
    assert Profile().sector_name("hyvinvointi") is None


def test_a_profile_with_an_unknown_key_or_role_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "hyte-profile.yaml"
    bad.write_text("municipality: X\nheadngs: {}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "none"), "--strategy", str(bad)])
    assert result.exit_code == 1 and "headngs" in result.output and "Traceback" not in result.output
    bad.write_text("headings:\n  mittari: [Mittarit]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "none"), "--strategy", str(bad)])
    assert result.exit_code == 1 and "unknown column role 'mittari'" in result.output


def test_the_kemi_profile_is_data_not_code() -> None:
    """No string in src/ names one municipality's sectors or services."""
    src = Path(__file__).resolve().parents[1] / "src" / "hytetool"
    for word in ("Kemi", "Keskusvirasto", "kivalo", "pointti", "ohjaamo", "Perusturvatoimiala"):
        hits = [p.name for p in src.rglob("*.py") if word.lower() in p.read_text(encoding="utf-8").lower()]
        hits += [p.name for p in src.rglob("*.yaml") if word.lower() in p.read_text(encoding="utf-8").lower()]
        assert hits == [], f"{word!r} in {hits}"
    profile = read_yaml_text((src.parents[1] / "hyte-profile.yaml").read_text(encoding="utf-8"))
    assert profile["municipality"] == "Kemi" and len(profile["sectors"]) == 5


def test_inspect_lists_strategies_and_column_roles_for_any_format(tmp_path: Path) -> None:
    """hyte inspect works on text, Word and Excel too, naming where each role came from."""
    generated = Path(__file__).resolve().parent / "fixtures" / "generated"
    for name in ("report_2023.docx", "report_2023_excel.xlsx"):
        result = CliRunner().invoke(app, ["inspect", str(generated / name)])
        assert result.exit_code == 0, result.output
        assert "cell-table (confidence 1.00" in result.output
        assert "'Toimenpiteet' -> action: heading 'toimenpiteet' (vocabulary)" in result.output
    path = tmp_path / "plan.txt"
    path.write_text(TABLE, encoding="utf-8")
    profile_file = tmp_path / "hyte-profile.yaml"
    profile_file.write_text("headings:\n  indicators: [Mahdolliset toimenpidemittarit]\n", encoding="utf-8")
    empty_profile = tmp_path / "empty-profile.yaml"  # no heading words of its own
    empty_profile.write_text("# nothing yet\n", encoding="utf-8")
    plain = CliRunner().invoke(app, ["inspect", str(path), "--profile", str(empty_profile)])
    assert "'Mahdolliset toimenpidemittarit' -> no role" in plain.output
    with_profile = CliRunner().invoke(app, ["inspect", str(path), "--profile", str(profile_file)])
    assert "-> indicators: heading 'Mahdolliset toimenpidemittarit' (profile)" in with_profile.output
    refused = CliRunner().invoke(app, ["inspect", str(path), "--page", "2"])
    assert refused.exit_code == 1 and "--page draws a PDF page" in refused.output


def test_word_headings_and_lists_reach_the_document_model(tmp_path: Path) -> None:
    import docx

    from hytetool.docmodel import Heading, Paragraph
    from hytetool.extract.docx import read_docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelma 2025", level=1)
    document.add_heading("1. Osallisuus", level=2)
    document.add_paragraph("Vastuu: Kaupunginkanslia")
    document.add_paragraph("Liikuntaneuvonta", style="List Bullet")
    document.add_paragraph("Kerhot", style="List Number")
    path = tmp_path / "plan.docx"
    document.save(path)
    model = read_docx(path)
    assert [(h.level, h.text) for h in model.outline()] == [(1, "Hyvinvointisuunnitelma 2025"), (2, "1. Osallisuus")]
    paragraphs = [b for b in model.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.label) for p in paragraphs][:1] == [("Vastuu: Kaupunginkanslia", "Vastuu")]
    assert [p.marker for p in paragraphs[1:]] == ["bullet", "1."]
    assert [line.text for line in model.lines][:2] == ["Hyvinvointisuunnitelma 2025", "1. Osallisuus"]


def test_theme_heading_and_objective_sentence_above_a_table_name_its_goal_and_objective(tmp_path: Path) -> None:
    """Issue 13: "2. Liikunta ja ulkoilu" heads a table without an objective column and
    "Tavoite: …" under it is the objective of its rows; the table below the next heading
    gets that heading. Neither line is left unplaced."""
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelma 2025", level=0)
    for theme, objective, action in [("1. Osallisuus", "Asukkaat vaikuttavat.", "Nuorisovaltuusto"),
                                     ("2. Liikunta ja ulkoilu", "Liikkuminen lisääntyy.", "Lähiliikuntapaikat")]:
        document.add_heading(theme, level=1)
        document.add_paragraph(f"Tavoite: {objective}")
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ["Toimenpide", "Vastuutaho", "Mittari"]):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, [action, "Vapaa-aikapalvelut", "Osallistujat"]):
            cell.text = text
    path = tmp_path / "teemat.docx"
    document.save(path)
    doc = extract_file(path, Profile()).document
    assert [(g.name, [o.text for o in g.objectives], [a.text for a in g.actions]) for g in doc.goals] == [
        ("Osallisuus", ["Asukkaat vaikuttavat."], ["Nuorisovaltuusto"]),
        ("Liikunta ja ulkoilu", ["Liikkuminen lisääntyy."], ["Lähiliikuntapaikat"]),
    ]
    assert all(a.objective == g.objectives[0].id for g in doc.goals for a in g.actions)
    assert doc.unplaced == []


def test_one_page_number_pattern_for_furniture_pdf_margins_and_text_lines() -> None:
    """vocabulary.RUNNING_PAGE_NUMBER is the only page-number pattern; a lone year (a
    schedule cell of a row table) is never taken for a page and dropped."""
    from hytetool.vocabulary import RUNNING_PAGE_NUMBER

    pages = ["3", " 12 ", "Sivu 3 (12)", "3/12", "Page 3 of 12", "sida 2 av 5", "(4)", "s. 5"]
    content = ["2022", "2022-2025", "Tavoite 3", "1 036", ""]
    assert [t for t in pages if RUNNING_PAGE_NUMBER.match(t)] == pages
    assert [t for t in content if RUNNING_PAGE_NUMBER.match(t)] == []


def test_cards_one_key_value_table_per_action_give_one_action_each(tmp_path: Path) -> None:
    """Issue 13 items 4 and 7: cards under objective headings; the Liikennevalo key sets
    the status as read (not derived); a status word in Tilanne is not a heading."""
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelman seuranta 2025", level=0)
    document.add_heading("Ikäihmisten hyvinvointi", level=1)
    document.add_heading("Tavoite 1: Yksinäisyys vähenee.", level=2)
    for action, who, state, light in [
            ("Kylätalojen kohtaamispaikat", "Vapaa-aikapalvelut", "Toteutunut. Kuusi kylää.", "vihreä"),
            ("Ystäväpiiritoiminta", "Seurakunta", "Kesken. Ryhmä aloittaa syksyllä.", "keltainen")]:
        card = document.add_table(rows=4, cols=2)
        for row, (key, value) in zip(card.rows, [("Toimenpide", action), ("Vastuutaho", who),
                                                 ("Tilanne", state), ("Liikennevalo", light)]):
            row.cells[0].text, row.cells[1].text = key, value
        document.add_paragraph("")
    path = tmp_path / "kortit.docx"
    document.save(path)
    doc = extract_file(path, Profile()).document
    goal = doc.goals[0]
    assert goal.name == "Ikäihmisten hyvinvointi"
    assert [o.text for o in goal.objectives] == ["Yksinäisyys vähenee."]
    assert [(a.text, a.responsible, a.outcome) for a in goal.actions] == [
        ("Kylätalojen kohtaamispaikat", ["Vapaa-aikapalvelut"], "Toteutunut. Kuusi kylää."),
        ("Ystäväpiiritoiminta", ["Seurakunta"], "Kesken. Ryhmä aloittaa syksyllä."),
    ]
    assert all(a.objective == goal.objectives[0].id for a in goal.actions)
    assert [(a.status.value, a.status_derived) for a in goal.actions] == [("done", False), ("partial", False)]
    assert doc.unplaced == []


def test_a_prose_plan_gives_one_action_per_item_with_its_labelled_lines(tmp_path: Path) -> None:
    """Issue 13 item 3: numbered theme headings, "Tavoite:" bullets, "Toimenpiteet:" bullets,
    each action's Vastuu:/Aikataulu:/Mittari:/Resurssit: lines fill its fields and are
    never actions of their own."""
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelma 2026–2029", level=0)
    document.add_heading("1. Mielen hyvinvointi", level=1)
    document.add_paragraph("Tavoite:")
    document.add_paragraph("Nuorten yksinäisyys vähenee.", style="List Bullet")
    document.add_paragraph("Toimenpiteet:")
    document.add_paragraph("Kohtaamispaikka nuorisotilaan", style="List Bullet")
    for line in ["Vastuu: Nuorisopalvelut, seurakunta", "Aikataulu: syksy 2026",
                 "Mittari: Kävijämäärä; Yksinäisyyttä kokevien osuus", "Resurssit: 0,5 htv"]:
        document.add_paragraph(line)
    document.add_paragraph("Vertaisryhmät kouluille", style="List Bullet")
    document.add_paragraph("Vastuu: Koulukuraattorit")
    path = tmp_path / "proosa.docx"
    document.save(path)
    doc = extract_file(path, Profile()).document
    goal = doc.goals[0]
    assert (goal.name, [o.text for o in goal.objectives]) == ("Mielen hyvinvointi", ["Nuorten yksinäisyys vähenee."])
    assert [(a.text, a.responsible, a.schedule, a.indicators, a.resources) for a in goal.actions] == [
        ("Kohtaamispaikka nuorisotilaan", ["Nuorisopalvelut", "seurakunta"], "syksy 2026",
         ["Kävijämäärä", "Yksinäisyyttä kokevien osuus"], "0,5 htv"),
        ("Vertaisryhmät kouluille", ["Koulukuraattorit"], None, [], None),
    ]
    assert all(a.objective == goal.objectives[0].id for a in goal.actions)
    assert doc.unplaced == []


def test_a_column_heading_no_vocabulary_knows_takes_its_role_from_its_cells_or_goes_to_extra(tmp_path: Path) -> None:
    """Issue 13 item 1: 'Ajoitus' over years and seasons is a schedule, 'Tila' over status
    words a status column, 'Kuka?' over officials the responsible party; 'Budjetti' says
    nothing clear and its cells stay under each action's extra, with `hyte inspect`
    telling where every role came from."""
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelman seuranta 2024", level=0)
    table = document.add_table(rows=4, cols=6)
    rows = [["Tavoite", "Toimenpide", "Kuka?", "Ajoitus", "Budjetti", "Tila"],
            ["Liikunta lisääntyy", "Kuntosalivuorot", "Liikuntakoordinaattori", "syksy 2024", "2 000 €", "Toteutunut"],
            ["", "Ulkoilureitit", "Tekninen johtaja", "2024–2025", "Ei erillistä", "Kesken"],
            ["Yksinäisyys vähenee", "Kohtaamispaikka", "Vapaa-aikasihteeri", "jatkuva", "", "Ei toteutunut"]]
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "tuntemattomat.docx"
    document.save(path)
    doc = extract_file(path, Profile()).document
    actions = [a for g in doc.goals for a in g.actions]
    assert [(a.text, a.responsible, a.schedule, a.status.value, a.status_derived, a.extra) for a in actions] == [
        ("Kuntosalivuorot", ["Liikuntakoordinaattori"], "syksy 2024", "done", False, {"Budjetti": "2 000 €"}),
        ("Ulkoilureitit", ["Tekninen johtaja"], "2024–2025", "in_progress", False, {"Budjetti": "Ei erillistä"}),
        ("Kohtaamispaikka", ["Vapaa-aikasihteeri"], "jatkuva", "not_done", False, None),
    ]
    assert doc.unplaced == []
    shown = CliRunner().invoke(app, ["inspect", str(path)]).output
    assert "'Ajoitus' -> schedule: cell content: years and seasons (3 of 3 cells)" in shown
    assert "'Kuka?' -> responsible: cell content: units and officials (3 of 3 cells)" in shown
    assert "'Tila' -> status: cell content: status words (3 of 3 cells)" in shown
    assert "'Budjetti' -> no role: no heading word; its cells go to each record's extra under its heading" in shown


def _word_table(tmp_path: Path, name: str, rows: list[list[str]], heading: str | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Hyvinvointisuunnitelman seuranta 2024", level=0)
    if heading:
        document.add_heading(heading, level=1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / name
    document.save(path)
    return path


def test_a_body_row_with_heading_words_inside_a_table_is_a_row_not_a_new_header(tmp_path: Path) -> None:
    """Review finding: "Toimenpiteet jatkuvat | Vastuu nuorisopalveluilla" in a body row
    named an action and a responsible column and was taken for a header, losing the row."""
    path = _word_table(tmp_path, "ankkuri.docx", [
        ["Tavoite", "Toimenpide", "Vastuutaho", "Tilanne"],
        ["Liikunta lisääntyy", "Liikuntakerhot kouluille", "Liikuntapalvelut", "Kerhoja 12"],
        ["Osallisuus kasvaa", "Toimenpiteet jatkuvat", "Vastuu nuorisopalveluilla", "Kesken"],
    ])
    doc = extract_file(path, Profile()).document
    assert [a.text for g in doc.goals for a in g.actions] == ["Liikuntakerhot kouluille", "Toimenpiteet jatkuvat"]


def test_an_objective_cell_that_starts_with_its_label_is_a_data_row(tmp_path: Path) -> None:
    """Review finding: a row whose objective cell reads "Tavoite 1: …" beside filled cells
    was read as a heading row and the whole table was lost."""
    path = _word_table(tmp_path, "tavoite1.docx", [
        ["Tavoite", "Toimenpide", "Vastuutaho", "Aikataulu"],
        ["Tavoite 1: Lasten liikunta lisääntyy", "Liikuntakerhot kouluille", "Liikuntapalvelut", "2025"],
    ])
    doc = extract_file(path, Profile()).document
    assert [(a.text, a.schedule) for g in doc.goals for a in g.actions] == [("Liikuntakerhot kouluille", "2025")]


def test_a_status_cell_that_says_more_than_its_word_is_read_and_kept(tmp_path: Path) -> None:
    path = _word_table(tmp_path, "valo.docx", [
        ["Tavoite", "Toimenpide", "Vastuutaho", "Liikennevalo"],
        ["Liikunta lisääntyy", "Liikuntakerhot kouluille", "Liikuntapalvelut", "Vihreä – tavoite saavutettu"],
    ])
    [action] = [a for g in extract_file(path, Profile()).document.goals for a in g.actions]
    assert (action.status.value, action.status_derived, action.extra) == (
        "done", False, {"status": "Vihreä – tavoite saavutettu"})


def test_excel_rows_under_a_merged_objective_with_only_their_action_stay_table_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [["Tavoite", "Toimenpide", "Vastuutaho"], ["Liikunta lisääntyy", "Liikuntakerhot", "Liikuntapalvelut"],
                [None, "Liikuntaneuvonta aikuisille", None], [None, "Ulkoilureitit kuntoon", None]]:
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    path = tmp_path / "yhdistetty.xlsx"
    book.save(path)
    doc = extract_file(path, Profile()).document
    assert [(a.text, a.objective) for g in doc.goals for a in g.actions] == [
        ("Liikuntakerhot", "liikunta-lisaantyy"), ("Liikuntaneuvonta aikuisille", "liikunta-lisaantyy"),
        ("Ulkoilureitit kuntoon", "liikunta-lisaantyy")]
    assert doc.unplaced == []
