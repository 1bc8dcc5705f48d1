"""Benchmark of a caseload (issue 12, item 5): prints the figures quoted in the README ("Caseload").

1. reading and checking a 100,000-row Dutch CSV (load_scenario: pandas read, every check,
   the groups) against pandas' own read_csv of the same file with the same separator: the ratio;
2. computing 100,000 placements x 10 years (analysis/caseload.py compute), median of 3 runs;
3. the process's peak memory (resident set size).

Run: python bench/caseload.py [rows]
"""
from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_caseload  # noqa: E402

from beschut_calc.analysis.caseload import compute  # noqa: E402
from beschut_calc.inputs.load import load_scenario  # noqa: E402
from beschut_calc.inputs.parameter_files import load_parameters  # noqa: E402

SCENARIO = """name: Landelijke caseload (synthetisch)
caseload: caseload.csv
year: 2017
method: statutory
employer_model: municipality
subsidy_set: zaanstreek-waterland-2017
"""


def median_seconds(work, runs: int = 3):
    times, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> None:
    import pandas as pd

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp())
    csv = folder / "caseload.csv"
    csv.write_text("\n".join([make_caseload.HEADER] + make_caseload.national(rows)) + "\n", encoding="utf-8")
    (folder / "s.yaml").write_text(SCENARIO, encoding="utf-8")
    pd.read_csv(csv, sep=";")                                    # warm the import and the file cache
    pandas_s, _ = median_seconds(lambda: pd.read_csv(csv, sep=";"), runs=9)
    load_s, scenario = median_seconds(lambda: load_scenario(folder / "s.yaml"), runs=9)
    book = load_parameters()
    compute_s, result = median_seconds(lambda: compute(scenario, book, 10))
    placement_years = sum(len(block.rows) for block in result.blocks)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows: {rows:,}; groups: {len(scenario.caseload.groups)}; placement-years computed: {placement_years:,}")
    print(f"read: pandas read_csv {pandas_s:.3f} s; beschut-calc read and check {load_s:.3f} s; ratio {load_s / pandas_s:.2f} (target <= 2)")
    print(f"compute {rows:,} x 10 years: {compute_s:.3f} s (target < 2 s); {compute_s / placement_years * 1e9:.0f} ns per placement-year")
    print(f"peak memory: {peak_mib:.0f} MiB (target < 1024 MiB)")


if __name__ == "__main__":
    main()
