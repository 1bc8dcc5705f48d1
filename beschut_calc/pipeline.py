"""One pipeline for every run: load, check, compute one typed `Run`, then let each format render it.

    files + Options --build()--> Run --export()--> workbook, Word annex, chart
                                     --render()--> terminal, JSON or Markdown (report/formats.py)

A caseload scenario, alone or beside ordinary scenarios, takes the same path: `Run.caseload` holds its
result and every format and export reads it from there. Everything that can be refused is checked
before any work, so bad input prints nothing and writes nothing. Heavy modules are imported only
when an option needs them, so a plain table run stays fast (cli.py imports this module at start).
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .core.accounts import EMPLOYER
from .core.errors import InputError

# Analyses of one place; a caseload has totals per year instead.
SINGLE_PLACE_OPTIONS = ("--breakeven", "--sweep", "--sensitivity", "--simulate", "--seed")
GROUPINGS = {"gemeente": "municipality", "werkgever": "employer_model"}


class Options(NamedTuple):
    """What the command line asked for, as plain values (no typer types past cli.py)."""
    format: str = "table"                 # table, json or markdown
    lang: str = "nl"
    explain: bool = False
    perspective: str | None = None        # a party's name, alle/all, or None
    excel: Path | None = None
    word: Path | None = None
    chart: Path | None = None
    force: bool = False
    breakeven: str | None = None
    sweep: tuple[str, ...] = ()
    years: int | None = None
    sensitivity: bool = False
    simulate: int | None = None
    seed: int | None = None
    by: str = "municipality"              # the caseload's grouping; Dutch names accepted

    @property
    def grouping(self) -> str:
        return GROUPINGS.get(self.by, self.by)

    def single_place_asked(self) -> list[str]:
        """The options of one place that were given (refused with a caseload alone), in SINGLE_PLACE_OPTIONS order."""
        asked = (self.breakeven is not None, bool(self.sweep), self.sensitivity, self.simulate is not None, self.seed is not None)
        return [name for name, on in zip(SINGLE_PLACE_OPTIONS, asked) if on]

    def analyses_asked(self) -> bool:
        return bool(self.single_place_asked()) or self.years is not None


class Run:
    """Everything one run computed; formats and exports only read it. `build` fills it in stages."""

    def __init__(self, options: Options, book, receipt):
        self.options = options
        self.book = book                   # core.parameters.ParameterBook
        self.receipt = receipt             # core.receipt.Receipt
        self.scenarios: list = []          # [(Scenario, [Result per column])], in file order
        self.views: list[str] = []         # party views asked with --perspective
        self.analyses = None               # analysis.hooks.Analyses, or None when none ran
        self.caseload = None               # analysis.caseload.CaseloadResult, or None

    @property
    def results(self) -> list:
        return [r for _, rs in self.scenarios for r in rs]


# ---------------------------------------------------------------- load and compute

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


def check_exports(options: Options, inputs: list = ()) -> None:
    """Every export target before any work, so a refused second export never leaves the first one
    written: each one writable, no two the same file, and none of them a file this run reads, even
    with --force (a typo must not replace the scenario or the caseload)."""
    import os

    from .report.safewrite import check_target

    read = {os.path.realpath(str(path)): path for path in inputs}
    seen: dict[str, str] = {}
    for option, target in (("--excel", options.excel), ("--word", options.word), ("--chart", options.chart)):
        if target is None:
            continue
        check_target(Path(target), options.force)
        where = os.path.realpath(str(target))
        if where in seen:
            raise InputError(f"{seen[where]} en {option} schrijven naar hetzelfde bestand", en=f"{seen[where]} and {option} "
                             "write to the same file", file=str(target), key=option,
                             hint="geef elke export een eigen naam", hint_en="give each export a name of its own")
        if where in read:
            raise InputError("dit is een invoerbestand van deze run; het wordt niet overschreven, ook niet met --force",
                             en="this is an input file of this run; it is not overwritten, not even with --force",
                             file=str(target), key=option, hint="kies een andere naam voor de export",
                             hint_en="choose another name for the export")
        seen[where] = option
    if options.chart is not None:
        from .report.chart import check_format

        check_format(options.chart)


def check_columns(options: Options, n_columns: int) -> None:
    """The exports and analyses times the number of ordinary columns, before any calculation."""
    from .core import limits

    if options.excel is not None:
        limits.check(limits.WORKBOOK_COLUMNS, n_columns)
    if options.word is not None or options.chart is not None:
        limits.check(limits.DOCUMENT_COLUMNS, n_columns)
    if options.analyses_asked():
        from .analysis.hooks import check_request

        o = options
        check_request(n_columns, breakeven=o.breakeven, sweep=list(o.sweep), years=o.years, sensitivity=o.sensitivity,
                      simulate=o.simulate, seed=o.seed)


def check_caseload(scenario, *, years: int | None, excel=None, refused: list[str] = ()) -> None:
    """Everything a caseload can refuse, before any work: options, the horizon, the amount of work, the target."""
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


def compute_caseload(scenario, book, years: int | None, lang: str):
    """The caseload's totals per year, with a progress bar on a terminal."""
    from .analysis.caseload import compute as compute_totals
    from .report.caseload_report import Progress

    progress = Progress(lang)
    try:
        return compute_totals(scenario, book, years, progress)
    finally:
        progress.close()


def build(files: list[Path], options: Options) -> Run:
    """Load, check and compute everything the options ask for: the one `Run` every format renders."""
    from . import __version__
    from .core.receipt import receipt as make_receipt
    from .inputs.parameter_files import load_parameters

    o = options
    book = load_parameters()
    run = Run(o, book, make_receipt(book, __version__))
    loaded = load_all(files, o.lang)
    caseload = next((s for s in loaded if is_caseload(s)), None)
    ordinary = [s for s in loaded if not is_caseload(s)]
    check_exports(o, [*files, *([caseload.caseload.file] if caseload is not None else [])])
    if caseload is not None:
        # Beside ordinary scenarios the analyses of one place are theirs; alone, a caseload refuses them.
        check_caseload(caseload, years=o.years, excel=o.excel, refused=[] if ordinary else o.single_place_asked())
    run.scenarios = compute(files, o.lang, book, lambda n: check_columns(o, n), ordinary)
    if caseload is not None:
        run.caseload = compute_caseload(caseload, book, o.years, o.lang)
    if o.perspective is not None and run.scenarios:
        from .report.perspective import views_asked

        run.views = views_asked(o.perspective)
    if run.scenarios and (o.analyses_asked() or any("targets" in s.extra for s, _ in run.scenarios)):
        from .analysis import hooks

        # One party asked with --perspective: the analyses weigh its balance; none or all: the employer's business case.
        weighed = run.views[0] if len(run.views) == 1 and run.views[0] != EMPLOYER else None
        run.analyses = hooks.run(run.scenarios, book, breakeven=o.breakeven, sweep=list(o.sweep), years=o.years,
                                 sensitivity=o.sensitivity, simulate=o.simulate, seed=o.seed, view=weighed)
    return run


# ---------------------------------------------------------------- exports and formats

def export(run: Run) -> list[tuple[str, Path]]:
    """--excel, --word, --chart; before any output, so a failed export prints nothing. Returns what was
    written, to be announced once the files are in place (see `execute`)."""
    o = run.options
    written = []
    if o.excel is not None:
        if run.scenarios:
            from .report import excel as excel_report

            excel_report.write(o.excel, run.scenarios, run.book, run.analyses, o.lang, force=o.force, receipt=run.receipt,
                               caseload=run.caseload)
        else:
            from .report import excel_caseload

            excel_caseload.write(o.excel, run.caseload, run.book, o.lang, force=o.force, receipt=run.receipt)
        written.append(("excel", o.excel))
    if o.word is not None:
        from .report import word as word_report

        word_report.write(o.word, run.scenarios, o.lang, force=o.force, receipt=run.receipt, caseload=run.caseload,
                          analyses=run.analyses)
        written.append(("word", o.word))
    if o.chart is not None:
        from .report import chart as chart_report

        if run.scenarios:
            results, title = run.results, " + ".join(scenario.name for scenario, _ in run.scenarios)
        else:
            results, title = run.caseload.year_results(), run.caseload.scenario.name
        chart_report.write(o.chart, results, o.lang, force=o.force, title=title, per_place=bool(run.scenarios))
        written.append(("chart", o.chart))
    return written


def render(run: Run, out) -> None:
    """The run in the asked format on `out`."""
    from .report import formats

    {"json": formats.json, "markdown": formats.markdown}.get(run.options.format, formats.terminal)(run, out)


def execute(files: list[Path], options: Options, out) -> Run:
    """The whole run: build, export, render. The exports are finished first but moved into place only
    once the output is out (safewrite.deferred): when stdout fails, no export is left behind."""
    from .report.safewrite import announce, deferred

    found = build(files, options)
    with deferred():
        written = export(found)
        render(found, out)
        out.flush()
    for kind, path in written:
        announce(kind, path, options.lang)
    return found
