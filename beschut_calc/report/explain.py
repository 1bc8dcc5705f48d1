"""`--explain`: per column, each line with its rule in words, its amount and every parameter it
used (value, effective date, source, status) — the trace a controller checks a memo against."""
from __future__ import annotations

from ..core.engine import Result
from ..core.parameters import ParamValue
from ..core.text import Text, euro, with_unit
from .jsonout import money, number
from .labels import line_label

STATUS = {
    "confirmed": Text("bevestigd", "confirmed"),
    "unconfirmed": Text("niet bevestigd", "not confirmed"),
    "assumption": Text("aanname", "assumption"),
    "override": Text("invoer scenario", "scenario input"),
    "default": Text("standaard", "default"),
}


def _param(pv: ParamValue, lang: str) -> dict:
    value = pv.value
    if isinstance(value, dict):
        value = {k: (number(v) if not isinstance(v, list) else [{kk: number(vv) for kk, vv in b.items()} for b in v])
                 for k, v in value.items()}
    else:
        value = number(value)
    out = {"name": pv.name, "value": value, "since": pv.since.isoformat() if pv.since else None,
           "source": pv.source, "status": pv.status}
    if pv.extrapolated:
        out["extrapolated"] = True
    if pv.note:
        out["note"] = pv.note_in(lang)
    return out


def trace(result: Result, lang: str = "nl") -> dict:
    """The JSON `trace` of one column."""
    p = result.placement
    return {
        "method": p.method,
        "employer_model": {"name": p.employer.name, "label": p.employer.label(lang), "source": p.employer.source},
        "subsidy_set": {"name": p.subsidy_set.name, "title": p.subsidy_set.title(lang), "source": p.subsidy_set.source},
        "rounding": ({"name": p.rounding.name, "description": p.rounding.description(lang), "source": p.rounding.source}
                     if p.rounding else None),
        "lines": [
            {"key": line.key, "label": line_label(line, lang), "rule": line.rule(lang), "amount": money(line.amount),
             **({"unrounded": money(line.unrounded)} if line.unrounded is not None else {}),
             **({"reason": line.reason(lang)} if line.reason else {}),
             "parameters": [_param(pv, lang) for pv in line.params]}
            for line in result.lines
        ],
        "assumptions": [_param(pv, lang) for pv in result.parameters if pv.status == "assumption"],
        "warnings": [w(lang) for w in result.warnings],
    }


def _describe(pv: ParamValue, lang: str) -> str:
    since = (f"vanaf {pv.since.isoformat()}" if lang == "nl" else f"from {pv.since.isoformat()}") if pv.since else ""
    value = with_unit(pv.value, pv.unit, lang)
    flags = [STATUS.get(pv.status, Text.same(pv.status))(lang)]
    if pv.extrapolated:
        flags.append("doorgetrokken" if lang == "nl" else "carried forward")
    head = f"{pv.name} = {value}" + (f" ({since})" if since else "") + f" [{', '.join(flags)}]"
    return f"{head}\n        bron: {pv.source}" if lang == "nl" else f"{head}\n        source: {pv.source}"


def render(results: list[Result], lang: str, out) -> None:
    """Plain text, so it can be pasted into a memo's annex or diffed between runs."""
    for result in results:
        p = result.placement
        title = (f"Toelichting: {p.name}" if lang == "nl" else f"Explanation: {p.name}")
        print(f"\n{title}\n{'=' * len(title)}", file=out)
        print(f"{'werkgever' if lang == 'nl' else 'employer'}: {p.employer.label(lang)} — {p.employer.source}", file=out)
        print(f"{'subsidieset' if lang == 'nl' else 'subsidy set'}: {p.subsidy_set.name} — {p.subsidy_set.source}", file=out)
        if p.rounding:
            print(f"{'afronding' if lang == 'nl' else 'rounding'}: {p.rounding.description(lang)} — {p.rounding.source}", file=out)
        for line in result.lines:
            print(f"\n  {line_label(line, lang)}: {euro(line.amount, lang, 2)}", file=out)
            if line.unrounded is not None:
                print(f"    {'onafgerond' if lang == 'nl' else 'unrounded'}: {euro(line.unrounded, lang, 2)}", file=out)
            print(f"    {'regel' if lang == 'nl' else 'rule'}: {line.rule(lang)}", file=out)
            if line.reason:
                print(f"    {'waarom nul' if lang == 'nl' else 'why zero'}: {line.reason(lang)}", file=out)
            if line.params:
                names = ", ".join(dict.fromkeys(pv.name for pv in line.params))
                print(f"    parameters: {names}", file=out)
        # Each parameter once per column, with its value, date, status and source; the lines name them.
        described = list(dict.fromkeys(_describe(pv, lang) for line in result.lines for pv in line.params))
        if described:
            print(f"\n  {'Parameters en bronnen' if lang == 'nl' else 'Parameters and sources'}:", file=out)
            for text in described:
                print(f"    - {text}", file=out)
        total = Text("Totaal baten {b}, totaal kosten {c}, saldo {s}", "Total benefits {b}, total costs {c}, balance {s}")(lang)
        print("\n  " + total.format(b=euro(result.benefits, lang, 2), c=euro(result.costs, lang, 2), s=euro(result.balance, lang, 2)), file=out)
        if result.warnings:
            print(f"\n  {'Waarschuwingen' if lang == 'nl' else 'Warnings'}:", file=out)
            for w in result.warnings:
                print(f"    - {w(lang)}", file=out)
