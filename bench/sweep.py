"""Benchmark of --sweep (issue 5): prints the figures quoted in docs/analysis.md.

1. computing a 1,000,000-point grid (1,000 hours x 1,000 wage values), median of 5 runs;
2. a 250,000-point sweep printed as JSON by the CLI (in-process, output to memory) against
   merely serialising that same JSON with json.dumps (the same settings as jsonout): the ratio.

Run: python bench/sweep.py
"""
from __future__ import annotations

import io
import json
import statistics
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

from typer.testing import CliRunner  # noqa: F401  (imported so typer is warm, like in the tests)

from beschut_calc.analysis import sweep as sw
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from beschut_calc.inputs.load import load_scenario
from beschut_calc.inputs.parameter_files import load_parameters

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "zaanstreek-waterland-2017-herberekend.yaml"


def grid_seconds(specs: list[str], runs: int = 5) -> tuple[float, int]:
    book = load_parameters()
    p = load_scenario(SCENARIO).placements[0]
    result = calculate(p, book)
    axes = sw.parse_axes(specs)
    sw.sweep(p, book, sw.parse_axes(["hours=1:2:1"]))   # import numpy once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _, balance = sw.sweep(p, book, axes)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(balance)


ONE_COLUMN = """name: bench
year: 2017
hours: 31
wage_value: 30%
employer_model: municipality
subsidy_set: zaanstreek-waterland-2017
"""


def json_ratio(specs: list[str], runs: int = 3) -> tuple[float, float, int]:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "bench.yaml"
    path.write_text(ONE_COLUMN, encoding="utf-8")
    args = [str(path), "-f", "json"]
    for s in specs:
        args += ["--sweep", s]
    totals, serialise, points = [], [], 0
    for _ in range(runs):
        buf = io.StringIO()
        start = time.perf_counter()
        with redirect_stdout(buf):
            try:
                app(args, standalone_mode=False)
            except SystemExit:
                pass
        totals.append(time.perf_counter() - start)
        data = json.loads(buf.getvalue())
        points = len(data["scenarios"][0]["sweep"])
        start = time.perf_counter()
        json.dumps(data, ensure_ascii=False, indent=2)
        serialise.append(time.perf_counter() - start)
    return statistics.median(totals), statistics.median(serialise), points


def main() -> None:
    seconds, n = grid_seconds(["hours=0.04:40:0.04", "wage_value=0:0.999:0.001"])
    print(f"grid: {n:,} points computed in {seconds:.3f} s ({seconds / n * 1e9:.0f} ns per point)")
    total, serialise, points = json_ratio(["hours=0.08:40:0.08", "wage_value=0:0.998:0.002"])
    print(f"json: {points:,} points (one column); CLI run {total:.2f} s, json.dumps alone {serialise:.2f} s, "
          f"ratio {total / serialise:.2f} (limit 3)")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
