"""Docs are part of the product: every command and option is documented and has help."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from hytetool.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
COMMAND = typer.main.get_command(app)


def options():
    for name, command in sorted(COMMAND.commands.items()):
        for param in command.params:
            if param.param_type_name == "option":
                yield name, param
    for param in COMMAND.params:
        if param.param_type_name == "option" and param.name != "help":
            yield "", param


@pytest.mark.parametrize("name", sorted(COMMAND.commands))
def test_every_command_is_documented_with_help(name: str) -> None:
    command = COMMAND.commands[name]
    assert (command.help or "").strip(), f"hyte {name} has no help text"
    assert f"hyte {name}" in DOCS, f"hyte {name} is not in README.md or docs/"


@pytest.mark.parametrize(("command", "param"), list(options()), ids=lambda x: getattr(x, "name", x))
def test_every_option_is_documented_with_help(command: str, param) -> None:
    assert (param.help or "").strip(), f"option {param.opts} of '{command}' has no help text"
    longest = max(param.opts, key=len)
    assert longest in DOCS, f"option {longest} of 'hyte {command}' is not in README.md or docs/"


def test_help_lists_only_working_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMAND.commands:
        assert name in result.output
    version = CliRunner().invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("hyte "), version.output


def test_exit_codes_are_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert code in DOCS
