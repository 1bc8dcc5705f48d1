"""Benchmark of --breakeven (issue 20, item 8): the break-even of every column against the plain table.

Builds scenarios of 50 and 500 columns (`compare:` over hours, a variant per wage value) and
times, as separate processes (median of RUNS):
1. `beschut-calc FILE` (the plain table) and `beschut-calc FILE --breakeven hours` (piecewise:
   scan, brackets narrowed over arrays, threshold jumps at 24 hours);
2. the same with `--breakeven wage_value`;
3. a temp-agency scenario and `--breakeven agency_fee` (linear: solved from two evaluations).
Prints each time and the ratio break-even ÷ table; the aim is a ratio of at most 2.

Run: python bench/breakeven.py [RUNS]
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

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
AIM = 2.0


def scenario(n_hours: int, n_wage_values: int, employer: str) -> str:
    """n_hours x n_wage_values columns: hours from 20 to 40 (compare), wage values 10 % to 48 % (variants)."""
    hours = [round(20 + 20 * i / max(n_hours - 1, 1), 2) for i in range(n_hours)]
    values = [10 + 2 * i for i in range(n_wage_values)]
    lines = ["name: bench", "year: 2017", "hours: 31", "wage_value: 30%", f"employer_model: {employer}",
             "subsidy_set: zaanstreek-waterland-2017"]
    if employer == "temp_agency":
        lines.append("overrides: {agency_fee: 15%}")
    lines += ["compare:", f"  hours: [{', '.join(str(h) for h in hours)}]", "variants:"]
    lines += [f"  - {{name: lw {v}%, wage_value: {v}%}}" for v in values]
    return "\n".join(lines) + "\n"


def seconds(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "160"})
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return statistics.median(times)


def main() -> None:
    script = shutil.which("beschut-calc") or str(Path(sys.executable).parent / "beschut-calc")
    tmp = Path(tempfile.mkdtemp())
    cases = [(50, "municipality", "hours"), (50, "municipality", "wage_value"), (50, "temp_agency", "agency_fee"),
             (500, "municipality", "hours"), (500, "municipality", "wage_value"), (500, "temp_agency", "agency_fee")]
    tables: dict[tuple[int, str], float] = {}
    worst = 0.0
    print(f"{'kolommen':>8}  {'werkgever':<13} {'--breakeven':<12} {'tabel':>8} {'break-even':>11} {'verhouding':>11}")
    for columns, employer, name in cases:
        path = tmp / f"{employer}-{columns}.yaml"
        if not path.exists():
            path.write_text(scenario(25 if columns == 500 else 10, columns // (25 if columns == 500 else 10), employer), encoding="utf-8")
        if (columns, employer) not in tables:
            tables[columns, employer] = seconds([script, str(path)])
        table = tables[columns, employer]
        solved = seconds([script, str(path), "--breakeven", name])
        ratio = solved / table
        worst = max(worst, ratio)
        print(f"{columns:>8}  {employer:<13} {name:<12} {table:>7.2f}s {solved:>10.2f}s {ratio:>10.2f}×")
    print(f"grootste verhouding {worst:.2f}× (doel: hoogstens {AIM:.0f}×)")


if __name__ == "__main__":
    main()
