"""Benchmark of --simulate (issue 14): 100,000 draws of every uncertain input, evaluated over arrays
by the same rule trees as the engine. Prints the median time of 5 runs and the time per draw.

Run: python bench/simulate.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from beschut_calc.analysis.sensitivity import simulate
from beschut_calc.inputs.load import load_scenario
from beschut_calc.inputs.parameter_files import load_parameters
from beschut_calc.inputs.ranges import default_ranges

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "werkgeversmodellen-2026.yaml"
LIMIT = 0.5


def main() -> None:
    book, ranges = load_parameters(), default_ranges()
    placements = load_scenario(SCENARIO).placements
    simulate(placements[0], book, ranges, 10, 1)          # import numpy once
    for placement in placements:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            sim = simulate(placement, book, ranges, 100_000, 1)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"{placement.name}: 100,000 draws in {median:.3f} s ({median / 100_000 * 1e6:.2f} µs per draw), "
              f"P50 {sim.p50:,.0f}, kans op tekort {sim.deficit_share:.1%}  [{'OK' if median < LIMIT else 'TOO SLOW'}, limit {LIMIT} s]")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
