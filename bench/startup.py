"""Start-up time of `beschut-calc FILE` against the bare imports it cannot avoid (issue 2 item 10).

Target: median wall time of a plain table run <= 1.5 x the median of
`python -c "import typer, rich.table, yaml"`, both with the same interpreter.

    python bench/startup.py [--runs 21] [--scenario scenarios/zaanstreek-waterland-2017.yaml]

Prints both medians and the ratio; exits 1 when the ratio is above the target.
With PYTHONDONTWRITEBYTECODE set, the project's own modules are compiled from source on every run
(site-packages keep their installed .pyc), which costs beschut-calc ~25 ms the baseline does not pay;
the script says so. Profile with `python -X importtime "$(command -v beschut-calc)" FILE`.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def console_script() -> list[str]:
    """The installed `beschut-calc` beside this interpreter (a venv's bin/), else on PATH."""
    beside = Path(sys.executable).with_name("beschut-calc")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("beschut-calc")
    if found:
        return [found]
    return [sys.executable, "-m", "beschut_calc.cli"]    # pragma: no cover - not installed


def _once(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def medians(commands: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command; runs alternate between the commands so that a busy
    machine (other jobs, CPU frequency) slows both alike instead of skewing the ratio."""
    env = {**os.environ, "COLUMNS": "140"}
    for cmd in commands:
        _once(cmd, env)                     # warm the disk cache (and write .pyc where allowed)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            times[i].append(_once(cmd, env))
    return [statistics.median(t) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--scenario", default="scenarios/zaanstreek-waterland-2017.yaml")
    args = parser.parse_args()

    baseline_cmd = [sys.executable, "-c", "import typer, rich.table, yaml"]
    app_cmd = console_script() + [args.scenario]
    baseline, app = medians([baseline_cmd, app_cmd], args.runs)
    ratio = app / baseline
    print(f"python -c 'import typer, rich.table, yaml': median {baseline * 1000:.0f} ms over {args.runs} runs")
    print(f"{' '.join(Path(app_cmd[0]).name if i == 0 else a for i, a in enumerate(app_cmd))}: median {app * 1000:.0f} ms over {args.runs} runs")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: beschut_calc is compiled from source on every run")
    print(f"ratio {ratio:.2f} (target <= {TARGET:.1f}): {'OK' if ratio <= TARGET else 'TOO SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
