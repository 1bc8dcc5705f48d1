"""The caseload's tables as rows of text, shared by the terminal, Markdown and the workbook:
per year one table of groups (municipalities or employer models) with a total row, and the
realised places against the targets. Each report only styles them."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..analysis.caseload import CaseloadResult, Totals
from ..core.text import Text, euro, plain

BY = {"municipality": Text("Gemeente", "Municipality"), "employer_model": Text("Werkgeversmodel", "Employer model")}
COLUMNS = (
    ("places", Text("Plekken", "Places")),
    ("place_years", Text("Plekjaren", "Place-years")),
    ("fte", Text("fte", "FTE")),
    ("benefits", Text("Baten", "Benefits")),
    ("costs", Text("Kosten", "Costs")),
    ("balance", Text("Saldo werkgever", "Employer balance")),
    ("municipal_net", Text("Saldo gemeente", "Municipal balance")),
    ("society_net", Text("Saldo maatsch.", "Society")),
)
TARGET_COLUMNS = (
    Text("Taakstelling", "Target"), Text("Gerealiseerd", "Realised"), Text("Verschil", "Difference"),
    Text("Plekjaren", "Place-years"), Text("Participatiebudget", "Participation budget"), Text("BUIG", "BUIG"),
)
NOTE = Text("bedragen in euro per jaar, opgeteld over de plaatsingen die dat jaar lopen (naar rato van de maanden); "
            "plekken: plaatsingen die in het jaar lopen; plekjaren: maanden / 12; fte: uren / 36 × maanden / 12; "
            "saldo gemeente: rijksmiddelen − uitgaven van de gemeente (+ saldo werkgever bij eigen dienst of payroll), "
            "en bij een alternatief (kolom alternatief) min wat de gemeente zonder de plek zou betalen (bijstand, dagbesteding); "
            "saldo maatschappij: alle partijen samen (werkgever, gemeente, Rijk, werknemer); JSON geeft het saldo van elke partij",
            "amounts in euro a year, summed over the placements running that year (pro rata by months); "
            "places: placements running in the year; place-years: months / 12; FTE: hours / 36 × months / 12; "
            "municipal balance: national funding − the municipality's outlays (+ employer balance in own employment or payroll), "
            "and with an alternative (column alternatief) minus what the municipality would pay without the placement "
            "(bijstand, day activities); "
            "society: all parties together (employer, municipality, state, worker); JSON gives every party's balance")
TARGET_NOTE = Text("beslag zoals §6.1 van de notitie het per plek schrijft, per plekjaar en naar rato van de uren (§3.1, §4.4: "
                   "de bedragen gaan uit van 31 uur): participatiebudget = rijksbedrag begeleiding, BUIG = rijksbedrag "
                   "loonkostensubsidie",
                   "claim as §6.1 of the note writes it per place, per place-year and pro rata to the hours (§3.1, §4.4: the "
                   "figures assume 31 hours): participation budget = national guidance figure, BUIG = national wage-subsidy figure")


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None     # the bold last row
    note: str
    text_columns: int = 1             # the first columns hold names, the rest figures


def _cells(t: Totals, lang: str) -> tuple[str, ...]:
    money = {key: euro(value, lang) for key, value in t.money.items()}
    return (str(t.places), plain(t.place_years.quantize(Decimal("0.01")), lang), plain(t.fte.quantize(Decimal("0.01")), lang),
            money["benefits"], money["costs"], money["balance"], money["municipal_net"], money["society_net"])


def group_label(group: str | None, by: str, lang: str) -> str:
    if by == "employer_model" and group is not None:
        from ..inputs.catalog import employer_label

        return employer_label(group)(lang)
    return str(group)


def year_tables(result: CaseloadResult, by: str, lang: str) -> list[Table]:
    groups = result.by_municipality if by == "municipality" else result.by_employer
    out = []
    for totals in result.by_year:
        rows = tuple((group_label(t.group, by, lang), *_cells(t, lang)) for t in groups if t.year == totals.year)
        title = Text(f"{result.scenario.name} — {totals.year}", f"{result.scenario.name} — {totals.year}")(lang)
        out.append(Table(title, (BY[by](lang), *(label(lang) for _, label in COLUMNS)), rows,
                         (Text("Totaal", "Total")(lang), *_cells(totals, lang)), NOTE(lang)))
    return out


def target_table(result: CaseloadResult, lang: str) -> Table | None:
    if not result.targets:
        return None
    rows, total = [], None
    for row in result.targets:
        cells = ("" if row.target is None else str(row.target), str(row.places),
                 "" if row.difference is None else (f"{row.difference:+d}" if row.difference else "0"),
                 plain(row.place_years.quantize(Decimal("0.01")), lang), euro(row.participation_budget, lang), euro(row.buig, lang))
        name = row.municipality if row.municipality is not None else Text("Totaal", "Total")(lang)
        rows.append((str(row.year), name, *cells))
    headers = (Text("Jaar", "Year")(lang), BY["municipality"](lang), *(label(lang) for label in TARGET_COLUMNS))
    return Table(Text("Taakstelling en gerealiseerde plekken (notitie §6.1, eindnoot i)",
                      "Target and realised places (note §6.1, endnote i)")(lang), headers, tuple(rows), total, TARGET_NOTE(lang), 2)


def party_table(result: CaseloadResult, lang: str) -> Table:
    """Every party's balance per year over the whole caseload (core/books.py, summed over the placements)."""
    from ..analysis.caseload import NET
    from ..core.accounts import VIEWS

    rows = tuple((str(t.year), *(euro(t.money[NET[view.key]], lang) for view in VIEWS)) for t in result.by_year)
    headers = (Text("Jaar", "Year")(lang), *(view.label(lang).split(" (")[0] for view in VIEWS))
    return Table(Text("Wie betaalt wie: saldo per partij per jaar", "Who pays whom: balance per party per year")(lang),
                 headers, rows, None, PARTY_NOTE(lang))


PARTY_NOTE = Text("saldo = wat de partij ontvangt − wat zij betaalt, opgeteld over de plaatsingen van het jaar; bij eigen dienst "
                  "staat het saldo van de werkgever bij de gemeente; maatschappij: alle partijen samen (wat zij elkaar betalen "
                  "valt weg)",
                  "balance = what the party receives − what it pays, summed over the year's placements; in own employment the "
                  "employer's balance is the municipality's; society: all parties together (what they pay each other cancels out)")
