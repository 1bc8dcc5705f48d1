"""Multi-year projection (issue 5, item 3): each year by its own parameters, subsidies that end, trial months."""
from __future__ import annotations

import json
from decimal import Decimal

from typer.testing import CliRunner

from beschut_calc.analysis.projection import project, warnings
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from conftest import SCENARIOS

STATUTORY = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"


def test_five_years_from_2017_temporary_subsidy_to_2019_only(placement, book):
    p = placement(year=2017, subsidy_set="zaanstreek-waterland-2017")
    years = project(p, book, 5)
    assert [y.year for y in years] == [2017, 2018, 2019, 2020, 2021]
    temporary = {y.year: y.result.line("temporary_subsidy") for y in years}
    # 003 §4.3.2: the temporary subsidy exists up to and including 2019
    assert all(temporary[y].amount == 2500 for y in (2017, 2018, 2019))
    assert all(temporary[y].amount == 0 and temporary[y].reason is not None for y in (2020, 2021))


def test_each_years_lks_by_that_years_parameters(placement, book):
    p = placement(year=2017, subsidy_set="zaanstreek-waterland-2017")
    years = {y.year: y.result for y in project(p, book, 2)}
    # LKS = 70 % x 12 x WML of 1 January x 31/36 x 1.08 x (1 + allowance): the LKS is set on 1 January for the
    # year (Participatiewet art. 10d lid 7, version 2017-02-01); 23 % in 2017, 23.5 % from 2018 (Stcrt. 2017, 68248);
    # WML 1 January 2017 1,551.60 and 2018 1,578.00 (domain.md §7).
    by_hand = {
        2017: Decimal("0.7") * 12 * Decimal("1551.60") * 31 / 36 * Decimal("1.08") * Decimal("1.23"),
        2018: Decimal("0.7") * 12 * Decimal("1578.00") * 31 / 36 * Decimal("1.08") * Decimal("1.235"),
    }
    for year, expected in by_hand.items():
        assert abs(years[year].line("wage_subsidy").amount - expected) < Decimal("0.000001"), year
    # and every year is exactly the single-year engine for that year
    assert years[2018].balance == calculate(placement(year=2018, subsidy_set="zaanstreek-waterland-2017"), book).balance


def test_cumulative_balance_is_the_running_sum(placement, book):
    years = project(placement(year=2017, subsidy_set="zaanstreek-waterland-2017"), book, 4)
    running = Decimal(0)
    for y in years:
        running += y.result.balance
        assert y.cumulative == running


def test_national_stimulus_at_most_five_years(placement, book):
    # Raadsvoorstel Nieuw beschut werk Arnhem 2017, Financiën: €3,000 per place per year for at most 5 years (set arnhem-2017, max_years: 5)
    years = project(placement(year=2017, subsidy_set="arnhem-2017"), book, 7)
    amounts = [y.result.line("temporary_subsidy").amount for y in years]
    assert amounts == [3000] * 5 + [0, 0]
    assert "ten hoogste 5 jaar" in years[5].result.line("temporary_subsidy").reason("nl")


def test_trial_months_only_in_the_first_year(placement, book):
    plain = project(placement(year=2017, subsidy_set="zaanstreek-waterland-2017"), book, 2)
    trial = project(placement(year=2017, subsidy_set="zaanstreek-waterland-2017", trial_months=3), book, 2)
    first, first_plain = trial[0].result, plain[0].result
    # no wage in the trial months: wage costs over the 9 paid months (July-December at the July WML), the LKS
    # over the same 9 months at the WML of 1 January (Participatiewet art. 10d lid 7)
    paid = (3 * Decimal("1551.60") + 6 * Decimal("1565.40")) * 31 / 36 * Decimal("1.08")
    assert abs(first.line("wage_costs").amount - paid * Decimal("1.23")) < Decimal("0.000001")
    lks_paid = 9 * Decimal("1551.60") * 31 / 36 * Decimal("1.08")
    assert abs(first.line("wage_subsidy").amount - lks_paid * Decimal("0.7") * Decimal("1.23")) < Decimal("0.000001")
    # the wage value is kept (the work is done) and guidance goes on during the trial
    assert first.line("wage_value").amount == first_plain.line("wage_value").amount
    assert first.line("guidance_costs").amount == first_plain.line("guidance_costs").amount
    # subsidies per month of contract; 31 h x 52 x 9/12 = 1,209 paid hours < 1,248: no LIV (003 §4.4)
    assert first.line("general_subsidy").amount == Decimal(8500) * 9 / 12
    assert first.line("tax_advantage").amount == 0 < first_plain.line("tax_advantage").amount
    # the second year is a normal year
    assert trial[1].result.balance == plain[1].result.balance


def test_years_past_the_last_known_value_warn(placement, book):
    years = project(placement(year=2025), book, 4)
    found = {w("nl"): ys for w, ys in warnings(years)}
    wml = [text for text in found if text.startswith("wml_hour") and "doorgetrokken" in text]
    assert wml, found
    assert set(found[wml[0]]) == {2027, 2028}
    assert not any(t.startswith("wml_hour") and (2025 in ys or 2026 in ys) for t, ys in found.items())


def test_cli_years_json_and_table():
    result = CliRunner().invoke(app, [str(STATUTORY), "--years", "5", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    column = json.loads(result.stdout)["scenarios"][0]
    assert [y["year"] for y in column["years"]] == list(range(2017, 2022))
    first = column["years"][0]
    assert set(first) >= {"year", "lines", "totals", "cumulative_balance"}
    assert first["totals"]["balance"] == column["totals"]["balance"]
    assert column["cumulative_balance"] == column["years"][-1]["cumulative_balance"]
    # each shown amount is its own exact value rounded to the cent: the shown yearly balances add up
    # to the shown cumulative balance within the rounding (half a cent a year), not necessarily exactly
    years = column["years"]
    assert abs(sum(y["totals"]["balance"] for y in years) - column["cumulative_balance"]) <= 0.005 * len(years) + 1e-9
    table = CliRunner().invoke(app, [str(STATUTORY), "--years", "3"])
    assert "2017" in table.stdout and "2019" in table.stdout and "Cumulatief saldo" in table.stdout


def test_bad_years_exit_2():
    result = CliRunner().invoke(app, [str(STATUTORY), "--years", "0"])
    assert result.exit_code == 2 and result.stdout == "" and "--years" in result.stderr


def test_bad_trial_months_is_located(tmp_path):
    from conftest import BASE, write_scenario

    path = write_scenario(tmp_path, **{**BASE, "trial_months": 13})
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{path}:7" in result.stderr and "trial_months" in result.stderr
