"""The pdfium page source gives characters and drawings where pdfminer puts them.

Each PDF here is written by hand (content streams typed below), so the expected
positions are read off the operators, not produced by either parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hytetool.extract.pdfium_source import PdfiumDocument

A4 = (595, 842)


def write_pdf(path: Path, content: str, rotate: int = 0, form: str | None = None, to_unicode: str | None = None) -> Path:
    """A one-page A4 PDF with Helvetica as /F1 and, optionally, a form XObject /X1 or a
    ToUnicode CMap for /F1 (then object 6)."""
    xobject = " /XObject << /X1 6 0 R >>" if form is not None else ""
    font_map = " /ToUnicode 6 0 R" if to_unicode is not None else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] /Rotate {rotate} "
        f"/Resources << /Font << /F1 5 0 R >>{xobject} >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding{font_map} >>",
    ]
    if to_unicode is not None:
        objects.append(f"<< /Length {len(to_unicode)} >>\nstream\n{to_unicode}\nendstream")
    if form is not None:
        objects.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 {A4[0]} {A4[1]}] /Matrix [1 0 0 1 0 -100] "
                       f"/Length {len(form)} >>\nstream\n{form}\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


def read(path: Path):  # noqa: ANN201
    document = PdfiumDocument(path)
    try:
        return document.page(0)
    finally:
        document.close()


def test_characters_stand_on_their_baseline_one_font_size_high(tmp_path: Path) -> None:
    page = read(write_pdf(tmp_path / "a.pdf", "BT /F1 10 Tf 100 700 Td (Hei) Tj ET"))
    assert "".join(c["text"] for c in page.chars) == "Hei"
    first = page.chars[0]
    assert first["x0"] == pytest.approx(100, abs=0.01)
    assert first["x1"] == pytest.approx(100 + 7.22, abs=0.05)  # Helvetica's H is 722/1000 em
    baseline = A4[1] - 700
    assert first["bottom"] - first["top"] == pytest.approx(10, abs=0.01)
    assert first["top"] < baseline < first["bottom"] <= baseline + 0.35 * 10  # the descent lies below it
    assert first["size"] == pytest.approx(10) and first["upright"]


def test_a_text_matrix_that_scales_gives_the_size_seen(tmp_path: Path) -> None:
    """Excel and some printers set 1 pt type and scale it with the text matrix."""
    page = read(write_pdf(tmp_path / "a.pdf", "BT /F1 1 Tf 9 0 0 9 50 700 Tm (Hei) Tj ET"))
    assert page.chars[0]["size"] == pytest.approx(9)
    assert page.chars[0]["bottom"] - page.chars[0]["top"] == pytest.approx(9, abs=0.01)


def test_a_page_turned_by_rotate_reads_in_display_space(tmp_path: Path) -> None:
    """/Rotate 90: the page shows landscape and its text runs downwards, as pdfminer gives it."""
    page = read(write_pdf(tmp_path / "a.pdf", "BT /F1 10 Tf 100 700 Td (Hei) Tj ET", rotate=90))
    assert (page.width, page.height) == (A4[1], A4[0])
    first = page.chars[0]
    assert first["matrix"][:4] == pytest.approx((0, -1, 1, 0))  # the baseline runs down the shown page
    assert first["top"] == pytest.approx(100, abs=0.01)  # x=100 in user space is 100 pt from the top
    assert not first["upright"]


def test_filled_rectangles_keep_their_colour_and_lines_are_lines(tmp_path: Path) -> None:
    content = "0 0.6 0 rg 40 600 100 20 re f 0 0 0 RG 40 500 m 300 500 l S 40 400 m 60 420 l 80 400 l S"
    page = read(write_pdf(tmp_path / "a.pdf", content))
    (rect,) = page.rects
    assert (rect["x0"], rect["top"], rect["x1"], rect["bottom"]) == pytest.approx((40, 222, 140, 242))
    assert rect["fill"] and rect["non_stroking_color"] == pytest.approx((0, 0.6, 0), abs=0.01)
    (line,) = page.lines
    assert (line["x0"], line["top"], line["x1"], line["bottom"]) == pytest.approx((40, 342, 300, 342))
    (curve,) = page.curves
    assert [c for point in curve["pts"] for c in point] == pytest.approx([40, 442, 60, 422, 80, 442])


def test_drawings_inside_a_form_are_placed_by_its_matrix(tmp_path: Path) -> None:
    """Table borders drawn in a form XObject (its /Matrix moves them 100 pt down)."""
    page = read(write_pdf(tmp_path / "a.pdf", "/X1 Do", form="40 500 m 300 500 l S"))
    (line,) = page.lines
    assert line["top"] == pytest.approx(A4[1] - 400)


def test_a_hyphen_ending_a_line_stays_a_hyphen(tmp_path: Path) -> None:
    """pdfium marks a line-end hyphen with a control character; the text keeps "-"."""
    content = "BT /F1 10 Tf 100 700 Td (Hyte-) Tj 0 -12 Td (koordinaattori) Tj ET"
    text = "".join(c["text"] for c in read(write_pdf(tmp_path / "a.pdf", content)).chars)
    assert text.startswith("Hyte-") and "\x02" not in text and "\ufffe" not in text


def test_one_baseline_per_text_object_reads_as_each_characters_own_origin() -> None:
    """The fast reading (the baseline asked once per text object) gives the same characters
    as asking every character's origin, on ruled, unruled, sideways and spaced pages."""
    import pypdfium2 as pdfium

    from hytetool.extract.pdfium_paths import Display
    from hytetool.extract.pdfium_source import _chars

    generated = Path(__file__).resolve().parent / "fixtures" / "generated"
    names = ["report_2023.pdf", "plan_2026_unruled.pdf", "interim_2022_turned.pdf", "plan_2026_spaced.pdf"]
    for name in names:
        pdf = pdfium.PdfDocument(generated / name)
        for index in range(min(3, len(pdf))):
            page = pdf[index]
            textpage = page.get_textpage()
            display = Display.of(page.raw)
            assert _chars(textpage.raw, display) == _chars(textpage.raw, display, exact=True)
            textpage.close()
            page.close()
        pdf.close()


def test_a_text_object_off_its_baseline_sends_the_page_to_the_exact_reading(monkeypatch, tmp_path: Path) -> None:
    from hytetool.extract import pdfium_source

    calls = []
    original = pdfium_source._chars

    def spy(textpage, display, exact=False):  # noqa: ANN001, ANN202
        calls.append(exact)
        return original(textpage, display, exact)

    monkeypatch.setattr(pdfium_source, "_chars", spy)
    monkeypatch.setattr(pdfium_source._Style, "on_baseline", lambda self, page, index: False)
    page = read(write_pdf(tmp_path / "a.pdf", "BT /F1 10 Tf 100 700 Td (Hei) Tj ET"))
    assert calls == [False, True] and "".join(c["text"] for c in page.chars) == "Hei"


def test_a_character_beyond_the_basic_plane_is_one_character(tmp_path: Path) -> None:
    """pdfium gives an emoji (U+1F600 here, by the font's ToUnicode map) as two UTF-16
    halves; the text has the one character, never a lone half (which no YAML can hold)."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            "1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <D83DDE00> <42> <0062> "
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    page = read(write_pdf(tmp_path / "a.pdf", "BT /F1 10 Tf 100 700 Td (ABAB) Tj ET", to_unicode=cmap))
    assert [c["text"] for c in page.chars] == ["\U0001F600", "b", "\U0001F600", "b"]
    assert page.chars[1]["x0"] == pytest.approx(page.chars[0]["x1"])


@pytest.mark.parametrize(("cmyk", "status"), [("0 1 1 0", "not_done"), ("0 0 1 0", "partial"), ("1 0 1 0", "done")])
def test_cmyk_traffic_lights_read_as_their_status(tmp_path: Path, cmyk: str, status: str) -> None:
    """Print-ready plans (InDesign, Publisher) fill cells in CMYK; pdfium hands back RGB by
    its own colour profile, and plain red, yellow and green still read as such."""
    from hytetool.extract.pdf_cells import _rgb
    from hytetool.status import fill_status

    page = read(write_pdf(tmp_path / "a.pdf", f"{cmyk} k 100 100 50 50 re f"))
    assert fill_status(_rgb(page.rects[0]["non_stroking_color"])).value == status


def test_a_grey_fill_from_pdfminer_is_a_colour_too() -> None:
    """pdfminer gives DeviceGray as a bare number: a grey header row is shading, not nothing."""
    from hytetool.extract.pdf_cells import _rgb

    assert _rgb(0.85) == "D9D9D9" and _rgb((0.85,)) == "D9D9D9" and _rgb(1.0) is None
