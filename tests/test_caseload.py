"""Caseload (issue 12): the vectorised rows against the scalar engine, to the cent.

Every placement of the shipped synthetic caseload is also written as a one-column scenario with
the same keys (year, start, end, hours, wage value, employer model, subsidy set, trial months,
agency fee) and calculated by the scalar engine (core/engine.py calculate, and the municipal
perspective); the caseload's per-row lines, balances and municipal net, and its per-year totals,
must equal those results to the cent. Nothing here types a figure in.
"""
from __future__ import annotations

import csv
import json
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from beschut_calc.analysis.caseload import compute
from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from beschut_calc.inputs.load import load_scenario
from conftest import SCENARIOS

EXAMPLE = SCENARIOS / "caseload-zaanstreek-voorbeeld.yaml"
CSV = SCENARIOS / "caseload-zaanstreek-voorbeeld.csv"
CENT = D("0.01")
MODELS = {"gemeente": "municipality", "regulier": "regular", "payroll": "payroll", "uitzendbureau": "temp_agency"}


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def rows_of(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def _month(text: str) -> str:
    day, month, year = text.split("-")
    return f"{year}-{int(month):02d}"


def scenario_of(row: dict, year: int, base: dict) -> dict:
    """The one-column scenario with the row's keys (the caseload scenario's keys as defaults)."""
    keys = {"name": row["id"], "year": year, "method": base["method"], "subsidy_set": row["subsidieset"] or base["subsidy_set"],
            "employer_model": MODELS[row["werkgever"]], "hours": D(row["uren"].replace(",", ".")),
            "wage_value": row["loonwaarde"], "start": _month(row["startdatum"]), "trial_months": int(row["proefplaatsing"] or 0)}
    if row["einddatum"]:
        keys["end"] = _month(row["einddatum"])
    if row["uitzendtoeslag"]:
        keys["overrides"] = {"agency_fee": row["uitzendtoeslag"]}
    return keys


@pytest.fixture(scope="module")
def scalar(tmp_path_factory, book):
    """Per (id, year): the scalar engine's result and municipal view, for the years the row runs."""
    folder = tmp_path_factory.mktemp("rows")
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    out = {}
    for row in rows_of(CSV):
        for year in (2017, 2018):
            keys = scenario_of(row, year, base)
            path = folder / f"{row['id']}-{year}.yaml"
            path.write_text(yaml.safe_dump({k: (str(v) if isinstance(v, D) else v) for k, v in keys.items()}), encoding="utf-8")
            # hours as a YAML number, not a string
            path.write_text(path.read_text(encoding="utf-8").replace(f"hours: '{keys['hours']}'", f"hours: {keys['hours']}"),
                            encoding="utf-8")
            placement = load_scenario(path).placements[0]
            if placement.months_in(year)[1] < placement.months_in(year)[0]:
                continue
            result = calculate(placement, book)
            out[(row["id"], year)] = (result, result.views()["municipality"])
    return out


@pytest.fixture(scope="module")
def vector(book):
    return compute(load_scenario(EXAMPLE), book, 2)


def test_every_row_equals_the_scalar_engine_to_the_cent(vector, scalar):
    caseload = vector.scenario.caseload
    seen = 0
    for block in vector.blocks:
        for i, row in enumerate(block.rows):
            result, view = scalar[(caseload.ids[row], block.year)]
            for line in result.lines:
                got = D(repr(float(block.lines[line.key][i])))
                assert abs(got - line.amount) < CENT / 2, (caseload.ids[row], block.year, line.key, got, line.amount)
            # each placement's totals are kept in cents, half-up, as its own scenario's JSON shows them
            assert D(repr(float(block.money["balance"][i]))) == result.balance.quantize(CENT, ROUND_HALF_UP)
            assert D(repr(float(block.money["municipal_net"][i]))) == view.balance.quantize(CENT, ROUND_HALF_UP), \
                (caseload.ids[row], block.year)
            seen += 1
    assert seen == len(scalar) == 58 + 102


def test_per_year_totals_are_the_sum_of_the_single_placements(vector, scalar):
    """A year's total is the sum of its placements' totals as each one's own scenario gives them (in cents)."""
    def cents(value):
        return value.quantize(CENT, ROUND_HALF_UP)

    for totals in vector.by_year:
        results = [(r, v) for (_, year), (r, v) in scalar.items() if year == totals.year]
        assert totals.places == len(results)
        for key, value in (("benefits", sum(cents(r.benefits) for r, _ in results)),
                           ("costs", sum(cents(r.costs) for r, _ in results)),
                           ("balance", sum(cents(r.balance) for r, _ in results)),
                           ("municipal_net", sum(cents(v.balance) for _, v in results))):
            assert cents(totals.money[key]) == value, (totals.year, key, totals.money[key], value)
        # and within a cent per placement of the sum of the exact amounts
        exact = sum(r.balance for r, _ in results)
        assert abs(totals.money["balance"] - exact) <= CENT / 2 * len(results)


def test_json_totals_add_up_to_the_placements(vector):
    data = json.loads(invoke(EXAMPLE, "--years", "2", "--format", "json").stdout)["caseload"]
    for year in data["by_year"]:
        rows = [p for p in data["placements"] if p["year"] == year["year"]]
        assert sum(D(repr(p["balance"])) for p in rows) == D(repr(year["balance"]))
        assert sum(D(repr(p["municipal_net"])) for p in rows) == D(repr(year["municipal_net"]))


def test_the_example_realises_the_targets_of_endnote_i(vector):
    """58 places in 2017 and 102 in 2018, per municipality as the target table (003, endnote i)."""
    for row in vector.targets:
        assert row.target is not None and row.places == row.target, row
    assert [t.places for t in vector.by_year] == [58, 102]


def test_json_has_by_year_groups_and_placements(vector):
    result = invoke(EXAMPLE, "--years", "2", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)["caseload"]
    assert [y["year"] for y in data["by_year"]] == [2017, 2018]
    assert set(data["by_year"][0]) >= {"year", "places", "fte", "benefits", "costs", "balance", "municipal_net"}
    for computed, shown in zip(vector.by_year, data["by_year"]):
        assert shown["balance"] == float(computed.money["balance"].quantize(CENT))
    groups = {g["group"] for g in data["groups"]}
    assert data["by"] == "municipality" and "Zaanstad" in groups and "Purmerend" in groups
    for year in data["by_year"]:       # the groups of a year add up to the year
        assert sum(D(repr(g["balance"])) for g in data["groups"] if g["year"] == year["year"]) == D(repr(year["balance"]))
    by_model = json.loads(invoke(EXAMPLE, "--format", "json", "--by", "employer_model").stdout)["caseload"]
    assert {g["group"] for g in by_model["groups"]} == {"municipality", "regular", "payroll", "temp_agency"}
    placements = data["placements"]
    assert len(placements) == 58 + 102
    partial = [p for p in placements if p["months"] < 12]
    assert partial and all(set(p) >= {"id", "year", "months", "lines", "balance"} for p in placements)


def test_the_workbook_sums_the_rows_with_formulas_that_carry_their_values(tmp_path, vector):
    import openpyxl

    target = tmp_path / "caseload.xlsx"
    result = invoke(EXAMPLE, "--years", "2", "--excel", target)
    assert result.exit_code == 0, result.stderr
    formulas = openpyxl.load_workbook(target)
    values = openpyxl.load_workbook(target, data_only=True)
    assert formulas.sheetnames[:5] == ["Samenvatting", "Per gemeente", "Per werkgeversmodel", "Taakstelling", "Per plaatsing"]
    summary, cached = formulas["Samenvatting"], values["Samenvatting"]
    rows = [r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value in (2017, 2018)]
    headers = [summary.cell(rows[0] - 1, c).value for c in range(1, summary.max_column + 1)]
    for r, totals in zip(rows, vector.by_year):
        for key, label in (("benefits", "Baten"), ("balance", "Saldo werkgever"), ("municipal_net", "Saldo gemeente")):
            c = headers.index(label) + 1
            assert str(summary.cell(r, c).value).startswith("='Per gemeente'!")
            assert abs(D(repr(cached.cell(r, c).value)) - totals.money[key]) < CENT, (totals.year, key)
    placements = [row for row in values["Per plaatsing"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert len(placements) == 58 + 102


def test_word_annex_and_chart_for_a_caseload(tmp_path, vector):
    from docx import Document

    from beschut_calc.core.text import euro

    docx, png = tmp_path / "bijlage.docx", tmp_path / "grafiek.png"
    result = invoke(EXAMPLE, "--years", "2", "--word", docx, "--chart", png)
    assert result.exit_code == 0, result.stderr
    cells = [cell.text for table in Document(docx).tables for row in table.rows for cell in row.cells]
    for totals in vector.by_year:
        assert euro(totals.money["balance"]) in cells and euro(totals.money["benefits"]) in cells
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_caseload_beside_ordinary_scenarios(tmp_path):
    """`beschut-calc scenarios/*.yaml`: every ordinary scenario as before, and the caseload after them."""
    files = sorted(SCENARIOS.glob("*.yaml"))
    data = json.loads(invoke(*files, "--format", "json").stdout)
    assert len(data["scenarios"]) >= 13 and data["caseload"]["by_year"][0]["places"] == 58
    target = tmp_path / "alles.xlsx"
    assert invoke(*files, "--excel", target).exit_code == 0
    import openpyxl

    names = openpyxl.load_workbook(target).sheetnames
    assert "Samenvatting" in names and "Caseload Samenvatting" in names and "Caseload Per plaatsing" in names


def test_explain_shows_the_rules_for_each_group(vector):
    result = invoke(EXAMPLE, "--explain")
    assert result.exit_code == 0, result.stderr
    assert "Toelichting per groep" in result.stdout and "regel: " in result.stdout
    data = json.loads(invoke(EXAMPLE, "--explain", "--format", "json").stdout)["caseload"]["explain"]
    assert len(data["groups"]) == len(vector.scenario.caseload.groups) and data["groups"][0]["trace"]


@pytest.mark.skipif(__import__("lo_recalc").soffice() is None, reason=__import__("lo_recalc").SKIP_REASON)
def test_libreoffice_recalculates_the_caseload_workbook_to_its_cached_values(tmp_path):
    """The totals are live formulas: LibreOffice, from the formulas alone, gets what the workbook caches."""
    import lo_recalc

    target = tmp_path / "caseload.xlsx"
    assert invoke(EXAMPLE, "--years", "2", "--excel", target).exit_code == 0
    computed = lo_recalc.recalculated_values(target, tmp_path / "lo")
    cells = list(lo_recalc.formula_cells(target))
    for sheet, coordinate, formula, ours in cells:
        theirs = computed[sheet][coordinate].value
        assert abs(ours - theirs) < 1e-6, (sheet, coordinate, formula, ours, theirs)
    # the totals of the year, group and summary sheets (the targets' claims are the rows' flows, as values)
    assert len(cells) > 60


@pytest.mark.parametrize("method, subsidy_set, first_year", [
    ("memo", "zaanstreek-waterland-2017", 2017),        # the note's method, with its rounding below
    ("statutory", "arnhem-2014", 2015),                 # LKS by wage-value bands
    ("statutory", "rijk", 2023),                        # monthly WML in 2023, hourly from 2024, no LIV from 2025
])
def test_other_methods_sets_and_years_equal_the_scalar_engine(tmp_path, book, method, subsidy_set, first_year):
    import random

    rng = random.Random(first_year)
    rows = []
    for i in range(40):
        start = (rng.randint(first_year, first_year + 2), rng.randint(1, 12))
        end = (start[0] + rng.randint(0, 2), rng.randint(1, 12)) if rng.random() < 0.4 else None
        if end is not None and end < start:
            end = None
        model = rng.choice(["gemeente", "regulier", "payroll", "uitzendbureau"])
        rows.append({"id": f"Q{i}", "start": start, "end": end, "hours": rng.choice(["20", "24", "31", "32,5", "36"]),
                     "wage": rng.choice(["25%", "30%", "45%", "60%", "80%"]), "model": model,
                     "fee": "15%" if model == "uitzendbureau" else "", "trial": str(rng.choice([0, 0, 2, 4]))})
    lines = ["id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever;uitzendtoeslag;proefplaatsing"]
    for r in rows:
        end = f"28-{r['end'][1]}-{r['end'][0]}" if r["end"] else ""
        lines.append(f"{r['id']};Zaanstad;15-{r['start'][1]}-{r['start'][0]};{end};{r['hours']};{r['wage']};{r['model']};{r['fee']};{r['trial']}")
    (tmp_path / "c.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rounding = "rounding: memo\n" if method == "memo" else ""
    (tmp_path / "s.yaml").write_text(f"name: t\ncaseload: c.csv\nyear: {first_year}\nmethod: {method}\nsubsidy_set: {subsidy_set}\n"
                                     f"{rounding}", encoding="utf-8")
    vector = compute(load_scenario(tmp_path / "s.yaml"), book, 4)
    seen = 0
    for block in vector.blocks:
        for i, row in enumerate(block.rows):
            r = rows[int(row)]
            keys = {"name": r["id"], "year": block.year, "method": method, "subsidy_set": subsidy_set,
                    "employer_model": MODELS[r["model"]], "hours": D(r["hours"].replace(",", ".")), "wage_value": r["wage"],
                    "start": f"{r['start'][0]}-{r['start'][1]:02d}", "trial_months": int(r["trial"])}
            if method == "memo":
                keys["rounding"] = "memo"
            if r["end"]:
                keys["end"] = f"{r['end'][0]}-{r['end'][1]:02d}"
            if r["fee"]:
                keys["overrides"] = {"agency_fee": r["fee"]}
            path = tmp_path / f"{r['id']}-{block.year}.yaml"
            text = yaml.safe_dump({k: (str(v) if isinstance(v, D) else v) for k, v in keys.items()})
            path.write_text(text.replace(f"hours: '{keys['hours']}'", f"hours: {keys['hours']}"), encoding="utf-8")
            result = calculate(load_scenario(path).placements[0], book)
            view = result.views()["municipality"]
            for line in result.lines:
                got = D(repr(float(block.lines[line.key][i])))
                assert abs(got - line.amount) < CENT / 2, (r["id"], block.year, line.key, got, line.amount)
            assert D(repr(float(block.money["municipal_net"][i]))) == view.balance.quantize(CENT, ROUND_HALF_UP), (r["id"], block.year)
            seen += 1
    assert seen > 60


def test_placements_are_one_per_line_and_text_cannot_break_the_json(tmp_path):
    """A name holding what looks like the writer's own marker stays text (report/jsonout.py dumps)."""
    (tmp_path / "c.csv").write_text("id;gemeente;startdatum;uren;loonwaarde\nA1;\"\\u0001list0\\u0001\";1-3-2025;31;30%\n"
                                    "A2;Zaanstad;1-3-2025;24;40%\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("name: '\"placements\": \"x\"'\ncaseload: c.csv\nyear: 2025\n", encoding="utf-8")
    result = invoke(tmp_path / "s.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)["caseload"]
    assert [p["id"] for p in data["placements"]] == ["A1", "A2"]
    assert data["placements"][0]["municipality"] == "\\u0001list0\\u0001"
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if line.lstrip().startswith('{"id": ')) == 2


def test_a_column_named_like_a_caseload_sheet_does_not_take_its_formulas(tmp_path):
    import openpyxl

    column = tmp_path / "kolom.yaml"
    column.write_text("name: x\nyear: 2017\nhours: 31\nwage_value: 30%\nvariants:\n  - name: Caseload Per gemeente\n",
                      encoding="utf-8")
    target = tmp_path / "samen.xlsx"
    assert invoke(column, EXAMPLE, "--excel", target).exit_code == 0
    wb = openpyxl.load_workbook(target)
    summary = wb["Caseload Samenvatting"]
    references = {c.value.split("!")[0] for row in summary.iter_rows() for c in row if isinstance(c.value, str) and "!" in c.value}
    assert references == {"='Caseload Per gemeente (2)'"}


def test_a_warning_that_differs_only_in_its_year_is_said_once_for_the_span(book):
    from beschut_calc.analysis.caseload import _across_years
    from beschut_calc.core.text import Text

    found = [(Text(f"voor {y} is het niet geïndexeerd", f"for {y} it is not indexed"), y) for y in (2018, 2019, 2020)]
    found += [(Text("waarde (vanaf 2019-01-01) is niet bevestigd", "value (from 2019-01-01) is not confirmed"), 2019)]
    found += [(Text("38 uur (hogere kosten vóór 2024)", "38 hours (higher costs before 2024)"), y) for y in (2023, 2024)]
    merged = _across_years(found)
    assert [t.nl for t in merged] == ["voor 2018-2020 is het niet geïndexeerd", "waarde (vanaf 2019-01-01) is niet bevestigd",
                                      "38 uur (hogere kosten vóór 2024)"]
