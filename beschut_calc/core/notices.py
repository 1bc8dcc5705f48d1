"""Warnings a calculation carries: flagged parameter values (assumptions, unconfirmed or
carried-forward values) and the method's own caveats. Never silent, always in the output."""
from __future__ import annotations

from decimal import Decimal

from .model import Placement
from .parameters import ParamValue
from .result import Line
from .text import Text, percent, plain, with_unit

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


def method_warnings(p: Placement, lines: dict[str, Line]) -> list[Text]:
    """What the column's own choices mean for its figures, each a whole sentence."""
    return sentences(_method_warnings(p, lines))


def _method_warnings(p: Placement, lines: dict[str, Line]) -> list[Text]:
    out = period_warnings(p)
    if p.wage_value < Decimal("0.30") and p.subsidy_set.wage_subsidy_rule == "statutory":
        out.append(Text(f"loonwaarde {percent(p.wage_value)} is lager dan 30 %: de loonkostensubsidie is ten hoogste 70 % WML, de werkgever draagt het verschil (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 punt 2)",
                        f"wage value {percent(p.wage_value, 'en')} is below 30%: the wage subsidy is at most 70% of WML, the employer carries the gap (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 item 2)"))
    bands = p.subsidy_set.lks_bands if p.subsidy_set.wage_subsidy_rule == "bands" else ()
    if bands and not min(b.from_share for b in bands) <= p.wage_value <= max(b.to_share for b in bands):
        low, high = min(b.from_share for b in bands), max(b.to_share for b in bands)
        out.append(Text(f"loonwaarde {percent(p.wage_value)} valt buiten de LKS-banden van {p.subsidy_set.name} ({percent(low)}-{percent(high)}): er is geen loonkostensubsidie gerekend",
                        f"wage value {percent(p.wage_value, 'en')} is outside the LKS bands of {p.subsidy_set.name} ({percent(low, 'en')}-{percent(high, 'en')}): no wage subsidy is counted"))
    if p.method == "memo":
        if _used(lines.get("wage_value"), "memo_wage_value_fulltime"):
            out.append(Text("memomethode: de loonwaarde is, zoals in hoofdstuk 6 van de notitie, een percentage van een voltijdjaar (36 uur) en niet van 31 uur; de regels van de notitie zelf geven minder",
                            "memo method: as in chapter 6 of the note, the wage value is a percentage of a full-time (36-hour) year, not of 31 hours; the note's own rules give less"))
        if p.wage_value != Decimal("0.30"):
            out.append(Text("memomethode: het rijksbedrag van €14.300 voor de loonkostensubsidie geldt bij 30 % loonwaarde; voor een andere loonwaarde is het naar verhouding omgerekend",
                            "memo method: the national €14,300 wage-subsidy figure assumes 30% wage value; for another wage value it is scaled in proportion"))
    out.extend(absence_and_price_warnings(p, lines))
    out.extend(unused_override_warnings(p, lines))
    out.extend(tariff_year_warnings(p, lines))
    temp = lines.get("temporary_subsidy")
    sub = p.subsidy_set.subsidies.get("temporary_subsidy")
    if temp is not None and sub is not None and sub.pro_rata and temp.amount and p.hours < p.subsidy_set.full_hours \
            and _used(temp, "temporary_subsidy_pro_rata") is False:
        out.append(Text(f"De tijdelijke subsidie is bij {plain(p.hours)} uur niet naar rato gerekend, zoals in de tabel van hoofdstuk 6; "
                        "§4.3.2 van de notitie rekent wel naar rato",
                        f"The temporary subsidy is not pro-rated at {plain(p.hours, 'en')} hours, as in the table of chapter 6; "
                        "§4.3.2 of the note does pro-rate it"))
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


def unused_override_warnings(p: Placement, lines: dict[str, Line]) -> list[Text]:
    """An override no line's rule read: in this year, with this employer model or this subsidy set it
    changes nothing, and a reader of the scenario should not think it did."""
    # the override's own value must be what a rule read: a mark-up of another employer model is
    # looked up as the model's neutral default instead (core/context.py MODEL_BOUND)
    used = {pv.name for line in lines.values() for pv in line.params if pv.status == "override"}
    # Said without the column's model or year, so the same warning for several columns is shown once.
    return [Text(f"overrides.{name} heeft geen effect: bij het werkgeversmodel, de subsidieset en het jaar van deze kolom "
                 "gebruikt geen enkele regel deze parameter.",
                 f"overrides.{name} has no effect: with this column's employer model, subsidy set and year no rule uses "
                 "this parameter.")
            for name in p.overrides if name not in used]


def _used(line: Line | None, name: str):
    """The value a line's rule actually used for a parameter (None when it used none)."""
    for pv in line.params if line is not None else ():
        if pv.name == name:
            return pv.value
    return None
