"""`hyte validate`: every error class is reported as file:line:col: field: message.

Each `tests/golden/validate/NAME.yaml` is a small document with one kind of mistake an
analyst makes by hand; `NAME.expected.txt` is the exact output. Review the expected
files when regenerating them (HYTE_UPDATE_GOLDEN=1): line and column must point at
the spot in the input.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golden_helper import UPDATE_ENV, assert_golden
from hytetool.cli import app
from hytetool.validate import Problem, ValidationReport, validate_paths, validate_text

GOLDEN = Path(__file__).parent / "golden" / "validate"
CASES = sorted(GOLDEN.glob("*.yaml"))
VALID = GOLDEN / "valid.yaml"


def render(problems: list[Problem]) -> str:
    return "".join(f"{problem}\n" for problem in problems)


# ---------------------------------------------------------------- golden cases


def test_golden_inputs_exist() -> None:
    """Guards the parametrization below against silently running no cases."""
    names = {case.stem for case in CASES}
    expected = {
        "valid", "syntax_error", "duplicate_key", "unknown_key", "wrong_type", "missing_field",
        "duplicate_id", "unknown_objective", "unknown_sdg", "bad_period", "empty",
    }  # fmt: skip
    assert expected <= names


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_validate_golden(case: Path) -> None:
    problems = validate_text(case.read_text(encoding="utf-8"), case.name)
    assert_golden(render(problems), case.with_suffix(".expected.txt"))


def test_golden_update_is_off_in_normal_runs() -> None:
    """A run that regenerates golden files must never pass as a normal green run."""
    assert UPDATE_ENV not in os.environ, f"{UPDATE_ENV} is set: golden files were rewritten"


def test_missing_golden_file_fails_and_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_ENV, raising=False)
    expected = tmp_path / "new-case.expected.txt"
    with pytest.raises(pytest.fail.Exception, match="missing golden file"):
        assert_golden("anything\n", expected)
    assert not expected.exists()


def test_golden_mismatch_fails_with_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_ENV, raising=False)
    expected = tmp_path / "case.expected.txt"
    expected.write_text("old line\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)-old line.*\+new line"):
        assert_golden("new line\n", expected)
    assert expected.read_text(encoding="utf-8") == "old line\n"


def test_golden_update_writes_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(UPDATE_ENV, "1")
    expected = tmp_path / "sub" / "case.expected.txt"
    assert_golden("fresh\n", expected)
    assert expected.read_text(encoding="utf-8") == "fresh\n"


# ---------------------------------------------------------------- specific claims


def test_unknown_sdg_points_at_the_list_item() -> None:
    [problem] = validate_text((GOLDEN / "unknown_sdg.yaml").read_text(encoding="utf-8"), "x.yaml")
    assert (problem.line, problem.col) == (26, 18)
    assert problem.field == "goals[0].actions[0].sdg[1]"
    assert "unknown SDG number 19" in problem.message


def test_unknown_key_suggests_the_field_name() -> None:
    problems = validate_text((GOLDEN / "unknown_key.yaml").read_text(encoding="utf-8"), "x.yaml")
    assert any("did you mean 'text'?" in p.message and (p.line, p.col) == (23, 9) for p in problems)


def test_duplicate_id_is_reported_at_the_second_occurrence() -> None:
    [problem] = validate_text((GOLDEN / "duplicate_id.yaml").read_text(encoding="utf-8"), "x.yaml")
    assert (problem.line, problem.col, problem.field) == (26, 9, "goals[0].actions[1].id")
    assert "first used on line 21" in problem.message


def test_schema_alias_is_the_yaml_key() -> None:
    text = VALID.read_text(encoding="utf-8").replace("schema: hyte/v1", "schema: hyte/v2")
    [problem] = validate_text(text, "x.yaml")
    assert str(problem) == "x.yaml:3:9: schema: the text 'hyte/v2' is not allowed here; use 'hyte/v1'"


def test_problem_prints_as_one_editor_link_line() -> None:
    problem = Problem("data/normalized/x.yaml", 12, 7, "goals[0].actions[3].sdg[0]", "unknown SDG number 19")
    assert str(problem) == "data/normalized/x.yaml:12:7: goals[0].actions[3].sdg[0]: unknown SDG number 19"


# ---------------------------------------------------------------- paths and summary


def test_folder_skips_new_versions_and_registry(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.new.yaml").write_text("not: [valid", encoding="utf-8")
    (tmp_path / "registry.yaml").write_text("not: [valid", encoding="utf-8")
    report = validate_paths([tmp_path])
    assert report.files == [tmp_path / "a.yaml", tmp_path / "sub" / "b.yaml"]
    assert report.problems == []
    assert report.summary() == "2 files valid"


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    report = validate_paths([missing, VALID])
    assert [str(p) for p in report.problems] == [f"{missing}:1:1: (file): no such file or folder"]
    assert report.summary() == "1 problem in 1 of 2 files"


def test_summary_counts_problems_and_files() -> None:
    report = validate_paths([GOLDEN / "wrong_type.yaml", GOLDEN / "unknown_sdg.yaml", VALID])
    assert report.summary() == f"{len(report.problems)} problems in 2 of 3 files"
    assert ValidationReport().summary() == "no YAML files to check"
    assert ValidationReport(files=[VALID]).summary() == "1 file valid"


def test_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Päiväkoti\n".encode("latin-1"))
    [problem] = validate_paths([path]).problems
    assert problem.field == "(file)" and "UTF-8" in problem.message


# ---------------------------------------------------------------- command line


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.yaml"
    bad.write_text((GOLDEN / "unknown_sdg.yaml").read_text(encoding="utf-8"), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1, f"exit {result.exit_code}, output:\n{result.output}"
    assert f"{bad}:26:18: goals[0].actions[0].sdg[1]: unknown SDG number 19" in result.output

    result = runner.invoke(app, ["validate", str(VALID)])
    assert result.exit_code == 0, f"exit {result.exit_code}, output:\n{result.output}"
    assert "1 file valid" in result.output
