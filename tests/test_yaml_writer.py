"""yamlwrite writes the very bytes ruamel writes, or leaves the document to ruamel.

The normalized YAML is compared byte for byte (fingerprints, goldens, the hand-edit
guard), so the direct writer must never differ from ruamel's dumper, which stays the
reference (yamlio.ruamel_body). Compared here: every document of the repository, every
document extracted from the fixtures and seeds, generated documents, and generated
documents whose strings are chosen to be awkward for YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_yamlio import FINNISH, TRICKY_TEXTS, documents, kemi_document

from hytetool import fastyaml, yamlio, yamlwrite
from hytetool.model import Document, KpiRow, KpiTable, Unplaced
from hytetool.profile import Profile
from hytetool.pipeline import DEFAULT_STRATEGY, extract_file

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted([*(ROOT / "data" / "normalized").rglob("*.yaml"), *(ROOT / "tests" / "golden").rglob("*.yaml")])
INPUTS = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures" / "generated", ROOT / "data" / "raw")
    for p in folder.iterdir()
    if p.suffix in {".pdf", ".docx", ".xlsx", ".txt"}
)
STRATEGY = Profile.load(ROOT / DEFAULT_STRATEGY)


def dumped(doc: Document) -> dict[str, Any]:
    return doc.model_dump(mode="json", by_alias=True, exclude_none=True)


def assert_same_as_ruamel(doc: Document, *, direct: bool = False) -> None:
    """document_body equals ruamel's bytes; `direct`: and yamlwrite wrote it itself."""
    data = dumped(doc)
    reference = yamlio.ruamel_body(data)
    assert yamlio.document_body(doc) == reference
    written = yamlwrite.dump_document_data(data)
    assert written is None or written == reference
    if direct:
        assert written is not None, "left to ruamel"


# ---------------------------------------------------------------- the repository's documents


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository(path: Path) -> None:
    """Valid documents through document_body; any file's data (the registry, the invalid
    test inputs) straight through both writers, where yamlwrite takes it."""
    text = path.read_text(encoding="utf-8")
    doc = yamlio.read_document_data(text)
    if doc is not None:
        assert_same_as_ruamel(doc, direct=True)
    try:
        data = fastyaml.load(text)
    except Exception:
        return  # not YAML at all (the syntax-error input)
    written = yamlwrite.dump_document_data(data) if isinstance(data, dict) else None
    if written is not None:
        assert written == yamlio.ruamel_body(data)


def test_the_repository_documents_are_written_directly() -> None:
    """The committed documents really take the fast path (else the gain is lost)."""
    docs = [yamlio.load_document(p) for p in (ROOT / "data" / "normalized").glob("0*.yaml")]
    assert docs
    assert all(yamlwrite.dump_document_data(dumped(d)) is not None for d in docs)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_extracted_document(path: Path) -> None:
    assert_same_as_ruamel(extract_file(path, STRATEGY).document, direct=True)


# ---------------------------------------------------------------- generated documents


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document(doc: Document) -> None:
    assert_same_as_ruamel(doc)


def words_of_length(n: int) -> str:
    """n characters of short words: ruamel folds such a line at LINE_WIDTH."""
    text = ("sana " * (n // 5 + 1))[:n]
    return text[:-1] + "x" if text.endswith(" ") else text


# Strings awkward for YAML: whitespace at the edges, indicators, quotes, every kind of
# line break, control characters, words a reader takes for booleans, nulls or numbers.
NASTY = [
    *TRICKY_TEXTS, "yes", "No", "ON", "Off", "y", "n", "NULL", "Null", "~", "TRUE", "nan", ".NaN", "-.inf",
    "0", "-0", "007", "1.0", "1e+20", "0b101", "0x_1", "1:20:30", "2022-06-30 12:00", "=", "<<",
    " ", "  ", "x ", " x", "\t", "x\t", "\tx", "a\tb\nc", ":", "::", "a:b", "a :b", "a: b", "a:", "-", "--",
    "---", "...", "--- x", "-x", "- x", "?x", "? x", "#", "a#b", "a #b", "'", "''", "it's", '"', 'say "hi"',
    "\n", "\n\n", "x\n", "x\n\n", "\nx", " \nx", "x \ny", "x\n y", "x\n\n\ny", "\r", "x\r\ny", "x\ry",
    "\x85", "x\x85y", "\u2028", "x\u2029y", "\x00", "\x07", "\x1b", "\x7f", "\x9f", "\ufeff", "x\ufeff",
    "\ufffe", "\ud7ff", "\ue000", "é", "ä ö å", "😀", "\U0010fffd", "\xa0", "x\xa0", "\xa0x", "\u200b",
    "[x]", "{x}", "a, b", "a,b", "&a", "*a", "!a", "|", "|-", ">", "%x", "@x", "`x", "a`b", "x|y",
]  # fmt: skip
NASTY_CHARS = list(" :#'\"\n\r\t\x85\u2028-?,[]{}&*!|>%@`~.0123456789eEyYnNoO_x\x00\x07\x7f\ufeff\xa0é€😀")
LONG = st.integers(4040, 4110).map(words_of_length)
nasty = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.sampled_from(NASTY_CHARS), max_size=12),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=10),
    LONG,
    st.tuples(st.sampled_from(["", " ", "# ", "'", "- ", "x: ", "é"]), LONG, st.sampled_from(["", " ", "\n", ":"])).map(
        "".join
    ),
)


def with_texts(texts: list[str], number: float) -> Document:
    """A document with the 9 `texts` in every place a string can stand: a top-level
    value, a value deep in a goal, list items, keys (kpi columns), and the last value
    of the document (where a block keeping its line breaks makes ruamel end with '...')."""
    title, text, item, key, other_key, note, sector, last, reason = texts
    doc = kemi_document(title=title)
    action = doc.goals[0].actions[0].model_copy(update={"text": text, "responsible": [item, note], "sector": sector})
    row = KpiRow(label=note, values={key: number, other_key: None}, lines=[1, 2], bbox=[number, 1.5, 2.0, 3.25])
    update = {
        "goals": [doc.goals[0].model_copy(update={"actions": [action]})],
        "kpi_tables": [KpiTable(id="t", columns=[key, other_key], rows=[row])],
        "unplaced": [Unplaced(text=last, reason=reason)],
    }
    return Document.model_validate(dumped(doc.model_copy(update=update)))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nasty, st.floats(allow_nan=False, allow_infinity=False))
def test_a_nasty_string_everywhere(text: str, number: float) -> None:
    """One string in every place: the document goes the fast way whenever yamlwrite
    takes that string, so each supported string is checked in every context."""
    assert_same_as_ruamel(with_texts([text, text, text, text, text + "2", text, text, text, "syy"], number))
    assert_same_as_ruamel(with_texts([text] * 7 + ["syy", text], number))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nasty | st.text(FINNISH, max_size=30), min_size=9, max_size=9), st.floats(allow_nan=False))
def test_nasty_strings_together(texts: list[str], number: float) -> None:
    if texts[3] == texts[4]:
        texts[4] += "2"
    assert_same_as_ruamel(with_texts(texts, number))


# ---------------------------------------------------------------- where the fast path ends

PLAIN_OR_SINGLE = ["Kemi", "KV 3.10.2022 § 77", "1-6/2022", "2023", "", " x", "yes", "a: b", "- x", "# x", "é"]
LEFT_TO_RUAMEL = ["# it's", "'q'", "a\tb", "x\ry", "x\x85y", "\x00", "\ufeff", words_of_length(4100)]


@pytest.mark.parametrize("text", PLAIN_OR_SINGLE + ["x\ny", "x\n\n", " x\n"])
def test_written_directly(text: str) -> None:
    assert_same_as_ruamel(kemi_document(title=text), direct=True)


@pytest.mark.parametrize("text", LEFT_TO_RUAMEL)
def test_left_to_ruamel(text: str) -> None:
    doc = kemi_document(title=text)
    assert yamlwrite.dump_document_data(dumped(doc)) is None
    assert yamlio.document_body(doc) == yamlio.ruamel_body(dumped(doc))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.sampled_from(NASTY), st.text(st.sampled_from(NASTY_CHARS), max_size=6), st.text(max_size=6)))
def test_resolver_shortcut_agrees_with_the_resolver(text: str) -> None:
    """Texts starting with a character ruamel's resolver has no rule for are strings."""
    assert yamlwrite.reads_as_string(text) == (yamlwrite.resolves_to(text) == yamlwrite.STR_TAG)


@settings(max_examples=500, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_decimal_floats_read_back_as_floats(number: float) -> None:
    text = repr(number).lower()
    if yamlwrite.DECIMAL_RE.fullmatch(text):
        assert yamlwrite.resolves_to(text) == yamlwrite.FLOAT_TAG
