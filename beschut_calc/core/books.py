"""Each party's books for one column, from the flows (double entry: every flow has two legs).

A party receives the flows to its account and pays the flows from it; its balance is the one
minus the other. Society consolidates the four parties: a transfer between two of them is
received once and paid once, so only the flows with the outside world remain. The totals are
declared here once (`totals`) and work on Decimal amounts, numpy arrays and spreadsheet
formulas alike: the engine, the caseload, the budget and every report read them from here.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, NamedTuple

from .accounts import BY_KEY, EMPLOYER, OUTSIDE, SOCIETY, VIEWS, Account, sign
from .parameters import ParamValue
from .text import Text

ZERO = Decimal(0)


class Flow(NamedTuple):
    """An amount from one account to another (core/flows.py), evaluated for one column."""
    key: str
    label: Text
    payer: str
    payee: str
    amount: Decimal
    rule: Text
    params: tuple[ParamValue, ...]
    basis: str
    line: str | None = None
    source: str = ""
    reason: Text | None = None
    alternative: bool = False       # a flow of the alternative (core/flows.py): booked the other way round
    apart: bool = False             # shown apart (an estimate): in no party's balance




def legs(flow) -> tuple[str, str]:
    """(from, to) as the books count a flow: a flow of the alternative the other way round, since a
    party's balance is what it has with the placement minus what it would have had without; a flow
    shown apart (the wider benefits of work, an estimate) within the outside world, in no balance."""
    if flow.apart:
        return OUTSIDE, OUTSIDE
    return (flow.payee, flow.payer) if flow.alternative else (flow.payer, flow.payee)


def totals(view: str, legs: Iterable[tuple[str, str, object]], zero=ZERO) -> tuple:
    """(receives, pays, balance) of a view over (payer, payee, amount) legs: `adds` are the flows
    it receives, `subtracts` the flows it pays. Amounts may be Decimals or arrays."""
    receives = pays = zero
    for payer, payee, amount in legs:
        s = sign(view, payer, payee)
        if s > 0:
            receives = receives + amount
        elif s < 0:
            pays = pays + amount
    return receives, pays, receives - pays


class PartyView(NamedTuple):
    party: Account
    receives: tuple[Flow, ...]
    pays: tuple[Flow, ...]
    received: Decimal
    paid: Decimal
    balance: Decimal
    same_as: str | None = None      # this party's books are another's (own employment: the municipality's)
    apart: tuple[Flow, ...] = ()    # society only: what is shown apart, beside the balance (core/flows.py apart)

    @property
    def with_apart(self) -> Decimal:
        """The balance with what is shown apart added (society with the wider benefits of work)."""
        return self.balance + sum((f.amount for f in self.apart), ZERO)

    # For a party, its benefits and costs are what it receives and pays; for society, what
    # comes from and goes to the outside world (the same sums, as transfers cancel).
    @property
    def benefits(self) -> Decimal:
        return self.received

    @property
    def costs(self) -> Decimal:
        return self.paid


def view(flows: tuple[Flow, ...], party: str, same_as: str | None = None) -> PartyView:
    receives = tuple(f for f in flows if sign(party, *legs(f)) > 0)
    pays = tuple(f for f in flows if sign(party, *legs(f)) < 0)
    received, paid, balance = totals(party, ((*legs(f), f.amount) for f in flows))
    apart = tuple(f for f in flows if f.apart) if party == SOCIETY else ()
    return PartyView(BY_KEY[party], receives, pays, received, paid, balance, same_as, apart)


def balance_of(result, view: str | None = None) -> Decimal:
    """The balance an analysis weighs: the employer's business case (its lines) without a view, else
    that view's balance in the books (issue 22: --perspective with --sensitivity, --breakeven ...)."""
    return result.balance if view is None else views(result)[view].balance


def tree_balance(column, amount_of, view: str | None, zero=ZERO):
    """balance_of for a bound column (core/engine.BoundColumn), each tree's amount given by
    `amount_of` (exact Decimals or numpy arrays): the analyses' trees weigh what the engine weighs."""
    if view is None:       # benefits minus costs, each summed first: the order of Result.balance, to the last digit
        benefits = costs = zero
        for bl in column.lines:
            amount = amount_of(bl.final)
            if bl.spec.side == "benefit":
                benefits = benefits + amount
            else:
                costs = costs + amount
        return benefits - costs
    return totals(view, ((*legs(bf), amount_of(bf.tree)) for bf in column.flows), zero)[2]


def views(result) -> dict[str, PartyView]:
    """Every view of one column, in the order of core/accounts.py VIEWS."""
    own = result.placement.employer.account
    return {a.key: view(result.flows, a.key, own if a.key == EMPLOYER and own != EMPLOYER else None) for a in VIEWS}
