"""Sideways pages: which way text runs, and turning positions back upright."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hytetool.extract.pdf_turn import TURNS, _turn_box, _turn_point, text_direction
from hytetool.extract.settings import DEFAULT_SETTINGS

WIDTH, HEIGHT = 595.0, 842.0  # a portrait A4 page in points


@pytest.mark.parametrize(
    ("matrix", "direction"),
    [
        ((9, 0, 0, 9, 72, 500), "ltr"),  # ordinary text
        ((0, -9, 9, 0, 400, 700), "ttb"),  # /Rotate 90 on upright content: reads downward
        ((0, 9, -9, 0, 100, 100), "btt"),  # printed sideways: reads upward
        ((-9, 0, 0, -9, 500, 100), "rtl"),  # upside down
        ((8.9, 0.5, -0.5, 8.9, 0, 0), "ltr"),  # slightly skewed scan text still reads across
    ],
)
def test_text_direction_from_the_text_matrix(matrix: tuple, direction: str) -> None:
    assert text_direction({"matrix": matrix}) == direction


points = st.tuples(st.floats(0, WIDTH), st.floats(0, HEIGHT))


@given(points)
def test_turning_back_and_forth_returns_the_point(point: tuple[float, float]) -> None:
    x, y = point
    turned = _turn_point(x, y, 90, WIDTH, HEIGHT)  # now on a HEIGHT x WIDTH page
    assert _turn_point(*turned, 270, HEIGHT, WIDTH) == pytest.approx((x, y))
    twice = _turn_point(*_turn_point(x, y, 180, WIDTH, HEIGHT), 180, WIDTH, HEIGHT)
    assert twice == pytest.approx((x, y))


@given(points, points, st.sampled_from(sorted(set(TURNS.values()) - {0})))
def test_a_turned_box_stays_on_the_turned_page(a: tuple, b: tuple, turn: int) -> None:
    box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
    x0, top, x1, bottom = _turn_box(box, turn, WIDTH, HEIGHT)
    width, height = (HEIGHT, WIDTH) if turn in (90, 270) else (WIDTH, HEIGHT)
    assert 0 <= x0 <= x1 <= width + 1e-6 and 0 <= top <= bottom <= height + 1e-6
    assert {round(x1 - x0, 6), round(bottom - top, 6)} == {round(box[2] - box[0], 6), round(box[3] - box[1], 6)}


def test_the_right_edge_of_a_page_read_downward_becomes_its_top() -> None:
    """Text running down a page (a landscape page turned clockwise) starts at the right."""
    assert _turn_point(WIDTH, 0, 90, WIDTH, HEIGHT) == (0, 0)
    assert _turn_point(0, HEIGHT, 270, WIDTH, HEIGHT) == (0, 0)


def _chars(text: str) -> list[dict]:
    return [{"text": t} for t in text]


def test_spaces_written_as_characters_are_trusted_as_word_breaks() -> None:
    assert DEFAULT_SETTINGS.spaces_are_chars(_chars("Kaupunkiympäristön kehittäminen jatkuu"))
    assert not DEFAULT_SETTINGS.spaces_are_chars(_chars("Kaupunkiympäristönkehittäminenjatkuu" * 3))
    assert not DEFAULT_SETTINGS.spaces_are_chars([])
