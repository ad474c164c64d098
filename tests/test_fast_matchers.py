"""Matchers rewritten for speed find exactly what the plain, obvious code finds.

The header alternation (vocabulary.header_alternation, built by alternation.py) is
rewritten for speed: `\\b` factored out, terms grouped by their first letter behind a
lookahead. It must give the same matches, the same term (group name) for each and the
same spans as the plain alternation `(?P<t0>\\bterm0)|(?P<t1>\\bterm1)|…` it replaced,
on the shipped vocabulary and on any profile's words (other letters, years, stems, case
variants). So must the label matcher (one alternation instead of a loop over one regex
per term) and clean_ws() (str.split instead of a whitespace regex).
"""

from __future__ import annotations

import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from hytetool.textutil import clean_ws
from hytetool.vocabulary import (Column, Term, Vocabulary, _label_regex, base, header_alternation, label_alternation,
                                 using)


def plain_alternation(terms: list[Term]) -> re.Pattern[str]:
    """The straightforward alternation: every term with its own `\\b`, in order."""
    return re.compile("|".join(f"(?P<t{i}>{t.regex()})" for i, t in enumerate(terms)), re.I)


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, tuple[int, int]]]:
    return [(m.lastgroup, m.span()) for m in pattern.finditer(text)]


def shipped_terms() -> list[Term]:
    """The shipped terms in the order the vocabulary tries them (longest first)."""
    vocabulary = base()
    pairs = sorted(((t, c) for c, ts in vocabulary.terms.items() for t in ts), key=lambda p: -len(p[0].words))
    return [t for t, _ in pairs]


SHIPPED_WORDS = sorted({w for t in shipped_terms() for w in t.words.split()})
# Letters that stress the first-letter grouping: case pairs, Finnish/Swedish letters,
# characters that match others under re.I (Kelvin sign, long s, dotted I), digits, marks.
TRICKY = "aAkKK\u212asSſıIİäÄöÖåÅßẞ12-(/.,: \t"
word = st.one_of(st.sampled_from(SHIPPED_WORDS), st.text(alphabet=TRICKY + "abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8))
line = st.lists(st.one_of(word, st.sampled_from(["2025", "1999", "TP", "Toteuma 2023", "  ", "-", "ja"])),
                max_size=12).map(" ".join)


def test_shipped_vocabulary_uses_the_fast_alternation() -> None:
    assert base()._header.pattern == header_alternation(shipped_terms())


@settings(max_examples=400, deadline=None)
@given(text=line)
def test_header_alternation_matches_the_plain_one_on_the_shipped_terms(text: str) -> None:
    terms = shipped_terms()
    fast = re.compile(header_alternation(terms), re.I)
    assert matches(fast, text) == matches(plain_alternation(terms), text)


term_text = st.one_of(
    st.lists(st.text(alphabet=TRICKY.strip() + "abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6),
             min_size=1, max_size=3).map(" ".join),
    st.sampled_from(SHIPPED_WORDS + ["tavoite ####", "#### tavoite", "Kelvin", "\u212aelvin", "ſeuranta"]),
).flatmap(lambda words: st.sampled_from([words, words + "*", words + " ...", words + " +2"]))


@settings(max_examples=300, deadline=None)
@given(raw=st.lists(term_text, min_size=1, max_size=12), texts=st.lists(line, min_size=1, max_size=4))
def test_header_alternation_matches_the_plain_one_on_any_profile_words(raw: list[str], texts: list[str]) -> None:
    parsed = sorted((Term.parse(t, "profile") for t in raw), key=lambda t: -len(t.words))
    if any(not t.words.split() for t in parsed):
        return  # Term.parse never keeps an empty term from a profile's list
    fast = re.compile(header_alternation(parsed), re.I)
    plain = plain_alternation(parsed)
    for text in texts + [" ".join(t.words for t in parsed), " ".join(t.words.upper() for t in parsed)]:
        assert matches(fast, text) == matches(plain, text)


def test_a_profile_word_sharing_a_first_letter_keeps_the_longest_first_order() -> None:
    vocabulary = base().extended({"action": ["toimenpide-ehdotukset"], "responsible": ["Toimija*"]})
    assert vocabulary.header_columns("Tavoite Toimenpide-ehdotukset Toimijat") == (
        Column.objective, Column.action, Column.responsible)


def test_header_columns_are_those_of_the_plain_alternation() -> None:
    """header_columns() over real header lines: the roles in order, each once."""
    vocabulary: Vocabulary = base()
    plain = plain_alternation(shipped_terms())
    roles = {f"t{i}": c for i, (_, c) in enumerate(sorted(((t, c) for c, ts in vocabulary.terms.items() for t in ts),
                                                             key=lambda p: -len(p[0].words)))}
    for text in ["Tavoite Toimenpiteet Vastuutaho Aikataulu Mittarit Toteuma 2023",
                 "Painopistealue Tavoitteet Toimenpiteet ja keinot Arviointi ja seuranta",
                 "Mål Åtgärder Ansvar Uppföljning 2024", "Objective Action Responsible Indicator Outcome"]:
        expected = tuple(dict.fromkeys(roles[m.lastgroup] for m in plain.finditer(text)))
        assert vocabulary.header_columns(text) == expected
        assert expected  # each line names columns: the test would notice an empty result


@pytest.mark.parametrize("raw", [
    ["Kxyz long", "kxyz", "Kxy*"],  # "kxyz": the plain alternation picks "kxyz" before the stem "Kxy*"
    ["\u212axyz long", "kxyz", "\u212axy*"],  # the Kelvin sign is a "k" under re.I
    ["Ärvo long", "ärvo", "Ärv*"],
])
def test_terms_whose_first_letters_differ_only_in_case_keep_their_order(raw: list[str]) -> None:
    terms = sorted((Term.parse(t, "profile") for t in raw), key=lambda t: -len(t.words))
    fast = re.compile(header_alternation(terms), re.I)
    for text in ["kxyz", "KXYZ", "\u212axyz", "ärvo", "ÄRVO", "kxyz long"]:
        assert matches(fast, text) == matches(plain_alternation(terms), text)


def first_label(terms: list[Term], text: str) -> str | None:
    """The plain label test: each term's own anchored regex in order, the first that matches."""
    return next((f"t{i}" for i, t in enumerate(terms) if re.compile(_label_regex(t), re.I).match(text)), None)


label_cell = st.one_of(
    line,
    st.tuples(st.sampled_from(SHIPPED_WORDS + [t.words for t in shipped_terms()]),
              st.lists(st.sampled_from(["2023", "1-12/2023", ":", "ja", "vastuu", "x", "(TP)"]), max_size=4))
    .map(lambda p: " ".join([p[0], *p[1]])),
)


@settings(max_examples=400, deadline=None)
@given(text=label_cell)
def test_label_alternation_names_the_first_term_whose_label_regex_matches(text: str) -> None:
    terms = shipped_terms()
    match = re.compile(label_alternation(terms), re.I).match(text)
    assert (match.lastgroup if match else None) == first_label(terms, text)


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(term_text, min_size=1, max_size=12), texts=st.lists(label_cell, min_size=1, max_size=4))
def test_label_alternation_on_any_profile_words(raw: list[str], texts: list[str]) -> None:
    parsed = sorted((Term.parse(t, "profile") for t in raw), key=lambda t: -len(t.words))
    if any(not t.words.split() for t in parsed):
        return
    fast = re.compile(label_alternation(parsed), re.I)
    for text in texts + [t.words + " 2024" for t in parsed] + [t.words.swapcase() for t in parsed]:
        match = fast.match(text)
        assert (match.lastgroup if match else None) == first_label(parsed, text)


def test_label_of_finds_the_shipped_labels() -> None:
    assert base().label_of("Toimenpiteet") == Column.action
    assert base().label_of("Toteuma 1–12/2023") is not None
    assert base().label_of("Lasten liikunta lisääntyy") is None


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.one_of(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2000\u2009\u202f\u3000\u200b"),
                                       st.characters()), max_size=40))
def test_clean_ws_collapses_what_the_whitespace_regex_collapses(text: str) -> None:
    """clean_ws() (str.split) equals the regex it replaced, on any Unicode text."""
    assert clean_ws(text) == re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_every_character_regex_calls_whitespace_is_whitespace_to_str_split() -> None:
    space = re.compile(r"\s")
    assert [c for c in map(chr, range(0x110000)) if bool(space.match(c)) != c.isspace()] == []


def test_remembered_answers_are_the_vocabularys_own_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo of header_columns/label_of: a profile's vocabulary does not see the
    shipped one's answers, and a full memo starts over instead of growing."""
    line_text = "Tavoite Toimenpide Kehittäjätiimi Mittari"
    shipped = base().header_columns(line_text)
    assert Column.responsible not in shipped
    profiled = base().extended({"responsible": ["kehittäjätiimi"]})
    assert profiled.header_columns(line_text) == (Column.objective, Column.action, Column.responsible, Column.indicators)
    assert base().header_columns(line_text) == shipped
    monkeypatch.setattr("hytetool.vocabulary.MEMO_SIZE", 2)
    fresh = base().extended({})
    for text in ["Toimenpiteet", "Vastuu", "Mittarit", "Toimenpiteet", "Kuka vastaa"]:
        assert fresh.label_of(text) == fresh.label_of(text) is not None
        assert len(fresh._label_memo) <= 2


def test_a_term_without_words_falls_back_to_the_plain_order() -> None:
    """A profile could list an empty heading: no first letter to dispatch on."""
    terms = [Term("toimenpide"), Term(""), Term("vastuu", stem=True)]
    fast = re.compile(header_alternation(terms), re.I)
    for text in ["Toimenpide vastuutaho", "", "x y"]:
        assert matches(fast, text) == matches(plain_alternation(terms), text)


def test_a_profile_is_built_once_for_all_its_documents() -> None:
    headings = {"action": ["Toimet"], "responsible": ["Kuka tekee"]}
    with using(headings) as first, using(dict(headings)) as second:
        assert first is second
        assert first.header_columns("Tavoite Toimet Kuka tekee") == (Column.objective, Column.action, Column.responsible)
    with using(None) as plain:
        assert plain is base()
