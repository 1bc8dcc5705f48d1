"""Sweeps: the balance over a grid of one or two inputs (issue 5, item 2).

The grid is the engine's own rules evaluated over arrays (analysis/vector.py): the column's
rule trees (core/rules.py), bound once, with the swept inputs as numpy arrays. Nothing about
any line is restated here, so a new rule reaches the sweep without an edit. Rounding is the
column's own scheme, applied per line as the engine does, so a grid point equals the
single-scenario balance. tests/test_sweep.py compares grid points with `calculate`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..core.engine import bind_column
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook
from ..inputs import declared
from .inputs import current_value, get_input, with_value
from .vector import balance_array

MAX_POINTS = 5_000_000
_SPEC = re.compile(r"^\s*([a-z_]+)\s*=\s*([^:]+):([^:]+):([^:]+)\s*$")


@dataclass(frozen=True)
class Axis:
    name: str
    start: Decimal
    step: Decimal
    count: int
    decimals: int

    def values(self):
        import numpy as np

        return np.round(float(self.start) + float(self.step) * np.arange(self.count), self.decimals)

    def decimal_values(self) -> list[Decimal]:
        return [self.start + i * self.step for i in range(self.count)]


MIN_STEP_EXPONENT = -12


def _fail(spec: str, nl: str, en: str) -> InputError:
    return InputError(f"{spec!r}: {nl}", en=f"{spec!r}: {en}", key="--sweep",
                      hint="schrijf PARAM=START:STOP:STAP, bijvoorbeeld hours=24:40:1 of wage_value=10%:50%:5%",
                      hint_en="write PARAM=START:STOP:STEP, for example hours=24:40:1 or wage_value=10%:50%:5%")


def parse_axis(spec: str) -> Axis:
    """'hours=24:40:1' -> Axis; stop is included. Fractions may be written 10%:50%:5%, or 10:50:5
    (numbers above 1 for a fraction are read as percentages)."""
    match = _SPEC.match(spec)
    if not match:
        raise _fail(spec, "verwacht PARAM=START:STOP:STAP", "expected PARAM=START:STOP:STEP")
    inp = get_input(match.group(1), "--sweep")
    raw = [match.group(i).strip() for i in (2, 3, 4)]
    if any("," in r for r in raw):    # one rule for every number, in files and on the command line
        raise _fail(spec, "gebruik een punt als decimaalteken", "use a point as decimal separator")
    percent = any(r.endswith("%") for r in raw)
    try:
        start, stop, step = (Decimal(r.rstrip("%").strip()) for r in raw)
    except InvalidOperation:
        raise _fail(spec, "START, STOP en STAP moeten getallen zijn", "START, STOP and STEP must be numbers") from None
    if not all(v.is_finite() for v in (start, stop, step)):
        raise _fail(spec, "START, STOP en STAP moeten eindige getallen zijn", "START, STOP and STEP must be finite numbers")
    if inp.kind == "fraction" and (percent or max(abs(start), abs(stop)) > 1):
        start, stop, step = start / 100, stop / 100, step / 100
    if step <= 0:
        raise _fail(spec, "STAP moet groter zijn dan 0", "STEP must be greater than 0")
    if stop < start:
        raise _fail(spec, "STOP is kleiner dan START", "STOP is smaller than START")
    for value in (start, stop):
        if not inp.valid(value):
            raise _fail(spec, f"{inp.fmt(value)} valt buiten het geldige bereik van {inp.name} ({inp.fmt(inp.low)} tot {inp.fmt(inp.high)})",
                        f"{inp.fmt(value, 'en')} is outside the valid range of {inp.name} ({inp.fmt(inp.low, 'en')} to {inp.fmt(inp.high, 'en')})")
    if step.adjusted() < MIN_STEP_EXPONENT or (stop - start) / step >= MAX_POINTS:
        # Checked before counting: a step of 1e-99999 would overflow the count itself.
        raise _fail(spec, f"STAP is te klein: dat worden meer dan {MAX_POINTS:,} punten".replace(",", "."),
                    f"STEP is too small: that makes more than {MAX_POINTS:,} points")
    count = int((stop - start) / step) + 1
    decimals = max(-min(v.normalize().as_tuple().exponent for v in (start, step)), 0) + 2
    return Axis(inp.name, start, step, count, decimals)


def parse_axes(specs: list[str]) -> list[Axis]:
    if len(specs) > 2:
        raise InputError("--sweep kan hoogstens twee keer", en="--sweep can be given at most twice", key="--sweep",
                         hint="kies één of twee invoeren", hint_en="choose one or two inputs")
    axes = [parse_axis(s) for s in specs]
    if len(axes) == 2 and axes[0].name == axes[1].name:
        raise InputError(f"{axes[0].name} staat twee keer in --sweep", en=f"{axes[0].name} appears twice in --sweep", key="--sweep")
    total = 1
    for axis in axes:
        total *= axis.count
    if total > MAX_POINTS:
        raise InputError(f"het rooster heeft {total:,} punten; het maximum is {MAX_POINTS:,}".replace(",", "."),
                         en=f"the grid has {total:,} points; the maximum is {MAX_POINTS:,}", key="--sweep",
                         hint="kies een grotere stap", hint_en="choose a larger step")
    return axes


# ---------------------------------------------------------------- the vectorised balance

def balance_grid(placement: Placement, book: ParameterBook, grid: dict, view: str | None = None):
    """The balance at every point; `grid` maps a swept input's name to a (broadcastable) float array.

    The column is bound with every swept parameter set as an override (at its current value),
    so its rule trees hold that parameter where the engine would use it; the arrays then take
    its place. A swept parameter the column ignores (an agency fee outside the temp-agency
    model, say) is ignored here too, exactly as by the engine.
    """
    p = placement
    for name in grid:
        if not declared.get(name).field:
            p = with_value(p, name, current_value(placement, book, name))
    return balance_array(bind_column(p, book), grid, view)


@dataclass(frozen=True)
class Sweep:
    """The grid: one value array per axis and the balance, flattened with the last axis fastest."""
    axes: list[Axis]
    columns: list
    balance: object

    def __iter__(self):          # (columns, balance), as the grid is unpacked in tests and benches
        return iter((self.columns, self.balance))


def sweep(placement: Placement, book: ParameterBook, axes: list[Axis], view: str | None = None) -> Sweep:
    """The balance (with `view`, that party's) over the grid of `axes`, flattened with the last axis varying fastest."""
    import numpy as np

    values = [axis.values() for axis in axes]
    shape = tuple(len(v) for v in values)
    grid = {}
    for i, (axis, v) in enumerate(zip(axes, values)):
        grid[axis.name] = v.reshape([len(v) if j == i else 1 for j in range(len(axes))])
    balance = np.broadcast_to(balance_grid(placement, book, grid, view), shape).ravel()
    columns = [np.broadcast_to(grid[a.name], shape).ravel() for a in axes]
    return Sweep(list(axes), columns, balance)


def to_json(axes: list[Axis], columns, balance) -> list[dict]:
    """[{PARAM: value, ..., "balance": x}], amounts to the cent; whole numbers as integers."""
    import numpy as np

    def plain(arr):
        return [int(x) if x.is_integer() else x for x in arr.tolist()]

    cols = [plain(c) for c in columns] + [plain(np.round(balance, 2))]
    names = [a.name for a in axes] + ["balance"]
    if len(cols) == 2:
        a, b = names
        return [{a: x, b: y} for x, y in zip(*cols)]
    a, b, c = names
    return [{a: x, b: y, c: z} for x, y, z in zip(*cols)]
