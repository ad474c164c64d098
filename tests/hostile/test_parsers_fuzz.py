"""Hypothesis on the parsers hostile input reaches first: any bytes or text give a
result or the one error hyte turns into a line, never another exception.

`make test` runs a hundred examples each; `make fuzz` sets HYTE_FUZZ_EXAMPLES (5,000).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hytetool import fastyaml, yamlguard
from hytetool.errors import InputError
from hytetool.extract.text import decode
from hytetool.inputs import output_names

EXAMPLES = int(os.environ.get("HYTE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_PIECES = st.lists(st.sampled_from(["a: ", "- ", "&x ", "*x", "[", "]", "{", "}", ", ", "\n", "  ", "9" * 40,
                                        "'q'", "!!int ", "? ", ": ", "#c", "|\n", "b"]), max_size=60).map("".join)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        text = decode(data, Path("x.txt"), [])
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert isinstance(text, str)


@FUZZ
@given(st.text(max_size=400).map(lambda t: t.encode("utf-16")) | st.text(max_size=400).map(lambda t: t.encode("utf-32")))
def test_utf16_and_utf32_with_a_bom_read_back_or_say_why(data: bytes) -> None:
    """Exactly, except UTF-16 LE text starting with NUL and of a length divisible by 4:
    its bytes are a UTF-32 mark; that text is binary anyway, and gets a line."""
    try:
        text = decode(data, Path("x.txt"), [])
    except InputError:
        assert data.startswith(b"\xff\xfe\x00\x00") and not len(data) % 4
        return
    assert text in (_decoded(data, "utf-16"), _decoded(data, "utf-32"))


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


@FUZZ
@given(YAML_PIECES | st.text(max_size=300))
def test_yaml_guard_passes_or_names_the_limit(text: str) -> None:
    try:
        yamlguard.check_text(text)
    except yamlguard.YamlLimitError:
        return
    try:
        fastyaml.load(text)
    except yamlguard.YamlLimitError:
        pass
    except Exception:  # a YAML syntax error: the loaders' own message, handled by their callers
        pass


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "a/b"]),
                          st.sampled_from(["x.txt", "x.pdf", "x.new.txt", "registry.txt", "X.txt", "x.txt.txt"])),
                max_size=12))
def test_output_names_are_distinct_and_never_reserved(pairs: list[tuple[str, str]]) -> None:
    files = sorted({Path(folder) / name for folder, name in pairs})
    names = output_names(files)
    lowered = [name.lower() for name in names.values()]
    assert len(set(lowered)) == len(files)
    assert not any(name.endswith(".new.yaml") or name == "registry.yaml" for name in lowered)
    assert output_names(files) == names  # stable
