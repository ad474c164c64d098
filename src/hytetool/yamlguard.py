"""Hand-edited YAML read safely: bounded before any loader builds it.

The normalized YAML is edited by hand, so it may hold anything YAML allows: an alias
bomb (8 KB of `&a [*b, *b, ...]` expanding to billions of nodes when pydantic or
ruamel walk it), nesting 2,000 deep (Python's recursion limit), a 5,000-digit year
(int() refuses more than 4,300 digits), bytes that are not UTF-8. Every reader of YAML
in hytetool goes through here first, and such a file gives one line naming the file
and the line in it, with what to do; the limits are in limits.py.

Two checks, one per loader:
- `check_text`: libyaml's event stream (C, about 20x faster than ruamel's parser),
  before ruamel's round-trip parse;
- `check_node`: the node graph libyaml composed for fastyaml, walked once per node
  (an alias is the same node object reached again, so the walk never expands it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml as pyyaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, ScalarNode

from hytetool.errors import HyteError
from hytetool.limits import (MAX_NUMBER_DIGITS, MAX_YAML_ALIASES, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES,
                             check_size)

_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
# A plain scalar that is a number with more digits than MAX_NUMBER_DIGITS.
_LONG_NUMBER = re.compile(r"[-+]?(?:0[xob])?[0-9_]{%d,}(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?" % (MAX_NUMBER_DIGITS + 1))
INT_TAG = "tag:yaml.org,2002:int"


class YamlLimitError(ValueError):
    """YAML beyond a limit; `line` is 1-based (0 when unknown). A ValueError, so loaders'
    callers that take any error as "not a valid document" still do."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


class YamlFileError(HyteError):
    """A YAML file that cannot be read as text: `line`, `column` and `reason` for
    validate's file:line:col lines; str() is 'path:line: reason'."""

    def __init__(self, path: Path, line: int, column: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.line, self.column, self.reason = line, column, reason


def read_yaml_file(path: Path) -> str:
    """The text of a YAML file hytetool reads: size-checked, UTF-8 (a BOM is dropped),
    or YamlFileError naming the line and column of the first byte that is not UTF-8."""
    try:
        check_size(path, path.stat().st_size, MAX_YAML_BYTES, "YAML file")
    except HyteError as exc:
        raise YamlFileError(path, 1, 1, str(exc).removeprefix(f"{path}: ")) from None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(path, line, column, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file "
                                                "as UTF-8 in your editor") from None


def check_text(text: str) -> None:
    """YamlLimitError when `text` would expand, nest or count beyond the limits.

    A YAML syntax error is left to the loader that follows (its message is exact)."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(f"{len(text)} characters, over hytetool's limit of {MAX_YAML_BYTES} (hytetool.limits)")
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for, expanded
    stack: list[list[Any]] = [[None, 0]]  # [anchor, nodes so far] per open collection
    aliases = total = 0
    try:
        for event in pyyaml.parse(text, Loader=_LOADER):
            kind = type(event)
            if kind is ScalarEvent:
                _check_scalar(event.value, event.style, event.start_mark.line + 1)
                stack[-1][1] += 1
                total += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif kind is AliasEvent:
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    raise YamlLimitError(f"more than {MAX_YAML_ALIASES} aliases (*name), over hytetool's limit "
                                         "(hytetool.limits); write the values out", event.start_mark.line + 1)
                stack[-1][1] += sizes.get(event.anchor, 1)
                total += sizes.get(event.anchor, 1)
            elif issubclass(kind, CollectionStartEvent):
                if len(stack) > MAX_YAML_DEPTH:
                    raise YamlLimitError(f"nested more than {MAX_YAML_DEPTH} levels deep, over hytetool's limit "
                                         "(hytetool.limits); a document is a few levels deep",
                                         event.start_mark.line + 1)
                stack.append([event.anchor, 1])
                total += 1
            elif issubclass(kind, CollectionEndEvent):
                anchor, count = stack.pop()
                stack[-1][1] += count
                if anchor:
                    sizes[anchor] = count
            else:
                continue
            if total > MAX_YAML_NODES:
                raise YamlLimitError(_too_many(), event.start_mark.line + 1)
    except pyyaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):
            mark = getattr(exc, "problem_mark", None)
            raise YamlLimitError(f"nested more than {MAX_YAML_DEPTH} levels deep, over hytetool's limit "
                                 "(hytetool.limits)", mark.line + 1 if mark else 0) from None
        return  # a syntax error: the loader reports it exactly


def check_node(root: Any) -> None:
    """YamlLimitError when the node graph libyaml composed (fastyaml) would expand or
    nest beyond the limits, or holds an over-long number. Each node is visited once."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in children)  # 1: a loop back
            open_nodes.discard(key)
            if sizes[key] > MAX_YAML_NODES:
                raise YamlLimitError(_too_many(), node.start_mark.line + 1)
            continue
        if key in sizes or key in open_nodes:  # open: an alias back to an enclosing collection
            continue  # (a loop: built as one object referring to itself, as PyYAML builds it)
        if depth > MAX_YAML_DEPTH:
            raise YamlLimitError(f"nested more than {MAX_YAML_DEPTH} levels deep, over hytetool's limit "
                                 "(hytetool.limits)", node.start_mark.line + 1)
        if isinstance(node, ScalarNode):
            if node.tag == INT_TAG:
                _check_scalar(node.value, None, node.start_mark.line + 1)
            sizes[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))


def _children(node: Any) -> list[Any]:
    if isinstance(node, MappingNode):
        return [item for pair in node.value for item in pair]
    return list(node.value)


def _check_scalar(value: str, style: str | None, line: int) -> None:
    if not style and len(value) > MAX_NUMBER_DIGITS and _LONG_NUMBER.fullmatch(value):
        raise YamlLimitError(f"a number with {len(value)} digits, over hytetool's limit of {MAX_NUMBER_DIGITS} "
                             "(hytetool.limits); quote it if it is text", line)


def _too_many() -> str:
    return (f"more than {MAX_YAML_NODES} values, over hytetool's limit (hytetool.limits): a document has a few "
            "thousand, and an alias (*name) counts its values each time it is used; is this one document?")
