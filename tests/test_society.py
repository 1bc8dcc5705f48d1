"""The societal business case (issue 22): every party with the placement against the alternative.

Each party's balance is its flows with the placement minus its flows in the alternative (bijstand,
dagbesteding or both; core/flows.py, core/books.py `legs`). The figures by hand come from:
- Participatiewet (BWBR0015703) art. 21 onder a and b, versions 2025-01-01 and 2025-07-01: the single
  norm € 1.345,45 and € 1.369,06, the couple norm € 1.922,07 and € 1.955,80 a month (holiday allowance in);
- Wet inkomstenbelasting 2001 (BWBR0011353), version 2025-01-01: art. 2.10 lid 1 first bracket 8,17 % plus
  27,65 % national insurance premiums = 35,82 %; art. 8.10 lid 2 algemene heffingskorting € 3.068 (phased
  out above € 28.406); art. 8.11 lid 2 arbeidskorting € 980 + 30,030 % above € 12.169 (up to € 26.288);
- Wml: the minimum hourly wage € 14,06 (January) and € 14,40 (July 2025), 8 % holiday allowance;
- Werkgroep discontovoet 2020: 2,25 % real.
"""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.accounts import MUNICIPALITY, PARTIES, SOCIETY, STATE, WORKER
from beschut_calc.core.books import legs
from beschut_calc.core.engine import calculate
from conftest import SCENARIOS, write_scenario

PLACE_2025 = {"year": 2025, "hours": 31, "wage_value": "30%", "employer_model": "municipality", "subsidy_set": "geen"}
SINGLE_NORM_2025 = 6 * D("1345.45") + 6 * D("1369.06")
COUPLE_NORM_2025 = 6 * D("1922.07") + 6 * D("1955.80")


def wage_2025(hours: int) -> D:
    """The year's gross wage at the minimum hourly wage of January and July 2025, with holiday allowance."""
    return (6 * D("14.06") + 6 * D("14.40")) * hours * 52 / 12 * D("1.08")


def tax_2025(wage: D) -> D:
    """Box 1 at 35,82 % less both credits, for a wage between € 12.169 and € 26.288 (no AHK phase-out)."""
    assert D(12169) < wage < D(26288)
    return max(D(0), D("0.3582") * wage - D(3068) - (D(980) + D("0.3003") * (wage - D(12169))))


def result_of(tmp_path, name: str = "s.yaml", **keys):
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    path = write_scenario(tmp_path, name, **{"name": "Plek", **PLACE_2025, **keys})
    return calculate(load_scenario(path).placements[0], load_parameters())


def flow(result, key: str) -> D:
    return next(f.amount for f in result.flows if f.key == key)


def balance(result, view: str) -> D:
    return result.views()[view].balance


def close(got: D, expected: D) -> None:
    assert abs(got - expected) < D("0.000001"), (got, expected)


# ------------------------------------------------------------------ by hand, from the sources

def test_a_single_person_in_2025(tmp_path):
    """Bijstand avoided, the worker's net wage and tax, and the worker's gain (Pw art. 21 a; Wet IB art. 2.10, 8.10, 8.11)."""
    result = result_of(tmp_path, alternative="bijstand", household="alleenstaande")
    wage = wage_2025(31)
    tax = tax_2025(wage)
    close(flow(result, "wage"), wage)
    close(flow(result, "income_tax"), tax)
    close(flow(result, "alternative_social_assistance"), SINGLE_NORM_2025)
    assert flow(result, "social_assistance_top_up") == 0          # the net wage is above the norm
    close(balance(result, WORKER), wage - tax - SINGLE_NORM_2025)
    # the tax is part of every placement (also without an alternative); the avoided bijstand and its
    # execution cost go to the municipality
    without = result_of(tmp_path, "none.yaml")
    close(flow(without, "income_tax"), tax)
    assert balance(result, STATE) == balance(without, STATE)       # the Rijk's BUIG share is 0 in a first year
    close(balance(result, MUNICIPALITY) - balance(without, MUNICIPALITY), SINGLE_NORM_2025 + D(2883))


def test_a_couple_in_2025(tmp_path):
    """The couple norm of Pw art. 21 onder b for the household; the same wage and tax."""
    result = result_of(tmp_path, alternative="bijstand", household="gehuwd")
    wage = wage_2025(31)
    close(flow(result, "alternative_social_assistance"), COUPLE_NORM_2025)
    assert flow(result, "social_assistance_top_up") == 0
    close(balance(result, WORKER), wage - tax_2025(wage) - COUPLE_NORM_2025)


def test_twenty_hours_leave_supplementary_bijstand(tmp_path):
    """At 20 hours the net wage stays below the single norm: the municipality tops it up (Pw art. 31), the
    case stays open (its execution cost both with and without the placement), and the worker gains nothing."""
    result = result_of(tmp_path, hours=20, alternative="bijstand", household="alleenstaande")
    wage = wage_2025(20)
    net = wage - tax_2025(wage)
    top_up = SINGLE_NORM_2025 - net
    assert top_up > 0
    close(flow(result, "social_assistance_top_up"), top_up)
    close(flow(result, "social_assistance_execution"), D(2883))
    close(flow(result, "alternative_execution"), D(2883))
    close(balance(result, WORKER), D(0))


def test_cost_sharers_give_the_cost_sharing_norm(tmp_path):
    """Pw art. 22a lid 1: with one cost sharer (A = 2) the norm is (40 + 2 × 30) / 2 = 50 % of the couple norm."""
    result = result_of(tmp_path, alternative="bijstand", household="alleenstaande", cost_sharers=1)
    close(flow(result, "alternative_social_assistance"), COUPLE_NORM_2025 / 2)


# ------------------------------------------------------------------ transfers cancel, real costs do not

@pytest.mark.parametrize("change", [{"subsidy_set": "rijk"}, {"subsidy_set": "zaanstreek-waterland-2017"},
                                    {"overrides": {"lks_employer_charge_allowance": "0%"}},
                                    {"household": "gehuwd"}],
                         ids=["rijk", "zaanstreek", "lks-allowance", "household"])
def test_society_does_not_move_with_transfers(tmp_path, change):
    """Subsidies, the LKS allowance and bijstand move money between the parties: society's balance stays,
    the municipality's does not."""
    base = {"employer_model": "regular", "alternative": "bijstand"}
    before = result_of(tmp_path, "a.yaml", **base)
    after = result_of(tmp_path, "b.yaml", **{**base, **change})
    assert balance(after, SOCIETY) == balance(before, SOCIETY)
    assert balance(after, MUNICIPALITY) != balance(before, MUNICIPALITY)


@pytest.mark.parametrize("start,share", [(None, D(1)), ("2025-07", D(6) / 12)])
def test_day_activities_raise_society_by_their_cost(tmp_path, start, share):
    """Dagbesteding in the alternative is a real cost avoided: society gains its cost for the months placed."""
    extra = {"start": start} if start else {}
    bijstand = result_of(tmp_path, "a.yaml", alternative="bijstand", **extra)
    both = result_of(tmp_path, "b.yaml", alternative="bijstand en dagbesteding", **extra)
    close(balance(both, SOCIETY) - balance(bijstand, SOCIETY), D(10000) * share)
    close(balance(both, MUNICIPALITY) - balance(bijstand, MUNICIPALITY), D(10000) * share)


def test_the_books_balance_with_the_alternative(tmp_path):
    """Double entry with the alternative reversed: each party = what it receives − what it pays, society =
    the parties = what comes from outside − what goes outside."""
    result = result_of(tmp_path, hours=20, alternative="bijstand en dagbesteding", household="gehuwd")
    views = result.views()
    for party in PARTIES:
        to = sum((f.amount for f in result.flows if legs(f)[1] == party.key), D(0))
        out = sum((f.amount for f in result.flows if legs(f)[0] == party.key), D(0))
        assert views[party.key].balance == to - out
    outside = sum((f.amount if legs(f)[0] == "outside" else -f.amount for f in result.flows if "outside" in legs(f)), D(0))
    close(views[SOCIETY].balance, outside)
    close(views[SOCIETY].balance, sum((views[p.key].balance for p in PARTIES), D(0)))


# ------------------------------------------------------------------ the BUIG and the years

def test_the_saving_moves_to_the_state_after_the_buig_lag(tmp_path):
    """Pw art. 69/71: the municipality keeps a bijstand saving its first 2 years (buig_follows_after_years),
    then the Rijk's BUIG funding follows the bijstand and the saving is the Rijk's."""
    from beschut_calc.analysis.projection import project
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    path = write_scenario(tmp_path, "y.yaml", name="Plek", **{**PLACE_2025, "year": 2024}, alternative="bijstand")
    years = project(load_scenario(path).placements[0], load_parameters(), 3)
    buig = [flow(y.result, "alternative_buig") for y in years]
    bijstand = [flow(y.result, "alternative_social_assistance") for y in years]
    assert buig[:2] == [0, 0] and buig[2] == bijstand[2] > 0


def test_present_value_discounts_each_year_at_2_25_percent(tmp_path):
    """present_value = Σ balance of year t / 1.0225^t, t = 0 for the first year (Werkgroep discontovoet 2020)."""
    from beschut_calc.analysis.projection import present_value, project
    from beschut_calc.core.accounts import VIEWS
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    path = write_scenario(tmp_path, "y.yaml", name="Plek", **PLACE_2025, alternative="bijstand")
    years = project(load_scenario(path).placements[0], load_parameters(), 4)
    for view in VIEWS:
        by_hand = sum((y.result.views()[view.key].balance / D("1.0225") ** t for t, y in enumerate(years)), D(0))
        close(present_value(years, view.key), by_hand)
    data = json.loads(_cli(path, "--years", "4", "-f", "json").stdout)["scenarios"][0]
    for view in VIEWS:
        by_hand = sum(D(str(y["perspectives"][view.json_key]["balance"])) / D("1.0225") ** t
                      for t, y in enumerate(data["years"]))
        assert abs(D(str(data["present_value"][view.json_key])) - by_hand) < D("0.03")     # cents of four years
    assert data["discount"]["rate"] == 0.0225
    table = _cli(path, "--years", "4", env={"COLUMNS": "80"}).stdout
    assert "Contante waarde over 2025-2028 tegen een discontovoet van 2,25 %" in table
    assert max(len(line) for line in table.splitlines()) <= 80
    # an override of the rate: at 0 % the present value is the plain sum
    zero = write_scenario(tmp_path, "z.yaml", name="Plek", **PLACE_2025, alternative="bijstand", overrides={"discount_rate": "0%"})
    years = project(load_scenario(zero).placements[0], load_parameters(), 3)
    assert present_value(years, SOCIETY) == sum((y.result.views()[SOCIETY].balance for y in years), D(0))


# ------------------------------------------------------------------ the user's side

def _cli(*args, env=None):
    return CliRunner().invoke(app, [*map(str, args)], env=env)


def test_json_gives_the_alternative_in_the_form_of_the_flows(tmp_path):
    # the keys are English as every scenario key; their values may be the Dutch words
    path = write_scenario(tmp_path, name="Plek", **PLACE_2025, alternative="bijstand en dagbesteding", household="gehuwd")
    result = _cli(path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    scenario = json.loads(result.stdout)["scenarios"][0]
    alternative = scenario["alternative"]
    assert alternative["name"] == "social_assistance_and_day_activities" and alternative["household"] == "couple"
    assert {f["key"] for f in alternative["flows"]} == {"alternative_social_assistance", "alternative_execution",
                                                         "alternative_buig", "alternative_day_activities"}
    assert set(alternative["flows"][0]) >= {"key", "label", "amount", "payer", "payee", "basis", "rule", "source"}
    assert {f["key"] for f in scenario["flows"]}.isdisjoint({f["key"] for f in alternative["flows"]})
    # balance = with the placement − in the alternative, per party, to the cent
    for account in PARTIES:
        key = account.key
        mine = sum(f["amount"] * ((f["payee"] == key) - (f["payer"] == key)) for f in scenario["flows"])
        theirs = sum(f["amount"] * ((f["payee"] == key) - (f["payer"] == key)) for f in alternative["flows"])
        assert abs(scenario["perspectives"][account.json_key]["balance"] - (mine - theirs)) < 0.02, key
    assert "per plek per jaar" in scenario["summary"] and "de maatschappij" in scenario["summary"]


def test_without_an_alternative_the_municipal_view_says_so(tmp_path):
    path = write_scenario(tmp_path, name="Plek", **PLACE_2025)
    table = _cli(path, "--perspective", "gemeente", env={"COLUMNS": "80"})
    assert table.exit_code == 0
    assert "Zonder alternatief telt alleen de plek zelf" in table.stdout
    data = json.loads(_cli(path, "-f", "json").stdout)["scenarios"][0]
    assert data["alternative"]["name"] == "none" and data["alternative"]["flows"] == []
    assert "Zonder alternatief" in data["alternative"]["warning"]
    # the worker's tax is there (the net wage is the worker's), bijstand only when an alternative is asked
    keys = {f["key"] for f in data["flows"]}
    assert "income_tax" in keys and "social_assistance_top_up" not in keys


def test_the_tables_fit_80_columns_and_say_avoided_and_forgone():
    path = SCENARIOS / "maatschappelijke-businesscase-2025.yaml"
    result = _cli(path, "--perspective", "alle", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "vermeden: bijstand (aan" in result.stdout and "gemist: bijstand (van" in result.stdout   # labels may wrap
    assert "overschot van" in result.stdout           # a party's gain is a surplus, not "sluitend"
    assert "de maatschappij" in result.stdout and "per plek per jaar" in result.stdout
    assert "toeslagen (huurtoeslag" in result.stdout         # what the comparison leaves out is said
    english = _cli(path, "--perspective", "society", "--lang", "en", env={"COLUMNS": "80"})
    assert "avoided: day activities (Wmo)" in english.stdout


@pytest.mark.parametrize("keys,word", [({"alternative": "uitkering"}, "alternative"), ({"household": "trio"}, "household"),
                                       ({"cost_sharers": -1}, "cost_sharers"), ({"cost_sharers": 1.5}, "geen geheel getal"),
                                       ({"overrides": {"buig_follows_after_years": 2.5}}, "geen geheel getal")])
def test_a_wrong_alternative_or_household_is_one_dutch_line(tmp_path, keys, word):
    path = write_scenario(tmp_path, name="Plek", **PLACE_2025, **keys)
    result = _cli(path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0] and "Traceback" not in result.stderr


def test_a_caseload_with_alternative_and_household_gives_party_balances_per_year(tmp_path):
    """Caseload columns alternatief and huishouden: per year every party's balance, equal to the sum of the
    rows computed one by one."""
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    (tmp_path / "c.csv").write_text(
        "id;startdatum;uren;loonwaarde;alternatief;huishouden\n"
        "A1;1-1-2025;31;30%;bijstand;alleenstaande\n"
        "A2;1-3-2025;20;40%;bijstand en dagbesteding;gehuwd\n"
        "A3;1-1-2025;24;50%;geen;alleenstaande\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("name: Regio\ncaseload: c.csv\nyear: 2025\nsubsidy_set: geen\n", encoding="utf-8")
    result = _cli(tmp_path / "c.yaml", "--years", "2", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    book = load_parameters()
    rows = [("A1", 31, "30%", "bijstand", "alleenstaande", "2025-01"), ("A2", 20, "40%", "bijstand en dagbesteding", "gehuwd", "2025-03"),
            ("A3", 24, "50%", "geen", "alleenstaande", "2025-01")]
    for year in (2025, 2026):
        totals = {view: D(0) for view in ("municipality", "state", "worker", "society")}
        for name, hours, wage_value, alternative, household, start in rows:
            path = write_scenario(tmp_path, f"{name}.yaml", name=name, year=year, hours=hours, wage_value=wage_value,
                                  subsidy_set="geen", alternative=alternative, household=household, start=start)
            books = calculate(load_scenario(path).placements[0], book).views()
            for view in totals:
                totals[view] += books[view].balance
        found = _year_balances(data, year)
        for view, total in totals.items():
            assert abs(D(str(found[view])) - total) < D("0.05"), (year, view)


def _year_balances(data: dict, year: int) -> dict:
    """The caseload JSON's party balances of one year (the region's total)."""
    for entry in data["caseload"]["by_year"]:
        if entry["year"] == year:
            return {"municipality": entry["municipal_net"], "state": entry["state_net"], "worker": entry["worker_net"],
                    "society": entry["society_net"]}
    raise AssertionError(f"no year {year} in {list(data)}")


# ------------------------------------------------------------------ the analyses weigh the party asked for

def test_breakeven_and_sensitivity_weigh_the_party_of_perspective():
    """With one party in --perspective the analyses weigh its balance: dagbesteding breaks society even
    at the cost that cancels its balance, and its range is in society's tornado (not in the employer's)."""
    from beschut_calc.analysis.inputs import with_value
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    path = SCENARIOS / "maatschappelijke-businesscase-2025.yaml"
    result = _cli(path, "--perspective", "maatschappij", "--breakeven", "day_activities_cost", "--sensitivity", "-f", "json")
    assert result.exit_code == 0, result.stderr
    column = json.loads(result.stdout)["scenarios"][3]          # bijstand en dagbesteding
    assert column["analyses_weigh"] == "society"
    value = D(str(column["breakeven"]["value"]))
    placement = load_scenario(path).placements[3]
    at_value = calculate(with_value(placement, "day_activities_cost", value), load_parameters())
    assert abs(balance(at_value, SOCIETY)) < D("0.01")
    assert "day_activities_cost" in {bar["parameter"] for bar in column["sensitivity"]}
    employer = json.loads(_cli(path, "--sensitivity", "-f", "json").stdout)["scenarios"][3]
    assert "analyses_weigh" not in employer
    assert "day_activities_cost" not in {bar["parameter"] for bar in employer["sensitivity"]}


@pytest.mark.parametrize("view", [SOCIETY, MUNICIPALITY, WORKER, STATE])
def test_the_vectorised_party_balance_is_the_engines(view):
    """A simulation's draws are evaluated over arrays (analysis/vector.py); each is the engine's balance
    of that party with the same inputs."""
    import numpy as np

    from beschut_calc.analysis.inputs import with_value
    from beschut_calc.analysis.vector import balance_array
    from beschut_calc.core.engine import bind_column
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    book = load_parameters()
    placement = load_scenario(SCENARIOS / "maatschappelijke-businesscase-2025.yaml").placements[1]   # 20 hours, top-up
    names = ("day_activities_cost", "bijstand_execution_cost", "wage_value", "hours")
    draws = {"day_activities_cost": np.array([5800.0, 10000.0, 7500.0]), "bijstand_execution_cost": np.array([2000.0, 3750.0, 2883.0]),
             "wage_value": np.array([0.3, 0.45, 0.6]), "hours": np.array([20.0, 28.0, 36.0])}
    bound = placement
    for name in names:
        bound = with_value(bound, name, D(str(draws[name][0])))
    arrays = balance_array(bind_column(bound, book), draws, view)
    for i in range(3):
        one = placement
        for name in names:
            one = with_value(one, name, D(str(draws[name][i])))
        assert abs(float(balance(calculate(one, book), view)) - float(arrays[i])) < 1e-6, (view, i)


@pytest.mark.skipif(__import__("lo_recalc").soffice() is None, reason=__import__("lo_recalc").SKIP_REASON)
def test_the_workbook_present_value_is_recalculated_to_the_engine(tmp_path):
    """The years sheet weighs each party's yearly balance by 1/(1 + rate)^t in live formulas; LibreOffice
    recalculates them (cached values stripped) to the engine's present value."""
    import lo_recalc
    from beschut_calc.analysis.projection import present_value, project
    from beschut_calc.core.accounts import VIEWS
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    path = write_scenario(tmp_path, "y.yaml", name="Plek", **PLACE_2025, alternative="bijstand")
    target = tmp_path / "y.xlsx"
    assert _cli(path, "--years", "4", "--excel", target).exit_code == 0
    values = lo_recalc.recalculated_values(target, tmp_path / "lo")
    ws = values["Meerjarig"]
    row = next(r for r in ws.iter_rows() if r[0].value == "Contante waarde")
    found = [c.value for c in row[1:] if isinstance(c.value, (int, float))]
    years = project(load_scenario(path).placements[0], load_parameters(), 4)
    expected = [present_value(years, view.key) for view in VIEWS]
    assert len(found) == len(expected)
    for got, want in zip(found, expected):
        assert abs(D(repr(got)) - want) < D("0.005")


def test_markdown_and_word_carry_the_tables_and_the_memo_sentence(tmp_path):
    import docx

    path = SCENARIOS / "maatschappelijke-businesscase-2025.yaml"
    markdown = _cli(path, "--perspective", "alle", "-f", "markdown")
    assert markdown.exit_code == 0, markdown.stderr
    assert "vermeden: dagbesteding (Wmo)" in markdown.stdout
    assert "Bijstand en dagbesteding, tegen het alternatief bijstand en dagbesteding: de gemeente wint" in markdown.stdout
    target = tmp_path / "bijlage.docx"
    assert _cli(path, "--word", target).exit_code == 0
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(p.startswith("Gehuwden, bijstand, tegen het alternatief bijstand:") and p.endswith("per plek per jaar.")
               for p in paragraphs)
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert any("gemist: bijstand (van gemeente)" in cell for cell in cells)


def test_a_worker_under_21_is_told_the_youth_norms_are_not_held(tmp_path):
    """Participatiewet art. 20 has lower norms below 21; the tool holds the art. 21 norms, and says so."""
    young = result_of(tmp_path, "y.yaml", alternative="bijstand", age=19)
    assert any(key == "bijstand_youth_norms" for key, _ in young.notes)
    adult = result_of(tmp_path, "a.yaml", alternative="bijstand", age=30)
    assert not any(key == "bijstand_youth_norms" for key, _ in adult.notes)


def test_the_wider_benefits_are_shown_apart_and_only_when_asked(tmp_path):
    """CPB/SCP 2020 (De brede baten van werk): about € 5.000 a person a year, an estimate for a national group.
    Off by default; asked for, it stands beside society's balance and moves no party's balance."""
    off = result_of(tmp_path, "off.yaml", alternative="bijstand", start="2025-04")
    on = result_of(tmp_path, "on.yaml", alternative="bijstand", start="2025-04", overrides={"wider_benefits": True})
    assert flow(off, "wider_benefits") == 0
    close(flow(on, "wider_benefits"), D(5000) * 9 / 12)                 # April to December
    for view in (*(p.key for p in PARTIES), SOCIETY):
        assert balance(on, view) == balance(off, view)
    close(on.views()[SOCIETY].with_apart, balance(on, SOCIETY) + D(5000) * 9 / 12)
    path = write_scenario(tmp_path, "j.yaml", name="Plek", **PLACE_2025, alternative="bijstand", overrides={"wider_benefits": True})
    society = json.loads(_cli(path, "-f", "json").stdout)["scenarios"][0]["perspectives"]["society"]
    assert society["shown_apart"][0]["amount"] == 5000
    assert abs(society["balance_with_shown_apart"] - (society["balance"] + 5000)) < 0.011
    table = _cli(path, "--perspective", "maatschappij", env={"COLUMNS": "80"}).stdout
    assert "niet in" in table and "Saldo met de bredere baten" in table and "met de bredere baten van werk erbij" in table
