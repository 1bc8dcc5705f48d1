"""The benefits-and-costs chart per column, as PNG or SVG (matplotlib, imported only here):
for every column a bar of benefits stacked by line beside a bar of costs stacked by line, with
the balance written above; below it a second panel with each party's balance per column (the
views of core/accounts.py, from the flows: who pays whom). Used by `--chart FILE` and as the
picture in the Word annex."""
from __future__ import annotations

import io
import textwrap

from ..core.accounts import VIEWS
from ..core.engine import Result
from ..core.text import euro
from .labels import HEADINGS, verdict
from .layout import amount_of, label_of, row_keys

FORMATS = ("png", "svg")


def render(results: list[Result], lang: str, fmt: str = "png", title: str = "", per_place: bool = True) -> bytes:
    """Per column a bar of benefits and one of costs. `per_place=False`: a caseload's yearly totals over
    all its placements, and the axis says so."""
    import logging

    # With a read-only HOME matplotlib logs an English warning while it falls back to a temporary
    # folder (which it removes at exit): not something a policy adviser can act on (issue 24).
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    import matplotlib

    matplotlib.use("Agg")    # no display: a server, CI, a terminal session
    from matplotlib import pyplot as plt

    # Text from files is drawn as written: no TeX, no mathtext ($...$ would otherwise be read as maths).
    with matplotlib.rc_context({"text.usetex": False, "text.parse_math": False, "svg.fonttype": "none",
                                "font.size": 9}):
        width = max(6.0, 1.6 * len(results) + 2.5)
        fig, (ax, parties) = plt.subplots(2, 1, figsize=(width, 7.4), dpi=150, height_ratios=(4.6, 2.8))
        positions = range(len(results))
        for side, offset, colours in (("benefit", -0.2, plt.cm.Greens), ("cost", 0.2, plt.cm.Reds)):
            keys = row_keys(results, side)
            bottoms = [0.0] * len(results)
            for i, key in enumerate(keys):
                values = [float(amount_of(r, key) or 0) for r in results]
                ax.bar([p + offset for p in positions], values, width=0.38, bottom=bottoms,
                       color=colours(0.35 + 0.5 * i / max(len(keys), 1)), edgecolor="white", linewidth=0.5,
                       label=label_of(results, key, lang))
                bottoms = [b + v for b, v in zip(bottoms, values)]
        top = max([float(r.benefits) for r in results] + [float(r.costs) for r in results] + [1.0])
        for p, r in zip(positions, results):
            ax.text(p, top * 1.03, f"{HEADINGS['balance'](lang)} {euro(r.balance, lang)}\n{verdict(r.balance, lang)}",
                    ha="center", va="bottom", fontsize=8)
        ax.set_ylim(0, top * 1.22)
        ax.set_xticks(list(positions))
        ax.set_xticklabels([textwrap.fill(r.placement.name, 16) for r in results])
        ax.set_ylabel(("euro per plek per jaar" if lang == "nl" else "euro per place per year") if per_place else
                      ("euro per jaar, alle plaatsingen samen" if lang == "nl" else "euro per year, all placements together"))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: euro_axis(v, lang)))
        ax.set_title(title, loc="left", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  title=("baten (links) en kosten (rechts)" if lang == "nl" else "benefits (left) and costs (right)"))
        _balances(parties, results, lang, matplotlib, plt)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
        plt.close(fig)
    return buffer.getvalue()


def _balances(ax, results: list[Result], lang: str, matplotlib, plt) -> None:
    """Per column a group of bars, one per view: the party's balance (receives − pays)."""
    books = [r.views() for r in results]
    count = len(VIEWS)
    step = 0.8 / count
    colours = plt.cm.tab10
    values_all = []
    for i, account in enumerate(VIEWS):
        values = [float(b[account.key].balance) for b in books]
        values_all += values
        xs = [p - 0.4 + step * (i + 0.5) for p in range(len(results))]
        ax.bar(xs, values, width=step * 0.9, color=colours(i), label=account.label(lang))
        if len(results) <= 4:
            for x, value, book in zip(xs, values, books):
                ax.text(x, value, euro(book[account.key].balance, lang), ha="center",
                        va="bottom" if value >= 0 else "top", fontsize=5.5, rotation=90)
    low, high = min(values_all + [0.0]), max(values_all + [0.0])
    pad = 0.3 * max(high - low, 1.0)
    ax.set_ylim(low - (pad if low < 0 else 0), high + (pad if high > 0 else 0))
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xticks(list(range(len(results))))
    ax.set_xticklabels([textwrap.fill(r.placement.name, 16) for r in results])
    ax.set_ylabel("saldo per partij" if lang == "nl" else "balance per party")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: euro_axis(v, lang)))
    compared = any(r.placement.alternative != "none" for r in results)
    ax.set_title(("Wie betaalt wie: saldo per partij (ontvangt − betaalt" + (", met de plek min het alternatief)" if compared else ")"))
                 if lang == "nl" else
                 ("Who pays whom: balance per party (receives − pays" + (", with the placement minus the alternative)" if compared
                                                                          else ")")), loc="left", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              title="partij" if lang == "nl" else "party")


def euro_axis(value: float, lang: str) -> str:
    from decimal import Decimal

    return euro(Decimal(int(round(value))), lang)


def write(path, results: list[Result], lang: str, force: bool = False, title: str = "", per_place: bool = True):
    """The chart in the format its file name asks for, written safely (no overwrite without --force)."""
    from pathlib import Path

    from .safewrite import check_target, write_atomic

    fmt = check_format(path)
    check_target(Path(path), force)
    return write_atomic(path, render(results, lang, fmt, title, per_place), force=force)


def check_format(path) -> str:
    """'png' or 'svg' from the file name; anything else is refused before any work."""
    from pathlib import Path

    from ..core.errors import InputError

    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"een grafiek is .png of .svg, niet '{Path(path).suffix or '(geen extensie)'}'",
                         en=f"a chart is .png or .svg, not '{Path(path).suffix or '(no extension)'}'", file=str(path),
                         key="--chart", hint="bijvoorbeeld --chart grafiek.png", hint_en="for example --chart chart.png")
    return fmt
