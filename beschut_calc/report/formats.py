"""The run (pipeline.py `Run`) in each output format: the terminal, JSON and Markdown.

Each format reads the same `Run`: the scenarios in file order with their results per column,
the party views asked with --perspective, the analyses' typed results (analysis/hooks.py) and
the caseload's totals. Tables print in file order, each under its scenario's name; the party
tables follow per scenario, then --explain, the analyses, the caseload and the receipt.
"""
from __future__ import annotations

from ..core.text import Text

def example_note(result, lang: str) -> str:
    """--explain with a caseload shows one example placement per group; the note names its hours and
    wage value as the caseload chose them (analysis/caseload.py: the full-time week of the group's
    employer, the wage value of the national LKS figure), not as written here. Groups whose employers
    have different full-time weeks are named with each value ("36 of 38 uur")."""
    from ..core.text import percent, plain

    def each(values, show) -> str:
        if not values:
            return "?"
        shown = [show(v, lang) for v in sorted(set(values))]
        return (" of " if lang == "nl" else " or ").join(dict.fromkeys(shown))

    places = [example.placement for example in result.examples]
    hours = each([p.hours for p in places], plain)
    share = each([p.wage_value for p in places], percent)
    return Text(f"Toelichting per groep: een plek van {hours} uur bij {share} loonwaarde, een heel jaar. Elke plaatsing van de "
                "groep volgt dezelfde regels, naar rato van haar eigen uren, loonwaarde en maanden.",
                f"Explanation per group: a place of {hours} hours at {share} wage value, a whole year. Every placement of the "
                "group follows the same rules, pro rata by its own hours, wage value and months.")(lang)


# ---------------------------------------------------------------- terminal

def terminal(run, out) -> None:
    from . import terminal as tables

    lang = run.options.lang
    for scenario, results in run.scenarios:
        tables.render(f"{scenario.name}  ({scenario.file})", results, lang, file=out,
                      difference="compare" in scenario.extra, description=scenario.description)
    for section in sections(run):
        section(out)
    if run.caseload is not None:
        caseload_terminal(run.caseload, run.options.grouping, lang, run.options.explain, out)
    tables.render_receipt(run.receipt, lang, file=out)


def sections(run) -> list:
    """What prints after the tables, in order, as callables taking the output file: the party
    tables per scenario, --explain, then the analyses."""
    lang = run.options.lang
    out = []
    if run.views:
        from . import perspective

        out.extend(lambda f, s=scenario, rs=results: perspective.render(s.name, rs, run.views, lang, f)
                   for scenario, results in run.scenarios)
    if run.options.explain and run.scenarios:
        from . import explain

        out.append(lambda f: explain.render(run.results, lang, f))
    if run.analyses is not None:
        out.extend(analysis_sections(run.analyses, run.scenarios, lang))
    return out


def analysis_sections(analyses, runs, lang: str) -> list:
    """Terminal sections of the analyses (callables taking the output file), in the order the analyses ran."""
    from . import analyses as report
    from .perspective import weighed

    out = []
    pairs = [(scenario, result, column) for (scenario, results), cs in zip(runs, analyses.columns)
             for result, column in zip(results, cs)]
    breakevens = [(s.name, r.placement.name + weighed(c.view, lang), c.breakeven) for s, r, c in pairs if c.breakeven is not None]
    if breakevens:
        out.append(lambda f: report.render_breakeven(breakevens, lang, f))
    for scenario, result, column in pairs:
        if column.sweep is not None:
            title = f"{scenario.name} — {result.placement.name}{weighed(column.view, lang)}"
            out.append(lambda f, t=title, s=column.sweep: report.render_sweep(t, s.axes, s.columns, s.balance, lang, f))
    for scenario, result, column in pairs:
        if column.years:
            ys = column.years
            # The scenario's name heads the main table already; one file's columns need only their own.
            own = result.placement.name if len(runs) == 1 else f"{scenario.name} — {result.placement.name}"
            title = Text(f"Meerjarig: {own}, {ys[0].year}-{ys[-1].year}", f"Multi-year: {own}, {ys[0].year}-{ys[-1].year}")(lang)
            out.append(lambda f, t=title, y=ys: report.render_years(t, y, lang, f))
    for scenario, result, column in pairs:
        if column.sensitivity is not None:
            title = f"{scenario.name} — {result.placement.name}{weighed(column.view, lang)}"
            out.append(lambda f, t=title, b=column.sensitivity: report.render_tornado(t, b, lang, f))
    for scenario, result, column in pairs:
        if column.simulation is not None:
            title = f"{scenario.name} — {result.placement.name}{weighed(column.view, lang)}"
            out.append(lambda f, t=title, s=column.simulation: report.render_simulation(t, s, lang, f))
    for name, found in analyses.budgets:
        out.append(lambda f, n=name, b=found: report.render_budget(n, b, lang, f))
    return out


def caseload_terminal(result, by: str, lang: str, explain: bool, out) -> None:
    from . import caseload_report

    caseload_report.render(result, by, lang, out)
    if explain:
        from . import explain as explain_report

        print("\n" + example_note(result, lang), file=out)
        explain_report.render(list(result.examples), lang, out)


# ---------------------------------------------------------------- JSON

def json(run, out) -> None:
    """{"receipt", "scenarios": [...], budget, "caseload"}; a caseload alone has no "scenarios"."""
    from . import jsonout

    lang = run.options.lang
    top: dict = {}
    if run.scenarios:
        extras = [{} for _ in run.results]
        if run.options.explain:
            from . import explain

            for extra, result in zip(extras, run.results):
                extra["trace"] = explain.trace(result, lang)
        if run.analyses is not None:
            for extra, column in zip(extras, run.analyses.flat()):
                extra.update(jsonout.analyses_json(column, lang))
            if run.analyses.budgets:
                top.update(jsonout.budget_json(run.analyses.budgets, lang))
    if run.caseload is not None:
        top["caseload"] = caseload_json(run.caseload, lang, run.options.explain, run.options.grouping)
    if not run.scenarios:
        out.write(jsonout.dumps({"receipt": run.receipt.to_json(), **top}))
        return
    origins = [{"scenario": scenario.name, "file": scenario.file,
                **({"description": scenario.description} if scenario.description else {})}
               for scenario, rs in run.scenarios for _ in rs]
    out.write(jsonout.render(run.results, lang, extras, top, run.receipt, origins))


def caseload_json(result, lang: str, explain: bool = False, by: str = "municipality") -> dict:
    from . import caseload_report

    found = caseload_report.to_json(result, lang, by)
    if explain:
        from . import explain as explain_report

        found["explain"] = {"note": example_note(result, lang),
                            "groups": [{"group": example.placement.name, "year": example.placement.year,
                                        "trace": explain_report.trace(example, lang)} for example in result.examples]}
    return found


# ---------------------------------------------------------------- Markdown

def markdown(run, out) -> None:
    from . import markdown as md

    lang = run.options.lang
    for scenario, results in run.scenarios:
        out.write(md.render(scenario.name, results, lang, difference="compare" in scenario.extra,
                            description=scenario.description))
        if run.views:
            from . import perspective

            out.write(perspective.markdown(scenario.name, results, run.views, lang))
    if run.analyses is not None:
        from .analyses import document_sections

        out.write(md.render_sections(document_sections(run.analyses, run.scenarios, lang)))
    if run.caseload is not None:
        from . import caseload_report

        out.write(caseload_report.markdown(run.caseload, run.options.grouping, lang))
    out.write(md.render_receipt(run.receipt, lang))
