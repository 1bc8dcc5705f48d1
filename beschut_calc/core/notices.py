"""Warnings a calculation carries: flagged parameter values (assumptions, unconfirmed or
carried-forward values), the notes declared on the rules the column took (core/expr.py Note:
a capped LKS, an amount pro rata, the memo's scaling; never restated here) and the column's
period, absence, price level and overrides. Never silent, always in the output."""
from __future__ import annotations

from .model import Placement
from .parameters import ParamValue
from .result import Line
from .text import Text, percent, with_unit

STATUS_TEXT = {
    "unconfirmed": Text("is niet bevestigd", "is not confirmed"),
    "assumption": Text("is een aanname", "is an assumption"),
}


def _sentence(text: str) -> str:
    """A warning as a whole sentence: a capital (unless it opens with a key such as overrides.agency_fee)
    and a full stop."""
    text = text.strip()
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if not any(ch in first for ch in "._=") and not first[:1].isdigit():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def sentences(warnings: list[Text]) -> list[Text]:
    return [Text(_sentence(w.nl), _sentence(w.en)) for w in warnings]


def parameter_warning(pv: ParamValue) -> Text | None:
    """A flagged value said in whole sentences: what it is, its status, and the source's own note."""
    if not pv.flagged:
        return None
    shown, shown_en = with_unit(pv.value, pv.unit, "nl"), with_unit(pv.value, pv.unit, "en")
    since = f" (vanaf {pv.since.isoformat()})" if pv.since else ""
    since_en = f" (from {pv.since.isoformat()})" if pv.since else ""
    if pv.extrapolated:
        return Text(f"{pv.name} = {shown}{since} is de laatst bekende waarde, doorgetrokken: de waarde voor later is nog niet bekend.",
                    f"{pv.name} = {shown_en}{since_en} is the last known value, carried forward: the later value is not known yet.")
    status = STATUS_TEXT[pv.status]
    note_nl = f" {_sentence(pv.note_in('nl'))}" if pv.note else ""
    note_en = f" {_sentence(pv.note_in('en'))}" if pv.note else ""
    return Text(f"{pv.name} = {shown}{since} {status.nl}.{note_nl}", f"{pv.name} = {shown_en}{since_en} {status.en}.{note_en}")


def period_warnings(p: Placement) -> list[Text]:
    """A year outside the placement's months is not an error (a caseload's horizon has such years), but it is said."""
    first, last, _ = p.months_in(p.year)
    if last >= first:
        return []
    start = f"{p.start_year}-{p.start_month:02d}"
    end = f"{p.end[0]}-{p.end[1]:02d}" if p.end else None
    span = f"van {start}" + (f" tot en met {end}" if end else "")
    span_en = f"from {start}" + (f" to {end}" if end else "")
    return [Text(f"De plek loopt niet in {p.year} (zij loopt {span}): alle bedragen van dit jaar zijn 0.",
                 f"The placement does not run in {p.year} (it runs {span_en}): every amount of this year is 0.")]


def method_warnings(p: Placement, lines: dict[str, Line], notes: list[Text] = (), flows=()) -> list[Text]:
    """What the column's own choices mean for its figures, each a whole sentence: the notes declared
    on the rules it took (core/expr.py Note, found by core/engine.py) after the placement's period."""
    return sentences([*period_warnings(p), *notes, *absence_and_price_warnings(p, lines),
                      *unused_override_warnings(p, lines, flows), *tariff_year_warnings(p, lines), *comparison_warnings(p)])


def comparison_warnings(p: Placement) -> list[Text]:
    """What the comparison with the alternative (issue 22) leaves out, said once where it is made."""
    tax = Text("De belasting van de werknemer is die over het loon van de plek in dit jaar, zonder ander inkomen"
               + (" (in de maanden zonder loon gebruikt de bijstand de algemene heffingskorting)" if p.on_social_assistance else "")
               + "; toeslagen (huurtoeslag, zorgtoeslag, kindgebonden budget) zijn niet meegerekend.",
               "The worker's tax is that on the placement's wage of this year, without other income"
               + (" (in the months without a wage bijstand uses the general tax credit)" if p.on_social_assistance else "")
               + "; allowances (huurtoeslag, zorgtoeslag, kindgebonden budget) are not counted.")
    out = [tax]
    if "cost_sharers" in p.overrides and not p.on_social_assistance:
        out.append(Text("cost_sharers telt alleen voor de bijstandsnorm; deze kolom heeft geen bijstand als alternatief "
                        "(zet alternative: bijstand), dus de kostendelers veranderen niets.",
                        "cost_sharers counts only for the bijstand norm; this column has no bijstand as its alternative "
                        "(set alternative: social_assistance), so the cost sharers change nothing."))
    if p.alternative == "none":
        return out
    if p.on_social_assistance:
        out.append(Text("De bijstand telt als de netto norm (Participatiewet art. 21, met vakantietoeslag); de loonheffing die de "
                        "gemeente op de bijstand inhoudt en afdraagt, is weggelaten.",
                        "Bijstand counts as the net norm (Participatiewet art. 21, holiday allowance included); the wage tax the "
                        "municipality withholds on bijstand and pays on is left out."))
    return out


def absence_and_price_warnings(p: Placement, lines: dict[str, Line]) -> list[Text]:
    """Sickness absence not counted, and amounts at the price level of an earlier year."""
    out = []
    if p.absence is None:
        out.append(Text("Verzuim is niet meegeteld: de loonwaarde gaat uit van een werknemer die nooit ziek is en er is geen "
                        "vergoeding uit de no-riskpolis (Ziektewet art. 29b); zet absence in het scenario, bijvoorbeeld absence: 8%.",
                        "Sickness absence is not counted: the wage value assumes an employee who is never ill and there is no "
                        "no-risk policy benefit (Ziektewet art. 29b); set absence in the scenario, for example absence: 8%."))
    seen = set()
    for line in lines.values():
        for pv in line.params:
            if pv.price_year and p.year > pv.price_year and pv.name not in seen:
                seen.add(pv.name)
                shown, shown_en = with_unit(pv.value, pv.unit, "nl"), with_unit(pv.value, pv.unit, "en")
                if p.indexation is None:
                    out.append(Text(f"{pv.name} = {shown} is een bedrag in prijzen van {pv.price_year}; voor {p.year} is het niet "
                                    f"geïndexeerd (zet indexation in het scenario, bijvoorbeeld indexation: 3%).",
                                    f"{pv.name} = {shown_en} is an amount in prices of {pv.price_year}; for {p.year} it is not "
                                    f"indexed (set indexation in the scenario, for example indexation: 3%)."))
                else:
                    out.append(Text(f"{pv.name} = {shown} is een bedrag in prijzen van {pv.price_year}; de indexatie van "
                                    f"{percent(p.indexation)} per jaar telt vanaf {p.start_year}, niet vanaf {pv.price_year}.",
                                    f"{pv.name} = {shown_en} is an amount in prices of {pv.price_year}; the indexation of "
                                    f"{percent(p.indexation, 'en')} a year counts from {p.start_year}, not from {pv.price_year}."))
    return out


def tariff_year_warnings(p: Placement, lines: dict[str, Line]) -> list[Text]:
    """A payroll mark-up derived from one year's tariff, used for another year, is an assumption."""
    for line in lines.values():
        for pv in line.params:
            if pv.name == "payroll_markup" and isinstance(pv.value, dict) and int(pv.value.get("year", p.year)) != p.year:
                year = int(pv.value["year"])
                return [Text(f"De payrollopslag is afgeleid van het payrolltarief van {year} en is voor {p.year} een aanname: "
                             f"het tarief van {p.year} is niet bekend; zet overrides.payroll_markup op de opslag uit de eigen offerte.",
                             f"The payroll mark-up is derived from the {year} payroll tariff and is an assumption for {p.year}: "
                             f"the {p.year} tariff is not known; set overrides.payroll_markup to the mark-up of the actual quote.")]
    return []


# Inputs an analysis reads rather than a rule: the discount rate weighs the years of --years.
READ_BY_ANALYSES = ("discount_rate",)


def unused_override_warnings(p: Placement, lines: dict[str, Line], flows=()) -> list[Text]:
    """An override no line's rule read: in this year, with this employer model or this subsidy set it
    changes nothing, and a reader of the scenario should not think it did."""
    # the override's own value must be what a rule read: a mark-up of another employer model is
    # looked up as the model's neutral default instead (core/context.py MODEL_BOUND)
    used = {pv.name for item in (*lines.values(), *flows) for pv in item.params if pv.status == "override"}
    used.update(READ_BY_ANALYSES)
    if not p.on_social_assistance:
        used.add("cost_sharers")       # said by comparison_warnings, with the reason
    # Said without the column's model or year, so the same warning for several columns is shown once.
    return [Text(f"overrides.{name} heeft geen effect: bij het werkgeversmodel, de subsidieset en het jaar van deze kolom "
                 "gebruikt geen enkele regel deze parameter.",
                 f"overrides.{name} has no effect: with this column's employer model, subsidy set and year no rule uses "
                 "this parameter.")
            for name in p.overrides if name not in used]
