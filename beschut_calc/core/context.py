"""Parameter look-ups for one placement, in order: the scenario's overrides, the employer
model, the kind of work, neutral defaults, and finally the dated legal parameters.
(Which values a line used follows from its bound rule: core/expr.py.)"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .model import Placement
from .parameters import ParameterBook, ParamValue
from .variables import DECLARED

ZERO = Decimal(0)
ONE = Decimal(1)

# Values that are not law but neutral defaults of the wage-cost rule: own employment has
# no payroll mark-up and no agency fee. Employer models or overrides replace them.
NEUTRAL = {
    "payroll_markup": (ONE, "geen payrollopslag bij dit werkgeversmodel"),
    "agency_fee": (ZERO, "geen uitzendtoeslag bij dit werkgeversmodel"),
    "temporary_subsidy_pro_rata": (None, "zoals de subsidieset het regelt"),
    "memo_wage_value_fulltime": (True, "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, hoofdstuk 6 (loonwaarde 30 % WML voor 36 uur regulier)"),
}
# Mark-ups that belong to an employer model: they apply only where the model declares them
# (payroll: payroll_markup; temp agency: agency_fee), so one scenario can compare all models.
MODEL_BOUND = ("payroll_markup", "agency_fee")
# The memo method keeps the note's own 23 % employer charges in every year (endnote vii); the statutory
# method's default is the Regeling loonkostensubsidie's estimate (params/employer_charges.yaml). An
# override of employer_charges applies to both methods.
MEMO_OWN = {"employer_charges": "memo_employer_charges"}


# The minimum wage after its last known value: carried forward (flagged), or with `wml_growth` a year (an assumption).
GROWS_WITH_WML = ("wml_hour", "wml_month")


def grown(pv: ParamValue, growth: Decimal, year: int) -> ParamValue:
    years = year - pv.since.year
    pct = format((growth * 100).normalize(), "f")
    return pv._replace(**{"value": pv.value * (1 + growth) ** years, "extrapolated": False, "status": "assumption",
                         "note": f"De laatst bekende waarde ({pv.value} vanaf {pv.since.isoformat()}) is met wml_growth "
                                 f"{pct.replace('.', ',')} % per jaar verhoogd ({years} jaar); een aanname, geen gepubliceerd bedrag.",
                         "note_en": f"The last known value ({pv.value} from {pv.since.isoformat()}) is raised by wml_growth "
                                    f"{pct}% a year ({years} years); an assumption, not a published amount."})


class Context:
    """Parameter lookups for one placement."""

    def __init__(self, placement: Placement, book: ParameterBook):
        self.placement = placement
        self.book = book
        self.year = placement.year
        self.jan1 = dt.date(placement.year, 1, 1)

    def lookup(self, name: str, when: dt.date | None = None) -> ParamValue:
        p = self.placement
        if name in MODEL_BOUND and name not in p.employer.parameters and name not in p.employer.requires:
            value, source = NEUTRAL[name]
            return ParamValue(name=name, value=value, since=None, source=source, status="default")
        if name in p.overrides:
            return p.overrides[name]
        if name in p.employer.parameters:
            return p.employer.parameters[name]
        if p.method == "memo" and name in MEMO_OWN:
            own = self.book.at(MEMO_OWN[name], when or self.jan1)
            return own._replace(name=name)
        if name == "guidance_cost_fulltime" and p.work_type:
            by_type = self.book.at("guidance_cost_by_work_type", when or self.jan1)
            return by_type._replace(**{"name": name, "value": by_type.value[p.work_type],
                                 "note": f"soort werk: {p.work_type}. {by_type.note}".strip(),
                                 "note_en": f"kind of work: {p.work_type}. {by_type.note_in('en')}".strip()})
        if name in NEUTRAL:
            value, source = NEUTRAL[name]
            return ParamValue(name=name, value=value, since=None, source=source, status="default")
        if name not in self.book and name in DECLARED and DECLARED[name].default is not None:
            # an input without a parameter file that the scenario leaves out: its declared default
            return ParamValue(name=name, value=DECLARED[name].default, since=None, status="default",
                              source=f"standaardwaarde van {DECLARED[name].label.nl} (geen waarde in het scenario)")
        found = self.book.at(name, when or self.jan1)
        if found.extrapolated and name in GROWS_WITH_WML and p.wml_growth is not None:
            return grown(found, p.wml_growth, (when or self.jan1).year)
        return found
