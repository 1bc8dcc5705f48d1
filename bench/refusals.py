"""Benchmark of how quickly bad input and too much work are refused (issue 6, issue 15; issue 20 item 7).

These were wall-clock asserts in tests (tests/test_bad_inputs.py, tests/test_limits.py,
tests/test_caseload_input.py); the tests now check only the answers, and this prints the times:

1. every file of tests/bad_inputs/ in-process (CliRunner, both languages): the slowest and the median;
2. every file through the installed console script, against a plain run of the shipped
   Zaanstreek-Waterland scenario (the ratio: a refusal should cost no more than a normal run);
3. refusals by count (core/limits.py): 40,000 columns, --years, --sweep, a workbook, in-process.

The aim is an answer within a second in-process: each time is also printed as a ratio to 1 s.

Run: python bench/refusals.py
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from beschut_calc.cli import app

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad_inputs"
AIM = 1.0


def in_process(args: list[str], cwd: Path) -> tuple[float, int]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        start = time.perf_counter()
        result = CliRunner().invoke(app, args)
        return time.perf_counter() - start, result.exit_code
    finally:
        os.chdir(old)


def process(script: str, args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([script, *args], cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL,
                   env={**os.environ, "COLUMNS": "120"}, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    names = sorted(p.name for p in BAD.iterdir() if p.name != "expected.yaml")
    in_process(["zaanstreek-waterland-2017.yaml"], ROOT / "scenarios")   # warm: imports once
    times = {}
    for name in names:
        for lang in ("nl", "en"):
            times[name, lang] = in_process([name, "--lang", lang], BAD)[0]
    slowest = max(times, key=times.get)
    print(f"1. {len(times)} foute invoeren in-process: mediaan {statistics.median(times.values()):.3f} s, "
          f"traagste {times[slowest]:.3f} s ({slowest[0]}, {slowest[1]}) = {times[slowest] / AIM:.2f} × het doel van {AIM:.0f} s")

    script = shutil.which("beschut-calc") or str(Path(sys.executable).parent / "beschut-calc")
    plain = statistics.median(process(script, ["zaanstreek-waterland-2017.yaml"], ROOT / "scenarios") for _ in range(3))
    refusals = {name: process(script, [name], BAD) for name in names}
    worst = max(refusals, key=refusals.get)
    print(f"2. als proces: gewone run {plain:.3f} s; weigering mediaan {statistics.median(refusals.values()):.3f} s, "
          f"traagste {refusals[worst]:.3f} s ({worst}) = {refusals[worst] / plain:.2f} × de gewone run")

    tmp = Path(tempfile.mkdtemp())
    base = "name: t\nyear: 2026\nhours: 31\nwage_value: 30%\n"
    many = base + "compare:\n  hours: [" + ", ".join(str(20 + i * 0.01) for i in range(300)) + "]\n"
    cases = {
        "40.000 kolommen": (base + "variants:\n" + "".join(f"  - name: v{i}\n" for i in range(200))
                            + "compare:\n  hours: [" + ", ".join(str(20 + i * 0.1) for i in range(200)) + "]\n", []),
        "--years 10 x 300": (many, ["--years", "10"]),
        "--sweep 11,7 mln punten": (many, ["--sweep", "hours=1:40:0.001"]),
        "--simulate 100000 x 300": (many, ["--simulate", "100000"]),
        "--excel 300 bladen": (many, ["--excel", str(tmp / "w.xlsx")]),
    }
    print("3. weigeringen op aantal (in-process):")
    for label, (text, extra) in cases.items():
        path = tmp / "s.yaml"
        path.write_text(text, encoding="utf-8")
        seconds, code = in_process([str(path), *extra], tmp)
        print(f"   {label:<26} {seconds:.3f} s (afsluitcode {code}) = {seconds / AIM:.2f} × het doel")


if __name__ == "__main__":
    main()
