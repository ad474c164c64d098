"""`hyte extract` from the command line: encodings, bad input, the hand-edit guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytetool.cli import app
from hytetool.export import iter_records
from hytetool.yamlio import load_document, read_yaml_text

ROOT = Path(__file__).resolve().parents[1]
PLAN = next((ROOT / "data" / "raw").glob("002_*.txt"))
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result, f"exit {result.exit_code}\n{result.output}"


def extract(inputs: list[Path], out: Path, *extra: str):
    return run("extract", *map(str, inputs), "--out", str(out), "--strategy",
               str(ROOT / "hyte-profile.yaml"), *extra)


def comparable(path: Path) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "source"} for r in iter_records(load_document(path))]


@pytest.mark.parametrize("variant", ["utf8-bom", "cp1252", "crlf", "latin1-crlf"])
def test_encodings_and_line_endings_give_the_same_records(tmp_path: Path, variant: str) -> None:
    text = PLAN.read_text(encoding="utf-8")
    data = {
        "utf8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "cp1252": text.replace("\u2013", "-").encode("cp1252"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "latin1-crlf": text.replace("\u2013", "-").replace("\n", "\r\n").encode("latin-1"),
    }[variant]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_bytes(data)
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "plan.txt").write_text(text.replace("\u2013", "-") if "1" in variant else text,
                                               encoding="utf-8")
    result, shown = extract([tmp_path / "in"], tmp_path / "out")
    assert result.exit_code == 0, shown
    extract([tmp_path / "ref"], tmp_path / "refout")
    assert comparable(tmp_path / "out" / "plan.yaml") == comparable(tmp_path / "refout" / "plan.yaml")


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "undecodable.txt": "Tavoite ".encode() + b"\x81\x8d\x8f\x90\x9d" + b"\n",
}
PROSE = "Tämä on tavallinen muistio ilman taulukoita.\nToinen rivi.\n"


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "plan.txt").write_bytes(PLAN.read_bytes())
    result, shown = extract([folder], tmp_path / "out")
    assert result.exit_code == 1, shown
    for name in BAD_INPUTS:
        lines = [line for line in shown.splitlines() if name in line and "error" not in line.lower()[:0]]
        assert any(name in line for line in lines), shown
        assert not (tmp_path / "out" / name.replace(".txt", ".yaml")).exists(), f"partial output for {name}"
    assert "Traceback" not in shown
    assert (tmp_path / "out" / "plan.yaml").exists(), "the good file of the batch was not processed"
    assert "empty" in shown and "binary" in shown and "undecodable" in shown


def test_a_readable_file_without_tables_gets_its_yaml_with_everything_unplaced(tmp_path: Path) -> None:
    """Nothing is all-or-nothing: no recognised table is a warning, not a failure."""
    (tmp_path / "prose.txt").write_text(PROSE, encoding="utf-8")
    result, shown = extract([tmp_path / "prose.txt"], tmp_path / "out")
    assert result.exit_code == 0, shown
    warning = next(line for line in shown.splitlines() if "no welfare-plan table recognised" in line)
    assert "prose.txt" in warning and "headings:" in warning and "profile" in warning
    document = read_yaml_text((tmp_path / "out" / "prose.yaml").read_text(encoding="utf-8"))
    assert [u["text"] for u in document["unplaced"]] == [
        "Tämä on tavallinen muistio ilman taulukoita.\nToinen rivi."]
    assert document.get("goals", []) == []
    assert "unrecognised" in shown  # the summary names the file's layout


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result, shown = extract([tmp_path / "nowhere.txt"], tmp_path / "out")
    assert result.exit_code == 1, shown
    assert "nowhere.txt: no such file or folder" in shown


def test_hand_edit_survives_reextraction(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_bytes(PLAN.read_bytes())
    result, shown = extract([tmp_path / "in"], tmp_path / "out")
    assert result.exit_code == 0, shown
    target = tmp_path / "out" / "plan.yaml"
    edited = target.read_text(encoding="utf-8").replace("Kuntalaiskyselyt", "Kuntalaiskyselyt (tarkistettu)")
    edited += "# analyst: checked 2026-11-22\n"
    target.write_text(edited, encoding="utf-8")

    result, shown = extract([tmp_path / "in"], tmp_path / "out")
    assert result.exit_code == 0, shown
    assert target.read_text(encoding="utf-8") == edited
    assert (tmp_path / "out" / "plan.new.yaml").exists()
    assert "edited by hand" in shown

    result, shown = extract([tmp_path / "in"], tmp_path / "out", "--force")
    assert result.exit_code == 0, shown
    assert "(tarkistettu)" not in target.read_text(encoding="utf-8")


def test_unchanged_rerun_leaves_bytes_identical(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_bytes(PLAN.read_bytes())
    extract([tmp_path / "in"], tmp_path / "out")
    first = (tmp_path / "out" / "plan.yaml").read_bytes()
    result, shown = extract([tmp_path / "in"], tmp_path / "out")
    assert result.exit_code == 0, shown
    assert (tmp_path / "out" / "plan.yaml").read_bytes() == first
    assert "unchanged" in shown


def test_output_validates(tmp_path: Path) -> None:
    extract([ROOT / "data" / "raw"], tmp_path / "out")
    result, shown = run("validate", str(tmp_path / "out"))
    assert result.exit_code == 0, shown
    assert "5 files valid" in shown
