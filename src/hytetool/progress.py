"""The progress bar of `hyte extract`: files done, and the PDF page being read.

Drawn on stderr only when it is a terminal and -q is not given, so logs and pipes stay
clean. Events come from the main thread and from the thread that relays the workers'
page events; rich's Progress locks its own state. It refreshes on events, not from a
timer thread of its own: the worker processes are forked while only one thread runs
(see parallel.py).
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

# Redraw at most this often (seconds): a page event comes every few milliseconds.
REFRESH_SECONDS = 0.1


class ExtractProgress:
    """One bar over the files of a run; the description names the last page read."""

    def __init__(self, console: Console) -> None:
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=console, transient=True, auto_refresh=False)
        self._task: TaskID | None = None
        self._drawn = 0.0

    def __enter__(self) -> ExtractProgress:
        self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._bar.stop()

    def start(self, total: int) -> None:
        self._task = self._bar.add_task("hyte extract", total=total)
        self._refresh(force=True)

    def page(self, name: str, number: int, total: int) -> None:
        if self._task is not None:
            self._bar.update(self._task, description=f"{name} p. {number}/{total}")
            self._refresh()

    def file_done(self, name: str) -> None:
        if self._task is not None:
            self._bar.update(self._task, advance=1, description=name)
            self._refresh(force=True)

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._drawn >= REFRESH_SECONDS:
            self._drawn = now
            self._bar.refresh()
