"""The held-out documents m..q of the corpus, one function each, text written out literally.

Added after the extractor had been developed on a..l, in templates unlike theirs, and
not tuned against: their bars in tests/test_corpus.py are what hyte read on first sight.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from corpus_kit import card, header_footer, new_document, repeat_header, shade, widths, write_cell

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def honkavaara_objective_right(out: Path) -> Path:
    """Landscape; actions first, the objective column on the right, merged down."""
    doc = new_document(font="Liberation Sans Narrow", size=9, landscape=True, author="Honkavaaran kunta")
    header_footer(doc, "HONKAVAARAN KUNTA\t\tHyvinvointisuunnitelma 2025–2027", "Kunnanhallitus 12.5.2025 § 88")
    doc.add_heading("Hyvinvointisuunnitelma 2025–2027: toimenpideohjelma", level=1)
    doc.add_paragraph("Toimenpiteet on koottu painopisteittäin. Kunkin toimenpiteen oikealla puolella on "
                      "tavoite, jota toimenpide palvelee.")
    head = ["Toimenpide", "Vastuutaho", "Aikataulu", "Mittari", "Tavoite"]
    tables = [
        ("Painopiste 1. Mielen hyvinvointi", [
            ["Matalan kynnyksen keskusteluapu nuorisotilalla", "Nuorisopalvelut", "2025–2026",
             "Keskustelukäyntien määrä", "Nuorten koettu hyvinvointi paranee"],
            ["Mielenterveystaitojen oppitunnit 8. luokille", "Perusopetus", "lukuvuosi 2025–2026",
             "Oppitunneille osallistuneiden oppilaiden osuus", None],
            ["Työhyvinvointikyselyn tulosten käsittely jokaisessa työyksikössä", "Henkilöstöpalvelut",
             "syksy 2025", "Käsittelyn tehneiden työyksiköiden osuus",
             "Kunnan työntekijöiden työhyvinvointi vahvistuu"],
        ]),
        ("Painopiste 2. Turvallinen elinympäristö", [
            ["Koulureittien vaarallisten kohtien kartoitus", "Tekniset palvelut", "2025",
             "Korjattujen kohteiden määrä", "Liikenneturvallisuus paranee koulujen ympäristössä"],
            ["Heijastinkampanja alakouluissa", "Perusopetus, tekniset palvelut", "marraskuu 2025",
             "Heijastinta käyttävien oppilaiden osuus", None],
        ]),
    ]
    last = len(head) - 1
    for caption, rows in tables:
        doc.add_heading(caption, level=2)
        table = doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            write_cell(cell, text, bold=True)
            shade(cell, "D9E2F3")
        repeat_header(table.rows[0])
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                if value is not None:
                    write_cell(table.rows[r].cells[c], value)
            if values[last] is None:  # the objective of the row above spans this one
                table.cell(r - 1, last).merge(table.cell(r, last))
        widths(table, [80, 40, 30, 55, 52])
        doc.add_paragraph()
    target = out / "m_honkavaara_objective_right.docx"
    doc.save(target)
    return target


def _sector_sheet(sheet, sector: str, content: list) -> None:
    """One sector's sheet: merged title in row 1, header in row 3, goal and objective merged down."""
    sheet.title = sector
    sheet["A1"] = f"Ahvenlahden kunta – hyvinvointisuunnitelman toimenpiteet 2025–2027: {sector.lower()}"
    sheet["A1"].font = Font(name="Calibri", size=14, bold=True, color="FFFFFF")
    sheet["A1"].fill = PatternFill("solid", fgColor="1F4E78")
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "Päivitetty 3.2.2025"
    sheet["A2"].font = Font(name="Calibri", size=9, italic=True)
    head = ["Painopistealue", "Tavoite", "Toimenpide", "Vastuuhenkilö", "Aikataulu", "Seuranta"]
    for col, text in enumerate(head, start=1):
        cell = sheet.cell(row=3, column=col, value=text)
        cell.font = Font(name="Calibri", size=10, bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = GRID
        cell.alignment = WRAP_TOP
    r = 4
    for goal, objectives in content:
        goal_top = r
        for objective, actions in objectives:
            objective_top = r
            for values in actions:
                row = (goal if r == goal_top else None, objective if r == objective_top else None, *values)
                for col, value in enumerate(row, start=1):
                    cell = sheet.cell(row=r, column=col, value=value)
                    cell.font = Font(name="Calibri", size=10)
                    cell.border = GRID
                    cell.alignment = WRAP_TOP
                r += 1
            if r - 1 > objective_top:
                sheet.merge_cells(start_row=objective_top, start_column=2, end_row=r - 1, end_column=2)
        if r - 1 > goal_top:
            sheet.merge_cells(start_row=goal_top, start_column=1, end_row=r - 1, end_column=1)
    for letter, width in zip("ABCDEF", (30, 38, 50, 26, 14, 34)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    sheet.oddFooter.left.text = "Ahvenlahden kunta"
    sheet.oddFooter.right.text = "Sivu &P"


def ahvenlahti_sector_sheets(out: Path) -> Path:
    """Workbook with one sheet per sector; header row 3 under a merged title."""
    book = Workbook()
    _sector_sheet(book.active, "Sivistyspalvelut", [
        ("Lasten ja nuorten hyvinvointi", [
            ("Harrastamisen esteet vähenevät", [
                ("Harrastamisen Suomen mallin kerhot kaikissa kouluissa", "Rehtorit", "2025–2027",
                 "Kerhoihin osallistuvien oppilaiden määrä"),
                ("Harrastustukihakemuksen sähköistäminen", "Vapaa-aikasihteeri", "kevät 2025",
                 "Sähköisesti jätettyjen hakemusten määrä"),
            ]),
            ("Koulukiusaaminen vähenee", [
                ("KiVa Koulu -ohjelman toimintamallin päivitys vuosittain", "Sivistysjohtaja", "vuosittain",
                 "Kiusatuksi tulleiden osuus (Kouluterveyskysely)"),
            ]),
        ]),
    ])
    _sector_sheet(book.create_sheet(), "Tekniset palvelut", [
        ("Liikkumisen edellytykset", [
            ("Lähiliikuntapaikat ovat hyvässä kunnossa", [
                ("Kuntoportaiden rakentaminen Kirkkomäelle", "Kuntatekniikan päällikkö", "2026",
                 "Käyttäjämäärä (laskuri)"),
                ("Valaistun latuverkoston laajentaminen 3 km:llä", "Liikuntapaikkamestari", "2025–2026",
                 "Valaistun ladun pituus km"),
            ]),
            ("Ulkoilureittien saavutettavuus paranee", [
                ("Esteettömän luontopolun opasteet Ahvenlammelle", "Kuntatekniikan päällikkö", "2025",
                 "Valmistuneiden opasteiden määrä"),
            ]),
        ]),
    ])
    target = out / "n_ahvenlahti_sector_sheets.xlsx"
    book.save(target)
    return target


def kuusilahti_numbered_objectives(out: Path) -> Path:
    """Portrait; objectives numbered 1.1, 1.2 in rows; the actions a bulleted list in one cell."""
    doc = new_document(font="Liberation Serif", size=10, landscape=False, margin_mm=18, author="Kuusilahden kunta")
    header_footer(doc, "Kuusilahden kunta – Hyvinvointisuunnitelma 2025–2028", "", numbered="page")
    doc.add_heading("Kuusilahden hyvinvointisuunnitelma 2025–2028", level=0)
    doc.add_paragraph("Suunnitelman tavoitteet on numeroitu painopisteittäin. Toimenpiteet on lueteltu "
                      "tavoitteen kohdalla; vastuu ja mittari koskevat kaikkia tavoitteen toimenpiteitä.")
    head = ["Nro", "Tavoite", "Toimenpiteet", "Vastuu", "Mittari"]
    themes = [
        ("1 Terveelliset elintavat", [
            ("1.1", "Lasten ylipaino vähenee",
             ["Varhaiskasvatuksen ruokakasvatussuunnitelman laatiminen",
              "Kouluruokailun kasvisvaihtoehdon kehittäminen"],
             "Varhaiskasvatus, ruokapalvelut", "Ylipainoisten lasten osuus"),
            ("1.2", "Tupakointi ja nuuskan käyttö vähenevät",
             ["Savuton kunta -ohjelman päivitys", "Nuuskan vastainen teemaviikko yläkoulussa"],
             "Hyvinvointikoordinaattori", "Nuuskaa käyttävien 8. ja 9. luokkalaisten osuus"),
        ]),
        ("2 Ikääntyneiden toimintakyky", [
            ("2.1", "Ikääntyneiden liikunta lisääntyy",
             ["Voimaa vanhuuteen -ryhmät kolmessa kylässä", "Ulkoiluystävätoiminnan käynnistäminen"],
             "Liikuntapalvelut", "Ryhmiin osallistuneiden määrä"),
            ("2.2", "Yksinäisyys vähenee", ["Senioripäivät kylätaloilla kerran kuukaudessa"],
             "Kulttuuripalvelut", "Yksinäisyyttä kokevien yli 75-vuotiaiden osuus"),
        ]),
    ]
    for theme, rows in themes:
        doc.add_heading(theme, level=1)
        table = doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            write_cell(cell, text, bold=True)
            shade(cell, "EDEDED")
        for r, (number, objective, actions, responsible, indicator) in enumerate(rows, start=1):
            cells = table.rows[r].cells
            write_cell(cells[0], number, bold=True)
            write_cell(cells[1], objective)
            write_cell(cells[2], [f"• {action}" for action in actions])
            write_cell(cells[3], responsible)
            write_cell(cells[4], indicator)
        widths(table, [12, 34, 50, 48, 30])
        doc.add_paragraph()
    target = out / "o_kuusilahti_numbered_objectives.docx"
    doc.save(target)
    return target


def ekvik_kort(out: Path) -> Path:
    """Swedish cards: one two-column table per åtgärd under Fokusområde and Mål headings."""
    doc = new_document(font="Carlito", size=10.5, landscape=False, author="Ekviks kommun")
    header_footer(doc, "Ekviks kommun\tVälfärdsberättelse 2024", "Bildnings- och fritidsnämnden")
    doc.add_heading("Välfärdsberättelse 2024 – uppföljning av välfärdsplanens åtgärder", level=0)
    doc.add_paragraph("Läget för varje åtgärd anges per 31.12.2024.")
    focus = [
        ("Fokusområde 1: Delaktighet", "Mål: Unga upplever att de blir hörda", [
            [("Åtgärd", "Ungdomsfullmäktige deltar i nämndernas möten två gånger per år"),
             ("Ansvarig", "Fritidsbyrån"), ("Samarbetspartner", "Ungdomsfullmäktige"), ("Tidtabell", "2024"),
             ("Mätare", "Antal möten med ungdomsfullmäktige"),
             ("Läge 2024", "Genomförd. Fyra möten hölls under året.")],
            [("Åtgärd", "Digital responskanal för unga"), ("Ansvarig", "Kommunikationsenheten"),
             ("Tidtabell", "våren 2024"), ("Mätare", "Antal svar via kanalen"),
             ("Läge 2024", "Delvis genomförd, kanalen testades i en skola.")],
        ]),
        ("Fokusområde 2: Hälsosamma levnadsvanor", "Mål: Barn och unga rör sig mer", [
            [("Åtgärd", "Avgiftsfri simskola för förskolebarn"), ("Ansvarig", "Idrottsbyrån"),
             ("Samarbetspartner", "Ekviks Simsällskap"), ("Tidtabell", "sommaren 2024"),
             ("Mätare", "Antal deltagare"), ("Läge 2024", "Pågår, två av tre kurser har hållits.")],
            [("Åtgärd", "Cykelträning i årskurs 3"), ("Ansvarig", "Bildningsväsendet"),
             ("Samarbetspartner", "Trafikskyddet"), ("Tidtabell", "hösten 2024"),
             ("Mätare", "Andel elever som klarat cykelprovet"),
             ("Läge 2024", "Inte genomförd, flyttas till hösten 2025.")],
        ]),
    ]
    for area, goal, cards in focus:
        doc.add_heading(area, level=1)
        doc.add_heading(goal, level=3)
        for rows in cards:
            card(doc, rows, "FCE4D6", [40, 125])
    target = out / "p_ekvik_kort.docx"
    doc.save(target)
    return target


def jarvimaa_county_report(out: Path) -> Path:
    """A wellbeing services county's follow-up table; Arvio as a traffic-light word."""
    doc = new_document(font="Liberation Sans", size=8.5, landscape=True, margin_mm=15,
                       author="Järvimaan hyvinvointialue")
    header_footer(doc, "Järvimaan hyvinvointialue\tHyvinvointikertomus 2024\tAluehallitus 25.3.2025",
                  "Hyvinvoinnin ja terveyden edistäminen", numbered="of")
    doc.add_heading("Alueellisen hyvinvointisuunnitelman toimenpiteiden seuranta 2024", level=1)
    head = ["Tavoite", "Toimenpide", "Vastuuyksikkö", "Mittari", "Tilanne 31.12.2024", "Arvio"]
    tables = [
        ("Painopiste 1 – Mielenterveys ja päihteettömyys", [
            ["Nuorten mielenterveyspalveluihin pääsy nopeutuu",
             "Matalan kynnyksen Mielipiste-vastaanottojen laajentaminen kaikkiin kuntiin",
             "Nuorten mielenterveyspalvelut", "Hoitoon alle 14 vuorokaudessa päässeiden osuus",
             "Vastaanotot aloittaneet kuudessa kunnassa yhdeksästä.", "keltainen"],
            ["Nuorten mielenterveyspalveluihin pääsy nopeutuu",
             "Terapiatakuun mukaisten lyhytterapioiden käyttöönotto", "Nuorten mielenterveyspalvelut",
             "Lyhytterapiaan ohjattujen nuorten määrä",
             "Käytössä kaikissa toimipisteissä, 312 nuorta aloitti lyhytterapian.", "vihreä"],
            ["Päihteiden käytön haitat vähenevät", "Pakka-toimintamallin käynnistäminen yhdessä kuntien kanssa",
             "Ehkäisevä päihdetyö", "Pakka-toimintaa toteuttavien kuntien määrä",
             "Ei käynnistynyt rahoituksen puuttuessa.", "punainen"],
        ]),
        ("Painopiste 2 – Kotona asumisen tukeminen", [
            ["Ikääntyneet asuvat kotona turvallisesti pidempään",
             "Kaatumisten ehkäisyn kotikäynnit 75 vuotta täyttäneille", "Kotihoito\nKuntoutus",
             "Kotikäyntien määrä", "Kotikäyntejä tehtiin 1 140.", "vihreä"],
            ["Ikääntyneet asuvat kotona turvallisesti pidempään", "Etähoivan laajentaminen iltoihin", "Kotihoito",
             "Etähoivan asiakkaiden määrä", "Laajennus kesken, iltakäynnit alkavat helmikuussa 2025.",
             "keltainen"],
        ]),
    ]
    for caption, rows in tables:
        doc.add_heading(caption, level=2)
        table = doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            write_cell(cell, text, bold=True, colour="FFFFFF")
            shade(cell, "005A70")
        repeat_header(table.rows[0])
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                write_cell(table.rows[r].cells[c], value.split("\n"))
        widths(table, [45, 60, 38, 45, 62, 17])
        doc.add_paragraph()
    legend = doc.add_paragraph("Arvio: vihreä = toteutunut, keltainen = osittain toteutunut, "
                               "punainen = ei toteutunut.")
    legend.runs[0].font.size = Pt(8)
    target = out / "q_jarvimaa_county_report.docx"
    doc.save(target)
    return target


BUILDERS = [honkavaara_objective_right, kuusilahti_numbered_objectives, ekvik_kort, jarvimaa_county_report]
WORKBOOKS = [ahvenlahti_sector_sheets]  # also printed by LibreOffice Calc
# The Word files also printed to PDF by LibreOffice.
PRINTED = {"o_kuusilahti_numbered_objectives.docx"}
