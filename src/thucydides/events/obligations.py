"""A reported obligation ("X said Y must act") is the speaker's demand or appeal.

Its own module, like `accusations.py` for reported wrongdoing: the code and rule name of
an event read off the sentence's structure, not off a pattern file.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.model import Actor

DEMAND_CODE = "100"  # demand, not otherwise specified: "X said Y must act"
# "X said Y should act" suggests more than it demands (CAMEO: demands are "stronger or
# more forceful" than appeals): an appeal (020). On the training stories the reported
# obligations coded 100 were 13 events, none of the right root; coders wrote 02
APPEAL_CODE = "020"
DEMAND_RULE = "structure:reported-obligation"


def obligation_code(clause: Token) -> str:
    """100 for what one must or has to do, 020 for what one should or ought to do."""
    words = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return APPEAL_CODE if words & {"should", "ought"} else DEMAND_CODE


def asks_another(source: Actor | None, target: Actor | None) -> bool:
    """Is a reported obligation asked of someone named other than the speaker? "South
    Korea may have to consider its own weapons", said by South Korea, or "strong
    diplomacy must work", of no one, is no demand."""
    if target is None or not target.code:
        return False
    if source is None:
        return True
    # the state speaking of itself ("Chile's president said Chile may have to"); a
    # former official or a critic may still ask their own country
    state = not source.sectors or "GOV" in source.sectors
    own = target.code == source.code or (
        state and not target.sectors and target.country == source.country
    )
    return not own
