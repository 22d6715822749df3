"""Whom a call for someone's release is addressed to: whoever the story showed holding them.

"The United States calls for Lai's immediate release" names the prisoner, but CAMEO's
target of an appeal or a demand for release (0253, 1053) is the one asked to let go:
the holder. A story that told the detention ("Lai has been held in solitary confinement
in Hong Kong") has already named the holder; the call is addressed there. With no such
detention told, the prisoner stays the target (the story's government, when the story
names no one, is `records.implied_target`'s reading).
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Actor, Event

RELEASE_CALLS = frozenset({"0253", "1053"})  # appeal / demand for release of persons
DETENTION_ROOT = "17"  # arrests, detentions, trials and other coercion of persons
STATE_BRANCHES = frozenset({"GOV", "JUD", "COP", "MIL", "LEG", "SPY"})


def holder_asked(
    code: str, target: Actor | None, earlier: Sequence[Event], at: int
) -> Actor | None:
    """The holder a release call at offset `at` is addressed to: the doer of the latest
    earlier coercion of the same prisoner (`target`), as an implied actor (a state's
    police, court or jailers stand for its government, whom such calls address); None
    when the code is no release call or the story told no one holding them."""
    if code not in RELEASE_CALLS or target is None or not target.code:
        return None
    for event in reversed(earlier):
        held, holder = event.target, event.source
        if event.trigger.start >= at or not event.cameo.code.startswith(DETENTION_ROOT):
            continue
        if held is None or holder is None or not holder.code or held.code != target.code:
            continue
        if holder.country and set(holder.sectors) <= STATE_BRANCHES:
            return Actor.implied(holder.country, "GOV", at)
        return Actor(
            text="", start=at, end=at, code=holder.code, country=holder.country,
            sectors=list(holder.sectors), via="implied",
        )  # fmt: skip
    return None
