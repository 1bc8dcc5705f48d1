"""Sweeps: the balance over a grid of one or two inputs, vectorised with numpy (issue 5, item 2).

How it avoids a second copy of the rules: everything that does not vary over the grid
comes from the scalar engine — lines that do not depend on a swept input are taken from
the column's own Result, and the amounts of the lines that do are read off a handful of
engine evaluations ("probes") at chosen inputs. What numpy restates is only *how* each
line depends on the swept inputs:

  wage_value       k × wage value × hours                    (k: probe at wage value 100 %)
  wage_subsidy     k × LKS share(wage value) × hours          (share: min(1 − wv, cap) or the set's bands)
  subsidies/extras A × min(hours, full)/full, or A when flat  (A: probe at the set's full hours)
  tax_advantage    LIV: 0 below the paid-hours threshold, else min(rate × hours, max);
                   the higher of that and the LKV when the set switches it on
  wage_costs       k × hours × mark-up × (1 + agency fee)    (only where the model has them)
  guidance_costs   k × cost per full-time place × hours
  municipal_top_up the top-up itself

tests/test_sweep.py compares grid points with `calculate` at sample points (both methods,
across the 24 h LIV threshold and the 31 h cap, bands, trial months, rounding).
Rounding: the column's own rounding scheme (memo: €100 down/up, quoted €1) is applied per
line exactly as the engine does, so a grid point equals the single-scenario balance.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..core.engine import Context, Result, _lks_share, calculate, employed_share
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook
from .inputs import INPUTS, current_value, get_input, with_value

MAX_POINTS = 5_000_000
CORE_H_ONLY = ("general_subsidy", "temporary_subsidy")
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
    raw = [match.group(i).strip().replace(",", ".") for i in (2, 3, 4)]
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

class _Probe:
    """Engine evaluations of the column (rounding off) with some inputs set."""

    def __init__(self, placement: Placement, book: ParameterBook):
        self.base = dataclasses.replace(placement, rounding=None)
        self.book = book

    def line(self, key: str, **values) -> Decimal:
        p = self.base
        for name, value in values.items():
            p = with_value(p, name, Decimal(value))
        for line in calculate(p, self.book).lines:
            if line.key == key:
                return line.amount
        return Decimal(0)

    def lks_share(self, wage_value: Decimal) -> Decimal:
        return _lks_share(Context(dataclasses.replace(self.base, wage_value=wage_value), self.book))[0]


def _lks_share_array(placement: Placement, book: ParameterBook, wv):
    """The LKS share of WML by the set's rule, for an array of wage values (engine: _lks_share)."""
    import numpy as np

    sset = placement.subsidy_set
    if sset.wage_subsidy_rule == "bands":
        out = np.zeros_like(wv, dtype=float)
        bands = sset.lks_bands
        for i, band in enumerate(bands):
            upper = (wv <= float(band.to_share)) if i == len(bands) - 1 else (wv < float(band.to_share))
            hit = (wv >= float(band.from_share)) & upper & (out == 0)
            out = np.where(hit, float(band.lks_share), out)
        return out
    cap = float(Context(placement, book).lookup("lks_max_share").value)
    return np.minimum(1.0 - wv, cap)


def balance_grid(placement: Placement, book: ParameterBook, result: Result, grid: dict):
    """The balance at every point; `grid` maps a swept input's name to a float array (same shape)."""
    import numpy as np

    probe = _Probe(placement, book)
    p = placement
    now = {name: float(current_value(p, book, name)) for name in INPUTS}
    h = grid.get("hours", now["hours"])
    wv = grid.get("wage_value", now["wage_value"])
    h0 = p.hours
    swept = set(grid)
    shape = np.broadcast(*[np.asarray(v) for v in grid.values()]).shape if grid else ()
    lines = {line.key: line for line in result.lines}
    amounts = {}

    def depends(*names):
        return bool(swept & set(names))

    for key, line in lines.items():
        if key == "wage_value" and depends("hours", "wage_value"):
            k = float(probe.line(key, wage_value=1)) / float(h0)
            amounts[key] = k * wv * h
        elif key == "wage_subsidy" and depends("hours", "wage_value"):
            ref = next((v for v in (p.wage_value, Decimal(0), *(b.from_share for b in p.subsidy_set.lks_bands))
                        if probe.lks_share(v)), None)
            k = 0.0 if ref is None else float(probe.line(key, wage_value=ref) / (probe.lks_share(ref) * h0))
            amounts[key] = k * _lks_share_array(p, book, np.asarray(wv, dtype=float)) * h
        elif key == "tax_advantage" and depends("hours"):
            amounts[key] = _tax(probe, p, book, np.asarray(h, dtype=float))
        elif key == "wage_costs" and depends("hours", "agency_fee", "payroll_markup"):
            base = probe.line(key, agency_fee=0, payroll_markup=1)
            fee_counts = probe.line(key, agency_fee=1, payroll_markup=1) != base
            markup_counts = probe.line(key, agency_fee=0, payroll_markup=2) != base
            fee = grid.get("agency_fee", now["agency_fee"]) if fee_counts else 0.0
            markup = grid.get("payroll_markup", now["payroll_markup"]) if markup_counts else 1.0
            amounts[key] = float(base) / float(h0) * h * markup * (1.0 + fee)
        elif key == "guidance_costs" and depends("hours", "guidance_cost_fulltime"):
            k = float(probe.line(key, guidance_cost_fulltime=1)) / float(h0)
            amounts[key] = k * grid.get("guidance_cost_fulltime", now["guidance_cost_fulltime"]) * h
        elif key == "municipal_top_up" and depends("municipal_top_up"):
            amounts[key] = grid["municipal_top_up"] * float(probe.line(key, municipal_top_up=1))
        elif key not in ("wage_value", "wage_subsidy", "tax_advantage", "wage_costs", "guidance_costs", "municipal_top_up") \
                and depends("hours"):
            # Regional subsidies and the set's extra lines: an amount at full hours, pro rata below or flat.
            full = p.subsidy_set.full_hours
            at_full, at_half = probe.line(key, hours=full), probe.line(key, hours=full / 2)
            amounts[key] = float(at_full) * (np.minimum(h, float(full)) / float(full) if at_half != at_full else 1.0)
        else:
            amounts[key] = float(line.unrounded if line.unrounded is not None else line.amount)
    if "municipal_top_up" in swept and "municipal_top_up" not in lines:
        amounts["municipal_top_up"] = grid["municipal_top_up"] * float(probe.line("municipal_top_up", municipal_top_up=1))
        lines["municipal_top_up"] = calculate(with_value(probe.base, "municipal_top_up", Decimal(1)), book).line("municipal_top_up")

    balance = np.zeros(shape)
    for key, amount in amounts.items():
        line = lines[key]
        if p.rounding is not None:
            amount = _round(amount, p.rounding.step[line.origin], p.rounding.direction[line.side])
        balance = balance + (amount if line.side == "benefit" else -amount)
    return balance


def _round(amount, step: Decimal, direction: str):
    """The engine's round_line in numpy; the inner round removes binary noise at exact multiples."""
    import numpy as np

    units = np.round(np.asarray(amount, dtype=float) / float(step), 6)
    return (np.floor(units) if direction == "down" else np.ceil(units)) * float(step)


def _tax(probe: _Probe, p: Placement, book: ParameterBook, h):
    """LIV over hours: zero below the paid-hours threshold, else min(rate x hours, max); the LKV where on.

    The hourly wage, hence the LIV band, does not change with the hours; the rate and maximum
    of that band are read off the engine at the threshold and at 40 hours.
    """
    import numpy as np

    ctx = Context(probe.base, book)
    share = employed_share(p)
    minimum = ctx.lookup("liv_min_hours_year").value
    threshold = minimum / (Decimal(52) * share) if share else None
    liv = np.zeros_like(h)
    if threshold is not None and ctx.lookup("liv").value is not None:
        top = Decimal(40) if threshold <= 40 else threshold
        at_top, at_threshold = _liv_only(probe, top), _liv_only(probe, threshold)
        if at_top:
            rate = float(at_threshold) / float(threshold) if at_threshold < at_top else np.inf
            cap = float(at_top)
            liv = np.where(h >= float(threshold) - 1e-9, np.minimum(rate * h, cap), 0.0)
    if _lkv_on(ctx, p):
        lkv = ctx.lookup("lkv").value
        if lkv is not None:
            lkv_amount = np.minimum(float(lkv["rate"]) * h * 52 * float(share), float(lkv["max"]))
            liv = np.where(lkv_amount > liv, lkv_amount, liv)
    return liv


def _lkv_on(ctx: Context, p: Placement) -> bool:
    enabled = ctx.lookup("lkv_enabled").value
    return bool(p.subsidy_set.lkv if enabled is None else enabled)


def _liv_only(probe: _Probe, hours: Decimal) -> Decimal:
    from ..core.parameters import ParamValue

    off = ParamValue(name="lkv_enabled", value=False, since=None, source="sweep probe", status="override")
    p = dataclasses.replace(probe.base, hours=hours, overrides={**probe.base.overrides, "lkv_enabled": off})
    return calculate(p, probe.book).line("tax_advantage").amount


def sweep(placement: Placement, book: ParameterBook, result: Result, axes: list[Axis]):
    """(axis value arrays, balance array), flattened with the last axis varying fastest."""
    import numpy as np

    values = [axis.values() for axis in axes]
    mesh = np.meshgrid(*values, indexing="ij")
    grid = {axis.name: m.ravel() for axis, m in zip(axes, mesh)}
    return [grid[a.name] for a in axes], balance_grid(placement, book, result, grid)


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
