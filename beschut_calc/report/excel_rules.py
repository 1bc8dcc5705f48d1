"""A bound rule tree (core/expr.py) as spreadsheet formula text.

Values, inputs and named steps are cell references (`where` gives each its address); the
rest becomes Excel/LibreOffice functions. No rule is written here: the tree is the rule.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.expr import (And, Cmp, Const, Decided, Expr, Flag, If, Input, Note, Op, Round, Step, Sum, Value, Zero)

PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "pow": 3}
SYMBOL = {"+": "+", "-": "-", "*": "*", "/": "/", "pow": "^"}
CMP = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "!=": "<>"}


class Addresses:
    """Where each leaf and step of the trees stands on the sheet."""

    def __init__(self):
        self.values: dict[tuple, str] = {}
        self.inputs: dict[str, str] = {}
        self.nodes: dict[int, str] = {}       # steps, and any node given its own cell

    def of(self, e: Expr) -> str | None:
        if id(e) in self.nodes:
            return self.nodes[id(e)]
        if isinstance(e, Value):
            return self.values.get(e.key)
        if isinstance(e, Input):
            return self.inputs.get(e.name)
        return None


def number_text(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value else "0"
    return text.rstrip("0").rstrip(".") if "." in text else text


def formula(e: Expr, where: Addresses) -> str:
    address = where.of(e)
    if address is not None:
        return address
    if isinstance(e, (Value, Input, Step)):
        raise KeyError(f"no cell for {e!r}")
    if isinstance(e, Const):
        return number_text(e.value)
    if isinstance(e, Zero):
        return "0"
    if isinstance(e, Op):
        if e.op in ("min", "max"):
            return f"{e.op.upper()}(" + ",".join(formula(a, where) for a in e.args) + ")"
        parts = []
        for i, arg in enumerate(e.args):
            text = formula(arg, where)
            level = PRECEDENCE.get(arg.op) if isinstance(arg, Op) and where.of(arg) is None else None
            if level is not None and (level < PRECEDENCE[e.op] or (i > 0 and e.op in ("-", "/", "pow") and level == PRECEDENCE[e.op])):
                text = f"({text})"
            parts.append(text)
        return SYMBOL[e.op].join(parts)
    if isinstance(e, Sum):
        return "(" + "+".join(formula(t, where) for t in e.terms) + ")"
    if isinstance(e, Cmp):
        return f"{formula(e.a, where)}{CMP[e.op]}{formula(e.b, where)}"
    if isinstance(e, And):
        return "AND(" + ",".join(formula(c, where) for c in e.conds) + ")"
    if isinstance(e, Flag):
        return f"{formula(e.of, where)}<>0"
    if isinstance(e, If):
        return f"IF({formula(e.cond, where)},{formula(e.then, where)},{formula(e.otherwise, where)})"
    if isinstance(e, Round):
        fn = "ROUNDDOWN" if e.direction == "down" else "ROUNDUP"
        step = formula(e.step, where)
        # Round to 1e-6 first so a double like 16499.999999999998 is not pushed a whole step.
        return f"{fn}(ROUND({formula(e.expr, where)},6)/{step},0)*{step}"
    if isinstance(e, (Decided, Note)):
        return formula(e.expr, where)
    raise TypeError(f"no formula for {type(e).__name__}")
