"""A small expression language for the rules: each line of the business case is declared once
(core/rules.py) as a tree of these nodes, and every renderer works from that tree.

Two stages:
- *declared*: year-independent trees of `Param`, `Input`, arithmetic, `If`, `Bands`, `Choose`;
- *bound* (`bind`): the same tree for one column, with every `Param` replaced by the `Value`
  the column uses (override, employer model, kind of work, dated law), band tables expanded,
  catalogue choices (`Choose`) made and conditions that no input can change decided.

The bound tree is evaluated by `evaluate` with a number system (`DECIMAL` here, numpy in
analysis/vector.py), written as spreadsheet formulas (report/excel_rules.py) and put into
words (core/words.py). The parameters a line used are the leaves of its bound tree, so the
trace no longer depends on the order in which a rule looked things up.
"""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, Callable

from .parameters import ParamValue
from .text import Text

ZERO = Decimal(0)
ONE = Decimal(1)


class Expr:
    """Base of all nodes; arithmetic operators build trees. Nodes compare by identity."""
    __slots__ = ()

    def __add__(self, other): return Op("+", (self, lift(other)))
    def __radd__(self, other): return Op("+", (lift(other), self))
    def __sub__(self, other): return Op("-", (self, lift(other)))
    def __rsub__(self, other): return Op("-", (lift(other), self))
    def __mul__(self, other): return Op("*", (self, lift(other)))
    def __rmul__(self, other): return Op("*", (lift(other), self))
    def __truediv__(self, other): return Op("/", (self, lift(other)))
    def __rtruediv__(self, other): return Op("/", (lift(other), self))
    def __lt__(self, other): return Cmp("<", self, lift(other))
    def __le__(self, other): return Cmp("<=", self, lift(other))
    def __gt__(self, other): return Cmp(">", self, lift(other))
    def __ge__(self, other): return Cmp(">=", self, lift(other))
    __hash__ = object.__hash__


def lift(value) -> "Expr":
    if isinstance(value, Expr):
        return value
    return Const(Decimal(value) if not isinstance(value, Decimal) else value)


# ---------------------------------------------------------------- leaves

class Const(Expr):
    __slots__ = ("value",)

    def __init__(self, value: Decimal):
        self.value = value


class Input(Expr):
    """A placement input that may vary per evaluation (an array in a sweep or caseload)."""
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name


class Param(Expr):
    """A parameter looked up for the column: on 1 January of its year, or on the first of `month`.

    `year` fixes another year; `law` reads the dated law only (no override or employer default)."""
    __slots__ = ("name", "month", "label", "year", "law")

    def __init__(self, name: str, month: int | None = None, label: Text | None = None, year: int | None = None, law: bool = False):
        self.name = name
        self.month = month
        self.label = label
        self.year = year
        self.law = law


class Fixed(Expr):
    """A sourced value that is not a dated parameter (the memo's 31 reference hours, a set's amount)."""
    __slots__ = ("pv", "label", "path", "unit")

    def __init__(self, pv: ParamValue, label: Text | None = None, path: tuple = (), unit: str | None = None):
        self.pv = pv
        self.label = label
        self.path = path
        self.unit = unit      # a field's own unit (a rate in a table of amounts)


class Value(Expr):
    """A bound parameter: the value the column uses, with its origin. `path` picks a field of a table."""
    __slots__ = ("pv", "number", "label", "path", "unit")

    def __init__(self, pv: ParamValue, number: Decimal, label: Text | None = None, path: tuple = (), unit: str | None = None):
        self.pv = pv
        self.number = number
        self.label = label
        self.path = path
        self.unit = unit  # overrides pv.unit (a field of a band table)

    @property
    def key(self) -> tuple:
        return (self.pv.name, self.pv.since, self.pv.source, self.pv.extrapolated, self.path, str(self.number))


class Zero(Expr):
    """Zero, with the reason the line is zero (shown to the user)."""
    __slots__ = ("reason",)

    def __init__(self, reason: Text):
        self.reason = reason


class Note(Expr):
    """A rule with a note declared on it: its value is `expr`'s; when an evaluation passes through it
    and `when` holds (always, without `when`), the column carries `text` as a warning.

    `text` may name values as Zero's reason does ({wage_value}, {hours}, a parameter or step by
    name); `summary` says the same without a row's own inputs, for a count over many rows
    ("12 plaatsing(en): ..."). `shows` names further values for the text: name -> (expression, unit).
    `key` names the note for tests and counts. `when` is not part of the amount: no renderer writes it
    as a formula, and it binds with the rule (a condition no input can change is decided then, and
    the note dropped if it cannot hold)."""
    __slots__ = ("key", "expr", "text", "when", "summary", "shows")

    def __init__(self, key: str, expr, text: Text, when: "Expr | None" = None, summary: Text | None = None,
                 shows: dict | None = None):
        self.key = key
        self.expr = lift(expr)
        self.text = text
        self.when = when
        self.summary = summary if summary is not None else text
        self.shows = shows or {}


# ---------------------------------------------------------------- operators

class Op(Expr):
    __slots__ = ("op", "args")

    def __init__(self, op: str, args: tuple[Expr, ...]):
        self.op = op  # + - * / min max
        self.args = args


def Pow(base, exponent) -> Op:
    return Op("pow", (lift(base), lift(exponent)))


def Min(*args) -> Op:
    return Op("min", tuple(lift(a) for a in args))


def Max(*args) -> Op:
    return Op("max", tuple(lift(a) for a in args))


def Differs(a, b) -> "Cmp":
    """a ≠ b (a condition)."""
    return Cmp("!=", lift(a), lift(b))


class Cmp(Expr):
    __slots__ = ("op", "a", "b")

    def __init__(self, op: str, a: Expr, b: Expr):
        self.op = op  # < <= > >= !=
        self.a = a
        self.b = b


class And(Expr):
    __slots__ = ("conds",)

    def __init__(self, conds: tuple[Expr, ...]):
        self.conds = conds


class If(Expr):
    __slots__ = ("cond", "then", "otherwise")

    def __init__(self, cond: Expr, then: Expr, otherwise: Expr):
        self.cond = cond
        self.then = then
        self.otherwise = otherwise


class Flag(Expr):
    """A yes/no parameter or choice, true when its value is truthy (a condition only)."""
    __slots__ = ("of",)

    def __init__(self, of: Expr):
        self.of = of


class Step(Expr):
    """A named intermediate result: its own row in the workbook, its own sentence in words."""
    __slots__ = ("name", "label", "expr", "fmt")

    def __init__(self, name: str, label: Text, expr: Expr, fmt: str = "euro"):
        self.name = name
        self.label = label
        self.expr = expr
        self.fmt = fmt  # euro | fraction | number | factor


class Sum(Expr):
    """A sum of many like terms (the twelve months), put into words as one grouped sum."""
    __slots__ = ("terms", "words")

    def __init__(self, terms: tuple[Expr, ...], words: Text | None = None):
        self.terms = terms
        self.words = words


class Round(Expr):
    """Round to a multiple of `step`, down or up (a rounding scheme applied to a line)."""
    __slots__ = ("expr", "step", "direction")

    def __init__(self, expr: Expr, step: Expr, direction: str):
        self.expr = expr
        self.step = step
        self.direction = direction  # down | up


class Decided(Expr):
    """The branch a condition chose when binding; `by` keeps the values that decided it (for the trace)."""
    __slots__ = ("expr", "by")

    def __init__(self, expr: Expr, by: tuple[Value, ...]):
        self.expr = expr
        self.by = by


class Bands(Expr):
    """A band table: the first band whose range holds `x` gives `then(band)`; none gives `otherwise`.

    `table` looks up the bands for the column (a list of dicts of Decimals) and their origin;
    `inclusive_last` closes only the last band's upper end (the Arnhem 2014 LKS bands), otherwise
    every band is closed at both ends (the LIV's "van ... tot en met").
    """
    __slots__ = ("table", "x", "then", "otherwise", "labels", "units", "inclusive_last")

    def __init__(self, table: Callable[[Any], tuple[ParamValue, list[dict]]], x: Expr,
                 then: Callable[[dict[str, Expr]], Expr], otherwise: Expr, labels: dict[str, Text] | None = None,
                 units: dict[str, str] | None = None, inclusive_last: bool = False):
        self.table = table
        self.x = x
        self.then = then
        self.otherwise = otherwise
        self.labels = labels if labels is not None else {}
        self.units = units if units is not None else {}  # field -> unit, for words and the workbook
        self.inclusive_last = inclusive_last


class Choose(Expr):
    """A choice made by the column's catalogue entries (subsidy set, employer model) when binding.

    `pick` receives the column's choices only (core/rules.py ColumnChoices): never the hours, the
    wage value or the months, which vary between the rows a caseload binds once."""
    __slots__ = ("pick",)

    def __init__(self, pick: Callable[[Any], Expr]):
        self.pick = pick


# ---------------------------------------------------------------- binding

class ByBasis(Expr):
    """A part of a rule that depends on its flow's time basis (core/period.py): the WML of the months
    placed or of the months with a contract, month by month. A flow whose rule has one applies its
    basis through it; any other flow is multiplied by its share of the year. Not inside a Step."""
    __slots__ = ("options",)

    def __init__(self, **options: Expr):
        self.options = options


class Binder:
    """Binds declared trees for one column; the same Param binds to the same Value object."""

    def __init__(self, lookup: Callable[[Param], ParamValue], column: Any, labels: dict[str, Text] | None = None):  # noqa: E501
        self.lookup = lookup           # Param -> the ParamValue the column uses
        self.column = column           # what Choose and Bands receive (core.rules.ColumnChoices: no inputs)
        self.labels = labels or {}
        self.values: dict[tuple, Value] = {}
        self.steps: dict[int, Step] = {}
        self.declared_steps: list[Step] = []
        self.bound_steps: set[int] = set()     # ids of the Steps bind made (kept alive in self.steps)
        self.basis: str | None = None     # the time basis of the flow being bound
        self.by_months = False            # a ByBasis was met: the rule applies the basis itself

    def bind_timed(self, e: Expr, basis: str) -> tuple[Expr, bool]:
        """The tree bound for a flow with this time basis, and whether the rule applied it month by month."""
        self.basis, self.by_months = basis, False
        try:
            return self.bind(e), self.by_months
        finally:
            self.basis = None

    def value(self, pv: ParamValue, number, label: Text | None, path: tuple = (), unit: str | None = None) -> Value:
        v = Value(pv, number, label or self.labels.get(pv.name), path, unit)
        return self.values.setdefault(v.key, v)

    def bind(self, e: Expr) -> Expr:
        if isinstance(e, (Const, Input, Value, Zero)):
            return e
        if isinstance(e, Note):
            return self._note(e)
        if isinstance(e, Param):
            pv = self.lookup(e)
            return self.value(pv, to_number(pv.value), e.label)
        if isinstance(e, Fixed):
            return self.value(e.pv, to_number(_field(e.pv.value, e.path)), e.label, e.path, e.unit)
        if isinstance(e, Op):
            return Op(e.op, tuple(self.bind(a) for a in e.args))
        if isinstance(e, Cmp):
            return Cmp(e.op, self.bind(e.a), self.bind(e.b))
        if isinstance(e, And):
            return And(tuple(self.bind(c) for c in e.conds))
        if isinstance(e, Flag):
            return Flag(self.bind(e.of))
        if isinstance(e, If):
            cond = self.bind(e.cond)
            if is_constant(cond):
                chosen = self.bind(e.then if evaluate(cond, {}, DECIMAL) else e.otherwise)
                return Decided(chosen, tuple(leaves(cond)))
            return If(cond, self.bind(e.then), self.bind(e.otherwise))
        if isinstance(e, Step):
            if id(e) in self.bound_steps:
                return e            # already bound (a rule over other flows' trees binds them again)
            if id(e) not in self.steps:
                # the declared Step is kept with its bound form: a Step a rule builds while binding
                # (core/income.py) must outlive the call, or another could take its id
                self.steps[id(e)] = Step(e.name, e.label, self.bind(e.expr), e.fmt)
                self.declared_steps.append(e)
                self.bound_steps.add(id(self.steps[id(e)]))
            return self.steps[id(e)]
        if isinstance(e, Sum):
            return Sum(tuple(self.bind(t) for t in e.terms), e.words)
        if isinstance(e, Round):
            return Round(self.bind(e.expr), self.bind(e.step), e.direction)
        if isinstance(e, Decided):
            return Decided(self.bind(e.expr), e.by)
        if isinstance(e, Choose):
            return self.bind(e.pick(self.column))
        if isinstance(e, ByBasis):
            if self.basis not in e.options:
                raise TypeError(f"no rule part for time basis {self.basis!r} (declared: {', '.join(e.options)})")
            self.by_months = True
            return self.bind(e.options[self.basis])
        if isinstance(e, Bands):
            return self._bands(e)
        raise TypeError(f"unknown node {type(e).__name__}")

    def _note(self, e: Note) -> Expr:
        expr = self.bind(e.expr)
        when = None if e.when is None else self.bind(e.when)
        if when is not None and is_constant(when):
            if not evaluate(when, {}, DECIMAL):
                return expr         # cannot hold for this column
            when = None
        shows = {name: (self.bind(lift(x)), unit) for name, (x, unit) in e.shows.items()}
        return Note(e.key, expr, e.text, when, e.summary, shows)

    def _bands(self, e: Bands) -> Expr:
        pv, bands = e.table(self.column)
        x = self.bind(e.x)
        out = self.bind(e.otherwise)
        for i in range(len(bands) - 1, -1, -1):
            fields = {name: self.value(pv, to_number(value), _band_label(e.labels.get(name), i + 1, len(bands)), (i, name),
                                     e.units.get(name))
                      for name, value in bands[i].items()}
            closed = not e.inclusive_last or i == len(bands) - 1
            upper = Cmp("<=" if closed else "<", x, fields["to"])
            out = If(And((Cmp(">=", x, fields["from"]), upper)), self.bind(e.then(fields)), out)
        return out


def _band_label(label: Text | None, i: int, n: int) -> Text | None:
    """'LIV-band {i}: ...' numbered when a table has several bands."""
    if label is None:
        return None
    number = str(i) if n > 1 else ""
    return Text(label.nl.format(i=number).replace(" :", ":"), label.en.format(i=number).replace(" :", ":"))


def _field(value, path: tuple):
    for part in path:
        value = value[part]
    return value


def to_number(value) -> Decimal:
    if isinstance(value, bool) or value is None:
        return Decimal(int(bool(value)))
    return Decimal(value)


# ---------------------------------------------------------------- walking

def children(e: Expr) -> tuple[Expr, ...]:
    if isinstance(e, Op):
        return e.args
    if isinstance(e, Cmp):
        return (e.a, e.b)
    if isinstance(e, And):
        return e.conds
    if isinstance(e, If):
        return (e.cond, e.then, e.otherwise)
    if isinstance(e, Flag):
        return (e.of,)
    if isinstance(e, Step):
        return (e.expr,)
    if isinstance(e, Sum):
        return e.terms
    if isinstance(e, Round):
        return (e.expr, e.step)
    if isinstance(e, Decided):
        return e.by + (e.expr,)
    if isinstance(e, Note):
        return (e.expr,)
    return ()


def leaves(e: Expr, seen: set | None = None, cache: dict | None = None) -> list[Value]:
    """Every bound value in the tree, in order of first appearance (steps walked once). With `cache`
    (one dict per column), each subtree's values are kept, so the lines and flows of a column, which
    share their steps, walk each subtree once."""
    if cache is not None and seen is None:
        return list(_cached_leaves(e, cache).values())
    seen = set() if seen is None else seen
    out: list[Value] = []
    stack = [e]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Value):
            out.append(node)
        stack.extend(reversed(children(node)))
    return out


def _cached_leaves(e: Expr, cache: dict) -> dict:
    """The values of a subtree in order of first appearance, as an ordered set (by node, as `leaves`
    walks), memoised per node; the cache keeps the node alive with its entry so its id stays its own."""
    entry = cache.get(id(e))
    if entry is not None:
        return entry[1]
    if isinstance(e, Value):
        found = {id(e): e}
    else:
        found = {}
        for child in children(e):
            for k, leaf in _cached_leaves(child, cache).items():
                found.setdefault(k, leaf)
    cache[id(e)] = (e, found)
    return found


def inputs_of(e: Expr) -> set[str]:
    found, stack, seen = set(), [e], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Input):
            found.add(node.name)
        stack.extend(children(node))
    return found


def is_constant(e: Expr) -> bool:
    return not inputs_of(e)


def steps_of(e: Expr) -> list[Step]:
    """The named steps a tree uses, each after the steps it depends on."""
    out: list[Step] = []

    def visit(node, seen):
        if id(node) in seen:
            return
        seen.add(id(node))
        for child in children(node):
            visit(child, seen)
        if isinstance(node, Step):
            out.append(node)

    visit(e, set())
    return out


# ---------------------------------------------------------------- evaluation

class Numbers:
    """A number system for `evaluate`: exact Decimals here; numpy arrays in analysis/vector.py."""

    def const(self, value: Decimal): return value
    def minimum(self, a, b): return min(a, b)
    def maximum(self, a, b): return max(a, b)
    def is_scalar(self, cond) -> bool: return True
    def where(self, cond, a, b): raise NotImplementedError
    def logical_and(self, a, b): return a and b
    def logical_not(self, a): return not a
    def logical_or(self, a, b): return a or b
    def truth(self, value): return bool(value)

    def round(self, value, step, direction: str):
        mode = ROUND_FLOOR if direction == "down" else ROUND_CEILING
        return (value / step).to_integral_value(rounding=mode) * step


DECIMAL = Numbers()


def evaluate(e: Expr, inputs: dict, numbers: Numbers = DECIMAL, memo: dict | None = None,
             substitute: dict | None = None):
    """The value of a bound tree. `inputs` gives each Input; `substitute` replaces the values of
    overridden parameters by name (a sweep over the agency fee, say). Steps are computed once."""
    memo = {} if memo is None else memo
    substitute = substitute or {}

    def ev(node):
        if isinstance(node, Const):
            return numbers.const(node.value)
        if isinstance(node, Value):
            if node.pv.status == "override" and node.pv.name in substitute and not node.path:
                return substitute[node.pv.name]
            return numbers.const(node.number)
        if isinstance(node, Input):
            return inputs[node.name]
        if isinstance(node, Zero):
            return numbers.const(ZERO)
        if isinstance(node, Step):
            if id(node) not in memo:
                memo[id(node)] = ev(node.expr)
            return memo[id(node)]
        if isinstance(node, Op):
            values = [ev(a) for a in node.args]
            acc = values[0]
            for v in values[1:]:
                if node.op == "+":
                    acc = acc + v
                elif node.op == "-":
                    acc = acc - v
                elif node.op == "*":
                    acc = acc * v
                elif node.op == "/":
                    acc = acc / v
                elif node.op == "pow":
                    acc = acc ** v
                elif node.op == "min":
                    acc = numbers.minimum(acc, v)
                else:
                    acc = numbers.maximum(acc, v)
            return acc
        if isinstance(node, Sum):
            acc = ev(node.terms[0])
            for t in node.terms[1:]:
                acc = acc + ev(t)
            return acc
        if isinstance(node, Cmp):
            a, b = ev(node.a), ev(node.b)
            return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "!=": a != b}[node.op]
        if isinstance(node, And):
            acc = ev(node.conds[0])
            for c in node.conds[1:]:
                if numbers.is_scalar(acc) and not numbers.truth(acc):
                    return acc
                acc = numbers.logical_and(acc, ev(c))
            return acc
        if isinstance(node, Flag):
            return ev(node.of) != 0
        if isinstance(node, If):
            cond = ev(node.cond)
            if numbers.is_scalar(cond):
                return ev(node.then) if numbers.truth(cond) else ev(node.otherwise)
            return numbers.where(cond, ev(node.then), ev(node.otherwise))
        if isinstance(node, Round):
            return numbers.round(ev(node.expr), ev(node.step), node.direction)
        if isinstance(node, (Decided, Note)):
            return ev(node.expr)
        raise TypeError(f"cannot evaluate {type(node).__name__}")

    return ev(e)


def taken_path(e: Expr, inputs: dict, memo: dict | None = None) -> list[Expr]:
    """The nodes an exact evaluation passes through (the branch each `If` takes), in order."""
    memo = {} if memo is None else memo
    out: list[Expr] = []
    stack = [e]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, If):
            chosen = node.then if evaluate(node.cond, inputs, DECIMAL, memo) else node.otherwise
            stack.append(chosen)
        elif isinstance(node, Step):
            if id(node) not in seen:
                seen.add(id(node))
                stack.append(node.expr)
        else:
            stack.extend(reversed(children(node)))
    return out


def zero_reason(e: Expr, inputs: dict, memo: dict | None = None) -> Text | None:
    """The reason of the first `Zero` on the evaluated path (why a line is zero)."""
    for node in taken_path(e, inputs, memo):
        if isinstance(node, Zero):
            return node.reason
    return None


def _with_notes(e: Expr, known: dict[int, bool]) -> bool:
    """Whether a tree holds a Note (cached per node)."""
    if id(e) not in known:
        known[id(e)] = isinstance(e, Note) or any(_with_notes(c, known) for c in children(e))
    return known[id(e)]


def note_masks(trees, inputs: dict, numbers: Numbers = DECIMAL, memo: dict | None = None,
               substitute: dict | None = None) -> list[tuple[Note, Any]]:
    """Each note of the trees with where it holds: on the path an evaluation takes (every `If` above
    it chose its branch) and its `when` true. With DECIMAL a bool; with numpy a mask over the rows
    (inputs as arrays), so a caseload counts each note for every row's own inputs. In order of the
    trees, each note once (its masks or-ed where several paths reach it)."""
    memo = {} if memo is None else memo
    known: dict[int, bool] = {}
    found: dict[int, list] = {}

    def value(e):
        return evaluate(e, inputs, numbers, memo, substitute)

    def both(a, b):
        if numbers.is_scalar(a) and not numbers.truth(a):
            return a
        return numbers.logical_and(a, b)

    def walk(node, on):
        if not _with_notes(node, known) or (numbers.is_scalar(on) and not numbers.truth(on)):
            return
        if isinstance(node, Note):
            hit = on if node.when is None else both(on, value(node.when))
            entry = found.setdefault(id(node), [node, False])
            entry[1] = hit if entry[1] is False else numbers.logical_or(entry[1], hit)
            walk(node.expr, on)
        elif isinstance(node, If):
            cond = value(node.cond)
            walk(node.then, both(on, cond))
            walk(node.otherwise, both(on, numbers.logical_not(cond)))
        else:
            for child in children(node):
                walk(child, on)

    true = True
    for tree in trees:
        walk(tree, true)
    return [(note, hit) for note, hit in found.values()]
