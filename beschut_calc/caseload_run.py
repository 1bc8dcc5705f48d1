"""The run of a scenario with a `caseload:` file (issue 12), on its own or beside ordinary scenarios.

Checks the request before any work, computes (with a progress bar on a terminal) and hands the
result to each report. Kept out of cli.py, which only routes.
"""
from __future__ import annotations

import sys

from .core.errors import InputError

# Analyses of one place; a caseload has totals per year instead.
SINGLE_PLACE_OPTIONS = ("--breakeven", "--sweep", "--sensitivity", "--simulate", "--seed")
EXAMPLE_NOTE = ("Toelichting per groep: een plek van 36 uur bij 30 % loonwaarde, een heel jaar. Elke plaatsing van de groep "
                "volgt dezelfde regels, naar rato van haar eigen uren, loonwaarde en maanden.",
                "Explanation per group: a place of 36 hours at 30% wage value, a whole year. Every placement of the group "
                "follows the same rules, pro rata by its own hours, wage value and months.")


def check(scenario, *, years: int | None, excel=None, force: bool = False, refused: list[str] = ()) -> None:
    """Everything that can be refused, before any work: options, the horizon, the amount of work, the target."""
    from .analysis.caseload import check_request
    from .analysis.projection import check_years
    from .core import limits

    if refused:
        option = refused[0]
        raise InputError(f"{option} werkt niet met een caseload", en=f"{option} does not work with a caseload", key=option,
                         hint="een caseload geeft totalen per jaar (--years, --by, --format, --excel, --word, --chart); reken "
                              "één plek door met een gewoon scenario",
                         hint_en="a caseload gives totals per year (--years, --by, --format, --excel, --word, --chart); "
                                 "calculate one place with an ordinary scenario")
    if years is not None:
        check_years(years)
    check_request(scenario, years)
    if excel is not None:
        limits.check(limits.CASELOAD_SHEET_ROWS, len(scenario.caseload) * (years or 1), str(excel))


def compute(scenario, book, years: int | None, lang: str):
    from .analysis.caseload import compute as compute_caseload
    from .report.caseload_report import Progress

    progress = Progress(lang)
    try:
        return compute_caseload(scenario, book, years, progress)
    finally:
        progress.close()


def json_part(result, lang: str, explain: bool = False, by: str = "municipality") -> dict:
    from .report import caseload_report

    out = caseload_report.to_json(result, lang, by)
    if explain:
        from .report import explain as explain_report

        out["explain"] = {"note": EXAMPLE_NOTE[lang == "en"],
                          "groups": [{"group": example.placement.name, "year": example.placement.year,
                                      "trace": explain_report.trace(example, lang)} for example in result.examples]}
    return out


def print_terminal(result, by: str, lang: str, explain: bool = False) -> None:
    from .report import caseload_report

    caseload_report.render(result, by, lang)
    if explain:
        from .report import explain as explain_report

        print("\n" + EXAMPLE_NOTE[lang == "en"])
        explain_report.render(list(result.examples), lang, sys.stdout)


def run_alone(scenario, book, receipt, *, years: int | None, by: str, format: str, lang: str, excel=None, word=None,
              chart=None, explain: bool = False, force: bool = False, refused: list[str] = ()) -> None:
    from .report.safewrite import announce, check_exports

    check_exports(force, excel, word, chart)
    check(scenario, years=years, excel=excel, force=force, refused=refused)
    result = compute(scenario, book, years, lang)

    if excel is not None:
        from .report import excel_caseload

        excel_caseload.write(excel, result, book, lang, force=force, receipt=receipt)
        announce("excel", excel, lang)
    if word is not None:
        from .report import word as word_report

        word_report.write(word, [], lang, force=force, receipt=receipt, caseload=result)
        announce("word", word, lang)
    if chart is not None:
        from .report import chart as chart_report

        chart_report.write(chart, result.year_results(), lang, force=force, title=scenario.name)
        announce("chart", chart, lang)

    if format == "json":
        from .report.jsonout import dumps

        sys.stdout.write(dumps({"receipt": receipt.to_json(), "caseload": json_part(result, lang, explain, by)}))
    elif format == "markdown":
        from .report import caseload_report, markdown

        sys.stdout.write(caseload_report.markdown(result, by, lang))
        sys.stdout.write(markdown.render_receipt(receipt, lang))
    else:
        from .report import terminal

        print_terminal(result, by, lang, explain)
        terminal.render_receipt(receipt, lang)
