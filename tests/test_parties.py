"""Who pays whom (issue 19): every amount a flow between two accounts, every party's balance from
the same books, one municipal net for one place wherever it is asked, and time bases applied by
the engine (core/accounts.py, core/flows.py, core/books.py, core/period.py)."""
from __future__ import annotations

import dataclasses
import json
from decimal import Decimal as D

import numpy as np
import pytest
from hypothesis import given, strategies as st
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core import flows as flow_declarations
from beschut_calc.core.accounts import OUTSIDE, PARTIES, SOCIETY, VIEWS, sign
from beschut_calc.core.books import legs
from beschut_calc.core.engine import calculate
from beschut_calc.core.expr import Const
from beschut_calc.core.flows import FlowSpec
from beschut_calc.core.period import month_index, months_in, months_in_arrays
from beschut_calc.core.text import Text
from conftest import SCENARIOS, write_scenario

SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if "caseload" not in p.name)


def _json(*args) -> dict:
    result = CliRunner().invoke(app, [*map(str, args), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# ------------------------------------------------------------------ the books balance

@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_party_balance_is_its_flows_and_society_is_their_sum(path, book):
    """Double entry: a party's balance = flows to it − flows from it; society = the four parties =
    flows from outside − flows to outside. Exact on the engine's Decimals, before any rounding."""
    from beschut_calc.inputs.load import load_scenario

    for placement in load_scenario(path).placements:
        result = calculate(placement, book)
        views = result.views()
        # a flow of the alternative (issue 22) counts the other way round: core/books.py legs
        booked = [(*legs(f), f.amount) for f in result.flows]
        for party in PARTIES:
            to = sum((a for payer, payee, a in booked if payee == party.key and payer != party.key), D(0))
            out = sum((a for payer, payee, a in booked if payer == party.key and payee != party.key), D(0))
            assert views[party.key].balance == to - out, (placement.name, party.key)
        parties = sum((views[p.key].balance for p in PARTIES), D(0))
        outside = (sum((a for payer, _, a in booked if payer == OUTSIDE), D(0))
                   - sum((a for _, payee, a in booked if payee == OUTSIDE), D(0)))
        assert abs(views[SOCIETY].balance - parties) < D("1e-18") and abs(parties - outside) < D("1e-18")
        # the employer's lines are its flows: a line is the sum of its flows, rounding included
        for line in result.lines:
            parts = sum((f.amount for f in result.flows if f.line == line.key), D(0))
            assert abs(parts - line.amount) < D("1e-18"), (placement.name, line.key)


def test_json_flows_and_perspectives_are_always_there_and_add_up():
    data = _json(SCENARIOS / "werkgeversmodellen-2026.yaml")
    for column in data["scenarios"]:
        assert set(column["perspectives"]) == {"employer", "municipality", "state", "worker", "society"}
        for flow in column["flows"]:
            assert set(flow) >= {"key", "label", "amount", "payer", "payee", "rule", "source"}
        for name, view in column["perspectives"].items():
            assert abs(view["receives"] - view["pays"] - view["balance"]) <= 0.011
            if name == "society":
                continue
            to = sum(f["amount"] for f in column["flows"] if f["payee"] == name and f["payer"] != name)
            out = sum(f["amount"] for f in column["flows"] if f["payer"] == name and f["payee"] != name)
            # each amount is rounded to the cent on its own
            assert abs(to - out - view["balance"]) <= 0.005 * (len(column["flows"]) + 1), name
        parties = sum(column["perspectives"][p]["balance"] for p in ("employer", "municipality", "state", "worker"))
        assert abs(parties - column["perspectives"]["society"]["balance"]) <= 0.03


def test_society_counts_only_flows_with_the_outside_world():
    for payer in (*[p.key for p in PARTIES], OUTSIDE):
        for payee in (*[p.key for p in PARTIES], OUTSIDE):
            if payer != payee:
                assert sign(SOCIETY, payer, payee) == (payer == OUTSIDE) - (payee == OUTSIDE)


# ------------------------------------------------------------------ one municipal net for one place

PLACE_28 = dict(name="28 uur", year=2026, hours=28, wage_value="35%", employer_model="regular", subsidy_set="rijk")


def test_one_place_gives_one_municipal_net_everywhere(tmp_path):
    """Issue 19: --perspective gemeente, a target of 10 places and a one-row caseload agree per place
    (national funding pro rata to hours: 003 §3.1 and §4.4)."""
    single = _json(write_scenario(tmp_path, "one.yaml", **PLACE_28))
    per_place = D(str(single["scenarios"][0]["perspectives"]["municipality"]["balance"]))

    targets = _json(write_scenario(tmp_path, "ten.yaml", **PLACE_28, targets={2026: 10}))
    row = next(r for r in targets["budget"] if r["year"] == 2026)
    assert abs(D(str(row["municipal_net"])) / 10 - per_place) <= D("0.01")

    (tmp_path / "one.csv").write_text("id;gemeente;startdatum;uren;loonwaarde;werkgever;subsidieset\n"
                                      "A1;Zaandam;1-1-2026;28;35%;regulier;rijk\n", encoding="utf-8")
    caseload = _json(write_scenario(tmp_path, "caseload.yaml", name="een rij", caseload="one.csv", year=2026,
                                    employer_model="regular", subsidy_set="rijk"))
    year = caseload["caseload"]["by_year"][0]
    assert abs(D(str(year["municipal_net"])) - per_place) <= D("0.01")
    for view in ("employer", "state", "worker", "society"):
        assert abs(D(str(year[f"{view}_net"])) - D(str(single["scenarios"][0]["perspectives"][view]["balance"]))) <= D("0.01")


def test_perspective_names_in_dutch_and_english(tmp_path):
    path = write_scenario(tmp_path, **PLACE_28)
    for dutch, english, heading in (("gemeente", "municipality", "Saldo gemeente"), ("rijk", "state", "Saldo Rijk"),
                                    ("werknemer", "worker", "Saldo werknemer"),
                                    ("maatschappij", "society", "Saldo maatschappij"), ("werkgever", "employer", "Saldo werkgever")):
        for name in (dutch, english):
            out = CliRunner().invoke(app, [str(path), "--perspective", name]).stdout
            assert heading in out, name
    everything = CliRunner().invoke(app, [str(path), "--perspective", "alle"]).stdout
    assert all(f"Saldo {who}" in everything for who in ("werkgever", "gemeente", "Rijk", "werknemer", "maatschappij"))


def test_party_tables_fit_80_columns_without_splitting_an_amount():
    result = CliRunner().invoke(app, [str(SCENARIOS / "werkgeversmodellen-2026.yaml"), "--perspective", "alle"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "wat deze partij" in line)
    for line in lines[start:]:
        assert len(line) <= 80, line
        assert not line.rstrip().endswith(("€", "-€")), line


def test_tables_of_several_files_follow_the_file_order():
    files = [SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml", SCENARIOS / "zaanstreek-waterland-2017.yaml"]
    out = CliRunner().invoke(app, [*map(str, files), "--perspective", "gemeente"]).stdout
    party = [line for line in out.splitlines() if line.startswith("Zaanstreek")]
    names = [line.split("—")[0].strip() for line in party]
    assert names.index(next(n for n in names if "payroll" in n.lower())) < max(i for i, n in enumerate(names) if "payroll" not in n.lower())


# ------------------------------------------------------------------ a flow declared once reaches every view

TRAVEL = FlowSpec("toy_travel_allowance", "municipality", "worker", Text("reiskostenvergoeding", "travel allowance"), "placed",
                  "een proef (test)", rule=Const(D(1200)))


@pytest.fixture
def travel(monkeypatch):
    monkeypatch.setattr(flow_declarations, "FLOWS", flow_declarations.FLOWS + (TRAVEL,))


def test_a_toy_flow_reaches_every_party_json_years_and_caseload(travel, tmp_path, book):
    path = write_scenario(tmp_path, **{**PLACE_28, "start": "2026-04"})
    data = _json(path, "--years", "2")
    column = data["scenarios"][0]
    flow = next(f for f in column["flows"] if f["key"] == TRAVEL.key)
    assert (flow["payer"], flow["payee"], flow["amount"]) == ("municipality", "worker", 900)   # 9 of 12 months
    years = column["years"]
    assert [next(f["amount"] for f in y["flows"] if f["key"] == TRAVEL.key) for y in years] == [900, 1200]
    # in the books of both parties, and cancelled in society's
    without = _json(write_scenario(tmp_path, "without.yaml", **{**PLACE_28, "start": "2026-04"}))
    # (the monkeypatch is active for this run too: compare with the engine's own views)
    from beschut_calc.inputs.load import load_scenario

    result = calculate(load_scenario(path).placements[0], book)
    assert any(f.key == TRAVEL.key for f in result.views()["municipality"].pays)
    assert any(f.key == TRAVEL.key for f in result.views()["worker"].receives)
    assert all(f.key != TRAVEL.key for v in (result.views()[SOCIETY],) for f in (*v.receives, *v.pays))
    assert without["scenarios"][0]["perspectives"]["society"]["balance"] == column["perspectives"]["society"]["balance"]
    table = CliRunner().invoke(app, [str(path), "--perspective", "alle"]).stdout
    assert table.count("reiskostenvergoeding") == 2      # paid by the municipality, received by the worker
    # a caseload: vectorised through the same declaration
    (tmp_path / "c.csv").write_text("id;gemeente;startdatum;uren;loonwaarde;werkgever;subsidieset\n"
                                    "A1;Zaandam;1-4-2026;28;35%;regulier;rijk\n", encoding="utf-8")
    caseload = _json(write_scenario(tmp_path, "c.yaml", name="c", caseload="c.csv", year=2026, employer_model="regular",
                                    subsidy_set="rijk"))["caseload"]["by_year"][0]
    assert abs(caseload["worker_net"] - column["perspectives"]["worker"]["balance"]) <= 0.01
    assert abs(caseload["municipal_net"] - column["perspectives"]["municipality"]["balance"]) <= 0.01
    # a workbook: the flow is a live formula, in both parties' blocks, and LibreOffice recalculates it
    import lo_recalc
    from beschut_calc.report import excel

    wb, layouts = excel.build([(_Scenario(), [result])], book)
    layout = layouts[0]
    assert wb[layout.sheet][layout.flows[TRAVEL.key].replace("$", "")].value.startswith("=")
    if lo_recalc.soffice() is None:
        pytest.skip(lo_recalc.SKIP_REASON)
    target = tmp_path / "travel.xlsx"
    wb.save(target)
    values = lo_recalc.recalculated_values(target, tmp_path / "lo")[layout.sheet]
    assert abs(D(repr(values[layout.flows[TRAVEL.key].replace("$", "")].value)) - 900) < D("0.005")
    for view, book_ in result.views().items():
        got = values[layout.parties[view]["balance"].replace("$", "")].value
        assert abs(D(repr(got)) - book_.balance) < D("0.005"), view


class _Scenario:
    name, file, extra, description = "reiskosten", "reiskosten.yaml", {}, None


# ------------------------------------------------------------------ time bases (core/period.py)

@given(start_year=st.integers(2016, 2020), start_month=st.integers(1, 12), trial=st.integers(0, 6),
       length=st.one_of(st.none(), st.integers(0, 40)), year=st.integers(2015, 2023))
def test_the_scalar_and_array_periods_agree(start_year, start_month, trial, length, year):
    start = month_index(start_year, start_month)
    end = None if length is None else start + length
    first, last, trial_here = months_in(start, trial, end, year)
    rows, a_first, a_last, a_trial = months_in_arrays(np.array([start]), np.array([trial]),
                                                      np.array([end if end is not None else 10**9]), year, np)
    if first > last:
        assert len(rows) == 0
    else:
        assert (int(a_first[0]), int(a_last[0]), int(a_trial[0])) == (first, last, trial_here)


@pytest.mark.parametrize("employer_model", ["municipality", "regular", "payroll"])
def test_every_flow_is_zero_outside_the_placement_and_at_most_its_share(placement, book, employer_model):
    base = placement(year=2026, hours=32, wage_value="40%", employer_model=employer_model, subsidy_set="zaanstreek-waterland-2017",
                     absence="5%", overrides={"municipal_top_up": 1000})

    @given(start_month=st.integers(1, 12), months=st.integers(1, 12), trial=st.integers(0, 3),
           year=st.sampled_from([2025, 2026, 2027]))
    def check(start_month, months, trial, year):
        _flows_within_their_period(base, book, start_month, months, trial, year)
    check()


def _flows_within_their_period(base, book, start_month, months, trial, year):
    """Issue 19 item 5: every flow of every party is 0 in a year the placement does not run, and at
    most its full-year amount × months/12 (allowing for the July rise of the WML within a year)."""
    p = dataclasses.replace(base, year=year, first_year=2026, start_month=start_month, trial_months=trial,
                            end=(2026 + (start_month + months - 2) // 12, (start_month + months - 2) % 12 + 1))
    full = {f.key: f.amount for f in calculate(dataclasses.replace(base, year=year, first_year=year - 1), book).flows}
    first, last, _ = p.months_in(year)
    running = max(last - first + 1, 0)
    for flow in calculate(p, book).flows:
        if running == 0:
            assert flow.amount == 0, (flow.key, year)
        elif flow.basis in ("placed", "contract") and flow.key not in ("wage_cost_mark_up", "employer_invoice"):
            assert abs(flow.amount) <= abs(full[flow.key]) * running / 12 * D("1.03") + D("0.01"), flow.key


def test_a_caseload_gives_every_party_per_year_and_society_is_their_sum():
    data = _json(SCENARIOS / "caseload-zaanstreek-voorbeeld.yaml", "--years", "2")["caseload"]
    for year in data["by_year"]:
        parties = year["employer_net"] + year["municipal_net"] + year["state_net"] + year["worker_net"]
        # each placement's amounts are kept in cents, so the sums agree to a cent per placement
        assert abs(parties - year["society_net"]) <= 0.01 * year["places"], year["year"]
    table = CliRunner().invoke(app, [str(SCENARIOS / "caseload-zaanstreek-voorbeeld.yaml")]).stdout
    assert "Wie betaalt wie: saldo per partij per jaar" in table and "Maatschappij" in table
