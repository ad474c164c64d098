"""Hostile and broken inputs (issue 16): one clear line naming the file, never a
traceback, a hang or a lost output; the rest of the batch still runs.

The inputs are generated at test time (generate.py); this runs the fast subset in
process with CliRunner. `make fuzz` runs every case as a real `hyte` process with time
and memory measured, plus many byte-flipped PDFs (run_matrix.py, docs/robustness.md).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile.check import problems
from hostile.generate import Case, all_cases
from hytetool.cli import app
from hytetool.parallel import FileTimeout, run_tasks

FAST = [case for case in all_cases() if case.fast]


def test_the_matrix_has_every_category() -> None:
    """A generator that lost a category must fail, not shrink the matrix silently."""
    prefixes = {case.name.split("-")[0] for case in FAST}
    assert prefixes >= {"text", "docx", "xlsx", "pdf", "yaml", "template", "path", "names"}
    assert len(FAST) >= 40


@pytest.mark.parametrize("case", FAST, ids=[c.name for c in FAST])
def test_hostile_input_gives_one_line_and_the_batch_goes_on(case: Case, tmp_path: Path) -> None:
    case.make(tmp_path)
    args = [arg.replace("{dir}", str(tmp_path)) for arg in case.args]
    result = CliRunner().invoke(app, args)
    shown = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    assert problems(case, tmp_path, result.exit_code, shown) == [], shown


def test_verbose_shows_the_traceback_the_guard_hides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hytetool.export

    def broken(*args: object, **kwargs: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(hytetool.export, "export_paths", broken)
    quiet = CliRunner().invoke(app, ["export", str(tmp_path)])
    assert quiet.exit_code == 3
    assert "Traceback" not in quiet.output and "run again with -v" in quiet.output
    loud = CliRunner().invoke(app, ["-v", "export", str(tmp_path)])
    assert loud.exit_code == 3 and "Traceback" in loud.output and "ZeroDivisionError: a bug" in loud.output


def _kill_self_on_two(task: int, on_page: object) -> int:
    if task == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return task * 10


def _sleep(task: float, on_page: object) -> float:
    time.sleep(task)
    return task


def test_a_killed_worker_costs_only_its_own_file() -> None:
    results = list(run_tasks(_kill_self_on_two, [1, 2, 3, 4], ["a", "b", "c", "d"], jobs=2))
    assert results[0] == 10 and results[2] == 30 and results[3] == 40
    assert isinstance(results[1], BaseException)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_stopped(jobs: int) -> None:
    results = list(run_tasks(_sleep, [0.0, 30.0], ["quick", "slow"], jobs=jobs, seconds=1.0))
    assert results[0] == 0.0
    assert isinstance(results[1], FileTimeout)


WORKERS = """
import sys, time
from hytetool.parallel import run_tasks
def slow(task, on_page):
    import os; os.write(1, f"{os.getpid()}\\n".encode()); time.sleep(60)  # one write: lines never interleave
if __name__ == "__main__":
    list(run_tasks(slow, [1, 2], ["a", "b"], jobs=2))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    script = tmp_path / "workers.py"
    script.write_text(WORKERS, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    lines = [parent.stdout.readline().strip() for _ in range(2)]
    assert all(line.isdigit() for line in lines), (lines, parent.poll(), parent.stderr.read() if parent.poll() else "")
    pids = [int(line) for line in lines]
    parent.kill()  # kill -9: no shutdown code runs in the parent
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.1)
    states = {pid: Path(f"/proc/{pid}/status").read_text().splitlines()[:7] for pid in pids if _alive(pid)}
    assert not states, f"a worker outlived its killed parent: {states}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1][0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


def test_an_owner_password_only_pdf_opens_despite_a_wrong_password(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "limited.pdf"), invariant=1,
                        encrypt=StandardEncryption("", ownerPassword="omistaja", canPrint=0))
    pdf.drawString(72, 720, "Tavoite: hyvinvoinnin edistäminen")
    pdf.save()
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "limited.pdf"), "--password", "väärä",
                                      "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0 and "password is wrong" not in result.output, result.output
    assert (tmp_path / "out" / "limited.yaml").is_file(), result.output


def test_an_edited_new_yaml_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_bytes(Path(__file__).resolve().parents[2].joinpath("data/raw/000_fb6bcd1bb478527e.txt").read_bytes())
    out = tmp_path / "out"
    run = ["extract", str(source), "--out", str(out), "--no-cache"]
    CliRunner().invoke(app, run)
    (out / "plan.yaml").write_text((out / "plan.yaml").read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    CliRunner().invoke(app, run)
    (out / "plan.new.yaml").write_text((out / "plan.new.yaml").read_text(encoding="utf-8") + "# mine too\n",
                                       encoding="utf-8")
    result = CliRunner().invoke(app, run)
    assert (out / "plan.yaml").read_text(encoding="utf-8").endswith("# mine\n")
    assert (out / "plan.new.yaml").read_text(encoding="utf-8").endswith("# mine too\n")
    assert (out / "plan.2.new.yaml").is_file() and "plan.new.yaml was edited too" in result.output, result.output


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(), reason="runs hyte as nobody")
def test_an_unreadable_file_named_on_the_command_line_does_not_stop_the_batch() -> None:
    import tempfile

    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # pytest's own tmp is root's alone
        Path(folder).chmod(0o777)
        _unreadable_batch(Path(folder))


def _unreadable_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(Path(__file__).resolve().parents[2].joinpath(
        "data/raw/000_fb6bcd1bb478527e.txt").read_bytes())
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    hyte = Path(sys.executable).with_name("hyte")
    run = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(hyte),
                          "extract", str(tmp_path / "good.txt"), str(tmp_path / "secret.txt"), "--out",
                          str(tmp_path / "out"), "--no-cache"], capture_output=True, text=True, timeout=120)
    shown = run.stdout + run.stderr
    if "Permission denied" in shown and "python" in shown:  # the venv itself is not readable by nobody
        pytest.skip("the virtual environment is not readable by nobody")
    assert run.returncode == 1, shown
    assert "secret.txt: the file cannot be read (permission denied)" in shown
    assert (tmp_path / "out" / "good.yaml").is_file(), shown


STUCK_IN_C = """
import signal, time
import hytetool.parallel as parallel
parallel.HARD_STOP_GRACE = 0.5
with parallel.hard_stop(0.5), parallel.time_limit(0.5):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if stuck in C: the alarm never lands
    time.sleep(30)
print("not stopped")
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")
def test_a_worker_stuck_where_the_time_limit_cannot_reach_is_killed(tmp_path: Path) -> None:
    """A parser stuck inside its C code never returns to Python, where the time limit is
    raised; the worker's watchdog thread kills the process instead (parallel.hard_stop)."""
    script = tmp_path / "stuck.py"
    script.write_text(STUCK_IN_C, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=20)
    assert done.returncode == -signal.SIGKILL and "not stopped" not in done.stdout
