"""The municipality's perspective on one placement (pure, no I/O).

The employer's business case is the engine's Result. The municipality sees the same
placement differently: it pays the wage-cost subsidy and the regional subsidies, a
pre-trajectory and a wage-value measurement, and receives national money for the place
(file 003 §3.1 and §6.1). When the municipality employs the person itself (or through a
payroll company, 003 chapter 6 footnote), it also carries the employer's balance.
The amounts are rules (core/rules.py MUNICIPAL); who pays what is in the line registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .engine import municipal_lines
from .lines import PAID_LABELS, REGISTRY
from .parameters import ParameterBook
from .result import Line, Result

ZERO = Decimal(0)


@dataclass(frozen=True)
class MunicipalView:
    receives: tuple[Line, ...]
    pays: tuple[Line, ...]
    employer_balance: Decimal | None      # set when the municipality carries the employer's balance

    @property
    def received(self) -> Decimal:
        return sum((line.amount for line in self.receives), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((line.amount for line in self.pays), ZERO)

    @property
    def net(self) -> Decimal:
        return self.received - self.paid + (self.employer_balance or ZERO)


def paid_by_municipality(line: Line) -> bool:
    spec = REGISTRY.get(line.key)
    return spec is not None and spec.municipality_pays


def municipal_view(result: Result, book: ParameterBook) -> MunicipalView:
    p = result.placement
    own = municipal_lines(p, book)
    receives = [line for line in own if line.side == "benefit"]
    pays = [Line(line.key, "cost", line.amount, line.rule, line.params, label=PAID_LABELS[line.key])
            for line in result.lines if paid_by_municipality(line)]
    pays += [line for line in own if line.side == "cost"]
    return MunicipalView(receives=tuple(receives), pays=tuple(pays),
                         employer_balance=result.balance if p.employer.bears_employer_balance else None)


def label(line: Line, lang: str = "nl") -> str:
    return line.label(lang) if line.label is not None else REGISTRY[line.key].label(lang)
