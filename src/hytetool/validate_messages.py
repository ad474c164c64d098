"""What each schema error says, in plain words an analyst can act on.

Pydantic names an error by type ("int_parsing", "extra_forbidden", ...) and field path;
`message` turns it into a sentence with the fix where there is one ("expected a whole
number, got the text 'x'", "unknown field 'objectve'; did you mean 'objective'?"). For
unknown fields the model class at the error's path is looked up, so the suggestion
comes from the fields allowed at that very place. validate.py places each message at
its line and column.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from hytetool.model import SHA256_PATTERN, SLUG_PATTERN, Document
from hytetool.similarity import closest_name

Loc = tuple[int | str, ...]


def message(error: ErrorDetails, loc: Loc) -> str:
    """Plain words for a pydantic error: what is wrong and, where possible, the fix."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in SIMPLE_MESSAGES:
        try:
            return SIMPLE_MESSAGES[kind].format_map({**ctx, "got": describe(value)})
        except KeyError:  # a pydantic version with other context keys: fall through
            pass
    if kind == "missing":
        return f"missing required field '{loc[-1]}'"
    if kind == "extra_forbidden":
        return _unknown_key_message(loc)
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, (int, float)) else ""
        return f"expected text, got {describe(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(value, ctx.get("pattern", ""))
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    msg = error["msg"]
    return msg[:1].lower() + msg[1:]


SIMPLE_MESSAGES = {
    "int_type": "expected a whole number, got {got}",
    "int_parsing": "expected a whole number, got {got}",
    "int_from_float": "expected a whole number, got {got}",
    "float_type": "expected a number, got {got}",
    "float_parsing": "expected a number, got {got}",
    "bool_type": "expected true or false, got {got}",
    "bool_parsing": "expected true or false, got {got}",
    "list_type": "expected a list, got {got}",
    "dict_type": "expected a mapping (key: value lines), got {got}",
    "model_type": "expected a mapping (key: value lines), got {got}",
    "model_attributes_type": "expected a mapping (key: value lines), got {got}",
    "enum": "{got} is not allowed here; use one of {expected}",
    "literal_error": "{got} is not allowed here; use {expected}",
    "too_short": "needs at least {min_length} items, got {actual_length}",
    "too_long": "allows at most {max_length} items, got {actual_length}",
    "string_too_long": "is longer than {max_length} characters",
    "greater_than_equal": "must be {ge} or more, got {got}",
    "less_than_equal": "must be {le} or less, got {got}",
}


def describe(value: Any) -> str:
    """A value as a reader would name it: 'the number 3', 'the text 'x'', 'a list'."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _pattern_message(value: Any, pattern: str) -> str:
    if pattern == SLUG_PATTERN:
        return (
            f"'{value}' is not a valid id; use lowercase letters a-z, digits and single"
            " hyphens, e.g. 'hyvinvoivat-asukkaat'"
        )
    if pattern == SHA256_PATTERN:
        return f"'{value}' is not a sha256 checksum; expected 64 characters 0-9 and a-f"
    return f"'{value}' does not have the expected form ({pattern})"


def _unknown_key_message(loc: Loc) -> str:
    """Unknown field, with the closest allowed name as a suggestion for a typo."""
    key, allowed = str(loc[-1]), field_names(model_at(loc[:-1]))
    if not allowed:
        return f"unknown field '{key}'"
    if close := closest_name(key, allowed):
        return f"unknown field '{key}'; did you mean '{close}'?"
    return f"unknown field '{key}'; allowed fields here: {', '.join(allowed)}"


# ---------------------------------------------------------------- models by path


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class whose mapping sits at `loc` (Document at the root)."""
    model: type[BaseModel] | None = Document
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = _field_info(model, part)
        model = _inner_model(info.annotation) if info is not None else None
    return model


def field_names(model: type[BaseModel] | None) -> list[str]:
    """Names a YAML file may use for this model: aliases where they exist."""
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _field_info(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `list[X]`, `X | None`, ...; None for plain values."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if (found := _inner_model(arg)) is not None:
            return found
    return None
