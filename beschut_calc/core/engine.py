"""The engine: binds the declared rules (core/rules.py) to one column and evaluates them exactly.

No I/O. Money is Decimal throughout; nothing is rounded unless the placement asks for a
rounding scheme. Every line carries its rule in words and the parameter values it used,
both derived from its bound tree, so reports can show a breakdown and an `explain` trace.

`bind_column` is also what the other renderers start from: the vectorised evaluation
(analysis/vector.py) and the workbook formulas (report/excel_rules.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from .context import Context
from .expr import Binder, Expr, Param, Round, Step, Value, evaluate, leaves, steps_of, zero_reason
from .lines import LineSpec
from .model import Placement
from .notices import method_warnings, parameter_warning
from .parameters import ParameterBook, ParamValue
from .result import Line, Result, unique
from .rules import MEMO_REFERENCE, MUNICIPAL, PER_PLACE, Column, employer_lines
from .text import LazyText, Text

MONTHS = 12
MEMO_REFERENCE_HOURS = MEMO_REFERENCE.value

__all__ = ["calculate", "bind_column", "inputs_of_placement", "BoundLine", "BoundColumn", "Line", "Result",
           "parameter_warning", "trial_months", "months_placed", "employed_share", "MEMO_REFERENCE_HOURS"]


# ---------------------------------------------------------------- trial placement

def trial_months(p: Placement) -> int:
    """Months without wage at the start of the placement (proefplaatsing met behoud van uitkering), this year."""
    return p.months_in(p.year)[2]


def months_placed(p: Placement) -> int:
    """The months of the year the placement runs (0 to 12)."""
    first, last, _ = p.months_in(p.year)
    return last - first + 1


def employed_share(p: Placement) -> Decimal:
    """The part of the year with a paid contract: what wage, LKS, subsidies and LIV hours count for."""
    first, last, trial = p.months_in(p.year)
    return Decimal(last - first + 1 - trial) / MONTHS


def inputs_of_placement(p: Placement) -> dict[str, Decimal]:
    """The values of the rules' inputs for one column."""
    first, last, trial = p.months_in(p.year)
    return {"hours": p.hours, "wage_value": p.wage_value, "trial_months": Decimal(trial),
            "first_month": Decimal(first), "last_month": Decimal(last),
            "year": Decimal(p.year), "first_year": Decimal(p.start_year),
            "absence": p.absence if p.absence is not None else Decimal(0),
            "indexation": p.indexation if p.indexation is not None else Decimal(0)}


# ---------------------------------------------------------------- binding

@dataclass(frozen=True)
class BoundLine:
    spec: LineSpec
    origin: str                 # estimate | quoted, after the employer model's say
    tree: Expr                  # the amount before rounding
    rounded: Expr | None        # the amount after the column's rounding scheme, if any

    @property
    def final(self) -> Expr:
        return self.rounded if self.rounded is not None else self.tree


@dataclass(frozen=True)
class BoundColumn:
    placement: Placement
    lines: tuple[BoundLine, ...]
    binder: Binder


def _lookup(placement: Placement, book: ParameterBook):
    ctx = Context(placement, book)

    def lookup(param: Param) -> ParamValue:
        when = dt.date(param.year or placement.year, param.month or 1, 1)
        return book.at(param.name, when) if param.law else ctx.lookup(param.name, when)
    return lookup


def binder_for(placement: Placement, book: ParameterBook) -> Binder:
    lookup = _lookup(placement, book)
    return Binder(lookup, Column(placement, lookup))


def bind_column(placement: Placement, book: ParameterBook) -> BoundColumn:
    binder = binder_for(placement, book)
    scheme = placement.rounding
    bound = []
    for spec, rule in employer_lines(placement):
        origin = placement.employer.wage_cost_origin if spec.origin == "employer" else spec.origin
        tree = binder.bind(rule)
        rounded = None
        if scheme is not None and origin in scheme.step:
            step = binder.value(ParamValue(name=f"rounding:{scheme.name}:{origin}", value=scheme.step[origin], since=None,
                                           source=scheme.source, unit="euro"), scheme.step[origin],
                                Text(f"afrondingsstap {origin}", f"rounding step {origin}"))
            rounded = Round(tree, step, scheme.direction[spec.side])
        bound.append(BoundLine(spec, origin, tree, rounded))
    return BoundColumn(placement, tuple(bound), binder)


# ---------------------------------------------------------------- evaluation

def _reason_values(tree: Expr, inputs: dict, memo: dict) -> dict[str, tuple]:
    values: dict[str, tuple] = {}
    for leaf in leaves(tree):
        values.setdefault(leaf.pv.name, (leaf.number, leaf.unit or leaf.pv.unit))
    for step in steps_of(tree):
        values[step.name] = (evaluate(step, inputs, memo=memo), step.fmt)
    for name in ("year", "first_year"):
        values[name] = (inputs[name], "year")
    return values


def evaluate_line(bl: BoundLine, inputs: dict, memo: dict) -> Line:
    unrounded = evaluate(bl.tree, inputs, memo=memo)
    amount = evaluate(bl.rounded, inputs, memo=memo) if bl.rounded is not None else unrounded
    reason = None
    if unrounded == 0:
        why = zero_reason(bl.tree, inputs, memo)
        if why is not None:
            from .words import fill_reason

            values = _reason_values(bl.tree, inputs, memo)
            reason = Text(fill_reason(why, values, "nl"), fill_reason(why, values, "en"))
    return Line(key=bl.spec.key, side=bl.spec.side, amount=amount, rule=_words(bl.tree, inputs, memo),
                params=unique(leaf.pv for leaf in leaves(bl.tree)), origin=bl.origin, reason=reason,
                unrounded=unrounded if bl.rounded is not None else None, label=bl.spec.label)


def _words(tree: Expr, inputs: dict, memo: dict) -> LazyText:
    def make() -> Text:
        from .words import rule_text

        return rule_text(tree, inputs, memo)
    return LazyText(make)


def calculate(placement: Placement, book: ParameterBook) -> Result:
    """The business case of one placement for one calendar year."""
    column = bind_column(placement, book)
    inputs = inputs_of_placement(placement)
    memo: dict = {}
    lines = [evaluate_line(bl, inputs, memo) for bl in column.lines]
    warnings: list[Text] = []
    for line in lines:
        for pv in line.params:
            w = parameter_warning(pv)
            if w is not None and w not in warnings:
                warnings.append(w)
    for w in method_warnings(placement, {line.key: line for line in lines}):
        if w not in warnings:
            warnings.append(w)
    return Result(placement=placement, lines=tuple(lines), warnings=tuple(warnings))


def municipal_lines(placement: Placement, book: ParameterBook) -> list[Line]:
    """The municipality's own amounts for one place (core/rules.py MUNICIPAL), with rule and sources."""
    from .lines import REGISTRY

    binder = binder_for(placement, book)
    inputs = inputs_of_placement(placement)
    memo: dict = {}
    out = []
    for key, rule in MUNICIPAL.items():
        tree = binder.bind(rule)
        spec = REGISTRY[key]
        out.append(Line(key=key, side=spec.side, amount=evaluate(tree, inputs, memo=memo),
                        rule=_words(tree, inputs, memo), params=unique(leaf.pv for leaf in leaves(tree)), label=spec.label))
    return out


def per_place_amounts(placement: Placement, book: ParameterBook, year: int) -> tuple[dict[str, Decimal], tuple[ParamValue, ...]]:
    """National funding and one-off costs per realised place in `year` (003 §6.1), and the values used."""
    binder = binder_for(replace(placement, year=year), book)
    amounts, used = {}, []
    for key, rule in PER_PLACE.items():
        tree = binder.bind(rule)
        amounts[key] = evaluate(tree, {})
        used.extend(leaf.pv for leaf in leaves(tree))
    return amounts, unique(used)


def value_leaf(column: BoundColumn, name: str) -> Value | None:
    for bl in column.lines:
        for leaf in leaves(bl.tree):
            if leaf.pv.name == name and not leaf.path:
                return leaf
    return None


def step_named(column: BoundColumn, name: str) -> Step | None:
    for bl in column.lines:
        for step in steps_of(bl.tree):
            if step.name == name:
                return step
    return None


def parameter_in_use(placement: Placement, book: ParameterBook, name: str) -> Decimal:
    """The value of a parameter as the column's rules use it: a rule-derived value (the payroll
    mark-up from a tariff) evaluated, otherwise the value the lookup gives (0 for none)."""
    column = bind_column(placement, book)
    step = step_named(column, name)
    if step is not None:
        return evaluate(step, inputs_of_placement(placement))
    leaf = value_leaf(column, name)
    if leaf is not None:
        return leaf.number
    value = Context(placement, book).lookup(name).value
    return Decimal(0) if value is None or isinstance(value, dict) else Decimal(value)
