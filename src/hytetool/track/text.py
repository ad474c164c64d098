"""Keys by which `hyte track` groups records: strategic goals and sectors.

How alike two texts are, and the matcher's thresholds, live in hytetool/similarity.py.
"""

from __future__ import annotations

from functools import lru_cache

# goal_key and sector_key are asked for every comparison the matcher makes (half a
# million times for a year of 300 municipalities) about a few hundred distinct names.
KEY_CACHE_SIZE = 4096


@lru_cache(maxsize=KEY_CACHE_SIZE)
def goal_key(name: str) -> str:
    """Strategic goals are compared casefolded with whitespace collapsed."""
    return " ".join(name.casefold().split())


@lru_cache(maxsize=KEY_CACHE_SIZE)
def sector_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())

