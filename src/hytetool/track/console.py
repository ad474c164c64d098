"""Terminal tables (rich) for `hyte diff`, `hyte status` and `hyte track`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from hytetool.track.diff import ActionState, Diff, status_text
from hytetool.track.overview import STATUS_ORDER, StatusOverview
from hytetool.track.workspace import TrackResult

CHANGE_STYLE = {"continued": "cyan", "new": "green", "dropped": "red"}
STATUS_STYLE = {"done": "green", "partial": "bright_green", "in_progress": "yellow", "not_done": "red", "unknown": "dim"}


def _state(state: ActionState | None) -> str:
    if state is None:
        return ""
    style = STATUS_STYLE[state.status.value]
    outcome = escape(state.outcome) if state.outcome else "[dim]–[/dim]"
    return f"{outcome}\n[{style}]{status_text(state.status)}[/{style}]"


def print_diff(console: Console, d: Diff) -> None:
    counts = d.counts()
    table = Table(title=f"hyte diff {d.before} → {d.after}", show_lines=True)
    for column in ("goal", "sector", "change", "action", f"before ({d.before})", f"after ({d.after})"):
        table.add_column(column, overflow="fold")
    for g in d.groups:
        sector = escape(g.sector or "–")
        if g.sector_absent_after:
            sector += f"\n[dim](none in {d.after})[/dim]"
        if g.sector_absent_before:
            sector += f"\n[dim](none in {d.before})[/dim]"
        for i, c in enumerate(g.changes):
            style = CHANGE_STYLE[c.change]
            table.add_row(escape(g.goal) if i == 0 else "", sector if i == 0 else "",
                          f"[{style}]{c.change}[/{style}]", escape(c.text), _state(c.before), _state(c.after))
    console.print(table)
    console.print(f"{counts['continued']} continued, {counts['new']} new, {counts['dropped']} dropped"
                  f" ({len(d.before_documents)} → {len(d.after_documents)} documents)", highlight=False)


def print_status(console: Console, overview: StatusOverview) -> None:
    """One table per period (so that a goal or sector name fits on a line in 80 columns)."""
    periods: dict[str, list] = {}
    for row in overview.rows:
        periods.setdefault(row.period, []).append(row)
    for period, rows in periods.items():
        table = Table(title=f"hyte status: {period}", title_justify="left")
        table.add_column(overview.by)
        for status in STATUS_ORDER:
            table.add_column(status.value.replace("_", " "), justify="right")
        table.add_column("total", justify="right")
        for row in rows:
            cells = [f"{row.counts[s]} ({row.share(s):.0%})" for s in STATUS_ORDER]
            if row.group:
                table.add_row(escape(row.group), *cells, str(row.total))
            else:
                table.add_row("[bold]total[/bold]", *[f"[bold]{c}[/bold]" for c in cells],
                              f"[bold]{row.total}[/bold]", end_section=True)
        console.print(table)


def print_track(console: Console, result: TrackResult) -> None:
    table = Table(title="hyte track")
    for column in ("records", "count", "shared ids"):
        table.add_column(column, justify="left" if column == "records" else "right")
    table.add_row("objectives", str(result.objectives), str(result.objective_ids))
    table.add_row("actions", str(result.actions), str(result.action_ids))
    console.print(table)
    state = "wrote" if result.written else "unchanged"
    console.print(f"{state} {result.path}: {result.linked} shared ids link records of more than one document;"
                  f" {result.new} records placed by the matcher", highlight=False)
