"""Checking normalized YAML files and saying, in plain words, where each problem is.

An analyst edits these files by hand in an editor, so every problem is reported as
`file:line:col: field.path: message`: editors and CI logs turn that into a link to the
exact spot. Pydantic says *what* is wrong by field path (`loc`); the ruamel round-trip
tree still knows where every key and value was in the file, so the two are joined here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from hytetool.corpus import yaml_files
from hytetool.model import Document
from hytetool.inputs import path_problem
from hytetool.similarity import closest_name
from hytetool.validate_messages import Loc, message
from hytetool.yamlguard import YamlFileError, YamlLimitError, read_yaml_file
from hytetool.yamlio import read_document_data, read_yaml_text

SYNTAX = "(yaml syntax)"
ROOT = "(document)"
FILE = "(file)"
LIMIT = "(limits)"  # beyond a bound of hytetool.limits (yamlguard.py)

# Where the ids of each kind live, as the model's _ids_by_kind counts them.
ID_LISTS: dict[str, tuple[str, ...]] = {
    "goal": ("goals",),
    "objective": ("goals", "objectives"),
    "priority": ("goals", "priorities"),
    "outcome": ("goals", "outcomes"),
    "action": ("goals", "actions"),
    "kpi table": ("kpi_tables",),
}
DUPLICATE_RE = re.compile(r"^duplicate (?P<kind>.+) id '(?P<id>.*)'$")
OBJECTIVE_REF_RE = re.compile(r"^action '(?P<action>.*)' names objective '(?P<objective>.*)',")
DUPLICATE_KEY_RE = re.compile(r'found duplicate key "(?P<key>.*?)" with value')
SDG_RE = re.compile(r"^unknown SDG number (?P<number>-?\d+);")
PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place; str() is the line the CLI prints."""

    file: str
    line: int  # 1-based
    col: int  # 1-based
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.field}: {self.message}"


@dataclass
class ValidationReport:
    """What `hyte validate` prints: every problem, then one summary line."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def files_with_problems(self) -> int:
        return len({p.file for p in self.problems})

    def summary(self) -> str:
        total = len(self.files)
        if not self.problems:
            return "no YAML files to check" if total == 0 else f"{_count(total, 'file')} valid"
        return (
            f"{_count(len(self.problems), 'problem')} in {self.files_with_problems}"
            f" of {_count(max(total, self.files_with_problems), 'file')}"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# ---------------------------------------------------------------- files


def validate_paths(paths: Sequence[Path]) -> ValidationReport:
    """Validate files and folders; a path that does not exist is itself a problem."""
    report = ValidationReport()
    for path in paths:
        if path.is_dir():
            report.files.extend(yaml_files(path))
        else:
            report.files.append(path)
    for path in report.files:
        report.problems.extend(validate_file(path))
    return report


def validate_file(path: Path) -> list[Problem]:
    """Problems of one file, including not being there or not being UTF-8 text."""
    name = str(path)
    if (problem := path_problem(path)) is not None or path.is_dir():  # a FIFO or a device would block
        return [Problem(name, 1, 1, FILE, problem.removeprefix(f"{path}: ") if problem else "a folder")]
    try:
        text = read_yaml_file(path)
    except YamlFileError as exc:  # not UTF-8, or over the size limit
        return [Problem(name, exc.line, exc.column, FILE, exc.reason)]
    except OSError as exc:
        return [Problem(name, 1, 1, FILE, f"cannot be read: {exc.strerror or exc}")]
    return validate_text(text, name)


def validate_text(text: str, name: str) -> list[Problem]:
    """Problems of one document's text, sorted by position; `name` is what gets printed."""
    if read_document_data(text) is not None:
        return []  # valid: the fast reading is enough; positions are needed only for problems
    try:
        tree = read_yaml_text(text)
    except YAMLError as exc:
        return [_syntax_problem(name, text, exc)]
    except YamlLimitError as exc:
        return [Problem(name, exc.line or 1, 1, LIMIT, str(exc).split(": ", 1)[-1] if exc.line else str(exc))]
    try:
        Document.model_validate(tree)
    except ValidationError as exc:
        return sorted(_problem(name, tree, error) for error in exc.errors())
    return []


# ---------------------------------------------------------------- YAML syntax


def _syntax_problem(name: str, text: str, exc: YAMLError) -> Problem:
    """A parse error at the mark ruamel gives (0-based there, 1-based here)."""
    if isinstance(exc, MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return Problem(name, mark.line + 1, mark.column + 1, SYNTAX, _syntax_message(exc))
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return Problem(name, line, col, SYNTAX, f"character #x{exc.character:04x} is not allowed in YAML")
    return Problem(name, 1, 1, SYNTAX, str(exc).splitlines()[0])


def _syntax_message(exc: MarkedYAMLError) -> str:
    """ruamel's problem text plus where the construct it was reading started."""
    started = f" on line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
    if isinstance(exc, DuplicateKeyError) and (m := DUPLICATE_KEY_RE.search(exc.problem or "")):
        return f"key '{m['key']}' appears twice in the mapping that starts{started}; keep one"
    problem = exc.problem or "cannot be parsed"
    hint = SYNTAX_HINTS.get(problem, "")
    if exc.context:
        return f"{problem} ({exc.context} started{started}){hint}"
    return problem + hint


SYNTAX_HINTS = {  # the usual hand-edit slips behind ruamel's terse messages
    "mapping values are not allowed here": "; put text that contains ': ' in quotes",
}


# ---------------------------------------------------------------- pydantic errors


def _problem(name: str, tree: Any, error: ErrorDetails) -> Problem:
    """Turn one pydantic error into a placed problem."""
    loc: Loc = tuple(error["loc"])
    if error["type"] == "value_error":
        text = str((error.get("ctx") or {}).get("error", error["msg"]))
        if (m := DUPLICATE_RE.match(text)) and m["kind"] in ID_LISTS:
            return _duplicate_problem(name, tree, m["kind"], m["id"], text)
        if m := OBJECTIVE_REF_RE.match(text):
            return _objective_ref_problem(name, tree, loc, m["action"], m["objective"], text)
        if m := SDG_RE.match(text):  # the validator sees the whole list; point at the item
            loc = _item_loc(tree, loc, int(m["number"]))
    at_key = error["type"] == "extra_forbidden" or loc[-1:] == ("[key]",)
    loc = tuple(part for part in loc if part != "[key]")
    if error["type"] == "missing":  # point at the mapping that lacks the field
        loc, at_key = loc[:-1], False
    line, col = position(tree, loc, at_key=at_key)
    return Problem(name, line, col, field_path(loc), message(error, tuple(error["loc"])))


def position(tree: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
    """1-based line and column of the node at `loc`: its value, or its key if asked.

    Walks as far as the YAML goes; an empty value points at its key, since ruamel puts
    the mark of a missing value at the start of the next line.
    """
    lc = getattr(tree, "lc", None)
    line, col = (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)
    node = tree
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        if isinstance(node, dict) and part in node:
            child = node[part]
            use_key = (at_key and last) or child is None
            line, col = node.lc.key(part) if use_key else node.lc.value(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            child = node[part]
            line, col = node.lc.item(part)
        else:
            break
        node = child
    return line + 1, col + 1


def field_path(loc: Loc) -> str:
    """('goals', 0, 'actions', 3, 'sdg', 0) -> 'goals[0].actions[3].sdg[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif PLAIN_KEY_RE.match(part):
            out += f".{part}" if out else part
        else:
            out += f"['{part}']"
    return out or ROOT


# ---------------------------------------------------------------- cross-references


def _duplicate_problem(name: str, tree: Any, kind: str, ident: str, text: str) -> Problem:
    """A repeated id is reported at the second item's `id`, naming the first's line."""
    where = [loc for loc, item in _items(tree, ID_LISTS[kind]) if _get(item, "id") == ident]
    if len(where) < 2:
        return Problem(name, 1, 1, ROOT, text)
    first_line, _ = position(tree, (*where[0], "id"), at_key=True)
    line, col = position(tree, (*where[1], "id"), at_key=True)
    msg = f"{text} (first used on line {first_line}); ids must be unique within a document"
    return Problem(name, line, col, field_path((*where[1], "id")), msg)


def _objective_ref_problem(
    name: str, tree: Any, goal_loc: Loc, action: str, objective: str, text: str
) -> Problem:
    """An action naming a missing objective is reported at its `objective` value."""
    goal = _walk(tree, goal_loc)
    actions = _get(goal, "actions") or []
    for j, item in enumerate(actions):
        if _get(item, "id") == action and _get(item, "objective") == objective:
            loc = (*goal_loc, "actions", j, "objective")
            line, col = position(tree, loc)
            return Problem(name, line, col, field_path(loc), text + _objective_hint(goal, objective))
    line, col = position(tree, goal_loc)
    return Problem(name, line, col, field_path(goal_loc), text)


def _objective_hint(goal: Any, objective: str) -> str:
    known = [str(_get(o, "id")) for o in _get(goal, "objectives") or []]
    if not known:
        return "; the goal has no objectives"
    close = closest_name(objective, known)
    return f"; did you mean '{close}'?" if close else f"; its objectives are {', '.join(known)}"


def _items(node: Any, keys: tuple[str, ...], loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every item of nested lists, e.g. ('goals', 'actions') -> each action with its loc."""
    if not keys:
        yield loc, node
        return
    for i, item in enumerate(_get(node, keys[0]) or []):
        yield from _items(item, keys[1:], (*loc, keys[0], i))


def _item_loc(tree: Any, loc: Loc, value: Any) -> Loc:
    """The loc of the first list item equal to `value`, or `loc` itself."""
    try:
        node = _walk(tree, loc)
    except (KeyError, IndexError, TypeError):
        return loc
    if isinstance(node, list) and value in node:
        return (*loc, node.index(value))
    return loc


def _walk(tree: Any, loc: Loc) -> Any:
    node = tree
    for part in loc:
        node = node[part]
    return node


def _get(node: Any, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None
