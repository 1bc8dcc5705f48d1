"""Citizen service numbers (BSN): found however they are written, so that none leaves the program (issue 24).

A BSN is nine digits (eight when a spreadsheet dropped the leading zero) passing the elfproef:
9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. People write it as `123456782`, `123 456 782`,
`123-45-6782`, `123.456.782`, `0123456782`, `123456782.0` (a spreadsheet's float) or `BSN123456782`.
Every run of at least eight digits with single spaces, dashes or dots between them is looked at: every
window of its groups (and the run without a `.0` tail) is tried, so a number inside other text
is found too. A run that reads as a real date (1-3-2025, 2025-03-01) is a date, not a number.

Pure: no I/O, no numpy (the quick numpy look over a column is inputs/caseload_file.has_long_run).
inputs/caseload.py refuses a file with one; report/jsonout.py and the workbook check what they echo
as a last line of defence.
"""
from __future__ import annotations

import re

# a digit, then digits with at most one separator (space, no-break space, dash, dot) between them
_SEPARATOR = re.compile(r"[ \u00a0.\-]")
_DMY = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_YMD = re.compile(r"(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
MAX_GROUPS = 5        # at most this many neighbouring groups form one number (123 456 782 has three)


def elfproef(digits: str) -> bool:
    """Nine ASCII digits that pass the elfproef (not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or not digits.isascii():
        return False
    total = sum(w * (ord(c) - 48) for w, c in zip(_WEIGHTS, digits))
    return total % 11 == 0 and digits != "000000000"


def _as_bsn(digits: str) -> bool:
    """Digits that, leading zeros aside, are 8 or 9 long and pass the elfproef."""
    core = digits.lstrip("0")
    return 8 <= len(core) <= 9 and elfproef(core.zfill(9))


def _is_date(text: str) -> bool:
    m = _DMY.fullmatch(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _YMD.fullmatch(text)
        if not m:
            return False
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2199


def _years(groups: list[str]) -> bool:
    """Two or more years in a row (`2016-2017`, `2018 2019`): a span of years, not a number."""
    return len(groups) > 1 and all(len(g) == 4 and 1900 <= int(g) <= 2199 for g in groups)


def _run_has_bsn(run: str) -> bool:
    """A run of digit groups holds a BSN when one group, or a few neighbouring groups written the way a
    number is grouped (one kind of separator, groups of 2-4 digits after the first), is 8-9 digits
    (leading zeros aside) that pass the elfproef; a date or a span of years is no number."""
    if _is_date(run):
        return False
    parts = re.split(r"([ \u00a0.\-])", run)
    groups, seps = parts[0::2], parts[1::2]
    for i in range(len(groups)):
        if _as_bsn(groups[i]):
            return True
        digits = groups[i]
        for j in range(i + 1, min(i + MAX_GROUPS, len(groups))):
            if seps[j - 1] != seps[i] or not 2 <= len(groups[j]) <= 4 or len(groups[i]) > 4:
                break
            digits += groups[j]
            if len(digits.lstrip("0")) > 9:
                break
            window = groups[i:j + 1]
            if _as_bsn(digits) and not _is_date(seps[i].join(window)) and not _years(window):
                return True
    return False


def has_bsn(text) -> bool:
    """Whether `text` holds a number that could be a BSN, written in any of the usual ways."""
    text = str(text)
    return len(text) >= 8 and any(_run_has_bsn(m.group()) for m in _LONG_RUN.finditer(text))


# a run of at least eight digits: shorter ones (ids like P00001, dates like 1-3-2025) are never looked at
_LONG_RUN = re.compile(r"(?<![0-9])[0-9](?:[ \u00a0.\-]?[0-9]){7,}", re.ASCII)


def cells_with_bsn(values) -> list[int]:
    """Positions of the values (strings) that hold a possible BSN; one regex pass over them all."""
    import bisect
    from itertools import accumulate

    try:
        whole = "\n".join(values)
    except TypeError:
        values = [v if isinstance(v, str) else str(v) for v in values]
        whole = "\n".join(values)
    if _LONG_RUN.search(whole) is None:       # no run of eight digits at all
        return []
    starts = None
    found: list[int] = []
    for m in _LONG_RUN.finditer(whole):
        if _run_has_bsn(m.group()):
            if starts is None:       # where each value starts in `whole`, only once something is found
                starts = [0, *accumulate(len(v) + 1 for v in values)]
            index = bisect.bisect_right(starts, m.start()) - 1
            if not found or found[-1] != index:
                found.append(index)
    return found


def refuse_output(where: str, where_en: str) -> None:
    """The last line of defence: output that would echo a possible BSN is not written (exit 2, nothing written)."""
    from .errors import InputError

    raise InputError(f"de {where} zou een nummer bevatten dat op een BSN lijkt (negen cijfers die de elfproef halen); "
                     "er is niets geschreven",
                     en=f"the {where_en} would hold a number that looks like a BSN (nine digits passing the elfproef); "
                        "nothing was written",
                     key="BSN", hint="vervang in de invoer (namen, ids, gemeenten) elk BSN door een pseudoniem",
                     hint_en="replace every BSN in the input (names, ids, municipalities) by a pseudonym")
