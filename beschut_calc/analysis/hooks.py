"""Glue between the CLI and the analyses: fills the CLI's `extras`, `top` and `sections`.

Per column: "breakeven", "sweep", "years" (+ "cumulative_balance"); at the top level:
"budget" (+ "budget_warnings") for scenarios with `targets`.
"""
from __future__ import annotations

from ..core.parameters import ParameterBook


def add(runs, extras, top: dict, sections: list, lang: str, book: ParameterBook, *, breakeven: str | None, sweep: list[str],
        years: int | None, want_json: bool) -> None:
    if breakeven is not None:
        from . import breakeven as be_mod
        from .inputs import get_input

        get_input(breakeven, "--breakeven")
        items = []
        for run_extras, (scenario, results) in zip(extras, runs):
            for extra, result in zip(run_extras, results):
                solved = be_mod.solve(result.placement, book, breakeven)
                extra["breakeven"] = solved.to_json(lang)
                items.append((scenario.name, result.placement.name, solved))
        sections.append(lambda out: _report().render_breakeven(items, lang, out))

    if sweep:
        from . import sweep as sweep_mod

        axes = sweep_mod.parse_axes(sweep)
        for run_extras, (scenario, results) in zip(extras, runs):
            for extra, result in zip(run_extras, results):
                columns, balance = sweep_mod.sweep(result.placement, book, axes)
                if want_json:
                    extra["sweep"] = sweep_mod.to_json(axes, columns, balance)
                title = f"{scenario.name} — {result.placement.name}"
                sections.append(lambda out, t=title, c=columns, b=balance: _report().render_sweep(t, axes, c, b, lang, out))

    if years is not None:
        from ..report.jsonout import money
        from . import projection

        projection.check_years(years)
        for run_extras, (scenario, results) in zip(extras, runs):
            for extra, result in zip(run_extras, results):
                projected = projection.project(result.placement, book, years)
                extra["years"] = projection.to_json(projected, lang)
                extra["cumulative_balance"] = money(projected[-1].cumulative)
                title = f"{scenario.name} — {result.placement.name}: {projected[0].year}-{projected[-1].year}"
                sections.append(lambda out, t=title, p=projected: _report().render_years(t, p, lang, out))

    for scenario, results in runs:
        targets = scenario.extra.get("targets")
        if not targets:
            continue
        from .budget import budget

        found = budget(scenario.name, [r.placement for r in results], book, targets)
        top.setdefault("budget", []).extend(row.to_json() for row in found.rows)
        warnings = top.setdefault("budget_warnings", [])
        warnings.extend(w(lang) for w in found.warnings if w(lang) not in warnings)
        sections.append(lambda out, s=scenario, b=found: _report().render_budget(s.name, b, lang, out))


def _report():
    from . import report

    return report
