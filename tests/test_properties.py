"""Property tests (hypothesis; profile and seed in conftest.py, 150 examples per test in CI).

Scenarios are drawn as YAML and loaded through the public loader, so every drawn case is one a
user could write. Properties (issue 2 item 9): balance equals benefits minus costs exactly (also in
the JSON a user reads), no line is negative, no subsidy exceeds its cap, and the memo method at 31 h
without rounding equals its 31-hour inputs.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal as D
from decimal import Decimal
from itertools import count
from pathlib import Path

from hypothesis import given

from beschut_calc.core.engine import calculate
from beschut_calc.inputs.load import load_scenario
from beschut_calc.inputs.parameter_files import load_parameters
from beschut_calc.report.jsonout import scenario_dict
from conftest import assert_cent, scenario_text
from strategies import valid_scenarios

BOOK = load_parameters()
_DIR = tempfile.TemporaryDirectory(prefix="beschut-props-")
_N = count()



def scenarios(method=None, rounding=None, hours_=None):
    # The bare lines: no kind of work, trial months or extra benefit lines.
    return valid_scenarios(method=method, rounding=rounding, hours=hours_, extras=False)


def load(keys: dict):
    path = Path(_DIR.name) / f"p{next(_N)}.yaml"
    path.write_text(scenario_text(keys), encoding="utf-8")
    return load_scenario(path).placements[0]


def run(keys: dict):
    return calculate(load(keys), BOOK)


def jan1(p):
    return dt.date(p.year, 1, 1)


def memo_charges(p):
    """The memo method keeps the note's 23 % (params/memo_employer_charges.yaml) unless overridden (issue 21)."""
    if "employer_charges" in p.overrides:
        return p.overrides["employer_charges"].value
    return BOOK.at("memo_employer_charges", jan1(p)).value


def value(p, name, when=None):
    """A parameter as the placement sees it: override, then employer model, then the dated book."""
    if name in p.overrides:
        return p.overrides[name].value
    if name in p.employer.parameters:
        found = p.employer.parameters[name].value
        if isinstance(found, dict) and "tariff" in found:
            # A payroll tariff (003 §3.2): tariff / own wage costs of its year by endnote vii.
            first = dt.date(int(found["year"]), 1, 1)
            own = (12 * BOOK.at("wml_month", first).value * (1 + BOOK.at("holiday_allowance", first).value)
                   * (1 + BOOK.at("employer_charges", first).value) * found["hours"] / value(p, "fulltime_hours"))
            return found["tariff"] / own
        return found
    return BOOK.at(name, when or jan1(p)).value


# ------------------------------------------------------------------ balance

@given(scenarios())
def test_balance_is_benefits_minus_costs_exactly(keys):
    result = run(keys)
    benefits = sum(line.amount for line in result.lines if line.side == "benefit")
    costs = sum(line.amount for line in result.lines if line.side == "cost")
    assert result.benefits == benefits and result.costs == costs
    assert result.balance == benefits - costs


@given(scenarios())
def test_json_figures_are_exact_values_rounded_to_the_cent(keys):
    # Convention (README, "Uitvoer"): the engine computes without rounding; every JSON figure,
    # line or total, is its own exact value rounded half-up to the cent. So each figure is
    # within half a cent of the exact value, and sums of printed figures can differ from the
    # printed total by at most half a cent per figure ("door afronding kunnen totalen afwijken").
    result = run(keys)
    doc = scenario_dict(result)
    exact = {"benefits": result.benefits, "costs": result.costs, "balance": result.balance}
    for key, value in doc["totals"].items():
        assert abs(Decimal(str(value)) - exact[key]) <= Decimal("0.005"), (key, value, exact[key])
    for printed, line in zip(doc["lines"], result.lines):
        assert abs(Decimal(str(printed["amount"])) - line.amount) <= Decimal("0.005"), printed
    for side, total in (("benefit", "benefits"), ("cost", "costs")):
        lines = [Decimal(str(l["amount"])) for l in doc["lines"] if l["side"] == side]
        assert abs(sum(lines) - Decimal(str(doc["totals"][total]))) <= Decimal("0.005") * (len(lines) + 1)


# ------------------------------------------------------------------ signs and caps

@given(scenarios())
def test_no_line_is_negative(keys):
    for line in run(keys).lines:
        assert line.amount >= 0, (line.key, line.amount)


@given(scenarios())
def test_regional_subsidies_within_the_set_amount(keys):
    # domain.md §3: amount per year at >= 31 h, x min(h, 31)/31; never more than the set's amount
    result = run(keys)
    sset = result.placement.subsidy_set
    for key in ("general_subsidy", "temporary_subsidy"):
        cap = sset.subsidies[key].amount if key in sset.subsidies else D(0)
        assert result.line(key).amount <= cap, (key, result.line(key).amount, cap)


@given(scenarios(method="statutory"))
def test_lks_within_70_percent_of_W_with_allowance(keys):
    # domain.md §3 LKS: min(1 - wage value, 70 %) x W x (1 + allowance) <= 70 % x W x (1 + allowance),
    # W = WML year base x 1.08. W is summed here month by month from the dated book.
    result = run(keys)
    p = result.placement
    base = D(0)
    for month in range(1, 13):
        first = dt.date(p.year, month, 1)
        if BOOK.at("hourly_wml_from", first).value:
            base += BOOK.at("wml_hour", first).value * p.hours * 52 / 12
        else:
            base += BOOK.at("wml_month", first).value * p.hours / value(p, "fulltime_hours")
    w = base * (1 + value(p, "holiday_allowance"))
    cap = D("0.70") * w * (1 + value(p, "lks_employer_charge_allowance"))
    assert result.line("wage_subsidy").amount <= cap + D("0.000001")


@given(scenarios(method="memo"))
def test_memo_lks_within_the_national_figure(keys):
    # 003 §3.1 b: €14,300 per place at 31 h is the 70 % maximum; scaled by h/31
    result = run(keys)
    p = result.placement
    assert result.line("wage_subsidy").amount <= D(14300) * p.hours / 31 + D("0.000001")


@given(scenarios())
def test_tax_advantage_within_the_band_maximum(keys):
    # LIV: at most the maximum of its band (2017: 2,000 / 1,000); never an LKV (Wtl art. 2.10 lid 2 onder b)
    result = run(keys)
    p = result.placement
    liv = BOOK.at("liv", jan1(p)).value
    caps = [band["max"] for band in liv["bands"]] if liv else [D(0)]
    assert result.line("tax_advantage").amount <= max(caps)


# ------------------------------------------------------------------ memo method at 31 h

def liv_at(p, hourly: D, paid_hours: D) -> D:
    liv = BOOK.at("liv", jan1(p)).value
    if liv is None or paid_hours < BOOK.at("liv_min_hours_year", jan1(p)).value:
        return D(0)
    for band in liv["bands"]:
        if band["from"] <= hourly <= band["to"]:
            return min(band["rate"] * paid_hours, band["max"])
    return D(0)


@given(scenarios(method="memo", rounding="none", hours_=31))
def test_memo_at_31_hours_equals_its_inputs(keys):
    # domain.md §3 item 1 / 003 chapter 6: at 31 h the scale factor is 1, so each line is its 31-hour input
    result = run(keys)
    p = result.placement
    fulltime = value(p, "fulltime_hours")
    holiday = value(p, "holiday_allowance")
    if BOOK.at("hourly_wml_from", jan1(p)).value:
        w_full = BOOK.at("wml_hour", jan1(p)).value * fulltime * 52 * (1 + holiday)
    else:
        w_full = 12 * BOOK.at("wml_month", jan1(p)).value * (1 + holiday)
    on_fulltime = p.overrides["memo_wage_value_fulltime"].value if "memo_wage_value_fulltime" in p.overrides else True
    level = value(p, "wage_level")
    markup = value(p, "payroll_markup") if p.employer.name == "payroll" else D(1)
    fee = value(p, "agency_fee") if p.employer.name == "temp_agency" else D(0)

    assert_cent(result.line("wage_value").amount,
                p.wage_value * w_full * (1 if on_fulltime else D(31) / fulltime), "wage_value")
    assert_cent(result.line("wage_costs").amount,
                w_full * 31 / fulltime * level * (1 + memo_charges(p)) * markup * (1 + fee), "wage_costs")
    assert_cent(result.line("guidance_costs").amount, value(p, "guidance_cost_fulltime") * D(31) / 36, "guidance")
    sset = p.subsidy_set
    for key in ("general_subsidy", "temporary_subsidy"):
        sub = sset.subsidies.get(key)
        exists = sub is not None and not (sub.from_year and p.year < sub.from_year) \
            and not (sub.until_year and p.year > sub.until_year)
        assert result.line(key).amount == (sub.amount if exists else 0), key
    if sset.wage_subsidy_rule == "statutory":
        assert_cent(result.line("wage_subsidy").amount, D(14300) * min(1 - p.wage_value, D("0.70")) / D("0.70"), "LKS")
    liv = liv_at(p, w_full * level / (fulltime * 52), D(31 * 52))
    assert_cent(result.line("tax_advantage").amount, liv, "tax_advantage")
