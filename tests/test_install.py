"""The README's promise outside this checkout: the wheel, installed into a fresh virtual
environment as `pip install` (or pipx) would, runs `hyte init -> extract -> validate ->
render -> export` in an empty folder, and the CI example's steps run as written.

The wheel is built from a copy of the sources (nothing of the checkout leaks in: no
`src/` on the path, no editable install) and installed with pip as `make install` does,
with the same package index settings."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TEXT = ROOT / "data" / "raw" / "003_8c92ca17df6d27aa.txt"  # goal tables with outcomes 1-12/2023
SAMPLE_WORD = ROOT / "tests" / "fixtures" / "generated" / "plan_2026.docx"
# pip resolves and installs the dependencies: minutes on a cold cache, never a hang.
INSTALL_TIMEOUT_SECONDS = 1200
COMMAND_TIMEOUT_SECONDS = 300


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = COMMAND_TIMEOUT_SECONDS,
        ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                            timeout=timeout, check=False)
    if ok:
        assert result.returncode == 0, f"{' '.join(args)}\nexit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(the wheel, the fresh venv's bin folder, an environment with it first on PATH)."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(base / "dist"), str(source)],
        base, env, INSTALL_TIMEOUT_SECONDS)
    wheels = sorted((base / "dist").glob("hytetool-*.whl"))
    assert len(wheels) == 1, wheels
    run([sys.executable, "-m", "venv", str(base / "venv")], base, env)
    bin_dir = base / "venv" / ("Scripts" if os.name == "nt" else "bin")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])], base, env,
        INSTALL_TIMEOUT_SECONDS)
    env = {**env, "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", "COLUMNS": "100"}
    return wheels[0], bin_dir, env


def test_the_wheel_ships_every_file_it_reads(installed: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    _, bin_dir, env = installed
    code = ("import hytetool, hytetool.resources as r; print(hytetool.__file__); "
            "print(all(r.resource(*p.split('/')).is_file() for p in ["
            "'templates/report.docx', 'templates/report.md.j2', 'templates/messages/fi.yaml', "
            "'templates/messages/sv.yaml', 'templates/messages/en.yaml', 'data/hyte-v1.schema.json', "
            "'data/vocabulary.yaml', 'data/init/ci-workflow.yml', 'data/init/hyte-profile.fi.yaml', "
            "'data/init/hyte-profile.sv.yaml', 'data/init/README.fi.md', 'data/init/README.sv.md', "
            "'data/init/gitignore']))")
    where, shipped = run([str(bin_dir / "python"), "-c", code], tmp_path, env).stdout.split()
    assert not Path(where).resolve().is_relative_to(ROOT), f"hytetool imported from the checkout: {where}"
    assert shipped == "True"
    help_text = run(["hyte", "--help"], tmp_path, env).stdout
    for command in ("init", "extract", "validate", "render", "export", "years"):
        assert command in help_text
    for suffix in (".pdf", ".docx", ".xlsx", ".txt", ".doc", ".odt", ".rtf", ".xls", ".ods"):
        assert suffix in help_text, f"hyte --help names no {suffix}"
    assert run([str(bin_dir / "python"), "-m", "hytetool", "--version"], tmp_path, env).stdout.startswith("hyte ")


def test_a_new_municipality_from_init_to_report(installed: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    _, _, env = installed
    old_umask = os.umask(0o022)
    try:
        run(["hyte", "init", "tornio", "--municipality", "Tornio"], tmp_path, env)
        ws = tmp_path / "tornio"
        shutil.copy(SAMPLE_TEXT, ws / "data" / "raw" / "tavoitteet_2023.txt")
        shutil.copy(SAMPLE_WORD, ws / "data" / "raw" / "suunnitelma_2026.docx")
        extract = run(["hyte", "extract"], ws / "data", env)  # from a subfolder: the workspace is found upwards
        assert "2 of 2 files extracted" in extract.stdout, extract.stdout
        assert "note: no hyte-profile.yaml" not in extract.stderr
        run(["hyte", "validate"], ws, env)
        assert run(["hyte", "years"], ws, env).stdout.split() == ["2023", "2026"]
        render = run(["hyte", "render", "--year", "2023"], ws, env)
        assert "hyte-report-2023.fi.docx" in render.stdout, render.stdout
        run(["hyte", "export", "--format", "csv", "--out", "build/export/records.csv"], ws, env)
    finally:
        os.umask(old_umask)
    normalized = ws / "data" / "normalized" / "tavoitteet_2023.yaml"
    text = normalized.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/hyte-v1.schema.json\n")
    assert "municipality: Tornio" in text
    assert "Tornio" in (ws / "build" / "reports" / "hyte-report-2023.fi.md").read_text(encoding="utf-8")
    for path in (normalized, ws / "build" / "reports" / "hyte-report-2023.fi.docx", ws / "build/export/records.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_the_ci_example_runs_as_written(installed: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    wheel, _, env = installed
    run(["hyte", "init", "ws", "--municipality", "Tornio"], tmp_path, env)
    ws = tmp_path / "ws"
    shutil.copy(SAMPLE_TEXT, ws / "data" / "raw" / "tavoitteet_2023.txt")
    run(["hyte", "extract"], ws, env)
    workflow = yaml.safe_load((ws / ".github" / "workflows" / "hyte-report.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["report"]
    # The LibreOffice step needs root (a CI runner has it); this machine has LibreOffice or not.
    steps = [step["run"] for step in job["steps"] if "run" in step and "apt-get" not in step["run"]]
    assert len(steps) == 4, "install, validate, check, render"
    unset = run(["bash", "-e", "-c", steps[0]], ws, {**env, "HYTETOOL_INSTALL": ""}, ok=False)
    assert unset.returncode == 1 and "set the repository variable HYTETOOL_INSTALL" in unset.stdout
    ci_env = {**env, "HYTETOOL_INSTALL": str(wheel)}
    for script in steps:
        run(["bash", "-e", "-c", script], ws, ci_env, INSTALL_TIMEOUT_SECONDS)
    artifact = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    reports = ws / artifact["with"]["path"]
    assert sorted(p.name for p in reports.glob("*.docx")) == ["hyte-report-2023.fi.docx"]
