"""From parse spans to the actors of a record.

The role rules find spans; a record needs actors: the span's text and offsets in the
document as given, and the code the dictionaries or the story give it. A town acted upon
with no code of its own stands for its country. The role rules also ask, of single
tokens, whether they can name an actor at all and whether they name a country or a place
in one; both answers come from here.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from thucydides import geo
from thucydides.actors import ActorMatch, DocumentActors
from thucydides.chunks import Chunk
from thucydides.events.parse import ACTOR_ENTS, PRONOUN_TAGS
from thucydides.events.phrases import head_phrase, noun_phrase
from thucydides.events.records import named_place
from thucydides.model import Actor


def is_country_place(tok: Token) -> bool:
    """A proper noun the gazetteer knows as a country or a place in one ("Niger",
    "Peshawar"); spaCy's entity label is not trusted ("Monday in Niger" is a DATE)."""
    if tok.pos_ != "PROPN":
        return False
    found = geo.Gazetteer.load().candidates(noun_phrase(tok).text)
    return bool(found) and found[0].country is not None


def resolvable_in(doc_actors: DocumentActors) -> Callable[[Token], bool]:
    """The document's test of whether a noun can name an actor, answered once per token."""
    cache: dict[int, bool] = {}

    def resolvable(tok: Token) -> bool:
        """Can this noun name an actor: an entity, a pronoun, or a phrase the
        dictionaries know? (Requiring the head noun itself to match, so that "a
        military operation" is no actor, lost more targets than it saved.)"""
        if tok.i not in cache:
            cache[tok.i] = (
                tok.ent_type_ in ACTOR_ENTS
                or tok.tag_ in PRONOUN_TAGS
                or doc_actors.resolve(head_phrase(tok)) is not None
            )
        return cache[tok.i]

    return resolvable


def record_actor(
    span: Span | None, match: ActorMatch | None, chunk: Chunk, doc_countries
) -> Actor | None:
    """The actor of a record for a role span and the code found for it, if any."""
    if span is None:
        return None
    actor = Actor(
        text=chunk.text[span.start_char : span.end_char],
        start=span.start_char + chunk.offset,
        end=span.end_char + chunk.offset,
    )
    if match is not None:
        actor.code, actor.country, actor.sectors = (
            match.code,
            match.country,
            list(match.sectors),
        )
        actor.name, actor.via = match.name, match.via
    elif (place := named_place(span, doc_countries)) is not None:
        # "shelled Jericho": a town acted upon stands for its country
        actor.code = actor.country = place.country
        actor.name, actor.via = place.name, "metonymy"
    return actor
