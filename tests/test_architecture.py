"""One declaration per rule (issue 9): the layers stay apart, and a line declared once reaches
every renderer — the exact engine, the numpy sweep, the rule in words and the workbook formulas."""
from __future__ import annotations

import ast
from decimal import Decimal as D
from pathlib import Path

import pytest

import lo_recalc
from beschut_calc.core import flows, lines, rules
from beschut_calc.core.engine import calculate
from beschut_calc.core.expr import Const
from beschut_calc.core.lines import LineSpec
from beschut_calc.core.text import Text

PACKAGE = Path(__file__).resolve().parent.parent / "beschut_calc"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ("." * node.level) + (node.module or "")
            found.add(base)
            found.update(f"{base}.{alias.name}" if node.module else f"{base}{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").glob("*.py")), ids=lambda p: p.name)
def test_core_is_pure(path):
    # core/: model, rules, engine, results; no I/O libraries, no other layer.
    banned = ("yaml", "openpyxl", "numpy", "pandas", "typer", "rich", "matplotlib")
    for name in _imports(path):
        top = name.lstrip(".").split(".")[0]
        assert top not in banned, f"{path.name} imports {name}"
        assert not name.startswith(("..inputs", "..report", "..analysis", "beschut_calc.inputs", "beschut_calc.report",
                                    "beschut_calc.analysis")), f"{path.name} imports {name}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _resolved_imports(name: str) -> set[str]:
    """Every beschut_calc module `name` imports, at module level or inside a function: each
    `import`/`from` statement resolved to the module it loads (a name from a package that is a
    module counts as that module)."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def nearest(dotted: str) -> str | None:
        while dotted and dotted not in MODULES:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(nearest(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else nearest(base))
    found.discard(None)
    found.discard(name)
    return found


def test_no_analysis_module_imports_the_reports():
    # The analyses return typed results; how they are shown is report/'s (and the pipeline's) business.
    for name in sorted(MODULES):
        if name.startswith("beschut_calc.analysis"):
            reports = sorted(m for m in _resolved_imports(name) if m.startswith("beschut_calc.report"))
            assert not reports, f"{name} imports {reports}"


def test_the_import_graph_has_no_cycles():
    graph = {name: _resolved_imports(name) for name in MODULES}
    cycles, done, path = [], set(), []

    def visit(name: str) -> None:
        path.append(name)
        for other in sorted(graph[name]):
            if other in path:
                cycles.append(" -> ".join(path[path.index(other):] + [other]))
            elif other not in done:
                visit(other)
        path.pop()
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            visit(name)
    assert not cycles, "import cycles (module level and inside functions):\n" + "\n".join(cycles)


LEGAL_PARAMETERS = sorted(p.stem for p in (PACKAGE / "params").glob("*.yaml"))


@pytest.mark.parametrize("layer", ["report", "analysis"])
def test_reports_and_analyses_name_no_legal_parameter(layer):
    # A rule written outside core/rules.py would have to name its parameters.
    for path in sorted((PACKAGE / layer).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        named = [name for name in LEGAL_PARAMETERS if f'"{name}"' in text or f"'{name}'" in text]
        assert not named, f"{path.relative_to(PACKAGE)} names {named}"


def test_no_module_imports_another_modules_private_names():
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"]
                assert not private, f"{path.relative_to(PACKAGE)} imports {private} from {node.module}"


# ------------------------------------------------------------------ a toy line, declared once

TOY = LineSpec("toy_line", "benefit", Text("7. proefpost", "7. toy line"))
# A made-up rule that uses an input, a dated parameter and a step: 8 % holiday allowance x hours x €10.
TOY_RULE = rules.HOLIDAY * rules.HOURS * Const(D(10))


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(lines, "EMPLOYER_LINES", lines.EMPLOYER_LINES + (TOY,))
    monkeypatch.setitem(lines.REGISTRY, TOY.key, TOY)
    for by_key in rules.METHOD_RULES.values():
        monkeypatch.setitem(by_key, TOY.key, TOY_RULE)
    monkeypatch.setattr(flows, "FLOWS", flows.FLOWS + (flows.FlowSpec(TOY.key, "outside", "employer", TOY.label, "year",
                                                                      line=TOY.key),))


def test_a_toy_line_reaches_the_engine_sweep_words_and_workbook(toy, placement, book, tmp_path):
    from beschut_calc.analysis import sweep as sw
    from beschut_calc.analysis.inputs import with_value
    from beschut_calc.report import excel, explain

    p = placement(year=2017, hours=31, subsidy_set="zaanstreek-waterland-2017")
    result = calculate(p, book)
    line = result.line("toy_line")
    assert line.amount == D("0.08") * 31 * 10                   # the rule, by hand
    assert [pv.name for pv in line.params] == ["holiday_allowance"]

    # the numpy sweep evaluates the same tree: each point equals the engine there
    grid = sw.sweep(p, book, sw.parse_axes(["hours=10:40:10"]))
    for hours, balance in zip(grid.columns[0], grid.balance):
        expected = calculate(with_value(p, "hours", D(str(hours))), book).balance
        assert abs(float(expected) - balance) < 1e-6

    # the rule in words names the parameter with its value
    words = line.rule("nl")
    assert "8 % vakantiebijslag" in words and "31 uur" in words
    text = explain.trace(result)
    assert any(entry["key"] == "toy_line" and entry["label"] == "7. proefpost" for entry in text["lines"])

    # the workbook has a live formula for it; LibreOffice recalculates it to the engine's value
    runs = [(_Scenario(), [result])]
    wb, layouts = excel.build(runs, book)
    formula = wb[layouts[0].sheet][layouts[0].unrounded["toy_line"].replace("$", "")].value
    assert formula.startswith("=") and layouts[0].hours in formula
    if lo_recalc.soffice() is None:
        pytest.skip(lo_recalc.SKIP_REASON)
    target = tmp_path / "toy.xlsx"
    wb.save(target)
    values = lo_recalc.recalculated_values(target, tmp_path / "lo")
    got = values[layouts[0].sheet][layouts[0].lines["toy_line"].replace("$", "")].value
    assert abs(D(repr(got)) - line.amount) < D("0.001")
    balance = values[layouts[0].sheet][layouts[0].balance.replace("$", "")].value
    assert abs(D(repr(balance)) - result.balance) < D("0.001")


class _Scenario:
    name, file, extra = "toy", "toy.yaml", {}


# ------------------------------------------------------------------ no legal value written as a literal (issue 20, item 5)

# A legal value lives in beschut_calc/params/*.yaml with its date and source. Analyses, reports and the notices
# must take it from there (a ParamValue, the engine's result), never write it again as a number (14300, 0.235)
# or in prose ("70 %", "14.300", "€ 0,51"): a copy does not change when the law does. The forbidden literals are
# derived from every dated value of every parameter file; docstrings (not shown to users) and comments are not
# scanned. The identities 0 and 1 are never forbidden; 12 months and 52 weeks are not parameters and so free.
LITERAL_LAYERS = (sorted((PACKAGE / "analysis").glob("*.py")) + sorted((PACKAGE / "report").glob("*.py"))
                  + [PACKAGE / "core" / "notices.py"])

# Genuine non-legal uses of a number that equals a legal value: (file, literal as written) -> why it is not law.
LITERAL_ALLOWED = {
    # Since issue 21 the youth minimum-wage table (50 %, 60 %, 80 % ...) and the flat-rate LKS (50 %) are dated values,
    # so these plain layout and rounding numbers now look like legal values; none of them is one.
    ("analysis/sensitivity.py", "0.5"): "half a cent: a balance below -0.5 cent-rounded is a deficit, not the 50 % of a table",
    ("analysis/sweep.py", "50%"): "an example of a sweep range in a hint (wage_value=10%:50%:5%), not the youth minimum wage",
    ("report/analyses.py", "0.5"): "half a euro: the colour of a tornado bar, not the 50 % of a table",
    ("report/chart.py", "0.5"): "matplotlib: colour ramp and line width, not the 50 % of a table",
    ("report/chart.py", "0.8"): "matplotlib: the share of a slot the bars take, not the youth minimum wage at 20",
    ("report/chart.py", "0.6"): "matplotlib: the width of the zero line, not the youth minimum wage at 19",
    ("report/chart.py", "0.4"): "matplotlib: a label's offset, not the 40 % of the kostendelersnorm (issue 22)",
    ("report/excel_column.py", "50 %"): "the bounds of the absence input cell (0-50 %), not the youth minimum wage",
    ("report/excel_extras.py", "0.5"): "half a euro: the conditional format of a deficit, not the 50 % of a table",
    ("report/excel_sheets.py", "0.5"): "page margins in inches, not the 50 % of a table",
    ("report/excel_sheets.py", "0.4"): "page margins in inches, not the 40 % of the kostendelersnorm (issue 22)",
    ("report/excel_values.py", "0.5"): "rounding half up, not the 50 % of a table",
    ("report/excel.py", "0.5"): "half a euro: the conditional format of a deficit on the summary, not the 50 % of a table",
    ("analysis/caseload.py", "0.5"): "half a cent: rounding half up to the cent (cents), not the 50 % of a table",
    ("report/chart.py", "1.01"): "matplotlib: the legend just right of the axes (bbox_to_anchor), not the LIV rate",
    ("report/chart.py", "0.3"): "matplotlib: padding of the axis as a share of the range, not a wage value",
    ("report/excel.py", "0.3"): "the chart's height per row in centimetres, not a wage value",
    ("report/excel_column.py", "1000"): "thousands separator in an Excel formula, not the LIV maximum",
    ("report/excel_extras.py", "1_000"): "most columns across in a workbook, not the LIV maximum",
    ("report/rich_text.py", "1000"): "widest terminal believed (COLUMNS), not the LIV maximum",
    ("analysis/breakeven.py", "1000"): "second point of the secant search (+ € 1.000), not the LIV maximum",
    ("core/notices.py", "8%"): "an example value of `absence` in a hint, not the 8 % holiday allowance",
    ("report/caseload_layout.py", "36"): "FTE = hours / 36 is a counting convention (inputs/caseload.FTE_HOURS), not the "
                                         "legal 36 of the LKS",
}

# Offenders in files other helpers own (issue 20): reported, to be removed there; the test of that file is
# an xfail (strict=False) until then, every other file is held to it now. None left.
LITERAL_OFFENDERS: dict[str, str] = {}


def _dated_numbers() -> dict[D, set[str]]:
    """Every number in a dated value of params/*.yaml (tables included) -> the units it occurs with."""
    from beschut_calc.inputs.parameter_files import load_parameters

    found: dict[D, set[str]] = {}

    def walk(value, unit):
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, dict):
            for v in value.values():
                walk(v, unit)
        elif isinstance(value, list):
            for v in value:
                walk(v, unit)
        elif isinstance(value, D):
            found.setdefault(value.normalize(), set()).add(unit)

    for param in load_parameters().parameters.values():
        if param.unit == "years":
            continue    # a count of years the tool assumes (buig_follows_after_years), not a legal amount: 2 is everywhere
        for pv in param.values:
            walk(pv.value, param.unit)
    return {number: units for number, units in found.items() if number not in (D(0), D(1))}


def _written_forms(number: D, units: set[str]) -> set[str]:
    """How a value may be written in prose: 14300, 14.300, 14,300; 1551.60, 1.551,60; 0.235, 0,235; 23,5 %, 23.5%."""
    text = format(number, "f")
    whole, _, frac = text.partition(".")
    forms = set()
    for f in ({frac, frac.ljust(2, "0")} if frac else {""}):
        tail = (".", ","), (",", ".")
        for dec, thousands in tail:
            body = whole if len(whole) <= 3 else f"{whole[:-3]}{thousands}{whole[-3:]}"
            forms |= {f"{whole}{dec}{f}" if f else whole, f"{body}{dec}{f}" if f else body}
    if "fraction" in units:
        pct = format((number * 100).normalize(), "f")
        for p in (pct, pct.replace(".", ",")):
            forms |= {f"{p} %", f"{p}%", f"{p}\u00a0%"}
    return forms


def _literal_offences(path: Path) -> list[str]:
    return _offences_in(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).as_posix())


def _offences_in(source: str, rel: str) -> list[str]:
    import re

    numbers = _dated_numbers()
    allowed = {literal for (file, literal) in LITERAL_ALLOWED if file == rel}
    patterns = [(re.compile(r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)"), form)
                for number, units in numbers.items() for form in _written_forms(number, units)]
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docstrings:
            continue
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            written = ast.get_source_segment(source, node)
            if D(str(node.value)).normalize() in numbers and written not in allowed:
                out.append(f"{rel}:{node.lineno}: number {written}")
        elif isinstance(node.value, str):
            for rx, form in patterns:
                if rx.search(node.value) and form not in allowed:
                    out.append(f"{rel}:{node.lineno}: text {form!r}")
    return sorted(set(out))


@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xfail(
    strict=False, reason=f"offender owned by another change: {LITERAL_OFFENDERS[p.relative_to(PACKAGE).as_posix()]}"))
    if p.relative_to(PACKAGE).as_posix() in LITERAL_OFFENDERS else p for p in LITERAL_LAYERS],
    ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_legal_value_is_written_as_a_literal(path):
    offences = _literal_offences(path)
    assert not offences, "legal values written as literals (take them from params/*.yaml):\n" + "\n".join(offences)


def test_the_literal_check_finds_what_it_should():
    # The detector itself: the forms of a value, and a planted offender in each kind.
    assert {"14300", "14.300", "14,300"} <= _written_forms(D(14300), {"euro_per_year"})
    assert {"0.235", "0,235", "23,5 %", "23.5%"} <= _written_forms(D("0.235"), {"fraction"})
    assert {"1551.60", "1.551,60", "1,551.60"} <= _written_forms(D("1551.6"), {"euro_per_month"})
    assert {"70 %", "70%"} <= _written_forms(D("0.7"), {"fraction"})
    planted = ('"""Docstring: 14.300 is allowed here."""\nA = 14300\nB = Decimal("0.235")\n'
               'C = "LKS ten hoogste 70 % van het WML"\nD = f"rijk € 8.500 per plek {A}"\nE = 12 * 52\n')
    found = _offences_in(planted, "report/planted.py")
    assert [entry.split(": ", 1)[1] for entry in found] == \
        ["number 14300", "text '0.235'", "text '70 %'", "text '8.500'"], found


def test_every_literal_exception_still_exists():
    # An allow-list or offender entry whose literal is gone must be removed (the list stays short and true).
    for (file, literal), why in LITERAL_ALLOWED.items():
        assert why and literal in (PACKAGE / file).read_text(encoding="utf-8"), f"{file}: {literal} no longer there"
    for file in LITERAL_OFFENDERS:
        assert _literal_offences(PACKAGE / file), f"{file} is clean now: remove it from LITERAL_OFFENDERS"


# A rule's constants are pure numbers or sourced values (issue 20, item 5): every number written in core/rules.py
# is one of these, or the value of a ParamValue that names its source (the memo's 31 hours).
PURE_NUMBERS = {
    D(0): "nothing (a zero amount, an empty month)",
    D(1): "the identity: 1 + a share, 1 − a share, the first month",
    D(12): "months in a year",
    D(52): "weeks in a year (52/12 weeks a month, Wml art. 14)",
    D(7): "July, the month a look-up is made for the second raise of the minimum wage in a year "
          "(params/lks_fixed_on_january_1.yaml)",
}


def _unsourced_rule_constants() -> list[str]:
    path = PACKAGE / "core" / "rules.py"
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    sourced = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ParamValue" \
                and any(k.arg == "source" for k in node.keywords):
            for k in node.keywords:
                if k.arg == "value":
                    sourced.update(id(n) for n in ast.walk(k.value))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool) \
                and id(node) not in sourced and D(str(node.value)) not in PURE_NUMBERS:
            out.append(f"core/rules.py:{node.lineno}: {ast.get_source_segment(source, node)}")
    return sorted(set(out))


def test_rules_have_no_unsourced_constants():
    offences = _unsourced_rule_constants()
    assert not offences, "unsourced constants in a rule (make them a dated parameter):\n" + "\n".join(offences)


def test_the_legal_36_of_the_lks_is_a_dated_parameter():
    # Participatiewet art. 10d lid 4 (version 2024-01-01): pro rata to 36 hours; a parameter with date and source.
    from beschut_calc.inputs.parameter_files import load_parameters

    assert "Const(Decimal(36))" not in (PACKAGE / "core" / "rules.py").read_text(encoding="utf-8")
    (value,) = load_parameters()["lks_reference_hours"].values
    assert value.value == 36 and str(value.since) == "2024-01-01" and "art. 10d lid 4" in value.source
    assert not [entry for entry in _unsourced_rule_constants() if entry.endswith(": 36")]
