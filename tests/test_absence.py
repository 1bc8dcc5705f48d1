"""Sickness absence with the no-risk policy, cost indexation and price levels (issue 13).

Ziektewet art. 29b lid 2 onder f: the employer of a beschut-werk employee gets sickness benefit
from the first day; lid 5: 70 % of the daily wage, lid 6: the daily wage in the first 52 weeks on
request (the default here, an assumption). Participatiewet art. 10d lid 12 (to 2022-01-01): no LKS over
periods with such benefit; it lapsed on 2022-01-01 (Verzamelwet SZW 2022, Stb. 2021, 627, art. IV onderdeel aA),
and from then Ziektewet art. 29e multiplies the benefit by the wage value (at least 30 %; issue 21).
"""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

import lo_recalc
from beschut_calc.analysis.projection import project
from beschut_calc.cli import app
from conftest import SCENARIOS, assert_cent

HOLIDAY = D("1.08")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_absence_zero_changes_no_existing_figure(calc):
    for keys in (dict(year=2017, method="memo", rounding="memo", subsidy_set="zaanstreek-waterland-2017"),
                 dict(year=2026, employer_model="payroll"), dict(year=2019, trial_months=3)):
        plain, zero = calc(**keys), calc(**keys, absence="0%")
        for line in plain.lines:
            assert zero.line(line.key).amount == line.amount, (keys, line.key)
        assert zero.line("sickness_benefit").amount == 0
        assert zero.balance == plain.balance


def test_published_scenarios_warn_that_absence_is_not_counted():
    doc = json.loads(invoke(SCENARIOS / "zaanstreek-waterland-2017.yaml", "-f", "json").stdout)
    for column in doc["scenarios"]:
        assert any(w.startswith("Verzuim is niet meegeteld") for w in column["warnings"])
        assert "sickness_benefit" not in [line["key"] for line in column["lines"]]


def test_absence_10_percent_in_2026(calc):
    result = calc(year=2026, hours=31, wage_value="30%", absence="10%")
    base = calc(year=2026, hours=31, wage_value="30%")
    wage = (6 * D("14.71") + 6 * D("14.99")) * 31 * 52 / 12 * HOLIDAY
    # the wage value is 10 % lower; wage costs stay (the employer keeps paying)
    assert_cent(result.line("wage_value").amount, D("0.30") * wage * D("0.90"))
    assert result.line("wage_costs").amount == base.line("wage_costs").amount
    # ZW art. 29b lid 6: the daily wage over the absent share (wage level 100 %), times the wage value
    # (ZW art. 29e, from 2022-01-01; issue 21 changed this amount: it was the full daily wage)
    assert_cent(result.line("sickness_benefit").amount, D("0.10") * wage * D("0.30"))
    # from 2022 the offset of Pw art. 10d lid 12 is gone (Verzamelwet SZW 2022): the LKS continues in full
    assert result.line("wage_subsidy").amount == base.line("wage_subsidy").amount
    assert not any("lks_stops_during_sickness_benefit" in w("nl") for w in result.warnings)


def test_absence_in_2019_stops_the_lks_over_the_sick_share(calc):
    # Pw art. 10d lid 12 (version 2019-01-01): no LKS over periods with sickness benefit
    result = calc(year=2019, hours=36, wage_value="30%", absence="10%")
    base = calc(year=2019, hours=36, wage_value="30%")
    assert_cent(result.line("wage_subsidy").amount, base.line("wage_subsidy").amount * D("0.90"))


def test_seventy_percent_when_the_employer_does_not_ask_for_the_daily_wage(calc):
    result = calc(year=2026, hours=31, absence="10%", overrides={"sickness_benefit_share": "70%"})
    wage = (6 * D("14.71") + 6 * D("14.99")) * 31 * 52 / 12 * HOLIDAY
    assert_cent(result.line("sickness_benefit").amount, D("0.10") * wage * D("0.70") * D("0.30"))


def test_absence_out_of_range_is_refused(tmp_path):
    from conftest import BASE, write_scenario

    result = invoke(write_scenario(tmp_path, **{**BASE, "absence": "60%"}))
    assert result.exit_code == 2 and "absence" in result.stderr and "0-50 %" in result.stderr


def test_breakeven_and_sweep_over_absence(tmp_path):
    from conftest import BASE, write_scenario

    path = write_scenario(tmp_path, **{**BASE, "year": 2019, "absence": "5%"})
    out = invoke(path, "-f", "json", "--sweep", "absence=0:20%:5%")
    assert out.exit_code == 0, out.stderr
    points = json.loads(out.stdout)["scenarios"][0]["sweep"]
    single = json.loads(invoke(path, "-f", "json").stdout)["scenarios"][0]["totals"]["balance"]
    assert [p["absence"] for p in points] == [0, 0.05, 0.1, 0.15, 0.2]
    assert next(p["balance"] for p in points if p["absence"] == 0.05) == single
    be = invoke(path, "-f", "json", "--breakeven", "absence")
    assert be.exit_code == 0 and json.loads(be.stdout)["scenarios"][0]["breakeven"]["parameter"] == "absence"


def test_indexation_raises_guidance_three_percent_a_year(placement, book):
    years = project(placement(year=2025, indexation="3%"), book, 5)
    guidance = [y.result.line("guidance_costs").amount for y in years]
    for before, after in zip(guidance, guidance[1:]):
        assert_cent(after, before * D("1.03"))
    # legal parameters keep their own dated values: the WML-based lines do not get the 3 %
    plain = project(placement(year=2025), book, 5)
    assert [y.result.line("wage_costs").amount for y in years] == [y.result.line("wage_costs").amount for y in plain]


def test_green_in_2026_warns_that_13000_is_a_2017_price(calc):
    result = calc(year=2026, work_type="green")
    texts = [w("nl") for w in result.warnings]
    assert any("13.000" in t and "prijzen van 2017" in t for t in texts), texts
    assert not any("prijzen van 2017" in w("nl") for w in calc(year=2017, work_type="green").warnings)


@pytest.mark.skipif(lo_recalc.soffice() is None, reason=lo_recalc.SKIP_REASON)
def test_workbook_with_absence_and_indexation_recalculates_to_the_engine(tmp_path):
    from conftest import BASE, write_scenario
    from beschut_calc.cli import compute
    from beschut_calc.inputs.parameter_files import load_parameters

    path = write_scenario(tmp_path, **{**BASE, "year": 2019, "absence": "10%", "indexation": "3%"})
    text = path.read_text(encoding="utf-8") + "variants:\n  - name: jaar 1\n  - name: jaar 3\n    year: 2021\n"
    path.write_text(text.replace("name: test\n", "name: test\n", 1), encoding="utf-8")
    runs = compute([path])
    for result in runs[0][1]:
        result.placement.__dict__  # noqa: B018 - the placements are frozen; years differ per variant
    lo_recalc.assert_workbook_matches_engine(runs, load_parameters(), tmp_path)
