"""Numbers as a council reads them: "1 036", "27,7", "-12,5" in Finnish and Swedish."""

from __future__ import annotations

NO_VALUE = "\u2013"  # an en dash for a missing figure, as in printed budget tables
THIN_SPACE = "\u00a0"  # no-break space: a thousands group never wraps onto two lines


def format_number(value: float | None, lang: str, *, signed: bool = False, decimals: int | None = None) -> str:
    if value is None:
        return NO_VALUE
    if value == 0:
        return "0"  # no sign on a zero deviation
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    if lang in ("fi", "sv"):
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", THIN_SPACE).replace("-", "\u2212")
    return text
