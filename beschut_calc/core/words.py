"""The rule in words (Dutch and English), rendered from a line's bound tree with the values the
column used: what `--explain`, the JSON trace and the workbook's rule column show."""
from __future__ import annotations

from decimal import Decimal

from .expr import (And, Cmp, Const, Decided, Expr, Flag, If, Input, Note, Op, Round, Step, Sum, Value, Zero, evaluate,
                   steps_of)
from .text import Text, euro, percent, plain, with_unit

SYMBOL = {"+": " + ", "-": " − ", "*": " × ", "/": " / ", "pow": " ^ "}
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "pow": 3}
INPUT_WORDS = {
    "hours": Text("{v} uur", "{v} hours"),
    "wage_value": Text("loonwaarde {v}", "wage value {v}"),
    "trial_months": Text("{v} maanden proefplaatsing", "{v} months of trial placement"),
    "first_month": Text("eerste maand {v}", "first month {v}"),
    "last_month": Text("laatste maand {v}", "last month {v}"),
    "year": Text("{v}", "{v}"),
    "absence": Text("verzuim {v}", "absence {v}"),
    "indexation": Text("{v} indexatie", "{v} indexation"),
    "first_year": Text("eerste jaar {v}", "first year {v}"),
}


def show(number, unit: str, lang: str) -> str:
    """A number as people read it, by its unit."""
    if unit in ("euro", "euro_cents") or unit.startswith("euro_"):
        value = Decimal(number)
        return euro(value, lang, 0 if value == value.to_integral_value() else 2)
    if unit == "fraction":
        return percent(number, lang)
    if unit in ("year", "count"):
        return str(int(number))
    if unit == "factor":
        return plain(Decimal(number).quantize(Decimal("0.0001")), lang)
    if unit in ("number", "hours_per_year", "hours_per_week"):
        return plain(Decimal(number).quantize(Decimal("0.01")).normalize() if Decimal(number) != Decimal(number).to_integral_value()
                     else Decimal(number).quantize(Decimal(1)), lang)
    return with_unit(number, unit, lang)


STEP_UNITS = {"euro": "euro", "fraction": "fraction", "number": "number", "factor": "factor", "count": "count"}


def operation(e: Op, render, level_of) -> str:
    """An operator in words: min/max as a call, otherwise its arguments joined by the symbol, each in
    brackets where `level_of(argument, its words)` says it binds less tightly than the operator."""
    if e.op in ("min", "max"):
        return f"{e.op}(" + ", ".join(render(a) for a in e.args) + ")"
    parts = []
    for i, arg in enumerate(e.args):
        text = render(arg)
        level = level_of(arg, text)
        if level is not None and (level < PRECEDENCE[e.op] or (i > 0 and e.op in ("-", "/", "pow") and level == PRECEDENCE[e.op])):
            text = f"({text})"
        parts.append(text)
    return SYMBOL[e.op].join(parts)


class Words:
    def __init__(self, inputs: dict, memo: dict, lang: str):
        self.inputs, self.memo, self.lang = inputs, memo, lang

    def value_of(self, e: Expr):
        return evaluate(e, self.inputs, memo=self.memo)

    def __call__(self, e: Expr) -> str:
        lang = self.lang
        if isinstance(e, Const):
            return plain(e.value, lang)
        if isinstance(e, Value):
            shown = show(e.number, e.unit or e.pv.unit, lang)
            return f"{shown} {e.label(lang)}" if e.label is not None else shown
        if isinstance(e, Input):
            value = self.inputs[e.name]
            shown = (percent(value, lang) if e.name in ("wage_value", "absence", "indexation")
                     else str(int(value)) if "year" in e.name else plain(value, lang))
            return INPUT_WORDS.get(e.name, Text("{v}", "{v}"))(lang).format(v=shown)
        if isinstance(e, Zero):
            return "0"
        if isinstance(e, Step):
            return f"{e.label(lang)} {show(self.value_of(e), STEP_UNITS[e.fmt], lang)}"
        if isinstance(e, Op):
            return operation(e, self, lambda arg, text: 1 if isinstance(arg, Sum) else
                             PRECEDENCE.get(arg.op) if isinstance(arg, Op) else None)
        if isinstance(e, Sum):
            return self._sum(e)
        if isinstance(e, If):
            return self(e.then if self.value_of(e.cond) else e.otherwise)
        if isinstance(e, (Decided, Note)):
            return self(e.expr)
        if isinstance(e, Round):
            step = show(self.value_of(e.step), "euro", lang)
            way = {"down": Text("omlaag", "down"), "up": Text("omhoog", "up")}[e.direction](lang)
            what = Text("afgerond op {s} {w}", "rounded to {s} {w}")(lang).format(s=step, w=way)
            return f"{self(e.expr)}, {what}"
        if isinstance(e, (Cmp, And, Flag)):
            return ""
        raise TypeError(type(e).__name__)

    def _sum(self, e: Sum) -> str:
        """Like terms grouped: '6 × (€ 1.551,60 × 31 uur / 36) + 6 × (…)'."""
        groups: list[list] = []
        for term in e.terms:
            text = self(term)
            if groups and groups[-1][0] == text:
                groups[-1][1] += 1
            else:
                groups.append([text, 1])
        body = " + ".join(text if n == 1 else f"{n} × ({text})" for text, n in groups)
        return f"{e.words(self.lang)}: {body}" if e.words is not None else body


def rule_text(tree: Expr, inputs: dict, memo: dict) -> Text:
    """The line's rule, then each named step it uses with its own rule."""
    def render(lang: str) -> str:
        words = Words(inputs, memo, lang)
        main = words(tree)
        steps = [f"{s.label(lang)} = {words(s.expr)}" for s in steps_of(tree)]
        if steps:
            main += ("; waarbij " if lang == "nl" else "; where ") + "; ".join(steps)
        return main
    return Text(render("nl"), render("en"))


def fill_reason(reason: Text, values: dict[str, tuple], lang: str) -> str:
    """A reason's {placeholders}: named steps and parameters, shown by their unit."""
    shown = {name: show(number, unit, lang) for name, (number, unit) in values.items()}
    try:
        return reason(lang).format(**shown)
    except (KeyError, IndexError):
        return reason(lang)


# ---------------------------------------------------------------- the method in words (no values)

INPUT_NAMES = {
    "hours": Text("uren", "hours"), "wage_value": Text("loonwaarde", "wage value"),
    "trial_months": Text("maanden proefplaatsing", "months of trial placement"),
    "first_month": Text("eerste maand", "first month"), "last_month": Text("laatste maand", "last month"),
    "year": Text("jaar", "year"), "first_year": Text("eerste jaar van de plek", "first year of the placement"),
    "absence": Text("verzuim", "absence"), "indexation": Text("indexatie", "indexation"),
}
CMP_WORDS = {"<": " < ", "<=": " ≤ ", ">": " > ", ">=": " ≥ ", "!=": " ≠ "}
MONTHS_OF_PLACE = {"first_month", "last_month", "trial_months"}


class Formula:
    """A bound tree in words without its values: parameters by their label, inputs by name, named steps
    by their label (each said once after the rule), notes collected (what the workbook's method says)."""

    def __init__(self, lang: str, title=None):
        self.lang = lang
        self.title = title or (lambda name: None)     # a parameter's own title, for values without a label
        self.steps: list[Step] = []
        self.notes: list[Note] = []

    def __call__(self, e: Expr) -> str:
        lang = self.lang
        if isinstance(e, Const):
            return plain(e.value, lang)
        if isinstance(e, Value):
            if e.label is not None:
                return e.label(lang)
            title = self.title(e.pv.name)
            if title is None:
                return e.pv.name
            text = title(lang)
            return text if text[1:2].isupper() else text[:1].lower() + text[1:]
        if isinstance(e, Input):
            return INPUT_NAMES.get(e.name, Text(e.name, e.name))(lang)
        if isinstance(e, Zero):
            return "0"
        if isinstance(e, Step):
            if e not in self.steps:
                self.steps.append(e)
                self(e.expr)          # its own steps and notes first
                self.steps.remove(e)
                self.steps.append(e)
            return e.label(lang)
        if isinstance(e, Note):
            if e not in self.notes:
                self.notes.append(e)
            return self(e.expr)
        if isinstance(e, Op):
            return operation(e, self, lambda arg, text: PRECEDENCE.get(arg.op) if isinstance(arg, Op) else
                             0 if isinstance(arg, If) and text.find(",") >= 0 else None)
        if isinstance(e, Sum):
            texts = list(dict.fromkeys(self(t) for t in e.terms))
            per = Text("per maand", "per month")(lang) if len(e.terms) == 12 else ""
            body = " / ".join(texts)
            return f"{e.words(lang)} ({per} {body})" if e.words is not None else body
        if isinstance(e, If):
            from .expr import inputs_of
            if inputs_of(e.cond) <= MONTHS_OF_PLACE and isinstance(e.otherwise, Const) and e.otherwise.value == 0:
                return self(e.then)       # a month of the period: the step's label says which months
            cond, then, other = self(e.cond), self(e.then), self(e.otherwise)
            return (f"{then} als {cond}, anders {other}" if lang == "nl" else f"{then} if {cond}, otherwise {other}")
        if isinstance(e, Decided):
            return self(e.expr)
        if isinstance(e, Cmp):
            return self(e.a) + CMP_WORDS[e.op] + self(e.b)
        if isinstance(e, And):
            return (" en " if lang == "nl" else " and ").join(self(c) for c in e.conds)
        if isinstance(e, Flag):
            return self(e.of)
        if isinstance(e, Round):
            way = {"down": Text("omlaag", "down"), "up": Text("omhoog", "up")}[e.direction](lang)
            return f"{self(e.expr)}, " + Text("afgerond op {s} {w}", "rounded to {s} {w}")(lang).format(s=self(e.step), w=way)
        raise TypeError(type(e).__name__)


def method_words(lines, notes_text, lang: str, title=None) -> list[str]:
    """The method of a column in words, from its bound trees: each line's rule (`lines`: (label Text,
    tree)), then each named step it uses, then the notes declared on those rules (`notes_text`: Note ->
    its text for all rows, filled with the column's values)."""
    f = Formula(lang, title)
    out = [f"{label(lang)} = {f(tree)}." for label, tree in lines]
    if f.steps:
        out.append(("Waarbij: " if lang == "nl" else "Where: ")
                   + "; ".join(f"{s.label(lang)} = {f(s.expr)}" for s in list(f.steps)) + ".")
    for note in f.notes:
        text = notes_text(note)(lang)
        out.append((("Noot: " if lang == "nl" else "Note: ") + text[:1].upper() + text[1:]).rstrip(".") + ".")
    return out
