"""Glue between the pipeline and the analyses: runs what the options ask for and returns typed
results (`Analyses`); reports turn them into JSON (report/jsonout.py), terminal sections
(report/formats.py, report/analyses.py) and workbook sheets (report/excel*.py). Nothing here
imports report/: the analyses know nothing of how they are shown."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.parameters import ParameterBook
from .breakeven import BreakEven
from .budget import Budget
from .projection import Year
from .sensitivity import Bar, Simulation
from .sweep import Sweep


@dataclass
class ColumnAnalyses:
    """What the analyses found for one column."""
    breakeven: BreakEven | None = None
    sweep: Sweep | None = None
    years: list[Year] | None = None
    sensitivity: list[Bar] | None = None
    simulation: Simulation | None = None
    view: str | None = None            # whose balance the analyses weigh (None: the employer's business case)


@dataclass
class Analyses:
    columns: list[list[ColumnAnalyses]]                               # per scenario, per column
    budgets: list[tuple[str, Budget]] = field(default_factory=list)   # (scenario name, budget) for scenarios with targets

    def flat(self) -> list[ColumnAnalyses]:
        return [c for cs in self.columns for c in cs]


def check_request(n_columns: int, *, breakeven: str | None, sweep: list[str], years: int | None,
                  sensitivity: bool = False, simulate: int | None = None, seed: int | None = None):
    """Every analysis option checked, alone and times the number of columns, before any work;
    returns the parsed sweep axes (or None)."""
    from ..core import limits
    from .inputs import get_input

    axes = None
    if breakeven is not None:
        get_input(breakeven, "--breakeven")
        limits.check(limits.BREAKEVEN_COLUMNS, n_columns)
    if sweep:
        from .sweep import parse_axes

        axes = parse_axes(sweep)
        points = 1
        for axis in axes:
            points *= axis.count
        limits.check(limits.SWEEP_POINTS, n_columns * points)
    if years is not None:
        from .projection import check_years

        check_years(years)
        limits.check(limits.COLUMN_YEARS, n_columns * years)
    if sensitivity:
        limits.check(limits.SENSITIVITY_COLUMNS, n_columns)
    if simulate is not None:
        from .sensitivity import check_draws

        check_draws(simulate)
        limits.check(limits.DRAWS, n_columns * simulate)
    if seed is not None:
        from .sensitivity import check_seed

        check_seed(seed)
    return axes


def run(runs, book: ParameterBook, *, breakeven: str | None, sweep: list[str], years: int | None,
        sensitivity: bool = False, simulate: int | None = None, seed: int | None = None, view: str | None = None) -> Analyses:
    """Every analysis asked for, per column; inputs are checked before any work. `view` names the party
    whose balance a break-even, sweep, sensitivity and simulation weigh (None: the employer's business case)."""
    axes = check_request(sum(len(results) for _, results in runs), breakeven=breakeven, sweep=sweep, years=years,
                         sensitivity=sensitivity, simulate=simulate, seed=seed)
    columns = []
    for scenario, results in runs:
        ranges = scenario.extra.get("ranges") if (sensitivity or simulate is not None) else None
        if ranges is None and (sensitivity or simulate is not None):
            from ..inputs.ranges import default_ranges

            ranges = default_ranges()
        found = []
        for result in results:
            column = ColumnAnalyses(view=view)
            if breakeven is not None:
                from .breakeven import solve

                column.breakeven = solve(result.placement, book, breakeven, view)
            if axes is not None:
                from .sweep import sweep as run_sweep

                column.sweep = run_sweep(result.placement, book, axes, view)
            if years is not None:
                from .projection import project

                column.years = project(result.placement, book, years)
            if sensitivity:
                from .sensitivity import tornado

                column.sensitivity = tornado(result.placement, book, ranges, view)
            if simulate is not None:
                from .sensitivity import DEFAULT_SEED
                from .sensitivity import simulate as run_simulation

                column.simulation = run_simulation(result.placement, book, ranges, simulate, DEFAULT_SEED if seed is None else seed,
                                                   view)
            found.append(column)
        columns.append(found)
    budgets = []
    for scenario, results in runs:
        targets = scenario.extra.get("targets")
        if targets:
            from .budget import budget

            budgets.append((scenario.name, budget(scenario.name, [r.placement for r in results], book, targets)))
    return Analyses(columns, budgets)
