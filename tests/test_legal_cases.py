"""Legal cases as data (issue 20, item 6): `tests/legal_cases/<year>.yaml`.

Each case is a scenario (the keys of a scenario file) with the amounts the law prescribes for some
lines and flows. Every amount carries its arithmetic by hand (`arithmetic`, written with × and / as on
paper) and every case its source. This module checks three things for every expected amount:

1. the arithmetic by hand gives the stated amount (to the cent), so the written sum and the figure agree;
2. the tool gives the same amount: the case is written to a scenario file, read by the CLI's loader
   (`load_scenario`) and computed by the engine (`calculate`), to the cent and far below a cent;
3. together the cases use every dated value in `beschut_calc/params/*.yaml`, except the few listed in
   `NOT_USED_BY_ANY_RULE` with the reason no case can use them.

`bench/mutation.py` reuses `load_cases` and `failures` to change each dated value in turn and check
that some case fails.
"""
from __future__ import annotations

import ast
import datetime as dt
import decimal
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).resolve().parent / "legal_cases"
CENT = Decimal("0.01")

# (parameter, date) pairs no rule of the engine reads for any scenario, or reads without making them a
# leaf of a line or flow (so `result.params` cannot show them). Each is tested otherwise, or is data only.
NOT_USED_BY_ANY_RULE = {
    ("liv", dt.date(2015, 1, 1)): "geen LIV (null): de post is een nul met reden, zonder parameterblad; de "
                                  "casus 2015 faalt wel als deze waarde een band wordt (bench/mutation.py)",
    ("liv", dt.date(2025, 1, 1)): "idem: LIV afgeschaft (null); de casus 2025 faalt als het LIV terugkomt",
    ("discount_rate", dt.date(2015, 1, 1)): "geen regel van een post of geldstroom: --years disconteert er de jaren mee "
                                            "(analysis/projection.py present_value); tests/test_society.py rekent het na",
}


# ---------------------------------------------------------------- the arithmetic by hand

def by_hand(text: str) -> Decimal:
    """Evaluate a sum written as on paper: numbers, + − × / ( ) and min(...)/max(...), exactly in Decimal."""
    source = text.replace("×", "*").replace("−", "-").replace("·", "*")
    tree = ast.parse(source, mode="eval")

    def ev(node) -> Decimal:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return Decimal(ast.get_source_segment(source, node))     # the digits as written, never a float
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            a, b = ev(node.left), ev(node.right)
            return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op)) if not isinstance(
                node.op, ast.Div) else a / b
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max") \
                and node.args and not node.keywords:
            values = [ev(arg) for arg in node.args]
            return min(values) if node.func.id == "min" else max(values)
        raise ValueError(f"not plain arithmetic: {ast.dump(node)} in {text!r}")

    with decimal.localcontext() as ctx:
        ctx.prec = 40
        return ev(tree)


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- the cases

@dataclass(frozen=True)
class Expected:
    kind: str              # "lines" or "flows"
    key: str
    amount: Decimal
    arithmetic: str
    reason: str = ""       # for an amount of zero: words its reason must contain (the article that excludes it)


@dataclass
class Case:
    file: str
    name: str
    source: str
    scenario: dict
    expected: list[Expected] = field(default_factory=list)
    placement: object = None        # loaded once by `load_placements`

    @property
    def id(self) -> str:
        return f"{self.file}: {self.name}"


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in doc["cases"]:
            case = Case(path.name, str(raw["name"]), str(raw.get("source") or ""), dict(raw["scenario"]))
            for kind in ("lines", "flows"):
                for key, spec in (raw.get(kind) or {}).items():
                    case.expected.append(Expected(kind, key, Decimal(str(spec["amount"])), str(spec["arithmetic"]),
                                                 str(spec.get("reason") or "")))
            cases.append(case)
    return cases


def load_placements(cases: list[Case], directory: Path) -> None:
    """Write each case as a scenario file and read it with the CLI's loader (one column per case)."""
    from beschut_calc.inputs.load import load_scenario

    for i, case in enumerate(cases):
        path = directory / f"case{i}.yaml"
        path.write_text(yaml.safe_dump({"name": case.name, **case.scenario}, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        scenario = load_scenario(path)
        assert len(scenario.placements) == 1, case.id
        case.placement = scenario.placements[0]


def computed(result, exp: Expected) -> Decimal | None:
    items = result.lines if exp.kind == "lines" else result.flows
    return next((item.amount for item in items if item.key == exp.key), None)


def reason_of(result, exp: Expected) -> str:
    items = result.lines if exp.kind == "lines" else result.flows
    item = next((item for item in items if item.key == exp.key), None)
    return item.reason.nl if item is not None and item.reason is not None else ""


def failures(cases: list[Case], book, first: bool = False) -> list[str]:
    """Every expected amount the engine does not give to the cent (cases loaded with `load_placements`);
    with `first`, only the first one found."""
    from beschut_calc.core.engine import calculate

    out = []
    for case in cases:
        result = calculate(case.placement, book)
        for exp in case.expected:
            got = computed(result, exp)
            if got is None or cents(got) != exp.amount or abs(got - by_hand(exp.arithmetic)) >= Decimal("0.000001"):
                out.append(f"{case.id}: {exp.kind} {exp.key} = {got}, expected {exp.amount} ({exp.arithmetic})")
            elif exp.reason and exp.reason not in reason_of(result, exp):
                out.append(f"{case.id}: {exp.kind} {exp.key}: reason {reason_of(result, exp)!r} does not say {exp.reason!r}")
            if first and out:
                return out
    return out


def dated_pairs(book) -> list[tuple[str, dt.date]]:
    return [(name, pv.since) for name, param in sorted(book.parameters.items()) for pv in param.values]


def used_pairs(cases: list[Case], book) -> set[tuple[str, dt.date]]:
    """The (parameter, date) pairs the cases' results use: every value in a line's or flow's params.
    A value that a look-up renamed (the guidance cost of a kind of work) is matched by its date and source."""
    from beschut_calc.core.engine import calculate

    by_source: dict[tuple, list[str]] = {}
    for name, param in book.parameters.items():
        for pv in param.values:
            by_source.setdefault((pv.since, pv.source), []).append(name)
    used = set()
    for case in cases:
        result = calculate(case.placement, book)
        for item in (*result.lines, *result.flows):
            for pv in item.params:
                names = by_source.get((pv.since, pv.source), [])
                if pv.name in names:
                    used.add((pv.name, pv.since))
                elif len(names) == 1:
                    used.add((names[0], pv.since))
    return used


# ---------------------------------------------------------------- the tests

CASES = load_cases()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    load_placements(CASES, tmp_path_factory.mktemp("legal_cases"))
    return CASES


def test_every_case_names_its_source_and_every_amount_its_arithmetic():
    assert len(CASES) >= 12
    for case in CASES:
        assert len(case.source) > 40, f"{case.id}: no source"
        assert case.expected, f"{case.id}: nothing expected"
        for exp in case.expected:
            assert cents(by_hand(exp.arithmetic)) == exp.amount, \
                f"{case.id}: {exp.key}: {exp.arithmetic} = {by_hand(exp.arithmetic)}, not {exp.amount}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_tool_gives_the_legal_amounts(case, loaded, book):
    from beschut_calc.core.engine import calculate

    result = calculate(case.placement, book)
    for exp in case.expected:
        got = computed(result, exp)
        assert got is not None, f"{exp.kind} {exp.key} not in the result"
        assert cents(got) == exp.amount, f"{exp.key}: tool {got}, law {exp.amount} = {exp.arithmetic}"
        assert abs(got - by_hand(exp.arithmetic)) < Decimal("0.000001"), f"{exp.key}: tool {got}, by hand {exp.arithmetic}"
        if exp.reason:
            assert exp.reason in reason_of(result, exp), f"{exp.key}: the reason does not say {exp.reason!r}"


def test_every_dated_value_is_used_by_a_case(loaded, book):
    used = used_pairs(CASES, book)
    missing = [f"{name} {since}" for name, since in dated_pairs(book)
               if (name, since) not in used and (name, since) not in NOT_USED_BY_ANY_RULE]
    assert not missing, "dated values no legal case uses:\n" + "\n".join(missing)
    # the allow-list holds only values that really are unused (a case that starts using one must say so)
    stale = [f"{name} {since}" for name, since in NOT_USED_BY_ANY_RULE if (name, since) in used]
    assert not stale, f"used after all, remove from NOT_USED_BY_ANY_RULE: {stale}"
    assert set(NOT_USED_BY_ANY_RULE) <= set(dated_pairs(book))


def test_the_mutation_check_kills_every_dated_value_it_can(loaded, book):
    # bench/mutation.py: each dated value +1 % (0 -> 0.01, booleans flipped, null -> a band) makes a case fail.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import mutation

    report = mutation.run(CASES, book)
    assert not report.baseline, report.baseline
    assert set(report.survivors) <= set(mutation.EXPECTED_SURVIVORS), \
        "mutants no legal case notices:\n" + "\n".join(f"{n} {d}" for n, d in report.survivors)
