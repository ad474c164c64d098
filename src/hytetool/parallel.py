"""Per-file work in worker processes, results handed back in input order.

Reading a file is CPU-bound (pdfium's C++ and hytetool's own Python), so threads would
not help: files go to a ProcessPoolExecutor. Results come back in the order the files were given, whatever
order the workers finish in, so a parallel run is byte for byte a serial one. Only the
work function runs in the workers; the caller writes every output itself.

Workers are forked when the parent runs a single thread: they start at once with every
module already imported. Forking a process in which other threads run can deadlock on a
lock one of them held, so then workers are spawned (fresh interpreters) instead.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")
PageCallback = Callable[[int, int], None]  # (page number, page count)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>: the signal a process gets when its parent dies
# Seconds after its time limit that a worker still busy with a file is killed. The limit
# itself is a Python exception raised between two Python steps; a parser stuck inside its
# C code (pdfium) never gets there, and only killing the worker ends it. The pool then
# runs its files again, each alone, and the stuck one fails as a worker that died.
HARD_STOP_GRACE = 10.0


class Progress(Protocol):
    """What the runner reports; the CLI draws it, a script may ignore it."""

    def start(self, total: int) -> None: ...

    def page(self, name: str, number: int, total: int) -> None: ...

    def file_done(self, name: str) -> None: ...


def default_jobs() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_tasks(func: Callable[[Task, PageCallback | None], Result], tasks: list[Task], names: list[str],
              jobs: int, progress: Progress | None = None,
              seconds: float | None = None) -> Iterator[Result | BaseException]:
    """func(task, on_page) for every task, yielded in task order.

    `func` must be a top-level function and tasks picklable when jobs > 1. A task whose
    worker died (killed, out of memory) yields the exception instead of a result; the
    other tasks of the broken pool are run again, each alone. A task running longer
    than `seconds` is stopped and yields FileTimeout.
    """
    if jobs <= 1 or len(tasks) <= 1:
        yield from _in_process(func, tasks, names, progress, seconds)
    else:
        yield from _in_workers(func, tasks, names, min(jobs, len(tasks)), progress, seconds)


def _in_process(func, tasks, names, progress, seconds: float | None = None) -> Iterator[Any]:
    for task, name in zip(tasks, names):
        on_page = (lambda number, total, name=name: progress.page(name, number, total)) if progress else None
        try:
            with time_limit(seconds):
                result = func(task, on_page)
        except FileTimeout as exc:
            result = exc
        finally:
            if progress:
                progress.file_done(name)
        yield result


# ------------------------------------------------------------------ worker side

_page_queue: Any = None  # set in each worker by _init_worker when the parent shows progress


def _init_worker(queue: Any) -> None:
    global _page_queue
    _page_queue = queue
    die_with_parent()


def die_with_parent() -> None:
    """Linux: the kernel kills this worker when the process that started it dies, even
    by kill -9 (prctl PR_SET_PDEATHSIG), so a killed run leaves no process behind.
    Elsewhere the pool's own shutdown is all there is."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the call: nobody to wait for
        os._exit(1)


class FileTimeout(BaseException):
    """A task ran longer than its time limit (limits.MAX_FILE_SECONDS) and was stopped.
    A BaseException, so that a reader's `except Exception` does not take it for a
    damaged page: it reaches run_tasks, which yields it as the task's result."""


def _run(func: Callable[[Any, PageCallback | None], Any], name: str, task: Any,
         seconds: float | None = None) -> Any:
    queue = _page_queue
    on_page = (lambda number, total: queue.put((name, number, total))) if queue is not None else None
    with hard_stop(seconds), time_limit(seconds):
        return func(task, on_page)


@contextmanager
def hard_stop(seconds: float | None) -> Iterator[None]:
    """Kill this (worker) process if the block is still running HARD_STOP_GRACE seconds
    after `seconds`: a watchdog thread, which runs while the main thread waits in C code
    (ctypes lets go of the GIL during a call). Never used in the main process."""
    if not seconds:
        yield
        return
    timer = threading.Timer(seconds + HARD_STOP_GRACE, os.kill, (os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM)))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """FileTimeout raised in this thread after `seconds` (a watchdog of SIGALRM); only in
    the main thread of a process on a system with SIGALRM, else no limit."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise FileTimeout(f"stopped after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------ parent side


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_workers(func, tasks, names, jobs: int, progress: Progress | None, seconds: float | None = None) -> Iterator[Any]:
    context = _context()
    queue = context.Queue() if progress else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(queue,))
    drain: threading.Thread | None = None
    try:
        futures: list[Future] = [pool.submit(_run, func, name, task, seconds) for task, name in zip(tasks, names)]
        if progress is not None:  # threads only after the workers were forked
            drain = threading.Thread(target=_drain, args=(queue, progress), daemon=True)
            drain.start()
            for future, name in zip(futures, names):
                future.add_done_callback(lambda _, name=name: progress.file_done(name))
        for future, task, name in zip(futures, tasks, names):
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker died: every unfinished file of the pool gets this
                yield _alone(func, task, name, seconds)
            except (Exception, FileTimeout) as exc:  # a result that does not pickle, a timeout, ...
                yield exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if drain is not None:
            queue.put(None)
            drain.join()


def _alone(func: Callable[[Any, PageCallback | None], Any], task: Any, name: str,
           seconds: float | None = None) -> Any:
    """A task of a broken pool, again in a fresh process of its own, so that only the file
    that kills its worker fails. Spawned: the parent now runs threads (see module doc)."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker, initargs=(None,)) as solo:
            return solo.submit(_run, func, name, task, seconds).result()
    except (Exception, FileTimeout) as exc:
        return exc


def _drain(queue: Any, progress: Progress) -> None:
    """Page events from the workers to the progress display, until None."""
    while (event := queue.get()) is not None:
        progress.page(*event)
