"""The receipt on every output: which tool and which parameter data made a figure, so that a
number in a council memo can be reproduced later (issue 10, item 6)."""
from __future__ import annotations

from typing import NamedTuple

import datetime as dt

from .parameters import ParameterBook
from .text import Text


class Receipt(NamedTuple):
    version: str
    parameters_hash: str                 # a short hash of the parameter and catalogue data
    newest_parameter_date: dt.date | None

    def to_json(self) -> dict:
        return {"version": self.version, "parameters_hash": self.parameters_hash,
                "newest_parameter_date": self.newest_parameter_date.isoformat() if self.newest_parameter_date else None}

    def line(self, lang: str = "nl") -> str:
        newest = self.newest_parameter_date.isoformat() if self.newest_parameter_date else "-"
        return Text(f"beschut-calc {self.version} · parameters {self.parameters_hash} · nieuwste parameterwaarde {newest}",
                    f"beschut-calc {self.version} · parameters {self.parameters_hash} · newest parameter value {newest}")(lang)


def newest_date(book: ParameterBook) -> dt.date | None:
    dates = [v.since for p in book.parameters.values() for v in p.values if v.since is not None]
    return max(dates) if dates else None


def receipt(book: ParameterBook, version: str) -> Receipt:
    return Receipt(version=version, parameters_hash=book.digest or "-", newest_parameter_date=newest_date(book))
