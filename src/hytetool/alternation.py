"""A regex alternation of many words that only tries, at a word start, the words of its letter.

The vocabulary matches ~100 column headings as one alternation `(?P<t0>\\bterm0)|…`
(vocabulary.py). Python's `re` tries every branch at every character of the text, in
order: 150 µs a line, the largest part of hyte's own work on a PDF page. Written as
`\\b(?:(?=[tT])(?:(?P<t0>…)|(?P<t5>…))|(?=[vV])(?:…)|…)` the word boundary is tried
once per place and, at a word start, only the branches of its first letter: about
thirty times faster, and the same branch wins everywhere (see first_letter_alternation).
Kept apart from vocabulary.py, which holds what the words are, not how they are matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache


def first_letter_alternation(firsts: Sequence[frozenset[str] | None], bodies: Sequence[str]) -> str:
    """`\\b(?:(?P<t0>body0)|(?P<t1>body1)|…)`, matching exactly what the plain alternation
    `(?P<t0>\\bbody0)|(?P<t1>\\bbody1)|…` matches under re.I, group for group.

    `firsts[i]` are the characters a match of `bodies[i]` can start with (None: unknown).
    The branches are grouped by those characters behind a lookahead on them. Letters that
    match each other case-insensitively ("K", "k", the Kelvin sign) go into one group, so
    no two groups can match at the same place, and within a group the branches keep their
    order: the first branch that matches is the plain alternation's first."""
    if any(chars is None for chars in firsts):  # a term without words: no dispatch possible
        return r"\b(?:" + "|".join(f"(?P<t{i}>{body})" for i, body in enumerate(bodies)) + ")"
    letters = sorted(set().union(*firsts))  # type: ignore[arg-type] # None ruled out above
    parent = {c: c for c in letters}  # union-find: the letters one group must hold together

    def root(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    pairs = [(a, b) for i, a in enumerate(letters) for b in letters[i + 1:] if _same_letter(a, b)]
    pairs += [(min(chars), c) for chars in firsts if chars for c in chars]  # a year starts with 1 or 2
    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[int]] = {}  # each group's branches in their order
    for index, chars in enumerate(firsts):
        groups.setdefault(root(min(chars)), []).append(index)  # type: ignore[type-var]
    branches = ("(?=[" + "".join(re.escape(c) for c in letters if root(c) == key) + "])(?:"
                + "|".join(f"(?P<t{i}>{bodies[i]})" for i in indices) + ")" for key, indices in groups.items())
    return r"\b(?:" + "|".join(branches) + ")"


@cache
def _same_letter(a: str, b: str) -> bool:
    """Whether two characters match each other under re.I ("K" and "k", "K" and "\u212a")."""
    return bool(re.fullmatch(re.escape(a), b, re.I) or re.fullmatch(re.escape(b), a, re.I))
