"""Whose a role is: the possessor, the group, or the armed group a story names.

"Our fighters", "Berisha's opponents", "the network's commanders", "terror commanders"
in a story about one armed group: a role with no country of its own takes it from
another mention of the document. Kept apart from `coref.py`, which builds the chains
these look up.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from thucydides.actors.antecedents import MentionIndex
from thucydides.actors.mentions import RELATIONAL_NOUNS, as_coref, is_pronoun
from thucydides.actors.resolve import make_match
from thucydides.actors.story import PLACE_OF_PHRASE, PLACE_OF_SENTENCE, StoryContext

if TYPE_CHECKING:
    from spacy.tokens import Span

    from thucydides.actors.resolve import ActorMatch


def owner(mentions: MentionIndex, span: Span, role: ActorMatch | None = None) -> ActorMatch | None:
    """ "our fighters", "their leaders": a role without a country belongs to the
    possessor named earlier (or to the quote's speaker); "Berisha's opponents", the
    `role` of a person the story named, are of that person's country."""
    for t in span:
        m = mentions.by_head.get(t.i) if t.dep_ == "poss" else None
        if m is None or m.match is None:
            continue
        if is_pronoun(t):
            if t.head.lemma_.lower() in RELATIONAL_NOUNS:
                continue  # "its northern neighbor's exports" are not its own
            return as_coref(m.match, span.text)
        found = m.match
        if role is not None and role.sectors and found.kind == "person" and found.country:
            why = f"{role.why}; country {found.country} of its possessor {found.name}"
            code = found.country + "".join(role.sectors)
            return make_match(code, found.country, "coreference", span.text, "agent", why)
    return None


def group_owner(mentions: MentionIndex, span: Span) -> ActorMatch | None:
    """ "the network's commanders", "the Taliban's fighters": members of a group named
    as its possessor are the group's, whatever place the phrase also names."""
    for t in span.root.children:
        if t.dep_ != "poss" or is_pronoun(t):
            continue
        m = mentions.by_head.get(t.i)
        if m is not None and m.match is not None and m.match.kind in ("group", "org"):
            why = f"{m.match.why}; members of the group that possesses them"
            return replace(m.match, matched=span.text, why=why)  # via: as the owner's
    return None


def armed_men(
    context: StoryContext, mentions: MentionIndex, span: Span, match: ActorMatch
) -> ActorMatch | None:
    """Armed men of the group the story names, unless their sentence places them in a
    country ("militants arrested in Peshawar" are Pakistan's, "militants on Afghan soil"
    Afghanistan's)."""
    found = context.country_for(span, leader=False)
    if found is not None and found[1] in (PLACE_OF_PHRASE, PLACE_OF_SENTENCE):
        return None
    return mentions.armed_members(span, match)
