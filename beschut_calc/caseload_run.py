"""`beschut-calc caseload.yaml`: the run for a scenario with a `caseload:` file (issue 12).

Checks the request before any work, computes (with a progress bar on a terminal), writes the
workbook if asked, then prints one report to stdout. Kept out of cli.py, which only routes.
"""
from __future__ import annotations

import sys

from .core.errors import InputError


def run_caseload(scenario, book, receipt, *, years: int | None, by: str, format: str, lang: str, excel=None,
                 force: bool = False, refused: list[str] = ()) -> None:
    from .analysis.caseload import check_request, compute
    from .analysis.projection import check_years
    from .core import limits

    if refused:
        option = refused[0]
        raise InputError(f"{option} werkt niet met een caseload", en=f"{option} does not work with a caseload", key=option,
                         hint="een caseload geeft totalen per jaar (--years, --by, --format, --excel); reken één plek door met een "
                              "gewoon scenario",
                         hint_en="a caseload gives totals per year (--years, --by, --format, --excel); calculate one place with an "
                                 "ordinary scenario")
    if years is not None:
        check_years(years)
    check_request(scenario, years)
    if excel is not None:
        from .report.safewrite import check_target

        check_target(excel, force)
        limits.check(limits.CASELOAD_SHEET_ROWS, len(scenario.caseload) * (years or 1), str(excel))

    from .report.caseload_report import Progress

    progress = Progress(lang)
    try:
        result = compute(scenario, book, years, progress)
    finally:
        progress.close()

    if excel is not None:
        from .report import excel_caseload

        excel_caseload.write(excel, result, book, lang, force=force, receipt=receipt, by=by)
        print(("werkmap geschreven: " if lang == "nl" else "workbook written: ") + str(excel), file=sys.stderr)

    from .report import caseload_report

    if format == "json":
        import json

        document = {"receipt": receipt.to_json(), "caseload": caseload_report.to_json(result, lang)}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif format == "markdown":
        from .report import markdown

        sys.stdout.write(caseload_report.markdown(result, by, lang))
        sys.stdout.write(markdown.render_receipt(receipt, lang))
    else:
        from .report import terminal

        caseload_report.render(result, by, lang)
        terminal.render_receipt(receipt, lang)
