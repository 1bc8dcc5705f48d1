"""Every party's view (`--perspective`): its table per column and the JSON `flows` and `perspectives`.

The rows come from the books (core/books.py) and are only styled by each format: the terminal
here, Markdown (report/markdown.py), the Word annex (report/word.py) and the workbook's
party blocks (report/excel_column.py, as formulas over the flows).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.accounts import BY_KEY, EMPLOYER, OUTSIDE, SHORT, SOCIETY, VIEWS, view_named
from ..core.books import PartyView
from ..core.engine import Result
from ..core.text import Text, euro
from .labels import party_verdict
from .layout import Row

HEAD = {
    "title": Text("{party}: wat deze partij per plek per jaar ontvangt en betaalt",
                  "{party}: what this party receives and pays per placement per year"),
    "society_title": Text("Maatschappij: de partijen samen; wat zij onderling betalen valt weg",
                          "Society: the parties together; what they pay each other cancels out"),
    "receives": Text("Ontvangt", "Receives"),
    "pays": Text("Betaalt", "Pays"),
    "society_receives": Text("Ontvangt van anderen (klanten, leveranciers)", "Receives from others (customers, suppliers)"),
    "society_pays": Text("Betaalt aan anderen", "Pays to others"),
    "total_receives": Text("Totaal ontvangen", "Total received"),
    "total_pays": Text("Totaal betaald", "Total paid"),
    "balance": Text("Saldo {party}", "Balance {party}"),
    "same_as": Text("De werkgever is de gemeente zelf (eigen dienst): zijn ontvangsten en betalingen staan bij de gemeente.",
                    "The employer is the municipality itself (own employment): its receipts and payments are the municipality's."),
    "apart": Text("indicatief, apart, niet in het saldo", "indicative, apart, not in the balance"),
    "with_apart": Text("Saldo met de bredere baten", "Balance with the wider benefits"),
    "no_alternative": Text("Zonder alternatief telt alleen de plek zelf: de bijstand of dagbesteding die zij uitspaart, zit niet in "
                           "dit saldo. Zet alternative: bijstand (of dagbesteding) en household in het scenario om te vergelijken "
                           "met wat er zonder de plek gebeurt.",
                           "Without an alternative only the placement itself counts: the bijstand or day activities it saves are "
                           "not in this balance. Set alternative: social_assistance (or day_activities) and household in the "
                           "scenario to compare with what happens without the placement."),
    "rule": Text("Saldo = wat de partij ontvangt − wat zij betaalt. De maatschappij is de som van alle partijen.",
                 "Balance = what the party receives − what it pays. Society is the sum of all parties."),
}
ALL = "all"


def views_asked(name: str) -> list[str]:
    """The views `--perspective NAME` asks for: one, or every one for alle/all."""
    if name in ("alle", ALL):
        return [view.key for view in VIEWS]
    found = view_named(name)
    return [found.key] if found is not None else []


def party_name(key: str, lang: str) -> str:
    return BY_KEY[key].label(lang)


ALTERNATIVE_SIDE = {"avoided": Text("vermeden", "avoided"), "forgone": Text("gemist", "forgone")}


def flow_label(flow, view: str, lang: str) -> str:
    """'loonkostensubsidie (aan werkgever)': a flow named with its counterparty, as this view sees it.
    A flow of the alternative says what the party avoids or forgoes: 'vermeden: bijstand (aan werknemer)'."""
    if getattr(flow, "alternative", False):
        paid = (flow.payer != OUTSIDE) if view == SOCIETY else flow.payer == view
        side = ALTERNATIVE_SIDE["avoided" if paid else "forgone"](lang)
        return f"{side}: {_named(flow, view, lang)}"
    return _named(flow, view, lang)


def _named(flow, view: str, lang: str) -> str:
    if view == SOCIETY:
        return flow.label(lang)
    if flow.payee == view:
        return f"{flow.label(lang)} ({Text('van', 'from')(lang)} {SHORT[flow.payer](lang)})"
    return f"{flow.label(lang)} ({Text('aan', 'to')(lang)} {SHORT[flow.payee](lang)})"


SUBJECT = {"employer": Text("de werkgever", "the employer"), "municipality": Text("de gemeente", "the municipality"),
           "state": Text("het Rijk", "the state"), "worker": Text("de werknemer", "the worker"),
           "society": Text("de maatschappij", "society")}


def weighed(view: str | None, lang: str) -> str:
    """' — saldo van de maatschappij': whose balance an analysis weighs, for its title (none: the business case)."""
    return "" if view is None else f" — {Text('saldo van', 'balance of')(lang)} {SUBJECT[view](lang)}"


def memo_sentence(result: Result, lang: str) -> str:
    """Every party's balance in one sentence for a council memo (issue 22): 'Alleenstaande, tegen het
    alternatief bijstand: de gemeente wint € 7.302; ...; de maatschappij betaalt netto € 2.974 per plek per jaar.'"""
    from ..core.flows import ALTERNATIVE_LABEL

    books = result.views()
    parts = []
    for account in VIEWS:
        if books[account.key].same_as:
            continue        # own employment: the employer's books are the municipality's
        balance = books[account.key].balance
        who = SUBJECT[account.key](lang)
        if euro(balance, lang) == euro(0, lang):
            parts.append(who + Text(" speelt quitte", " breaks even")(lang))
        elif balance < 0:
            parts.append(f"{who} {Text('betaalt netto', 'pays net')(lang)} {euro(-balance, lang)}")
        else:
            parts.append(f"{who} {Text('wint', 'gains')(lang)} {euro(balance, lang)}")
    society = books[SOCIETY]
    if any(f.amount for f in society.apart):
        gains = society.with_apart >= 0
        parts.append(Text("met de bredere baten van werk erbij (indicatief) ", "with the wider benefits of work (indicative) ")(lang)
                     + (Text("wint zij ", "it gains ") if gains else Text("betaalt zij netto ", "it pays net "))(lang)
                     + euro(abs(society.with_apart), lang))
    alternative = result.placement.alternative
    against = (Text("zonder alternatief", "without an alternative")(lang) if alternative == "none" else
               Text("tegen het alternatief ", "against the alternative ")(lang) + ALTERNATIVE_LABEL[alternative](lang))
    return f"{result.placement.name}, {against}: " + "; ".join(parts) + Text(" per plek per jaar.", " per placement per year.")(lang)


@dataclass(frozen=True)
class PartyTable:
    view: str
    title: str
    rows: list[Row]
    notes: list[str]


def party_table(results: list[Result], view: str, lang: str) -> PartyTable:
    """The rows of one view over the columns: what it receives, what it pays, its balance."""
    books: list[PartyView] = [r.views()[view] for r in results]
    name = party_name(view, lang)
    title = HEAD["society_title"](lang) if view == SOCIETY else HEAD["title"](lang).format(party=name)
    rows: list[Row] = []
    sides = (("receives", "total_receives", lambda b: b.receives, lambda b: b.received),
             ("pays", "total_pays", lambda b: b.pays, lambda b: b.paid))
    for heading, total_key, flows_of, total in sides:
        rows.append(Row("heading", HEAD[f"society_{heading}" if view == SOCIETY else heading](lang), ("",) * len(results)))
        keys: dict[str, str] = {}
        for book in books:
            for flow in flows_of(book):
                keys.setdefault(flow.key, flow_label(flow, view, lang))
        for key, label in keys.items():
            cells = []
            for book in books:
                flow = next((f for f in flows_of(book) if f.key == key), None)
                cells.append("-" if flow is None else euro(flow.amount, lang))
            rows.append(Row("line", label, tuple(cells)))
        rows.append(Row("total", HEAD[total_key](lang), tuple(euro(total(b), lang) for b in books)))
    whose = Text("maatschappij", "society")(lang) if view == SOCIETY else SHORT[view](lang)
    rows.append(Row("balance", HEAD["balance"](lang).format(party=whose), tuple(euro(b.balance, lang) for b in books)))
    rows.append(Row("verdict", "", tuple(party_verdict(b.balance, lang) for b in books)))
    # what is shown apart (society: the wider benefits of work, when asked for): beside the balance, not in it
    apart_keys = {f.key: f.label(lang) for b in books for f in b.apart if f.amount}
    for key, label in apart_keys.items():
        cells = tuple(next((euro(f.amount, lang) for f in b.apart if f.key == key and f.amount), "-") for b in books)
        rows.append(Row("line", f"{label} ({HEAD['apart'](lang)})", cells))
    if apart_keys:
        rows.append(Row("total", HEAD["with_apart"](lang), tuple(euro(b.with_apart, lang) for b in books)))
    notes = [HEAD["same_as"](lang)] if any(b.same_as for b in books) else []
    if view != EMPLOYER and any(r.placement.alternative == "none" for r in results):
        notes.append(HEAD["no_alternative"](lang))
    return PartyTable(view, title, rows, notes)


# ---------------------------------------------------------------- terminal

LABEL_MIN = 22


def _whole(text):
    """A cell that rich may not wrap: an amount is never split over two lines."""
    text.no_wrap = True
    return text


def _widths(layout: PartyTable, results: list[Result]) -> list[int]:
    """Each column's width: its widest cell (an amount is never split) or the longest word of its name."""
    return [max(max(len(row.cells[i]) for row in layout.rows), min(max(map(len, r.placement.name.split() or [""])), 20))
            for i, r in enumerate(results)]


def _table(layout: PartyTable, block: list[Result], widths: list[int], title: str):
    from rich import box
    from rich.table import Table
    from rich.text import Text as RichText

    from .rich_text import bold, signed, styled

    table = Table(title=styled(f"{title}\n{layout.title}"), box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column("", overflow="fold", min_width=LABEL_MIN)
    for result, width in zip(block, widths):
        table.add_column(styled(result.placement.name), justify="right", width=width)
    for row in layout.rows:
        cells = [RichText(cell, no_wrap=True) for cell in row.cells]
        if row.kind in ("heading", "total"):
            table.add_row(bold(row.label), *[_whole(bold(cell)) for cell in row.cells])
            if row.kind == "total":
                table.add_section()
        elif row.kind == "balance":
            table.add_row(bold(row.label), *[_whole(signed(cell, bold_=True)) for cell in row.cells])
        elif row.kind == "verdict":
            table.add_row("", *cells)
        else:
            table.add_row(styled("  " + row.label), *cells)
    return table


def render(title: str, results: list[Result], views: list[str], lang: str, out) -> None:
    """Each asked view as a table under the scenario's title; columns in blocks that fit the width
    (report/layout.py fit_blocks, as every other wide table)."""
    from .layout import fit_blocks
    from .rich_text import console as make_console, styled

    console = make_console(out)
    for view in views:
        widths = _widths(party_table(results, view, lang), results)
        for indices in fit_blocks(LABEL_MIN + 4, widths, console.width):
            block = [results[i] for i in indices]
            layout = party_table(block, view, lang)
            console.print(_table(layout, block, [widths[i] for i in indices], title))
            for note in layout.notes:
                console.print(styled(note, "dim"))
    from .layout import print_wrapped

    for result in results:
        print_wrapped(console, memo_sentence(result, lang))      # an amount is never split over two lines
    console.print(styled(HEAD["rule"](lang), "dim"))


def markdown(title: str, results: list[Result], views: list[str], lang: str) -> str:
    from .markdown import escape

    out = []
    for view in views:
        layout = party_table(results, view, lang)
        out.append(f"\n### {escape(title)}: {escape(layout.title)}\n")
        out.append("| " + " | ".join(["", *(escape(r.placement.name) for r in results)]) + " |")
        out.append("|" + "---|" + "---:|" * len(results))
        for row in layout.rows:
            label = escape(row.label)
            cells = [escape(c) for c in row.cells]
            if row.kind in ("heading", "total", "balance"):
                label = f"**{label}**" if label else ""
                cells = [f"**{c}**" if c else "" for c in cells]
            out.append("| " + " | ".join([label, *cells]) + " |")
        out.extend(f"\n{escape(note)}" for note in layout.notes)
    out.extend(f"\n{escape(memo_sentence(result, lang))}" for result in results)
    out.append(f"\n{escape(HEAD['rule'](lang))}\n")
    return "\n".join(out) + "\n"


