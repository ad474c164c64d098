"""`hyte init` and the workspace: a new municipality starts with one command, and every
command finds its workspace from the current folder upwards, as git does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.profile import Profile
from hytetool.workspace import NO_WORKSPACE, find_root, find_workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = sorted((ROOT / "data" / "raw").glob("003_*.txt"))
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result, f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace that `hyte init` wrote for Tornio; the current folder is its root."""
    monkeypatch.chdir(tmp_path)
    result, shown = run("init", "tornio", "--municipality", "Tornio")
    assert result.exit_code == 0, shown
    monkeypatch.chdir(tmp_path / "tornio")
    return tmp_path / "tornio"


def test_init_writes_a_complete_workspace(workspace: Path) -> None:
    files = sorted(p.relative_to(workspace).as_posix() for p in workspace.rglob("*") if p.is_file())
    assert files == [".github/workflows/hyte-report.yml", ".gitignore", "README.md", "data/normalized/.gitkeep",
                     "data/raw/.gitkeep", "hyte-profile.yaml", "schema/hyte-v1.schema.json"]
    profile = Profile.load(workspace / "hyte-profile.yaml")
    assert (profile.municipality, profile.language, profile.sectors) == ("Tornio", "fi", ())
    text = (workspace / "hyte-profile.yaml").read_text(encoding="utf-8")
    assert "#  - name: Sivistystoimiala" in text and "#      - name: STRATEGINEN PÄÄMÄÄRÄ 1" in text
    ignored = (workspace / ".gitignore").read_text(encoding="utf-8").split()
    assert ".hyte-cache/" in ignored and "build/" in ignored
    readme = (workspace / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Tornio:") and "hyte extract" in readme and "Vuoden työ" in readme


def test_the_ci_workflow_is_the_documented_example(workspace: Path) -> None:
    workflow = (workspace / ".github" / "workflows" / "hyte-report.yml").read_bytes()
    assert workflow == (ROOT / "docs" / "ci-example.yml").read_bytes()


def test_init_in_swedish(tmp_path: Path) -> None:
    result, shown = run("init", str(tmp_path / "ws"), "--municipality", "Närpes", "--lang", "sv")
    assert result.exit_code == 0, shown
    assert Profile.load(tmp_path / "ws" / "hyte-profile.yaml").municipality == "Närpes"
    assert Profile.load(tmp_path / "ws" / "hyte-profile.yaml").language == "sv"
    assert "Årets arbete" in (tmp_path / "ws" / "README.md").read_text(encoding="utf-8")


def test_init_never_overwrites(workspace: Path) -> None:
    (workspace / "hyte-profile.yaml").write_text("municipality: Tornio\n# my edits\n", encoding="utf-8")
    (workspace / "README.md").unlink()
    result, shown = run("init", ".", "--municipality", "Keminmaa")
    assert result.exit_code == 0, shown
    assert (workspace / "hyte-profile.yaml").read_text(encoding="utf-8") == "municipality: Tornio\n# my edits\n"
    assert "hyte-profile.yaml exists; left as it was" in result.stderr
    assert (workspace / "README.md").read_text(encoding="utf-8").startswith("# Keminmaa:"), "missing files are added"


def test_init_refuses_bad_input_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result, shown = run("init", str(tmp_path / "file"), "--municipality", "Tornio")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "is not a folder" in result.stderr, shown
    result, shown = run("init", str(tmp_path / "ws"), "--municipality", "Tornio", "--lang", "en")
    assert result.exit_code == 1 and "use fi or sv" in result.stderr, shown
    assert not (tmp_path / "ws").exists()
    result, shown = run("init", str(tmp_path / "ws"))
    assert result.exit_code == 2, shown


def test_commands_find_the_workspace_from_a_subfolder(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SAMPLE[0], workspace / "data" / "raw")
    monkeypatch.chdir(workspace / "data" / "raw")
    assert find_root() == workspace
    result, shown = run("extract", "--jobs", "1")
    assert result.exit_code == 0, shown
    written = workspace / "data" / "normalized" / f"{SAMPLE[0].stem}.yaml"
    text = written.read_text(encoding="utf-8")
    assert "municipality: Tornio" in text, "the workspace's profile applies"
    assert text.startswith("# yaml-language-server: $schema=../../schema/hyte-v1.schema.json\n")
    assert (workspace / ".hyte-cache").is_dir() and NO_WORKSPACE not in result.stderr
    result, shown = run("validate")
    assert result.exit_code == 0 and "1 file" in result.output, shown


def test_outside_a_workspace_one_note_and_the_generic_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_workspace().root is None and find_workspace().profile_path is None
    result, shown = run("extract", str(SAMPLE[0]), "--out", "out", "--jobs", "1")
    assert result.exit_code == 0, shown
    assert result.stderr.count(NO_WORKSPACE) == 1, shown
    assert "municipality:" not in (tmp_path / "out" / f"{SAMPLE[0].stem}.yaml").read_text(encoding="utf-8")
    result, shown = run("-q", "extract", str(SAMPLE[0]), "--out", "out", "--jobs", "1")
    assert NO_WORKSPACE not in result.stderr, "-q prints only problems"


@pytest.mark.parametrize("option", ["--profile", "--strategy"])
def test_a_missing_profile_file_is_an_error_naming_it(tmp_path: Path, option: str) -> None:
    result, shown = run("extract", str(SAMPLE[0]), "--out", str(tmp_path), option, "nope.yaml")
    assert result.exit_code == 1, shown
    assert result.stderr.startswith("error: nope.yaml: no such profile file") and result.stderr.count("\n") == 1
    assert not any(tmp_path.glob("*.yaml")), "nothing extracted with a profile that is not there"
    for command in (["render", "--year", "2023", str(tmp_path)], ["inspect", str(SAMPLE[0])]):
        result, shown = run(*command, "--profile", "nope.yaml")
        assert result.exit_code == 1 and "nope.yaml: no such profile file" in result.stderr, shown


def test_a_swedish_workspace_renders_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result, shown = run("init", str(tmp_path / "ws"), "--municipality", "Närpes", "--lang", "sv")
    assert result.exit_code == 0, shown
    monkeypatch.chdir(tmp_path / "ws")
    shutil.copy(SAMPLE[0], Path("data/raw"))
    assert run("extract", "--jobs", "1")[0].exit_code == 0
    result, shown = run("render", "--year", "2023", "--format", "md")
    assert result.exit_code == 0, shown
    assert (tmp_path / "ws" / "build" / "reports" / "hyte-report-2023.sv.md").is_file(), "the profile's language"
    result, shown = run("render", "--year", "2023", "--format", "md", "--lang", "fi")
    assert (tmp_path / "ws" / "build" / "reports" / "hyte-report-2023.fi.md").is_file(), "--lang still wins"
