"""PDF extraction: the fixtures give the records of their own source content, and bad
PDFs give one clear line each while the rest of the batch goes on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.export import iter_records
from hytetool.profile import Profile
from hytetool.pipeline import extract_file
from hytetool.yamlio import load_document

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "tests" / "fixtures" / "generated"
SOURCE = ROOT / "tests" / "fixtures" / "source"
STRATEGY = Profile.load(ROOT / "hyte-profile.yaml")
FIELDS = ("sector", "objective", "responsible", "schedule", "indicators", "outcome", "sdg")
# fixture -> (seed of its source content, the share of records and fields that must come back)
CASES = {
    "plan_2026.pdf": ("002", 0.97), "report_2023.pdf": ("003", 0.95), "interim_2022.pdf": ("004", 0.97),
    "annual_2023.pdf": ("000", 0.97), "plan_2026_unruled.pdf": ("002", 0.93),
    "report_2023_unruled.pdf": ("003", 0.93), "interim_2022_unruled.pdf": ("004", 0.93),
    "interim_2022_turned.pdf": ("004", 0.93), "plan_2026_spaced.pdf": ("002", 0.93),
    # The source YAML lists one responsible cell of 004 as "…(Pointti", "Visit Kemi",
    # "elinvoimatoimiala)" (the text export itemises it at line ends); the Word and Excel
    # cells, typeset from that list with commas, keep the parenthesis whole. And one
    # action under a continued objective has a blank indicator cell where the row above
    # has one: a table cell tells "written once for the group", so it is carried (0.998).
    "report_2023_excel.xlsx": ("003", 1.0), "interim_2022_excel.xlsx": ("004", 0.998),
    "report_2023_excel.pdf": ("003", 0.93),
    # Excel's print without gridlines, rows fitted to their text and bottom-aligned, the
    # merged objective cells set to the top: their lines interleave with the rows'
    # lines, and objectives spanning several rows come apart (measured 0.861 / 0.973).
    "interim_2022_excel.pdf": ("004", 0.85),
    "plan_2026.docx": ("002", 1.0), "report_2023.docx": ("003", 1.0), "interim_2022.docx": ("004", 0.998),
    "annual_2023.docx": ("000", 1.0),
}


def norm(value) -> str:
    if isinstance(value, list):
        return " | ".join(norm(v) for v in value)
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


def compare(expected: list[dict], actual: list[dict], want_sector, got_sector) -> tuple[float, float, list[str]]:
    pool, matched, right, total, problems = list(actual), 0, 0, 0, []
    for want in expected:
        same_kind = [g for g in pool if g["record"] == want["record"]
                     and norm(g["strategic_goal"]) == norm(want["strategic_goal"])]
        best = max(same_kind, default=None, key=lambda g: (
            fuzz.ratio(norm(g["text"]), norm(want["text"])),
            norm(g["sector"] or got_sector) == norm(want["sector"] or want_sector),
            norm(g["objective"]) == norm(want["objective"])))
        if best is None or fuzz.ratio(norm(best["text"]), norm(want["text"])) < 90:
            problems.append(f"missing {want['record']}: {want['text'][:60]}")
            continue
        pool.remove(best)
        matched += 1
        for name in FIELDS:
            total += 1
            got = best[name] or (got_sector if name == "sector" else None)
            exp = want[name] or (want_sector if name == "sector" else None)
            if norm(got) == norm(exp):
                right += 1
            else:
                problems.append(f"{want['text'][:30]} {name}: want {norm(exp)[:50]!r} got {norm(got)[:50]!r}")
    return matched / len(expected), right / max(total, 1), problems


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_gives_the_records_of_its_source(name: str) -> None:
    seed, bar = CASES[name]
    source = load_document(next(SOURCE.glob(f"{seed}_*.yaml")))
    doc = extract_file(GENERATED / name, STRATEGY).document
    # Key figures have their own tests; unplaced text differs in shape between a column-wise
    # text export and its typeset table, and is not a record to match.
    expected = [r for r in iter_records(source) if r["record"] not in ("kpi", "unplaced")]
    actual = [r for r in iter_records(doc) if r["record"] not in ("kpi", "unplaced")]
    recall, accuracy, problems = compare(expected, actual, source.sector, doc.sector)
    report = "\n".join(problems[:20])
    assert recall >= bar, f"{name}: record recall {recall:.3f} < {bar}\n{report}"
    assert accuracy >= bar, f"{name}: field accuracy {accuracy:.3f} < {bar}\n{report}"
    assert (doc.kind, doc.period) == (source.kind, source.period)


def test_same_table_as_text_word_and_pdf_gives_the_same_actions() -> None:
    def actions(path: Path) -> list[tuple]:
        doc = extract_file(path, STRATEGY).document
        return sorted((r["strategic_goal"], r["objective"], r["text"], tuple(r["responsible"]))
                      for r in iter_records(doc) if r["record"] == "action")

    text = actions(ROOT / "data" / "raw" / "002_595f7a428687dee9.txt")
    assert actions(GENERATED / "plan_2026.docx") == text
    assert actions(GENERATED / "plan_2026.pdf") == text
    assert actions(GENERATED / "plan_2026_unruled.pdf") == text


def test_pdf_records_carry_page_and_box() -> None:
    doc = extract_file(GENERATED / "report_2023.pdf", STRATEGY).document
    action = doc.goals[0].actions[0]
    assert action.page == 1 and action.bbox and action.bbox[0] < action.bbox[2]
    assert doc.source.pages == [1, 6]


def test_row_cut_by_a_page_break_is_one_action() -> None:
    doc = extract_file(GENERATED / "report_2023.pdf", STRATEGY).document
    texts = [a.text for g in doc.goals for a in g.actions]
    cut = [t for t in texts if t.startswith("Keskustelukulttuurin ja positiivisen")]
    assert len(cut) == 1 and cut[0].endswith("kaikissa työyksiköissä")
    assert not any(t.startswith("työyksiköissä") for t in texts)


def test_a_word_cut_at_the_column_edge_is_one_word_again() -> None:
    """A word longer than its column is broken anywhere ("mediassa/sanomalehdess" / "ä",
    "Varhaiskasvatuspäällikk" / "ö"): the pieces are joined when they make a word."""
    report = extract_file(GENERATED / "report_2023.pdf", STRATEGY).document
    assert any("mediassa/sanomalehdessä." in i for g in report.goals for a in g.actions for i in a.indicators)
    excel = extract_file(GENERATED / "report_2023_excel.pdf", STRATEGY).document
    assert ["Varhaiskasvatuspäällikkö"] in [a.responsible for g in excel.goals for a in g.actions]


# ------------------------------------------------------------------ sideways and letter-spaced pages

PROVENANCE = ("source", "source_sha256", "page", "lines", "bbox")


def content(path: Path) -> list[dict]:
    """The export of a file without where each record came from."""
    doc = extract_file(path, STRATEGY).document
    return [{k: v for k, v in r.items() if k not in PROVENANCE} for r in iter_records(doc)]


def test_sideways_pages_give_the_same_records_as_upright_ones() -> None:
    """interim_2022_turned.pdf is interim_2022_unruled.pdf with pages turned in the four
    ways landscape pages reach a PDF (tests/fixtures/README.md): nothing may change."""
    turned = content(GENERATED / "interim_2022_turned.pdf")
    assert sum(r["record"] != "unplaced" for r in turned) == 181
    assert turned == content(GENERATED / "interim_2022_unruled.pdf")


def test_ruled_pages_turned_in_the_viewer_give_the_same_records(tmp_path: Path) -> None:
    """The Word-made report with every page given a /Rotate of 90 or 270 (as a viewer
    saves a turned page; pypdfium2 comes with pdfplumber): ruled cells come from the
    turned lines and rects."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(GENERATED / "report_2023.pdf")
    for index in range(len(pdf)):
        pdf[index].set_rotation(90 if index % 2 == 0 else 270)
    pdf.save(tmp_path / "report_2023_rotated.pdf")
    pdf.close()
    assert content(tmp_path / "report_2023_rotated.pdf") == content(GENERATED / "report_2023.pdf")


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_sideways_pages_are_turned_the_right_way(source: str) -> None:
    from hytetool.extract.pdf import open_document
    from hytetool.extract.pdf_layout import page_layout
    from hytetool.extract.settings import DEFAULT_SETTINGS

    document = open_document(GENERATED / "interim_2022_turned.pdf", None, source)
    turns = [page_layout(document.page(n - 1), n, DEFAULT_SETTINGS).turn for n in range(1, 5)]
    document.close()
    assert turns == [0, 0, 90, 270]


def test_overprint_removal_keeps_double_letters_on_sideways_pages() -> None:
    """Regression: removing overprinted chars before turning the page merged the two
    l's of "turvallinen" (same x, 2 pt apart down the page)."""
    doc = extract_file(GENERATED / "interim_2022_turned.pdf", STRATEGY).document
    texts = " ".join(o.text for g in doc.goals for o in g.objectives)
    assert "turvallinen ja vetovoimainen" in texts and "turvalinen" not in texts


def test_letter_spaced_text_gives_whole_words() -> None:
    """plan_2026_spaced.pdf sets every line with 0.4 em letter spacing: pdfplumber's
    fixed 3 pt word gap alone would cut every word into letters."""
    spaced = content(GENERATED / "plan_2026_spaced.pdf")
    plain = content(GENERATED / "plan_2026_unruled.pdf")
    words = {w for r in plain for w in norm(r["text"]).split()}
    spaced_words = {w for r in spaced for w in norm(r["text"]).split()}
    assert spaced_words == words
    # One known difference: a sentence ending a line before a capitalised word reads as a
    # paragraph end ("…kehittäminen." / "Kaavamuutoksilla…"), so one action is two.
    assert len(spaced) == len(plain) + 1


# ------------------------------------------------------------------ bad input


def _reportlab_pdf(path: Path, *, text: str | None = "Tavoite", encrypt: str | None = None) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption(encrypt) if encrypt else None, invariant=1)
    for _ in range(3):
        if text:
            c.drawString(72, 720, text)
        else:
            c.rect(72, 500, 300, 200, fill=1)  # a scan: pictures and shapes, no text layer
        c.showPage()
    c.save()


ZERO_PAGES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
              b"trailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture()
def bad_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _reportlab_pdf(folder / "encrypted.pdf", encrypt="salasana")
    _reportlab_pdf(folder / "scanned.pdf", text=None)
    data = (GENERATED / "plan_2026.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "notapdf.pdf").write_text("Tämä on tekstiä eikä PDF.\n", encoding="utf-8")
    (folder / "zeropages.pdf").write_bytes(ZERO_PAGES)
    (folder / "plan.pdf").write_bytes(data)
    return folder


def run_extract(*args: str):
    result = CliRunner().invoke(app, ["extract", *args, "--strategy", str(ROOT / "hyte-profile.yaml")])
    return result, f"exit {result.exit_code}\n{result.output}"


def test_bad_pdfs_get_one_clear_line_each_and_the_batch_goes_on(bad_batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result, shown = run_extract(str(bad_batch), "--out", str(out))
    assert result.exit_code == 1, shown
    expectations = {
        "encrypted.pdf": "encrypted; give the password with --password",
        "scanned.pdf": "no text on pages 1-3: it is a scan; run OCR first, e.g. ocrmypdf",
        "truncated.pdf": "damaged or truncated PDF",
        "notapdf.pdf": "not a PDF file",
        "zeropages.pdf": "the PDF has no pages",
    }
    lines = shown.splitlines()
    for name, message in expectations.items():
        mine = [line for line in lines if name in line and message in line]
        assert len(mine) == 1, f"{name}: expected one line saying {message!r}\n{shown}"
        assert not (out / name.replace(".pdf", ".yaml")).exists(), f"partial output for {name}"
    assert "Traceback" not in shown
    assert (out / "plan.yaml").exists(), "the good PDF of the batch was not processed"


def test_password_opens_an_encrypted_pdf(tmp_path: Path) -> None:
    _reportlab_pdf(tmp_path / "secret.pdf", text="Tavoite Toimenpiteet Vastuu ja aikataulu", encrypt="salasana")
    result, shown = run_extract(str(tmp_path / "secret.pdf"), "--out", str(tmp_path / "out"), "--password", "väärä")
    assert result.exit_code == 1 and "the password is wrong" in shown, shown
    result, shown = run_extract(str(tmp_path / "secret.pdf"), "--out", str(tmp_path / "out"), "--password",
                                "salasana")
    assert "it is encrypted" not in shown and "the password is wrong" not in shown, shown  # the path says "password"


# ------------------------------------------------------------------ inspect


def run_inspect(tmp_path: Path, name: str, *options: str):
    return CliRunner().invoke(app, ["inspect", str(GENERATED / name), *options, "--out", str(tmp_path)])


def test_inspect_draws_the_page_and_lists_what_was_found(tmp_path: Path) -> None:
    result = run_inspect(tmp_path, "report_2023_unruled.pdf", "--page", "2")
    assert result.exit_code == 0, result.output
    picture = tmp_path / "report_2023_unruled-p2.png"
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert "header   Tavoite: Tavoite | Toimenpide: Toimenpiteet" in result.output
    assert "columns  unruled table, column starts at x =" in result.output
    assert "furniture 2 (6)" in result.output


def test_inspect_draws_a_sideways_page_upright(tmp_path: Path) -> None:
    from PIL import Image

    result = run_inspect(tmp_path, "interim_2022_turned.pdf", "--page", "3")
    assert result.exit_code == 0, result.output
    assert "turned   the page's text runs sideways: turned 90° counter-clockwise to read it" in result.output
    assert "header   Tavoite: Tavoite | Toimenpide: Toimenpiteet" in result.output
    with Image.open(tmp_path / "interim_2022_turned-p3.png") as picture:
        assert picture.width > picture.height  # the portrait page is drawn as the landscape table it holds


def test_inspect_names_the_columns_of_a_table_going_on_without_a_header(tmp_path: Path) -> None:
    result = run_inspect(tmp_path, "report_2023_excel.pdf", "--page", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("carried  the unruled table of the page before goes on here")
    assert lines[1].startswith("row      Tavoite: Kaupunkimme yritys") and "Toimenpide: Kulttuuriyrittäjyyden" in lines[1]


def test_tables_without_a_repeated_header_go_on_over_pages() -> None:
    """Excel prints the header row on the first page only: later pages' rows keep the
    first page's columns (report_2023_excel.pdf: 6 pages, a header on 3)."""
    def actions(name: str) -> list[tuple[str, str]]:
        doc = extract_file(GENERATED / name, STRATEGY).document
        assert doc.unplaced == []
        return [(g.name, " ".join(a.text.split())) for g in doc.goals for a in g.actions]  # a wrap may read as \n

    assert len(actions("report_2023_excel.pdf")) == 16
    assert actions("report_2023_excel.pdf") == actions("report_2023_excel.xlsx")


def test_inspect_ruled_page_names_cells_by_column(tmp_path: Path) -> None:
    result = run_inspect(tmp_path, "report_2023.pdf", "--page", "1")
    assert result.exit_code == 0, result.output
    assert "caption  Strateginen päämäärä: ELINVOIMAINEN KAUPUNKI, hyvinvointi" in result.output
    assert "Toimenpide: Ympäristösertifiointi laajenee päiväkodeille" in result.output


def test_inspect_rejects_a_page_that_does_not_exist(tmp_path: Path) -> None:
    result = run_inspect(tmp_path, "plan_2026.pdf", "--page", "99")
    assert result.exit_code == 1, result.output
    assert "has pages 1-4; --page 99 is not one of them" in result.output


def test_cell_shading_is_read_as_a_colour_for_traffic_lights() -> None:
    """Issue 13 item 7: a ruled cell's fill (grey, RGB or CMYK in the PDF) reaches the
    model as RRGGBB; white is no fill; the smallest rectangle under the cell wins."""
    from hytetool.extract.pdf_cells import _rgb, fill_of

    assert [_rgb(c) for c in [(0.0, 0.69, 0.31), (1.0, 0.75, 0.0), [0.5], (0, 0, 1, 0), (1, 1, 1), "x"]] == [
        "00B04F", "FFBF00", "808080", "FFFF00", None, None]
    table_background = ((0, 0, 100, 100), "D9D9D9")
    light = ((80, 10, 100, 20), "00B050")
    assert fill_of((80, 10, 100, 20), [table_background, light]) == "00B050"
    assert fill_of((0, 10, 20, 20), [table_background, light]) == "D9D9D9"
    assert fill_of((0, 200, 20, 220), [table_background, light]) is None
