"""What a calculation returns: lines with their rule and sources, totals and warnings (plain data)."""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .books import Flow
from .model import Placement
from .parameters import ParamValue
from .text import Text

ZERO = Decimal(0)


def unique(params) -> tuple[ParamValue, ...]:
    """Distinct parameter values in order of first use (values may be dicts: compare, don't hash)."""
    out: list[ParamValue] = []
    for pv in params:
        if pv not in out:
            out.append(pv)
    return tuple(out)


class Line(NamedTuple):
    key: str
    side: str                          # "benefit" or "cost"
    amount: Decimal
    rule: Text                         # how the amount was found, in words, with the values used
    params: tuple[ParamValue, ...]     # every parameter value the rule used
    origin: str = "estimate"           # "estimate" or "quoted": decides the memo rounding step
    reason: Text | None = None         # why the line is zero, when it is
    unrounded: Decimal | None = None   # the amount before rounding, when rounded
    label: Text | None = None          # only for extra lines; the seven core lines have fixed labels


class Result(NamedTuple):
    placement: Placement
    lines: tuple[Line, ...]
    warnings: tuple[Text, ...]
    flows: tuple[Flow, ...] = ()
    notes: tuple[tuple[str, Text], ...] = ()   # (key, sentence) of each rule note on the path taken (core/expr.py Note)

    def views(self):
        """Every party's books for this column (core/books.py)."""
        from .books import views

        return views(self)

    def line(self, key: str) -> Line:
        return next(line for line in self.lines if line.key == key)

    @property
    def benefits(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.side == "benefit"), ZERO)

    @property
    def costs(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.side == "cost"), ZERO)

    @property
    def balance(self) -> Decimal:
        return self.benefits - self.costs

    @property
    def parameters(self) -> tuple[ParamValue, ...]:
        """Every distinct parameter value used, in order of first use: the lines', then the flows' (national
        funding, the tax, the alternative) that no line reads."""
        return unique(pv for item in (*self.lines, *self.flows) for pv in item.params)
