"""The Word documents of the corpus, one function each, text written out literally.

Each function lays its document out the way one (fictitious) municipality's office
would: its own fonts, orientation, headings, table shapes and shading.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from corpus_kit import (card, header_footer, new_document, repeat_header, shade, widths,
                        write_cell)


def harjula_plan(out: Path) -> Path:
    """Landscape plan; "Painopistealue N" heading above each table; merged objective cells."""
    doc = new_document(font="DejaVu Sans Condensed", size=9, landscape=True, author="Harjulan kunta")
    header_footer(doc, "Harjulan kunta\tHyvinvointisuunnitelma 2025–2028\tLuonnos 2/2025",
                  "Hyvinvointiryhmä / hyvinvointikoordinaattori", numbered="of")
    doc.add_heading("Harjulan kunnan hyvinvointisuunnitelma 2025–2028", level=0)
    doc.add_paragraph("Hyväksytty kunnanvaltuustossa 17.3.2025 § 14. Suunnitelman toimenpiteet "
                      "painopistealueittain; toteutumista seurataan vuosittain hyvinvointikertomuksessa.")
    head = ["Kehittämiskohde", "Toimenpiteet", "Vastuutaho", "Yhteistyökumppanit", "Aikataulu",
            "Resurssit", "Arviointimittari"]
    sizes = [46, 49, 34, 40, 21, 32, 35]
    tables = [
        ("Painopistealue 1: Osallisuus ja yhteisöllisyys", [
            ["Kuntalaisten osallistumismahdollisuudet lisääntyvät",
             "Osallistuva budjetointi kylätoimikuntien kanssa", "Hallintopalvelut",
             "Kylätoimikunnat", "2025–2026", "20 000 €/vuosi",
             "Osallistuvaan budjetointiin osallistuneiden määrä"],
            [None, "Nuorisovaltuuston kuuleminen kaikissa nuoria koskevissa päätöksissä",
             "Nuorisopalvelut", "Nuorisovaltuusto", "jatkuva", "Oman työn ohessa",
             "Kuulemisten määrä vuodessa"],
            ["Yksinäisyyden kokemus vähenee",
             "Kohtaamispaikka-toiminta kirjastossa kaksi kertaa viikossa",
             "Kirjasto- ja kulttuuripalvelut", "Seurakunta, eläkeläisjärjestöt", "2025 alkaen", "0,2 htv",
             ["Kävijämäärä", "Yksinäisyyttä kokevien osuus, % (Kouluterveyskysely)"]],
        ]),
        ("Painopistealue 2: Liikkuva arki", [
            ["Lasten ja nuorten liikkuminen lisääntyy",
             "Liikkuva koulu -toimintamallin laajentaminen kaikkiin alakouluihin",
             "Perusopetus, liikuntapalvelut", "Urheiluseurat", "2025–2027", "Hankerahoitus 45 000 €",
             ["Move!-mittausten tulokset", "Välituntiliikunnan osuus"]],
            [None, "Maksuton harrastusvuoro yläkoululaisille", "Liikuntapalvelut",
             "Harjulan Urheilijat ry", "syksy 2025", "Liikuntapalveluiden talousarvio",
             "Harrastukseen osallistuvien nuorten määrä"],
            ["Ikääntyneiden toimintakyky säilyy", "Kotikuntoutuksen ryhmät palvelutaloissa",
             "Vapaa-aikapalvelut (liikunta, kulttuuri)", "Hyvinvointialueen kotihoito", "2026", "0,5 htv",
             ["Ryhmiin osallistuneiden määrä", "Kaatumisten vuoksi hoidettujen määrä (Sotkanet)"]],
        ]),
    ]
    for caption, rows in tables:
        doc.add_heading(caption, level=2)
        table = doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            write_cell(cell, text, bold=True, colour="FFFFFF")
            shade(cell, "2E6B4F")
        repeat_header(table.rows[0])
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                if value is not None:
                    write_cell(table.rows[r].cells[c], value)
            if values[0] is None:  # the objective of the row above spans this one
                table.cell(r - 1, 0).merge(table.cell(r, 0))
        widths(table, sizes)
        doc.add_paragraph()
    target = out / "a_harjula_plan.docx"
    doc.save(target)
    return target


def koskenlaakso_followup(out: Path) -> Path:
    """Portrait yearly report: numbered themes, "Tavoite:" sentence, action-first tables."""
    doc = new_document(font="Liberation Serif", size=11, landscape=False, margin_mm=25,
                       author="Koskenlaakson kunta")
    header_footer(doc, "KOSKENLAAKSON KUNTA", "Hyvinvointikertomus, vuosiraportti 2024")
    title = doc.add_paragraph()
    run = title.add_run("Hyvinvointikertomuksen vuosiraportti 2024")
    run.bold, run.font.size = True, Pt(18)
    doc.add_paragraph("Kunnanhallitus 22.4.2025 § 61. Raportissa arvioidaan hyvinvointisuunnitelman "
                      "2023–2026 toimenpiteiden tilanne 31.12.2024. Arvio: Toteutunut, Osittain toteutunut, "
                      "Käynnissä tai Ei toteutunut.")
    themes = [
        ("1. Osallisuus ja yhteisöllisyys",
         "Tavoite: Kuntalaiset kokevat voivansa vaikuttaa oman asuinalueensa asioihin.", [
             ("1.1", "Asukasiltojen järjestäminen jokaisella kolmella asuinalueella", "Kunnanjohtaja",
              "Asukasillat pidettiin Keskustassa ja Kirkonkylässä, Ylikylän ilta siirtyi kevääseen 2025.",
              "Osittain toteutunut"),
             ("1.2", "Sähköisen palautekanavan käyttöönotto", "Tietohallinto, viestintä",
              "Palautekanava avattiin 3/2024, palautteita tuli 412.", "Toteutunut"),
             ("1.3", "Järjestöavustusten hakuohjeiden uudistaminen", "Vapaa-aikalautakunta",
              "Uudistus siirtyy vuodelle 2025.", "Ei toteutunut"),
         ]),
        ("2. Mielen hyvinvointi", "Tavoite: Nuorten psyykkinen kuormittuneisuus vähenee.", [
            ("2.1", "Koulupsykologin vastaanotto jokaisessa koulussa viikoittain", "Hyvinvointialue, oppilashuolto",
             "Vastaanotto toteutui kaikissa kouluissa syyslukukaudesta alkaen.", "Toteutunut"),
            ("2.2", "Mielenterveyden ensiapu -koulutus henkilöstölle", "Henkilöstöpalvelut",
             "Koulutettu 38 työntekijää, tavoite 60.", "Käynnissä"),
            ("2.3", "Nuorten chat-palvelu iltaisin", "Nuorisopalvelut",
             "Palvelu pilotoitiin syksyllä, jatko selvitetään.", "Osittain toteutunut"),
        ]),
    ]
    for heading, objective, rows in themes:
        doc.add_heading(heading, level=1)
        para = doc.add_paragraph(objective)
        para.runs[0].italic = True
        table = doc.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Nro", "Toimenpide", "Vastuu", "Tilanne 31.12.2024", "Arvio"]):
            write_cell(cell, text, bold=True)
            shade(cell, "BDD7EE")
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values):
                write_cell(cell, text, size=10)
        widths(table, [12, 48, 32, 46, 22])
    target = out / "b_koskenlaakso_followup.docx"
    doc.save(target)
    return target


def lahdenpera_prose(out: Path) -> Path:
    """Prose plan: no tables; bullets; each action followed by labelled lines."""
    doc = new_document(font="DejaVu Serif", size=10.5, landscape=False, author="Lahdenperän kaupunki")
    header_footer(doc, "Lahdenperän kaupunki – Hyvinvointisuunnitelma 2025–2028", "")
    doc.add_heading("Hyvinvointisuunnitelma 2025–2028", level=0)
    doc.add_paragraph("Kaupunginvaltuusto hyväksyi suunnitelman 9.6.2025. Painopisteet perustuvat "
                      "laajaan hyvinvointikertomukseen; kullekin painopisteelle on asetettu tavoite "
                      "ja sitä tukevat toimenpiteet.")
    priorities = [
        ("1 Terveelliset elintavat", "Lasten ja nuorten ylipaino vähenee.", [
            ("Perheiden liikuntaneuvonta neuvolan kautta", [
                "Vastuu: Liikuntapalvelut, hyvinvointialueen neuvola", "Aikataulu: 2025–2026",
                "Mittari: Ylipainoisten 4-vuotiaiden osuus (Sotkanet)", "Resurssit: Liikuntaneuvoja 0,5 htv"]),
            ("Kouluruokailun kasvisvaihtoehdon kehittäminen oppilaiden kanssa", [
                "Vastuu: Ruokapalvelut", "Aikataulu: syksy 2025",
                "Mittari: Kouluruokaa päivittäin syövien osuus (Kouluterveyskysely)"]),
        ]),
        ("2 Turvallinen elinympäristö", "Liikenneturvallisuus paranee koulureiteillä.", [
            ("Koulureittien vaarallisten risteysten kartoitus", [
                "Vastuu: Tekninen toimi", "Aikataulu: 2025", "Mittari: Korjattujen kohteiden määrä",
                "Resurssit: Kunnossapidon määräraha"]),
            ("Pyöräilykypäräkampanja alakouluissa", [
                "Vastuu: Perusopetus, poliisi", "Aikataulu: keväisin 2025–2028",
                "Mittari: Kypärää käyttävien oppilaiden osuus"]),
        ]),
        ("3 Mielen hyvinvointi", "Ikääntyneiden yksinäisyys vähenee.", [
            ("Ystävätoiminnan vapaaehtoisten koulutus", [
                "Vastuu: Kulttuuri- ja vapaa-aikapalvelut", "Aikataulu: 2026",
                "Mittari: Koulutettujen vapaaehtoisten määrä", "Resurssit: Järjestöavustus 5 000 €"]),
            ("Kotiin vietävät kirjastopalvelut", [
                "Vastuu: Kirjasto", "Aikataulu: jatkuva", "Mittari: Asiakkaiden määrä; Lainausten määrä",
                "Resurssit: Kirjastoauto"]),
        ]),
    ]
    for heading, objective, actions in priorities:
        doc.add_heading(heading, level=1)
        doc.add_paragraph().add_run("Tavoite:").bold = True
        doc.add_paragraph(objective, style="List Bullet")
        doc.add_paragraph().add_run("Toimenpiteet:").bold = True
        for action, labelled in actions:
            doc.add_paragraph(action, style="List Bullet")
            for line in labelled:
                para = doc.add_paragraph(line)
                para.paragraph_format.left_indent = Pt(36)
                para.paragraph_format.space_after = Pt(0)
    target = out / "c_lahdenpera_prose.docx"
    doc.save(target)
    return target


def metsapuro_cards(out: Path) -> Path:
    """One two-column key-value table ("card") per action under objective headings."""
    doc = new_document(font="Liberation Sans", size=10, landscape=False, author="Metsäpuron kunta")
    header_footer(doc, "Metsäpuron kunta", "Hyvinvointisuunnitelman toimeenpano 2025", numbered="of")
    doc.add_heading("Hyvinvointisuunnitelman toimeenpano 2025", level=0)
    doc.add_paragraph("Tilannekatsaus hyvinvointiryhmälle 15.1.2026.")
    themes = [
        ("Lapsiperheiden hyvinvointi", [
            ("Tavoite 1: Perheiden arjen tuki on helposti saatavilla.", [
                [("Toimenpide", "Perhekeskuksen kohtaamispaikka avataan kirjaston yhteyteen"),
                 ("Vastuutaho", "Sivistystoimi"), ("Yhteistyötahot", "Hyvinvointialue, MLL:n paikallisyhdistys"),
                 ("Aikataulu", "2025"), ("Mittari", "Kävijämäärä kuukaudessa"),
                 ("Tilanne", "Toteutunut. Kohtaamispaikka avattiin 2/2025.")],
                [("Toimenpide", "Vauvaperheiden kotikäynnit vapaaehtoisvoimin"), ("Vastuutaho", "Perhepalvelut"),
                 ("Aikataulu", "2025–2026"), ("Mittari", "Kotikäyntien määrä"),
                 ("Tilanne", "Kesken. Vapaaehtoisia on rekrytoitu kuusi.")],
            ]),
            ("Tavoite 2: Lasten harrastaminen ei riipu perheen tuloista.", [
                [("Toimenpide", "Harrastustakuu: jokaiselle lapselle maksuton harrastus koulupäivän yhteydessä"),
                 ("Vastuutaho", "Vapaa-aikatoimi"), ("Yhteistyötahot", "Paikalliset seurat ja yhdistykset"),
                 ("Aikataulu", "lukuvuosi 2025–2026"), ("Mittari", "Harrastuksiin osallistuvien lasten osuus"),
                 ("Resurssit", "Harrastamisen Suomen malli -avustus"),
                 ("Tilanne", "Toteutunut. 212 lasta mukana.")],
            ]),
        ]),
        ("Työikäisten hyvinvointi", [
            ("Tavoite 3: Pitkäaikaistyöttömien toimintakyky paranee.", [
                [("Toimenpide", "Työkykykoordinaattorin palvelu työllisyyspalveluihin"),
                 ("Vastuutaho", "Työllisyyspalvelut"), ("Yhteistyötahot", "Hyvinvointialue, TE-palvelut"),
                 ("Aikataulu", "2025"), ("Mittari", "Työkykyarvioon ohjattujen määrä"),
                 ("Tilanne", "Ei toteutunut. Hankerahoitusta ei saatu.")],
                [("Toimenpide", "Kuntouttavan työtoiminnan liikuntaryhmä"), ("Vastuutaho", "Liikuntatoimi"),
                 ("Aikataulu", "jatkuva"), ("Mittari", "Osallistujien määrä"),
                 ("Tilanne", "Osittain toteutunut. Ryhmä kokoontui vain keväällä.")],
            ]),
        ]),
    ]
    for theme, objectives in themes:
        doc.add_heading(theme, level=1)
        for objective, cards in objectives:
            doc.add_heading(objective, level=2)
            for rows in cards:
                card(doc, rows, "E7E6E6", [38, 122])
    target = out / "d_metsapuro_cards.docx"
    doc.save(target)
    return target


def rantala_cell_lists(out: Path) -> Path:
    """Landscape programme: lists of actions inside one cell; priority rows span the table."""
    doc = new_document(font="DejaVu Sans", size=9, landscape=True, margin_mm=15, author="Rantalan kaupunki")
    header_footer(doc, "RANTALAN KAUPUNKI\t\tLaaja hyvinvointikertomus 2025–2028", "Toimenpideohjelma")
    para = doc.add_paragraph()
    run = para.add_run("Laaja hyvinvointikertomus ja -suunnitelma 2025–2028: toimenpideohjelma")
    run.bold, run.font.size = True, Pt(15)
    head = ["Tavoite", "Toimenpiteet", "Vastuutaho", "Mittarit", "Aikataulu"]
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head):
        write_cell(cell, text, bold=True)
        shade(cell, "FCE4D6")
    repeat_header(table.rows[0])
    content = [
        ("Painopiste 1: Mielen hyvinvointi ja osallisuus", [
            ["Nuorten kokema yksinäisyys vähenee.",
             ["1. Nuorisotilojen aukiolon laajentaminen viikonloppuihin", "2. Ryhmäytymispäivät 7.-luokkalaisille",
              "3. Vertaisohjaajien koulutus"],
             ["Nuorisopalvelut", "Perusopetus"], "Yksinäisyyttä kokevien nuorten osuus (Kouluterveyskysely)",
             "2025–2026"],
            ["Ikäihmisten osallisuus vahvistuu.",
             ["• Vanhusneuvoston aloitteiden käsittely lautakunnissa", "• Digitukikeskiviikot kirjastossa"],
             "Vanhusneuvosto; Kirjastopalvelut", ["Digitukeen osallistuneiden määrä",
                                                  "Vanhusneuvoston aloitteiden määrä"], "jatkuva"],
        ]),
        ("Painopiste 2: Turvallinen ja viihtyisä ympäristö", [
            ["Kevyen liikenteen reitit ovat turvallisia.",
             ["1) Katuvalaistuksen parantaminen koulureiteillä",
              "2) Talvikunnossapidon priorisointi kevyen liikenteen väylille"],
             "Kuntatekniikka", "Koulumatkan vaaralliseksi kokevien osuus", "2025–2027"],
        ]),
    ]
    for priority, rows in content:
        cells = table.add_row().cells
        span = cells[0].merge(cells[-1])
        write_cell(span, priority, bold=True)
        shade(span, "F4B183")
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values):
                write_cell(cell, value)
    widths(table, [50, 85, 40, 60, 32])
    target = out / "e_rantala_cell_lists.docx"
    doc.save(target)
    return target


def sjoby_valfard(out: Path) -> Path:
    """Swedish follow-up of a bilingual municipality; status word leads the follow-up cell."""
    doc = new_document(font="Liberation Serif", size=10, landscape=False, author="Sjöby kommun")
    header_footer(doc, "Sjöby kommun – Järvikylän kunta", "Välfärdsberättelse 2024", numbered="of")
    doc.add_heading("Välfärdsberättelse 2024", level=0)
    doc.add_paragraph("Uppföljning av välfärdsplanen 2022–2025. Kommunfullmäktige 12.5.2025 § 33. "
                      "Uppföljningen anger för varje åtgärd om den är genomförd, delvis genomförd, pågår "
                      "eller inte genomförd.")
    areas = [
        ("Fokusområde 1: Delaktighet och gemenskap", "Invånarna upplever att de kan påverka.", [
            ("Invånarkvällar i alla byar", "Kommunkansliet", "2024", "Antal deltagare",
             "Genomförd. Fem invånarkvällar med sammanlagt 240 deltagare."),
            ("Ungdomsfullmäktige hörs i alla frågor som gäller unga", "Fritidssektorn", "fortlöpande",
             "Antal utlåtanden", "Pågår. Ungdomsfullmäktige gav sju utlåtanden."),
        ]),
        ("Fokusområde 2: Hälsosamma levnadsvanor", "Barn och unga rör sig mer.", [
            ("Rörelsepass i alla skolor varje dag", "Bildningssektorn", "2023–2025",
             "Andel elever som rör sig minst en timme per dag (Skolhälsoenkäten)",
             "Delvis genomförd. Rörelsepass i fyra av sex skolor."),
            ("Avgiftsfria simskolor för förskolebarn", "Idrottsbyrån, Simhallen", "sommaren 2024",
             "Antal deltagande barn", "Inte genomförd. Simhallen var stängd för renovering."),
        ]),
    ]
    for heading, goal, rows in areas:
        doc.add_heading(heading, level=2)
        table = doc.add_table(rows=1, cols=6)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells,
                              ["Mål", "Åtgärd", "Ansvarig", "Tidtabell", "Mätare", "Uppföljning 2024"]):
            write_cell(cell, text, bold=True)
        for n, values in enumerate(rows):
            cells = table.add_row().cells
            if n == 0:  # the objective is typed once; the cells below are merged into it
                write_cell(cells[0], goal)
            for cell, value in zip(cells[1:], values):
                write_cell(cell, value, size=9)
        table.cell(1, 0).merge(table.cell(len(rows), 0))
        widths(table, [26, 34, 28, 22, 30, 30])
    target = out / "g_sjoby_valfard.docx"
    doc.save(target)
    return target


def ylavaara_blank_rows(out: Path) -> Path:
    """Portrait follow-up: objective and indicator only on a group's first row; light column."""
    doc = new_document(font="Georgia", size=9.5, landscape=False, margin_mm=18, author="Ylävaaran kunta")
    header_footer(doc, "Ylävaaran kunta | Hyvinvointikertomus 2024", "Sivu")
    doc.add_heading("Hyvinvointikertomus 2024 – toimenpiteiden seuranta", level=1)
    doc.add_heading("Painopiste 1: Terveys ja toimintakyky", level=2)
    lights = {"vihreä": "92D050", "keltainen": "FFD966", "punainen": "FF5B5B"}
    rows = [
        ("Työikäisten liikunta lisääntyy", "Liikuntaneuvonnan ajanvaraus verkkoon",
         "liikuntasuunnittelija Anna Kettunen", "Liikuntasuositusten mukaisesti liikkuvien osuus (FinSote)",
         "Ajanvaraus avattiin 4/2024.", "vihreä"),
        ("", "Työpaikkojen liikuntahaaste", "hyvinvointikoordinaattori", "",
         "Haasteeseen osallistui viisi työpaikkaa, tavoite oli kymmenen.", "keltainen"),
        ("", "Kuntoportaat Kirkkomäelle", "kuntatekniikan päällikkö", "",
         "Rakentaminen siirtyi vuodelle 2025.", "punainen"),
        ("Ikääntyneiden ravitsemus paranee", "Yhteislounaat palvelukeskuksessa", "ruokapalvelupäällikkö",
         "Ateriapalvelun asiakkaiden määrä", "Yhteislounaita tarjottiin kaksi kertaa viikossa.", "vihreä"),
        ("", "Ravitsemuskoulutus omaishoitajille", "kotihoidon ohjaaja", "",
         "Koulutus pidettiin kerran, 9 osallistujaa.", "keltainen"),
    ]
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells,
                          ["Tavoite", "Toimenpide", "Vastuuhenkilö", "Arviointimittari", "Tilanne", "Liikennevalo"]):
        write_cell(cell, text, bold=True)
        shade(cell, "D9E2F3")
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            write_cell(cell, value)
        shade(cells[5], lights[values[5]])
        cells[5].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    widths(table, [30, 36, 30, 34, 36, 20])
    doc.add_paragraph("Liikennevalo: vihreä = toteutunut, keltainen = osittain toteutunut, "
                      "punainen = ei toteutunut.").runs[0].italic = True
    target = out / "j_ylavaara_blank_rows.docx"
    doc.save(target)
    return target


BUILDERS = [harjula_plan, koskenlaakso_followup, lahdenpera_prose, metsapuro_cards, rantala_cell_lists,
            sjoby_valfard, ylavaara_blank_rows]
# The Word files that are also printed to PDF by LibreOffice (the rest stay Word only).
PRINTED = {"a_harjula_plan.docx", "b_koskenlaakso_followup.docx", "c_lahdenpera_prose.docx",
           "d_metsapuro_cards.docx", "e_rantala_cell_lists.docx", "g_sjoby_valfard.docx"}
