"""Cached values for the workbook's formula cells, so previewers and readers see numbers.

openpyxl writes a formula with an empty value; a mail previewer, `pandas.read_excel` or
openpyxl with `data_only=True` then shows an empty cell. This module evaluates the formulas
the workbook holds (only the small Excel subset report/excel_rules.py and the sheets write)
the way a spreadsheet does, in doubles, and writes each result into the saved file beside
its formula. The spreadsheet still recalculates everything on opening (fullCalcOnLoad), so
a changed input is never shown with a stale value. A formula outside the subset is left
without a cached value rather than given a guessed one.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from xml.sax.saxutils import escape


class Unsupported(Exception):
    """A formula uses something this evaluator does not know; it keeps no cached value."""


class _DivisionByZero:
    """Excel's #DIV/0!: it flows through arithmetic, and an IF that takes the other branch drops it."""


DIV0 = _DivisionByZero()


def _round_half_away(x: float, digits: int) -> float:
    factor = 10.0 ** digits
    return math.copysign(math.floor(abs(x) * factor + 0.5 + 1e-9), x) / factor


def _round_up(x: float, digits: int) -> float:
    factor = 10.0 ** digits
    return math.copysign(math.ceil(abs(x) * factor - 1e-9), x) / factor


def _round_down(x: float, digits: int) -> float:
    factor = 10.0 ** digits
    return math.copysign(math.floor(abs(x) * factor + 1e-9), x) / factor


def _text(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    return "" if value is None else str(value)


def _number(value) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Unsupported(f"text {value!r} used as a number") from None


def _flatten(args):
    for a in args:
        if isinstance(a, list):
            yield from a
        else:
            yield a


FUNCTIONS = {
    "MIN": lambda *a: min(_number(x) for x in _flatten(a)),
    "MAX": lambda *a: max(_number(x) for x in _flatten(a)),
    "SUM": lambda *a: math.fsum(_number(x) for x in _flatten(a)),
    "AND": lambda *a: all(_number(x) != 0 for x in _flatten(a)),
    "OR": lambda *a: any(_number(x) != 0 for x in _flatten(a)),
    "ABS": lambda x: abs(_number(x)),
    "INT": lambda x: float(math.floor(_number(x))),
    "MOD": lambda a, b: _number(a) - _number(b) * math.floor(_number(a) / _number(b)),
    "ROUND": lambda x, d=0: _round_half_away(_number(x), int(_number(d))),
    "ROUNDUP": lambda x, d=0: _round_up(_number(x), int(_number(d))),
    "ROUNDDOWN": lambda x, d=0: _round_down(_number(x), int(_number(d))),
    "RIGHT": lambda s, n=1: _text(s)[-int(_number(n)):] if int(_number(n)) > 0 else "",
    "LEFT": lambda s, n=1: _text(s)[:int(_number(n))],
}

COMPARE = {"=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<": lambda a, b: a < b,
           "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
BINARY = {"&": 1, "=": 0, "<>": 0, "<": 0, "<=": 0, ">": 0, ">=": 0, "+": 2, "-": 2, "*": 3, "/": 3, "^": 4}


class _Parser:
    """Excel's precedence: comparison < & < + - < * / < ^ < unary minus."""

    def __init__(self, tokens, reference):
        self.tokens = tokens
        self.i = 0
        self.reference = reference

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self):
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expression(self, level: int = 0):
        left = self.unary()
        while True:
            token = self.peek()
            if token is None or token.type != "OPERATOR-INFIX" or BINARY.get(token.value, -1) < level:
                return left
            op = self.take().value
            right = self.expression(BINARY[op] + (0 if op == "^" else 1))
            left = self._apply(op, left, right)

    @staticmethod
    def _apply(op, a, b):
        if a is DIV0 or b is DIV0:
            return DIV0
        if op == "&":
            return _text(a) + _text(b)
        if op in COMPARE:
            if isinstance(a, str) or isinstance(b, str):
                return COMPARE[op](_text(a).lower(), _text(b).lower())
            return COMPARE[op](_number(a), _number(b))
        x, y = _number(a), _number(b)
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            return DIV0 if y == 0 else x / y
        return x ** y

    def unary(self):
        token = self.peek()
        if token is not None and token.type == "OPERATOR-PREFIX":
            self.take()
            value = self.unary()
            if value is DIV0:
                return DIV0
            return -_number(value) if token.value == "-" else _number(value)
        return self.primary()

    def primary(self):
        token = self.take()
        if token.type == "PAREN" and token.value == "(":
            value = self.expression()
            self.take()
            return value
        if token.type == "FUNC" and token.subtype == "OPEN":
            name = token.value[:-1].upper()
            args = []
            if not (self.peek().type == "FUNC" and self.peek().subtype == "CLOSE"):
                while True:
                    args.append(self.expression())
                    sep = self.take()
                    if sep.type == "FUNC" and sep.subtype == "CLOSE":
                        break
            else:
                self.take()
            if name == "IF":
                if args[0] is DIV0:
                    return DIV0
                condition = _number(args[0]) != 0 if not isinstance(args[0], bool) else args[0]
                return args[1] if condition else (args[2] if len(args) > 2 else False)
            if name not in FUNCTIONS:
                raise Unsupported(name)
            if any(arg is DIV0 for arg in _flatten(args)):
                return DIV0
            return FUNCTIONS[name](*args)
        if token.type == "OPERAND":
            if token.subtype == "NUMBER":
                return float(token.value)
            if token.subtype == "TEXT":
                return token.value[1:-1].replace('""', '"')
            if token.subtype == "LOGICAL":
                return token.value.upper() == "TRUE"
            if token.subtype == "RANGE":
                return self.reference(token.value)
        raise Unsupported(f"token {token.value!r}")


_CELL = re.compile(r"^(?:(?P<sheet>'(?:[^']|'')+'|[^!]+)!)?(?P<a>\$?[A-Z]+\$?\d+)(?::(?P<b>\$?[A-Z]+\$?\d+))?$")


def formula_values(wb) -> dict[tuple[str, str], object]:
    """Every formula cell's value, by (sheet title, coordinate); cells that cannot be evaluated are absent."""
    from openpyxl.formula import Tokenizer
    from openpyxl.utils.cell import range_boundaries

    cache: dict[tuple[str, str], object] = {}
    failed: set[tuple[str, str]] = set()
    visiting: set[tuple[str, str]] = set()

    def cell_value(sheet: str, coordinate: str):
        key = (sheet, coordinate)
        if key in cache:
            return cache[key]
        if key in failed or key in visiting:
            raise Unsupported("circular or failed reference")
        raw = wb[sheet][coordinate].value
        if not (isinstance(raw, str) and raw.startswith("=") and wb[sheet][coordinate].data_type == "f"):
            return float(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        visiting.add(key)
        try:
            tokens = [t for t in Tokenizer(raw).items if t.type != "WHITE-SPACE"]
            value = _Parser(tokens, lambda text: reference(sheet, text)).expression()
            if isinstance(value, list):
                raise Unsupported("range as a result")
            if value is DIV0:
                raise Unsupported("#DIV/0!: the spreadsheet shows its own error")
        except Unsupported:
            failed.add(key)
            raise
        finally:
            visiting.discard(key)
        cache[key] = value
        return value

    def reference(sheet: str, text: str):
        match = _CELL.match(text)
        if match is None:
            raise Unsupported(f"reference {text!r}")
        target = match.group("sheet")
        if target:
            target = target[1:-1].replace("''", "'") if target.startswith("'") else target
        else:
            target = sheet
        if target not in wb.sheetnames:
            raise Unsupported(f"sheet {target!r}")
        if match.group("b") is None:
            return cell_value(target, match.group("a").replace("$", ""))
        lo_col, lo_row, hi_col, hi_row = range_boundaries(f"{match.group('a')}:{match.group('b')}")
        from openpyxl.utils import get_column_letter

        return [cell_value(target, f"{get_column_letter(c)}{r}")
                for r in range(lo_row, hi_row + 1) for c in range(lo_col, hi_col + 1)]

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    try:
                        cell_value(ws.title, cell.coordinate)
                    except (Unsupported, ValueError, IndexError, OverflowError, RecursionError):
                        pass
    return cache


_SHEET = re.compile(r'<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"')
_REL = re.compile(r'<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"|<Relationship [^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _unescape(text: str) -> str:
    return text.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _value_xml(value) -> tuple[str, str]:
    """The cell's type attribute and <v> text for a cached value."""
    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, float):
        return "", repr(value)
    return ' t="str"', escape(_text(value))


def with_cached_values(data: bytes, values: dict[tuple[str, str], object]) -> bytes:
    """The saved workbook `data` with each formula cell's cached value filled in."""
    source = zipfile.ZipFile(io.BytesIO(data))
    workbook = source.read("xl/workbook.xml").decode("utf-8")
    rels = source.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for m in _REL.finditer(rels):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        targets[rid] = "xl/" + target.lstrip("/").removeprefix("xl/")
    part_of = {targets[rid]: _unescape(name) for name, rid in _SHEET.findall(workbook) if rid in targets}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            sheet = part_of.get(item.filename)
            if sheet is not None:
                def fill(m, sheet=sheet):
                    value = values.get((sheet, m.group(1)))
                    if value is None:
                        return m.group(0)
                    kind, text = _value_xml(value)
                    attributes = re.sub(r'\s+t="[^"]*"', "", m.group(2))
                    return f'<c r="{m.group(1)}"{attributes}{kind}><f>{m.group(3)}</f><v>{text}</v></c>'
                content = _FORMULA_CELL.sub(fill, content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def save_with_values(wb) -> bytes:
    """The workbook as .xlsx bytes, every formula it can evaluate carrying its cached value."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return with_cached_values(buffer.getvalue(), formula_values(wb))
