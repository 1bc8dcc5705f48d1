"""The hypothesis generator of valid scenarios, shared by the property and hardening tests.

Every employer model and subsidy set comes from the shipped catalogues, so a new model or
set is covered without touching the tests.
"""
from __future__ import annotations

from decimal import Decimal as D

from hypothesis import strategies as st

from beschut_calc.inputs import catalog

EMPLOYERS = catalog.names(catalog.EMPLOYERS_DIR)
SETS = catalog.names(catalog.SUBSIDY_SETS_DIR)


@st.composite
def valid_scenarios(draw, method=None, rounding=None, hours=None, min_hours=D(1), extras=True):
    """Scenario keys for one column. `extras` adds kind of work, trial months, the municipal
    top-up and secondment revenue; leave them out where a property is about the bare lines."""
    keys = {
        "name": "p",
        "year": draw(st.integers(2015, 2026)),
        "method": method or draw(st.sampled_from(["statutory", "memo"])),
        "hours": hours if hours is not None else draw(st.decimals(min_value=min_hours, max_value=D(40), places=2)),
        "wage_value": draw(st.decimals(min_value=D(0), max_value=D(1), places=3)),
        "employer_model": draw(st.sampled_from(EMPLOYERS)),
        "subsidy_set": draw(st.sampled_from(SETS)),
        "rounding": rounding or draw(st.sampled_from(["none", "memo"])),
    }
    optional = {
        "fulltime_hours": st.sampled_from([36, 38, 40]),
        "wage_level": st.decimals(min_value=D(1), max_value=D("1.5"), places=2),
        "employer_charges": st.decimals(min_value=D("0.15"), max_value=D("0.30"), places=3),
        "temporary_subsidy_pro_rata": st.booleans(),
        "memo_wage_value_fulltime": st.booleans(),
        "guidance_cost_fulltime": st.integers(5000, 13000),
    }
    if extras:
        work_type = draw(st.sampled_from([None, "green", "internal", "secondment"]))
        if work_type:
            keys["work_type"] = work_type
        trial = draw(st.sampled_from([0, 0, 3, 6]))
        if trial:
            keys["trial_months"] = trial
        optional["municipal_top_up"] = st.integers(0, 3000)
    overrides = draw(st.fixed_dictionaries({}, optional=optional))
    if keys["employer_model"] == "temp_agency":
        overrides["agency_fee"] = draw(st.decimals(min_value=D(0), max_value=D("0.5"), places=2))
    if extras and keys["subsidy_set"] == "arnhem-2017" and draw(st.booleans()):
        overrides["secondment_revenue"] = draw(st.integers(0, 5000))
    if overrides:
        keys["overrides"] = overrides
    return keys
