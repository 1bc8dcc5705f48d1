"""Export targets are checked together before any work, and written only once the run's output is
out (issue 24, items 4-6): one Dutch line and exit 2, nothing left behind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SCENARIOS

SCENARIO = SCENARIOS / "zaanstreek-waterland-2017.yaml"
CLI = [str(Path(sys.executable).with_name("beschut-calc"))]


def _run(*args, cwd, stdout=subprocess.PIPE):
    return subprocess.run([*CLI, *map(str, args)], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60)


def test_two_exports_to_one_file_are_refused_before_anything_is_written(tmp_path):
    result = _run(SCENARIO, "--excel", "o.out", "--word", "./o.out", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "--excel en --word schrijven naar hetzelfde bestand" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_an_export_never_replaces_an_input_of_the_run_even_with_force(tmp_path):
    scenario = tmp_path / "s.yaml"
    scenario.write_bytes(SCENARIO.read_bytes())
    result = _run(scenario, "--excel", "s.yaml", "--force", cwd=tmp_path)
    assert result.returncode == 2 and "invoerbestand van deze run" in result.stderr
    assert scenario.read_bytes() == SCENARIO.read_bytes()


def test_a_name_too_long_is_one_line_not_a_traceback(tmp_path):
    result = _run(SCENARIO, "--excel", "a" * 300 + ".xlsx", cwd=tmp_path)
    assert result.returncode == 2 and "de naam is te lang" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_when_stdout_fails_no_export_is_left_behind(tmp_path):
    with open("/dev/full", "w") as full:
        result = _run(SCENARIO, "--excel", "w.xlsx", cwd=tmp_path, stdout=full)
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_the_written_line_shows_control_characters_as_escapes(tmp_path):
    result = _run(SCENARIO, "--excel", "x\x1b[31m.xlsx", cwd=tmp_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "x\\x1b[31m.xlsx" in result.stderr
    assert (tmp_path / "x\x1b[31m.xlsx").exists()


def test_a_reader_that_stops_early_still_gets_the_export(tmp_path):
    head = subprocess.run(f"'{CLI[0]}' '{SCENARIO}' --excel w.xlsx | head -1", shell=True, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert head.returncode == 0 and (tmp_path / "w.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".ready"))]
