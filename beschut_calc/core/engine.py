"""The engine: binds the declared rules (core/rules.py) to one column and evaluates them exactly.

No I/O. Money is Decimal throughout; nothing is rounded unless the placement asks for a
rounding scheme. Every line carries its rule in words and the parameter values it used,
both derived from its bound tree, so reports can show a breakdown and an `explain` trace.

`bind_column` is also what the other renderers start from: the vectorised evaluation
(analysis/vector.py) and the workbook formulas (report/excel_rules.py).
"""
from __future__ import annotations

from typing import NamedTuple

import datetime as dt
from decimal import Decimal

from .context import Context
from .accounts import EMPLOYER
from .expr import And, Binder, Expr, If, Op, Param, Round, Step, Value, evaluate, leaves, note_masks, steps_of, zero_reason
from .expr import Zero as ZeroNode
from .flows import SETTLES_EMPLOYER_BALANCE, FlowSpec, FromFlows, flows_of
from .lines import LineSpec
from .model import Placement
from .notices import method_warnings, parameter_warning, sentences
from .parameters import ParameterBook, ParamValue
from .result import Flow, Line, Result, unique
from .rules import EMPLOYED_SHARE, FIRST_YEAR, MEMO_REFERENCE, PLACED_SHARE, YEAR, ColumnChoices, employer_lines
from .text import LazyText, Text

MEMO_REFERENCE_HOURS = MEMO_REFERENCE.value

__all__ = ["calculate", "bind_column", "inputs_of_placement", "BoundLine", "BoundFlow", "BoundColumn", "Line", "Flow",
           "Result", "parameter_warning", "MEMO_REFERENCE_HOURS"]


def inputs_of_placement(p: Placement) -> dict[str, Decimal]:
    """The values of the rules' inputs for one column."""
    first, last, trial = p.months_in(p.year)
    return {"hours": p.hours, "wage_value": p.wage_value, "trial_months": Decimal(trial),
            "first_month": Decimal(first), "last_month": Decimal(last),
            "year": Decimal(p.year), "first_year": Decimal(p.start_year),
            "absence": p.absence if p.absence is not None else Decimal(0),
            "indexation": p.indexation if p.indexation is not None else Decimal(0)}


# ---------------------------------------------------------------- binding

class BoundLine(NamedTuple):
    spec: LineSpec
    origin: str                 # estimate | quoted, after the employer model's say
    tree: Expr                  # the amount before rounding
    rounded: Expr | None        # the amount after the column's rounding scheme, if any

    @property
    def final(self) -> Expr:
        return self.rounded if self.rounded is not None else self.tree


class BoundFlow(NamedTuple):
    spec: FlowSpec
    payer: str                  # the accounts after merging (own employment: the employer is the municipality)
    payee: str
    tree: Expr                  # the amount, after its line's rounding

    @property
    def alternative(self) -> bool:
        return self.spec.alternative

    @property
    def apart(self) -> bool:
        return self.spec.apart


class BoundColumn(NamedTuple):
    placement: Placement
    lines: tuple[BoundLine, ...]
    binder: Binder
    flows: tuple[BoundFlow, ...] = ()


def _lookup(placement: Placement, book: ParameterBook):
    ctx = Context(placement, book)

    def lookup(param: Param) -> ParamValue:
        when = dt.date(param.year or placement.year, param.month or 1, 1)
        return book.at(param.name, when) if param.law else ctx.lookup(param.name, when)
    return lookup


def binder_for(placement: Placement, book: ParameterBook) -> Binder:
    lookup = _lookup(placement, book)
    return Binder(lookup, ColumnChoices(placement, lookup))


# The share of the year a flow counts for when its rule has no months of its own (core/period.py).
SHARES = {"placed": PLACED_SHARE, "contract": EMPLOYED_SHARE}


def timed(binder: Binder, rule: Expr, basis: str, label: Text) -> Expr:
    """A rule bound with its time basis applied: by the rule's own months, by the share of the year,
    or only in the placement's first year."""
    if basis == "once":
        rule = If(And((YEAR >= FIRST_YEAR, YEAR <= FIRST_YEAR)), rule,
                  ZeroNode(Text(f"{label.nl} telt alleen in het eerste jaar van de plek ({{first_year}})",
                                f"{label.en} counts only in the placement's first year ({{first_year}})")))
    tree, by_months = binder.bind_timed(rule, basis)
    if basis in SHARES and not by_months:
        tree = tree * binder.bind(SHARES[basis])
    return tree


def _line_basis(key: str, flows: list[FlowSpec]) -> str:
    return next(spec.basis for spec in flows if spec.line == key)


def bind_column(placement: Placement, book: ParameterBook) -> BoundColumn:
    binder = binder_for(placement, book)
    scheme = placement.rounding
    specs = flows_of(placement)
    bound = []
    for spec, rule in employer_lines(placement):
        origin = placement.employer.wage_cost_origin if spec.origin == "employer" else spec.origin
        tree = timed(binder, rule, _line_basis(spec.key, specs), spec.label)
        rounded = None
        if scheme is not None and origin in scheme.step:
            step = binder.value(ParamValue(name=f"rounding:{scheme.name}:{origin}", value=scheme.step[origin], since=None,
                                           source=scheme.source, unit="euro"), scheme.step[origin],
                                Text(f"afrondingsstap {origin}", f"rounding step {origin}"))
            rounded = Round(tree, step, scheme.direction[spec.side])
        bound.append(BoundLine(spec, origin, tree, rounded))
    return BoundColumn(placement, tuple(bound), binder, _bind_flows(placement, specs, bound, binder))


def _bind_flows(placement: Placement, specs: list[FlowSpec], lines: list[BoundLine], binder: Binder) -> tuple[BoundFlow, ...]:
    """Each flow's tree: its own rule with its time basis, the rest of its line, a settled balance, or
    a rule over other flows (FromFlows, after the flows it reads)."""
    line_of = {bl.spec.key: bl for bl in lines}
    trees: dict[str, Expr] = {}
    for spec in specs:
        rule = spec.rule_for(placement.method)
        if isinstance(rule, FromFlows):
            continue
        if spec.rule == SETTLES_EMPLOYER_BALANCE:
            benefits = [bl.final for bl in lines if bl.spec.side == "benefit"]
            costs = [bl.final for bl in lines if bl.spec.side == "cost"]
            trees[spec.key] = Op("-", (Op("+", tuple(costs)) if len(costs) > 1 else costs[0], *benefits))
        elif rule is not None:
            trees[spec.key] = timed(binder, rule, spec.basis, spec.label)
    for spec in specs:
        if spec.key not in trees and not isinstance(spec.rule_for(placement.method), FromFlows):
            others = [trees[s.key] for s in specs if s.line == spec.line and s.key in trees]
            line = line_of[spec.line].final
            trees[spec.key] = Op("-", (line, *others)) if others else line
    for spec in specs:
        rule = spec.rule_for(placement.method)
        if isinstance(rule, FromFlows):
            trees[spec.key] = binder.bind(rule.build(trees))
    own = placement.employer.account

    def account(name: str) -> str:
        return own if name == EMPLOYER else name
    return tuple(BoundFlow(spec, account(spec.payer), account(spec.payee), trees[spec.key]) for spec in specs)


# ---------------------------------------------------------------- evaluation

def _leaf_cache(memo: dict) -> dict:
    """The values per subtree of one column's evaluation, kept beside its steps' values (core/expr.leaves)."""
    return memo.setdefault("leaves", {})


def _reason_values(tree: Expr, inputs: dict, memo: dict, *more: Expr) -> dict[str, tuple]:
    values: dict[str, tuple] = {}
    for e in (tree, *more):
        for leaf in leaves(e, cache=_leaf_cache(memo)):
            values.setdefault(leaf.pv.name, (leaf.number, leaf.unit or leaf.pv.unit))
        for step in steps_of(e):
            values[step.name] = (evaluate(step, inputs, memo=memo), step.fmt)
    for name in ("year", "first_year"):
        values[name] = (inputs[name], "year")
    values["hours"] = (inputs["hours"], "hours_per_week")
    values["wage_value"] = (inputs["wage_value"], "fraction")
    return values


def _reason(tree: Expr, unrounded, inputs: dict, memo: dict) -> Text | None:
    """Why an amount is zero, in words with the values of the path taken."""
    if unrounded != 0:
        return None
    why = zero_reason(tree, inputs, memo)
    if why is None:
        return None
    from .words import fill_reason

    values = _reason_values(tree, inputs, memo)
    return Text(fill_reason(why, values, "nl"), fill_reason(why, values, "en"))


def evaluate_line(bl: BoundLine, inputs: dict, memo: dict) -> Line:
    unrounded = evaluate(bl.tree, inputs, memo=memo)
    amount = evaluate(bl.rounded, inputs, memo=memo) if bl.rounded is not None else unrounded
    return Line(key=bl.spec.key, side=bl.spec.side, amount=amount, rule=_words(bl.tree, inputs, memo),
                params=unique(leaf.pv for leaf in leaves(bl.tree, cache=_leaf_cache(memo))), origin=bl.origin,
                reason=_reason(bl.tree, unrounded, inputs, memo),
                unrounded=unrounded if bl.rounded is not None else None, label=bl.spec.label)


def evaluate_flow(bf: BoundFlow, inputs: dict, memo: dict) -> Flow:
    amount = evaluate(bf.tree, inputs, memo=memo)
    return Flow(key=bf.spec.key, label=bf.spec.label, payer=bf.payer, payee=bf.payee, amount=amount,
                rule=_words(bf.tree, inputs, memo), params=unique(leaf.pv for leaf in leaves(bf.tree, cache=_leaf_cache(memo))), basis=bf.spec.basis,
                line=bf.spec.line, source=bf.spec.source, reason=_reason(bf.tree, amount, inputs, memo),
                alternative=bf.spec.alternative, apart=bf.spec.apart)


def _words(tree: Expr, inputs: dict, memo: dict) -> LazyText:
    def make() -> Text:
        from .words import rule_text

        return rule_text(tree, inputs, memo)
    return LazyText(make)


def column_trees(column: BoundColumn) -> list[Expr]:
    """Every tree of a bound column: its lines (after rounding), then its flows."""
    return [bl.final for bl in column.lines] + [bf.tree for bf in column.flows]


def path_notes(column: BoundColumn, inputs: dict, memo: dict | None = None) -> list[tuple[str, Text]]:
    """The notes declared on the rules (core/expr.Note) that this column's evaluation passes through
    with their condition true, in order and each once, as whole sentences with the column's values."""
    memo = {} if memo is None else memo
    trees = column_trees(column)
    hits = [note for note, hit in note_masks(trees, inputs, memo=memo) if hit]
    if not hits:
        return []
    values = _reason_values(trees[0], inputs, memo, *trees[1:], *(n.when for n in hits if n.when is not None))
    out: list[tuple[str, Text]] = []
    for note in hits:
        text = sentences([fill_note(note, note.text, values, inputs, memo)])[0]
        if all(text != seen for _, seen in out):
            out.append((note.key, text))
    return out


def fill_note(note, text: Text, values: dict, inputs: dict, memo: dict) -> Text:
    """A note's text (or summary) with the values it names: the column's, and its own `shows`."""
    from .words import fill_reason

    own = dict(values)
    own.update({name: (evaluate(x, inputs, memo=memo), unit) for name, (x, unit) in note.shows.items()})
    return Text(fill_reason(text, own, "nl"), fill_reason(text, own, "en"))


def note_values(column: BoundColumn, inputs: dict, memo: dict | None = None) -> dict:
    """The values a note's text may name, for one column (see path_notes)."""
    memo = {} if memo is None else memo
    trees = column_trees(column)
    return _reason_values(trees[0], inputs, memo, *trees[1:])


def calculate(placement: Placement, book: ParameterBook, notes: bool = True) -> Result:
    """The business case of one placement for one calendar year. `notes=False` leaves out the notes
    on the rules (a caseload counts them over its rows instead of saying them for one example)."""
    column = bind_column(placement, book)
    inputs = inputs_of_placement(placement)
    memo: dict = {}
    lines = [evaluate_line(bl, inputs, memo) for bl in column.lines]
    flows = tuple(evaluate_flow(bf, inputs, memo) for bf in column.flows)
    warnings: list[Text] = []
    for item in (*lines, *flows):
        for pv in item.params:
            w = parameter_warning(pv)
            if w is not None and w not in warnings:
                warnings.append(w)
    found = path_notes(column, inputs, memo) if notes else []
    for w in method_warnings(placement, {line.key: line for line in lines}, [text for _, text in found], flows):
        if w not in warnings:
            warnings.append(w)
    return Result(placement=placement, lines=tuple(lines), warnings=tuple(warnings), flows=flows, notes=tuple(found))


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
