"""The command line: `beschut-calc FILE...` (thin: load, calculate, hand over to reports).

Every feature (explain, break-even, sweeps, projections, budgets, Excel) lives in its
own module; this file only parses options, runs the engine once per column and
passes the results on. Heavy modules are imported only when their option is used,
so a plain table run stays fast.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .core.errors import InputError

class DutchHelpCommand(typer.core.TyperCommand):
    """--help with click's own words (Usage, Options, [required], ...) in Dutch too."""

    def get_help(self, ctx) -> str:
        from .process import help_in_dutch

        return help_in_dutch(super().get_help(ctx))


app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Businesscase van een beschut-werkplek (Participatiewet): baten, kosten en saldo per plek.")


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Perspective(str, Enum):
    werkgever = "werkgever"
    gemeente = "gemeente"
    rijk = "rijk"
    werknemer = "werknemer"
    maatschappij = "maatschappij"
    alle = "alle"
    employer = "employer"
    municipality = "municipality"
    state = "state"
    worker = "worker"
    society = "society"
    all = "all"


class By(str, Enum):
    municipality = "municipality"
    employer_model = "employer_model"
    gemeente = "gemeente"
    werkgever = "werkgever"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def _version(value: bool):
    if value:
        typer.echo(f"beschut-calc {__version__}")
        raise typer.Exit()


def is_caseload(scenario) -> bool:
    return hasattr(scenario, "caseload")


def load_all(files: list[Path], lang: str = "nl") -> list:
    """Every file loaded and checked, before any work; at most one of them names a caseload."""
    from .core import limits
    from .inputs.load import load_scenario

    scenarios, columns = [], 0
    for path in files:
        scenario = load_scenario(path, lang)
        if is_caseload(scenario) and any(is_caseload(s) for s in scenarios):
            raise InputError("één caseloadscenario per run", en="one caseload scenario per run", file=str(path),
                             hint="draai elke caseload apart", hint_en="run each caseload by itself")
        if not is_caseload(scenario):
            columns += len(scenario.placements)
            limits.check(limits.COLUMNS, columns, str(path))
        scenarios.append(scenario)
    return scenarios


def compute(files: list[Path], lang: str = "nl", book=None, check=None, scenarios=None):
    """Load every file and calculate every column; all-or-nothing, so bad input prints nothing.
    The parameter book is read here, once, unless the caller already has it. `check(n_columns)`
    runs after loading and before calculating, so a request that is too large is refused at once."""
    from .core.engine import calculate
    from .inputs.parameter_files import load_parameters

    book = book or load_parameters()
    scenarios = scenarios if scenarios is not None else load_all(files, lang)
    columns = sum(len(s.placements) for s in scenarios)
    if check is not None:
        check(columns)
    runs = []
    for scenario in scenarios:
        results = []
        for i, placement in enumerate(scenario.placements):
            try:
                results.append(calculate(placement, book))
            except InputError as exc:
                raise scenario.locate(exc, i)
        runs.append((scenario, results))
    return runs


@app.command(cls=DutchHelpCommand)
def main(
    files: List[Path] = typer.Argument(..., metavar="BESTAND", help="Een of meer scenariobestanden (YAML)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (standaard), json of markdown."),
    lang: Lang = typer.Option(Lang.nl, "--lang", help="Taal van labels en meldingen: nl (standaard) of en."),
    explain: bool = typer.Option(False, "--explain", help="Toon per post de regel, de gebruikte parameters en hun bronnen."),
    perspective: Optional[Perspective] = typer.Option(None, "--perspective", metavar="PARTIJ",
                                            help="Toon ook wat een partij ontvangt en betaalt en haar saldo: werkgever, gemeente, "
                                                 "rijk, werknemer, maatschappij (alle partijen samen) of alle."),
    excel: Optional[Path] = typer.Option(None, "--excel", metavar="PAD", help="Schrijf ook een Excel-werkmap met formules, bronnen en grafiek naar dit pad."),
    word: Optional[Path] = typer.Option(None, "--word", metavar="PAD", help="Schrijf ook een Word-bijlage voor een raadsvoorstel (.docx): invoer, tabel, grafiek, aannames, bronnen."),
    chart: Optional[Path] = typer.Option(None, "--chart", metavar="PAD", help="Schrijf ook de grafiek van baten en kosten per kolom (.png of .svg)."),
    force: bool = typer.Option(False, "--force", help="Overschrijf een bestaand bestand (--excel, --word, --chart)."),
    breakeven: Optional[str] = typer.Option(None, "--breakeven", metavar="PARAM",
                                            help="Zoek per kolom de waarde van PARAM waarbij het saldo 0 is: hours, wage_value, absence, "
                                                 "guidance_cost_fulltime, agency_fee, payroll_markup of municipal_top_up."),
    sweep: Optional[List[str]] = typer.Option(None, "--sweep", metavar="PARAM=START:STOP:STAP",
                                              help="Saldo over een rooster, één of twee keer, bijv. --sweep hours=24:40:1 --sweep wage_value=10%:50%:5%."),
    years: Optional[int] = typer.Option(None, "--years", metavar="N", help="Volg de plek N kalenderjaren vanaf het jaar van het scenario."),
    sensitivity: bool = typer.Option(False, "--sensitivity", help="Tornado: het saldo met elke onzekere invoer op zijn lage en hoge waarde."),
    simulate: Optional[int] = typer.Option(None, "--simulate", metavar="N", help="Trek N scenario's uit de bereiken: P5, P50, P95 en kans op tekort."),
    seed: Optional[int] = typer.Option(None, "--seed", metavar="S", help="Startwaarde van de trekkingen (standaard 1), zodat een memo na te rekenen is."),
    by: By = typer.Option(By.municipality, "--by", help="Caseload: totalen per municipality (gemeente, standaard) of per employer_model."),
    debug: bool = typer.Option(False, "--debug", help="Toon bij een interne fout de volledige traceback."),
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Toon de versie."),
):
    """Bereken baten, kosten en saldo per plek voor elk scenario."""
    try:
        from .inputs.parameter_files import load_parameters

        from .core.receipt import receipt as make_receipt

        book = load_parameters()
        receipt = make_receipt(book, __version__)
        def check(n_columns: int) -> None:
            from .core import limits
            from .report.safewrite import check_exports

            check_exports(force, excel, word, chart)
            if excel is not None:
                limits.check(limits.WORKBOOK_COLUMNS, n_columns)
            if word is not None or chart is not None:
                limits.check(limits.DOCUMENT_COLUMNS, n_columns)
            if breakeven is not None or sweep or years is not None or sensitivity or simulate is not None or seed is not None:
                from .analysis.hooks import check_request

                check_request(n_columns, breakeven=breakeven, sweep=sweep or [], years=years, sensitivity=sensitivity,
                              simulate=simulate, seed=seed)

        scenarios = load_all(files, lang.value)
        caseload_scenario = next((s for s in scenarios if is_caseload(s)), None)
        scenarios = [s for s in scenarios if not is_caseload(s)]
        grouping = {"gemeente": "municipality", "werkgever": "employer_model"}.get(by.value, by.value)
        caseload = None
        if caseload_scenario is not None:
            from . import caseload_run

            if not scenarios:
                asked = {"--breakeven": breakeven is not None, "--sweep": bool(sweep), "--sensitivity": sensitivity,
                         "--simulate": simulate is not None, "--seed": seed is not None}
                caseload_run.run_alone(caseload_scenario, book, receipt, years=years, by=grouping, format=format.value,
                                       lang=lang.value, excel=excel, word=word, chart=chart, explain=explain, force=force,
                                       refused=[name for name, on in asked.items() if on])
                sys.stdout.flush()
                return
            # Beside ordinary scenarios, the analyses of one place are theirs; the caseload gets --years.
            caseload_run.check(caseload_scenario, years=years, excel=excel, force=force)
        runs = compute(files, lang.value, book, check, scenarios)
        if caseload_scenario is not None:
            caseload = caseload_run.compute(caseload_scenario, book, years, lang.value)
        # Reports add to `extras` (per column, merged into that column's JSON) and `top`
        # (top-level JSON keys); `sections` print after the table.
        extras = [[{} for _ in results] for _, results in runs]
        top: dict = {}
        sections = []   # callables(console_file) printing extra terminal output, in order

        if explain:
            from .report import explain as explain_report

            for run_extras, (_, results) in zip(extras, runs):
                for extra, result in zip(run_extras, results):
                    extra["trace"] = explain_report.trace(result, lang.value)
            sections.append(lambda out: explain_report.render([r for _, rs in runs for r in rs], lang.value, out))

        views: list[str] = []
        if perspective is not None:
            from .report import perspective as perspective_report

            views = perspective_report.views_asked(perspective.value)
            party_sections = [lambda out, s=scenario, rs=results: perspective_report.render(s.name, rs, views, lang.value, out)
                              for scenario, results in runs]
            sections[:0] = party_sections

        analyses = None
        if breakeven is not None or sweep or years is not None or sensitivity or simulate is not None \
                or any("targets" in s.extra for s, _ in runs):
            from .analysis import hooks

            analyses = hooks.run(runs, book, breakeven=breakeven, sweep=sweep or [], years=years,
                                 sensitivity=sensitivity, simulate=simulate, seed=seed)
            sections.extend(hooks.sections(analyses, runs, lang.value))
            if format == Format.json:
                from .report import jsonout

                for extra, column in zip((e for es in extras for e in es), analyses.flat()):
                    extra.update(jsonout.analyses_json(column, lang.value))
                if analyses.budgets:
                    top.update(jsonout.budget_json(analyses.budgets, lang.value))

        from .report.safewrite import announce

        if excel is not None:
            # Before any output: a refused or failed export exits 2 with nothing printed.
            from .report import excel as excel_report

            excel_report.write(excel, runs, book, analyses, lang.value, force=force, receipt=receipt, caseload=caseload)
            announce("excel", excel, lang.value)

        if word is not None:
            from .report import word as word_report

            word_report.write(word, runs, lang.value, force=force, receipt=receipt, caseload=caseload)
            announce("word", word, lang.value)

        if chart is not None:
            from .report import chart as chart_report

            title = " + ".join(scenario.name for scenario, _ in runs)
            chart_report.write(chart, [r for _, rs in runs for r in rs], lang.value, force=force, title=title)
            announce("chart", chart, lang.value)

        if format == Format.json:
            from .report import jsonout

            if caseload is not None:
                top["caseload"] = caseload_run.json_part(caseload, lang.value, explain, grouping)
            results = [r for _, rs in runs for r in rs]
            flat_extras = [e for es in extras for e in es]
            origins = [{"scenario": scenario.name, "file": scenario.file,
                        **({"description": scenario.description} if scenario.description else {})}
                       for scenario, rs in runs for _ in rs]
            sys.stdout.write(jsonout.render(results, lang.value, flat_extras, top, receipt, origins))
        elif format == Format.markdown:
            from .report import markdown

            for scenario, results in runs:
                sys.stdout.write(markdown.render(f"{scenario.name}", results, lang.value,
                                                 difference="compare" in scenario.extra, description=scenario.description))
                if views:
                    from .report import perspective as perspective_report

                    sys.stdout.write(perspective_report.markdown(scenario.name, results, views, lang.value))
            if caseload is not None:
                from .report import caseload_report

                sys.stdout.write(caseload_report.markdown(caseload, grouping, lang.value))
            sys.stdout.write(markdown.render_receipt(receipt, lang.value))
        else:
            from .report import terminal

            for scenario, results in runs:
                terminal.render(f"{scenario.name}  ({scenario.file})", results, lang.value,
                                difference="compare" in scenario.extra, description=scenario.description)
            for section in sections:
                section(sys.stdout)
            if caseload is not None:
                caseload_run.print_terminal(caseload, grouping, lang.value, explain)
            terminal.render_receipt(receipt, lang.value)
        sys.stdout.flush()    # here, so a full disk or a closed pipe is met inside the handlers below
    except InputError as exc:
        typer.echo(exc.render(lang.value), err=True)
        raise typer.Exit(2)
    except typer.Exit:
        raise
    except BrokenPipeError:
        # The reader (`| head`) stopped reading: not an error of ours. Silence the final flush.
        from .process import silence_stdout

        silence_stdout()
        raise typer.Exit(0)
    except KeyboardInterrupt as exc:
        # Files are written via safewrite, which removes its temporary file on any exception.
        from .process import Terminated

        how = "SIGTERM" if isinstance(exc, Terminated) else "Ctrl-C"
        typer.echo(f"afgebroken ({how}); er is geen half geschreven bestand achtergebleven" if lang == Lang.nl else
                   f"interrupted ({how}); no half-written file was left behind", err=True)
        raise typer.Exit(143 if isinstance(exc, Terminated) else 130)
    except OSError as exc:
        from . import process

        if exc.errno not in process.OUTPUT_ERRNOS or debug:
            raise
        process.silence_stdout()
        typer.echo(process.output_failed(exc, lang.value), err=True)
        raise typer.Exit(2)
    except Exception as exc:
        if debug:
            raise
        typer.echo((f"Sorry, er ging intern iets mis in beschut-calc {__version__} ({type(exc).__name__}). "
                    "Draai opnieuw met --debug en meld de uitvoer als issue bij het project." if lang == Lang.nl else
                    f"Sorry, beschut-calc {__version__} hit an internal error ({type(exc).__name__}). "
                    "Run again with --debug and report the output as an issue to the project."), err=True)
        raise typer.Exit(1)


parameters_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                             help="De wettabel: elke parameter met waarde, ingangsdatum, bron en status.")


@parameters_app.command(cls=DutchHelpCommand)
def parameters(
    year: Optional[int] = typer.Option(None, "--year", help="Alleen de waarden die in dit jaar gelden (standaard: alle jaren)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (standaard) of json."),
    lang: Lang = typer.Option(Lang.nl, "--lang", help="Taal: nl (standaard) of en."),
):
    """Toon elke parameter met waarde, ingangsdatum, bron en status (bevestigd, niet bevestigd, aanname, doorgetrokken)."""
    from .core.receipt import receipt as make_receipt
    from .inputs.parameter_files import load_parameters
    from .inputs.schema import FIRST_YEAR, LAST_YEAR
    from .report import law_table

    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        typer.echo((f"--year {year}: kies een jaar van {FIRST_YEAR} tot en met {LAST_YEAR}" if lang == Lang.nl else
                    f"--year {year}: choose a year from {FIRST_YEAR} to {LAST_YEAR}"), err=True)
        raise typer.Exit(2)
    book = load_parameters()
    receipt = make_receipt(book, __version__)
    if format == Format.json:
        sys.stdout.write(law_table.to_json(book, year, lang.value, receipt))
    else:
        law_table.render(book, year, lang.value, receipt)


def run():  # console-script entry point
    """`beschut-calc parameters ...` is the law table; anything else is `beschut-calc FILE...`.
    Usage errors are answered in one Dutch line (or English with --lang en), exit 2."""
    from . import process

    UsageError = process.click_exceptions().UsageError
    args = sys.argv[1:]
    lang = process.lang_of(args)
    if not process.prepare_streams():
        if sys.stderr is not None:
            sys.stderr.write("<uitvoer>: de standaarduitvoer is gesloten (stuur de uitvoer naar een bestand: > uitvoer.txt)\n"
                             if lang == "nl" else "<output>: standard output is closed (send the output to a file: > output.txt)\n")
        sys.exit(2)
    process.install_sigterm()
    program = "beschut-calc parameters" if args[:1] == ["parameters"] else "beschut-calc"
    try:
        if args[:1] == ["parameters"]:
            code = parameters_app(args[1:], prog_name=program, standalone_mode=False)
        else:
            code = app(args, prog_name=program, standalone_mode=False)
    except UsageError as exc:
        sys.stderr.write(process.usage_message(exc, lang, program) + "\n")
        sys.exit(2)
    except process.Terminated:
        sys.exit(143)
    except BrokenPipeError:    # `beschut-calc parameters | head`: the reader has all it wants
        process.silence_stdout()
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in process.OUTPUT_ERRNOS:
            raise
        process.silence_stdout()
        sys.stderr.write(process.output_failed(exc, lang) + "\n")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
