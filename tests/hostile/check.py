"""What every hostile run must show, shared by the tests and the matrix runner."""

from __future__ import annotations

import re
from pathlib import Path

from hostile.generate import Case

# Python's own exception text leaking into a line ("TypeError: 'NoneType' object ...",
# "PdfminerException"): hyte says what is wrong in words instead. A template's own
# error is the exception the user's template raised: its cases are exempt.
RAW_EXCEPTION = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|\bErrno\b|object is not|NoneType")


def problems(case: Case, folder: Path, exit_code: int, output: str) -> list[str]:
    """Every way the run broke the promise; empty when it kept it."""
    found: list[str] = []
    if exit_code not in case.exit_codes:
        found.append(f"exit code {exit_code}, expected one of {case.exit_codes}")
    if "Traceback" in output:
        found.append("traceback")
    if not case.name.startswith("template-") and RAW_EXCEPTION.search(output):
        found.append(f"raw exception text: {RAW_EXCEPTION.search(output)[0]!r}")
    if case.says and not any(case.says in line for line in output.splitlines()):
        found.append(f"no line says {case.says!r}")
    out = folder / "out"
    if case.good_output and not (out / case.good_output).is_file():
        found.append(f"lost output: {case.good_output} not written")
    found += [f"lost output: {name} not written" for name in case.outputs if not (out / name).is_file()]
    return found
