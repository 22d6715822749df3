"""The actors a record takes from its story when its sentence leaves them unnamed.

The role rules read who acts on whom off one sentence. A coder reading the whole story
also knows who filed the suit that "alleges", whose request was denied, which state
detained the journalist "held since March", which armed group the soldiers "killed in
the attack" were fighting, and which government is asked to release a prisoner. Each of
those inferences is its own module; this one applies them, in order, to one pair of
actors at one trigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from thucydides.actors import ActorMatch
from thucydides.events.authors import (
    Issued,
    answers,
    answers_object,
    author_of,
    document_author,
    state_author,
)
from thucydides.events.fighters import implied_fighter
from thucydides.events.holders import holder_asked
from thucydides.events.records import implied_state, implied_target
from thucydides.model import Actor, Event


@dataclass(frozen=True, slots=True)
class Act:
    """What the inferences need to know of the act at one trigger."""

    code: str  # the candidate's CAMEO code
    kind: str  # "verb" | "noun"
    how: str  # how the role rules found source and target ("subject/object")
    anchor: Token  # the trigger's head word
    undergoer: bool  # a pattern whose subject is acted upon ("X stands accused")
    sentence_index: int
    at: int  # the trigger's character offset in the document
    story_country: str | None
    story_group: ActorMatch | None = None  # the story's one armed group (fighters.py)
    story_pair: tuple[str, str] | None = None  # a story of two countries' relations
    issued: tuple[Issued, ...] = ()  # documents the story shows being put out, and by whom

    @property
    def how_target(self) -> str:
        return self.how.rsplit("/", 1)[-1]


def story_actors(
    act: Act,
    source: Actor | None,
    target: Actor | None,
    spans: tuple[Span | None, Span | None],
    earlier: Sequence[Event],
) -> tuple[Actor | None, Actor | None]:
    """(source, target) with what the story says of those the sentence leaves unnamed
    (`spans`: the role spans they were read from): a document's author, the author of
    what is answered, the holder asked to release someone, and the implied doer of an
    act only a state or an armed group does."""
    src, tgt = spans
    at, index, how_target = act.at, act.sentence_index, act.how_target
    # "the suits allege": the document speaks for whoever filed it
    source = document_author(source, src, index, at, earlier, act.issued) or source
    if (target is None or target.code is None) and answers(act.code, how_target, tgt):
        # "Trump denied the request": the reply is to whoever made it
        target = (
            author_of(source, index, at, earlier)
            or state_author(tgt, source, act.story_country, at)
            or target
        )
    elif how_target in {"scope", "none"} and answers_object(act.code, act.anchor):
        # "rejected the resolution, saying it stems from ... Pakistan": not Pakistan;
        # "called the allegations baseless", its object read by the pattern
        target = author_of(source, index, at, earlier) or target
    if source is not None and source.code:  # "calls for Lai's release": to the holder
        target = holder_asked(act.code, target, earlier, at) or target
    if target is None or target.code is None:  # "called for his release", "banned ..."
        target = implied_target(act.code, source, act.story_country, at, act.story_pair) or target
    if source is None and (
        act.how.startswith("passive-no-agent") or act.kind == "noun" or act.undergoer
    ):  # "X was detained", "X's detention": by the state, when only a state does it
        source = implied_state(act.code, target, act.story_country, at) or implied_fighter(
            act.code, target, act.story_country, index, at, earlier, act.story_group
        )
    return source, target


def told_already(earlier: Sequence[Event], act: Act, code: str, target: Actor | None) -> bool:
    """Has this sentence already an event of an implied doer with this code and target
    ("are in jail, facing trial": one detention by the same unnamed state)?"""
    return any(
        e.sentence_index == act.sentence_index
        and e.cameo.code == code
        and e.source is not None
        and e.source.via == "implied"
        and (e.target.code if e.target else None) == (target.code if target else None)
        for e in earlier
    )
