"""Command-line edges: options located by name, absurd analysis ranges, a closed pipe."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import SCENARIOS

runner = CliRunner()
MEMO = str(SCENARIOS / "zaanstreek-waterland-2017.yaml")


def test_an_option_error_names_the_option_not_a_file():
    result = runner.invoke(app, [MEMO, "--years", "0"])
    assert result.exit_code == 2
    assert result.stderr.startswith("--years:") and "<invoer>" not in result.stderr


def test_a_sweep_beyond_the_allowed_amounts_is_bad_input_not_a_crash():
    # The same bound as an override in the scenario file (units.MAX_MAGNITUDE): never an internal error.
    result = runner.invoke(app, [MEMO, "--sweep", "guidance_cost_fulltime=0:1e30:1e29"])
    assert result.exit_code == 2, result.output
    assert "valt buiten het geldige bereik" in result.stderr and "Traceback" not in result.stderr


def test_a_reader_that_stops_early_is_not_an_error():
    # `beschut-calc ... | head -1`: the closed pipe is the reader's choice, so exit 0 and no noise.
    exe = shutil.which("beschut-calc", path=str(Path(sys.executable).parent))
    assert exe, "the console script is installed beside the interpreter"
    proc = subprocess.Popen([exe, MEMO, "--sweep", "hours=1:40:0.01", "--sweep", "wage_value=0:1:0.05", "-f", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, stderr
    assert "Traceback" not in stderr and "Sorry" not in stderr
