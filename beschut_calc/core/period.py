"""The months a placement runs in a calendar year, once, for one placement and for arrays of them.

A placement starts in a month, may begin with trial months (proefplaatsing: placed, but no
contract and no wage, Participatiewet art. 8a lid 2 onder d) and may end in a month. Months are
counted since year 0 (year × 12 + month − 1), so a trial or an end may cross into a new year.

The rules never multiply by a share of the year themselves: each flow declares its time basis
(core/flows.py) and the engine applies it with these months. `months_in` serves the scalar
engine, `months_in_arrays` the caseload; tests/test_period.py holds them to each other.
"""
from __future__ import annotations

MONTHS = 12
BASES = ("placed", "contract", "once", "year")
NOT_RUNNING = (1, 0, 0)


def month_index(year: int, month: int) -> int:
    return year * MONTHS + month - 1


def months_in(start: int, trial: int, end: int | None, year: int) -> tuple[int, int, int]:
    """(first month, last month, trial months) of `year` in which the placement runs, for a placement
    that starts at month index `start`, has `trial` trial months and ends at month index `end`
    (None: runs on). (1, 0, 0) when it does not run in `year`."""
    first = max(start, year * MONTHS)
    last = year * MONTHS + MONTHS - 1 if end is None else min(end, year * MONTHS + MONTHS - 1)
    if first > last:
        return NOT_RUNNING
    return first - year * MONTHS + 1, last - year * MONTHS + 1, min(max(start + trial - first, 0), last - first + 1)


def months_in_arrays(start, trial, end, year: int, np):
    """`months_in` over arrays of placements (integer arrays; `end` without an end is a far future
    index), with the array library `np` passed in so core stays free of it. Returns (rows running,
    first month, last month, trial months) of those rows."""
    first = np.maximum(start, year * MONTHS)
    last = np.minimum(end, year * MONTHS + MONTHS - 1)
    rows = np.flatnonzero(first <= last)
    first, last = first[rows], last[rows]
    trial_here = np.clip(start[rows] + trial[rows] - first, 0, last - first + 1)
    return rows, first - year * MONTHS + 1, last - year * MONTHS + 1, trial_here
