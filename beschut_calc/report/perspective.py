"""The municipality's table (`--perspective gemeente`) and the JSON `perspectives` block."""
from __future__ import annotations

from ..core.engine import Result
from ..core.perspectives import MunicipalView, label, paid_by_municipality
from ..core.text import Text, euro
from .jsonout import line_source, money
from .labels import verdict

HEAD = {
    "title": Text("Gemeente: wat de gemeente ontvangt en betaalt per plek per jaar",
                  "Municipality: what the municipality receives and pays per placement per year"),
    "receives": Text("Ontvangt van het Rijk", "Receives from national government"),
    "pays": Text("Betaalt", "Pays"),
    "total_receives": Text("Totaal ontvangen", "Total received"),
    "total_pays": Text("Totaal betaald", "Total paid"),
    "employer_balance": Text("Saldo als werkgever (eigen dienst of payroll)", "Balance as employer (own employment or payroll)"),
    "not_employer": Text("n.v.t. (andere werkgever)", "n/a (other employer)"),
    "net": Text("Netto voor de gemeente", "Net for the municipality"),
}


def _lines(lines, lang):
    return [{"key": line.key, "label": label(line, lang), "amount": money(line.amount), "rule": line.rule(lang),
             "source": line_source(line.params)} for line in lines]


def perspectives(result: Result, view: MunicipalView, lang: str = "nl") -> dict:
    return {
        "employer": {"benefits": money(result.benefits), "costs": money(result.costs), "balance": money(result.balance),
                     "verdict": verdict(result.balance, lang)},
        "municipality": {
            "receives": _lines(view.receives, lang),
            "pays": _lines(view.pays, lang),
            "employer_balance": money(view.employer_balance) if view.employer_balance is not None else None,
            "totals": {"receives": money(view.received), "pays": money(view.paid), "net": money(view.net)},
            "warnings": [w(lang) for w in view_warnings(view)],
        },
    }


def view_warnings(view: MunicipalView) -> list[Text]:
    """Assumptions and unconfirmed values behind the municipality's figures."""
    from ..core.engine import parameter_warning

    out: list[Text] = []
    for line in view.receives + view.pays:
        if paid_by_municipality(line):
            continue   # the employer's lines: their warnings are under the main table already
        for pv in line.params:
            w = parameter_warning(pv)
            if w is not None and w not in out:
                out.append(w)
    return out


def render(results: list[Result], views: list[MunicipalView], lang: str, out) -> None:
    from rich import box
    from rich.table import Table

    from .rich_text import bold, console as make_console, styled

    console = make_console(out)
    table = Table(title=HEAD["title"](lang), box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column("", no_wrap=True)
    for result in results:
        table.add_column(styled(result.placement.name), justify="right", overflow="fold")
    for side, total_key, attr, total in (("receives", "total_receives", "receives", lambda v: v.received),
                                          ("pays", "total_pays", "pays", lambda v: v.paid)):
        table.add_row(bold(HEAD[side](lang)), *[""] * len(results))
        keys = list(dict.fromkeys(line.key for v in views for line in getattr(v, attr)))
        for key in keys:
            cells, name = [], key
            for v in views:
                line = next((x for x in getattr(v, attr) if x.key == key), None)
                cells.append(euro(line.amount, lang) if line else "-")
                name = label(line, lang) if line else name
            table.add_row(styled("  " + name), *cells)
        table.add_row(bold(HEAD[total_key](lang)), *[euro(total(v), lang) for v in views])
        table.add_section()
    table.add_row(HEAD["employer_balance"](lang),
                  *[euro(v.employer_balance, lang) if v.employer_balance is not None else HEAD["not_employer"](lang) for v in views])
    table.add_row(bold(HEAD["net"](lang)), *[bold(euro(v.net, lang)) for v in views])
    console.print(table)
    seen: list[str] = []
    for v in views:
        for w in view_warnings(v):
            if w(lang) not in seen:
                seen.append(w(lang))
    if seen:
        console.print(bold("Aannames gemeente" if lang == "nl" else "Municipal assumptions"))
        for i, text in enumerate(seen, 1):
            console.print(f"{i}. {text}")
