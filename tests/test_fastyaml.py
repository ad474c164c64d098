"""fastyaml.load gives exactly what PyYAML's own constructor gives with the same loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hytetool import fastyaml

ROOT = Path(__file__).resolve().parents[1]
# Every YAML file of the repository: documents, the registry, the strategy, the message
# catalogs and the test inputs (hand-written ones with comments, quoting and block styles).
REPO_YAML = sorted(p for folder in ("data", "src/hytetool/templates", "tests/fixtures") for p in (ROOT / folder).rglob("*.yaml"))

EDGE_CASES = {
    "empty": "",
    "comment only": "# nothing\n",
    "scalar document": "just text\n",
    "yaml 1.1 booleans and nulls": "a: yes\nb: No\nc: ~\nd: null\ne: on\nf: 'yes'\n",
    "numbers": "a: 0x1F\nb: 0o17\nc: 1_000\nd: 1e3\ne: .inf\nf: -.nan\ng: 3.0\nh: '3'\ni: 017\nj: 1:20\n",
    "timestamps and binary": "d: 2022-06-30\nt: 2001-12-14t21:59:43.10-05:00\nb: !!binary aGVsbG8=\n",
    "explicit tags": "a: !!str 12\nb: !!int '7'\nc: !!float '1'\nd: !!seq [1]\ne: !!map {x: 1}\n",
    "set omap pairs": "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\np: !!pairs [{a: 1}, {a: 2}]\n",
    "anchors shared": "a: &x {k: [1, 2]}\nb: *x\nc: &y [3]\nd: [*y, *y]\n",
    "merge keys": "base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\nmany:\n  <<: [*b, {z: 4}]\n",
    "value key": "a:\n  =: 5\n",
    "recursive mapping": "a: &r\n  self: *r\n",
    "recursive sequence": "&s [1, *s]\n",
    "non-string keys": "1: a\n2.5: b\ntrue: c\n~: d\n2022-01-01: e\n",
    "block scalars": "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: \"tab\\there\"\n",
    "unicode": "nimi: Hyvinvointi ja terveys – ä ö å €\n\"\\u00e4\": x\n",
}
FAILING = {
    "duplicate key": "a: 1\na: 2\n",
    "duplicate key nested": "top:\n  - b: 1\n    b: 1\n",
    "duplicate key under merge": "base: &b {x: 1}\nc:\n  <<: *b\n  k: 1\n  k: 2\n",
    "syntax error": "a: [1, 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "unknown tag": "a: !custom 1\n",
    "mapping as key": "? {a: 1}\n: b\n",
    "sequence as key": "[1, 2]: f\n",
}


def _pyyaml(text: str) -> Any:
    return pyyaml.load(text, Loader=fastyaml.FastLoader)


def _same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1, 1.0 and True are equal in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(x, y) for x, y in zip(a.values(), b.values())) \
            and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and a != a:
        return b != b
    if isinstance(a, (set, frozenset)):
        return a == b
    return a == b


@pytest.mark.parametrize("path", REPO_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_yaml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = _pyyaml(text)
    except pyyaml.YAMLError:
        with pytest.raises(Exception):
            fastyaml.load(text)
        return
    assert _same(fastyaml.load(text), expected)


@pytest.mark.parametrize("text", [t for name, t in EDGE_CASES.items() if not name.startswith("recursive")],
                         ids=[n for n in EDGE_CASES if not n.startswith("recursive")])
def test_edge_cases(text: str) -> None:
    assert _same(fastyaml.load(text), _pyyaml(text))


def test_aliases_share_one_object_as_in_pyyaml() -> None:
    data = fastyaml.load(EDGE_CASES["anchors shared"])
    assert data["a"] is data["b"] and data["d"][0] is data["d"][1] is data["c"]


def test_recursive_structures() -> None:
    mapping = fastyaml.load(EDGE_CASES["recursive mapping"])
    assert mapping["a"]["self"] is mapping["a"]
    sequence = fastyaml.load(EDGE_CASES["recursive sequence"])
    assert sequence[0] == 1 and sequence[1] is sequence
    merged = fastyaml.load("a: &r\n  <<: {x: 1}\n  self: *r\n")  # left to PyYAML, which finishes it last
    assert merged["a"]["x"] == 1 and merged["a"]["self"] is merged["a"]
    assert _pyyaml("a: &r\n  <<: {x: 1}\n  self: *r\n")["a"]["x"] == 1


@pytest.mark.parametrize("text", list(FAILING.values()), ids=list(FAILING))
def test_what_pyyaml_refuses_is_refused(text: str) -> None:
    with pytest.raises(Exception):
        _pyyaml(text)
    with pytest.raises(Exception):
        fastyaml.load(text)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20))
trees = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(trees, st.booleans())
def test_any_tree_pyyaml_writes(tree: Any, flow: bool) -> None:
    text = pyyaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow)
    assert _same(fastyaml.load(text), _pyyaml(text))
