"""The parties of a placement, each an account in one set of books (domain.md, "Who pays whom").

Every amount is a flow from one account to another (core/flows.py). A party's perspective is
its account's balance: what it receives minus what it pays. Society is the four parties
together: transfers between them cancel and only the flows with the outside world remain.
A new party is one entry here; every view, table and export walks this tuple.
"""
from __future__ import annotations

from typing import NamedTuple

from .text import Text


# Small immutable records here and in core/books.py, core/result.py and core/text.py are NamedTuples:
# declaring one costs a tenth of a frozen dataclass, and a plain run declares them at every start.
class Account(NamedTuple):
    key: str
    label: Text
    json_key: str          # the English name in JSON and on the command line
    option: str            # the Dutch name on the command line


EMPLOYER = "employer"
MUNICIPALITY = "municipality"
STATE = "state"
WORKER = "worker"
OUTSIDE = "outside"
SOCIETY = "society"

PARTIES: tuple[Account, ...] = (
    Account(EMPLOYER, Text("Werkgever", "Employer"), "employer", "werkgever"),
    Account(MUNICIPALITY, Text("Gemeente", "Municipality"), "municipality", "gemeente"),
    Account(STATE, Text("Rijk (met UWV en Belastingdienst)", "State (with UWV and the tax authority)"), "state", "rijk"),
    Account(WORKER, Text("Werknemer", "Worker"), "worker", "werknemer"),
)
OUTSIDE_ACCOUNT = Account(OUTSIDE, Text("anderen (klanten, leveranciers)", "others (customers, suppliers)"), "outside", "anderen")
SOCIETY_VIEW = Account(SOCIETY, Text("Maatschappij (alle partijen samen)", "Society (all parties together)"), "society",
                       "maatschappij")
VIEWS: tuple[Account, ...] = PARTIES + (SOCIETY_VIEW,)
BY_KEY: dict[str, Account] = {a.key: a for a in VIEWS + (OUTSIDE_ACCOUNT,)}
# The short name of a counterparty in a table row ("aan werkgever", "van Rijk").
SHORT: dict[str, Text] = {
    EMPLOYER: Text("werkgever", "employer"), MUNICIPALITY: Text("gemeente", "municipality"), STATE: Text("Rijk", "state"),
    WORKER: Text("werknemer", "worker"), OUTSIDE: Text("anderen", "others"), SOCIETY: Text("maatschappij", "society"),
}


def view_named(name: str) -> Account | None:
    """A view by its Dutch or English command-line name."""
    return next((a for a in VIEWS if name in (a.option, a.json_key)), None)


def sign(view: str, payer: str, payee: str) -> int:
    """How a flow counts in a view: +1 received, -1 paid, 0 not its own (or within its own books).
    Society's sign is the sum of the four parties' signs, so a transfer between them is 0."""
    if view == SOCIETY:
        return sum(sign(party.key, payer, payee) for party in PARTIES)
    return (payee == view) - (payer == view)
