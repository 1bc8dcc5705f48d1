"""Mutation check of the legal cases (issue 20, item 6).

Changes each dated value of `beschut_calc/params/*.yaml` in turn, in memory (a copy of the loaded
ParameterBook with that one value replaced), reruns every case of `tests/legal_cases/*.yaml` and
counts the value as killed when at least one case fails (a wrong amount or an error). A survivor is a
value the cases would not notice if it were mistyped. The target is none; the few that cannot be killed
are listed in EXPECTED_SURVIVORS with the reason.

The change: a number +1 % (0 becomes 0.01, a whole number at least +1), every number of a table (bands, amounts per kind of work)
+1 % at once, a boolean flipped, null (no LIV) replaced by a band that covers every wage.

Run: python bench/mutation.py     (also run by tests/test_legal_cases.py; about a few seconds)
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_legal_cases as legal  # noqa: E402  (tests/ is put on the path just above)

from beschut_calc.core.parameters import ParameterBook  # noqa: E402

# Values the cases cannot notice, with the reason (see also legal.NOT_USED_BY_ANY_RULE): none now.
EXPECTED_SURVIVORS: dict = {
    ("discount_rate", dt.date(2015, 1, 1)): "read by --years for the present value, not by a line or flow; "
                                            "tests/test_society.py holds the present value to the rate by hand",
}

NULL_BAND = {"bands": [{"from": Decimal(0), "to": Decimal(1000), "rate": Decimal(1), "max": Decimal(100000)}]}


def mutate(value):
    """The changed value: +1 % (0 -> 0.01; a whole number by at least 1), a table so throughout, a boolean
    flipped, null -> a band."""
    if isinstance(value, bool):
        return not value
    if value is None:
        return NULL_BAND
    if isinstance(value, Decimal):
        if value == 0:
            return Decimal("0.01")
        if value == value.to_integral_value():     # a count (years, hours) changes by at least one whole unit
            return value + max(abs(value) * Decimal("0.01"), Decimal(1))
        return value * Decimal("1.01")
    if isinstance(value, dict):
        return {k: mutate(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mutate(v) for v in value]
    return value


def mutant(book: ParameterBook, name: str, since: dt.date) -> ParameterBook:
    """A copy of the book with one dated value changed; the original is untouched."""
    param = book.parameters[name]
    values = [pv._replace(value=mutate(pv.value)) if pv.since == since else pv for pv in param.values]
    parameters = dict(book.parameters)
    parameters[name] = param._replace(values=values)
    return ParameterBook(parameters=parameters, digest=book.digest + "-mutant")


@dataclasses.dataclass
class Report:
    baseline: list[str]                       # failures without any change (must be none)
    killed: dict[tuple, str]                  # (name, date) -> the first case that noticed
    survivors: list[tuple]
    seconds: float


def _first_failure(cases, book) -> str | None:
    try:
        found = legal.failures(cases, book, first=True)
    except Exception as exc:                  # a mutant the engine refuses (a look-up before a first date) is killed too
        return f"error: {type(exc).__name__}: {exc}"
    return found[0] if found else None


def run(cases, book) -> Report:
    start = time.perf_counter()
    baseline = legal.failures(cases, book)
    # The cases whose figures read a value are tried first for its mutant: the first failure decides,
    # and a value is then found out by one case instead of all of them (a survivor still meets every case).
    uses = [legal.used_pairs([case], book) for case in cases]
    killed, survivors = {}, []
    for pair in legal.dated_pairs(book):
        ordered = [c for c, used in zip(cases, uses) if pair in used] + [c for c, used in zip(cases, uses) if pair not in used]
        why = _first_failure(ordered, mutant(book, *pair))
        if why is None:
            survivors.append(pair)
        else:
            killed[pair] = why
    return Report(baseline, killed, survivors, time.perf_counter() - start)


def main() -> int:
    from beschut_calc.inputs.parameter_files import load_parameters

    book = load_parameters()
    cases = legal.load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        legal.load_placements(cases, Path(tmp))
    report = run(cases, book)
    total = len(report.killed) + len(report.survivors)
    print(f"{len(cases)} cases, {total} dated values, {len(report.killed)} killed, {len(report.survivors)} survivors, "
          f"{report.seconds:.1f} s")
    for line in report.baseline:
        print("BASELINE FAILS:", line)
    for name, since in report.survivors:
        reason = EXPECTED_SURVIVORS.get((name, since), "NOT EXPECTED: add a case that uses this value")
        print(f"  survivor {name} {since}: {reason}")
    unexpected = [pair for pair in report.survivors if pair not in EXPECTED_SURVIVORS]
    return 1 if report.baseline or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
