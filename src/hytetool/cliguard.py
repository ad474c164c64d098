"""The last line of defence of the `hyte` command: no traceback without -v.

Every command catches the errors it expects (HyteError) itself. Anything else that
escapes a command (an OS error on a full disk, a MemoryError, a bug, an input no one
foresaw) is turned here into one line on stderr naming what failed and how to see
more, with a documented exit code; `-v` prints the traceback as well.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from hytetool.errors import HyteError

EXIT_INPUT_PROBLEM = 1  # as in cli.py: a problem in the input or the file system
EXIT_UNEXPECTED = 3  # hyte failed in a way it did not foresee: a bug to report
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class GuardedGroup(TyperGroup):
    """Typer's command group with `invoke` guarded (see module doc)."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, SystemExit):  # typer's own ways out
            raise
        except KeyboardInterrupt:
            typer.echo("interrupted; files already written are whole (every write is atomic)", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # noqa: BLE001 - the point of the guard
            verbose = bool(ctx.params.get("verbose"))
            if verbose:
                typer.echo(traceback.format_exc(), err=True, nl=False)
            typer.echo(f"error: {one_line(exc)}", err=True)
            sys.exit(EXIT_INPUT_PROBLEM if isinstance(exc, (HyteError, OSError)) else EXIT_UNEXPECTED)


def one_line(exc: BaseException) -> str:
    """What to print for an exception no command caught: the file it names, its kind
    and what to do, on one line."""
    if isinstance(exc, HyteError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, OSError):
        target = f"{exc.filename}: " if exc.filename else ""
        return (f"{target}{exc.strerror or type(exc).__name__}; check the path, its permissions and the free "
                "space, then run again")
    if isinstance(exc, MemoryError):
        return "out of memory; run on fewer files at once (--jobs 1) or on a machine with more memory"
    if isinstance(exc, RecursionError):
        return "an input nested too deeply to follow (RecursionError); run `hyte validate` on the YAML"
    return (f"hyte failed unexpectedly ({type(exc).__name__}); run again with -v for the details and report "
            "them with the input that caused it")
