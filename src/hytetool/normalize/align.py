"""Assigning the paragraphs of a column-wise exported column to table rows.

When a table is exported column after column, the n-th paragraph of each column is
usually the n-th row. When a column has more paragraphs than the table has rows (a
cell held two paragraphs), consecutive paragraphs are grouped so that each group reads
most like its row's other cells. Similarity is the share of shared word stems
(similarity.stem_overlap), which survives Finnish inflection ("liikuntahallin" ~ "Liikunnan").
"""

from __future__ import annotations

from hytetool.similarity import stem_overlap, stems


def rarity_weights(rows: list[str]) -> dict[str, float]:
    """A stem found in every row ("käytt", "palvel") tells rows apart less than a rare one."""
    counts: dict[str, int] = {}
    for row in rows:
        for stem in stems(row):
            counts[stem] = counts.get(stem, 0) + 1
    return {stem: 1.0 / n for stem, n in counts.items()}


def group_paragraphs(paragraphs: list[str], rows: list[str]) -> list[list[int]]:
    """Split paragraph indices into len(rows) consecutive, non-empty groups.

    Requires len(paragraphs) >= len(rows). Dynamic programming over the cut points,
    maximising the summed similarity of each paragraph to the row it lands in.
    """
    n, m = len(paragraphs), len(rows)
    if m == 0:
        return []
    if n == m:
        return [[i] for i in range(n)]
    weight = rarity_weights(rows)
    score = [[stem_overlap(p, r, weight) for r in rows] for p in paragraphs]
    neg = float("-inf")
    # best[i][j]: best total for the first i paragraphs placed in the first j rows
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    cut = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        for i in range(j, n - (m - j) + 1):
            for k in range(j - 1, i):  # paragraphs k..i-1 form row j-1
                if best[k][j - 1] == neg:
                    continue
                total = best[k][j - 1] + sum(score[p][j - 1] for p in range(k, i))
                if total > best[i][j]:
                    best[i][j], cut[i][j] = total, k
    groups: list[list[int]] = []
    i = n
    for j in range(m, 0, -1):
        k = cut[i][j]
        groups.append(list(range(k, i)))
        i = k
    return list(reversed(groups))


def place_paragraphs(paragraphs: list[str], rows: list[str]) -> list[int | None]:
    """For fewer paragraphs than rows: the row each paragraph belongs to, in order.

    Monotone assignment (paragraph order kept) maximising similarity; rows left
    without a paragraph simply have an empty cell.
    """
    n, m = len(paragraphs), len(rows)
    if n >= m:
        return list(range(n))[:m] + [None] * max(0, n - m)
    weight = rarity_weights(rows)
    score = [[stem_overlap(p, r, weight) for r in rows] for p in paragraphs]
    neg = float("-inf")
    # best[i][j]: best total placing the first i paragraphs within the first j rows
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    took = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1]
            take = best[i - 1][j - 1] + score[i - 1][j - 1]
            best[i][j], took[i][j] = (take, True) if take >= skip else (skip, False)
    placed: list[int | None] = [None] * n
    i, j = n, m
    while i > 0:
        if took[i][j]:
            placed[i - 1] = j - 1
            i -= 1
        j -= 1
    return placed
