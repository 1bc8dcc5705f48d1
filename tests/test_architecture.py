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
