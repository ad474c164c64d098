"""Sideways pages turned upright before their layout is read.

A landscape table reaches a PDF sideways in two common ways: the page carries a
/Rotate that the viewer applies (someone turned the page in Acrobat and saved), or a
landscape sheet was printed onto portrait paper with its content turned. pdfplumber
places characters in display space, so on such a page every word runs top-to-bottom
or bottom-to-top and rows become columns (both page sources give display space). This module finds the way the text runs
(from each character's text matrix) and gives the page as a reader holding it upright
would see it: same objects, coordinates turned, width and height swapped. Everything
after it (words, ruled tables, unruled columns) then works as on any landscape page.

Pages whose /Rotate is matched by content drawn turned the other way already read
upright in display space and are left alone.
"""

from __future__ import annotations

from collections import Counter

from hytetool.extract.pdf_page import PageObjects

# A page is turned when more than this share of its characters runs one other way.
# Half: a sideways table page may still carry an upright page number or stamp, and a
# portrait page with a sideways margin note must stay as it is.
TURN_SHARE = 0.5
SAMPLE = 300  # characters looked at to tell the way a page's text runs

# Degrees (counter-clockwise, as PIL's Image.rotate counts) that bring text running
# in each direction upright.
TURNS = {"ltr": 0, "ttb": 90, "rtl": 180, "btt": 270}


def text_direction(char: dict) -> str:
    """Which way a character's baseline runs on the displayed page (y grows downward).

    The text matrix (a, b, c, d, e, f) maps the baseline direction (1, 0) to (a, b) in
    PDF space, where y grows upward; the page's /Rotate is already in it.
    """
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(a) >= abs(b):
        return "ltr" if a > 0 else "rtl"
    return "btt" if b > 0 else "ttb"


def page_turn(page: PageObjects) -> int:
    """Degrees to turn the page counter-clockwise so that most of its text reads upright.

    Judged on up to SAMPLE characters spread over the page: a page's text runs one way
    or it is a mix, and a few hundred glyphs tell which as well as all of them."""
    chars = page.chars
    step = max(1, len(chars) // SAMPLE)
    sample = [c for c in chars[::step] if not c["text"].isspace()]
    if not sample:
        return 0
    direction, count = Counter(map(text_direction, sample)).most_common(1)[0]
    return TURNS[direction] if count > TURN_SHARE * len(sample) else 0


def turned_page(page: PageObjects, turn: int) -> PageObjects:
    """The page as seen after turning it `turn` degrees counter-clockwise."""
    if turn == 0:
        return page
    width, height = page.width, page.height
    new_width, new_height = (height, width) if turn in (90, 270) else (width, height)
    objects = {kind: [_turned(obj, turn, width, height, new_height) for obj in objs]
               for kind, objs in page.objects.items()}
    for char in objects.get("char", []):
        char["upright"] = _readable(char, turn)
    return page.derived(objects, new_width, new_height)


def _turned(obj: dict, turn: int, width: float, height: float, new_height: float) -> dict:
    x0, top, x1, bottom = _turn_box((obj["x0"], obj["top"], obj["x1"], obj["bottom"]), turn, width, height)
    turned = dict(obj)
    turned.update(x0=x0, x1=x1, top=top, bottom=bottom, width=x1 - x0, height=bottom - top,
                  doctop=top, y0=new_height - bottom, y1=new_height - top)
    if "pts" in obj:  # curves: their points give the edges of a drawn table
        turned["pts"] = [_turn_point(x, y, turn, width, height) for x, y in obj["pts"]]
    return turned


def _turn_point(x: float, y: float, turn: int, width: float, height: float) -> tuple[float, float]:
    """A point in top-left page space after turning the page counter-clockwise."""
    if turn == 90:
        return (y, width - x)
    if turn == 270:
        return (height - y, x)
    return (width - x, height - y)  # 180


def _turn_box(box: tuple[float, float, float, float], turn: int, width: float,
              height: float) -> tuple[float, float, float, float]:
    xa, ya = _turn_point(box[0], box[1], turn, width, height)
    xb, yb = _turn_point(box[2], box[3], turn, width, height)
    return (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


def _readable(char: dict, turn: int) -> bool:
    """Upright after the turn: the character ran the way the page's text runs."""
    return TURNS.get(text_direction(char), -1) == turn
