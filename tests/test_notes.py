"""Notes declared on the rules (issue 20 items 3 and 4).

A warning whose condition is a rule is declared on that rule (core/expr.py Note), as a Zero's reason
is: the engine says it only when its evaluation passes through it with the condition true, and a
caseload counts it over its rows with numpy, for every row's own inputs. Catalogue choices (Choose,
Bands) see only what may branch when binding: asking for the hours raises.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import numpy as np
import pytest
import yaml

from beschut_calc.analysis.caseload import compute
from beschut_calc.analysis.vector import NUMPY
from beschut_calc.core.engine import binder_for, calculate
from beschut_calc.core.expr import DECIMAL, Choose, Const, If, Input, Note, evaluate, note_masks
from beschut_calc.core.rules import ChoiceError
from beschut_calc.core.text import Text
from beschut_calc.inputs.load import load_scenario
from test_caseload import CSV, EXAMPLE, rows_of, scenario_of

HOURS, WAGE_VALUE = Input("hours"), Input("wage_value")


def keys(result) -> list[str]:
    return [key for key, _ in result.notes]


# ------------------------------------------------------------------ the node


def test_a_note_holds_only_on_the_path_taken_and_when_its_condition_is_true():
    tree = If(HOURS > 30, Note("long", Const(D(1)), Text("lang: {hours}", "long: {hours}")),
              Note("low", Const(D(2)), Text("laag", "low"), when=WAGE_VALUE < D("0.5")))
    assert evaluate(tree, {"hours": D(31), "wage_value": D("0.3")}) == 1        # the note does not change the amount

    def held(hours, wage_value):
        return [n.key for n, hit in note_masks([tree], {"hours": D(hours), "wage_value": D(wage_value)}, DECIMAL) if hit]
    assert held(31, "0.3") == ["long"]
    assert held(24, "0.3") == ["low"]
    assert held(24, "0.6") == []
    # the same with numpy, one mask per note over the rows
    masks = {n.key: list(hit) for n, hit in note_masks(
        [tree], {"hours": np.array([31.0, 24.0, 24.0]), "wage_value": np.array([0.3, 0.3, 0.6])}, NUMPY)}
    assert masks == {"long": [True, False, False], "low": [False, True, False]}


def test_the_lks_cap_note_is_said_only_when_the_cap_binds(calc):
    capped = calc(year=2017, hours=31, wage_value="20%")
    assert keys(capped) == ["lks_at_cap"]
    text = dict(capped.notes)["lks_at_cap"]
    # its words are filled from the tree: the wage value, the cap and the wage value below which it binds
    assert "20 %" in text("nl") and "70 % WML" in text("nl") and "lager dan 30 %" in text("nl")
    assert text in capped.warnings
    assert calc(year=2017, hours=31, wage_value="30%").notes == ()
    # a subsidy set with LKS bands takes another path: no cap note, but a note outside its bands
    banded = calc(year=2017, hours=31, wage_value="20%", subsidy_set="arnhem-2014")
    assert keys(banded) == ["lks_outside_bands"]
    assert banded.line("wage_subsidy").amount == 0
    # a lower legal cap changes the words with the rule
    lower = calc(year=2017, hours=31, wage_value="35%", overrides={"lks_max_share": "60%"})
    assert keys(lower) == ["lks_at_cap"] and "lager dan 40 %" in dict(lower.notes)["lks_at_cap"]("nl")


def test_pro_rata_notes_follow_the_hours_and_the_years_the_subsidy_exists(calc):
    set_ = "zaanstreek-waterland-2017"
    assert keys(calc(year=2018, hours=24, subsidy_set=set_)) == ["pro_rata:general_subsidy", "pro_rata:temporary_subsidy"]
    assert keys(calc(year=2018, hours=31, subsidy_set=set_)) == []
    # from 2020 the temporary subsidy is zero: its note's path is not taken
    assert keys(calc(year=2020, hours=24, subsidy_set=set_)) == ["pro_rata:general_subsidy"]
    assert keys(calc(year=2015, hours=24, subsidy_set=set_)) == []
    # the chapter 6 table keeps the temporary subsidy whole: the other branch, with its own note
    kept = calc(year=2017, hours=24, method="memo", subsidy_set=set_, overrides={"temporary_subsidy_pro_rata": False})
    assert "temporary_subsidy_not_pro_rata" in keys(kept) and "pro_rata:temporary_subsidy" not in keys(kept)


def test_the_memo_scales_the_national_figure_by_its_own_basis_not_the_legal_cap(calc):
    at_basis = calc(year=2017, hours=31, method="memo", wage_value="30%")
    assert "memo_national_lks_scaled" not in keys(at_basis)
    scaled = calc(year=2017, hours=31, method="memo", wage_value="50%")
    assert "memo_national_lks_scaled" in keys(scaled)
    assert "€ 14.300" in dict(scaled.notes)["memo_national_lks_scaled"]("nl")
    assert "memo_national_lks_scaled" not in keys(calc(year=2017, hours=31, wage_value="50%"))   # statutory
    # the legal cap (Participatiewet art. 10d) no longer normalises the national figure
    names = [pv.name for pv in scaled.line("wage_subsidy").params]
    assert "rijk_lks_wage_value_basis" in names
    capped = calc(year=2017, hours=31, method="memo", wage_value="30%", overrides={"lks_max_share": "60%"})
    assert capped.line("wage_subsidy").amount == D(14300) * D("0.60") / D("0.70")


def test_notes_are_whole_sentences_in_order_and_each_once(calc):
    result = calc(year=2017, hours=24, wage_value="20%", method="memo", subsidy_set="zaanstreek-waterland-2017")
    texts = [t for _, t in result.notes]
    assert len(texts) == len(set(texts))
    for text in texts:
        for lang in ("nl", "en"):
            assert text(lang)[0].isupper() and text(lang).endswith(".")
    positions = [result.warnings.index(t) for t in texts]
    assert positions == sorted(positions)


# ------------------------------------------------------------------ choices see only choices


def test_a_choose_callback_reading_the_hours_raises(placement, book):
    binder = binder_for(placement(year=2017, hours=31), book)
    with pytest.raises(ChoiceError, match="hours"):
        binder.bind(Choose(lambda column: Const(column.hours)))
    with pytest.raises(ChoiceError, match="placement"):
        binder.bind(Choose(lambda column: Const(column.placement.wage_value)))
    # what may branch is there
    assert binder.bind(Choose(lambda column: Const(D(column.year)))).value == 2017


def _choose_value(binder, name: str, **kw):
    """Bind a callback that makes a choice on the value `column.param(name)` gives."""
    return binder.bind(Choose(lambda column: Const(D(1)) if column.param(name, **kw).value > 0 else Const(D(0))))


@pytest.mark.parametrize("name, written", [("agency_fee", "15%"), ("employer_charges", "30%")],
                         ids=["declared in core/variables.py", "declared in its parameter file"])
def test_a_choose_callback_branching_on_a_row_override_raises(placement, book, name, written):
    # A caseload row may set these (a column each); a group is bound once, so a choice on the value would hold
    # for every row of the group whatever its own value (issue 20 item 4).
    model = "temp_agency" if name == "agency_fee" else "municipality"
    binder = binder_for(placement(year=2017, hours=31, employer_model=model, overrides={name: written}), book)
    with pytest.raises(ChoiceError, match=f"{name}.*caseload row"):
        _choose_value(binder, name)
    with pytest.raises(ChoiceError, match=name):
        binder.bind(Choose(lambda column: Const(D(2) * column.param(name).value)))
    # whether it is set is a choice, and stays visible; so is the law's own value, whatever the override
    assert binder.bind(Choose(lambda column: Const(D(name in column.override_names)))).value == 1
    if name == "employer_charges":
        law = book.at(name, dt.date(2017, 1, 1)).value
        assert law != D("0.30")
        assert binder.bind(Choose(lambda column: Const(column.param(name, law=True).value))).value == law


def test_a_choose_callback_may_read_what_is_the_same_for_a_whole_group(placement, book):
    # Not an override a row may set: the law's value, an employer model's, a scenario-wide switch.
    binder = binder_for(placement(year=2017, hours=31, employer_model="regular",
                                  overrides={"temporary_subsidy_pro_rata": True}), book)
    assert _choose_value(binder, "fulltime_hours").value == 1                   # the model's week, not an override
    assert _choose_value(binder, "employer_charges").value == 1                 # the dated law
    assert binder.bind(Choose(lambda column: Const(D(column.param("temporary_subsidy_pro_rata").value)))).value == 1


def test_a_caseload_refuses_a_rule_that_branches_on_a_row_column(book, monkeypatch):
    # The example caseload has a column uitzendtoeslag (agency_fee). A rule choosing on its value would bind each
    # group with its first row's fee; the caseload says so instead of computing it.
    from beschut_calc.core import rules

    branching = Choose(lambda column: rules.WAGE_COST_FACTOR if column.param("agency_fee").value < D("0.5") else Const(D(0)))
    monkeypatch.setitem(rules.STATUTORY, "wage_costs", rules.W_PERIOD * branching)
    with pytest.raises(ChoiceError, match="agency_fee"):
        compute(load_scenario(EXAMPLE), book, 1)


# ------------------------------------------------------------------ the caseload counts the notes per row


def _low_wage_values(tmp_path):
    """The example with every fourth row at a wage value of 20 % (the LKS at its cap), as a file of its own."""
    lines = CSV.read_text(encoding="utf-8").splitlines()
    out, n = [], 0
    for line in lines:
        if line.startswith("P0"):
            n += 1
            if n % 4 == 0:
                cells = line.split(";")
                cells[5] = "20%"
                line = ";".join(cells)
        out.append(line)
    (tmp_path / CSV.name).write_text("\n".join(out) + "\n", encoding="utf-8")
    (tmp_path / EXAMPLE.name).write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / EXAMPLE.name, tmp_path / CSV.name


@pytest.mark.parametrize("variant", ["example", "low wage values"])
def test_the_caseload_counts_each_note_for_the_rows_whose_own_engine_run_gives_it(book, tmp_path, variant):
    example, csv_file = (EXAMPLE, CSV) if variant == "example" else _low_wage_values(tmp_path)
    result = compute(load_scenario(example), book, 2)
    counted: dict[str, int] = {}
    for key, count, _ in result.note_counts:
        counted[key] = counted.get(key, 0) + count
    base = yaml.safe_load(example.read_text(encoding="utf-8"))
    holds: dict[str, set] = {}
    for row in rows_of(csv_file):
        for year in (2017, 2018):
            keys_ = scenario_of(row, year, base)
            path = tmp_path / f"{row['id']}-{year}.yaml"
            path.write_text(yaml.safe_dump({k: (float(v) if isinstance(v, D) else v) for k, v in keys_.items()}), encoding="utf-8")
            placement = load_scenario(path).placements[0]
            if placement.months_in(year)[1] < placement.months_in(year)[0]:
                continue
            for key in keys(calculate(placement, book)):
                holds.setdefault(key, set()).add(row["id"])
    assert counted == {key: len(ids) for key, ids in holds.items()}
    assert counted.get("pro_rata:general_subsidy", 0) > 0          # the example has rows under 31 hours
    assert (counted.get("lks_at_cap", 0) > 0) == (variant == "low wage values")
    # said as "N plaatsing(en): ..." among the caseload's warnings, not as an example's warning
    for key, count, text in result.note_counts:
        assert Text(f"{count} plaatsing(en): {text.nl}.", f"{count} placement(s): {text.en}.").nl in [w.nl for w in result.warnings]
