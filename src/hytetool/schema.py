"""The JSON Schema of hyte/v1, generated from the Pydantic models.

Editors (VS Code with the YAML extension, JetBrains) read it through the
`# yaml-language-server: $schema=` line at the top of every normalized file.
"""

from __future__ import annotations

import json
from pathlib import Path

from hytetool.model import Document
from hytetool.paths import PACKAGE_DIR, SCHEMA_FILE_NAME
from hytetool.yamlio import atomic_write_text

# The package's own copy, written only from a source checkout (see write_json_schema).
PACKAGED_SCHEMA = PACKAGE_DIR / "data" / SCHEMA_FILE_NAME


def json_schema_text() -> str:
    schema = Document.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hytetool normalized document (hyte/v1)"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_json_schema(path: Path) -> Path:
    """Write the schema to `path`; written into this project's own `schema/` (a source
    checkout), it also keeps the packaged copy in step. An installed package is never
    written to."""
    text = json_schema_text()
    atomic_write_text(path, text)
    checkout_schema = PACKAGED_SCHEMA.parents[3] / "schema" / SCHEMA_FILE_NAME if len(PACKAGED_SCHEMA.parents) > 3 else None
    if checkout_schema is not None and path.resolve() == checkout_schema.resolve():
        atomic_write_text(PACKAGED_SCHEMA, text)
    return path
