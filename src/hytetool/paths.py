"""Where hytetool looks and writes by default: the one list of default paths.

Relative paths are taken from the current folder, the root of a hytetool workspace
(`make demo` and the sample data use this layout); every command takes other paths
as arguments and options. Files shipped inside the package are found beside this module.
"""

from __future__ import annotations

from pathlib import Path

# A workspace's layout.
RAW_DIR = Path("data/raw")  # source documents for `hyte extract`
NORMALIZED_DIR = Path("data/normalized")  # one YAML per document; input of every later command
PROFILE_NAME = "hyte-profile.yaml"  # the municipality's profile at the workspace root
PROFILE_PATH = Path(PROFILE_NAME)
SCHEMA_FILE_NAME = "hyte-v1.schema.json"
SCHEMA_PATH = Path("schema") / SCHEMA_FILE_NAME  # `hyte schema`; the YAML headers point editors here
REGISTRY_NAME = "registry.yaml"  # `hyte track`'s shared ids, beside the documents
REPORTS_DIR = Path("build/reports")  # `hyte render`
INSPECT_DIR = Path("build/inspect")  # `hyte inspect`'s pictures
CACHE_DIR = Path(".hyte-cache")  # `hyte extract`'s cache

# Shipped inside the package.
PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGED_SCHEMA = PACKAGE_DIR / "data" / SCHEMA_FILE_NAME
VOCABULARY_RESOURCE = "data/vocabulary.yaml"  # read with importlib.resources (works from a wheel)
TEMPLATE_DIR = PACKAGE_DIR / "templates"
