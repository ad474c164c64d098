"""Command-line conventions: -q/-v after the command too, a year no document covers is
refused with the years that exist, and `hyte diff` warns about a comparison that cannot
mean what was asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.cli_support import hoist_global_flags

ROOT = Path(__file__).resolve().parents[1]
NORMALIZED = ROOT / "data" / "normalized"
GROUP = typer.main.get_command(app)
runner = CliRunner()


@pytest.mark.parametrize(("given", "read_as"), [
    (["extract", "data/raw", "-q"], ["-q", "extract", "data/raw"]),
    (["-v", "render", "--year", "2023", "--verbose"], ["-v", "--verbose", "render", "--year", "2023"]),
    (["extract", "--password", "-v", "x.pdf"], ["extract", "--password", "-v", "x.pdf"]),  # a value stays
    (["extract", "--", "-q"], ["extract", "--", "-q"]),  # a file named -q
    (["validate", "-q", "-v"], ["-q", "-v", "validate"]),
    (["nosuchcommand", "-q"], ["nosuchcommand", "-q"]),  # left for the usage error
    (["--version"], ["--version"]),
])
def test_global_flags_after_the_command(given: list[str], read_as: list[str]) -> None:
    assert hoist_global_flags(GROUP, given) == read_as


def test_quiet_after_the_command_from_the_console_entry(tmp_path: Path) -> None:
    shown = subprocess.run([sys.executable, "-m", "hytetool", "years", str(NORMALIZED), "-q"], capture_output=True,
                           text=True, timeout=120, check=False)
    assert shown.returncode == 0 and shown.stdout.split() == ["2022", "2023", "2026"], shown.stderr
    loud = subprocess.run([sys.executable, "-m", "hytetool", "export", str(NORMALIZED), "--out",
                           str(tmp_path / "r.csv"), "--format", "csv"], capture_output=True, text=True, timeout=120)
    quiet = subprocess.run([sys.executable, "-m", "hytetool", "export", str(NORMALIZED), "--out",
                            str(tmp_path / "r.csv"), "--format", "csv", "-q"], capture_output=True, text=True, timeout=120)
    assert "wrote" in loud.stderr and quiet.returncode == 0 and quiet.stderr == "", quiet.stderr


def test_export_refuses_a_year_no_document_covers() -> None:
    result = runner.invoke(app, ["export", str(NORMALIZED), "--year", "2019"])
    assert result.exit_code == 1, result.output
    assert result.stderr == "error: no document covers 2019; years in the data: 2022, 2023, 2024, 2025, 2026\n"


def test_diff_warns_when_both_sides_are_the_same_documents() -> None:
    result = runner.invoke(app, ["diff", "2023", "2023", str(NORMALIZED)])
    assert result.exit_code == 0, result.output
    assert "warning: 2023 and 2023 select the same document(s)" in result.stderr


def test_diff_warns_when_a_comes_after_b() -> None:
    result = runner.invoke(app, ["diff", "1-12/2023", "1-6/2022", str(NORMALIZED)])
    assert result.exit_code == 0, result.output
    assert "warning: 1-12/2023 comes after 1-6/2022" in result.stderr
    assert "did you mean hyte diff 1-6/2022 1-12/2023?" in result.stderr
    fine = runner.invoke(app, ["diff", "1-6/2022", "1-12/2023", str(NORMALIZED)])
    assert "warning" not in fine.stderr, fine.stderr


@pytest.mark.parametrize("command", [[], *[[name] for name in sorted(GROUP.commands)]], ids=lambda c: " ".join(c) or "hyte")
def test_on_off_options_show_as_flags_in_help(command: list[str]) -> None:
    """`--force`, not `--force <bool>`: an on/off option takes no value. (typer's own
    --help line keeps its type label; it is the same in every program.)"""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    typed = [line for line in result.output.splitlines() if "<bool>" in line and "--help" not in line]
    assert typed == [], typed
