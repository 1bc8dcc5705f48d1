"""Terminal output for the analyses (rich), printed after the main table via the CLI's `sections`."""
from __future__ import annotations

from decimal import Decimal

from ..core.accounts import VIEWS
from ..core.text import Text, euro, number
from ..inputs.declared import get as declared
from .rich_text import bold, console, signed, styled

MAX_ROWS, MAX_COLS = 60, 12
WIDTH = 160    # of redirected output; the analyses are wider than the main table


def _coloured(amount, lang: str):
    return signed(euro(Decimal(str(amount)) if not isinstance(amount, Decimal) else amount, lang))


# ---------------------------------------------------------------- break-even

def render_breakeven(items, lang: str, out) -> None:
    """items: [(scenario name, column name, BreakEven)] — one line per column."""
    con = console(out, WIDTH)
    if not items:
        return
    inp = declared(items[0][2].parameter)
    con.print(bold(f"{'Break-even' if lang == 'en' else 'Sluitend bij (break-even)'}: {inp.label(lang)}"
                           + (" (zonder afronding)" if lang == "nl" else " (rounding off)")))
    for scenario, column, be in items:
        now = f"{'nu' if lang == 'nl' else 'now'} {inp.fmt(be.current, lang)}, {'saldo' if lang == 'nl' else 'balance'} {euro(be.balance_now, lang)}"
        if be.value is None:
            con.print(f"  {column}: {be.reason(lang)} ({now})")
            continue
        text = f"  {column}: {'saldo 0 bij' if lang == 'nl' else 'balance 0 at'} {inp.fmt(be.value, lang)} ({now})"
        if be.method == "jump":
            text += f" — {be.reason(lang)}"
        if be.others:
            also = ", ".join(inp.fmt(v, lang) for v in be.others)
            text += f"; {'ook bij' if lang == 'nl' else 'also at'} {also}"
        con.print(text)


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


def render_sweep(title: str, axes, columns, balance, lang: str, out) -> None:
    from rich import box
    from rich.table import Table

    con = console(out, WIDTH)
    names = [a.name for a in axes]
    # Hours down and wage value across when both are swept, whatever their order on the command line.
    if names == ["wage_value", "hours"]:
        import numpy as np

        balance = balance.reshape(axes[0].count, axes[1].count).T.ravel()
        axes = axes[::-1]
        columns = [m.ravel() for m in np.meshgrid(axes[0].values(), axes[1].values(), indexing="ij")]
    caption = Text("saldo per plek per jaar; rood = tekort, groen = sluitend",
                   "balance per placement per year; red = deficit, green = breaks even")(lang)
    if len(axes) == 1:
        rows = _thin(axes[0].count, MAX_ROWS)
        table = Table(title=styled(title), box=box.SIMPLE_HEAVY, title_justify="left", caption=caption)
        table.add_column(declared(axes[0].name).label(lang), justify="right")
        table.add_column(Text("Saldo", "Balance")(lang), justify="right")
        for i in rows:
            table.add_row(_axis_text(axes[0].name, columns[0][i], lang), _coloured(balance[i], lang))
    else:
        a, b = axes
        rows, cols = _thin(a.count, MAX_ROWS), _thin(b.count, MAX_COLS)
        table = Table(title=styled(title), box=box.SIMPLE_HEAVY, title_justify="left", caption=caption)
        table.add_column(f"{declared(a.name).label(lang)} \\ {declared(b.name).label(lang)}", justify="right")
        for j in cols:
            table.add_column(_axis_text(b.name, columns[1][j], lang), justify="right")
        for i in rows:
            table.add_row(_axis_text(a.name, columns[0][i * b.count], lang),
                          *[_coloured(balance[i * b.count + j], lang) for j in cols])
        if len(rows) < a.count or len(cols) < b.count:
            table.caption += Text(f"; {len(rows)} van {a.count} rijen en {len(cols)} van {b.count} kolommen getoond, alle punten met -f json",
                                  f"; {len(rows)} of {a.count} rows and {len(cols)} of {b.count} columns shown, every point with -f json")(lang)
    con.print(table)


# ---------------------------------------------------------------- multi-year

def render_years(title: str, years, lang: str, out) -> None:
    from rich import box
    from rich.table import Table

    from ..report.labels import HEADINGS, line_label
    from ..analysis.projection import warnings

    con = console(out, WIDTH)
    table = Table(title=styled(title), box=box.SIMPLE_HEAVY, title_justify="left", caption=HEADINGS["per_year"](lang))
    table.add_column(HEADINGS["line"](lang), no_wrap=True)
    for y in years:
        table.add_column(str(y.year), justify="right")
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

    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        table.add_row(bold(HEADINGS[heading](lang)), *[""] * len(years))
        for key in keys:
            if any(line.key == key and line.side == side for y in years for line in y.result.lines):
                table.add_row(styled("  " + label(key)), *[amount(y, key) for y in years])
        table.add_row(bold(HEADINGS[total_key](lang)), *[bold(euro(total(y.result), lang)) for y in years])
        table.add_section()
    table.add_row(bold(HEADINGS["balance"](lang)), *[_coloured(y.result.balance, lang) for y in years])
    table.add_row(Text("Cumulatief saldo", "Cumulative balance")(lang), *[_coloured(y.cumulative, lang) for y in years])
    table.add_section()
    # Every party's balance per year, from its books (core/books.py), as --perspective shows one year.
    table.add_row(bold(Text("Saldo per partij", "Balance per party")(lang)), *[""] * len(years))
    for view in VIEWS:
        table.add_row(styled("  " + view.label(lang)), *[_coloured(y.result.views()[view.key].balance, lang) for y in years])
    con.print(table)
    found = warnings(years)
    if found:
        con.print(bold(HEADINGS["warnings"](lang)))
        all_years = len(years)
        for i, (w, ys) in enumerate(found, 1):
            where = "" if len(ys) == all_years else f" [{', '.join(map(str, ys))}]"
            con.print(f"{i}. {w(lang)}{where}")


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


def render_budget(title: str, budget, lang: str, out) -> None:
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
        table = Table(title=styled(heading), box=box.SIMPLE_HEAVY, title_justify="left")
        if budget.per_municipality:
            table.add_column(Text("Gemeente", "Municipality")(lang), no_wrap=True)
        table.add_column(Text("Plekken", "Places")(lang), justify="right", no_wrap=True)
        for _, label in BUDGET_COLUMNS:
            table.add_column(label(lang), justify="right", no_wrap=True)
        for row in rows:
            if row.total:
                table.add_section()
            a = dict(row.amounts, one_off=row.amounts["pre_trajectory"] + row.amounts["wage_value_measurement"])
            cells = [f"{number(Decimal(row.places), lang)} (+{number(Decimal(row.new_places), lang)})"]
            for key, _ in BUDGET_COLUMNS:
                cells.append(_coloured(a[key], lang) if key.endswith(("_balance", "_net")) else euro(a[key], lang))
            if budget.per_municipality:
                cells.insert(0, Text("Totaal", "Total")(lang) if row.total else styled(row.municipality))
            if row.total:
                cells = [bold(c.plain if hasattr(c, "plain") else c) for c in cells]
            table.add_row(*cells)
        con.print(table)
    bears = any(row.bears_employer_balance for row in budget.rows)
    note = Text("Saldo gemeente = participatiebudget + BUIG + bonus rijk − LKS − subsidies − voortraject en loonwaardemeting" + (" + saldo werkgevers (de gemeente draagt het tekort van de werkgever)" if bears else "")
                + "; het saldo van de maatschappij is dat van alle partijen samen (wat zij elkaar betalen valt weg)"
                + ". Voortraject en loonwaardemeting één keer per nieuwe plek; de bonus van het Rijk wordt achteraf uitgekeerd (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §6.1).",
                "Municipal net = participation budget + BUIG + national bonus − LKS − subsidies − pre-trajectory and measurement" + (" + employer balance (the municipality carries the employer's deficit)" if bears else "")
                + "; society's balance is that of all parties together (what they pay each other cancels out)"
                + ". One pre-trajectory and one wage-value measurement per new place; the national bonus is paid afterwards (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §6.1).")
    con.print(note(lang))
    if budget.warnings:
        con.print(bold(HEADINGS["warnings"](lang)))
        for i, w in enumerate(budget.warnings, 1):
            con.print(f"{i}. {w(lang)}")


# ---------------------------------------------------------------- sensitivity (tornado) and simulation

BAR_WIDTH = 24


def render_tornado(title: str, bars, lang: str, out) -> None:
    """A bar per input: left of the centre the balance at the low value, right at the high value."""
    from rich.text import Text as RichText

    con = console(out, WIDTH)
    con.print(RichText(Text(f"Gevoeligheid (tornado): {title}", f"Sensitivity (tornado): {title}")(lang), style="bold"))
    if not bars:
        con.print(Text("geen onzekere invoer die deze kolom raakt", "no uncertain input affects this column")(lang))
        return
    centre = bars[0].balance_central
    widest = max((max(abs(b.balance_low - centre), abs(b.balance_high - centre)) for b in bars), default=Decimal(0)) or Decimal(1)
    con.print(Text(f"saldo nu {euro(centre, lang)}; een balk naar rechts = hoger saldo, naar links = lager saldo",
                       f"balance now {euro(centre, 'en')}; a bar to the right = higher balance, to the left = lower balance")(lang))
    name_width = max(len(declared(b.parameter).label(lang)) for b in bars)
    for bar in bars:
        inp = declared(bar.parameter)
        left = [(bar.balance_low, inp.fmt(bar.low, lang)), (bar.balance_high, inp.fmt(bar.high, lang))]
        cells = [" "] * (2 * BAR_WIDTH + 1)
        cells[BAR_WIDTH] = "│"
        for balance, _ in left:
            length = int(round(float(abs(balance - centre) / widest) * BAR_WIDTH))
            for k in range(1, length + 1):
                index = BAR_WIDTH - k if balance < centre else BAR_WIDTH + k
                cells[index] = "█"
        line = RichText(f"{inp.label(lang):<{name_width}}  ")
        line.append("".join(cells), style="cyan")
        line.append(f"  {left[0][1]}: {euro(bar.balance_low, lang)}  ·  {left[1][1]}: {euro(bar.balance_high, lang)}")
        if bar.flips:
            line.append("  ⇄ " + Text("oordeel kantelt", "verdict flips")(lang), style="bold red")
        con.print(line)


def render_simulation(title: str, sim, lang: str, out) -> None:
    from rich.text import Text as RichText

    con = console(out, WIDTH)
    con.print(RichText(Text(f"Simulatie: {title}", f"Simulation: {title}")(lang), style="bold"))
    con.print(Text(f"{number(Decimal(sim.n), lang)} trekkingen, seed {sim.seed}; driehoeksverdelingen (laag, eigen waarde, hoog) "
                       f"voor: {', '.join(sim.inputs)}",
                       f"{number(Decimal(sim.n), 'en')} draws, seed {sim.seed}; triangular distributions (low, own value, high) "
                       f"for: {', '.join(sim.inputs)}")(lang))
    con.print(Text(f"saldo: P5 {euro(Decimal(str(sim.p5)), lang)}, P50 {euro(Decimal(str(sim.p50)), lang)}, "
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
        con.print(line)
