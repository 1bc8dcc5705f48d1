"""Sweeps (issue 5, item 2): the vectorised grid equals the scalar engine point by point, and is fast."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from beschut_calc.analysis import sweep as sw
from beschut_calc.analysis.inputs import with_value
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from beschut_calc.core.errors import InputError
from conftest import SCENARIOS

MEMO = SCENARIOS / "zaanstreek-waterland-2017.yaml"
STATUTORY = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_17_by_9_sweep_contains_the_single_scenario_balance():
    for path in (MEMO, STATUTORY):
        single = json.loads(invoke(path, "-f", "json").stdout)["scenarios"][0]["totals"]["balance"]
        out = invoke(path, "-f", "json", "--sweep", "hours=24:40:1", "--sweep", "wage_value=10%:50%:5%")
        assert out.exit_code == 0, out.stderr
        points = json.loads(out.stdout)["scenarios"][0]["sweep"]
        assert len(points) == 153
        assert set(points[0]) == {"hours", "wage_value", "balance"}
        at = [p for p in points if p["hours"] == 31 and p["wage_value"] == 0.3]
        assert len(at) == 1 and at[0]["balance"] == single


def test_percent_forms_are_the_same_grid():
    a, b, c = (sw.parse_axis(s) for s in ("wage_value=10%:50%:5%", "wage_value=10:50:5", "wage_value=0.1:0.5:0.05"))
    assert a.decimal_values() == b.decimal_values() == c.decimal_values()
    assert a.count == 9 and sw.parse_axis("hours=24:40:1").count == 17


def _engine(p, book, point: dict) -> Decimal:
    for name, value in point.items():
        p = with_value(p, name, Decimal(str(value)))
    return calculate(p, book).balance


# Sample points across the LIV threshold (24 h; 1,248 paid hours, 003 §4.4) and the subsidy cap (31 h, §4.3.2),
# the 30 % corner of the LKS (min(1 - wv, 70 %), §3.3) and the Arnhem 2014 bands (002).
HOURS = "hours=0.5:40:0.5"
CASES = [
    ("memo, rounded", dict(year=2017, method="memo", rounding="memo", subsidy_set="zaanstreek-waterland-2017",
                           overrides={"temporary_subsidy_pro_rata": False})),
    ("memo, not rounded, payroll", dict(year=2017, method="memo", employer_model="payroll", subsidy_set="zaanstreek-waterland-2017")),
    ("statutory 2017", dict(year=2017, subsidy_set="zaanstreek-waterland-2017")),
    ("statutory 2018, 40-hour week", dict(year=2018, employer_model="regular", overrides={"fulltime_hours": 40})),
    ("statutory 2026 regular, LKS on 1 January and 36 hours", dict(year=2026, employer_model="regular", subsidy_set="rijk")),
    ("statutory 2024 hourly WML, temp agency", dict(year=2024, employer_model="temp_agency", overrides={"agency_fee": "15%"})),
    ("statutory 2017, bands (arnhem-2014)", dict(year=2017, subsidy_set="arnhem-2014", wage_value="45%")),
    ("statutory 2017, trial 3 months", dict(year=2017, subsidy_set="zaanstreek-waterland-2017", trial_months=3)),
    ("statutory 2026, top-up, green", dict(year=2026, work_type="green", overrides={"municipal_top_up": 1500})),
    ("memo 2017, trial 2 months", dict(year=2017, method="memo", subsidy_set="arnhem-2017", trial_months=2)),
]
SWEEPS = [
    [HOURS, "wage_value=0:1:0.05"],
    ["wage_value=0:1:0.01"],
    [HOURS, "guidance_cost_fulltime=5000:13000:2000"],
    ["agency_fee=0:40%:10%", "payroll_markup=1:1.5:0.1"],
    [HOURS, "municipal_top_up=0:3000:1000"],
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("specs", SWEEPS, ids=["hours x wv", "wv", "hours x guidance", "fee x markup", "hours x top-up"])
def test_grid_equals_the_engine_at_sample_points(case, specs, placement, book):
    p = placement(**case[1])
    axes = sw.parse_axes(specs)
    columns, balance = sw.sweep(p, book, axes)
    n = len(balance)
    sample = sorted(set(range(0, n, max(n // 60, 1))) | {n - 1})
    # every point whose hours sit on either side of 24 and 31
    if axes[0].name == "hours":
        sample += [i for i in range(n) if columns[0][i] in (23.5, 24.0, 30.5, 31.0, 31.5)][:40]
    for i in sample:
        point = {a.name: col[i] for a, col in zip(axes, columns)}
        expected = _engine(p, book, point)
        assert abs(float(expected) - balance[i]) < 1e-6, (point, expected, balance[i])


def test_one_million_points(placement, book):
    # how fast (11 ns a point): bench/sweep.py; no wall-clock assert here
    p = placement(year=2017, subsidy_set="zaanstreek-waterland-2017")
    axes = sw.parse_axes(["hours=0.04:40:0.04", "wage_value=0:0.999:0.001"])
    _, balance = sw.sweep(p, book, axes)
    assert len(balance) == 1_000_000


def test_json_of_250k_points(tmp_path):
    # how fast against serialising the same JSON: bench/sweep.py
    import io
    import sys

    from beschut_calc.cli import main

    from conftest import BASE, write_scenario

    one_column = write_scenario(tmp_path, **{**BASE, "subsidy_set": "zaanstreek-waterland-2017"})
    args = dict(files=[one_column], format="json", sweep=["hours=0.08:40:0.08", "wage_value=0:0.998:0.002"])
    buf, old = io.StringIO(), sys.stdout
    sys.stdout = buf
    try:
        _call_main(main, **args)
    finally:
        sys.stdout = old
    data = json.loads(buf.getvalue())
    assert len(data["scenarios"][0]["sweep"]) == 250_000


def _call_main(main, files, format, sweep):
    from beschut_calc.cli import By, Format, Lang, Perspective

    main(files=files, format=Format(format), lang=Lang.nl, explain=False, perspective=Perspective.werkgever, excel=None, word=None, chart=None,
         force=False, breakeven=None, sweep=sweep, years=None, sensitivity=False, simulate=None, seed=None, by=By.municipality,
         debug=True, version=None)


def test_terminal_grid_hours_down_wage_value_across():
    out = invoke(STATUTORY, "--sweep", "wage_value=20%:40%:10%", "--sweep", "hours=30:32:1")
    assert out.exit_code == 0, out.stderr
    text = out.stdout
    assert "uren per week \\ loonwaarde" in text
    header = next(line for line in text.splitlines() if "uren per week \\ loonwaarde" in line)
    assert header.index("20 %") < header.index("30 %") < header.index("40 %")
    grid = text[text.index(header):]
    assert grid.index("30 uur") < grid.index("31 uur") < grid.index("32 uur")
    from beschut_calc.core.text import euro

    single = json.loads(invoke(STATUTORY, "-f", "json").stdout)["scenarios"][0]["totals"]["balance"]
    assert euro(Decimal(str(single))) in grid     # 31 h, 30 %: the single-scenario balance, rounded to the euro


@pytest.mark.parametrize("specs", [
    ["hours=24:40"], ["hours=24:40:0"], ["hours=40:24:1"], ["hours=24:41:1"], ["uren=24:40:1"],
    ["hours=a:b:c"], ["hours=24:40:1", "hours=24:40:1"], ["hours=1:2:1", "wage_value=0:1:0.5", "agency_fee=0:1:1"],
    ["hours=0.0001:40:0.0001", "wage_value=0:1:0.001"],
])
def test_bad_sweep_is_one_line_exit_2(specs):
    with pytest.raises(InputError):
        sw.parse_axes(specs)
    args = [str(MEMO)]
    for s in specs:
        args += ["--sweep", s]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "--sweep" in result.stderr


def test_plain_table_run_loads_neither_numpy_nor_the_analyses():
    import subprocess
    import sys

    code = ("import sys\nfrom typer.testing import CliRunner\nfrom beschut_calc.cli import app\n"
            f"r = CliRunner().invoke(app, [{str(MEMO)!r}])\nassert r.exit_code == 0\n"
            "print('numpy' in sys.modules, any(m.startswith('beschut_calc.analysis') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
