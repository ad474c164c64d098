"""Where hytetool looks and writes by default: the one list of default paths.

Relative paths are taken from the root of a hytetool workspace (the folder holding
hyte-profile.yaml, found upwards by workspace.py); every command takes other paths as
arguments and options.
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
EXPORTS_DIR = Path("build/export")  # `hyte export` in the examples and `make demo`
INSPECT_DIR = Path("build/inspect")  # `hyte inspect`'s pictures
CACHE_DIR = Path(".hyte-cache")  # `hyte extract`'s cache

# Shipped inside the package: read through resources.py (importlib.resources), so an
# installed wheel finds them; PACKAGE_DIR only fingerprints the code for the cache.
PACKAGE_DIR = Path(__file__).resolve().parent
VOCABULARY_RESOURCE = "data/vocabulary.yaml"
