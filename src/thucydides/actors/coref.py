"""Coreference within one document: pronouns, definite descriptions and first person
inside quotations point back (or, for a quote's speaker, forward) to a named mention.

Built once per parsed document in two passes: first every named noun phrase is resolved
by the dictionary, then pronouns and descriptions in document order, so a chain
("Clinton ... she ... her") carries the code along and a quote's speaker named after the
quote is already known. This module decides what each mention stands for; what a mention
is lives in `mentions.py`, the choice of an antecedent in `antecedents.py` (a wrong
antecedent is worse than none, so when nothing compatible is found the answer is None),
and who speaks a quote in `quotes.py`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from thucydides.actors.antecedents import MentionIndex
from thucydides.actors.codes import is_irregular_code
from thucydides.actors.groups import coordinated_countries, counted, members_of
from thucydides.actors.interviews import SECOND, speaker_label, turns
from thucydides.actors.mentions import (
    FEMALE,
    FIGHTER_NOUNS,
    FIRST,
    INSTITUTION_NOUNS,
    MALE,
    PERSON_NOUNS,
    PERSON_ROLES,
    PLURAL,
    RELATIVE,
    Mention,
    as_coref,
    is_description,
    is_head,
    is_pronoun,
    noun_phrase,
)
from thucydides.actors.owners import armed_men, group_owner, owner
from thucydides.actors.people import (
    TITLE_ROLES,
    Titles,
    appositions,
    define,
    former_holder,
    former_title,
    introducing_title,
    name_tokens,
    national,
    said_former,
    someone_else,
    untitled,
)
from thucydides.actors.quotes import Quotes
from thucydides.actors.redescriptions import redescribed, redescription
from thucydides.actors.resolve import ActorMatch, ActorResolver, doc_text, make_match
from thucydides.actors.story import StoryContext

if TYPE_CHECKING:  # spaCy is only needed by callers that have a parsed document
    from spacy.tokens import Doc, Span, Token

THIRD_PLURAL = {"they", "them", "their", "theirs"}  # in a quote, never the speaker's side
_COREF_VIAS = ("coreference", "document")  # a match that came along a chain
# a role said to be foreign belongs to no country of the story ("foreign journalists",
# "Western diplomats": many countries, not the one the sentence names)
FOREIGN = frozenset({"foreign", "overseas", "western"})
# and forces said to be international ("a cease-fire with international forces" in an
# Afghan story is not Afghanistan's), though "international and local media" and
# "ruling coalition lawmakers" are the story's own
FOREIGN_FORCES = frozenset({"force", "troop", "soldier"})
FORCES_OF_MANY = frozenset({"international", "coalition", "multinational"})
# where "foreign" names an office, not foreigners ("foreign minister")
OFFICES = frozenset("minister ministry secretary office affairs service policy".split())


# nouns whose plural is several states, never the one the context names
MANY_STATES = frozenset({"government", "nation", "country", "state", "power"})


class DocumentActors:
    """Per-document coreference: built once per parsed document."""

    def __init__(self, doc: Doc, date: str | None, resolver: ActorResolver):
        self.doc, self.date, self.resolver = doc, date, resolver
        self.quotes = Quotes(doc)
        self.mentions = MentionIndex(doc)
        self._turns = turns(doc_text(doc))  # an interview's questions and answers
        self._looked_up: dict[tuple[int, int], ActorMatch | None] = {}
        # names the dictionaries read as someone the story shows is another person
        # ("Jimmy Lai", then "Lai", is not Lai Ching-te): head -> the story's reading
        self._others: dict[int, ActorMatch | None] = {}
        # "the former French foreign minister": head -> the person named before it is
        self._redescribed: dict[int, ActorMatch] = {}
        self._is_title = Titles(resolver)
        # each head's phrase and whether it is a description, read once: building the
        # mentions asks for them two or three times
        self._phrases: dict[int, Span] = {}
        self._described: dict[int, bool] = {}
        heads = [t for t in doc if is_head(t)]
        named = [t for t in heads if not is_pronoun(t) and not self._description_at(t)]
        # what the dictionaries read in every name, for the countries of its context;
        # `person`: a person's name, whose country is no one else's
        found: list[tuple[Token, Span, ActorMatch | None, bool]] = []
        for tok in named:
            span = self._phrase_of(tok)
            match = self._lookup(span)
            names = name_tokens(tok, self._is_title, self._is_title.national)
            if names and (match is None or match.kind not in ("person", "group", "org")):
                # a person's name is no place ("President Omar Farah"): only the title counts
                title = span[: names[0].i - span.start]
                match = self._lookup(title) if len(title) else None
            person = (match is not None and match.kind == "person") or bool(names)
            found.append((tok, span, match, person))
        self.context = StoryContext(doc, date, resolver, found, self._lookup)
        for tok in named:  # pass 1: names, by the dictionary
            self._add(tok)
        for tok in heads:  # pass 2: pronouns and descriptions, in order
            if tok.i not in self.mentions.by_head:
                self._add(tok)

    def resolve(self, span: Span) -> ActorMatch | None:
        """Named mention -> dictionary/metonymy; pronoun, "the group", "the minister", first
        person inside quotes -> its antecedent, via="coreference"."""
        root = span.root
        if root.lower_ in RELATIVE and root.head.dep_ in ("relcl", "acl"):
            root = root.head.head  # "commanders who ..." -> the commanders
            span = self._phrase_of(root)
        if counted(span):  # "the two presidents" are not the latest president alone
            return self._lookup(span)
        if root.lower_ in SECOND:  # "you" in an interview's question: who answers
            found = self._interviewee(root, "second")
            return as_coref(found, span.text) if found else None
        if is_pronoun(root) or is_description(span):
            known = self.mentions.by_head.get(root.i)
            if known is not None and known.match is not None:
                if not is_pronoun(root):
                    return known.match
                found = as_coref(known.match, span.text)
                return found if found.country else self._in_context(span, found)
            found = self._antecedent(root, span)
            if found:
                return as_coref(found, span.text)
            if is_pronoun(root):
                return None
            return self._unreferred(span)
        if root.i in self._redescribed:
            return as_coref(self._redescribed[root.i], span.text)
        match = self._reading(span)
        if match is not None and match.kind in ("agent", "org") and said_former(span, match):
            match = former_holder(match)  # "the former French foreign minister": FRAELI
        known = self.mentions.by_head.get(root.i)
        if known is not None and known.match is not None and known.match.via == "document":
            if match is None or match.kind not in ("person", "group", "org"):
                return replace(known.match, matched=span.text)  # a person the story introduced
        if match is not None and match.kind == "agent":
            group = group_owner(self.mentions, span) or armed_men(
                self.context, self.mentions, span, match
            )
            if group is not None:  # "the network's commanders", "terror commanders"
                return group
        if match is not None and (match.country or match.kind != "agent"):
            return match
        known = self.mentions.by_head.get(root.i)
        if known is not None and known.match is not None and known.match.via in _COREF_VIAS:
            return as_coref(known.match, span.text)  # a surname, "our fighters"
        return owner(self.mentions, span, match) or self._in_context(span, match)

    def members(self, span: Span) -> list[ActorMatch]:
        """The actors a mention stands for when it is several ("US and British activists",
        "the two presidents"), each to get its own event; [] for one actor."""
        if counted(span):  # only a counted plural needs the mentions before it
            before = self.mentions.latest
            found = members_of(span, [(self.doc[m.head], m.match, m.person) for m in before])
            if found is not None:
                return [as_coref(m, span.text) for m in found]
        return coordinated_countries(
            span, self._lookup(span), lambda t: self._lookup(t.doc[t.i : t.i + 1])
        )

    def armed_groups(self) -> list[ActorMatch]:
        """The irregular armed groups the document names (rebels, insurgents,
        separatists, international militants), one per code, in order of first mention."""
        seen: dict[str, ActorMatch] = {}
        for mention in sorted(self.mentions.by_head.values(), key=lambda m: m.start):
            match = mention.match
            if match is None or not match.code or match.code in seen:
                continue
            if is_irregular_code(match.code, match.sectors):
                seen[match.code] = match
        return list(seen.values())

    @property
    def story_pair(self) -> tuple[str, str] | None:
        """The two countries a story of their relations is about (`story.story_pair`)."""
        return self.context.story_pair

    @property
    def story_country(self) -> str | None:
        """The country the story is about (`story.StoryContext`)."""
        return self.context.story_country

    def _lookup(self, span: Span) -> ActorMatch | None:
        """The dictionaries' reading of a span, once per span: building the mentions and
        coding the events ask for the same phrases."""
        key = (span.start, span.end)
        if key not in self._looked_up:
            self._looked_up[key] = self.resolver.resolve_span(span, self.date)
        return self._looked_up[key]

    def _phrase_of(self, tok: Token) -> Span:
        found = self._phrases.get(tok.i)
        if found is None:
            found = self._phrases[tok.i] = noun_phrase(tok)
        return found

    def _description_at(self, tok: Token) -> bool:
        """Is the phrase `tok` heads a description ("the group")?"""
        found = self._described.get(tok.i)
        if found is None:
            found = self._described[tok.i] = is_description(self._phrase_of(tok))
        return found

    def _unreferred(self, span: Span) -> ActorMatch | None:
        """A description with nothing to point back to: "the court" is then the
        country's court, as any role noun; "the group" stays as the dictionary reads it."""
        match = self._lookup(span)
        if span.root.lemma_.lower() in INSTITUTION_NOUNS | FIGHTER_NOUNS:
            return self._in_context(span, match)
        return match

    def _in_context(self, span: Span, match: ActorMatch | None) -> ActorMatch | None:
        """A role without a country ("rebels", "police") takes the country of its context
        (`StoryContext.country_for`); with two or more candidates it stays without."""
        if match is None or match.kind != "agent" or match.country or not match.sectors:
            return match
        foreign = FOREIGN | (FORCES_OF_MANY if span.root.lemma_ in FOREIGN_FORCES else set())
        if any(
            t.lower_ in foreign
            and t.dep_ in {"amod", "compound"}
            and t.head.lemma_.lower() not in OFFICES
            for t in span
        ):
            return match  # "foreign bloggers" are no one's here ("foreign minister" is)
        if match.code[:3] != match.sectors[0]:
            return match  # an identity first ("ethnic Albanians"): not a state's role
        if span.root.tag_ == "NNS" and span.root.lemma_.lower() in MANY_STATES:
            return match  # "governments", "Western nations": more states than one
        found = self.context.country_for(span, leader=False)
        if found is None:
            return match
        country, how = found
        return make_match(
            country + match.code, country, "dictionary", match.matched, "agent",
            f"{match.why}; country {country} from {how}",
        )  # fmt: skip

    # -- building ----------------------------------------------------------------------

    def _add(self, tok: Token, speaker: bool = False) -> Mention:
        span = self._phrase_of(tok)
        pronoun = is_pronoun(tok)
        again = None if pronoun else self._person_again(tok, span)
        if again is not None:
            match = again
        elif pronoun or self._description_at(tok):
            found = self._antecedent(tok, span, speaker)
            match = as_coref(found, span.text) if found else None
            if match is None and not pronoun:
                match = self._unreferred(span)
        else:
            match = self._named(tok, span)
            introduced = self._introduced(tok, span, match)
            if introduced is not None:
                match = introduced
            elif match is None and (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                match = self.mentions.surname(
                    span
                )  # "Pena" at a sentence's start is read as a noun
            elif match is not None and match.kind == "agent":
                match = (
                    group_owner(self.mentions, span)
                    or armed_men(self.context, self.mentions, span, match)
                    or (match if match.country else owner(self.mentions, span, match) or match)
                )
            if match is None or match.kind not in ("person", "group", "org"):
                match = self._title_of_person(tok) or match
        lemma = tok.lemma_.lower()
        if match is None and lemma in PERSON_ROLES:
            match = self._member_of(tok)
        person = (
            tok.ent_type_ == "PERSON"
            or (lemma in PERSON_NOUNS and tok.tag_ in ("NN", "NNP"))
            or (tok.pos_ == "PROPN" and match is not None and match.kind == "person")
            or (pronoun and tok.lower_ in MALE | FEMALE)
            or again is not None
        )
        plural = tok.tag_ in ("NNS", "NNPS") or (pronoun and tok.lower_ in PLURAL | FIRST)
        m = Mention(tok.i, span.start_char, span.end_char, match, person, plural, lemma)
        self.mentions.add(m, span)
        return m

    def _person_again(self, tok: Token, span: Span) -> ActorMatch | None:
        """ "The French politician", "the former French foreign minister": a person the
        story named a few sentences before, described again (`redescriptions.py`)."""
        if self._description_at(tok):
            return None  # "the minister": the antecedent search has it
        found = redescription(span, self._is_title.national)
        if found is None:
            return None
        country = None
        if found.national:
            read = self._lookup(span)
            country = read.country if read is not None else None
        text = doc_text(self.doc)

        def said(m: Mention) -> str:
            return f"{text[m.start : m.end]} {m.match.why}"

        person = redescribed(self.mentions, span, found, country, said)
        if person is None:
            return None
        self._redescribed[tok.i] = person
        return as_coref(person, span.text)

    def _named(self, tok: Token, span: Span) -> ActorMatch | None:
        """The dictionaries' reading of a named mention, unless the person it names is
        someone else the story has: a longer name that is not theirs ("Jimmy Lai" for Lai
        Ching-te, known as "Lai"; then the title alone counts), or a bare surname of
        a person the story named before ("Hassan" after "Ilyas Ali Hassan")."""
        match = self._reading(span)
        if match is None or match.kind != "person" or match.via != "dictionary":
            return match
        names = name_tokens(tok, self._is_title, self._is_title.national)
        if names and someone_else(names, match):
            title = span[: names[0].i - span.start]
            found = self._reading(title) if len(title) else None
            self._others[tok.i] = found = found if found is None or found.kind != "person" else None
            return found
        if [t.text for t in names] == [match.matched] or [span.text] == [match.matched]:
            earlier = self.mentions.surname(span)
            if earlier is not None and earlier.name != match.name:
                self._others[tok.i] = earlier
                return earlier
        return match

    def _reading(self, span: Span) -> ActorMatch | None:
        """`_lookup`, but a dictionary person named by a word the story showed is someone
        else's ("Lai's son") is that other person."""
        match = self._lookup(span)
        if match is None or match.kind != "person" or not self._others:
            return match
        for t in span:
            if t.i in self._others and match.matched in self._phrase_of(t).text:
                other = self._others[t.i]
                return as_coref(other, span.text) if other is not None else None
        return match

    def _introduced(self, tok: Token, span: Span, match: ActorMatch | None) -> ActorMatch | None:
        """A person the story introduces with a title, nationality or apposition, or the
        same person named again ("Cavusoglu", "Minister Cavusoglu"): see `people.py`."""
        if match is not None and match.kind == "person":
            return None  # a dictionary's person
        names = name_tokens(tok, self._is_title, self._is_title.national)
        if not names:
            return None
        whole = self.doc[names[0].i : names[-1].i + 1]
        named = self._lookup(whole)
        if named is not None and named.kind in ("person", "group", "org"):
            if tok.i not in self._others:
                return None  # "Kenyan Forces Battle Al-Shabab": the "name" is a known group
        if named is not None and named.kind in ("country", "metonym"):
            if named.matched == whole.text:
                return None  # the tagger's "person" is a country: "India helped Mauritius"
        earlier = self.mentions.surname(span)
        if earlier is not None and tok.i in self._others and someone_else(names, earlier):
            earlier = None  # "Jimmy Lai" is not the "Lai" the dictionaries know
        title, word = introducing_title(tok, span, names, match, self._lookup, self._is_title)
        if earlier is not None and (earlier.country or title is None or not title.country):
            return earlier  # unless the title now says whose he was: "X, former U.S. envoy"
        name = self.doc[names[0].i : names[-1].i + 1].text
        if title is None:
            return None if earlier is not None else self._untitled(tok, name, match)
        leader = "GOV" in title.sectors or TITLE_ROLES.get(word) == "GOV"
        country = None if title.country else self.context.country_for(span, leader=leader)
        former = former_title(tok, span, names)
        person = define(name, title, word, country[0] if country else None, former)
        if person is None and title.kind != "person" and earlier is None:
            person = national(name, title) or self._untitled(tok, name, match)
        for other in appositions(tok) if person is not None else ():
            known = self.mentions.by_head.get(other.i)  # the title's own mention is the person
            if known is not None and known.match is not None and known.match.via != "document":
                known.match = person
        return person

    def _untitled(self, tok: Token, name: str, match: ActorMatch | None) -> ActorMatch | None:
        """A person named with nothing the dictionaries read as whose (`people.untitled`)."""

        def lookup(head: Token) -> ActorMatch | None:
            return self._lookup(self._phrase_of(head))

        return untitled(tok, name, match, lookup, self.context.story_country)

    def _title_of_person(self, tok: Token) -> ActorMatch | None:
        """ "Haiti's security secretary, Frantz Exantus": the title stands for the person
        named beside it."""
        if tok.pos_ != "NOUN":
            return None
        for other in appositions(tok):
            known = self.mentions.by_head.get(other.i)
            if known is not None and known.match is not None and known.match.via == "document":
                return known.match
        return None

    def _member_of(self, tok: Token) -> ActorMatch | None:
        """ "a senior figure in the Haqqani network": a role noun takes the group it is
        said to belong to."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from", "within"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                group = self._lookup(self._phrase_of(pobj))
                if group is not None and group.kind in ("group", "org"):
                    return group
        return None

    def _antecedent(self, tok: Token, span: Span, speaker: bool = False) -> ActorMatch | None:
        """First person inside a quote is its speaker; any other pronoun or description
        looks back (`MentionIndex.antecedent`). `speaker`: `tok` is the subject of "said"
        after a quote, and people named inside the quote are not who is speaking."""
        if is_pronoun(tok) and tok.lower_ in FIRST:
            answering = self._interviewee(tok, "first")
            if answering is not None:
                return answering
            if not self.quotes.inside(tok.idx):
                return None
            return self.quotes.speaker(tok, self._speaking)
        own = None
        if is_pronoun(tok) and tok.lower_ in THIRD_PLURAL and self.quotes.inside(tok.idx):
            own = self.quotes.speaker(tok, self._speaking)
        skip = self.quotes.inside if speaker else None
        said = self.quotes.attributed(tok.idx) if speaker else None
        return self.mentions.antecedent(tok, span, skip, own.code if own else None, said)

    def _interviewee(self, tok: Token, person: str) -> ActorMatch | None:
        """In an interview, first person in an answer is its speaker, "you" in a question
        the one who answers it (`interviews.py`); the speaker is read from the label."""
        if not self._turns:
            return None
        label = speaker_label(self._turns, tok.idx, person)
        span = self.doc.char_span(*label, alignment_mode="expand") if label else None
        if span is None or span.root.i == tok.i:
            return None
        return self._speaking(span.root).match

    def _speaking(self, subj: Token) -> Mention:
        """The mention of a quote's speaker, added now if the speaker is named later."""
        return self.mentions.by_head.get(subj.i) or self._add(subj, speaker=True)
