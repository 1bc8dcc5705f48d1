"""Terminal output for the analyses (rich), printed after the main table via the CLI's `sections`."""
from __future__ import annotations

from decimal import Decimal

from ..core.accounts import SHORT, VIEWS
from ..core.notices import parameter_warning
from ..core.text import Text, euro, number, percent
from ..inputs.declared import get as declared
from .layout import fit_blocks, print_wrapped, wrap_units
from .perspective import weighed
from .rich_text import bold, console, signed, styled

MAX_ROWS, MAX_COLS = 60, 12
WIDTH = 160    # of redirected output; the analyses are wider than the main table


def _coloured(amount, lang: str):
    return signed(euro(Decimal(str(amount)) if not isinstance(amount, Decimal) else amount, lang))


# ---------------------------------------------------------------- break-even

def breakeven_heading(parameter: str, lang: str) -> str:
    inp = declared(parameter)
    return (f"{'Break-even' if lang == 'en' else 'Sluitend bij (break-even)'}: {inp.label(lang)}"
            + (" (zonder afronding)" if lang == "nl" else " (rounding off)"))


def breakeven_line(column: str, be, lang: str) -> str:
    """'31 uur: saldo 0 bij € 12.607 (nu € 13.000, saldo -€ 338)'."""
    inp = declared(be.parameter)
    now = f"{'nu' if lang == 'nl' else 'now'} {inp.fmt(be.current, lang)}, {'saldo' if lang == 'nl' else 'balance'} {euro(be.balance_now, lang)}"
    if be.value is None:
        return f"{column}: {be.reason(lang)} ({now})"
    text = f"{column}: {'saldo 0 bij' if lang == 'nl' else 'balance 0 at'} {inp.fmt(be.value, lang)} ({now})"
    if be.method == "jump":
        text += f" — {be.reason(lang)}"
    if be.others:
        also = ", ".join(inp.fmt(v, lang) for v in be.others)
        text += f"; {'ook bij' if lang == 'nl' else 'also at'} {also}"
    return text


def render_breakeven(items, lang: str, out) -> None:
    """items: [(scenario name, column name, BreakEven)] — one line per column."""
    con = console(out, WIDTH)
    if not items:
        return
    print_wrapped(con, breakeven_heading(items[0][2].parameter, lang), style="bold")
    for scenario, column, be in items:
        print_wrapped(con, "  " + breakeven_line(column, be, lang), indent="    ")


# ---------------------------------------------------------------- sweeps

def _axis_text(name: str, value, lang: str) -> str:
    inp = declared(name)
    return inp.fmt(Decimal(str(value)), lang)


def _thin(n: int, limit: int) -> list[int]:
    if n <= limit:
        return list(range(n))
    step = -(-n // limit)
    idx = list(range(0, n, step))
    if idx[-1] != n - 1:
        idx.append(n - 1)
    return idx


def _amount_cell(text):
    """An amount's cell: rich may not wrap it ('-€' and '4.417' on two lines)."""
    text.no_wrap = True
    return text


def hours_down(axes, columns, balance):
    """A sweep's grid with hours down and wage value across when both are swept, whatever their order
    on the command line; any other grid as it is."""
    if [a.name for a in axes] != ["wage_value", "hours"]:
        return axes, columns, balance
    import numpy as np

    balance = balance.reshape(axes[0].count, axes[1].count).T.ravel()
    axes = axes[::-1]
    columns = [m.ravel() for m in np.meshgrid(axes[0].values(), axes[1].values(), indexing="ij")]
    return axes, columns, balance


def render_sweep(title: str, axes, columns, balance, lang: str, out) -> None:
    from rich import box
    from rich.table import Table

    con = console(out, WIDTH)
    axes, columns, balance = hours_down(axes, columns, balance)
    caption = Text("saldo per plek per jaar; rood = tekort, groen = sluitend",
                   "balance per placement per year; red = deficit, green = breaks even")(lang)
    if len(axes) == 1:
        rows = _thin(axes[0].count, MAX_ROWS)
        table = Table(title=styled(title), box=box.SIMPLE_HEAVY, title_justify="left", caption=caption)
        table.add_column(declared(axes[0].name).label(lang), justify="right")
        table.add_column(Text("Saldo", "Balance")(lang), justify="right", no_wrap=True)
        for i in rows:
            table.add_row(_axis_text(axes[0].name, columns[0][i], lang), _amount_cell(_coloured(balance[i], lang)))
        con.print(table)
        return
    a, b = axes
    rows, cols = _thin(a.count, MAX_ROWS), _thin(b.count, MAX_COLS)
    if len(rows) < a.count or len(cols) < b.count:
        caption += Text(f"; {len(rows)} van {a.count} rijen en {len(cols)} van {b.count} kolommen getoond, alle punten met -f json",
                        f"; {len(rows)} of {a.count} rows and {len(cols)} of {b.count} columns shown, every point with -f json")(lang)
    cells = {(i, j): _coloured(balance[i * b.count + j], lang) for i in rows for j in cols}
    heads = {j: _axis_text(b.name, columns[1][j], lang) for j in cols}
    needs = [max(len(heads[j]), *(len(cells[i, j].plain) for i in rows)) for j in cols]
    corner = f"{declared(a.name).label(lang)} \\ {declared(b.name).label(lang)}"
    row_heads = {i: _axis_text(a.name, columns[0][i * b.count], lang) for i in rows}
    # the corner's words may wrap; the row heads ('24 uur') may not
    first = max(max(len(t) for t in row_heads.values()), max(map(len, corner.split())), 12)
    blocks = fit_blocks(first + 4, needs, con.width)
    for k, block in enumerate(blocks):
        part = title if len(blocks) == 1 else f"{title} — {k + 1}/{len(blocks)}"
        table = Table(title=styled(part), box=box.SIMPLE_HEAVY, title_justify="left", caption=caption)
        table.add_column(corner, justify="right", min_width=first)
        shown = [cols[n] for n in block]
        for n in block:
            table.add_column(heads[cols[n]], justify="right", no_wrap=True, width=needs[n])
        for i in rows:
            table.add_row(_amount_cell(styled(row_heads[i])), *[_amount_cell(cells[i, j]) for j in shown])
        con.print(table)


# ---------------------------------------------------------------- multi-year

LABEL_MIN = 22


def render_years(title: str, years, lang: str, out) -> None:
    """The years side by side, in blocks of years that fit the width (each with every row); the
    warnings after, each once: one that names its year is said once for the span (analysis/caseload.py)."""
    from rich import box
    from rich.table import Table

    from ..report.labels import HEADINGS

    con = console(out, WIDTH)
    rows = year_rows(years, lang)
    needs = [max(len(str(y.year)), *(len(cells[i]) for _, _, cells in rows if cells)) for i, y in enumerate(years)]
    blocks = fit_blocks(LABEL_MIN + 4, needs, con.width)
    for k, block in enumerate(blocks):
        part = title if len(blocks) == 1 else f"{title} — {k + 1}/{len(blocks)}"
        table = Table(title=styled(part), box=box.SIMPLE_HEAVY, title_justify="left", caption=HEADINGS["per_year"](lang))
        table.add_column(HEADINGS["line"](lang), overflow="fold", min_width=LABEL_MIN)
        for n in block:
            table.add_column(str(years[n].year), justify="right", no_wrap=True, width=needs[n])
        for kind, text, cells in rows:
            if kind == "section":
                table.add_section()
                continue
            shown = [cells[n] for n in block]
            if kind in ("heading", "total"):
                table.add_row(bold(text), *[_amount_cell(bold(c)) for c in shown])
            elif kind == "balance":
                table.add_row(bold(text) if not text.startswith("  ") else styled(text),
                              *[_amount_cell(signed(c)) for c in shown])
            else:
                table.add_row(styled(text), *[_amount_cell(styled(c)) for c in shown])
        con.print(table)
    if years[0].rate is not None:
        print_wrapped(con, present_value_sentence(years, lang))
    found = year_warnings(years, lang)
    if found:
        con.print(bold(HEADINGS["warnings"](lang)))
        for text in found:
            print_wrapped(con, text)


def year_rows(years, lang: str) -> list[tuple[str, str, list[str]]]:
    """The multi-year table as (kind, label, a text per year); kind 'section' separates blocks."""
    from ..report.labels import HEADINGS, line_label

    keys: list = []
    for side in ("benefit", "cost"):
        for y in years:
            for line in y.result.lines:
                if line.side == side and line.key not in keys:
                    keys.append(line.key)

    def amount(y, key):
        for line in y.result.lines:
            if line.key == key:
                return euro(line.amount, lang)
        return "-"

    def label(key):
        for y in years:
            for line in y.result.lines:
                if line.key == key:
                    return line_label(line, lang)
        return key

    rows: list[tuple[str, str, list[str]]] = []
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        rows.append(("heading", HEADINGS[heading](lang), [""] * len(years)))
        for key in keys:
            if any(line.key == key and line.side == side for y in years for line in y.result.lines):
                rows.append(("line", "  " + label(key), [amount(y, key) for y in years]))
        rows.append(("total", HEADINGS[total_key](lang), [euro(total(y.result), lang) for y in years]))
        rows.append(("section", "", []))
    rows.append(("balance", HEADINGS["balance"](lang), [euro(y.result.balance, lang) for y in years]))
    rows.append(("balance", Text("Cumulatief saldo", "Cumulative balance")(lang), [euro(y.cumulative, lang) for y in years]))
    rows.append(("section", "", []))
    # Every party's balance per year, from its books (core/books.py), as --perspective shows one year.
    rows.append(("heading", Text("Saldo per partij", "Balance per party")(lang), [""] * len(years)))
    books = [y.result.views() for y in years]
    for view in VIEWS:
        rows.append(("balance", "  " + view.label(lang), [euro(book[view.key].balance, lang) for book in books]))
    return rows


def present_value_sentence(years, lang: str) -> str:
    """The balances over the years discounted to the first year, one sentence (issue 22): a total over
    the years, so not a cell of any one year's column."""
    from ..analysis.projection import present_value

    rate = years[0].rate
    parts = "; ".join(f"{SHORT[view.key](lang)} {euro(present_value(years, view.key), lang)}" for view in VIEWS)
    return Text(f"Contante waarde over {years[0].year}-{years[-1].year} tegen een discontovoet van {percent(rate.value, 'nl')} "
                f"(elk jaar na het eerste verdisconteerd naar {years[0].year}): {parts}.",
                f"Present value over {years[0].year}-{years[-1].year} at a discount rate of {percent(rate.value, 'en')} "
                f"(each year after the first discounted to {years[0].year}): {parts}.")(lang)


def year_warnings(years, lang: str, words: bool = False) -> list[str]:
    """'1. text [2027-2030]': each warning once; one that names its year is said once for the span."""
    from ..analysis.caseload import across_years
    from .labels import in_words

    found = across_years([(w, y.year) for y in years for w in y.result.warnings])
    # the discount rate of the present value is flagged like any other value (it weighs every year)
    rate = years[0].rate if years else None
    flagged = parameter_warning(rate) if rate is not None else None
    if flagged is not None and all(w != flagged for w, _ in found):
        found.append((flagged, [y.year for y in years]))
    all_years = [y.year for y in years]
    out = []
    for i, (w, ys) in enumerate(found, 1):
        where = "" if ys == all_years else f" [{year_span(ys)}]"
        out.append(f"{i}. {in_words(w(lang), lang) if words else w(lang)}{where}")
    return out


def year_span(years: list[int]) -> str:
    """'2027-2030' for consecutive years, '2026, 2028' otherwise."""
    years = sorted(years)
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))


# ---------------------------------------------------------------- budget

BUDGET_COLUMNS = (
    ("participation_budget", Text("Particip.budget", "Particip. budget")),
    ("buig", Text("BUIG", "BUIG")),
    ("rijk_bonus", Text("Bonus rijk", "Bonus")),
    ("lks", Text("LKS", "LKS")),
    ("regional_subsidies", Text("Subsidies", "Subsidies")),
    ("one_off", Text("Voortr.+meting", "Pre-traj.+meas.")),
    ("employer_balance", Text("Saldo werkg.", "Employers")),
    ("municipal_net", Text("Saldo gemeente", "Municipal net")),
    ("society_net", Text("Saldo maatsch.", "Society")),
)


def budget_note(budget) -> Text:
    bears = any(row.bears_employer_balance for row in budget.rows)
    return Text("Saldo gemeente = participatiebudget + BUIG + bonus rijk − LKS − subsidies − voortraject en loonwaardemeting" + (" + saldo werkgevers (de gemeente draagt het tekort van de werkgever)" if bears else "")
                + "; het saldo van de maatschappij is dat van alle partijen samen (wat zij elkaar betalen valt weg)"
                + ". Voortraject en loonwaardemeting één keer per nieuwe plek; de bonus van het Rijk wordt achteraf uitgekeerd (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §6.1).",
                "Municipal net = participation budget + BUIG + national bonus − LKS − subsidies − pre-trajectory and measurement" + (" + employer balance (the municipality carries the employer's deficit)" if bears else "")
                + "; society's balance is that of all parties together (what they pay each other cancels out)"
                + ". One pre-trajectory and one wage-value measurement per new place; the national bonus is paid afterwards (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §6.1).")


def render_budget(title: str, budget, lang: str, out) -> None:
    """One table per column and year; its amount columns in blocks that fit the width, each block with
    the municipality and the places, so no amount is cut off."""
    from rich import box
    from rich.table import Table

    from ..report.labels import HEADINGS

    con = console(out, 190)
    groups: dict[tuple[str, int], list] = {}
    for row in budget.rows:
        groups.setdefault((row.column, row.year), []).append(row)
    several = len({column for column, _ in groups}) > 1
    for (column, year), rows in groups.items():
        place = f" ({column})" if several else ""
        heading = Text(f"Taakstelling {year}{place} — {title}", f"Target {year}{place} — {title}")(lang)
        lines = []
        for row in rows:
            a = dict(row.amounts, one_off=row.amounts["pre_trajectory"] + row.amounts["wage_value_measurement"])
            name = (Text("Totaal", "Total")(lang) if row.total else row.municipality) if budget.per_municipality else None
            lines.append((row, name, f"{number(Decimal(row.places), lang)} (+{number(Decimal(row.new_places), lang)})",
                          [euro(a[key], lang) for key, _ in BUDGET_COLUMNS]))
        heads = [label(lang) for _, label in BUDGET_COLUMNS]
        needs = [max(max(map(len, heads[k].split())), *(len(cells[k]) for *_, cells in lines)) for k in range(len(heads))]
        first = [max(len(Text("Plekken", "Places")(lang)), *(len(places) for _, _, places, _ in lines))]
        if budget.per_municipality:
            first.insert(0, max(len(Text("Gemeente", "Municipality")(lang)), *(len(name) for _, name, _, _ in lines)))
        blocks = fit_blocks(1 + sum(w + 3 for w in first), needs, con.width)
        for k, block in enumerate(blocks):
            part = heading if len(blocks) == 1 else f"{heading} — {k + 1}/{len(blocks)}"
            table = Table(title=styled(part), box=box.SIMPLE_HEAVY, title_justify="left")
            if budget.per_municipality:
                table.add_column(Text("Gemeente", "Municipality")(lang), no_wrap=True, min_width=first[0])
            table.add_column(Text("Plekken", "Places")(lang), justify="right", no_wrap=True, min_width=first[-1])
            for n in block:
                table.add_column(heads[n], justify="right", width=needs[n])
            for row, name, places, cells in lines:
                if row.total:
                    table.add_section()
                shown = [_amount_cell(signed(cells[n]) if BUDGET_COLUMNS[n][0].endswith(("_balance", "_net"))
                                      else styled(cells[n])) for n in block]
                out_cells = [styled(places), *shown]
                if budget.per_municipality:
                    out_cells.insert(0, styled(name))
                if row.total:
                    out_cells = [_amount_cell(bold(c.plain)) for c in out_cells]
                table.add_row(*out_cells)
            con.print(table)
    note = budget_note(budget)
    print_wrapped(con, note(lang))
    if budget.warnings:
        con.print(bold(HEADINGS["warnings"](lang)))
        for i, w in enumerate(budget.warnings, 1):
            print_wrapped(con, f"{i}. {w(lang)}")


# ---------------------------------------------------------------- sensitivity (tornado) and simulation

BAR_WIDTH = 24


def render_tornado(title: str, bars, lang: str, out) -> None:
    """A bar per input: left of the centre the balance at the low value, right at the high value. The bars
    narrow to fit the width; the values go on a line of their own when they do not fit beside the bar."""
    from rich.text import Text as RichText

    con = console(out, WIDTH)
    print_wrapped(con, Text(f"Gevoeligheid (tornado): {title}", f"Sensitivity (tornado): {title}")(lang), style="bold")
    if not bars:
        print_wrapped(con, Text("geen onzekere invoer die deze kolom raakt", "no uncertain input affects this column")(lang))
        return
    centre = bars[0].balance_central
    widest = max((max(abs(b.balance_low - centre), abs(b.balance_high - centre)) for b in bars), default=Decimal(0)) or Decimal(1)
    print_wrapped(con, Text(f"saldo nu {euro(centre, lang)}; een balk naar rechts = hoger saldo, naar links = lager saldo",
                            f"balance now {euro(centre, 'en')}; a bar to the right = higher balance, to the left = lower balance")(lang))
    name_width = max(len(declared(b.parameter).label(lang)) for b in bars)
    half = max(4, min(BAR_WIDTH, (con.width - name_width - 3) // 2))
    for bar in bars:
        inp = declared(bar.parameter)
        ends = [(bar.balance_low, inp.fmt(bar.low, lang)), (bar.balance_high, inp.fmt(bar.high, lang))]
        cells = [" "] * (2 * half + 1)
        cells[half] = "│"
        for balance, _ in ends:
            length = int(round(float(abs(balance - centre) / widest) * half))
            for k in range(1, length + 1):
                index = half - k if balance < centre else half + k
                cells[index] = "█"
        values = f"{ends[0][1]}: {euro(bar.balance_low, lang)}  ·  {ends[1][1]}: {euro(bar.balance_high, lang)}"
        flips = ("  ⇄ " + Text("oordeel kantelt", "verdict flips")(lang)) if bar.flips else ""
        line = RichText(f"{inp.label(lang):<{name_width}}  ")
        line.append("".join(cells), style="cyan")
        if name_width + 2 + len(cells) + 2 + len(values) + len(flips) <= con.width:
            line.append(f"  {values}")
            if flips:
                line.append(flips, style="bold red")
            con.print(line, no_wrap=True, overflow="ignore", crop=False)
            continue
        con.print(line, no_wrap=True, overflow="ignore", crop=False)
        below = RichText()
        for k, text in enumerate(wrap_units("    " + values, con.width, "    ")):
            below.append(("\n" if k else "") + text)
        if flips and len(below.plain.split("\n")[-1]) + len(flips) <= con.width:
            below.append(flips, style="bold red")
        elif flips:
            below.append("\n   " + flips, style="bold red")
        con.print(below, no_wrap=True, overflow="ignore", crop=False)


def render_simulation(title: str, sim, lang: str, out) -> None:
    from rich.text import Text as RichText

    con = console(out, WIDTH)
    print_wrapped(con, Text(f"Simulatie: {title}", f"Simulation: {title}")(lang), style="bold")
    print_wrapped(con, Text(f"{number(Decimal(sim.n), lang)} trekkingen, seed {sim.seed}; driehoeksverdelingen (laag, eigen waarde, hoog) "
                            f"voor: {', '.join(declared(name).label(lang) for name in sim.inputs)}",
                            f"{number(Decimal(sim.n), 'en')} draws, seed {sim.seed}; triangular distributions (low, own value, high) "
                            f"for: {', '.join(declared(name).label('en') for name in sim.inputs)}")(lang))
    print_wrapped(con, Text(f"saldo: P5 {euro(Decimal(str(sim.p5)), lang)}, P50 {euro(Decimal(str(sim.p50)), lang)}, "
                            f"P95 {euro(Decimal(str(sim.p95)), lang)}; kans op tekort {number(Decimal(str(sim.deficit_share * 100)), lang, 1)} %",
                            f"balance: P5 {euro(Decimal(str(sim.p5)), 'en')}, P50 {euro(Decimal(str(sim.p50)), 'en')}, "
                            f"P95 {euro(Decimal(str(sim.p95)), 'en')}; chance of a deficit {number(Decimal(str(sim.deficit_share * 100)), 'en', 1)}%")(lang))
    most = max((count for _, _, count in sim.histogram), default=0) or 1
    for start, end, count in sim.histogram:
        bar = "█" * int(round(count / most * 30))
        label = f"{euro(Decimal(str(start)), lang):>10} … {euro(Decimal(str(end)), lang):>10}"
        line = RichText(f"  {label}  ")
        line.append(bar, style="red" if end <= -0.5 else "green" if start >= -0.5 else "yellow")
        line.append(f" {count}")
        con.print(line, no_wrap=True, overflow="ignore", crop=False)


# ---------------------------------------------------------------- the analyses in a document (Word, Markdown)

from dataclasses import dataclass, field as _field


@dataclass
class DocTable:
    """A table of text for a document: `fixed` leading text columns, the rest amounts (right-aligned);
    `bold`: the indices in `rows` (0 = the first row under the header) printed bold."""
    headers: list[str]
    rows: list[list[str]]
    fixed: int = 1
    bold: set = _field(default_factory=set)
    title: str = ""


@dataclass
class DocSection:
    title: str
    before: list[str] = _field(default_factory=list)
    tables: list[DocTable] = _field(default_factory=list)
    after: list[str] = _field(default_factory=list)


def document_sections(analyses, runs, lang: str) -> list[DocSection]:
    """The analyses as the terminal shows them (same order, same words and amounts), as sections of text
    and tables for the Word annex and Markdown. Parameters by their labels, warnings in words."""
    from .labels import HEADINGS, in_words

    out: list[DocSection] = []
    pairs = [(scenario, result, column) for (scenario, results), cs in zip(runs, analyses.columns)
             for result, column in zip(results, cs)]
    own = (lambda s, r: r.placement.name) if len(runs) == 1 else (lambda s, r: f"{s.name} — {r.placement.name}")
    breakevens = [(r.placement.name, c.breakeven) for s, r, c in pairs if c.breakeven is not None]
    if breakevens:
        out.append(DocSection(breakeven_heading(breakevens[0][1].parameter, lang),
                              before=[breakeven_line(name, be, lang) for name, be in breakevens]))
    for scenario, result, column in pairs:
        if column.sweep is not None:
            out.append(_sweep_section(f"{Text('Rooster', 'Grid')(lang)}: {own(scenario, result)}{weighed(column.view, lang)}",
                                      column.sweep, lang))
    for scenario, result, column in pairs:
        if column.years:
            ys = column.years
            rows = year_rows(ys, lang)
            table = DocTable([HEADINGS["line"](lang), *(str(y.year) for y in ys)], [], bold=set())
            for kind, text, cells in rows:
                if kind == "section":
                    continue
                if kind in ("heading", "total") or (kind == "balance" and not text.startswith("  ")):
                    table.bold.add(len(table.rows))
                table.rows.append([text, *cells])
            warnings = year_warnings(ys, lang, words=True)
            out.append(DocSection(Text(f"Meerjarig: {own(scenario, result)}, {ys[0].year}-{ys[-1].year}",
                                       f"Multi-year: {own(scenario, result)}, {ys[0].year}-{ys[-1].year}")(lang),
                                  before=[HEADINGS["per_year"](lang)[:1].upper() + HEADINGS["per_year"](lang)[1:] + "."],
                                  tables=[table],
                                  after=([present_value_sentence(ys, lang)] if ys[0].rate is not None else [])
                                  + (([HEADINGS["warnings"](lang) + ":"] + warnings) if warnings else [])))
    for scenario, result, column in pairs:
        if column.sensitivity is not None:
            out.append(_tornado_section(f"{Text('Gevoeligheid', 'Sensitivity')(lang)}: {own(scenario, result)}"
                                        f"{weighed(column.view, lang)}",
                                        column.sensitivity, lang))
    for scenario, result, column in pairs:
        if column.simulation is not None:
            out.append(_simulation_section(f"{Text('Simulatie', 'Simulation')(lang)}: {own(scenario, result)}"
                                           f"{weighed(column.view, lang)}",
                                           column.simulation, lang))
    for name, budget in analyses.budgets:
        section = DocSection(Text(f"Taakstelling — {name}", f"Target — {name}")(lang))
        groups: dict[tuple[str, int], list] = {}
        for row in budget.rows:
            groups.setdefault((row.column, row.year), []).append(row)
        several = len({c for c, _ in groups}) > 1
        for (column_name, year), rows in groups.items():
            headers = ([Text("Gemeente", "Municipality")(lang)] if budget.per_municipality else []) + \
                [Text("Plekken", "Places")(lang)] + [label(lang) for _, label in BUDGET_COLUMNS]
            table = DocTable(headers, [], fixed=2 if budget.per_municipality else 1,
                             title=f"{year}" + (f" ({column_name})" if several else ""))
            for row in rows:
                a = dict(row.amounts, one_off=row.amounts["pre_trajectory"] + row.amounts["wage_value_measurement"])
                cells = [f"{number(Decimal(row.places), lang)} (+{number(Decimal(row.new_places), lang)})",
                         *(euro(a[key], lang) for key, _ in BUDGET_COLUMNS)]
                if budget.per_municipality:
                    cells.insert(0, Text("Totaal", "Total")(lang) if row.total else row.municipality)
                if row.total:
                    table.bold.add(len(table.rows))
                table.rows.append(cells)
            section.tables.append(table)
        section.after.append(budget_note(budget)(lang))
        if budget.warnings:
            section.after.append(HEADINGS["warnings"](lang) + ":")
            section.after.extend(f"{i}. {in_words(w(lang), lang)}" for i, w in enumerate(budget.warnings, 1))
        out.append(section)
    return out


def _sweep_section(title: str, sweep, lang: str) -> DocSection:
    axes, columns, balance = hours_down(sweep.axes, sweep.columns, sweep.balance)
    caption = Text("Saldo per plek per jaar; een negatief bedrag is een tekort.",
                   "Balance per placement per year; a negative amount is a deficit.")(lang)
    euro_of = lambda v: euro(Decimal(str(v)), lang)
    if len(axes) == 1:
        rows = _thin(axes[0].count, MAX_ROWS)
        table = DocTable([declared(axes[0].name).label(lang), Text("Saldo", "Balance")(lang)],
                         [[_axis_text(axes[0].name, columns[0][i], lang), euro_of(balance[i])] for i in rows])
    else:
        a, b = axes
        rows, cols = _thin(a.count, MAX_ROWS), _thin(b.count, MAX_COLS)
        if len(rows) < a.count or len(cols) < b.count:
            caption += Text(f" {len(rows)} van {a.count} rijen en {len(cols)} van {b.count} kolommen getoond.",
                            f" {len(rows)} of {a.count} rows and {len(cols)} of {b.count} columns shown.")(lang)
        table = DocTable([f"{declared(a.name).label(lang)} \\ {declared(b.name).label(lang)}",
                          *(_axis_text(b.name, columns[1][j], lang) for j in cols)],
                         [[_axis_text(a.name, columns[0][i * b.count], lang), *(euro_of(balance[i * b.count + j]) for j in cols)]
                          for i in rows])
    return DocSection(title, before=[caption], tables=[table])


def _tornado_section(title: str, bars, lang: str) -> DocSection:
    if not bars:
        return DocSection(title, before=[Text("Geen onzekere invoer raakt deze kolom.", "No uncertain input affects this column.")(lang)])
    centre = bars[0].balance_central
    table = DocTable([Text("Invoer", "Input")(lang), Text("Laag", "Low")(lang), Text("Saldo bij laag", "Balance at low")(lang),
                      Text("Hoog", "High")(lang), Text("Saldo bij hoog", "Balance at high")(lang),
                      Text("Verschil", "Swing")(lang), Text("Oordeel kantelt", "Verdict flips")(lang)], [])
    for bar in bars:
        inp = declared(bar.parameter)
        table.rows.append([inp.label(lang)[:1].upper() + inp.label(lang)[1:], inp.fmt(bar.low, lang), euro(bar.balance_low, lang),
                           inp.fmt(bar.high, lang), euro(bar.balance_high, lang), euro(bar.swing, lang),
                           Text("ja", "yes")(lang) if bar.flips else Text("nee", "no")(lang)])
    before = Text(f"Het saldo nu is {euro(centre, lang)}. Per invoer het saldo met die invoer op zijn lage en op zijn hoge "
                  "waarde (de andere op de eigen waarde van de kolom), zonder afronding, gesorteerd op het verschil.",
                  f"The balance now is {euro(centre, 'en')}. Per input the balance with that input at its low and at its high "
                  "value (the others at the column's own value), rounding off, sorted by the swing.")(lang)
    return DocSection(title, before=[before], tables=[table])


def _simulation_section(title: str, sim, lang: str) -> DocSection:
    inputs = ", ".join(declared(name).label(lang) for name in sim.inputs)
    euro_of = lambda v: euro(Decimal(str(v)), lang)
    before = [Text(f"{number(Decimal(sim.n), 'nl')} trekkingen (seed {sim.seed}) uit driehoeksverdelingen (laag, eigen waarde, "
                   f"hoog) voor: {inputs}.",
                   f"{number(Decimal(sim.n), 'en')} draws (seed {sim.seed}) from triangular distributions (low, own value, "
                   f"high) for: {inputs}.")(lang),
              Text(f"Saldo: P5 {euro_of(sim.p5)}, P50 {euro_of(sim.p50)}, P95 {euro_of(sim.p95)}; kans op tekort "
                   f"{number(Decimal(str(sim.deficit_share * 100)), 'nl', 1)} %.",
                   f"Balance: P5 {euro_of(sim.p5)}, P50 {euro_of(sim.p50)}, P95 {euro_of(sim.p95)}; chance of a deficit "
                   f"{number(Decimal(str(sim.deficit_share * 100)), 'en', 1)}%.")(lang)]
    table = DocTable([Text("Saldo van", "Balance from")(lang), Text("tot", "to")(lang), Text("Trekkingen", "Draws")(lang)],
                     [[euro_of(start), euro_of(end), number(Decimal(count), lang)] for start, end, count in sim.histogram], fixed=0)
    return DocSection(title, before=before, tables=[table])
