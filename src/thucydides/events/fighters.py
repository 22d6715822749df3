"""Who killed, when a story says only who was killed.

"Four border guards died in the raid", "nine gunmen were killed": in a
story of one conflict a coder records the killing against the other side of it. Militants
killed are the state's forces' doing (the story's country, MIL); soldiers, police or
civilians killed are the armed group the story last named acting with force. Only for
force (CAMEO 18-19) with no agent in the sentence; the doer is implied (`via: implied`,
no text of its own, at the trigger).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thucydides.events.records import is_irregular
from thucydides.model import Actor, Event

FORCE_ROOTS = {"18", "19"}
# how far back, in sentences, the armed group's last act may be
GROUP_SENTENCES = 5


def implied_fighter(
    code: str,
    target: Actor | None,
    story_country: str | None,
    sentence_index: int,
    at: int,
    earlier: Sequence[Event],
) -> Actor | None:
    """The implied doer of a passive act of force with no agent, or None."""
    if code[:2] not in FORCE_ROOTS or target is None or not target.code or not story_country:
        return None
    if is_irregular(target):
        if target.country not in (None, story_country):
            return None  # foreign fighters killed: by whom the story does not say
        return Actor.implied(story_country, "MIL", at)
    if target.country != story_country:
        return None
    for event in reversed(earlier):
        if sentence_index - event.sentence_index > GROUP_SENTENCES:
            return None
        doer = event.source
        if (
            event.cameo.root in FORCE_ROOTS
            and doer is not None
            and doer.code
            and is_irregular(doer)
        ):
            return replace(
                doer, text="", sectors=list(doer.sectors), start=at, end=at, via="implied"
            )
    return None
