"""Break-even (issue 5, item 1): the value of one input at which the balance is zero, from the real engine."""
from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from beschut_calc.analysis.breakeven import solve
from beschut_calc.analysis.inputs import with_value
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from beschut_calc.inputs.load import load_scenario
from conftest import SCENARIOS

MEMO = SCENARIOS / "zaanstreek-waterland-2017.yaml"
STATUTORY = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
PAYROLL = SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml"

# The memo's 31-hour column by hand, without the memo's rounding (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, chapter 6):
WML = Decimal("1551.60")                                  # endnote vii, WML 1-1-2017
WAGE_VALUE = Decimal("0.30") * WML * 12 * Decimal("1.08")  # 30 % of a 36-hour year (ch. 6)
LKS, GENERAL, TEMPORARY = Decimal(14300), Decimal(8500), Decimal(2500)   # §3.1, §4.3.2
LIV = Decimal("0.51") * 31 * 52                           # endnote xiii, lower band
WAGE_COSTS = 12 * WML * Decimal("1.08") * Decimal("1.23") * 31 / 36    # endnote vii x 31/36
BENEFITS = WAGE_VALUE + LKS + GENERAL + TEMPORARY + LIV


def column(path, index=0):
    return load_scenario(path).placements[index]


def test_guidance_budget_at_which_the_memos_31_hour_place_breaks_even(book):
    # balance = benefits - wage costs - G x 31/36 = 0  =>  G = (benefits - wage costs) x 36/31 (endnote viii: per 36-hour place)
    by_hand = (BENEFITS - WAGE_COSTS) * 36 / 31
    found = solve(column(MEMO), book, "guidance_cost_fulltime")
    assert found.method == "linear"
    assert round(found.value, 2) == round(by_hand, 2)
    assert found.current == 13000
    # and the engine itself agrees: at that value the (unrounded) balance is zero
    p = dataclasses.replace(with_value(column(MEMO), "guidance_cost_fulltime", found.value), rounding=None)
    assert abs(calculate(p, book).balance) < Decimal("0.000001")


def test_rounding_is_off_while_solving(book):
    rounded, plain = column(MEMO), dataclasses.replace(column(MEMO), rounding=None)
    assert solve(rounded, book, "guidance_cost_fulltime").value == solve(plain, book, "guidance_cost_fulltime").value
    # the memo's rounded balance is -400, the unrounded one is what the solver starts from
    assert calculate(rounded, book).balance == -400
    assert solve(rounded, book, "guidance_cost_fulltime").balance_now == calculate(plain, book).balance


def test_municipal_top_up_closes_the_gap(book):
    p = column(STATUTORY)
    found = solve(p, book, "municipal_top_up")
    assert found.value == -calculate(p, book).balance > 0
    closed = calculate(with_value(p, "municipal_top_up", found.value), book)
    assert closed.line("municipal_top_up").amount == found.value
    assert abs(closed.balance) < Decimal("0.000001")


def test_hours_between_the_liv_threshold_and_the_31_hour_cap_by_hand(book):
    # Memo method: every line x h/31 except the temporary subsidy (not pro-rated in the table) and the
    # LIV (none below 24 h, §4.4). Between 24 and 31 h: h/31 x (benefits - 2,500 - costs) + 2,500 = 0.
    costs = WAGE_COSTS + 13000 * Decimal(31) / 36
    by_hand = TEMPORARY * 31 / (costs - (BENEFITS - TEMPORARY))
    found = solve(column(MEMO), book, "hours")
    assert 24 < by_hand < 31
    assert found.method == "bisection"
    assert abs(found.value - by_hand) < Decimal("0.0001")
    # the LIV threshold at 24 h is a jump over zero, reported as one more break-even point
    assert Decimal(24) in [v.quantize(Decimal("0.001")) for v in found.others]


def test_jump_at_the_liv_threshold(book):
    found = solve(column(MEMO, 1), book, "hours")          # the 24-hour column: +70 at 24 h, a deficit just below
    assert found.value == 24 and found.method == "jump"
    below = calculate(dataclasses.replace(with_value(column(MEMO, 1), "hours", Decimal("23.99")), rounding=None), book).balance
    at = calculate(dataclasses.replace(column(MEMO, 1), rounding=None), book).balance
    assert below < 0 <= at
    assert "springt" in found.reason("nl")


def test_no_break_even_in_the_valid_range(book):
    found = solve(column(STATUTORY), book, "wage_value")
    assert found.value is None
    assert found.reason("nl").startswith("geen break-even tussen 0 % en 100 %")
    assert "no break-even between 0% and 100%" in found.reason("en")


def test_a_mark_up_the_employer_model_does_not_have(book):
    found = solve(column(MEMO), book, "agency_fee")           # own employment: no agency fee (003 §4)
    assert found.value is None and "geen invloed" in found.reason("nl")


def test_payroll_mark_up_at_which_payroll_breaks_even(book):
    p = column(PAYROLL, 1)                                    # 24 hours: breaks even at a mark-up above 1
    found = solve(p, book, "payroll_markup")
    assert found.method == "linear" and 1 < found.value < found.current
    balance = calculate(dataclasses.replace(with_value(p, "payroll_markup", found.value), rounding=None), book).balance
    assert abs(balance) < Decimal("0.000001")


def test_a_mark_up_is_searched_only_where_a_scenario_could_state_it(book):
    # 31 hours would only break even with payroll cheaper than own employment (factor < 1), which a
    # scenario cannot state (issue 15: one set of bounds for files, sweeps and break-even)
    found = solve(column(PAYROLL), book, "payroll_markup")
    assert found.value is None and "tussen × 1,0000 en × 3,0000" in found.reason("nl")


def test_cli_json_and_terminal():
    result = CliRunner().invoke(app, [str(MEMO), "--breakeven", "guidance_cost_fulltime", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    be = [s["breakeven"] for s in data["scenarios"]]
    assert [b["parameter"] for b in be] == ["guidance_cost_fulltime"] * 2
    assert be[0]["value"] == float(round((BENEFITS - WAGE_COSTS) * 36 / 31, 2))
    result = CliRunner().invoke(app, [str(STATUTORY), "--breakeven", "wage_value", "-f", "json"])
    first = json.loads(result.stdout)["scenarios"][0]["breakeven"]
    assert first["value"] is None and first["reason"].startswith("geen break-even")
    table = CliRunner().invoke(app, [str(MEMO), "--breakeven", "guidance_cost_fulltime"])
    assert "31 uur: saldo 0 bij € 12.607" in table.stdout
    assert "24 uur: saldo 0 bij" in table.stdout


@pytest.mark.parametrize("name", ["loonwaarde", "hour"])
def test_unknown_input_is_one_line_exit_2(name):
    result = CliRunner().invoke(app, [str(MEMO), "--breakeven", name])
    assert result.exit_code == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert "--breakeven" in result.stderr and "hours" in result.stderr


# ---------------------------------------------------------------- issue 20 item 8: from the trees, every column

def _by_engine(p, book, name):
    from beschut_calc.analysis.breakeven import _solve_by_engine

    return _solve_by_engine(p, book, name)


@pytest.mark.parametrize(("path", "index", "name"), [
    (MEMO, 0, "hours"), (MEMO, 1, "hours"), (STATUTORY, 0, "hours"), (STATUTORY, 1, "wage_value"),
    (MEMO, 0, "wage_value"), (PAYROLL, 1, "payroll_markup"), (STATUTORY, 0, "guidance_cost_fulltime"),
    (SCENARIOS / "arnhem-2017.yaml", 1, "hours"), (SCENARIOS / "werkgeversmodellen-2026.yaml", 0, "absence"),
])
def test_the_trees_give_the_engines_answer(book, path, index, name):
    # the search over the bound trees (numpy, then Decimal) reports what the search by `calculate` alone reported
    p = column(path, index)
    fast, slow = solve(p, book, name), _by_engine(p, book, name)
    assert fast.to_json("nl") == slow.to_json("nl") and fast.to_json("en") == slow.to_json("en")
    assert fast.method == slow.method and fast.balance_now == slow.balance_now


def test_every_reported_value_balances_by_the_engine(book):
    # one calculate per column confirms it; the other break-even points balance too
    for path in (MEMO, STATUTORY, PAYROLL):
        for p in load_scenario(path).placements:
            for name in ("hours", "wage_value", "guidance_cost_fulltime", "municipal_top_up"):
                found = solve(p, book, name)
                for value in ((found.value,) if found.value is not None else ()) + found.others:
                    balance = calculate(dataclasses.replace(with_value(p, name, value), rounding=None), book).balance
                    if found.method == "jump" and value == found.value:
                        assert balance != 0
                    elif value in found.others and abs(balance) > Decimal("1e-8"):
                        continue                      # another jump over zero (the LIV threshold)
                    else:
                        assert abs(balance) <= Decimal("1e-8"), (path.name, p.name, name, value, balance)


def test_a_disagreement_with_the_engine_falls_back_to_the_engine(book, monkeypatch):
    from beschut_calc.analysis import breakeven

    used = []
    real = breakeven._solve_by_engine
    monkeypatch.setattr(breakeven, "_confirmed", lambda *a: False)
    monkeypatch.setattr(breakeven, "_solve_by_engine", lambda *a: used.append(a[2]) or real(*a))
    found = solve(column(MEMO, 1), book, "hours")
    assert used == ["hours"] and found.value == 24 and found.method == "jump"


def test_indexation_without_effect_in_the_first_year_is_said_so(book):
    # indexation grows the guidance costs from the placement's second year: (1 + i) ^ (year - first year)
    found = solve(column(STATUTORY), book, "indexation")
    assert found.value is None and found.method == "none"
    assert found.reason("nl").startswith("indexatie per jaar heeft geen invloed op het saldo van deze kolom")
    assert "tweede jaar" in found.reason("nl") and "second year" in found.reason("en")


def test_indexation_in_a_later_year_of_the_placement(book, tmp_path):
    from conftest import write_scenario

    path = write_scenario(tmp_path, name="later", year=2019, start="2017-01", hours=31, wage_value="30%",
                          subsidy_set="zaanstreek-waterland-2017", indexation="2%", overrides={"guidance_cost_fulltime": 9000})
    p = load_scenario(path).placements[0]
    found, slow = solve(p, book, "indexation"), _by_engine(p, book, "indexation")
    assert found.to_json("nl") == slow.to_json("nl")
    if found.value is not None:
        balance = calculate(dataclasses.replace(with_value(p, "indexation", found.value), rounding=None), book).balance
        assert abs(balance) <= Decimal("1e-8")
    else:
        assert found.reason("nl").startswith("geen break-even tussen -10 % en 20 %")


def test_cli_indexation_answers_in_dutch_exit_0():
    result = CliRunner().invoke(app, [str(MEMO), "--breakeven", "indexation"])
    assert result.exit_code == 0, result.stderr
    assert "31 uur: indexatie per jaar heeft geen invloed op het saldo van deze kolom" in " ".join(result.stdout.split())


def test_five_hundred_columns_may_ask_for_a_break_even():
    from beschut_calc.analysis.hooks import check_request
    from beschut_calc.core import limits
    from beschut_calc.core.errors import InputError

    assert limits.BREAKEVEN_COLUMNS.maximum == limits.COLUMNS.maximum == 500
    check_request(500, breakeven="hours", sweep=[], years=None)
    with pytest.raises(InputError):
        check_request(501, breakeven="hours", sweep=[], years=None)
