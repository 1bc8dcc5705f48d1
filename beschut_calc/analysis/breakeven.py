"""Break-even: the value of one input at which a column's balance is zero (issue 5, item 1).

The balance always comes from the real engine (`calculate` on the placement with the
input changed), with rounding switched off. Where the balance is linear in the input
(guidance cost, agency fee, payroll mark-up, municipal top-up) two evaluations give the
root exactly and a third checks it. Hours and wage value are piecewise (the LIV needs
24 hours a week, subsidies stop growing at 31 hours, the LKS is capped at 70 % WML or
goes by bands), possibly with jumps: there a scan over the valid range brackets every
sign change, and bisection with a secant step narrows it until the balance is zero — or
until the bracket is a single point where the balance jumps over zero (a threshold).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.engine import calculate
from ..core.model import Placement
from ..core.parameters import ParameterBook
from ..core.text import Text, euro
from .inputs import LINEAR, Input, current_value, get_input, with_value

ZERO = Decimal(0)
# Balances are in euros: a root is found when the balance is within a millionth of a cent.
EXACT = Decimal("1e-8")
# Scan steps for the piecewise inputs: fine enough to see the 24 h and 31 h corners apart.
SCAN = {"hours": Decimal("0.25"), "wage_value": Decimal("0.01"), "absence": Decimal("0.01")}


@dataclass(frozen=True)
class BreakEven:
    parameter: str
    value: Decimal | None                 # None: no break-even in the valid range
    current: Decimal
    balance_now: Decimal                  # unrounded balance at the current value
    low: Decimal
    high: Decimal | None
    method: str                           # linear | bisection | jump | none
    reason: Text | None = None            # why there is no value, or what the value means (a jump)
    others: tuple[Decimal, ...] = field(default=())   # further break-even points in the range

    def to_json(self, lang: str = "nl") -> dict:
        inp = get_input(self.parameter, "--breakeven")
        out = {"parameter": self.parameter, "value": _num(self.value, inp.decimals), "current": _num(self.current, inp.decimals),
               "balance_now": _num(self.balance_now, 2), "range": [_num(self.low, inp.decimals), _num(self.high, inp.decimals)],
               "method": self.method}
        if self.others:
            out["other_values"] = [_num(v, inp.decimals) for v in self.others]
        if self.reason is not None:
            out["reason"] = self.reason(lang)
        return out


def _num(value: Decimal | None, decimals: int):
    if value is None:
        return None
    q = Decimal(value).quantize(Decimal(1).scaleb(-decimals))
    return int(q) if q == q.to_integral_value() else float(q)


class _Balance:
    """balance(x) by the engine, rounding off; cached because the scan revisits points."""

    def __init__(self, placement: Placement, book: ParameterBook, name: str):
        self.base = dataclasses.replace(placement, rounding=None)
        self.book, self.name, self.cache = book, name, {}

    def __call__(self, x: Decimal) -> Decimal:
        if x not in self.cache:
            self.cache[x] = calculate(with_value(self.base, self.name, x), self.book).balance
        return self.cache[x]


def solve(placement: Placement, book: ParameterBook, name: str) -> BreakEven:
    inp = get_input(name, "--breakeven")
    f = _Balance(placement, book, name)
    current = current_value(placement, book, name)
    now = f(current)
    base = dict(parameter=name, current=current, balance_now=now, low=inp.low, high=inp.high)
    if name in LINEAR:
        found = _linear(f, inp)
        if found is not None:
            return BreakEven(**base, **found)
    roots = _scan(f, inp, current)
    if not roots:
        return BreakEven(**base, value=None, method="none", reason=_no_root(f, inp))
    # More than one: report the one nearest to the current value, list the others.
    roots.sort(key=lambda r: (abs(r[0] - current), r[0]))
    (value, method, reason), others = roots[0], tuple(sorted(r[0] for r in roots[1:]))
    return BreakEven(**base, value=value, method=method, reason=reason, others=others)


def _linear(f: _Balance, inp: Input) -> dict | None:
    x0 = inp.low if not inp.low_open else Decimal(1)
    x1 = x0 + (Decimal(1000) if inp.kind == "euro" else Decimal(1))
    f0, f1 = f(x0), f(x1)
    if f0 == f1:
        return dict(value=None, method="none", reason=Text(
            f"{inp.label.nl} heeft geen invloed op het saldo van deze kolom (bijvoorbeeld een opslag die bij dit werkgeversmodel niet geldt)",
            f"the {inp.label.en} does not affect this column's balance (for example a mark-up that does not apply to this employer model)"))
    root = x0 - f0 * (x1 - x0) / (f1 - f0)
    if abs(f(root)) > EXACT:
        return None                      # not linear after all: let the scan find it
    if not inp.valid(root):
        return dict(value=None, method="none", reason=_no_root(f, inp))
    return dict(value=root, method="linear")


def _scan_points(inp: Input, current: Decimal) -> list[Decimal]:
    step = SCAN[inp.name]
    points, x = [], inp.low
    while x <= inp.high:
        if inp.valid(x):
            points.append(x)
        x += step
    if inp.low_open:
        points.insert(0, inp.low + step / 25)   # just above an open lower end
    if inp.valid(current) and current not in points:
        points.append(current)
    return sorted(set(points))


def _scan(f: _Balance, inp: Input, current: Decimal) -> list[tuple[Decimal, str, Text | None]]:
    points = _scan_points(inp, current)
    roots = []
    for a, b in zip(points, points[1:]):
        fa, fb = f(a), f(b)
        if fa == 0:
            roots.append((a, "bisection", None))
        elif (fa < 0) != (fb < 0) and fb != 0:
            roots.append(_bisect(f, inp, a, b))
    if points and f(points[-1]) == 0:
        roots.append((points[-1], "bisection", None))
    return roots


def _bisect(f: _Balance, inp: Input, a: Decimal, b: Decimal) -> tuple[Decimal, str, Text | None]:
    fa, fb = f(a), f(b)
    for _ in range(200):
        # Secant step: exact at once where the balance is linear between a and b.
        x = a - fa * (b - a) / (fb - fa)
        if not a < x < b:
            x = (a + b) / 2
        fx = f(x)
        if abs(fx) <= EXACT:
            return x, "bisection", None
        if (fx < 0) == (fa < 0):
            a, fa = x, fx
        else:
            b, fb = x, fx
        mid = (a + b) / 2                 # and halve, so a jump cannot stall the search
        fm = f(mid)
        if abs(fm) <= EXACT:
            return mid, "bisection", None
        if (fm < 0) == (fa < 0):
            a, fa = mid, fm
        else:
            b, fb = mid, fm
        if b - a < Decimal("1e-12"):
            break
    # The balance jumps over zero here (a threshold such as the LIV's 1,248 hours).
    at = b.quantize(Decimal("1e-6")) if inp.kind in ("hours", "fraction") else b
    if f(at) * fb < 0 or f(at) == 0 and fb != 0:
        at = b
    lo, hi = sorted((fa, fb))
    return at, "jump", Text(
        f"het saldo springt hier over nul (van {euro(fa)} naar {euro(fb)}): een drempel, geen exact nulpunt",
        f"the balance jumps over zero here (from {euro(fa, 'en')} to {euro(fb, 'en')}): a threshold, not an exact zero")


def _no_root(f: _Balance, inp: Input) -> Text:
    low = inp.low if not inp.low_open else inp.low + SCAN.get(inp.name, Decimal(1)) / 25
    f_low = f(low)
    sign_nl, sign_en = ("positief", "positive") if f_low > 0 else ("negatief", "negative")
    if inp.high is None:
        return Text(f"geen break-even tussen {inp.fmt(inp.low)} en {inp.fmt(None)}: het saldo blijft {sign_nl} (bij {inp.fmt(inp.low)}: {euro(f_low)})",
                    f"no break-even between {inp.fmt(inp.low, 'en')} and {inp.fmt(None, 'en')}: the balance stays {sign_en} (at {inp.fmt(inp.low, 'en')}: {euro(f_low, 'en')})")
    f_high = f(inp.high)
    return Text(f"geen break-even tussen {inp.fmt(inp.low)} en {inp.fmt(inp.high)}: het saldo is overal {sign_nl} "
                f"(bij {inp.fmt(low)}: {euro(f_low)}, bij {inp.fmt(inp.high)}: {euro(f_high)})",
                f"no break-even between {inp.fmt(inp.low, 'en')} and {inp.fmt(inp.high, 'en')}: the balance is {sign_en} throughout "
                f"(at {inp.fmt(low, 'en')}: {euro(f_low, 'en')}, at {inp.fmt(inp.high, 'en')}: {euro(f_high, 'en')})")
