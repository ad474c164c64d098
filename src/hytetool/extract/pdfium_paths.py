"""Drawings of a PDF page read through pdfium: ruling lines, rectangles, curves.

Ruled tables are made of drawn lines and thin rectangles, cell shading and traffic
lights of filled rectangles. Each path object is split into its subpaths, and each
subpath becomes what pdfminer would make of it, so that pdfplumber's table finder sees
the same edges from either source: two points a line, a closed axis-aligned four-sided
loop a rectangle (with its fill colour), anything else a curve with its points. Form
XObjects (a drawing placed as a whole, as some writers do with table borders) are
walked with their matrices.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as raw

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Forms inside forms deeper than this are not followed (a crafted file could nest without end).
MAX_FORM_DEPTH = 8
# The rotation part of pdfminer's display matrix for each /Rotate (quarter turns clockwise).
_TURNS: dict[int, tuple[float, float, float, float]] = {0: (1, 0, 0, 1), 1: (0, -1, 1, 0), 2: (-1, 0, 0, -1),
                                                       3: (0, 1, -1, 0)}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (row vectors, as PDF writes matrices: [x y 1] m n)."""
    a, b, c, d, e, f = m
    na, nb, nc, nd, ne, nf = n
    return (a * na + b * nc, a * nb + b * nd, c * na + d * nc, c * nb + d * nd,
            e * na + f * nc + ne, e * nb + f * nd + nf)


@dataclass(frozen=True)
class Display:
    """User space -> the displayed page, as pdfminer maps it: /Rotate applied, origin at
    the MediaBox's corner, y growing downward (`top`)."""

    to_display: Matrix  # user space -> displayed space with y growing upward
    width: float
    height: float

    @classmethod
    def of(cls, page) -> Display:  # noqa: ANN001 - an FPDF_PAGE
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not raw.FPDFPage_GetMediaBox(page, *map(ctypes.byref, (left, bottom, right, top))):
            left.value, bottom.value = 0.0, 0.0  # pdfium's default page when none is given
            right.value, top.value = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        x0, y0 = min(left.value, right.value), min(bottom.value, top.value)
        x1, y1 = max(left.value, right.value), max(bottom.value, top.value)
        turn = raw.FPDFPage_GetRotation(page) % 4
        ra, rb, rc, rd = _TURNS[turn]
        # translate the MediaBox corner to the origin, turn, and move back into view
        shift = {0: (-x0, -y0), 1: (-y0, x1), 2: (x1, y1), 3: (y1, -x0)}[turn]
        width, height = (y1 - y0, x1 - x0) if turn in (1, 3) else (x1 - x0, y1 - y0)
        return cls((ra, rb, rc, rd, *shift), width, height)

    @property
    def unturned(self) -> bool:
        """No /Rotate: display space is user space moved to the MediaBox's corner."""
        return self.to_display[:4] == (1, 0, 0, 1)

    def matrix(self, m: Matrix) -> Matrix:
        return multiply(m, self.to_display)

    def point(self, x: float, y: float) -> tuple[float, float]:
        return _apply(self.to_display, x, y, self.height)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space box (x0 <= x1, y0 <= y1) as (x0, top, x1, bottom) on the displayed page."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def page_drawings(page, display: Display) -> dict[str, list[dict]]:  # noqa: ANN001
    """The page's lines, rectangles and curves as pdfplumber-style dicts."""
    found: dict[str, list[dict]] = {"rect": [], "line": [], "curve": []}
    count = raw.FPDFPage_CountObjects(page)
    _walk((raw.FPDFPage_GetObject(page, i) for i in range(count)), IDENTITY, display, found, 0)
    return found


def _walk(objects, outer: Matrix, display: Display, found: dict[str, list[dict]], depth: int) -> None:  # noqa: ANN001
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            _path(obj, outer, display, found)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = multiply(_matrix(obj), outer)
            count = raw.FPDFFormObj_CountObjects(obj)
            _walk((raw.FPDFFormObj_GetObject(obj, i) for i in range(count)), inner, display, found, depth + 1)


def _matrix(obj) -> Matrix:  # noqa: ANN001
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path(obj, outer: Matrix, display: Display, found: dict[str, list[dict]]) -> None:  # noqa: ANN001
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
    style = {"fill": fill_mode.value != 0, "stroke": bool(stroke.value),
             "non_stroking_color": _colour(obj, raw.FPDFPageObj_GetFillColor),
             "stroking_color": _colour(obj, raw.FPDFPageObj_GetStrokeColor)}
    to_page = display.matrix(multiply(_matrix(obj), outer))
    for points in _subpaths(obj):
        pts = [_apply(to_page, x, y, display.height) for x, y in points]
        kind, obj_dict = _shape(pts, display.height)
        obj_dict.update(style)
        found[kind].append(obj_dict)


def _subpaths(obj) -> list[list[tuple[float, float]]]:  # noqa: ANN001
    """The path's points split at each move, a closed subpath ending on its first point."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        if not segment or not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([])
        subpaths[-1].append((x.value, y.value))
        if raw.FPDFPathSegment_GetClose(segment) and subpaths[-1][0] != subpaths[-1][-1]:
            subpaths[-1].append(subpaths[-1][0])
    return [points for points in subpaths if len(points) > 1]


def _apply(m: Matrix, x: float, y: float, height: float) -> tuple[float, float]:
    """A user-space point through matrix `m`, as (x, top) on a page `height` high."""
    a, b, c, d, e, f = m
    return (a * x + c * y + e, height - (b * x + d * y + f))


def _shape(pts: list[tuple[float, float]], height: float) -> tuple[str, dict]:
    """What pdfminer makes of a subpath: a line, a rectangle or a curve."""
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    box = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
           "height": bottom - top, "y0": height - bottom, "y1": height - top, "pts": pts}
    if len(pts) == 2:
        return "line", {**box, "object_type": "line"}
    if len(pts) == 5 and pts[0] == pts[4] and _square(pts):
        return "rect", {**box, "object_type": "rect"}
    return "curve", {**box, "object_type": "curve"}


def _square(pts: list[tuple[float, float]]) -> bool:
    (xa, ya), (xb, yb), (xc, yc), (xd, yd) = pts[:4]
    return (xa == xb and yb == yc and xc == xd and yd == ya) or (ya == yb and xb == xc and yc == yd and xd == xa)


def _colour(obj, getter) -> tuple[float, ...] | None:  # noqa: ANN001
    """An object's fill or stroke colour as three floats 0-1 (pdfium gives RGB bytes)."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, *map(ctypes.byref, (red, green, blue, alpha))):
        return None
    return (red.value / 255, green.value / 255, blue.value / 255)
