"""Break-even: the value of one input at which a column's balance is zero (issue 5 item 1, issue 20 item 8).

Each column is bound once (core/engine.bind_column, rounding off) and its balance is then read
from those trees in two ways: exactly, with Decimals (the engine's own evaluation), and over
numpy arrays (analysis/vector.py, the renderer the sweeps use). No rule is restated here.

- Where the balance is linear in the input (declared per input: guidance cost, agency fee,
  payroll mark-up, municipal top-up, absence, employer charges) two exact evaluations give the
  root and a third checks it.
- Otherwise (hours, wage value, indexation: the LIV needs 24 hours a week, subsidies stop
  growing at 31 hours, the LKS is capped at 70 % WML or goes by bands) the whole valid range is
  evaluated in one array, every sign change is bracketed, and all brackets are narrowed at once:
  each round evaluates a secant point and 127 points inside every bracket in one array. A
  bracket whose secant point balances is a root; one that shrinks to a point without a zero is
  a jump over zero (a threshold such as the LIV's 1,248 hours). Each root is finished exactly
  (Decimal bisection with a secant step on the float bracket).

The reported value of every column is then confirmed by the engine: one `calculate` at that
value must give the same balance as the trees, and |balance| within a millionth of a cent
(a jump: the balance on the far side of the threshold). Should the two ever disagree, that
column is solved again by the engine alone (`_solve_by_engine`, the search as it was).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.books import balance_of, tree_balance
from ..core.engine import bind_column, calculate, inputs_of_placement
from ..core.expr import evaluate
from ..core.model import Placement
from ..core.parameters import ParameterBook
from ..core.text import Text, euro
from .inputs import Input, current_value, get_input, with_value

ZERO = Decimal(0)
# Balances are in euros: a root is found when the balance is within a millionth of a cent.
EXACT = Decimal("1e-8")
# Points inside each bracket per narrowing round (one array evaluation a round for all brackets).
INSIDE = 127
ROUNDS = 12
FLOAT_ZERO = 1e-9          # a float balance this small is a root, to be confirmed exactly
FLOAT_WIDTH = 1e-13        # a bracket this narrow (relative) holds a jump, not a zero


def _mode(inp: Input) -> tuple[str, Decimal]:
    """How the break-even of `inp` is found, as its declaration says (core/variables.py,
    params/NAME.yaml): 'linear' (two evaluations) or 'scan', and the scan's step, fine enough to see
    the 24 h and 31 h corners apart (a linear input that turns out not to be: 200 steps over its range)."""
    high = inp.high if inp.high is not None else inp.low + 100_000
    return inp.breakeven, inp.step or (high - inp.low) / 200


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


# ---------------------------------------------------------------- the balance of one column

class _Bound:
    """balance(x) from the column's trees, bound once with rounding off and the input at its current
    value: exactly (Decimal, cached) and over numpy arrays. An input that is a field of the placement
    is an Input of the trees; any other is an override there, whose Value x replaces."""

    def __init__(self, placement: Placement, book: ParameterBook, name: str, current: Decimal, view: str | None = None):
        self.base = dataclasses.replace(placement, rounding=None)
        self.name = name
        self.view = view
        # Bound with the input set (as a scenario would set it), so its trees hold it wherever the
        # engine would use it: an absence the scenario leaves out is not in the trees at all.
        bound = with_value(self.base, name, current)
        self.field = name in inputs_of_placement(bound)
        self.column = bind_column(bound, book)
        self.inputs = inputs_of_placement(bound)
        self.cache: dict[Decimal, Decimal] = {}

    def __call__(self, x: Decimal) -> Decimal:
        if x not in self.cache:
            inputs, substitute = (dict(self.inputs, **{self.name: x}), None) if self.field else (self.inputs, {self.name: x})
            memo: dict = {}
            self.cache[x] = tree_balance(self.column, lambda tree: evaluate(tree, inputs, memo=memo, substitute=substitute),
                                         self.view)
        return self.cache[x]

    def array(self, xs):
        import numpy as np

        from .vector import balance_array

        return np.broadcast_to(np.asarray(balance_array(self.column, {self.name: xs}, self.view), dtype=float), np.shape(xs))


class _Engine:
    """balance(x) by the engine itself (`calculate` on the placement with the input changed)."""

    def __init__(self, placement: Placement, book: ParameterBook, name: str, view: str | None = None):
        self.base = dataclasses.replace(placement, rounding=None)
        self.book, self.name, self.cache, self.view = book, name, {}, view

    def __call__(self, x: Decimal) -> Decimal:
        if x not in self.cache:
            self.cache[x] = balance_of(calculate(with_value(self.base, self.name, x), self.book), self.view)
        return self.cache[x]


# ---------------------------------------------------------------- solving

def solve(placement: Placement, book: ParameterBook, name: str, view: str | None = None) -> BreakEven:
    """The value of input `name` at which the balance is zero: the employer's business case, or with
    `view` that party's balance (core/books.py balance_of)."""
    inp = get_input(name, "--breakeven")
    current = current_value(placement, book, name)
    f = _Bound(placement, book, name, current, view)
    found = _solve(f, inp, current, vectorised=True)
    if _confirmed(found, f, book):
        return found
    return _solve_by_engine(placement, book, name, view)


def _confirmed(found: BreakEven, f: _Bound, book: ParameterBook) -> bool:
    """One `calculate` at the reported value agrees with the trees, and the balance there is zero
    (or, at a jump, on the far side of the threshold). A column without a value has nothing to confirm."""
    if found.value is None:
        return True
    engine = balance_of(calculate(with_value(f.base, f.name, found.value), book), f.view)
    if abs(engine - f(found.value)) > EXACT:
        return False
    if found.method == "jump":
        return engine != 0 and (engine > 0) == (f(found.value) > 0)
    return abs(engine) <= EXACT


def _solve_by_engine(placement: Placement, book: ParameterBook, name: str, view: str | None = None) -> BreakEven:
    """The search by the engine alone, one `calculate` per point (slow; used only if the trees and
    the engine were ever to disagree)."""
    inp = get_input(name, "--breakeven")
    current = current_value(placement, book, name)
    return _solve(_Engine(placement, book, name, view), inp, current, vectorised=False)


def _solve(f, inp: Input, current: Decimal, vectorised: bool) -> BreakEven:
    now = f(current)
    base = dict(parameter=inp.name, current=current, balance_now=now, low=inp.low, high=inp.high)
    mode, step = _mode(inp)
    if mode == "linear":
        found = _linear(f, inp, step)
        if found is not None:
            return BreakEven(**base, **found)
    points = _scan_points(inp, current, step)
    values = None
    if vectorised:
        values = _grid(f, points)
        if values is None:
            return BreakEven(**base, value=None, method="none", reason=_no_effect(f, inp, now, step))
    roots = _scan(f, inp, points, values, step, vectorised)
    if not roots:
        return BreakEven(**base, value=None, method="none", reason=_no_root(f, inp, step))
    # More than one: report the one nearest to the current value, list the others.
    roots.sort(key=lambda r: (abs(r[0] - current), r[0]))
    (value, method, reason), others = roots[0], tuple(sorted(r[0] for r in roots[1:]))
    return BreakEven(**base, value=value, method=method, reason=reason, others=others)


def _no_influence(inp: Input) -> Text:
    return Text(f"{inp.label.nl} heeft geen invloed op het saldo van deze kolom (bijvoorbeeld een opslag die bij dit werkgeversmodel "
                "niet geldt, of een kostenpost die het alternatief van de kolom niet heeft)",
                f"the {inp.label.en} does not affect this column's balance (for example a mark-up that does not apply to this employer "
                "model, or a cost the column's alternative does not have)")


# Why an input that only counts in some columns has no influence in this one.
_WHY_NOT = {"indexation": Text("de indexatie telt pas vanaf het tweede jaar van de plek; zie --years",
                               "indexation only counts from the placement's second year; see --years")}


def _no_effect(f, inp: Input, now: Decimal, step: Decimal) -> Text:
    low = inp.low if not inp.low_open else inp.low + step / 25
    why = _WHY_NOT.get(inp.name)
    return Text(f"{inp.label.nl} heeft geen invloed op het saldo van deze kolom: het saldo is {euro(now)} bij elke waarde "
                f"van {inp.fmt(low)} tot {inp.fmt(inp.high)}" + (f" ({why.nl})" if why else ""),
                f"the {inp.label.en} does not affect this column's balance: it is {euro(now, 'en')} at every value "
                f"from {inp.fmt(low, 'en')} to {inp.fmt(inp.high, 'en')}" + (f" ({why.en})" if why else ""))


def _linear(f, inp: Input, step: Decimal) -> dict | None:
    x0 = inp.low if not inp.low_open else Decimal(1)
    x1 = x0 + (Decimal(1000) if inp.kind == "euro" else Decimal(1))
    f0, f1 = f(x0), f(x1)
    if f0 == f1:
        return dict(value=None, method="none", reason=_no_influence(inp))
    root = x0 - f0 * (x1 - x0) / (f1 - f0)
    if abs(f(root)) > EXACT:
        return None                      # not linear after all: let the scan find it
    if not inp.valid(root):
        return dict(value=None, method="none", reason=_no_root(f, inp, step))
    return dict(value=root, method="linear")


def _scan_points(inp: Input, current: Decimal, step: Decimal) -> list[Decimal]:
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


def _grid(f: _Bound, points: list[Decimal]):
    """The balance at every scan point in one array, or None when it is the same everywhere
    (the input does not affect this column). Values near zero are taken exactly, so that a sign
    is never decided by binary noise."""
    import numpy as np

    xs = np.array([float(p) for p in points])
    values = f.array(xs).astype(object)
    near = np.flatnonzero(np.abs(values.astype(float)) <= 1e-6)
    for i in near:
        values[i] = f(points[i])
    floats = values.astype(float)
    if floats.max() - floats.min() <= 1e-9 and f(points[0]) == f(points[-1]):
        return None
    return values


def _scan(f, inp: Input, points: list[Decimal], values, step: Decimal, vectorised: bool) -> list[tuple[Decimal, str, Text | None]]:
    value = (lambda i: values[i]) if vectorised else (lambda i: f(points[i]))
    roots, brackets = [], []
    for i in range(len(points) - 1):
        fa, fb = value(i), value(i + 1)
        if fa == 0:
            roots.append((points[i], "bisection", None))
        elif (fa < 0) != (fb < 0) and fb != 0:
            brackets.append(i)
    if points and value(len(points) - 1) == 0:
        roots.append((points[-1], "bisection", None))
    if not vectorised:
        return roots + [_bisect(f, inp, points[i], points[i + 1]) for i in brackets]
    pairs = [(points[i], points[i + 1]) for i in brackets]
    return roots + [_finish(f, inp, a, b, found) for (a, b), found in zip(pairs, _narrow(f, pairs))]


def _narrow(f: _Bound, brackets: list[tuple[Decimal, Decimal]]) -> list:
    """All brackets narrowed at once. Per bracket: ('root', x) where a secant point balances, or
    ('bracket', a, b) when the bracket has shrunk to (almost) a point, in floats."""
    import numpy as np

    if not brackets:
        return []
    a = np.array([float(x) for x, _ in brackets])
    b = np.array([float(y) for _, y in brackets])
    fa, fb = f.array(a).copy(), f.array(b).copy()
    out: list = [None] * len(brackets)
    active = np.ones(len(brackets), dtype=bool)
    t = np.linspace(0.0, 1.0, INSIDE + 2)[1:-1]
    for _ in range(ROUNDS):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        A, B, FA, FB = a[idx], b[idx], fa[idx], fb[idx]
        with np.errstate(divide="ignore", invalid="ignore"):
            sec = A - FA * (B - A) / (FB - FA)
        sec = np.where((sec > A) & (sec < B), sec, (A + B) / 2)
        # The secant point first, then the points inside: one evaluation for every bracket.
        inside = np.concatenate([sec[:, None], A[:, None] + (B - A)[:, None] * t], axis=1)
        values = f.array(inside)
        xs = np.concatenate([A[:, None], inside[:, 1:], B[:, None]], axis=1)
        vs = np.concatenate([FA[:, None], values[:, 1:], FB[:, None]], axis=1)
        for row, k in enumerate(idx):
            if abs(values[row, 0]) <= FLOAT_ZERO:
                out[k] = ("root", float(sec[row]))
                active[k] = False
                continue
            hits = np.flatnonzero(np.abs(vs[row]) <= FLOAT_ZERO)
            if hits.size:
                out[k] = ("root", float(xs[row, hits[0]]))
                active[k] = False
                continue
            # The first sign change among the ordered points, the secant point included.
            order = np.argsort(np.append(xs[row], sec[row]), kind="stable")
            xo, vo = np.append(xs[row], sec[row])[order], np.append(vs[row], values[row, 0])[order]
            neg = vo < 0
            j = int(np.argmax(neg[:-1] != neg[1:]))
            a[k], b[k], fa[k], fb[k] = xo[j], xo[j + 1], vo[j], vo[j + 1]
            if b[k] - a[k] <= FLOAT_WIDTH * max(1.0, abs(a[k])):
                out[k] = ("bracket", a[k], b[k])
                active[k] = False
    for k in np.flatnonzero(active):
        out[k] = ("bracket", a[k], b[k])
    return out


def _dec(x) -> Decimal:
    """A float as the shortest decimal that reads back as it."""
    return Decimal(repr(float(x)))


def _finish(f: _Bound, inp: Input, a: Decimal, b: Decimal, found) -> tuple[Decimal, str, Text | None]:
    """A root from the arrays made exact: accepted if the exact balance is zero there, otherwise
    finished by the exact search within the narrowed bracket (within the scan's bracket if the
    narrowed one does not hold the sign change exactly)."""
    if found[0] == "root":
        x = _dec(found[1])
        if a < x < b and abs(f(x)) <= EXACT:
            return x, "bisection", None
        lo, hi = a, b
        for d in (Decimal("1e-9"), Decimal("1e-6")):
            lo, hi = max(a, x - d * max(1, abs(x))), min(b, x + d * max(1, abs(x)))
            if (f(lo) < 0) != (f(hi) < 0) and f(lo) != 0 and f(hi) != 0:
                break
        else:
            lo, hi = a, b
        return _bisect(f, inp, lo, hi)
    lo, hi = max(a, _dec(found[1])), min(b, _dec(found[2]))
    if not (lo < hi and f(lo) != 0 and f(hi) != 0 and (f(lo) < 0) != (f(hi) < 0)):
        lo, hi = a, b
    return _bisect(f, inp, lo, hi)


def _bisect(f, inp: Input, a: Decimal, b: Decimal) -> tuple[Decimal, str, Text | None]:
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
    return at, "jump", Text(
        f"het saldo springt hier over nul (van {euro(fa)} naar {euro(fb)}): een drempel, geen exact nulpunt",
        f"the balance jumps over zero here (from {euro(fa, 'en')} to {euro(fb, 'en')}): a threshold, not an exact zero")


def _no_root(f, inp: Input, step: Decimal) -> Text:
    low = inp.low if not inp.low_open else inp.low + step / 25
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
