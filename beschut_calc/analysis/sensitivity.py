"""Which assumption decides the verdict, and how likely a deficit is (issue 14).

- `tornado`: per uncertain input, the balance with that input at its low and at its high value,
  every other input at the column's own value; exact, by the engine, rounding off.
- `simulate`: N draws with all inputs varying together, each from a triangular distribution
  (low, the column's own value, high), evaluated at once over arrays by the same rule trees as
  the engine (analysis/vector.py); percentiles of the balance and the share of draws in deficit.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from ..core.books import balance_of
from ..core.engine import bind_column, calculate
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook
from ..core.variables import Range
from ..inputs import declared
from .inputs import current_value, with_value

MAX_DRAWS = 2_000_000
DEFAULT_SEED = 1


@dataclass(frozen=True)
class Bar:
    parameter: str
    low: Decimal
    high: Decimal
    central: Decimal                 # the column's own value
    balance_low: Decimal
    balance_high: Decimal
    balance_central: Decimal
    source: str

    @property
    def swing(self) -> Decimal:
        return abs(self.balance_high - self.balance_low)

    @property
    def flips(self) -> bool:
        """The verdict (deficit or breaks even, to the euro) differs between low and high."""
        return _deficit(self.balance_low) != _deficit(self.balance_high)


def _deficit(balance) -> bool:
    return balance < Decimal("-0.5")


def _applies(placement: Placement, book: ParameterBook, name: str, view: str | None = None) -> bool:
    """Whether the input can change this column at all (an agency fee outside the temp-agency model cannot)."""
    base = dataclasses.replace(placement, rounding=None)
    inp = declared.get(name)
    probe = inp.high if inp.high is not None and inp.high != current_value(placement, book, name) else inp.low
    return balance_of(calculate(with_value(base, name, probe), book), view) != balance_of(calculate(base, book), view)


def tornado(placement: Placement, book: ParameterBook, ranges: dict[str, Range], view: str | None = None) -> list[Bar]:
    """Per uncertain input, the balance (with `view`, that party's) at its low and its high value."""
    base = dataclasses.replace(placement, rounding=None)
    central_balance = balance_of(calculate(base, book), view)
    bars = []
    for name, rng in ranges.items():
        if not _applies(placement, book, name, view):
            continue
        low = balance_of(calculate(with_value(base, name, rng.low), book), view)
        high = balance_of(calculate(with_value(base, name, rng.high), book), view)
        bars.append(Bar(name, rng.low, rng.high, current_value(placement, book, name), low, high, central_balance, rng.source))
    return sorted(bars, key=lambda b: (-b.swing, b.parameter))


@dataclass(frozen=True)
class Simulation:
    n: int
    seed: int
    p5: float
    p50: float
    p95: float
    deficit_share: float
    inputs: tuple[str, ...]          # the inputs that varied
    histogram: tuple[tuple[float, float, int], ...]   # (from, to, count)


def check_draws(n: int) -> None:
    if not 1 <= n <= MAX_DRAWS:
        raise InputError(f"--simulate {n}: kies 1 tot en met {MAX_DRAWS:,} trekkingen".replace(",", "."),
                         en=f"--simulate {n}: choose 1 to {MAX_DRAWS:,} draws", key="--simulate",
                         hint="bijvoorbeeld --simulate 100000", hint_en="for example --simulate 100000")


MAX_SEED = 2**63 - 1


def check_seed(seed: int | None) -> None:
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise InputError(f"--seed {seed}: kies een heel getal van 0 tot en met {MAX_SEED}", en=f"--seed {seed}: choose a whole number from 0 to {MAX_SEED}",
                         key="--seed", hint="bijvoorbeeld --seed 1", hint_en="for example --seed 1")


def draw_inputs(placement: Placement, book: ParameterBook, ranges: dict[str, Range], n: int, rng,
                view: str | None = None) -> dict:
    """Triangular draws (low, the column's own value, high) for every input that moves the weighed balance."""
    out = {}
    for name, r in ranges.items():
        if not _applies(placement, book, name, view):
            continue
        mode = min(max(current_value(placement, book, name), r.low), r.high)
        low, high = float(r.low), float(r.high)
        out[name] = rng.triangular(low, float(mode), high, n) if high > low else rng.uniform(low, low, n)
    return out


def simulate(placement: Placement, book: ParameterBook, ranges: dict[str, Range], n: int, seed: int,
             view: str | None = None) -> Simulation:
    import numpy as np

    from .vector import balance_array

    check_draws(n)
    rng = np.random.default_rng(seed)
    draws = draw_inputs(placement, book, ranges, n, rng, view)
    p = dataclasses.replace(placement, rounding=None)
    for name in draws:
        # Bind with each varied input present (a field, or an override the rules can substitute).
        p = with_value(p, name, current_value(placement, book, name))
    balance = np.broadcast_to(balance_array(bind_column(p, book), draws, view), (n,))
    p5, p50, p95 = (float(x) for x in np.percentile(balance, [5, 50, 95]))
    counts, edges = np.histogram(balance, bins=10)
    histogram = tuple((float(edges[i]), float(edges[i + 1]), int(counts[i])) for i in range(len(counts)))
    return Simulation(n, seed, p5, p50, p95, float(np.mean(balance < -0.5)), tuple(draws), histogram)


