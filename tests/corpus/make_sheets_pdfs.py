"""The Excel workbooks and the PDFs without rules of the corpus, text written out literally.

Workbooks are made with openpyxl the way a sector keeps a follow-up sheet (merged theme
cells, fills, wrapped text, print set-up with header and footer); LibreOffice Calc prints
them. The unruled PDFs are typeset with reportlab's platypus without any grid, box or
fill, as a PDF exported from a layout or reporting tool comes.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def _fill(hex_rgb: str) -> PatternFill:
    return PatternFill("solid", start_color=hex_rgb, end_color=hex_rgb)


def vaaranniemi_lights(out: Path) -> Path:
    """Follow-up sheet whose traffic light is only the colour of an empty cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Seuranta 2024"
    sheet["A1"] = "Vaaranniemen kunta – hyvinvointisuunnitelman seuranta 2024"
    sheet["A1"].font = Font(name="Arial", size=14, bold=True)
    sheet["A2"] = "Hyvinvointityöryhmä 4.2.2025"
    head = ["Teema", "Tavoite", "Toimenpide", "Vastuutaho", "Mittari", "Toteutuminen 2024", "Liikennevalo"]
    for col, text in enumerate(head, start=1):
        cell = sheet.cell(row=4, column=col, value=text)
        cell.font = Font(name="Arial", size=10, bold=True, color="FFFFFF")
        cell.fill = _fill("1F4E78")
        cell.alignment = WRAP_TOP
        cell.border = BOX
    green, yellow, red = "00B050", "FFC000", "FF0000"
    rows = [
        ("Hyvinvoiva lapsuus ja nuoruus", "Lasten ja nuorten liikunta lisääntyy",
         "Koulujen välituntiliikunnan välinehankinnat", "Perusopetus",
         "Välitunneilla liikkuvien oppilaiden osuus", "Välineet hankittu kaikkiin kouluihin.", green),
        (None, None, "Iltapäivätoiminnan liikuntapainotus", "Varhaiskasvatus ja perusopetus", "Osallistujamäärä",
         "Toteutui kahdessa koulussa neljästä.", yellow),
        (None, "Nuorten päihteiden käyttö vähenee", "Päihdekasvatustunnit 8. luokille", "Nuorisopalvelut",
         "Humalahakuisesti juovien osuus (Kouluterveyskysely)",
         "Tunnit jäivät pitämättä henkilöstövajeen vuoksi.", red),
        ("Aktiivinen ikääntyminen", "Ikääntyneiden liikkumiskyky säilyy", "Ulkoiluystävätoiminta",
         "Liikuntapalvelut", "Ulkoiluystävien määrä", "Toiminnassa 14 ulkoiluystävää.", green),
        (None, None, "Kuntosalien seniorivuorot", "Liikuntapalvelut", "Vuorojen käyttöaste",
         "Vuorot käynnistyivät syksyllä.", yellow),
    ]
    first = 5
    for r, values in enumerate(rows, start=first):
        for col, value in enumerate(values[:6], start=1):
            cell = sheet.cell(row=r, column=col, value=value)
            cell.font = Font(name="Arial", size=10)
            cell.alignment = WRAP_TOP
            cell.border = BOX
        light = sheet.cell(row=r, column=7)
        light.fill = _fill(values[6])
        light.border = BOX
        sheet.row_dimensions[r].height = 42
    for cells in ("A5:A7", "A8:A9", "B5:B6", "B8:B9"):
        sheet.merge_cells(cells)
    sheet["A11"] = ("Liikennevalo: vihreä = toteutunut, keltainen = osittain toteutunut, "
                    "punainen = ei toteutunut.")
    sheet["A11"].font = Font(name="Arial", size=9, italic=True)
    for letter, width in zip("ABCDEFG", (22, 26, 32, 22, 30, 36, 12)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.left.text = "Vaaranniemen kunta"
    sheet.oddHeader.right.text = "Seuranta 2024"
    sheet.oddFooter.center.text = "Sivu &P / &N"
    sheet.print_title_rows = "4:4"
    target = out / "f_vaaranniemi_lights.xlsx"
    book.save(target)
    return target


def kivikumpu_kpi(out: Path) -> Path:
    """Key figures of a sector's budget: bold group rows, indented sub-rows, numbers as text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tunnusluvut"
    sheet["A1"] = "Kivikummun kaupunki"
    sheet["A2"] = "Sivistystoimiala – tunnusluvut, tilinpäätös 2024"
    sheet["A1"].font = Font(name="Calibri", size=12, bold=True)
    sheet["A2"].font = Font(name="Calibri", size=11, italic=True)
    head = ["Tunnusluvut", "TP 2023", "TA 2024", "Toteuma 2024", "Ero %"]
    for col, text in enumerate(head, start=1):
        cell = sheet.cell(row=4, column=col, value=text)
        cell.font = Font(name="Calibri", size=11, bold=True)
        cell.fill = _fill("DDEBF7")
        cell.border = Border(bottom=Side(style="medium"))
        cell.alignment = Alignment(horizontal="left" if col == 1 else "right")
    lines = [
        ("Varhaiskasvatus", None),
        ("Lapsia varhaiskasvatuksessa", ("412", "420", "398", "−5,2 %")),
        ("Kustannukset €/lapsi", ("11 850", "12 100", "12 480,5", "3,1 %")),
        ("Perusopetus", None),
        ("Oppilaita", ("1 234", "1 220", "1 241", "1,7 %")),
        ("Nettokustannukset, milj. €", ("14,2", "14,6", "14,9", "2,1 %")),
        ("Kulttuuri ja vapaa-aika", None),
        ("Kirjaston lainaukset", ("98 500", "100 000", "91 230", "−8,8 %")),
        ("Liikuntapaikkojen käyntikerrat", ("215 000", "210 000", "226 400", "7,8 %")),
        ("Toimialan nettomenot, 1 000 €", ("31 420", "32 050", "32 610", "1,7 %")),
    ]
    for r, (label, numbers) in enumerate(lines, start=5):
        group = numbers is None
        total = label.startswith("Toimialan")
        cell = sheet.cell(row=r, column=1, value=label)
        cell.font = Font(name="Calibri", size=11, bold=group or total)
        cell.alignment = Alignment(horizontal="left", indent=0 if group or total else 2)
        if total:
            for col in range(1, 6):
                sheet.cell(row=r, column=col).border = Border(top=Side(style="thin"))
        for col, value in enumerate(numbers or (), start=2):
            number = sheet.cell(row=r, column=col, value=value)
            number.font = Font(name="Calibri", size=11, bold=total)
            number.alignment = Alignment(horizontal="right")
    sheet.column_dimensions["A"].width = 38
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 14
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.left.text = "Kivikummun kaupunki / talouspalvelut"
    sheet.oddFooter.right.text = "&P"
    target = out / "h_kivikumpu_kpi.xlsx"
    book.save(target)
    return target


def koskimaa_sheet(out: Path) -> Path:
    """Follow-up sheet: theme rows merged across, baseline and target columns, Arvio word."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Toteutuminen 2024"
    sheet["A1"] = "KOSKIMAAN KAUPUNKI"
    sheet["A2"] = "Hyvinvointisuunnitelman toteutuminen 2024"
    sheet["A1"].font = Font(name="Verdana", size=9, bold=True)
    sheet["A2"].font = Font(name="Verdana", size=13, bold=True)
    head = ["Kehittämiskohde", "Keinot", "Kuka vastaa", "Ajankohta", "Indikaattori", "Lähtötaso",
            "Tavoite 2025", "Arvio"]
    for col, text in enumerate(head, start=1):
        cell = sheet.cell(row=4, column=col, value=text)
        cell.font = Font(name="Verdana", size=9, bold=True)
        cell.fill = _fill("E2EFDA")
        cell.alignment = WRAP_TOP
    content = [
        ("Teema 1: Osallisuus", [
            ("Järjestöyhteistyö vahvistuu", "Järjestöfoorumi kahdesti vuodessa", "Hyvinvointikoordinaattori",
             "kevät ja syksy", "Foorumeihin osallistuneiden järjestöjen määrä", "12", "25", "Toteutunut"),
            (None, "Yhteinen tapahtumakalenteri verkossa", "Viestintä", "2024", "Kalenterin tapahtumien määrä",
             "0", "300", "Kesken"),
        ]),
        ("Teema 2: Terveys", [
            ("Rokotuskattavuus pysyy hyvänä", "Influenssarokotusten pop up -pisteet kauppakeskuksessa",
             "Hyvinvointialueen terveyspalvelut", "syksy 2024", "Influenssarokotuskattavuus 65 vuotta täyttäneillä",
             "48 %", "60 %", "Toteutunut"),
            ("Suun terveys paranee", "Hammasharjausopetus esikouluissa", "Suun terveydenhuolto, varhaiskasvatus",
             "2024–2025", "Kariesvapaiden 6-vuotiaiden osuus", None, None, "Osittain toteutunut"),
        ]),
    ]
    r = 5
    for theme, rows in content:
        sheet.cell(row=r, column=1, value=theme).font = Font(name="Verdana", size=10, bold=True, color="375623")
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
        r += 1
        top = r
        for values in rows:
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=col, value=value)
                cell.font = Font(name="Verdana", size=9)
                cell.alignment = WRAP_TOP
            if values[0] is None:  # the development target above spans this row
                sheet.merge_cells(start_row=top, start_column=1, end_row=r, end_column=1)
            else:
                top = r
            sheet.row_dimensions[r].height = 36
            r += 1
    for letter, width in zip("ABCDEFGH", (26, 34, 24, 14, 32, 10, 12, 18)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.center.text = "Koskimaan kaupunki – hyvinvointisuunnitelma"
    sheet.oddFooter.right.text = "&P (&N)"
    target = out / "k_koskimaa_sheet.xlsx"
    book.save(target)
    return target


def louhela_unruled(out: Path) -> Path:
    """Landscape PDF with no rules; objective printed on the group's first row only."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("bold", parent=cell, fontName="Helvetica-Bold")
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8,
                             spaceAfter=6)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=4)
    head = ["Tavoite", "Toimenpide", "Vastuu", "Mittari", "Lähtötaso", "Tavoitetaso 2025", "Toteuma 2024"]
    tables = [
        ("Painopiste: Terveelliset elämäntavat", [
            ("Aikuisten liikunta-aktiivisuus kasvaa", "Ulkokuntosalien rakentaminen kolmeen kylään", "Tekninen toimi",
             "Ulkokuntosalien määrä", "1", "4", "Kaksi uutta ulkokuntosalia valmistui."),
            ("", "Työpaikkaliikuntakampanja kunnan henkilöstölle", "Henkilöstöpalvelut",
             "Liikuntaetua käyttäneiden osuus", "34 %", "50 %", "Osuus nousi 41 prosenttiin."),
            ("Tupakointi vähenee", "Savuton kunta -ohjelman päivitys", "Hyvinvointikoordinaattori",
             "Päivittäin tupakoivien osuus (FinSote)", "12 %", "9 %", "Ohjelma hyväksyttiin valtuustossa 6/2024."),
        ]),
        ("Painopiste: Turvallinen arki", [
            ("Kotitapaturmat vähenevät", "Kotitapaturmien ehkäisyn kotikäynnit yli 75-vuotiaille",
             "Pelastuslaitos, kotihoito", "Kaatumisten vuoksi hoidetut 75 vuotta täyttäneet (Sotkanet)", "2,9 %",
             "2,5 %", "Kotikäyntejä tehtiin 180."),
            ("", "Liukuesteiden jakaminen", "Kotihoito", "Jaettujen liukuesteiden määrä", "0", "500",
             "Jaettiin 620 paria."),
        ]),
    ]
    story = [Paragraph("Louhelan kunta – hyvinvointisuunnitelman seuranta 2024", title),
             Paragraph("Hyvinvointisuunnitelma 2022–2025, tilanne vuoden 2024 lopussa.", cell), Spacer(1, 4 * mm)]
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    for caption, rows in tables:
        story.append(Paragraph(caption, heading))
        data = [[Paragraph(h, bold) for h in head]] + [[Paragraph(v, cell) for v in row] for row in rows]
        story.append(Table(data, colWidths=[w * mm for w in (40, 50, 40, 50, 20, 24, 43)], repeatRows=1,
                           style=style))

    def footer(canvas, document) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 10 * mm, "Louhelan kunta / hyvinvointityöryhmä")
        canvas.drawRightString(282 * mm, 10 * mm, f"{document.page}")

    target = out / "i_louhela_unruled.pdf"
    pdf = SimpleDocTemplate(str(target), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=18 * mm, invariant=True,
                            title="Hyvinvointisuunnitelman seuranta 2024", author="Louhelan kunta")
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return target


def peltosalmi_unruled(out: Path) -> Path:
    """Portrait PDF with no rules; "Tavoite:" rows spanning the table under theme headings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Times-Roman", fontSize=9.5, leading=11.5)
    bold = ParagraphStyle("bold", parent=cell, fontName="Times-Bold")
    heading = ParagraphStyle("heading", fontName="Times-Bold", fontSize=13, leading=16, spaceBefore=10,
                             spaceAfter=4)
    head = ["Toimet", "Vastuutaho", "Yhteistyökumppanit", "Ajankohta", "Seuranta"]
    themes = [
        ("1 Arjen turvallisuus", [
            ("Tavoite: Lähisuhdeväkivalta vähenee", [
                ("Lähisuhdeväkivallan ehkäisyn koulutus varhaiskasvatukseen", "Varhaiskasvatus",
                 "Hyvinvointialue, Ensi- ja turvakotien liitto", "2025", "Koulutettujen määrä"),
                ("Marak-työryhmän perustaminen", "Sosiaalipalvelut (hyvinvointialue)", "Poliisi", "kevät 2025",
                 "Käsiteltyjen tapausten määrä"),
            ]),
            ("Tavoite: Kotona asuvien ikääntyneiden turvallisuus paranee", [
                ("Palovaroitintarkastukset kotihoidon asiakkaille", "Pelastuslaitos", "Kotihoito, SPR", "jatkuva",
                 "Tarkastettujen kotien määrä"),
            ]),
        ]),
        ("2 Ympäristö ja liikkuminen", [
            ("Tavoite: Lähiluonto on kaikkien saavutettavissa", [
                ("Esteettömän luontopolun rakentaminen Kirkkojärven rantaan", "Tekninen toimi",
                 "Luonnonsuojeluyhdistys", "2025–2026", "Polun käyttäjämäärä"),
                ("Luontoliikuntaretket ikääntyneille", "Liikuntapalvelut", "Eläkeläisjärjestöt", "kesä 2025",
                 "Osallistujien määrä"),
            ]),
        ]),
    ]
    story = [Paragraph("PELTOSALMEN KUNTA", bold),
             Paragraph("Hyvinvoinnin ja terveyden edistämisen toimenpidesuunnitelma 2025",
                       ParagraphStyle("title", fontName="Times-Bold", fontSize=15, leading=19)),
             Spacer(1, 5 * mm)]
    for theme, objectives in themes:
        story.append(Paragraph(theme, heading))
        data = [[Paragraph(h, bold) for h in head]]
        spans = []
        for objective, rows in objectives:
            spans.append(len(data))
            data.append([Paragraph(objective, bold), "", "", "", ""])
            data.extend([Paragraph(v, cell) for v in row] for row in rows)
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        commands += [("SPAN", (0, r), (-1, r)) for r in spans]
        story.append(Table(data, colWidths=[w * mm for w in (52, 34, 38, 20, 36)], repeatRows=1,
                           style=TableStyle(commands)))

    def footer(canvas, document) -> None:
        canvas.setFont("Times-Italic", 9)
        canvas.drawCentredString(105 * mm, 12 * mm, f"– {document.page} –")

    target = out / "l_peltosalmi_unruled.pdf"
    pdf = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, invariant=True, title="Toimenpidesuunnitelma 2025",
                            author="Peltosalmen kunta")
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return target


WORKBOOKS = [vaaranniemi_lights, kivikumpu_kpi, koskimaa_sheet]  # each also printed by LibreOffice Calc
UNRULED = [louhela_unruled, peltosalmi_unruled]
