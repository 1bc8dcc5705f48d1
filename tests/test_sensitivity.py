"""Sensitivity (issue 14): the tornado by the engine, the simulation by the same rules over arrays."""
from __future__ import annotations

import json
from decimal import Decimal as D

import numpy as np
import openpyxl
from typer.testing import CliRunner

from beschut_calc.analysis import sensitivity as sens
from beschut_calc.analysis.inputs import with_value
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from beschut_calc.inputs.ranges import default_ranges
from conftest import BASE, SCENARIOS, write_scenario

MEMO = SCENARIOS / "zaanstreek-waterland-2017.yaml"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _bars(path):
    out = invoke(path, "-f", "json", "--sensitivity")
    assert out.exit_code == 0, out.stderr
    return [{b["parameter"]: b for b in s["sensitivity"]} for s in json.loads(out.stdout)["scenarios"]]


def test_memo_guidance_swing_is_the_cost_range_scaled_to_the_hours():
    # 003 endnote viii: EUR 5,000 to 13,000 per 36-hour place; the memo scales guidance by hours/36 (rounding off)
    at31, at24 = _bars(MEMO)
    assert at31["guidance_cost_fulltime"]["swing"] == float((D(13000) - D(5000)) * 31 / 36).__round__(2) == 6888.89
    assert at24["guidance_cost_fulltime"]["swing"] == float((D(13000) - D(5000)) * 24 / 36).__round__(2) == 5333.33
    # sorted by swing, largest first
    swings = [b["swing"] for b in at31.values()]
    assert swings == sorted(swings, reverse=True)


def test_tornado_matches_hand_calculations_for_three_inputs(tmp_path, book):
    path = write_scenario(tmp_path, **{**BASE, "year": 2026, "hours": 28, "employer_model": "regular", "absence": "5%"})
    bars = _bars(path)[0]
    base = calculate(__import__("beschut_calc.inputs.load", fromlist=["x"]).load_scenario(path).placements[0], book)
    wage = (6 * D("14.71") + 6 * D("14.99")) * 28 * 52 / 12 * D("1.08")
    balance = base.balance
    # guidance: linear in the cost per place, hours/36
    assert bars["guidance_cost_fulltime"]["balance_low"] == float(round(balance + (D(13000) - D(5000)) * 28 / 36, 2))
    # employer charges: wage costs = wage x (1 + charges); from 25 % (the Regeling's estimate from 2025, issue 21) to 20 %
    assert bars["employer_charges"]["balance_low"] == float(round(balance + wage * D("0.05"), 2))
    # absence 0 % and 15 %: wage value x (1 - a) and the no-risk benefit a x wage (ZW 29b lid 6) x max(wage value, 30 %)
    # (ZW art. 29e from 2022; issue 21); the LKS continues in 2026. At 30 % the two cancel: absence does not move the
    # balance, so the tornado may leave it out (an input that does not change the column).
    def at(a):
        return balance - D("0.30") * wage * (a - D("0.05")) + wage * (a - D("0.05")) * max(D("0.30"), D("0.30"))
    if "absence" in bars:
        assert bars["absence"]["balance_low"] == float(round(at(D(0)), 2))
        assert bars["absence"]["balance_high"] == float(round(at(D("0.15")), 2))


def test_the_simulation_is_the_engine_at_each_draw(placement, book):
    p = placement(year=2026, hours=31, employer_model="temp_agency", overrides={"agency_fee": "15%"}, absence="5%")
    ranges = default_ranges()
    draws = sens.draw_inputs(p, book, ranges, 6, np.random.default_rng(7))
    assert {"agency_fee", "hours", "wage_value", "absence", "guidance_cost_fulltime"} <= set(draws)
    from beschut_calc.analysis.vector import balance_array
    from beschut_calc.core.engine import bind_column
    from beschut_calc.analysis.inputs import current_value

    bound = p
    for name in draws:
        bound = with_value(bound, name, current_value(p, book, name))
    balance = balance_array(bind_column(bound, book), draws)
    for i in range(6):
        one = p
        for name, values in draws.items():
            one = with_value(one, name, D(repr(float(values[i]))))
        assert abs(float(calculate(one, book).balance) - balance[i]) < 1e-6


def test_same_seed_same_numbers_and_the_seed_is_printed():
    a = invoke(MEMO, "-f", "json", "--simulate", "100000", "--seed", "1")
    b = invoke(MEMO, "-f", "json", "--simulate", "100000", "--seed", "1")
    assert a.exit_code == 0, a.stderr
    sa = [s["simulation"] for s in json.loads(a.stdout)["scenarios"]]
    assert sa == [s["simulation"] for s in json.loads(b.stdout)["scenarios"]]
    assert sa[0]["n"] == 100000 and sa[0]["seed"] == 1 and set(sa[0]) >= {"p5", "p50", "p95", "deficit_share"}
    assert sa[0]["p5"] <= sa[0]["p50"] <= sa[0]["p95"] and 0 <= sa[0]["deficit_share"] <= 1
    other = json.loads(invoke(MEMO, "-f", "json", "--simulate", "100000", "--seed", "2").stdout)["scenarios"][0]["simulation"]
    assert other["p50"] != sa[0]["p50"]
    table = invoke(MEMO, "--simulate", "1000")
    assert "seed 1" in table.stdout and "kans op tekort" in table.stdout


def test_scenario_ranges_override_and_bad_ranges_are_refused(tmp_path):
    good = write_scenario(tmp_path, "good.yaml", **BASE)
    good.write_text(good.read_text(encoding="utf-8") + "ranges:\n  hours: {low: 20, central: 28, high: 32, source: aanname}\n",
                    encoding="utf-8")
    bar = _bars(good)[0]["hours"]
    assert (bar["low"], bar["high"]) == (20, 32)
    for text, word in (("  hours: {low: 32, central: 28, high: 20, source: aanname}\n", "low ≤ central ≤ high"),
                       ("  uren: {low: 20, central: 28, high: 32, source: aanname}\n", "uren"),
                       ("  hours: {low: 20, central: 28, high: 90, source: aanname}\n", "hours"),
                       ("  hours: {low: 20, central: 28, high: 32}\n", "source")):
        bad = write_scenario(tmp_path, "bad.yaml", **BASE)
        bad.write_text(bad.read_text(encoding="utf-8") + "ranges:\n" + text, encoding="utf-8")
        out = invoke(bad, "--sensitivity")
        assert out.exit_code == 2 and out.stdout == "" and word in out.stderr and "ranges" in out.stderr, out.stderr


def test_workbook_has_the_uncertainty_sheet_with_a_chart(tmp_path):
    target = tmp_path / "u.xlsx"
    assert invoke(MEMO, "--sensitivity", "--simulate", "500", "--excel", target).exit_code == 0
    ws = openpyxl.load_workbook(target)["Onzekerheid"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert 6888.89 in cells and any(isinstance(c, str) and "seed 1" in c for c in cells)
    assert ws._charts, "a native bar chart"


def test_bad_simulate_is_one_line_exit_2():
    out = invoke(MEMO, "--simulate", "0")
    assert out.exit_code == 2 and "--simulate" in out.stderr and out.stdout == ""
