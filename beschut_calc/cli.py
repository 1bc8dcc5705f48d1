"""The command line: `beschut-calc FILE...` (thin: load, calculate, report)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import InputError

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Businesscase van een beschut-werkplek (Participatiewet): baten, kosten en saldo per plek.")


class Format(str, Enum):
    table = "table"
    json = "json"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def _version(value: bool):
    if value:
        typer.echo(f"beschut-calc {__version__}")
        raise typer.Exit()


def compute(files: list[Path]):
    """Load every file and calculate every column; all-or-nothing, so bad input prints nothing."""
    from .engine import calculate
    from .load import load_scenario
    from .parameters import load_parameters

    book = load_parameters()
    runs = []
    for path in files:
        scenario = load_scenario(path)
        results = []
        for i, placement in enumerate(scenario.placements):
            try:
                results.append(calculate(placement, book))
            except InputError as exc:
                raise scenario.locate(exc, i)
        runs.append((scenario, results))
    return runs


@app.command()
def main(
    files: List[Path] = typer.Argument(..., help="Een of meer scenariobestanden (YAML)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (standaard) of json."),
    lang: Lang = typer.Option(Lang.nl, "--lang", help="Taal van labels en meldingen: nl (standaard) of en."),
    debug: bool = typer.Option(False, "--debug", help="Toon bij een interne fout de volledige traceback."),
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Toon de versie."),
):
    """Bereken baten, kosten en saldo per plek voor elk scenario."""
    try:
        runs = compute(files)
        if format == Format.json:
            from .report import jsonout

            results = [r for _, rs in runs for r in rs]
            sys.stdout.write(jsonout.render(results, lang.value))
        else:
            from .report import terminal

            for scenario, results in runs:
                terminal.render(f"{scenario.name}  ({scenario.file})", results, lang.value)
    except InputError as exc:
        typer.echo(exc.render(lang.value), err=True)
        raise typer.Exit(2)
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception:
        if debug:
            raise
        typer.echo(("Sorry, er ging intern iets mis in beschut-calc " if lang == Lang.nl else
                    "Sorry, beschut-calc hit an internal error ") + f"{__version__}. "
                   + ("Draai opnieuw met --debug en meld de uitvoer als issue bij het project."
                      if lang == Lang.nl else "Run again with --debug and report the output as an issue to the project."),
                   err=True)
        raise typer.Exit(1)


def run():  # console-script entry point
    app()
