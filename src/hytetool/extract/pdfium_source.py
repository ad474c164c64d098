"""PDF pages read through pdfium (pypdfium2): characters and drawings -> PageObjects.

pdfminer, under pdfplumber, parses a page's content in Python; pdfium does it in C++,
about nine times faster, and hands back each character with its position. This module
asks pdfium for as little as the layout needs, in as few calls as it can: the page's
text in one call, then per character its origin (baseline) and its loose box; font,
size, weight, colour and matrix once per text object. Drawings come from the path
objects (pdfium_paths.py).

Character boxes are built the way pdfminer builds them, so that line and cell
geometry stays as it was: across the baseline, the box runs from the font's descent
for one font size (not the glyph's own height, which differs per letter); along it,
the character's advance (pdfium's loose box). Coordinates are then turned into the
displayed page (/Rotate applied, origin at the top-left of the MediaBox), as pdfminer
turns them: a page saved turned in a viewer reads sideways here too, and pdf_turn.py
turns it upright the same way for both sources. (On a MediaBox not at the origin
pdfplumber keeps x in user space and leaves y unshifted; here both are measured from
the box's corner, so the header and footer margins fall where the page shows them.)

Colours come from pdfium as RGB, a CMYK fill converted by pdfium's own colour profile
(CMYK red 0 1 1 0 is EE1D23, as it prints) where pdfplumber's path converts it by the
plain formula (FF0000): clear traffic lights read the same from both, a shade near the
border between two of them may not.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from hytetool.extract.pdf_page import PageObjects
from hytetool.extract.pdfium_paths import Display, page_drawings

# The font's descent (below the baseline) as a share of the font size, when the font
# does not tell it or tells nonsense: pdfminer's default is 0 (box from the baseline up);
# real fonts lie between 0 and a third of an em (Arial 0.21, DejaVu 0.18).
MAX_DESCENT = 0.35

# Points a character's origin may lie off its text object's baseline (float rounding).
BASELINE_SLACK = 0.01

# pdfium's own error for a password problem (fpdfview.h).
PASSWORD_ERROR = raw.FPDF_ERR_PASSWORD



def _lean(function, result, *arguments):  # noqa: ANN001, ANN202
    """The same pdfium function with plain addresses for pointers: a call costs half of
    pypdfium2's checked one (measured 0.39 against 0.82 us), and the per-character calls
    are most of the reader's time."""
    return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, ctypes.c_void_p).value)


_ADDRESS, _INT = ctypes.c_void_p, ctypes.c_int
# a text object's address, which can key a dict (pypdfium2 gives a new pointer object each call)
_TEXT_OBJECT = _lean(raw.FPDFText_GetTextObject, _ADDRESS, _ADDRESS, _INT)
_LOOSE_BOX = _lean(raw.FPDFText_GetLooseCharBox, _INT, _ADDRESS, _INT, _ADDRESS)
_ORIGIN = _lean(raw.FPDFText_GetCharOrigin, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS)
_GENERATED = _lean(raw.FPDFText_IsGenerated, _INT, _ADDRESS, _INT)
_TEXT_FONT = _lean(raw.FPDFTextObj_GetFont, _ADDRESS, _ADDRESS)


# Characters pdfium may have added or marked: spaces and line breaks it generates between
# words and lines, and a hyphen at a line's end (U+0002 one by one, U+FFFE in the text).
_MARKED = frozenset(" \r\n\x02\ufffe")
_HYPHEN = frozenset("\x02\ufffe")
_SURROGATE = re.compile("[\ud800-\udfff]")


class PdfiumDocument:
    """An open PDF; pages are read one at a time and closed at once."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        self._pdf = pdfium.PdfDocument(str(path), password=password or None)

    @property
    def page_count(self) -> int:
        return len(self._pdf)

    def page(self, index: int) -> PageObjects:
        page = self._pdf[index]
        try:
            display = Display.of(page.raw)
            objects = {"char": page_chars(page.raw, display), **page_drawings(page.raw, display)}
            return PageObjects(display.width, display.height, objects)
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()


def password_problem(exc: BaseException) -> bool:
    """Whether pdfium refused the file for its password (none given, or a wrong one)."""
    return isinstance(exc, pdfium.PdfiumError) and getattr(exc, "err_code", None) == PASSWORD_ERROR


def page_chars(page, display: Display) -> list[dict]:  # noqa: ANN001 - an FPDF_PAGE
    """The page's characters (those written in the PDF, not the spaces and line breaks
    pdfium adds between them) as pdfplumber-style dicts, in content order."""
    textpage = raw.FPDFText_LoadPage(page)
    try:
        return _chars(textpage, display)
    finally:
        raw.FPDFText_ClosePage(textpage)


def _text(textpage, count: int) -> str:  # noqa: ANN001
    """All the page's characters, one per character index, in one call.

    pdfium writes UTF-16: a character beyond the Basic Multilingual Plane (an emoji, a
    rare CJK ideograph) takes two units, so the buffer has room for two per character and
    the pairs decode back into one. Should the text still not line up with the indices,
    each character is asked for on its own."""
    buffer = ctypes.create_string_buffer((2 * count + 1) * 2)
    written = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, index) or 0xFFFD) for index in range(count))


def _chars(textpage, display: Display, exact: bool = False) -> list[dict]:  # noqa: ANN001
    """The loop runs once per character of every page: its work is kept to two calls into
    pdfium and one dict, everything shared looked up once per text object.

    pdfium makes one text object of each text-showing operator (Tj, TJ), whose glyphs
    all stand on one baseline; so the baseline is asked once per object, and checked
    again at the object's last character. Should an object's glyphs not share it after
    all (a vertical-writing font), the page is read again with each character's own
    origin (`exact`)."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _text(textpage, count)
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    box_ref, x_ref, y_ref = ctypes.addressof(box), ctypes.addressof(x), ctypes.addressof(y)
    page = ctypes.cast(textpage, ctypes.c_void_p).value
    loose, origin, generated = _LOOSE_BOX, _ORIGIN, _GENERATED
    styles: dict[int | None, _Style] = {}
    fonts: dict[int, tuple[str, int, float]] = {}  # a page has a handful of fonts and thousands of text objects
    place = display.box
    unturned, shift_x, shift_top = display.unturned, display.to_display[4], display.height - display.to_display[5]
    chars = []
    halves = _SURROGATE.search(text) is not None
    for index, glyph in enumerate(text):
        if halves and "\ud800" <= glyph <= "\udfff":
            glyph = _whole(text, index)  # pdfium gives a character beyond the BMP as two halves
            if not glyph:
                continue
        if glyph in _MARKED:
            if glyph in "\r\n" or generated(page, index):
                continue  # pdfium's own word and line breaks, not the document's characters
            if glyph in _HYPHEN:
                glyph = "-"  # a hyphen ending a line, which pdfium marks as such
        handle = _TEXT_OBJECT(page, index)
        style = styles.get(handle)
        if style is None:
            style = styles[handle] = _Style.of(textpage, index, handle, display, fonts)
        loose(page, index, box_ref)
        if exact:
            origin(page, index, x_ref, y_ref)
            base = y.value if style.along_x else x.value
        else:
            base, style.last = style.base, index
        if style.along_x and unturned:  # most characters: inline, without the general transform
            left, right = box.left + shift_x, box.right + shift_x
            top, bottom = shift_top - base - style.high, shift_top - base - style.low
        elif style.along_x:  # the advance runs along x: the loose box gives it, the baseline the rest
            left, top, right, bottom = place(box.left, base + style.low, box.right, base + style.high)
        else:
            left, top, right, bottom = place(base + style.low, box.bottom, base + style.high, box.top)
        chars.append({"text": glyph, "x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
                      "size": style.size, "fontname": style.fontname, "weight": style.weight,
                      "upright": style.upright, "matrix": style.matrix, "non_stroking_color": style.colour})
    if not exact and not all(style.on_baseline(page, style.last) for style in styles.values()):
        return _chars(textpage, display, exact=True)
    return chars


def _whole(text: str, index: int) -> str:
    """The character a UTF-16 half at `index` belongs to: the pair joined at its first half,
    nothing at its second (the first carries the box), U+FFFD for a half without its pair."""
    glyph = text[index]
    if glyph <= "\udbff":  # a first half
        if text[index + 1:index + 2] and "\udc00" <= text[index + 1] <= "\udfff":
            return (glyph + text[index + 1]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        return "\ufffd"
    if index > 0 and "\ud800" <= text[index - 1] <= "\udbff":
        return ""
    return "\ufffd"


class _Style:
    """What the characters of one text object share: font, size, colour, matrix, and how
    far its boxes reach across the baseline (`low`, `high`: user-space offsets)."""

    __slots__ = ("fontname", "size", "weight", "colour", "matrix", "low", "high", "along_x", "upright", "base",
                 "last")

    @classmethod
    def of(cls, textpage, index: int, handle: int | None, display: Display,  # noqa: ANN001
           fonts: dict[int, tuple[str, int, float]]) -> _Style:
        style = cls()
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
        # the font size as set (Tf): pdfium leaves the text matrix out, as pdfminer does
        nominal = raw.FPDFText_GetFontSize(textpage, index) or 0.0
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        font = (_TEXT_FONT(handle) if handle else None) or 0
        if font not in fonts:
            fonts[font] = _font(font)
        style.fontname, style.weight, descent = fonts[font]
        style.size = nominal * ((c * c + d * d) ** 0.5 or 1.0)
        # across the baseline the box runs from the descent to one font size above it
        style.along_x = abs(a) >= abs(b)
        across = d if style.along_x else c  # user-space y (or x) per unit across the baseline
        ends = (descent * nominal * across, (descent + 1.0) * nominal * across)
        style.low, style.high = min(ends), max(ends)
        style.matrix = display.matrix((a, b, c, d, matrix.e, matrix.f))
        da, db, dc, dd = style.matrix[:4]
        style.upright = da * dd > 0 and db * dc <= 0
        style.colour = _fill(handle)
        style.base, style.last = style.across_origin(ctypes.cast(textpage, ctypes.c_void_p).value, index), index
        return style

    def across_origin(self, page: int, index: int) -> float:
        """Where the character's baseline crosses the user-space axis across the text."""
        x, y = ctypes.c_double(), ctypes.c_double()
        _ORIGIN(page, index, ctypes.addressof(x), ctypes.addressof(y))
        return y.value if self.along_x else x.value

    def on_baseline(self, page: int, index: int) -> bool:
        """Whether the character stands on the baseline of the object's first one."""
        return abs(self.across_origin(page, index) - self.base) <= BASELINE_SLACK


def _font(address: int | None) -> tuple[str, int, float]:
    """A font's name, weight and descent (a negative share of the font size)."""
    if not address:
        return "", 400, 0.0
    font = ctypes.cast(address, raw.FPDF_FONT)
    name = ctypes.create_string_buffer(256)
    raw.FPDFFont_GetBaseFontName(font, name, len(name))
    descent = ctypes.c_float()
    ok = raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(descent))
    share = -min(MAX_DESCENT, abs(descent.value)) if ok else 0.0
    weight = raw.FPDFFont_GetWeight(font)
    return name.value.decode("latin-1", "replace"), weight if weight > 0 else 400, share


def _fill(handle: int | None) -> tuple[float, float, float]:
    """A text object's fill colour as pdfplumber gives RGB: three floats 0-1."""
    if not handle:
        return (0.0, 0.0, 0.0)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    obj = ctypes.cast(handle, raw.FPDF_PAGEOBJECT)
    if not raw.FPDFPageObj_GetFillColor(obj, ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue),
                                        ctypes.byref(alpha)):
        return (0.0, 0.0, 0.0)
    return (red.value / 255, green.value / 255, blue.value / 255)
