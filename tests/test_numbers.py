"""Finnish numbers: every spelling the documents use, runs of numbers, and writing them back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hytetool.kpi_columns import column_period
from hytetool.numbers import (NOTE_STYLE, REPORT_STYLE, TERMINAL_STYLE, NumberError, format_number, parse_number,
                              split_numbers)

COLUMNS = ["TP 2021", "TA 2022", "TOTEUMA 1-6/2022", "TP-ENNUSTE 2022"]


def finnish(value: Decimal, decimals: int, separator: str, minus: str, suffix: str) -> str:
    """Format the Finnish way: thousands groups, decimal comma, a minus of choice, unit."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", separator)
    return (minus if value < 0 else "") + text + suffix


@given(
    whole=st.integers(min_value=-10**12, max_value=10**12),
    decimals=st.integers(min_value=0, max_value=3),
    fraction=st.integers(min_value=0, max_value=999),
    separator=st.sampled_from([" ", "\u00a0"]),
    minus=st.sampled_from(["-", "\u2212"]),
    suffix=st.sampled_from(["", "%", " %", "€", " €"]),
)
def test_any_finnish_number_parses_back_to_itself(whole, decimals, fraction, separator, minus, suffix) -> None:
    value = Decimal(whole) + (Decimal(fraction % 10**decimals) / 10**decimals if decimals else 0) * (
        -1 if whole < 0 else 1)
    text = finnish(value, decimals, separator, minus, suffix)
    assert parse_number(text) == float(value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 036", 1036),
        ("1\u00a0036", 1036),
        ("27,7", 27.7),
        ("-27,7", -27.7),
        ("\u221227,7", -27.7),
        ("+1 310 855", 1310855),
        ("672700 €", 672700),
        ("35,7%", 35.7),
        ("2,5 M €", 2_500_000),
        ("0,5", 0.5),
        ("-", None),
        ("\u2013", None),
        ("", None),
        ("   ", None),
    ],
)
def test_each_spelling(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["20.9.", "Kemin kp.", "1 03", "12 3456", "kpl", "1,2,3"])
def test_non_numbers_raise_with_the_text(text: str) -> None:
    with pytest.raises(NumberError, match="not a number"):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("714 192 600 000 326 777 600 000", [714192, 600000, 326777, 600000]),
        ("1 896 1 418 1027 1 712", [1896, 1418, 1027, 1712]),
        ("572 541,8 272,4 544,8", [572, 541.8, 272.4, 544.8]),
        ("1 658 987 1 665 558 1 665 558 1 665 558", [1658987, 1665558, 1665558, 1665558]),
        ("555 600 471 800", [555, 600, 471, 800]),
        ("1 561 - - -", [1561, None, None, None]),
        ("1 135 -  1 095 1 100", [1135, None, 1095, 1100]),
        ("4 506 0 0 0", [4506, 0, 0, 0]),
        # fewer numbers than columns: alike magnitudes beat a fourth value of 1
        ("4000 995  1 990", [4000, 995, 1990]),
        ("5 152  0 -", [5152, 0, None]),
        ("1 kpl 2", [1, 2]),
    ],
)
def test_split_numbers_best_reading(text: str, values: list[float | None]) -> None:
    best = split_numbers(text, COLUMNS)[0]
    assert best.values == values and not best.uncertain


def test_split_numbers_budget_signs() -> None:
    assert split_numbers("+ 1 310 855 +1 421 212 -110 357", 3)[0].values == [1310855, 1421212, -110357]
    assert split_numbers("+ 544 000 1 175 000 -631 000", 3)[0].values == [544000, 1175000, -631000]
    assert split_numbers("-20 200 -20 200 0", 3)[0].values == [-20200, -20200, 0]


def test_split_numbers_keeps_texts_spans_and_units() -> None:
    best = split_numbers("7 kpl 10 kpl", 4)[0]
    assert best.values == [7, 10] and best.units == ["kpl", "kpl"]
    assert best.texts == ["7 kpl", "10 kpl"] and best.spans == [(0, 5), (6, 12)]


def test_split_numbers_flags_two_plausible_readings() -> None:
    # 1 200 and 300, or 1 200 300 with an empty cell: the magnitudes alone do not tell
    best = split_numbers("1 200 300", 2)[0]
    assert best.values == [1200, 300] and best.uncertain and best.alternatives == [[1200300]]


def test_kotihoito_alone_is_uncertain_the_row_evidence_decides() -> None:
    # three alike values, or two nine-digit ones: the sub-rows' sums settle it (kpi_place)
    best = split_numbers("218 830 107 157 214 316", COLUMNS)[0]
    assert best.values == [218830, 107157, 214316] and best.alternatives == [[218830107, 157214316]]


def test_split_numbers_is_empty_for_text() -> None:
    assert split_numbers("Kemin kp. 109 047", 4) == []


def test_half_year_actual_is_scaled_before_comparing_magnitudes() -> None:
    # a half-year figure about half the others is alike once scaled
    scaled = split_numbers("600 000 600 000 300 000 600 000", COLUMNS)[0]
    plain = split_numbers("600 000 600 000 300 000 600 000", 4)[0]
    assert scaled.score < plain.score


def test_column_period() -> None:
    assert column_period("TOTEUMA 1\u20136/2022") == ("actual", 2022, (1, 6))
    assert column_period("TP 2021") == ("actual", 2021, (1, 12))
    assert column_period("TA 2022") == ("budget", 2022, (1, 12))
    assert column_period("TP-ENNUSTE 2022") == ("forecast", 2022, (1, 12))
    assert column_period("Netto") is None


# ------------------------------------------------------------------ writing numbers


@pytest.mark.parametrize(
    ("value", "options", "text"),
    [
        (1036, {}, "1\u00a0036"),
        (1036000, {"style": TERMINAL_STYLE}, "1 036 000"),
        (-27.7, {}, "\u221227,7"),
        (50000, {"signed": True}, "+50\u00a0000"),
        (8.333, {"signed": True, "decimals": 1}, "+8,3"),
        (-0.04, {"signed": True, "decimals": 1}, "0,0"),  # rounds to zero: no sign
        (0, {"signed": True, "decimals": 1}, "0"),
        (None, {}, "\u2013"),
        (None, {"style": TERMINAL_STYLE}, ""),
        (1036.5, {"lang": "en"}, "1,036.5"),
        (-1036, {"lang": "en"}, "-1,036"),
        (14000.0, {"style": NOTE_STYLE}, "14000"),
        (-12.345, {"style": NOTE_STYLE}, "-12,345"),
        (None, {"style": NOTE_STYLE}, "-"),
    ],
)
def test_format_number(value: float | None, options: dict, text: str) -> None:
    assert format_number(value, **options) == text


@given(whole=st.integers(min_value=-10**12, max_value=10**12), tenths=st.integers(min_value=0, max_value=9))
def test_a_formatted_number_parses_back(whole: int, tenths: int) -> None:
    value = whole + (tenths / 10 if whole >= 0 else -tenths / 10)
    for style in (REPORT_STYLE, TERMINAL_STYLE, NOTE_STYLE):
        assert parse_number(format_number(value, style=style)) == pytest.approx(value)
