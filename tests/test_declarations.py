"""One declaration per input (issue 20, items 1 and 2): every input a scenario can set is declared
once (core/variables.py, or its parameter file's `input:` block), and the schema, the override
kinds and bounds, `--help`, JSON, the workbook, the caseload columns, `--sweep`, `--breakeven`
and the ranges all derive from it. A toy input declared once reaches all of them."""
from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core import flows as flow_declarations
from beschut_calc.core import variables
from beschut_calc.core.expr import Const, Param
from beschut_calc.core.text import Text
from beschut_calc.core.variables import Variable
from beschut_calc.inputs import declared

from conftest import write_scenario

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "zaanstreek-waterland-2017-herberekend.yaml"


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _sweep_spec(v: Variable) -> str:
    low, high = v.low, v.high
    step = (high - low) / 4
    start = low + step if v.low_open else low
    return f"{v.name}={start.normalize():f}:{high.normalize():f}:{step.normalize():f}"


def _listed(option: str) -> list[str]:
    """The inputs `--help` names for `option`."""
    text = _run("--help").stdout
    start = text.index(f"  {option}")
    part = text[start:text.index("\n  -", start)]
    if option == "--sweep":
        part = part[part.index("PARAM:"):]
    words = [w.strip(",.") for w in part.split()]
    return [w for w in words if w in declared.variables()]


def test_help_lists_exactly_the_declared_inputs():
    assert _listed("--breakeven") == list(declared.solvable())
    assert set(_listed("--sweep")) == set(declared.sweepable())
    # the bug of issue 20: these were missing from --help and ended in an internal error
    assert {"indexation", "employer_charges"} <= set(declared.solvable())


@pytest.mark.parametrize("name", declared.solvable())
def test_every_breakeven_in_help_answers(name):
    result = _run(SCENARIO, "--breakeven", name, "--format", "json")
    assert result.exit_code == 0, (name, result.stderr)
    data = json.loads(result.stdout)
    found = data["breakeven"] if "breakeven" in data else [s["breakeven"] for s in data["scenarios"]]
    assert found and "intern" not in result.stderr
    assert _run(SCENARIO, "--breakeven", name).exit_code == 0


@pytest.mark.parametrize("name", declared.sweepable())
def test_every_sweep_in_help_answers(name):
    spec = _sweep_spec(declared.get(name))
    result = _run(SCENARIO, "--sweep", spec, "--format", "json")
    assert result.exit_code == 0, (spec, result.stderr)
    assert "sweep" in result.stdout
    assert _run(SCENARIO, "--sweep", spec).exit_code == 0


def test_the_declarations_are_consistent():
    for name, v in declared.variables().items():
        if v.sweep or v.breakeven != "no":
            assert v.low is not None and v.high is not None, name
        if v.range is not None:
            assert name in declared.analysed()
    # parameters declare themselves in their own file: no Python table names them
    assert declared.get("employer_charges").title == Text("Werkgeverslasten", "Employer charges")
    assert "employer_charges" not in variables.DECLARED
    assert declared.title("wml_month") is not None


# ------------------------------------------------------------------ a toy input, declared once

TRAVEL_DAYS = Variable(
    "travel_days", "number", Text("reisdagen per jaar", "travel days a year"),
    Text("reisdagen per jaar, bijvoorbeeld 200", "travel days a year, e.g. 200"),
    title=Text("Reisdagen per jaar", "Travel days a year"), low=D(0), high=D(260), default=D(0),
    aliases=("reisdagen",), sweep=True, breakeven="linear")
# ... and the rule that reads it: the municipality pays the worker € 5 per travel day
TRAVEL = flow_declarations.FlowSpec("toy_travel", "municipality", "worker", Text("reiskosten", "travel costs"), "year",
                                    "een proef (test)", rule=Param("travel_days") * Const(D(5)))


@pytest.fixture
def travel_days(monkeypatch):
    monkeypatch.setitem(variables.DECLARED, TRAVEL_DAYS.name, TRAVEL_DAYS)
    monkeypatch.setattr(flow_declarations, "FLOWS", flow_declarations.FLOWS + (TRAVEL,))


PLACE = dict(name="toy", year=2026, hours=28, wage_value="35%", employer_model="regular", subsidy_set="rijk")


def test_a_toy_input_reaches_schema_help_json_workbook_caseload_sweep_and_breakeven(travel_days, tmp_path, book):
    # the schema: accepted, refused with its declared words, suggested for a typo or its Dutch word
    good = write_scenario(tmp_path, "good.yaml", **PLACE, overrides={"travel_days": 200})
    bad = _run(write_scenario(tmp_path, "bad.yaml", **PLACE, overrides={"travel_days": 400}))
    assert bad.exit_code == 2 and "valt buiten wat kan" in bad.stderr and "reisdagen per jaar, bijvoorbeeld 200" in bad.stderr
    bad_en = _run(write_scenario(tmp_path, "bad.yaml", **PLACE, overrides={"travel_days": 400}), "--lang", "en")
    assert "travel days a year, e.g. 200" in bad_en.stderr
    for typo in ("travel_dayz", "reisdagen"):
        typo_run = _run(write_scenario(tmp_path, "typo.yaml", **PLACE, overrides={typo: 3}))
        assert typo_run.exit_code == 2 and "bedoelt u 'travel_days'?" in typo_run.stderr, typo_run.stderr
    # --help
    assert "travel_days" in _listed("--breakeven") and "travel_days" in _listed("--sweep")
    # JSON inputs, and the rule reads it
    data = json.loads(_run(good, "--format", "json").stdout)
    column = data["scenarios"][0]
    assert column["inputs"]["overrides"]["travel_days"] == 200
    assert next(f for f in column["flows"] if f["key"] == TRAVEL.key)["amount"] == 1000
    # --sweep and --breakeven (where the worker's balance is not the employer's: none in range is an answer too)
    sweep = _run(good, "--sweep", "travel_days=0:200:100", "--format", "json")
    assert sweep.exit_code == 0, sweep.stderr
    breakeven = _run(good, "--breakeven", "travel_days")
    assert breakeven.exit_code == 0 and "reisdagen per jaar" in breakeven.stdout, breakeven.stderr
    # also where the scenario does not set it: its declared default
    plain = write_scenario(tmp_path, "plain.yaml", **PLACE)
    assert _run(plain, "--sweep", "travel_days=0:200:100").exit_code == 0
    # the workbook's row for it, with its declared label
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.core.engine import calculate
    from beschut_calc.report import excel

    result = calculate(load_scenario(good).placements[0], book)

    class Scenario:
        name, file, extra, description = "toy", "toy.yaml", {}, None

    wb, layouts = excel.build([(Scenario(), [result])], book)
    cells = [str(c.value) for row in wb[layouts[0].sheet].iter_rows() for c in row if c.value is not None]
    assert "Reisdagen per jaar [travel_days]" in cells
    # a caseload column, under its Dutch alias
    (tmp_path / "c.csv").write_text("id;gemeente;startdatum;uren;loonwaarde;werkgever;subsidieset;reisdagen\n"
                                    "A1;Zaandam;1-1-2026;28;35%;regulier;rijk;200\n"
                                    "A2;Zaandam;1-1-2026;28;35%;regulier;rijk;100\n", encoding="utf-8")
    caseload = _run(write_scenario(tmp_path, "c.yaml", name="c", caseload="c.csv", year=2026, employer_model="regular",
                                   subsidy_set="rijk"), "--format", "json")
    assert caseload.exit_code == 0, caseload.stderr
    year = json.loads(caseload.stdout)["caseload"]["by_year"][0]
    # two rows, 200 and 100 days: € 1.000 and € 500 travel costs to the worker (the column above has 200)
    assert abs(year["worker_net"] - (2 * column["perspectives"]["worker"]["balance"] - 500)) <= 0.02
    (tmp_path / "c.csv").write_text("id;gemeente;startdatum;uren;loonwaarde;werkgever;subsidieset;reisdagen\n"
                                    "A1;Zaandam;1-1-2026;28;35%;regulier;rijk;999\n", encoding="utf-8")
    refused = _run(write_scenario(tmp_path, "c.yaml", name="c", caseload="c.csv", year=2026, employer_model="regular",
                                  subsidy_set="rijk"))
    assert refused.exit_code == 2 and "reisdagen per jaar, bijvoorbeeld 200" in refused.stderr


# ------------------------------------------------------------------ a toy choice, declared once

TRANSPORT = Variable(
    "transport", "choice", Text("vervoer", "transport"),
    Text("own (eigen vervoer) of taxi", "own or taxi"), options=("own", "taxi"), default="own", override=False,
    aliases=("vervoer",), value_aliases={"eigen vervoer": "own", "taxibus": "taxi"})


@pytest.fixture
def transport(monkeypatch):
    monkeypatch.setitem(variables.DECLARED, TRANSPORT.name, TRANSPORT)


def test_a_toy_choice_is_one_declaration(transport, tmp_path):
    from beschut_calc.core.errors import dutch_names, value_words
    from beschut_calc.inputs import caseload, overrides, ranges, schema

    base = {"name": "t", "year": 2026, "hours": 31, "wage_value": "30%"}
    # the schema: its default, its values, its Dutch value words
    assert schema.validate_column(base)["transport"] == "own"
    assert schema.validate_column({**base, "transport": "taxi"})["transport"] == "taxi"
    assert schema.validate_column({**base, "transport": "Eigen  vervoer"})["transport"] == "own"
    assert value_words()["taxibus"] == "taxi" and dutch_names()["vervoer"] == "transport"
    # refused in one Dutch line that names its options
    bad = _run(write_scenario(tmp_path, "bad.yaml", **PLACE, transport="fiets"))
    assert bad.exit_code == 2, bad.stderr
    assert "transport: ongeldige waarde 'fiets' (toegestaan: own of taxi)" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    # its Dutch key is known, and named
    dutch = _run(write_scenario(tmp_path, "dutch.yaml", **PLACE, vervoer="taxi"))
    assert dutch.exit_code == 2 and "bedoelt u 'transport'?" in dutch.stderr, dutch.stderr
    # ... and it is no number: in no override, caseload column, sweep, break-even, range or --help list
    assert "transport" in declared.choices() and "transport" in schema.COLUMN_FIELDS
    for names in (declared.sweepable(), declared.solvable(), declared.analysed(), declared.fields(), declared.overridable(),
                  overrides.override_kinds(), overrides.bounds(), caseload.row_overrides(), caseload.headers().values(),
                  ranges.range_names(), ranges.default_ranges()):
        assert "transport" not in names
    assert "transport" not in _listed("--breakeven") + _listed("--sweep")
    from beschut_calc.analysis.inputs import get_input
    from beschut_calc.core.errors import InputError

    for option in ("--sweep", "--breakeven", "--sensitivity"):
        with pytest.raises(InputError, match="kan 'transport' niet variëren"):
            get_input("transport", option)


def test_the_categorical_keys_are_declared_once():
    """method, employer_model, subsidy_set, rounding, work_type, alternative and household are choices in
    core/variables.py; the schema's fields and the Dutch words of their values come from there alone."""
    from beschut_calc.core import errors
    from beschut_calc.core.model import ALTERNATIVES, HOUSEHOLDS, METHODS, ROUNDINGS, WORK_TYPES
    from beschut_calc.inputs import schema

    keys = ("method", "employer_model", "subsidy_set", "rounding", "work_type", "alternative", "household")
    assert set(keys) <= set(declared.choices())
    for name, options in (("method", METHODS), ("rounding", ROUNDINGS), ("work_type", WORK_TYPES),
                          ("alternative", ALTERNATIVES), ("household", HOUSEHOLDS)):
        assert schema.COLUMN_FIELDS[name].options == options, name
    assert schema.COLUMN_FIELDS["work_type"].nullable and schema.COLUMN_FIELDS["work_type"].default is None
    assert schema.COLUMN_FIELDS["employer_model"].default == "municipality"
    assert schema.COLUMN_FIELDS["subsidy_set"].default == "geen"
    assert "rijk" in declared.get("subsidy_set").choices()          # a catalogue's names, read when asked for
    # the general tables hold no input's words
    assert not set(errors.DUTCH_NAMES.values()) & set(declared.variables())
    for name in keys:
        v = declared.get(name)
        assert not set(v.value_aliases) & set(errors.MORE_VALUE_WORDS)
        for word, value in v.value_aliases.items():
            assert value in v.choices(), (name, word)
            assert errors.value_word(word, v.choices()) == value, (name, word)
        for alias in v.aliases:
            assert errors.dutch_names()[alias] == name
    # a word that is a key's and a value's (dagbesteding: the day-activities cost, and the alternative) reads as both
    assert errors.value_words()["dagbesteding"] == "day_activities"
    assert errors.dutch_names()["dagbesteding"] == "day_activities_cost"


def test_the_year_and_period_are_declared_once(monkeypatch):
    """year, trial_months, start and end are declarations in core/variables.py (kinds year, months and month), read
    by the parsers inputs/schema.py registers; their Dutch words are their aliases, and no list of numbers names them."""
    import dataclasses

    from beschut_calc.core import errors
    from beschut_calc.inputs import caseload, overrides, ranges, schema

    keys = {"year": "year", "trial_months": "months", "start": "month", "end": "month"}
    for name, kind in keys.items():
        assert declared.get(name).kind == kind and name in schema.COLUMN_FIELDS
        assert name not in errors.DUTCH_NAMES.values()
    for word, name in (("jaar", "year"), ("proefplaatsing", "trial_months"), ("startdatum", "start"), ("einddatum", "end")):
        assert errors.dutch_names()[word] == name
    for names in (declared.sweepable(), declared.solvable(), declared.analysed(), declared.fields(), declared.overridable(),
                  declared.choices(), overrides.override_kinds(), overrides.bounds(), caseload.row_overrides(),
                  ranges.range_names(), ranges.default_ranges()):
        assert not set(keys) & set(names)
    assert not set(keys) & set(_listed("--breakeven") + _listed("--sweep"))
    # the schema reads them by their declarations: required, defaults, bounds
    base = {"name": "t", "hours": 31, "wage_value": "30%"}
    checked = schema.validate_column({**base, "year": 2026, "start": "2026-03"})
    assert (checked["year"], checked["trial_months"], checked["start"], checked["end"]) == (2026, 0, (2026, 3), None)
    with pytest.raises(schema.SchemaError) as missing:
        schema.validate_column(base)
    assert missing.value.type == "missing" and missing.value.loc == ("year",)
    with pytest.raises(schema.SchemaError) as too_long:
        schema.validate_column({**base, "year": 2026, "trial_months": 7})
    assert "ten hoogste 6 maanden (Participatiewet art. 8a lid 2 onder d)" in too_long.value.ctx["error"].message
    shorter = dataclasses.replace(declared.get("trial_months"), high=D(4))
    monkeypatch.setitem(variables.DECLARED, "trial_months", shorter)
    with pytest.raises(schema.SchemaError) as too_long:
        schema.validate_column({**base, "year": 2026, "trial_months": 5})
    assert "ten hoogste 4 maanden" in too_long.value.ctx["error"].message
    # a year, month or months is a scenario key only
    with pytest.raises(ValueError, match="scenario key only"):
        Variable("first", "month", Text("eerste", "first"), nullable=True)
