"""The rules evaluated over arrays: the numpy number system for core/expr.py's `evaluate`.

Nothing here restates a rule. The bound trees of core/rules.py are evaluated once with
arrays in place of inputs (and of overridden parameters), so a sweep or a caseload gets
exactly the engine's rules. Inputs may be broadcastable (a column of hours against a row of
wage values): a step that depends on the hours alone is then computed once per hour.
"""
from __future__ import annotations

from decimal import Decimal

import numpy as np

from ..core.engine import BoundColumn, inputs_of_placement
from ..core.expr import Numbers, evaluate, note_masks


class NumpyNumbers(Numbers):
    def const(self, value: Decimal):
        return float(value)

    def minimum(self, a, b):
        return np.minimum(a, b)

    def maximum(self, a, b):
        return np.maximum(a, b)

    def is_scalar(self, cond) -> bool:
        return np.ndim(cond) == 0

    def truth(self, value) -> bool:
        return bool(value)

    def where(self, cond, a, b):
        return np.where(cond, a, b)

    def logical_and(self, a, b):
        return np.logical_and(a, b)

    def logical_not(self, a):
        return np.logical_not(a)

    def logical_or(self, a, b):
        return np.logical_or(a, b)

    def round(self, value, step, direction: str):
        # The inner round removes binary noise at exact multiples (16499.999999999998 is 16,500).
        units = np.round(np.asarray(value, dtype=float) / step, 6)
        return (np.floor(units) if direction == "down" else np.ceil(units)) * step


NUMPY = NumpyNumbers()


def _split(placement, varying: dict) -> tuple[dict, dict]:
    """The rules' inputs (floats, or arrays where `varying` gives them) and the overridden parameters to substitute."""
    inputs = {name: float(value) for name, value in inputs_of_placement(placement).items()}
    substitute = {}
    for name, values in varying.items():
        if name in inputs:
            inputs[name] = values
        else:
            substitute[name] = values
    return inputs, substitute


def line_arrays(column: BoundColumn, varying: dict) -> dict:
    """Every line's amount (after the column's rounding) with some inputs or overridden
    parameters given as arrays; `varying` maps their names to arrays."""
    inputs, substitute = _split(column.placement, varying)
    memo: dict = {}
    out = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for bl in column.lines:
            out[bl.spec.key] = evaluate(bl.final, inputs, NUMPY, memo, substitute)
    return out


def flow_arrays(column: BoundColumn, varying: dict, memo: dict | None = None) -> dict:
    """Every flow's amount (core/flows.py) over arrays, as line_arrays gives the lines."""
    inputs, substitute = _split(column.placement, varying)
    memo = {} if memo is None else memo
    with np.errstate(divide="ignore", invalid="ignore"):
        return {bf.spec.key: evaluate(bf.tree, inputs, NUMPY, memo, substitute) for bf in column.flows}


def balance_array(column: BoundColumn, varying: dict, view: str | None = None):
    """Benefits minus costs, line by line as the engine adds them; with `view`, that view's balance
    over the flows (core/books.py tree_balance)."""
    from ..core.books import tree_balance

    if view is None:       # line by line, as the engine adds them
        amounts = line_arrays(column, varying)
        balance = 0.0
        for bl in column.lines:
            amount = amounts[bl.spec.key]
            balance = balance + amount if bl.spec.side == "benefit" else balance - amount
        return balance
    inputs, substitute = _split(column.placement, varying)
    memo: dict = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        return tree_balance(column, lambda tree: evaluate(tree, inputs, NUMPY, memo, substitute), view, 0.0)


def note_rows(column: BoundColumn, varying: dict) -> list:
    """Each note on the column's trees (core/expr.py Note) with a mask over the rows: where the row's
    own inputs take the note's path and its condition holds, as the engine decides it per row."""
    inputs, substitute = _split(column.placement, varying)
    trees = [bl.final for bl in column.lines] + [bf.tree for bf in column.flows]
    with np.errstate(divide="ignore", invalid="ignore"):
        return note_masks(trees, inputs, NUMPY, {}, substitute)
