"""The Excel workbook (issue 4): live formulas checked by a real spreadsheet, sources, chart, safe writing.

LibreOffice Calc (headless, fresh profile, recalculation on load) computes the exported
workbook with its cached values stripped (tests/lo_recalc.py), so every number read back was
computed by LibreOffice from the formulas. Those numbers are compared with the engine's own figures
to the cent, and the published totals of chapter 6 come from tests/fixtures/published.yaml
(Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, chapter 6) - nothing here types a result in.
"""
from __future__ import annotations

import dataclasses
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

import lo_recalc
from lo_recalc import assert_matches_engine, cell, layout_lang
from beschut_calc.cli import app, compute
from beschut_calc.core.engine import calculate
from beschut_calc.core.parameters import ParamValue
from beschut_calc.inputs.parameter_files import load_parameters
from beschut_calc.report import excel, excel_extras
from conftest import FIXTURES, SCENARIOS, write_scenario

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"
STATUTORY = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
PAYROLL = SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml"

BOOK = load_parameters()
needs_lo = pytest.mark.skipif(lo_recalc.soffice() is None, reason=lo_recalc.SKIP_REASON)


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def summary_block(ws, title_start: str) -> dict[str, list]:
    """The rows of one scenario's table on the Samenvatting sheet: label -> values per column."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(title_start))
    block = {}
    for r in rows[start + 1:]:
        if r[0] is None:
            break
        block[r[0].strip()] = list(r[1:])
    return block


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def published():
    return yaml.safe_load((FIXTURES / "published.yaml").read_text(encoding="utf-8"))["zaanstreek_waterland_2017_chapter6"]


@pytest.fixture(scope="module")
def recent(tmp_path_factory) -> Path:
    """A statutory scenario after the hourly minimum wage (2024) and one without the LIV (2025)."""
    folder = tmp_path_factory.mktemp("recent")
    path = write_scenario(folder, "recent.yaml", name="Wettelijk 2024", year=2024, method="statutory", wage_value="30%",
                          employer_model="regular", subsidy_set="rijk", hours=36)
    text = path.read_text(encoding="utf-8") + (
        "variants:\n  - name: 36 uur 2024\n  - name: 20 uur 2024\n    hours: 20\n"
        "  - name: 32 uur 2025\n    year: 2025\n    hours: 32\n")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory, recent):
    """The shipped Zaanstreek-Waterland scenarios and the 2024/2025 one, exported by the CLI."""
    folder = tmp_path_factory.mktemp("export")
    files = [MAIN, STATUTORY, PAYROLL, recent]
    target = folder / "memo.xlsx"
    result = invoke(*files, "--excel", target)
    assert result.exit_code == 0, result.stderr
    runs = compute(files)
    _, layouts = excel.build(runs, BOOK)
    return target, runs, layouts


@pytest.fixture(scope="module")
def recalculated(exported, tmp_path_factory):
    if lo_recalc.soffice() is None:
        pytest.skip(lo_recalc.SKIP_REASON)
    target, runs, layouts = exported
    return lo_recalc.recalculated_values(target, tmp_path_factory.mktemp("lo")), runs, layouts


# ------------------------------------------------------------------ (a) a real spreadsheet reproduces the engine

@needs_lo
def test_published_totals_computed_by_libreoffice(recalculated, published):
    values, _, _ = recalculated
    ws = values["Samenvatting"]
    for title, model in (("Zaanstreek-Waterland 2017, hoofdstuk 6", "municipality"),
                         ("Zaanstreek-Waterland 2017, via payroll", "payroll")):
        block = summary_block(ws, title)
        columns = [c for c in published["columns"] if c["employer_model"] == model]
        for i, column in enumerate(columns):
            assert block["Uren per week"][i] == column["hours"]
            assert block["Totaal baten"][i] == column["totals"]["benefits"]
            assert block["Totaal kosten"][i] == column["totals"]["costs"]
            assert block["Saldo"][i] == column["totals"]["balance"]
            for key, amount in {**column.get("benefits", {}), **column["costs"]}.items():
                label = next(label for label in block if label.endswith(LABEL_END[key]))
                assert block[label][i] == amount, (title, key)
    hoofdstuk6 = summary_block(ws, "Zaanstreek-Waterland 2017, hoofdstuk 6")
    assert hoofdstuk6["Oordeel"][:2] == ["tekort van € 400", "sluitend"]


LABEL_END = {"wage_value": "loonwaarde", "wage_subsidy": "loonkostensubsidie", "general_subsidy": "algemene subsidie beschut",
             "temporary_subsidy": "tijdelijke subsidie beschut", "tax_advantage": "belastingvoordeel LIV",
             "wage_costs": "loonkosten", "guidance_costs": "kosten begeleiding en indirecte kosten"}


@needs_lo
def test_every_line_equals_the_engine_to_the_cent(recalculated):
    """Memo method with rounding, payroll, statutory 2017 (two WML values), 2024 hourly WML and 2025 without LIV."""
    values, runs, layouts = recalculated
    assert_matches_engine(values, runs, layouts)


@needs_lo
def test_summary_refers_to_the_column_sheets(recalculated, exported):
    """The summary's amounts are formulas pointing at the column sheets, and show the same values."""
    target, runs, layouts = exported
    formulas = openpyxl.load_workbook(target)["Samenvatting"]
    values = recalculated[0]["Samenvatting"]
    sheets = {layout.sheet for layout in layouts}
    referring = 0
    for row_f, row_v in zip(formulas.iter_rows(), values.iter_rows()):
        for f, v in zip(row_f[1:], row_v[1:]):
            if isinstance(f.value, str) and f.value.startswith("='"):
                sheet = f.value[2:f.value.index("'!")].replace("''", "'")
                assert sheet in sheets
                referring += 1
                assert v.value is not None
    results = [r for _, rs in runs for r in rs]
    # per column at least every line, both totals, balance, verdict and the two inputs
    assert referring >= sum(len(r.lines) + 6 for r in results)


def test_every_line_is_a_live_formula(exported):
    target, runs, layouts = exported
    wb = openpyxl.load_workbook(target)
    results = [r for _, rs in runs for r in rs]
    for result, layout in zip(results, layouts):
        assert layout.fixed == []
        ws = wb[layout.sheet]
        for key, address in layout.unrounded.items():
            formula = ws[cell(address)].value
            assert isinstance(formula, str) and formula.startswith("="), (layout.sheet, key, formula)
            if formula == "=0":
                # Zero whatever the inputs (no LIV from 2025, a subsidy the set lacks): the reason is said.
                assert result.line(key).reason is not None, (layout.sheet, key)
            else:
                assert "$B$" in formula, (layout.sheet, key, formula)
        # the rounding of the memo method is a formula too: ROUNDDOWN for benefits, ROUNDUP for costs
    memo = wb[layouts[0].sheet]
    assert memo[cell(layouts[0].lines["wage_value"])].value.startswith("=ROUNDDOWN(")
    assert memo[cell(layouts[0].lines["wage_costs"])].value.startswith("=ROUNDUP(")


def test_every_formula_carries_its_value_and_it_equals_the_engine(exported, published):
    """Issue 11 item 2: previewers, pandas and openpyxl(data_only=True) see the numbers."""
    import pandas

    target, runs, layouts = exported
    cells = list(lo_recalc.formula_cells(target))
    assert len(cells) > 100
    assert all(value is not None for *_, value in cells), [c for c in cells if c[3] is None][:3]
    assert_matches_engine(openpyxl.load_workbook(target, data_only=True), runs, layouts)
    # A spreadsheet still recomputes everything on opening: a cached value is never the last word.
    assert 'fullCalcOnLoad="1"' in zipfile.ZipFile(target).read("xl/workbook.xml").decode()
    # pandas reads the published totals of chapter 6 from the summary's formula cells.
    frame = pandas.read_excel(target, sheet_name="Samenvatting", header=None)
    rows: dict[str, list] = {}
    for i, label in enumerate(frame.iloc[:, 0]):
        rows.setdefault(str(label), list(frame.iloc[i, 1:]))     # the first block: chapter 6
    columns = [c for c in published["columns"] if c["employer_model"] == "municipality"]
    for i, column in enumerate(columns):
        assert rows["Totaal baten"][i] == column["totals"]["benefits"]
        assert rows["Totaal kosten"][i] == column["totals"]["costs"]
        assert rows["Saldo"][i] == column["totals"]["balance"]


@needs_lo
def test_cached_values_equal_what_libreoffice_computes(exported, recalculated):
    """The evaluator of report/excel_values.py against a real spreadsheet, for every formula cell."""
    target, _, _ = exported
    computed, _, _ = recalculated
    for sheet, coordinate, formula, ours in lo_recalc.formula_cells(target):
        theirs = computed[sheet][coordinate].value
        if isinstance(ours, (int, float)) and not isinstance(ours, bool):
            assert abs(ours - theirs) < 1e-6, (sheet, coordinate, formula, ours, theirs)
        else:
            assert ours == theirs, (sheet, coordinate, formula, ours, theirs)


# ------------------------------------------------------------------ (b) change an input, recalculate

@needs_lo
def test_changed_hours_and_wage_value_recalculate(exported, tmp_path):
    """Edit the yellow input cells with openpyxl, let LibreOffice recalculate, compare with fresh engine runs."""
    target, runs, layouts = exported
    from beschut_calc.inputs.parameter_files import load_parameters

    book = load_parameters()
    wb = openpyxl.load_workbook(target)
    # 28 h (memo scale), 20 h (below the 1,248 LIV hours and 31 h subsidies), 40 h (other LIV band), 33.5 h
    new_hours = [Decimal(h) for h in ("28", "20", "40", "33.5", "23", "36", "12", "39")]
    new_runs, i = [], 0
    for scenario, results in runs:
        changed = []
        for result in results:
            layout = layouts[i]
            hours = new_hours[i % len(new_hours)]
            wage_value = Decimal("0.45") if i % 3 == 2 else result.placement.wage_value
            ws = wb[layout.sheet]
            ws[cell(layout.hours)] = float(hours)
            ws[cell(layout.wage_value)] = float(wage_value)
            changed.append(calculate(dataclasses.replace(result.placement, hours=hours, wage_value=wage_value), book))
            i += 1
        new_runs.append((scenario, changed))
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    values = lo_recalc.recalculated_values(edited, tmp_path / "lo")
    assert_matches_engine(values, new_runs, layouts)
    # and the summary follows the column sheets
    first = summary_block(values["Samenvatting"], "Zaanstreek-Waterland 2017, hoofdstuk 6")
    assert first["Uren per week"][:2] == [28, 20]
    assert first["Saldo"][0] == values[layouts[0].sheet][cell(layouts[0].balance)].value


# ------------------------------------------------------------------ wider coverage of the formula mirror

def _variants(book):
    """Columns across years, methods, employer models, subsidy sets, rounding, trial months and LKV."""
    from beschut_calc.inputs import catalog
    from beschut_calc.inputs.load import load_scenario

    base = load_scenario(STATUTORY).placements[0]
    memo = load_scenario(MAIN).placements[1]

    def override(name, value):
        return ParamValue(name=name, value=value, since=None, source="test", status="override")

    sets = {name: catalog.load_subsidy_set(name) for name in catalog.names(catalog.SUBSIDY_SETS_DIR)}
    employers = {name: catalog.load_employer(name) for name in catalog.names(catalog.EMPLOYERS_DIR)}
    fee = {"agency_fee": override("agency_fee", Decimal("0.15"))}
    cases = []
    for year, hours, wv, employer, sset in (
            (2015, "31", "0.30", "municipality", "rijk"), (2016, "40", "0.30", "regular", "geen"),
            (2018, "24", "0.30", "temp_agency", "rijk"), (2019, "36", "0.20", "payroll", ZW),
            (2020, "31", "0.30", "municipality", ZW), (2021, "38", "0.50", "regular", "geen"),
            (2022, "26", "0.30", "municipality", "geen"), (2023, "36", "0.30", "regular", "rijk"),
            (2024, "40", "0.30", "regular", "geen"), (2025, "31", "0.30", "temp_agency", "rijk"),
            (2026, "36", "0.30", "municipality", "geen"), (2027, "31", "0.30", "payroll", "rijk")):
        sset = sets.get(sset, sets["geen"])
        cases.append(dataclasses.replace(base, name=f"w{year}", year=year, hours=Decimal(hours), wage_value=Decimal(wv),
                                         employer=employers[employer], subsidy_set=sset,
                                         overrides=fee if employer == "temp_agency" else {}))
    if "arnhem-2014" in sets:   # LKS by wage-value band, including outside the bands
        for wv in ("0.45", "0.80", "0.35"):
            cases.append(dataclasses.replace(base, name=f"band {wv}", wage_value=Decimal(wv), subsidy_set=sets["arnhem-2014"]))
    if "arnhem-2017" in sets:   # national stimulus for at most 5 years, secondment revenue line
        cases.append(dataclasses.replace(base, name="arnhem", hours=Decimal(24), subsidy_set=sets["arnhem-2017"],
                                         overrides={"secondment_revenue": override("secondment_revenue", Decimal(2400))}))
        cases.append(dataclasses.replace(base, name="arnhem jaar 6", year=2022, first_year=2017, subsidy_set=sets["arnhem-2017"]))
    cases.append(dataclasses.replace(base, name="proef 3 mnd", trial_months=3))
    cases.append(dataclasses.replace(memo, name="memo proef", trial_months=4, hours=Decimal(27)))
    # the LKS on the WML of 1 January, pro rata to 36 hours up to the full-time week (Participatiewet art. 10d)
    cases.append(dataclasses.replace(base, name="2026 38 uur", year=2026, hours=Decimal(38), employer=employers["regular"]))
    cases.append(dataclasses.replace(memo, name="memo 2024", year=2024, hours=Decimal(20),
                                     overrides={"temporary_subsidy_pro_rata": override("temporary_subsidy_pro_rata", True),
                                                "memo_wage_value_fulltime": override("memo_wage_value_fulltime", False)}))
    cases.append(dataclasses.replace(memo, name="memo regular", employer=employers["regular"], hours=Decimal(35), wage_value=Decimal("0.6")))
    cases.append(dataclasses.replace(base, name="top-up", overrides={"municipal_top_up": override("municipal_top_up", Decimal(1500)),
                                                                     "employer_charges": override("employer_charges", Decimal("0.2"))}))
    return cases


ZW = "zaanstreek-waterland-2017"


@needs_lo
def test_formula_mirror_across_years_models_and_sets(tmp_path, book):
    """Many columns in one workbook (English labels), each line against the engine."""
    placements = _variants(book)
    results = [calculate(p, book) for p in placements]
    scenario = type("S", (), {"name": "breed", "file": "test", "extra": {}})()
    runs = [(scenario, results)]
    wb, layouts = excel.build(runs, book, lang="en")
    assert all(layout.fixed == [] for layout in layouts), [(l.sheet, l.fixed) for l in layouts]
    path = tmp_path / "wide.xlsx"
    wb.save(path)
    values = lo_recalc.recalculated_values(path, tmp_path / "lo")
    assert layout_lang(values) == "en"
    assert_matches_engine(values, runs, layouts)


# ------------------------------------------------------------------ (c) sources, notes, chart, formats

def test_sources_sheet_lists_every_parameter_with_its_source(exported):
    target, runs, layouts = exported
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:2] == ["Samenvatting", "Toelichting"]
    assert "Parameters en bronnen" in wb.sheetnames
    ws = wb["Parameters en bronnen"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    listed = {(r[0], r[3]) for r in rows}
    for _, results in runs:
        for result in results:
            for pv in result.parameters:
                if not pv.name.startswith("rounding:"):
                    assert (pv.name, pv.since.isoformat() if pv.since else None) in listed, pv.name
    # the statutory 2017 columns use both WML values of 2017, each with its own source
    wml = {r[3]: r[6] for r in rows if r[0] == "wml_month"}
    assert {"2017-01-01", "2017-07-01"} <= set(wml)
    assert "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017" in wml["2017-01-01"]
    assert "BWBR0002638" in wml["2017-01-01"]
    assert all(r[6] for r in rows), "every parameter has a source"
    # every assumption, unconfirmed or carried-forward value is marked, and only those
    flags = {(r[0], r[3], r[6]): r[5] for r in rows}
    flagged = 0
    for _, results in runs:
        for result in results:
            for pv in result.parameters:
                if pv.name.startswith("rounding:"):
                    continue
                flag = flags[(pv.name, pv.since.isoformat() if pv.since else None, pv.source)]
                assert bool(flag) == pv.flagged, (pv.name, flag)
                flagged += pv.flagged
    assert flagged, "the shipped scenarios use assumptions (employer charges, endnote vii)"
    assert {f for (name, _, _), f in flags.items() if name == "employer_charges"} == {"AANNAME"}


def test_notes_sheet_names_the_two_inconsistencies(exported):
    target, _, _ = exported
    text = "\n".join(str(r[0]) for r in openpyxl.load_workbook(target)["Toelichting"].iter_rows(values_only=True) if r[0])
    assert "Memomethode" in text and "Wettelijke methode" in text
    assert "Tijdelijke subsidie niet naar rato" in text and "Loonwaarde van 36 uur" in text
    assert "Waarschuwingen" in text and "employer_charges" in text


def test_native_stacked_bar_chart_on_the_summary(exported):
    target, _, _ = exported
    archive = zipfile.ZipFile(target)
    charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 1
    xml = archive.read(charts[0]).decode()
    assert "<barChart>" in xml and '<grouping val="stacked"' in xml
    assert "Grafiekgegevens" in xml    # the series refer to cells (of the chart-data sheet), not a picture
    assert not [n for n in archive.namelist() if n.startswith("xl/media/")]
    wb = openpyxl.load_workbook(target)
    assert len(wb["Samenvatting"]._charts) == 1


def test_formats_protection_and_validation(exported):
    target, _, layouts = exported
    wb = openpyxl.load_workbook(target)
    layout = layouts[0]
    ws = wb[layout.sheet]
    assert ws.protection.sheet and not ws.protection.password
    hours, wage_value = ws[cell(layout.hours)], ws[cell(layout.wage_value)]
    assert not hours.protection.locked and not wage_value.protection.locked
    assert ws[cell(layout.balance)].protection.locked and ws[cell(layout.lines["wage_costs"])].protection.locked
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert "0" in rules[cell(layout.hours)].formula1 and "40" in rules[cell(layout.hours)].formula1
    assert (rules[cell(layout.wage_value)].formula1, rules[cell(layout.wage_value)].formula2) == ("0", "1")
    assert ws.freeze_panes == "B5"
    summary = wb["Samenvatting"]
    assert summary.freeze_panes is not None
    euro_cells = [c for row in summary.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("='")
                  and c.number_format.startswith("[$€-413]")]
    assert euro_cells and euro_cells[0].number_format == "[$€-413] #,##0;-[$€-413] #,##0"
    assert summary.column_dimensions["A"].width >= 30


# ------------------------------------------------------------------ (d) safe writing through the CLI

def test_second_export_refused_without_force(tmp_path):
    target = tmp_path / "memo.xlsx"
    assert invoke(MAIN, "--excel", target).exit_code == 0
    before = target.read_bytes()
    refused = invoke(MAIN, "--excel", target)
    assert refused.exit_code == 2
    assert "bestaat al" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.output
    assert refused.stdout == ""          # nothing printed when the export is refused
    assert target.read_bytes() == before
    forced = invoke(MAIN, "--excel", target, "--force", "--lang", "en")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_bytes() != before
    assert openpyxl.load_workbook(target)["Samenvatting"]["A1"].value.startswith("Business case")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.xlsx"]   # no temporary files left


def test_unwritable_target_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke(MAIN, "--excel", blocker / "memo.xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.output
    folder = invoke(MAIN, "--excel", tmp_path)
    assert folder.exit_code == 2 and "map" in folder.stderr


# ------------------------------------------------------------------ (e) text from YAML stays text

FORMULA_NAME = '=HYPERLINK("http://x","y")'


def test_formula_like_names_are_stored_as_text(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text(
        "name: '=HYPERLINK(\"http://x\",\"y\")'\nyear: 2017\nmethod: statutory\nwage_value: 30%\n"
        "subsidy_set: zaanstreek-waterland-2017\nvariants:\n  - name: '=HYPERLINK(\"http://x\",\"y\")'\n    hours: 31\n"
        "  - name: \"+SUM(1,2)\"\n    hours: 24\n", encoding="utf-8")
    target = tmp_path / "evil.xlsx"
    result = invoke(path, "--excel", target)
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(target)
    # (references to a column sheet named after the column are formulas on purpose: ='name'!B7)
    texts = [c for ws in wb for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and ("HYPERLINK" in c.value or "SUM(1,2)" in c.value) and not c.value.startswith("='")]
    assert texts, "the names appear in the workbook"
    for c in texts:
        assert c.data_type == "s", (c.parent.title, c.coordinate, c.value)
    assert any(c.value == FORMULA_NAME for c in texts)
    raw = "".join(zipfile.ZipFile(target).read(n).decode() for n in zipfile.ZipFile(target).namelist()
                  if n.startswith("xl/worksheets/"))
    assert "<f>HYPERLINK" not in raw and "<f>SUM(1,2)" not in raw
    if lo_recalc.soffice() is not None:     # and a spreadsheet keeps it as text too
        values = lo_recalc.recalculated_values(target, tmp_path / "lo")
        column_titles = [ws["A1"].value for ws in values if ws.title not in excel.RESERVED]
        assert FORMULA_NAME in column_titles and "+SUM(1,2)" in column_titles


def test_sheet_names_are_valid_and_unique():
    taken = set(excel.RESERVED)
    names = [excel.sheet_name(n, taken) for n in ("31 uur", "31 uur", "a/b:c*d?[e]", "x" * 40, "'quoted'", "samenvatting")]
    assert names[0] == "31 uur" and names[1] == "31 uur (2)"
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert names[5].lower() != "samenvatting"


# ------------------------------------------------------------------ extras of other features

def _analyses(runs, **asked):
    from beschut_calc.analysis import hooks

    return hooks.run(runs, BOOK, breakeven=asked.get("breakeven"), sweep=asked.get("sweep", []), years=asked.get("years"))


def test_sweep_and_years_get_their_own_sheets(tmp_path):
    runs = compute([MAIN])
    analyses = _analyses(runs, sweep=["hours=24:31:7", "wage_value=30%:40%:10%"], years=2, breakeven="guidance_cost_fulltime")
    wb, _ = excel.build(runs, BOOK, analyses)
    assert "Gevoeligheid" in wb.sheetnames and "Meerjarig" in wb.sheetnames
    grid = wb["Gevoeligheid"]
    cells = [c.value for row in grid.iter_rows() for c in row if c.value is not None]
    assert "hours ↓  wage_value →" in cells
    first = analyses.flat()[0]
    at_31_30 = [b for h, w, b in zip(*first.sweep.columns, first.sweep.balance) if h == 31 and w == 0.3]
    assert round(at_31_30[0], 2) in cells                      # the grid holds the swept balance
    assert grid.conditional_formatting, "deficits and surpluses are coloured"
    # Meerjarig: totals, balance and the cumulative balance are formulas, computing what the engine computed.
    from beschut_calc.report.excel_values import formula_values

    computed = formula_values(wb)
    header = next(row for row in wb["Meerjarig"].iter_rows() if row[0].value == "Jaar")
    at = next(i for i, c in enumerate(header) if c.value == "Cumulatief saldo")
    row_2018 = next(row for row in wb["Meerjarig"].iter_rows() if row[0].value == 2018)
    cumulative = row_2018[at]
    assert isinstance(cumulative.value, str) and cumulative.value.startswith("="), cumulative.value
    assert abs(Decimal(repr(computed[("Meerjarig", cumulative.coordinate)])) - first.years[-1].cumulative) < Decimal("0.001")
    summary = [c.value for row in wb["Samenvatting"].iter_rows() for c in row]
    assert any(isinstance(v, str) and v.startswith("guidance_cost_fulltime = ") for v in summary)


def test_oversized_sweeps_do_not_break_the_workbook():
    runs = compute([MAIN])
    wide = _analyses(runs, sweep=["hours=31:31:1", "wage_value=0:1:0.0005"])        # 2,001 across: too wide for a grid
    assert wide.flat()[0].sweep.axes[1].count > excel_extras.MAX_ACROSS
    wb, _ = excel.build(runs, BOOK, wide)
    ws = wb["Gevoeligheid"]
    assert ws.max_column <= 3                                   # a plain table, not 2,001 columns
    huge = _analyses(runs, sweep=["hours=0.0002:40:0.0002"])
    assert len(huge.flat()[0].sweep.balance) > excel_extras.MAX_POINTS
    wb, _ = excel.build(runs, BOOK, huge)
    ws = wb["Gevoeligheid"]
    assert any(isinstance(c.value, str) and "te veel" in c.value for row in ws.iter_rows(max_col=1) for c in row)


def test_control_characters_in_names_are_refused_before_any_export(tmp_path):
    """Issue 15: an escaped control character in a name is refused at its place; no workbook is written."""
    path = tmp_path / "bell.yaml"
    path.write_text('name: "bel scenario"\nyear: 2017\nhours: 31\nwage_value: 30%\nvariants:\n'
                    '  - name: "kolom\\x01een"\n', encoding="utf-8")
    target = tmp_path / "bell.xlsx"
    result = invoke(path, "--excel", target)
    assert result.exit_code == 2
    assert "bell.yaml:6:11: variants[0].name: stuurteken U+0001" in result.output
    assert not target.exists()




def test_no_doubled_words_in_the_workbook(tmp_path):
    """Issue 11: 'AANNAME: aanname' and 'Afronding: Afronding van de notitie' said a word twice."""
    target = tmp_path / "z.xlsx"
    assert invoke(MAIN, "--excel", target).exit_code == 0
    texts = [str(c.value) for ws in openpyxl.load_workbook(target) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "AANNAME" in texts
    assert not [t for t in texts if t.lower().startswith(("aanname: aanname", "afronding: afronding"))]


@needs_lo
@pytest.mark.parametrize("scenario", ["zaanstreek-waterland-2017.yaml", "werkgeversmodellen-2026.yaml"])
def test_the_workbook_prints_on_a4_landscape_and_the_summary_on_one_page(tmp_path, scenario):
    """Issue 11: LibreOffice printed these workbooks on 51 and 73 pages; now each sheet is one page
    wide and the summary, with its chart, one page."""
    from beschut_calc.cli import compute
    from beschut_calc.report.excel import SUMMARY, build

    runs = compute([SCENARIOS / scenario])
    wb, _ = build(runs, BOOK, None, "nl")
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    whole = tmp_path / "whole.xlsx"
    wb.save(whole)
    assert lo_recalc.pdf_pages(whole, tmp_path / "pdf-whole") <= 3 * len(wb.worksheets)
    for ws in wb.worksheets:    # LibreOffice prints no hidden sheet: what is left is the summary
        if ws.title != SUMMARY:
            ws.sheet_state = "hidden"
    summary = tmp_path / "summary.xlsx"
    wb.save(summary)
    assert lo_recalc.pdf_pages(summary, tmp_path / "pdf-summary") == 1


def test_the_cached_value_evaluator_is_lazy_in_if_like_a_spreadsheet():
    """IF(0>0, 1/0, 7) is 7 in a spreadsheet: the division in the branch not taken is no error
    (a year of only trial months has no paid hours, and the average hourly wage divides by them)."""
    from openpyxl import Workbook

    from beschut_calc.report.excel_values import formula_values

    wb = Workbook()
    ws = wb.active
    ws["A1"] = 0
    ws["A2"] = "=IF(A1>0,5/A1,7)"
    ws["A3"] = "=-ROUND(A2*2,0)"
    ws["A4"] = "=5/A1"
    values = formula_values(wb)
    assert values[(ws.title, "A2")] == 7 and values[(ws.title, "A3")] == -14
    assert (ws.title, "A4") not in values          # #DIV/0!: no cached value, the spreadsheet shows its own error
