"""JSON output: {"scenarios": [...]} with amounts as JSON numbers in euros, to the cent."""
from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

from ..core.variables import DECLARED
from ..core.accounts import BY_KEY, VIEWS
from ..core.flows import ALTERNATIVE_LABEL
from ..core.engine import Result
from ..core.parameters import ParamValue
from .labels import line_label, party_verdict, verdict

CENT = Decimal("0.01")


def money(value: Decimal) -> float | int:
    """Half-up to the cent; whole euros as integers so 32100 reads as 32100."""
    cents = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    return int(cents) if cents == cents.to_integral_value() else float(cents)


def number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def line_source(params: tuple[ParamValue, ...]) -> str:
    return "; ".join(dict.fromkeys(pv.source for pv in params if pv.source))


def inputs(result: Result) -> dict:
    p = result.placement
    return {
        "name": p.name,
        "year": p.year,
        "method": p.method,
        # the declared fields of the column (core/variables.py): hours, wage value, and absence and
        # indexation when the scenario gives them
        **{name: number(getattr(p, name)) for name, v in DECLARED.items()
           if v.field and (v.required or getattr(p, name, None) is not None)},
        "employer_model": p.employer.name,
        "subsidy_set": p.subsidy_set.path or p.subsidy_set.name,
        "rounding": p.rounding.name if p.rounding else "none",
        "work_type": p.work_type,
        "overrides": {name: number(pv.value) for name, pv in p.overrides.items()},
        **period(p),
    }


def period(p) -> dict:
    """The placement's months in the column's year, and its start and end when the scenario gives them."""
    first, last, trial = p.months_in(p.year)
    out: dict = {"months": max(last - first + 1, 0), "trial_months": trial}
    if p.start_month != 1 or p.first_year is not None:
        out["start"] = f"{p.start_year}-{p.start_month:02d}"
    if p.end is not None:
        out["end"] = f"{p.end[0]}-{p.end[1]:02d}"
    return out


def scenario_dict(result: Result, lang: str = "nl") -> dict:
    from .perspective import memo_sentence

    return {
        "name": result.placement.name,
        "inputs": inputs(result),
        "lines": [
            {"key": line.key, "side": line.side, "label": line_label(line, lang), "amount": money(line.amount),
             "source": line_source(line.params),
             **({"unrounded": money(line.unrounded)} if line.unrounded is not None else {}),
             **({"reason": line.reason(lang)} if line.reason is not None else {})}
            for line in result.lines
        ],
        "totals": {"benefits": money(result.benefits), "costs": money(result.costs), "balance": money(result.balance)},
        "verdict": verdict(result.balance, lang),
        "flows": flows_json(result, lang),
        "alternative": alternative_json(result, lang),
        "perspectives": perspectives_json(result, lang),
        "summary": memo_sentence(result, lang),
        "warnings": [w(lang) for w in result.warnings],
    }


def flows_json(result: Result, lang: str = "nl", alternative: bool = False) -> list[dict]:
    """The placement's flows, or with `alternative` the flows of the alternative, as each would run."""
    return [{"key": f.key, "label": f.label(lang), "amount": money(f.amount), "payer": f.payer, "payee": f.payee,
             "basis": f.basis, "rule": f.rule(lang), "source": "; ".join(s for s in (f.source, line_source(f.params)) if s),
             **({"line": f.line} if f.line else {}), **({"reason": f.reason(lang)} if f.reason is not None else {})}
            for f in result.flows if f.alternative == alternative]


def alternative_json(result: Result, lang: str = "nl") -> dict:
    """What would happen without the placement (issue 22): its name and its flows; each perspective's
    balance is its flows with the placement minus these."""
    p = result.placement
    from .perspective import HEAD

    return {"name": p.alternative, "label": ALTERNATIVE_LABEL[p.alternative](lang), "household": p.household,
            "flows": flows_json(result, lang, alternative=True),
            **({"warning": HEAD["no_alternative"](lang)} if p.alternative == "none" else {})}


def perspectives_json(result: Result, lang: str = "nl") -> dict:
    out = {}
    for key, book in result.views().items():
        out[BY_KEY[key].json_key] = {
            "label": book.party.label(lang), "receives": money(book.received), "pays": money(book.paid),
            "benefits": money(book.benefits), "costs": money(book.costs), "balance": money(book.balance),
            "verdict": party_verdict(book.balance, lang), **({"same_as": book.same_as} if book.same_as else {}),
            **({"shown_apart": [{"key": f.key, "label": f.label(lang), "amount": money(f.amount)} for f in book.apart],
                "balance_with_shown_apart": money(book.with_apart)} if book.apart else {})}
    return out


def render(results: list[Result], lang: str = "nl", extras: list[dict] | None = None, top: dict | None = None,
           receipt=None, origins: list[dict] | None = None) -> str:
    """`extras[i]` adds keys to column i (trace, breakeven, ...); `top` adds top-level keys (budget);
    `receipt` (core/receipt.py) says which tool and parameter data made the figures; `origins[i]`
    names column i's scenario and file, first in its entry, so entries from several files stay apart."""
    scenarios = [scenario_dict(r, lang) for r in results]
    if origins is not None:
        scenarios = [{**origin, "column": entry["name"], **entry} for origin, entry in zip(origins, scenarios)]
    for scenario, more in zip(scenarios, extras or []):
        scenario.update(more)
    head = {"receipt": receipt.to_json()} if receipt is not None else {}
    return dumps({**head, "scenarios": scenarios, **(top or {})})


class OneLineEach(list):
    """A long list of small records (a caseload's placements): one record per line, so 500,000 of
    them stay quick to write (indenting every field costs five times as long) and easy to read."""


def dumps(document: dict) -> str:
    """JSON indented by 2, with each OneLineEach list written one record per line."""
    lists: dict[str, OneLineEach] = {}

    def mark(value):
        if isinstance(value, OneLineEach):
            token = f"\u0001list{len(lists)}\u0001"
            lists[json.dumps(token)] = value
            return token
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        return value

    marked = mark(document)
    _no_personal_numbers(marked, lists.values())
    text = json.dumps(marked, ensure_ascii=False, indent=2)
    for token, records in lists.items():
        # json.dumps escapes U+0001 inside every string, so the token cannot occur in text from a file
        at = text.index(token)
        line_start = text.rfind("\n", 0, at) + 1
        indent = " " * (len(text[line_start:at]) - len(text[line_start:at].lstrip(" ")))
        body = ",\n".join(indent + "  " + json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) for record in records)
        text = text[:at] + ("[\n" + body + "\n" + indent + "]" if records else "[]") + text[at + len(token):]
    return text + "\n"


# Keys whose strings echo what a user wrote (names, ids, municipalities, files, warnings quoting them);
# our own texts (rules, sources, hashes, amounts) are not searched: they hold no input.
ECHO_KEYS = frozenset(("name", "column", "scenario", "file", "caseload_file", "description", "title", "id", "municipality",
                       "group", "warnings", "note"))


def _no_personal_numbers(document, records) -> None:
    """Issue 24, the last line of defence: no string of the JSON that echoes input may hold a possible BSN
    (the caseload reader refuses such a file already; a scenario's name is caught here)."""
    from ..core.personal import cells_with_bsn, refuse_output

    found: set[str] = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in ECHO_KEYS:
            found.add(value)

    walk(document)
    for many in records:
        for record in many:
            if isinstance(record, dict):
                for key in ECHO_KEYS.intersection(record):
                    walk(record[key], key)
    if cells_with_bsn(sorted(found)):
        refuse_output("JSON-uitvoer", "JSON output")


# ---------------------------------------------------------------- analyses (typed results in, JSON out)

def analyses_json(column, lang: str = "nl") -> dict:
    """A column's analyses (analysis/hooks.py ColumnAnalyses) as keys of its JSON entry."""
    out: dict = {}
    if column.view is not None and any((column.breakeven, column.sweep, column.sensitivity, column.simulation)):
        out["analyses_weigh"] = BY_KEY[column.view].json_key     # whose balance (--perspective), not the business case
    if column.breakeven is not None:
        out["breakeven"] = column.breakeven.to_json(lang)
    if column.sweep is not None:
        from ..analysis.sweep import to_json as sweep_points

        out["sweep"] = sweep_points(column.sweep.axes, column.sweep.columns, column.sweep.balance)
    if column.sensitivity is not None:
        out["sensitivity"] = [{"parameter": b.parameter, "low": number(b.low), "high": number(b.high), "central": number(b.central),
                               "balance_low": money(b.balance_low), "balance_high": money(b.balance_high),
                               "balance_central": money(b.balance_central), "swing": money(b.swing), "verdict_flips": b.flips,
                               "source": b.source} for b in column.sensitivity]
    if column.simulation is not None:
        sim = column.simulation
        out["simulation"] = {"n": sim.n, "seed": sim.seed, "p5": round(sim.p5, 2), "p50": round(sim.p50, 2),
                             "p95": round(sim.p95, 2), "deficit_share": round(sim.deficit_share, 6), "inputs": list(sim.inputs),
                             "histogram": [{"from": round(a, 2), "to": round(b, 2), "count": c} for a, b, c in sim.histogram]}
    if column.years:
        out["years"] = years_json(column.years, lang)
        out["cumulative_balance"] = money(column.years[-1].cumulative)
        out.update(present_value_json(column.years))
    return out


def present_value_json(years) -> dict:
    """Each view's balances over the years discounted to the first year (analysis/projection.py)."""
    from ..analysis.projection import present_value

    rate = years[0].rate
    return {"present_value": {account.json_key: money(present_value(years, account.key)) for account in VIEWS},
            "discount": {"rate": float(rate.value), "source": rate.source, "status": rate.status}}


def years_json(years, lang: str = "nl") -> list[dict]:
    out = []
    for y in years:
        d = scenario_dict(y.result, lang)
        out.append({"year": y.year, "lines": d["lines"], "totals": d["totals"], "cumulative_balance": money(y.cumulative),
                    "flows": d["flows"], "alternative": d["alternative"], "perspectives": d["perspectives"],
                    "warnings": d["warnings"]})
    return out


def budget_json(budgets, lang: str = "nl") -> dict:
    """{"budget": rows, "budget_warnings": texts} over every scenario with targets."""
    from ..analysis.budget import MONEY

    rows, warnings = [], []
    for _, found in budgets:
        for row in found.rows:
            out = {"scenario": row.scenario, "column": row.column, "municipality": row.municipality, "year": row.year,
                   "places": row.places, "new_places": row.new_places}
            out.update({key: money(row.amounts[key]) for key in MONEY})
            out["employer_balance_in_net"] = row.bears_employer_balance
            if row.total:
                out["total"] = True
            rows.append(out)
        warnings.extend(w(lang) for w in found.warnings if w(lang) not in warnings)
    return {"budget": rows, "budget_warnings": warnings}
