"""Which column each printed number belongs to, and which row each row belongs under.

A row printed with fewer numbers than columns ("Oys:n ostot  4000 995  1 990") leaves
one extra space where each empty cell stood. The readings that agree with those
spaces are kept; among them, evidence decides: the sub-rows' sums ("Kotihoito" is the
sum of its "käynnit" rows) and the half-year relation (a TP-ENNUSTE is about twice a
TOTEUMA 1-6). When readings stay tied, only the cells they agree on are filled and the
row is flagged uncertain: a number is never put in a column it may not belong to.

A block of labels followed by their numbers one per line was exported column after
column: k labels and, per column, k-1 numbers (the first label is the group's title)
or k numbers where the first or last is the sum of the others (a total).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from hytetool.kpi_columns import column_period
from hytetool.numbers import split_numbers

# A parent's figure matches its sub-rows' sum within this share (KUNTOUTUS 4 640 is
# printed for sub-rows summing to 4 636; Kotihoito's forecast 214 316 for 214 360).
SUM_TOLERANCE = 0.01
# A forecast matches the half-year actual scaled to a year within this share: writers
# double the half-year and round (Oys:n ostot 995 -> 1 990; visitors 261 844 -> 538 500).
HALF_YEAR_TOLERANCE = 0.05
# Constraint sets tried in turn when no reading fits every empty-cell cue: all cues,
# then without the line end (PDF exports keep trailing spaces irregularly), then only
# the space before the first number, then none. Any relaxation flags the row.
RELAXATIONS = ("all", "no_trailing", "leading_only", "none")

Evidence = Callable[[dict[int, float | None]], int]


def gaps(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Extra spaces before, between and after the values: each may be an empty cell.

    Between two lines the previous line's trailing spaces (one is the usual line end)
    and the next line's leading spaces add up.
    """
    out = [len(text[: spans[0][0]]) - len(text[: spans[0][0]].lstrip(" "))]
    for (_, end), (start, _) in zip(spans, spans[1:]):
        out.append(_extra(text[end:start]))
    out.append(max(len(text[spans[-1][1] :]) - 1, 0))
    return out


def _extra(between: str) -> int:
    if "\n" in between:
        before, after = between.split("\n", 1)
        return max(len(before) - 1, 0) + len(after.replace("\n", ""))
    return max(len(between) - 1, 0)


@dataclass
class Placement:
    cells: list[float | None]  # one per column; None where empty or unsure
    uncertain: bool
    relaxed: int  # index into RELAXATIONS of the constraints that had to be dropped
    evidence: int  # the winning readings' evidence (sums, half-year relation)


def place(
    values: Sequence[float | None], slot_max: Sequence[int] | None, count: int, evidence: Evidence
) -> Placement:
    """Put `values` (in order) into `count` columns: the readings that fit the empty-cell
    cues, best evidence first; cells the best readings disagree on stay None."""
    k = len(values)
    if k > count:
        return Placement([None] * count, True, len(RELAXATIONS), 0)
    combos = list(combinations(range(count), k))
    fitting: list[tuple[int, ...]] = []
    relaxed = 0
    for relaxed, mode in enumerate(RELAXATIONS):
        fitting = [c for c in combos if k == count or slot_max is None or _fits(c, count, slot_max, mode)]
        if fitting:
            break
    scored = [((evidence({col: values[i] for i, col in enumerate(c)}), _cues_used(c, count, slot_max)), c)
              for c in fitting]
    best = max(score for score, _ in scored)
    winners = [c for score, c in scored if score == best]
    cells: list[float | None] = []
    for col in range(count):
        seen = {values[c.index(col)] if col in c else None for c in winners}
        cells.append(seen.pop() if len(seen) == 1 else None)
    return Placement(cells, relaxed > 0 or len(winners) > 1, relaxed, best[0])


def _cues_used(combo: tuple[int, ...], count: int, slot_max: Sequence[int] | None) -> int:
    """How many of the extra spaces the reading explains as empty cells: a tie-breaker,
    since a space that marks nothing is possible but less likely than one that does."""
    if slot_max is None:
        return 0
    return sum(min(e, m) for e, m in zip(_empties(combo, count), slot_max))


def _empties(combo: tuple[int, ...], count: int) -> list[int]:
    return [combo[0]] + [b - a - 1 for a, b in zip(combo, combo[1:])] + [count - 1 - combo[-1]]


def _fits(combo: tuple[int, ...], count: int, slot_max: Sequence[int], mode: str) -> bool:
    empties = _empties(combo, count)
    limits = list(slot_max)
    if mode == "no_trailing":
        limits[-1] = count
    elif mode == "leading_only":
        limits = [limits[0]] + [count] * (len(limits) - 1)
    elif mode == "none":
        return True
    return all(e <= m for e, m in zip(empties, limits))


def make_evidence(columns: list[str], child_sums: list[float | None]) -> Evidence:
    """Score a reading: +1 per cell matching its sub-rows' sum, -1 per cell contradicting
    it, +1 when the forecast is about the half-year actual scaled to a year."""
    pairs = half_year_pairs(columns)

    def score(cells: dict[int, float | None]) -> int:
        total = 0
        for col, value in cells.items():
            expected = child_sums[col] if col < len(child_sums) else None
            if expected is not None and value is not None:
                total += 1 if close(value, expected, SUM_TOLERANCE) else -1
        for actual, forecast, scale in pairs:
            a, f = cells.get(actual), cells.get(forecast)
            if a and f and close(f, a * scale, HALF_YEAR_TOLERANCE):
                total += 1
        return total

    return score


def half_year_pairs(columns: list[str]) -> list[tuple[int, int, float]]:
    """(part-year actual column, forecast column of the same year, scale to a year)."""
    periods = [column_period(c) for c in columns]
    out = []
    for a, pa in enumerate(periods):
        if pa is None or pa.kind != "actual" or pa.whole_year:
            continue
        for f, pf in enumerate(periods):
            if pf is not None and pf.kind == "forecast" and pf.year == pa.year:
                out.append((a, f, pa.year_scale))
    return out


def close(value: float, target: float, share: float) -> bool:
    return abs(value - target) <= share * max(abs(target), 1.0)


# ------------------------------------------------------------------ stacked blocks


def stacked_groups(
    numbers: list[float | None], k: int, count: int
) -> tuple[list[list[float | None]], bool, bool] | None:
    """Cut numbers exported column after column into per-column groups of k values.

    Each group is [title row value, sub-row values...]: k-1 numbers (the title row has
    none in that column) or k numbers whose first or last is the sum of the others.
    Failing that, k numbers per column with no sums (k sibling rows). Returns the groups,
    whether another cut was as good, and whether the first label titles the others;
    None when no cut fits.
    """
    if k < 2:
        return None
    found: list[list[list[float | None]]] = []

    def walk(at: int, groups: list[list[float | None]]) -> None:
        if len(groups) > count:
            return
        if at == len(numbers):
            found.append(groups)
            return
        if at + k - 1 <= len(numbers):
            walk(at + k - 1, [*groups, [None, *numbers[at : at + k - 1]]])
        if at + k <= len(numbers):
            chunk = numbers[at : at + k]
            if _sums(chunk[0], chunk[1:]):
                walk(at + k, [*groups, chunk])
            if _sums(chunk[-1], chunk[:-1]):
                walk(at + k, [*groups, [chunk[-1], *chunk[:-1]]])

    walk(0, [])
    if found:
        totals = [sum(g[0] is not None for g in parse) for parse in found]
        best = [p for p, t in zip(found, totals) if t == max(totals)]
        return best[0], len(best) > 1, True
    if len(numbers) % k == 0 and len(numbers) // k <= count:
        return [numbers[i : i + k] for i in range(0, len(numbers), k)], False, False
    return None


def _sums(total: float | None, parts: Sequence[float | None]) -> bool:
    if total is None or any(p is None for p in parts):
        return False
    return close(sum(p for p in parts if p is not None), total, SUM_TOLERANCE) and total != 0


def group_evidence(columns: list[str], groups: list[list[float | None]]) -> Evidence:
    """Half-year relation between whole column groups (sums of their sub-rows)."""
    pairs = half_year_pairs(columns)
    sums = [sum(v for v in g[1:] if v is not None) for g in groups]

    def score(cells: dict[int, float | None]) -> int:
        total = 0
        for actual, forecast, scale in pairs:
            a, f = cells.get(actual), cells.get(forecast)
            if a is not None and f is not None and sums[int(a)] and close(sums[int(f)], sums[int(a)] * scale,
                                                                          HALF_YEAR_TOLERANCE):
                total += 1
        return total

    return score


def one_number(text: str) -> float | None | str:
    """The single number of a line in a stacked block, or 'bad' when it holds more."""
    found = split_numbers(text, 1)
    return found[0].values[0] if found and not found[0].uncertain else "bad"
