"""`thucydides plot --db DB -o timeline.png`: a PNG timeline for people who want a file.

matplotlib draws it: dated axes, legends and text need a real plotting library, and it
installs from wheels everywhere; it is imported only here, so other commands never pay."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from thucydides import analysis
from thucydides.commands import plural
from thucydides.commands.series import add_common, filters_from, open_store
from thucydides.errors import UserError

HELP = "Draw a PNG timeline of event counts (stacked by quad class, root or PLOVER type)."
QUAD_COLORS = {"1": "#6baed6", "2": "#2171b5", "3": "#fd8d3c", "4": "#cb181d"}
MAX_GROUPS = 8  # more stacked groups than this are unreadable: the rest become "other"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_common(p)
    p.add_argument("-o", "--output", required=True, help="PNG file to write")
    p.add_argument("--interval", choices=analysis.INTERVALS, default="month")
    p.add_argument("--by", choices=("quad", "root", "plover", "none"), default="quad")
    p.add_argument("--title", default=None)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() != ".png":
        raise UserError(f"The output must be a .png file, not {out.name!r}.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.")
    filters = filters_from(args)
    with open_store(args) as store:
        rows = analysis.series(store.con, filters, args.interval, args.by)
        n_undated = sum(r["count"] for r in analysis.undated(store.con, filters, args.by))
    if not rows:
        raise UserError("No dated events match these filters: there is nothing to plot.")
    draw(rows, out, args.by, args.title or _title(filters))
    n_events, n_periods = sum(r["count"] for r in rows), len({r["period"] for r in rows})
    # undated events have no place on a time axis; they are counted, never dropped silently
    undated = f" ({plural(n_undated, 'undated event')} not on the time axis)" if n_undated else ""
    print(f"{plural(n_events, 'event')} in {plural(n_periods, args.interval)} -> {out}{undated}",
          file=sys.stderr)  # fmt: skip
    return 0


def draw(rows: list[dict], out: Path, by: str, title: str) -> None:
    """Stacked bars of counts per period and group, with the conflict-cooperation index."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    period_list = sorted({r["period"] for r in rows})
    index = {p: i for i, p in enumerate(period_list)}
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        if r["group"] is not None:
            totals[r["group"]] += r["count"]
    keep = sorted(totals, key=lambda g: (-totals[g], g))[:MAX_GROUPS]
    stacks: dict[str, list[int]] = {g: [0] * len(period_list) for g in sorted(keep)}
    coop, conf = [0] * len(period_list), [0] * len(period_list)
    for r in rows:
        i = index[r["period"]]
        coop[i] += r["cooperation"]
        conf[i] += r["conflict"]
        if r["group"] is not None:
            group = r["group"] if r["group"] in stacks else "other"
            stacks.setdefault(group, [0] * len(period_list))[i] += r["count"]
    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(10, 5.5), sharex=True,
                                  gridspec_kw={"height_ratios": [3, 1]})  # fmt: skip
    bottom = [0] * len(period_list)
    for group, counts in stacks.items():
        label = f"{group} {analysis.QUAD_NAMES[int(group)]}" if by == "quad" else group
        ax.bar(range(len(period_list)), counts, bottom=bottom, label=label,
               color=QUAD_COLORS.get(group) if by == "quad" else None)  # fmt: skip
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left")
    cci = [(c - k) / (c + k) if c + k else float("nan") for c, k in zip(coop, conf, strict=True)]
    ax2.axhline(0, color="#999", linewidth=0.8)
    ax2.plot(range(len(period_list)), cci, marker="o", color="#333")
    ax2.set_ylim(-1.05, 1.05)
    ax2.set_ylabel("coop - conflict\nindex", fontsize=8)
    step = max(1, len(period_list) // 12)
    ax2.set_xticks(range(0, len(period_list), step))
    ax2.set_xticklabels(period_list[::step], rotation=30, ha="right", fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)


def _title(filters: analysis.Filters) -> str:
    shown = filters.as_params()
    return "Events" + (": " + ", ".join(f"{k}={v}" for k, v in shown.items()) if shown else "")
