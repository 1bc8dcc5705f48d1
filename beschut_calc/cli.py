"""The command line: `beschut-calc FILE...` (thin: options, errors and wiring).

One pipeline (pipeline.py) loads, checks and computes one `Run` and lets each format and
export render it; every feature (explain, break-even, sweeps, projections, budgets, caseloads,
Excel, Word, charts) lives in its own module. This file only parses options, hands them to the
pipeline and turns errors into one line and an exit code. Heavy modules are imported only when
their option is used, so a plain table run stays fast.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .core.errors import InputError
from . import pipeline
from .pipeline import compute, load_all  # noqa: F401  (the library entry points, as before)

class DutchHelpCommand(typer.core.TyperCommand):
    """--help with click's own words (Usage, Options, [required], ...) in Dutch too."""

    def get_help(self, ctx) -> str:
        from .process import help_in_dutch

        for param in self.params:
            template = HELP_TEMPLATES.setdefault((self.name, param.name), getattr(param, "help", None) or "")
            if "{" in template:
                param.help = template.format(**declared_lists())
        return help_in_dutch(super().get_help(ctx))


HELP_TEMPLATES: dict[tuple, str] = {}     # an option's help as written, with {breakeven} or {sweep} to fill in


def declared_lists() -> dict[str, str]:
    """The inputs --breakeven and --sweep take, from their declarations (read only when --help is asked)."""
    from .inputs import declared

    def listed(names) -> str:
        return ", ".join(names[:-1]) + " of " + names[-1] if len(names) > 1 else "".join(names)

    return {"breakeven": listed(declared.solvable()), "sweep": listed(declared.sweepable())}


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


@app.command(cls=DutchHelpCommand)
def main(
    files: List[Path] = typer.Argument(..., metavar="BESTAND", help="Een of meer scenariobestanden (YAML)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (standaard), json of markdown."),
    lang: Lang = typer.Option(Lang.nl, "--lang", help="Taal van labels en meldingen: nl (standaard) of en."),
    explain: bool = typer.Option(False, "--explain", help="Toon per post de regel, de gebruikte parameters en hun bronnen."),
    perspective: Optional[Perspective] = typer.Option(None, "--perspective", metavar="PARTIJ",
                                            help="Toon ook wat een partij ontvangt en betaalt en haar saldo: werkgever, gemeente, "
                                                 "rijk, werknemer, maatschappij (alle partijen samen) of alle. Met één partij "
                                                 "wegen de analyses (break-even, rooster, gevoeligheid, simulatie) haar saldo."),
    excel: Optional[Path] = typer.Option(None, "--excel", metavar="PAD", help="Schrijf ook een Excel-werkmap met formules, bronnen en grafiek naar dit pad."),
    word: Optional[Path] = typer.Option(None, "--word", metavar="PAD", help="Schrijf ook een Word-bijlage voor een raadsvoorstel (.docx): invoer, tabel, grafiek, aannames, bronnen."),
    chart: Optional[Path] = typer.Option(None, "--chart", metavar="PAD", help="Schrijf ook de grafiek van baten en kosten per kolom (.png of .svg)."),
    force: bool = typer.Option(False, "--force", help="Overschrijf een bestaand bestand (--excel, --word, --chart)."),
    breakeven: Optional[str] = typer.Option(None, "--breakeven", metavar="PARAM",
                                            help="Zoek per kolom de waarde van PARAM waarbij het saldo 0 is: {breakeven}."),
    sweep: Optional[List[str]] = typer.Option(None, "--sweep", metavar="PARAM=START:STOP:STAP",
                                              help="Saldo over een rooster, één of twee keer, bijv. --sweep hours=24:40:1 --sweep wage_value=10%:50%:5%. "
                                                   "PARAM: {sweep}."),
    years: Optional[int] = typer.Option(None, "--years", metavar="N", help="Volg de plek N kalenderjaren vanaf het jaar van het scenario."),
    sensitivity: bool = typer.Option(False, "--sensitivity", help="Tornado: het saldo met elke onzekere invoer op zijn lage en hoge waarde."),
    simulate: Optional[int] = typer.Option(None, "--simulate", metavar="N", help="Trek N scenario's uit de bereiken: P5, P50, P95 en kans op tekort."),
    seed: Optional[int] = typer.Option(None, "--seed", metavar="S", help="Startwaarde van de trekkingen (standaard 1), zodat een memo na te rekenen is."),
    by: By = typer.Option(By.municipality, "--by", help="Caseload: totalen per municipality (gemeente, standaard) of per employer_model."),
    debug: bool = typer.Option(False, "--debug", help="Toon bij een interne fout de volledige traceback."),
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Toon de versie."),
):
    """Bereken baten, kosten en saldo per plek voor elk scenario.

    Beginnen: cp scenarios/sjabloon.yaml mijn-gemeente.yaml en pas de waarden aan. De wettabel (elke
    parameter met waarde, datum, bron en status): beschut-calc parameters --year 2026 (ook -f json of -f markdown).
    """
    try:
        options = pipeline.Options(format=format.value, lang=lang.value, explain=explain,
                                   perspective=perspective.value if perspective is not None else None,
                                   excel=excel, word=word, chart=chart, force=force, breakeven=breakeven, sweep=tuple(sweep or ()),
                                   years=years, sensitivity=sensitivity, simulate=simulate, seed=seed, by=by.value)
        pipeline.execute(files, options, sys.stdout)
        sys.stdout.flush()    # here, so a full disk or a closed pipe is met inside the handlers below
    except InputError as exc:
        from .process import say

        say(exc.render(lang.value))
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

        from .process import say

        how = "SIGTERM" if isinstance(exc, Terminated) else "Ctrl-C"
        say(f"afgebroken ({how}); er is geen half geschreven bestand achtergebleven" if lang == Lang.nl else
            f"interrupted ({how}); no half-written file was left behind")
        raise typer.Exit(143 if isinstance(exc, Terminated) else 130)
    except OSError as exc:
        from . import process

        if exc.errno not in process.OUTPUT_ERRNOS or debug:
            raise
        process.silence_stdout()
        process.say(process.output_failed(exc, lang.value))
        raise typer.Exit(2)
    except Exception as exc:
        if debug:
            raise
        from .process import say

        say(f"Sorry, er ging intern iets mis in beschut-calc {__version__} ({type(exc).__name__}). "
            "Draai opnieuw met --debug en meld de uitvoer als issue bij het project." if lang == Lang.nl else
            f"Sorry, beschut-calc {__version__} hit an internal error ({type(exc).__name__}). "
            "Run again with --debug and report the output as an issue to the project.")
        raise typer.Exit(1)


parameters_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                             help="De wettabel: elke parameter met waarde, ingangsdatum, bron en status.")


@parameters_app.command(cls=DutchHelpCommand)
def parameters(
    year: Optional[int] = typer.Option(None, "--year", help="Alleen de waarden die in dit jaar gelden (standaard: alle jaren)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (standaard), json of markdown."),
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
    elif format == Format.markdown:
        sys.stdout.write(law_table.markdown(book, year, lang.value, receipt))
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
        process.say(process.usage_message(exc, lang, program))
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
        process.say(process.output_failed(exc, lang))
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
