"""The YAML of a normalized document written directly, byte for byte as ruamel writes it.

ruamel's round-trip dumper builds nodes, events and a per-character scalar analysis for
every value; for our documents that was most of the time spent writing YAML (about
5 ms a PDF page). A document is only ever nested mappings and lists of short scalars
laid out one way (see yamlstyle: indents, flow lists, key order, literal blocks), so this
module writes that layout itself.

ruamel stays the reference: `dump_document_data` returns None for anything whose
bytes it cannot be sure of (double-quoted strings, keys ruamel would write as complex
keys, lines long enough for ruamel to fold, values outside the schema's shapes), and
yamlio then lets ruamel write the whole document. Whether a string may be plain is
decided by ruamel's own resolver; tests/test_yaml_writer.py compares the two writers
on every document of the repository and on generated ones.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ruamel.yaml.nodes import ScalarNode

from hytetool.yamlstyle import (FLOW_LIST_KEYS, LINE_WIDTH, NOT_LITERAL_RE, TRAILING_KEYS, WHOLE_NUMBER_LIMIT,
                                round_trip_yaml)

# ruamel writes a key as an explicit "? key" when its text and tag ("!!str", 5
# characters) reach 128 characters; longer keys go to ruamel.
SIMPLE_KEY_LIMIT = 100
# A string that may be written plain in block context unless ruamel's resolver reads it
# as something else: none of ruamel's analyze_scalar conditions against plain block
# scalars holds (empty; a character only double quotes carry - NOT_LITERAL_RE, tab; a
# line break; a leading or trailing space; "---"/"..." at the start; a leading
# indicator; "?"/"-"/":" followed by a space or the end; "#" after a space).
NOT_PLAIN_RE = re.compile(
    NOT_LITERAL_RE.pattern + r"|[\t\n]|\A\Z|\A |\ \Z|\A(?:---|\.\.\.)|\A[,\[\]{}&*!|>'\"%@`]"
    r"|\A[?\-](?:\ |\Z)|:(?:\ |\Z)|(?:\A|\ )\#"
)
# repr() of a float that ruamel's resolver reads back as a float (checked in tests);
# other float texts (exponents) ask the resolver.
DECIMAL_RE = re.compile(r"-?[0-9]+\.[0-9]+")
STR_TAG = "tag:yaml.org,2002:str"
FLOAT_TAG = "tag:yaml.org,2002:float"

_RESOLVER = round_trip_yaml().resolver  # the resolver (YAML 1.2) ruamel dumps with
# First characters of the texts that ruamel's resolver may read as something other than
# a string; a text starting with any other character is a string without asking it.
_RESOLVED_FIRST = frozenset(_RESOLVER.versioned_resolver)
_ASK_ALWAYS = None in _RESOLVED_FIRST  # resolvers for any first character: ask for every text


class Unsupported(Exception):
    """A value this writer does not reproduce with certainty; ruamel writes the document."""


def resolves_to(text: str) -> str:
    """The tag ruamel's resolver gives `text` written plain."""
    return str(_RESOLVER.resolve(ScalarNode, text, (True, False)))


def reads_as_string(text: str) -> bool:
    if text and text[0] not in _RESOLVED_FIRST and not _ASK_ALWAYS:
        return True
    return resolves_to(text) == STR_TAG


def flat_text(value: str) -> str:
    """A one-line string as ruamel writes it: plain, or single-quoted when plain would
    read back as something else or break the syntax. Raises Unsupported when ruamel
    would double-quote it (it holds a quote, a tab or a character NOT_LITERAL_RE
    names) or when the string has a line break."""
    if not NOT_PLAIN_RE.search(value) and reads_as_string(value):
        return value
    if NOT_LITERAL_RE.search(value) or "'" in value or "\t" in value or "\n" in value:
        raise Unsupported(value)
    return f"'{value}'"


def number_text(value: int | float) -> str:
    """An int or float as yamlio's tree and ruamel's representer write it."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < WHOLE_NUMBER_LIMIT:
            return str(int(value))
        if not math.isfinite(value):
            raise Unsupported(value)
        text = repr(value).lower()
        if DECIMAL_RE.fullmatch(text) or resolves_to(text) == FLOAT_TAG:
            return text
        raise Unsupported(value)
    return str(value)


def literal_block(value: str, indent: int) -> str:
    """A string with line breaks as ruamel's literal block: the header after the key
    or dash, then each line at `indent` (empty lines stay empty)."""
    hints = "2" if value[0] in " \n" else ""
    if value[-1] != "\n":
        hints += "-"
    elif len(value) == 1 or value[-2] == "\n":
        hints += "+"
    pad = " " * indent
    lines = value.split("\n")
    last = lines.pop()
    body = "".join(f"{pad}{line}\n" if line else "\n" for line in lines)
    return f" |{hints}\n{body}{pad}{last}\n" if last else f" |{hints}\n{body}"


class _Writer:
    """Appends the lines of one document to `out`; columns are counted to stay below
    the width at which ruamel folds."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.keys: dict[str, str] = {}
        self.open_end_at = -1  # len(out) right after a "|+" block

    def key(self, key: Any) -> str:
        if not isinstance(key, str) or len(key) >= SIMPLE_KEY_LIMIT:
            raise Unsupported(key)
        text = self.keys[key] = flat_text(key)
        return text

    def scalar(self, value: Any, column: int, indent: int) -> str:
        """` value\\n` after a key or dash ending at `column`; blocks indent by `indent`."""
        if isinstance(value, str):
            if "\n" in value and not NOT_LITERAL_RE.search(value):
                if value[-1] == "\n" and (len(value) == 1 or value[-2] == "\n"):
                    self.open_end_at = len(self.out) + 1  # the caller appends this block
                return literal_block(value, indent)
            text = flat_text(value)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float)):
            text = number_text(value)
        else:
            raise Unsupported(value)
        if column + 1 + len(text) >= LINE_WIDTH:
            raise Unsupported(value)
        return f" {text}\n"

    def mapping(self, data: dict[str, Any], indent: int, first: str) -> None:
        """Block mapping with keys at `indent`; the first line starts with `first`
        (the indent, or a sequence's dash)."""
        out = self.out
        keys = [k for k in data if k not in TRAILING_KEYS]
        keys += [k for k in TRAILING_KEYS if k in data]
        lead = first
        for key in keys:
            text = self.keys.get(key) if isinstance(key, str) else None
            if text is None:
                text = self.key(key)
            value = data[key]
            column = indent + len(text) + 1
            if column >= LINE_WIDTH:
                raise Unsupported(key)
            head = f"{lead}{text}:"
            lead = " " * indent
            if isinstance(value, dict):
                if not value:
                    out.append(f"{head} {{}}\n")
                else:
                    out.append(f"{head}\n")
                    self.mapping(value, indent + 2, lead + "  ")
            elif isinstance(value, list):
                if not value:
                    out.append(f"{head} []\n")
                elif key in FLOW_LIST_KEYS:
                    out.append(f"{head} {self.flow(value, column)}\n")
                else:
                    out.append(f"{head}\n")
                    self.sequence(value, indent + 2)
            elif value is None:
                out.append(f"{head}\n")
            else:
                out.append(head + self.scalar(value, column, indent + 2))

    def sequence(self, items: list[Any], dash: int) -> None:
        """Block sequence with its dashes at column `dash`, items at dash + 2."""
        out = self.out
        pad = " " * dash
        for item in items:
            if isinstance(item, dict) and item:
                self.mapping(item, dash + 2, pad + "- ")
            elif isinstance(item, (dict, list)) or item is None:
                raise Unsupported(item)
            else:
                out.append(pad + "-" + self.scalar(item, dash + 1, dash + 2))

    @staticmethod
    def flow(items: list[Any], column: int) -> str:
        """`[1, 2]`: the short number lists (FLOW_LIST_KEYS)."""
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in items):
            raise Unsupported(items)
        text = f"[{', '.join(number_text(v) for v in items)}]"
        if column + 1 + len(text) >= LINE_WIDTH:
            raise Unsupported(items)
        return text


def dump_document_data(data: dict[str, Any]) -> str | None:
    """The YAML ruamel writes for yamlio's tree of `data` (a model_dump in JSON mode),
    or None when some value is outside what this writer reproduces with certainty."""
    if not isinstance(data, dict) or not data:
        return None
    writer = _Writer()
    try:
        writer.mapping(data, 0, "")
    except Unsupported:
        return None
    if writer.open_end_at == len(writer.out):
        writer.out.append("...\n")  # ruamel ends a document whose last block keeps its breaks
    return "".join(writer.out)
