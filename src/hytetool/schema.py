"""The JSON Schema of hyte/v1, generated from the Pydantic models.

Editors (VS Code with the YAML extension, JetBrains) read it through the
`# yaml-language-server: $schema=` line at the top of every normalized file.
"""

from __future__ import annotations

import json
from pathlib import Path

from hytetool.model import Document
from hytetool.paths import PACKAGED_SCHEMA
from hytetool.yamlio import atomic_write_text


def json_schema_text() -> str:
    schema = Document.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hytetool normalized document (hyte/v1)"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_json_schema(path: Path) -> Path:
    """Write the schema to `path` and keep the packaged copy in step."""
    text = json_schema_text()
    atomic_write_text(path, text)
    if PACKAGED_SCHEMA.parent.is_dir() and path.resolve() != PACKAGED_SCHEMA.resolve():
        atomic_write_text(PACKAGED_SCHEMA, text)
    return path
