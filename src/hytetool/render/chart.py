"""The summary chart: actions by status per strategic goal, as a PNG.

Matplotlib writes the same bytes for the same data when the PNG carries no software
or date metadata, which keeps reports diffable in CI.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display: CI and servers
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Okabe-Ito colours, told apart with every common colour-vision deficiency, and a hatch
# per status so the bars read in greyscale print too (WCAG 1.4.1: not by colour alone).
STATUS_COLOURS = {"done": "#0072B2", "partial": "#56B4E9", "in_progress": "#E69F00", "not_done": "#D55E00",
                  "unknown": "#BBBBBB"}
STATUS_HATCHES = {"done": "", "partial": "\\\\", "in_progress": "//", "not_done": "xx", "unknown": ".."}
CHART_SIZE_INCHES = (8.0, 3.6)
CHART_DPI = 150  # sharp enough in print, small enough to keep the .docx light
LABEL_WRAP = 22  # characters per line in goal names on the axis


def status_chart(goals: list[str], series: dict[str, list[int]], labels: dict[str, str]) -> bytes:
    figure, axes = plt.subplots(figsize=CHART_SIZE_INCHES)
    try:
        left = [0] * len(goals)
        positions = list(range(len(goals)))[::-1]
        for status, counts in series.items():
            axes.barh(positions, counts, left=left, color=STATUS_COLOURS[status], hatch=STATUS_HATCHES[status],
                      edgecolor="white", label=f"{labels[f'symbol_{status}']} {labels[f'status_{status}']}")
            left = [a + b for a, b in zip(left, counts)]
        axes.set_yticks(positions, ["\n".join(textwrap.wrap(g, LABEL_WRAP)) or g for g in goals])
        axes.set_xlabel(labels["count"])
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # actions are counted, not measured
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=len(series), fontsize="small",
                    frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI, metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(figure)
