"""Partial years: a placement counts for the months from its start to its end, inclusive (issue 12, item 2).

The pro rata rules follow the law line by line:
- wage and wage costs: the WML of each month with a contract (Wml art. 8 and 14, per month);
- LKS: the months with a contract, on the WML of 1 January (Participatiewet art. 10d lid 7);
- regional subsidies: the share of the year with a contract (003 §4.3.2, per year);
- LIV: the paid hours of the year against 1,248 (Wet tegemoetkomingen loondomein art. 3.2; 003 §4.4);
- wage value and guidance: the months of the placement, trial months included;
- national funding: per place-year, allotted to the months of the placement; the bonus, the
  pre-trajectory and the wage-value measurement are one-off, in the placement's first year.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from conftest import BASE, write_scenario

ADDITIVE = ("wage_value", "wage_subsidy", "general_subsidy", "temporary_subsidy", "wage_costs", "guidance_costs")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_months_in_counts_from_start_to_end_across_years(placement):
    p = dataclasses.replace(placement(year=2025), first_year=2025, start_month=3, end=(2026, 6))
    assert p.months_in(2025) == (3, 12, 0)
    assert p.months_in(2026) == (1, 6, 0)
    assert p.months_in(2027)[1] < p.months_in(2027)[0]          # no months: ended
    assert p.months_in(2024)[1] < p.months_in(2024)[0]          # no months: not started


def test_a_trial_started_in_november_runs_into_the_next_year(placement):
    p = dataclasses.replace(placement(year=2025, trial_months=3), first_year=2025, start_month=11)
    assert p.months_in(2025) == (11, 12, 2)
    assert p.months_in(2026) == (1, 12, 1)


@pytest.mark.parametrize("year, method", [(2019, "statutory"), (2025, "statutory"), (2026, "statutory"), (2017, "memo")])
def test_three_periods_of_a_year_add_up_to_the_whole_year(placement, book, year, method):
    """Every pro rata line is additive over months: Jan-Feb + Mar-Aug + Sep-Dec = the whole year,
    also where the WML changes on 1 July (statutory from 2024: the hourly WML per month)."""
    keys = dict(year=year, method=method, subsidy_set="zaanstreek-waterland-2017", employer_model="regular")
    whole = calculate(placement(**keys), book)
    parts = [calculate(dataclasses.replace(placement(**keys), first_year=year, start_month=a, end=(year, b)), book)
             for a, b in ((1, 2), (3, 8), (9, 12))]
    for key in ADDITIVE:
        total = sum(part.line(key).amount for part in parts)
        expected = whole.line(key).amount
        if key == "wage_subsidy" and method == "statutory":
            # Pw art. 10d lid 4 (issue 21): a placement that starts in September has its first LKS set on the WML
            # then in force, the July WML; the whole-year placement keeps the WML of 1 January (lid 7)
            import datetime as dt

            july = book.at("wml_month", dt.date(year, 7, 1)).value / book.at("wml_month", dt.date(year, 1, 1)).value
            expected = whole.line(key).amount * (8 + 4 * july) / 12
        assert abs(total - expected) < D("0.000001"), (key, total, expected)
    assert all(part.line(key).amount < whole.line(key).amount for part in parts for key in ("wage_value", "wage_costs"))


def test_half_a_year_misses_the_liv_threshold(placement, book):
    """31 hours for six months is 806 paid hours, under the 1,248 the LIV asks (2019 had the LIV)."""
    whole = calculate(placement(year=2019), book)
    half = calculate(dataclasses.replace(placement(year=2019), first_year=2019, start_month=7), book)
    assert whole.line("tax_advantage").amount > 0
    assert half.line("tax_advantage").amount == 0
    assert "1.248" in half.line("tax_advantage").reason("nl") or "1248" in half.line("tax_advantage").reason("nl")


def test_trial_months_keep_the_wage_value_but_no_wage(placement, book):
    p = dataclasses.replace(placement(year=2025, trial_months=2), first_year=2025, start_month=11)
    result = calculate(p, book)
    assert result.line("wage_costs").amount == 0 and result.line("wage_subsidy").amount == 0
    assert result.line("wage_value").amount > 0 and result.line("guidance_costs").amount > 0


def test_one_off_municipal_amounts_only_in_the_first_year(placement, book):
    # core/flows.py: these flows have the time basis `once`, national funding `placed`
    def flows(p):
        return {flow.key: flow.amount for flow in calculate(p, book).flows}
    first = flows(dataclasses.replace(placement(year=2017), first_year=2017))
    second = flows(dataclasses.replace(placement(year=2018), first_year=2017))
    for key in ("rijk_bonus", "pre_trajectory", "wage_value_measurement"):
        assert first[key] > 0 and second[key] == 0, key
    # national funding per place-year follows the months of the placement
    march = flows(dataclasses.replace(placement(year=2018), first_year=2017, end=(2018, 3)))
    assert march["rijk_guidance"] * 4 == second["rijk_guidance"]


def test_scenario_start_and_end_in_the_table_and_json(tmp_path):
    import json

    path = write_scenario(tmp_path, **{**BASE, "year": 2025, "start": "2025-03", "end": "2025-08"})
    table = invoke(path)
    assert table.exit_code == 0, table.stderr
    assert "6 (mrt-aug)" in table.stdout
    data = json.loads(invoke(path, "--format", "json").stdout)["scenarios"][0]["inputs"]
    assert (data["months"], data["start"], data["end"]) == (6, "2025-03", "2025-08")


def test_a_year_outside_the_period_is_zero_with_a_warning(tmp_path):
    """A caseload's horizon has such years; a scenario for one gives what the caseload gives: nothing, said."""
    import json

    for keys, words in ((dict(year=2024, start="2025-03"), "De plek loopt niet in 2024 (zij loopt van 2025-03)"),
                        (dict(year=2026, start="2025-01", end="2025-12"), "De plek loopt niet in 2026 (zij loopt van 2025-01 tot en met 2025-12)")):
        result = invoke(write_scenario(tmp_path, **{**BASE, **keys}), "--format", "json", "--perspective", "gemeente")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)["scenarios"][0]
        assert data["totals"] == {"benefits": 0, "costs": 0, "balance": 0}
        assert words in " ".join(data["warnings"])
        assert all(flow["amount"] == 0 for flow in data["flows"]), data["flows"]
        assert all(view["balance"] == 0 for view in data["perspectives"].values())


@pytest.mark.parametrize("keys, words", [
    (dict(year=2025, start="2025-03", end="2025-01"), "vóór de start"),
    (dict(year=2025, start="2025-13"), "maand 13 bestaat niet"),
    (dict(year=2025, start="maart"), "jaar en maand zoals 2025-03"),
])
def test_a_period_that_cannot_be_is_refused(tmp_path, keys, words):
    result = invoke(write_scenario(tmp_path, **{**BASE, **keys}))
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
