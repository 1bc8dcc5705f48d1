"""`beschut-calc parameters`: the law table for the reader — every parameter with its value, date,
source and status (bevestigd, niet bevestigd, aanname, doorgetrokken), for one year or all years,
as a table or JSON. An adviser checks this before trusting a memo (issue 10, item 7)."""
from __future__ import annotations

import datetime as dt
import json

from ..core.parameters import ParameterBook, ParamValue
from ..core.text import Text, with_unit

STATUS = {
    "confirmed": Text("bevestigd", "confirmed"),
    "unconfirmed": Text("niet bevestigd", "not confirmed"),
    "assumption": Text("aanname", "assumption"),
}
CARRIED = Text("doorgetrokken", "carried forward")


def rows(book: ParameterBook, year: int | None) -> list[tuple[str, str, ParamValue, bool]]:
    """(name, description, value, carried forward) for every value in force in `year` (all years: None)."""
    out = []
    for name in sorted(book.parameters):
        param = book.parameters[name]
        for i, pv in enumerate(param.values):
            until = param.values[i + 1].since if i + 1 < len(param.values) else None
            if year is not None and not (pv.since <= dt.date(year, 12, 31) and (until is None or until > dt.date(year, 1, 1))):
                continue
            carried = bool(param.known_until and year is not None and dt.date(year, 12, 31) > param.known_until and until is None)
            out.append((name, param.description, pv, carried))
    return out


def status(pv: ParamValue, carried: bool, lang: str) -> str:
    text = STATUS.get(pv.status, Text.same(pv.status))(lang)
    return f"{text}; {CARRIED(lang)}" if carried else text


def to_json(book: ParameterBook, year: int | None, lang: str, receipt) -> str:
    from .jsonout import number

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return number(value)

    params = [{"name": name, "description": description, "since": pv.since.isoformat(), "value": plain(pv.value),
               "unit": pv.unit, "source": pv.source, "status": pv.status, "carried_forward": carried,
               **({"note": pv.note_in(lang)} if pv.note else {})}
              for name, description, pv, carried in rows(book, year)]
    return json.dumps({"receipt": receipt.to_json(), "year": year, "parameters": params}, ensure_ascii=False, indent=2) + "\n"


def markdown(book: ParameterBook, year: int | None, lang: str, receipt) -> str:
    """`parameters -f markdown`: the law table as a Markdown table, each parameter by its label and key."""
    from .labels import param_label
    from .markdown import escape

    title = (Text(f"Parameters in {year}", f"Parameters in {year}") if year is not None
             else Text("Parameters, alle jaren", "Parameters, all years"))(lang)
    heads = [Text("Parameter", "Parameter"), Text("Naam in een scenario", "Name in a scenario"), Text("Waarde", "Value"),
             Text("Vanaf", "From"), Text("Status", "Status"), Text("Bron", "Source")]
    out = [f"### {escape(title)}", "", "| " + " | ".join(h(lang) for h in heads) + " |", "|" + "---|" * len(heads)]
    for name, _, pv, carried in rows(book, year):
        flagged = pv.status != "confirmed" or carried
        shown = status(pv, carried, lang)
        label = param_label(name, lang)
        out.append("| " + " | ".join([escape(label[:1].upper() + label[1:]), f"`{name}`", escape(with_unit(pv.value, pv.unit, lang)),
                                      pv.since.isoformat(), f"**{escape(shown)}**" if flagged else escape(shown),
                                      escape(pv.source)]) + " |")
    out += ["", f"_{escape(receipt.line(lang))}_", ""]
    return "\n".join(out)


NARROW = 120     # below this width each parameter is a short block, not a row of five folded columns


def render(book: ParameterBook, year: int | None, lang: str, receipt, file=None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text as RichText

    from .rich_text import console as make_console

    console = make_console(file, 160)
    if console.width < NARROW:
        _render_narrow(console, book, year, lang, receipt)
        return
    title = (Text(f"Parameters in {year}", f"Parameters in {year}") if year is not None
             else Text("Parameters, alle jaren", "Parameters, all years"))(lang)
    table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left")
    for head in (Text("Parameter", "Parameter"), Text("Waarde", "Value"), Text("Vanaf", "From"), Text("Status", "Status"),
                 Text("Bron", "Source")):
        table.add_column(head(lang), overflow="fold")
    for name, _, pv, carried in rows(book, year):
        flagged = pv.status != "confirmed" or carried
        table.add_row(RichText(name), RichText(with_unit(pv.value, pv.unit, lang)), pv.since.isoformat(),
                      RichText(status(pv, carried, lang), style="bold red" if flagged else ""), RichText(pv.source))
    console.print(table)
    console.print(RichText(receipt.line(lang), style="dim"))


def _render_narrow(console, book: ParameterBook, year: int | None, lang: str, receipt) -> None:
    """A terminal of 80 columns: per parameter its name and label, then value, date and status on one
    line and the source wrapped under it; no value or amount split over two lines."""
    from rich.text import Text as RichText

    from .labels import param_label
    from .layout import print_wrapped

    title = (Text(f"Parameters in {year}", f"Parameters in {year}") if year is not None
             else Text("Parameters, alle jaren", "Parameters, all years"))(lang)
    console.print(RichText(title, style="bold"))
    for name, _, pv, carried in rows(book, year):
        flagged = pv.status != "confirmed" or carried
        console.print()
        print_wrapped(console, f"{name} — {param_label(name, lang)}", indent="  ", style="bold")
        print_wrapped(console, f"  {with_unit(pv.value, pv.unit, lang)} · {Text('vanaf', 'from')(lang)} {pv.since.isoformat()} · "
                               f"{status(pv, carried, lang)}", indent="    ", style="bold red" if flagged else "")
        print_wrapped(console, f"  {Text('bron', 'source')(lang)}: {pv.source}", indent="    ", style="dim")
    console.print()
    print_wrapped(console, receipt.line(lang), style="dim")
