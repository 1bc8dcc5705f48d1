"""The cost engine: pure functions from a Placement and a ParameterBook to a Result.

No I/O. Money is Decimal throughout; nothing is rounded unless the placement asks
for a rounding scheme. Every line records the rule it applied (in words) and the
parameter values it used, so reports can show a breakdown and an `explain` trace.

The two methods of the domain (domain.md section 3):
- statutory: each line from the year's legal parameters, month by month;
- memo: the Zaanstreek-Waterland way (file 003, chapter 6): amounts at 31 hours
  from the note's own inputs, scaled by hours/31 (subsidies by min(hours, 31)/31).
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .context import ONE, ZERO, Context
from .model import Placement, RoundingScheme
from .notices import method_warnings, parameter_warning  # noqa: F401  (re-exported)
from .parameters import ParameterBook, ParamValue
from .result import Line, Result, unique  # noqa: F401  (re-exported)
from .text import Text, euro, percent, plain

BENEFIT_KEYS = ("wage_value", "wage_subsidy", "general_subsidy", "temporary_subsidy", "tax_advantage")
COST_KEYS = ("wage_costs", "guidance_costs")
WEEKS_PER_YEAR = Decimal(52)
MONTHS = 12

# The hours the memo's table is drawn up for: the national assumption of 31 hours a place.
MEMO_REFERENCE_HOURS = Decimal(31)
MEMO_REFERENCE_SOURCE = "003_77b5e6ae8c4da4a6.txt, §3.1 en §4.4 (het Rijk gaat uit van gemiddeld 31 uur per plek)"


# ---------------------------------------------------------------- wage bases

def _first_of_months(year: int) -> list[dt.date]:
    return [dt.date(year, m, 1) for m in range(1, MONTHS + 1)]


def statutory_wml_year(ctx: Context, hours: Decimal, skip_months: int = 0) -> tuple[Decimal, Text]:
    """Gross WML for a year at `hours` a week, month by month, without holiday allowance.

    Before 2024 the monthly WML is for the employer's full-time week, so a part-time
    wage is WML x hours / full-time week; from 2024 the statutory hourly WML applies
    to every full-time week: hourly WML x hours x 52 / 12 a month (domain.md section 3).
    `skip_months` leaves out the first months of the year (a trial placement without wage).
    """
    total = ZERO
    monthly, hourly = 0, 0
    for first in _first_of_months(ctx.year)[skip_months:]:
        if ctx.v("hourly_wml_from", first):
            total += ctx.v("wml_hour", first) * hours * WEEKS_PER_YEAR / MONTHS
            hourly += 1
        else:
            total += ctx.v("wml_month", first) * hours / ctx.v("fulltime_hours")
            monthly += 1
    fulltime = plain(ctx.v("fulltime_hours")) if monthly else None
    if hourly and monthly:
        how = Text(f"{monthly} maanden maand-WML × {plain(hours)}/{fulltime} en {hourly} maanden uur-WML × {plain(hours)} × 52/12",
                   f"{monthly} months of monthly WML × {plain(hours, 'en')}/{fulltime} and {hourly} months of hourly WML × {plain(hours, 'en')} × 52/12")
    elif monthly:
        how = Text(f"som van {monthly} maandbedragen WML × {plain(hours)}/{fulltime}",
                   f"sum of {monthly} monthly WML amounts × {plain(hours, 'en')}/{fulltime}")
    else:
        how = Text(f"som van {hourly} maanden uur-WML × {plain(hours)} × 52/12",
                   f"sum of {hourly} months of hourly WML × {plain(hours, 'en')} × 52/12")
    return total, how


def memo_wml_fulltime_year(ctx: Context) -> Decimal:
    """The memo's basis: 12 x the WML in force on 1 January, for a full-time week (endnote vii)."""
    if ctx.v("hourly_wml_from", ctx.jan1):
        return ctx.v("wml_hour", ctx.jan1) * ctx.v("fulltime_hours") * WEEKS_PER_YEAR
    return MONTHS * ctx.v("wml_month", ctx.jan1)


def memo_own_wage_costs(book: ParameterBook, year: int, hours: Decimal, fulltime: Decimal) -> Decimal:
    """Own-employment wage costs by the note's rule (endnote vii): 12 x WML(1 Jan) x 1.08 x 1.23 x hours/full-time.

    Used to derive the payroll mark-up from the 2017 Servorg tariff.
    """
    jan1 = dt.date(year, 1, 1)
    return (MONTHS * book.at("wml_month", jan1).value * (ONE + book.at("holiday_allowance", jan1).value)
            * (ONE + book.at("employer_charges", jan1).value) * hours / fulltime)


# ---------------------------------------------------------------- trial placement

def trial_months(p: Placement) -> int:
    """Months without wage at the start of the placement's first year (proefplaatsing met behoud van uitkering)."""
    return p.trial_months if p.trial_months and p.year == p.start_year else 0


def employed_share(p: Placement) -> Decimal:
    """The part of the year with a paid contract: what wage, LKS, subsidies and LIV hours count for."""
    return Decimal(MONTHS - trial_months(p)) / MONTHS


def _trial_text(p: Placement) -> Text:
    t = trial_months(p)
    if not t:
        return Text("", "")
    return Text(f" × {MONTHS - t}/12 (eerst {t} maanden proefplaatsing met behoud van uitkering, geen dienstverband)",
                f" × {MONTHS - t}/12 (first {t} months trial placement with benefits kept, no contract)")


# ---------------------------------------------------------------- line rules

def _wage_cost_factor(ctx: Context) -> tuple[Decimal, Text]:
    level = ctx.v("wage_level")
    charges = ctx.v("employer_charges")
    markup = ctx.v("payroll_markup")
    fee = ctx.v("agency_fee")
    factor = level * (ONE + charges) * markup * (ONE + fee)
    parts_nl = [f"loonniveau {percent(level)}", f"(1 + {percent(charges)} werkgeverslasten)"]
    parts_en = [f"wage level {percent(level, 'en')}", f"(1 + {percent(charges, 'en')} employer charges)"]
    if markup != ONE:
        parts_nl.append(f"payrollopslag × {plain(markup.quantize(Decimal('0.00001')))}")
        parts_en.append(f"payroll mark-up × {plain(markup.quantize(Decimal('0.00001')), 'en')}")
    if fee:
        parts_nl.append(f"(1 + {percent(fee)} uitzendtoeslag)")
        parts_en.append(f"(1 + {percent(fee, 'en')} agency fee)")
    return factor, Text(" × ".join(parts_nl), " × ".join(parts_en))


def _lks_share(ctx: Context) -> tuple[Decimal, Text, Text | None]:
    """LKS as a share of WML under the set's rule; a reason when it is zero."""
    p = ctx.placement
    wv = p.wage_value
    if p.subsidy_set.lks_source:
        ctx.note(ParamValue(name=f"{p.subsidy_set.name}:wage_subsidy", value=p.subsidy_set.wage_subsidy_rule,
                            since=None, source=p.subsidy_set.lks_source))
    if p.subsidy_set.wage_subsidy_rule == "bands":
        for band in p.subsidy_set.lks_bands:
            last = band is p.subsidy_set.lks_bands[-1]
            if band.from_share <= wv and (wv < band.to_share or (last and wv <= band.to_share)):
                return band.lks_share, Text(
                    f"loonwaarde {percent(wv)} valt in de band {percent(band.from_share)}-{percent(band.to_share)}: LKS {percent(band.lks_share)} WML",
                    f"wage value {percent(wv, 'en')} is in the band {percent(band.from_share, 'en')}-{percent(band.to_share, 'en')}: LKS {percent(band.lks_share, 'en')} of WML"), None
        return ZERO, Text("geen band", "no band"), Text(
            f"loonwaarde {percent(wv)} valt buiten de LKS-banden van {p.subsidy_set.name}",
            f"wage value {percent(wv, 'en')} is outside the LKS bands of {p.subsidy_set.name}")
    cap = ctx.v("lks_max_share")
    share = min(ONE - wv, cap)
    return share, Text(f"min(1 − loonwaarde {percent(wv)}, {percent(cap)})",
                       f"min(1 − wage value {percent(wv, 'en')}, {percent(cap, 'en')})"), None


def _subsidy_line(ctx: Context, key: str) -> Line:
    """A regional subsidy: amount per year at >= full hours, x min(h, full)/full when pro rata (003 §4.3.2)."""
    p = ctx.placement
    sset = p.subsidy_set
    sub = sset.subsidies.get(key)
    if sub is None:
        return Line(key, "benefit", ZERO, Text("niet in de subsidieset", "not in the subsidy set"), ctx.take(),
                    reason=Text(f"subsidieset {sset.name} kent deze subsidie niet", f"subsidy set {sset.name} has no such subsidy"))
    if (sub.from_year and p.year < sub.from_year) or (sub.until_year and p.year > sub.until_year):
        span = f"{sub.from_year or ''}-{sub.until_year or ''}"
        return Line(key, "benefit", ZERO, Text(f"geldt in {span}", f"applies in {span}"), ctx.take(),
                    reason=Text(f"geldt alleen in de jaren {span}, niet in {p.year}", f"applies only in the years {span}, not in {p.year}"))
    if sub.max_years and p.year - p.start_year >= sub.max_years:
        return Line(key, "benefit", ZERO, Text(f"ten hoogste {sub.max_years} jaar per plek", f"at most {sub.max_years} years per place"), ctx.take(),
                    reason=Text(f"ten hoogste {sub.max_years} jaar vanaf het eerste jaar van de plek ({p.start_year}); {p.year} is jaar {p.year - p.start_year + 1}",
                                f"at most {sub.max_years} years from the place's first year ({p.start_year}); {p.year} is year {p.year - p.start_year + 1}"))
    pro_rata = sub.pro_rata
    if key == "temporary_subsidy":
        override = ctx.v("temporary_subsidy_pro_rata")
        if override is not None:
            pro_rata = bool(override)
    full = sset.full_hours
    if pro_rata:
        amount = sub.amount * min(p.hours, full) / full
        rule = Text(f"{euro(sub.amount)} × min({plain(p.hours)}, {plain(full)})/{plain(full)} uur ({sset.name})",
                    f"{euro(sub.amount, 'en')} × min({plain(p.hours, 'en')}, {plain(full)})/{plain(full)} hours ({sset.name})")
    else:
        amount = sub.amount
        rule = Text(f"{euro(sub.amount)} per jaar, niet naar rato ({sset.name})",
                    f"{euro(sub.amount, 'en')} a year, not pro rata ({sset.name})")
    if trial_months(p):
        amount *= employed_share(p)
        rule = Text(rule.nl + _trial_text(p).nl, rule.en + _trial_text(p).en)
    src = ParamValue(name=f"{sset.name}:{key}", value=sub.amount, since=None, source=sub.source)
    return Line(key, "benefit", amount, rule, ctx.take() + (src,))


def _liv(ctx: Context, hours: Decimal, hourly_wage: Decimal) -> tuple[Decimal, Text, Text | None]:
    """Lage-inkomensvoordeel: rate per paid hour by the band of the average hourly wage, up to a maximum.

    Only with at least 1,248 paid hours a year (003 §4.4, endnote xix); none before 2017 or from 2025.
    """
    liv = ctx.v("liv")
    if liv is None:
        return ZERO, Text("geen LIV in dit jaar", "no LIV this year"), Text(
            f"het LIV bestaat niet in {ctx.year}", f"the LIV does not exist in {ctx.year}")
    paid_hours = hours * WEEKS_PER_YEAR
    minimum = ctx.v("liv_min_hours_year")
    if paid_hours < minimum:
        return ZERO, Text(f"{plain(paid_hours)} verloonde uren < {plain(minimum)}", f"{plain(paid_hours, 'en')} paid hours < {plain(minimum, 'en')}"), Text(
            f"LIV pas vanaf {plain(minimum)} verloonde uren per jaar (24 uur per week); hier {plain(paid_hours)}",
            f"LIV only from {plain(minimum, 'en')} paid hours a year (24 hours a week); here {plain(paid_hours, 'en')}")
    shown = hourly_wage.quantize(Decimal("0.01"))
    for band in liv["bands"]:
        if band["from"] <= hourly_wage <= band["to"]:
            amount = min(band["rate"] * paid_hours, band["max"])
            return amount, Text(
                f"gemiddeld uurloon {euro(shown, 'nl', 2)} in band {plain(band['from'])}-{plain(band['to'])}: "
                f"{euro(band['rate'], 'nl', 2)} × {plain(paid_hours)} uur, max {euro(band['max'])}",
                f"average hourly wage {euro(shown, 'en', 2)} in band {plain(band['from'], 'en')}-{plain(band['to'], 'en')}: "
                f"{euro(band['rate'], 'en', 2)} × {plain(paid_hours, 'en')} hours, max {euro(band['max'], 'en')}"), None
    return ZERO, Text(f"gemiddeld uurloon {euro(shown, 'nl', 2)} buiten de LIV-banden",
                      f"average hourly wage {euro(shown, 'en', 2)} outside the LIV bands"), Text(
        f"gemiddeld uurloon {euro(shown, 'nl', 2)} valt buiten de LIV-banden van {ctx.year}",
        f"average hourly wage {euro(shown, 'en', 2)} is outside the LIV bands of {ctx.year}")


def _lkv(ctx: Context, hours: Decimal) -> tuple[Decimal, Text | None]:
    enabled = ctx.v("lkv_enabled")
    if enabled is None:
        enabled = ctx.placement.subsidy_set.lkv
    if not enabled:
        return ZERO, None
    lkv = ctx.v("lkv")
    if lkv is None:
        return ZERO, None
    paid_hours = hours * WEEKS_PER_YEAR
    return min(lkv["rate"] * paid_hours, lkv["max"]), Text(
        f"LKV {euro(lkv['rate'], 'nl', 2)} × {plain(paid_hours)} uur, max {euro(lkv['max'])}",
        f"LKV {euro(lkv['rate'], 'en', 2)} × {plain(paid_hours, 'en')} hours, max {euro(lkv['max'], 'en')}")


def _tax_line(ctx: Context, hourly_wage: Decimal) -> Line:
    """LIV, or LKV where switched on, never both: the higher one (domain.md section 3).

    Paid hours are those of the months with a contract: a trial placement has none.
    """
    hours = ctx.placement.hours * employed_share(ctx.placement)
    liv, liv_rule, liv_reason = _liv(ctx, hours, hourly_wage)
    lkv, lkv_rule = _lkv(ctx, hours)
    if lkv_rule is not None and lkv > liv:
        return Line("tax_advantage", "benefit", lkv, Text(f"{lkv_rule.nl} (hoger dan LIV {euro(liv)})", f"{lkv_rule.en} (higher than LIV {euro(liv, 'en')})"), ctx.take())
    return Line("tax_advantage", "benefit", liv, liv_rule, ctx.take(), reason=liv_reason if not liv else None)


def _guidance_at(ctx: Context, hours: Decimal) -> tuple[Decimal, Text]:
    per_place = ctx.v("guidance_cost_fulltime")
    ref = ctx.v("guidance_reference_hours")
    return per_place * hours / ref, Text(f"{euro(per_place)} per voltijdplek × {plain(hours)}/{plain(ref)}",
                                         f"{euro(per_place, 'en')} per full-time place × {plain(hours, 'en')}/{plain(ref)}")


def statutory_lines(ctx: Context) -> list[Line]:
    p = ctx.placement
    h = p.hours
    base, how = statutory_wml_year(ctx, h)
    holiday = ctx.v("holiday_allowance")
    w = base * (ONE + holiday)
    basis = ctx.take()
    w_text = Text(f"WML-jaarloon {euro(w)} ({how.nl}, × (1 + {percent(holiday)}) vakantiebijslag)",
                  f"WML year wage {euro(w, 'en')} ({how.en}, × (1 + {percent(holiday, 'en')}) holiday allowance)")
    # A trial placement keeps the wage value (the work is done) but has no wage, hence no
    # LKS, no wage costs and no paid hours in its months: those use the wage of the paid months.
    w_paid, w_paid_text, t = w, w_text, trial_months(p)
    if t:
        base_paid, how_paid = statutory_wml_year(ctx, h, skip_months=t)
        w_paid = base_paid * (ONE + holiday)
        basis = unique(basis + ctx.take())
        w_paid_text = Text(f"WML-loon na {t} maanden proefplaatsing {euro(w_paid)} ({how_paid.nl}, × (1 + {percent(holiday)}) vakantiebijslag)",
                           f"WML wage after a {t}-month trial placement {euro(w_paid, 'en')} ({how_paid.en}, × (1 + {percent(holiday, 'en')}) holiday allowance)")
    lines = []

    lines.append(Line("wage_value", "benefit", p.wage_value * w,
                      Text(f"loonwaarde {percent(p.wage_value)} × {w_text.nl}", f"wage value {percent(p.wage_value, 'en')} × {w_text.en}"),
                      basis))

    share, share_text, share_reason = _lks_share(ctx)
    allowance = ctx.v("lks_employer_charge_allowance")
    lines.append(Line("wage_subsidy", "benefit", share * w_paid * (ONE + allowance),
                      Text(f"{share_text.nl} × {w_paid_text.nl} × (1 + {percent(allowance)}) opslag werkgeverslasten",
                           f"{share_text.en} × {w_paid_text.en} × (1 + {percent(allowance, 'en')}) employer-charge allowance"),
                      basis + ctx.take(), reason=share_reason))

    lines.append(_subsidy_line(ctx, "general_subsidy"))
    lines.append(_subsidy_line(ctx, "temporary_subsidy"))
    level = ctx.v("wage_level")
    paid_hours = h * WEEKS_PER_YEAR * employed_share(p)
    lines.append(_with_params(_tax_line(ctx, w_paid * level / paid_hours if paid_hours else ZERO), basis))

    factor, factor_text = _wage_cost_factor(ctx)
    lines.append(Line("wage_costs", "cost", w_paid * factor, Text(f"{w_paid_text.nl} × {factor_text.nl}", f"{w_paid_text.en} × {factor_text.en}"),
                      basis + ctx.take(), origin=p.employer.wage_cost_origin))

    amount, rule = _guidance_at(ctx, h)
    lines.append(Line("guidance_costs", "cost", amount, rule, ctx.take()))
    return lines


def memo_lines(ctx: Context) -> list[Line]:
    """The note's method: amounts at 31 hours from its own inputs, scaled by hours/31."""
    p = ctx.placement
    h = p.hours
    ref = MEMO_REFERENCE_HOURS
    scale = h / ref
    scale_nl, scale_en = f"× {plain(h)}/31", f"× {plain(h, 'en')}/31"
    fulltime = ctx.v("fulltime_hours")
    holiday = ctx.v("holiday_allowance")
    w_full = memo_wml_fulltime_year(ctx) * (ONE + holiday)
    basis = ctx.take()
    w_text = Text(f"WML-jaarloon voltijd {euro(w_full)} (12 × WML 1 januari {ctx.year} × (1 + {percent(holiday)}), {plain(fulltime)} uur)",
                  f"full-time WML year wage {euro(w_full, 'en')} (12 × WML 1 January {ctx.year} × (1 + {percent(holiday, 'en')}), {plain(fulltime)} hours)")
    ref_param = ParamValue(name="memo_reference_hours", value=ref, since=None, source=MEMO_REFERENCE_SOURCE)
    lines = []

    # Wage value: the note takes 30 % of a full-time (36-hour) year for the 31-hour column.
    on_fulltime = ctx.v("memo_wage_value_fulltime")
    wv_hours = fulltime if on_fulltime else ref
    at_ref = p.wage_value * w_full * wv_hours / fulltime
    lines.append(Line("wage_value", "benefit", at_ref * scale,
                      Text(f"bij 31 uur: loonwaarde {percent(p.wage_value)} × {w_text.nl} × {plain(wv_hours)}/{plain(fulltime)} = {euro(at_ref, 'nl', 2)}; {scale_nl}",
                           f"at 31 hours: wage value {percent(p.wage_value, 'en')} × {w_text.en} × {plain(wv_hours)}/{plain(fulltime)} = {euro(at_ref, 'en', 2)}; {scale_en}"),
                      basis + ctx.take() + (ref_param,)))

    # LKS: the national budget figure per place (30 % wage value, 31 hours), in proportion to
    # the share of WML the rule allows (70 % at 30 % wage value).
    share, share_text, share_reason = _lks_share(ctx)
    national = ctx.v("rijk_lks_per_place")
    cap = ctx.v("lks_max_share")
    at_ref = national * share / cap
    paid, trial = employed_share(p), _trial_text(p)   # a trial placement has no wage: no LKS, no wage costs
    lines.append(Line("wage_subsidy", "benefit", at_ref * scale * paid,
                      Text(f"bij 31 uur: rijksbedrag {euro(national)} × {share_text.nl} / {percent(cap)} = {euro(at_ref, 'nl', 2)}; {scale_nl}{trial.nl}",
                           f"at 31 hours: national figure {euro(national, 'en')} × {share_text.en} / {percent(cap, 'en')} = {euro(at_ref, 'en', 2)}; {scale_en}{trial.en}"),
                      ctx.take() + (ref_param,), origin="quoted", reason=share_reason))

    lines.append(_subsidy_line(ctx, "general_subsidy"))
    lines.append(_subsidy_line(ctx, "temporary_subsidy"))
    level = ctx.v("wage_level")
    lines.append(_with_params(_tax_line(ctx, w_full * level / (fulltime * WEEKS_PER_YEAR)), basis))

    factor, factor_text = _wage_cost_factor(ctx)
    at_ref = w_full * ref / fulltime * factor
    lines.append(Line("wage_costs", "cost", at_ref * scale * paid,
                      Text(f"bij 31 uur: {w_text.nl} × 31/{plain(fulltime)} × {factor_text.nl} = {euro(at_ref, 'nl', 2)}; {scale_nl}{trial.nl}",
                           f"at 31 hours: {w_text.en} × 31/{plain(fulltime)} × {factor_text.en} = {euro(at_ref, 'en', 2)}; {scale_en}{trial.en}"),
                      basis + ctx.take() + (ref_param,), origin=p.employer.wage_cost_origin))

    at_ref, rule = _guidance_at(ctx, ref)
    lines.append(Line("guidance_costs", "cost", at_ref * scale,
                      Text(f"bij 31 uur: {rule.nl} = {euro(at_ref, 'nl', 2)}; {scale_nl}", f"at 31 hours: {rule.en} = {euro(at_ref, 'en', 2)}; {scale_en}"),
                      ctx.take() + (ref_param,)))
    return lines


def _with_params(line: Line, extra: tuple[ParamValue, ...]) -> Line:
    return Line(**{**line.__dict__, "params": unique(extra + line.params)})


def extra_benefit_lines(ctx: Context) -> list[Line]:
    """Optional benefit lines a subsidy set declares (e.g. secondment revenue)."""
    p = ctx.placement
    lines = []
    for extra in p.subsidy_set.extra_benefits:
        amount = ctx.v(extra.key) if extra.key in p.overrides else extra.amount
        full = p.subsidy_set.full_hours
        if extra.pro_rata:
            amount = amount * min(p.hours, full) / full
        src = ParamValue(name=f"{p.subsidy_set.name}:{extra.key}", value=extra.amount, since=None, source=extra.source)
        lines.append(Line(extra.key, "benefit", amount, Text(extra.label.nl, extra.label.en), ctx.take() + (src,), label=extra.label))
    if "municipal_top_up" in p.overrides:
        amount = ctx.v("municipal_top_up")
        lines.append(Line("municipal_top_up", "benefit", amount,
                          Text(f"{euro(amount)} per plek per jaar, niet naar rato (invoer scenario)",
                               f"{euro(amount, 'en')} per place a year, not pro rata (scenario input)"),
                          ctx.take(), label=TOP_UP_LABEL))
    return lines


# An extra municipal contribution per place (issue 5): a policy choice, so it only exists as an input.
TOP_UP_LABEL = Text("aanvulling gemeente", "municipal top-up")


# ---------------------------------------------------------------- rounding

def round_line(line: Line, scheme: RoundingScheme) -> Line:
    step = scheme.step[line.origin]
    mode = ROUND_FLOOR if scheme.direction[line.side] == "down" else ROUND_CEILING
    rounded = (line.amount / step).to_integral_value(rounding=mode) * step
    return Line(**{**line.__dict__, "amount": rounded, "unrounded": line.amount})


# ---------------------------------------------------------------- entry point

def calculate(placement: Placement, book: ParameterBook) -> Result:
    """The business case of one placement for one calendar year."""
    ctx = Context(placement, book)
    lines = memo_lines(ctx) if placement.method == "memo" else statutory_lines(ctx)
    lines += extra_benefit_lines(ctx)
    if placement.rounding is not None:
        lines = [round_line(line, placement.rounding) for line in lines]
    by_key = {line.key: line for line in lines}
    warnings: list[Text] = []
    for line in lines:
        for pv in line.params:
            w = parameter_warning(pv)
            if w is not None and w not in warnings:
                warnings.append(w)
    for w in method_warnings(placement, by_key):
        if w not in warnings:
            warnings.append(w)
    return Result(placement=placement, lines=tuple(lines), warnings=tuple(warnings))
