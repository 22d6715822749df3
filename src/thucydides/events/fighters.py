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

from thucydides.actors import ActorMatch
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
    story_group: ActorMatch | None = None,
) -> Actor | None:
    """The implied doer of a passive act of force with no agent, or None. `story_group`:
    the one armed group the story names (`story_armed_group`), for an attack told before
    the story says who claimed it ("the train came under attack ... the BLA claimed
    responsibility")."""
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
            break
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
    if story_group is None:
        return None
    return Actor(
        text="", start=at, end=at, code=story_group.code, country=story_group.country,
        sectors=list(story_group.sectors), name=story_group.name, via="implied",
    )  # fmt: skip


def story_armed_group(groups: Sequence[ActorMatch], story_country: str | None) -> ActorMatch | None:
    """The armed group of a story about one country's conflict: the only irregular group
    it names (`DocumentActors.armed_groups`; "the Baloch Liberation Army", not a generic
    "militants"), else None."""
    named = [g for g in groups if g.kind == "group"]
    return named[0] if story_country and len(named) == 1 else None
