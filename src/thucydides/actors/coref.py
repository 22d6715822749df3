"""Coreference within one document: pronouns, definite descriptions and first person
inside quotations point back (or, for a quote's speaker, forward) to a named mention.

Built once per parsed document in two passes: first every named noun phrase is resolved
by the dictionary, then pronouns and descriptions in document order, so a chain
("Clinton ... she ... her") carries the code along and a quote's speaker named after the
quote is already known. Deliberately simple rules (recency, number, gender from a
first-name list or an earlier "she"): a wrong antecedent is worse than none, so when
nothing compatible is found the answer is None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from thucydides.actors.dictionary import first_names
from thucydides.actors.groups import coordinated_countries, counted, members_of
from thucydides.actors.people import (
    TITLE_ROLES,
    Titles,
    appositions,
    define,
    fold,
    former_title,
    introducing_title,
    name_tokens,
)
from thucydides.actors.resolve import ActorMatch, ActorResolver, doc_text, make_match
from thucydides.actors.story import StoryContext

if TYPE_CHECKING:  # spaCy is only needed by callers that have a parsed document
    from spacy.tokens import Doc, Span, Token

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
FIRST = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"})
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER | FIRST
RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
GROUP_NOUNS = frozenset(
    "group organization organisation network movement faction militia outfit party alliance "
    "coalition insurgency bloc body".split()
)
PERSON_NOUNS = frozenset(
    "commander leader minister official spokesman spokeswoman spokesperson president secretary "
    "ambassador envoy diplomat general chief head premier chancellor king queen senator "
    "lawmaker negotiator officer aide adviser advisor".split()
)
MALE_WORDS = frozenset({"spokesman", "king", "chairman", "prince", "sir", "mr", "mr."})
FEMALE_WORDS = frozenset({"spokeswoman", "queen", "chairwoman", "princess", "mrs", "mrs.", "ms"})
REPORT_VERBS = frozenset(
    "say tell add state declare warn insist claim announce stress reply write vow explain "
    "argue note assert deny tweet post".split()
)
_QUOTE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
GENDER_WINDOW = 12  # mentions a gendered pronoun may look back for a person of unknown gender
# how far back (characters) a pronoun or description looks for its antecedent: a few
# paragraphs, as a reader does; it also keeps the search flat on a long document
REACH_CHARS = 3_000


@dataclass(slots=True)
class Mention:
    head: int  # token index of the head
    start: int  # character offsets of the phrase
    end: int
    match: ActorMatch | None
    person: bool
    plural: bool
    lemma: str


# role nouns that name the same kind of person: a later "the commander" can be the
# "senior figure" or "leader" introduced before
PERSON_ROLES = {
    "commander", "leader", "figure", "chief", "member", "militant", "fighter", "insurgent",
    "rebel",
}  # fmt: skip


def is_pronoun(tok: Token) -> bool:
    """ "US" (the country) is not "us"."""
    return tok.lower_ in PRONOUNS and not (len(tok.text) > 1 and tok.text.isupper())


class DocumentActors:
    """Per-document coreference: built once per parsed document."""

    def __init__(self, doc: Doc, date: str | None, resolver: ActorResolver):
        self.doc, self.date, self.resolver = doc, date, resolver
        self.quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(doc_text(doc))]
        self.gender: dict[str, str] = {}  # a person's canonical name -> "f" / "m"
        self.speakers: dict[int, ActorMatch | None] = {}  # quote index -> its speaker
        self.mentions: list[Mention] = []
        # the mentions latest first (by start; equal starts in the order added), kept
        # sorted as they are added: every antecedent search reads them in this order
        self._latest: list[Mention] = []
        self._latest_keys: list[int] = []  # -start of each, ascending
        self.by_head: dict[int, Mention] = {}
        self._looked_up: dict[tuple[int, int], ActorMatch | None] = {}
        self._is_title = Titles(resolver)
        # each head's phrase and whether it is a description, read once: building the
        # mentions asks for them two or three times
        self._phrases: dict[int, Span] = {}
        self._described: dict[int, bool] = {}
        heads = [t for t in doc if _is_head(t)]
        named = [t for t in heads if not is_pronoun(t) and not self._description_at(t)]
        # what the dictionaries read in every name, for the countries of its context;
        # `person`: a person's name, whose country is no one else's
        found: list[tuple[Token, Span, ActorMatch | None, bool]] = []
        for tok in named:
            span = self._phrase_of(tok)
            match = self._lookup(span)
            names = name_tokens(tok, self._is_title)
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
            if tok.i not in self.by_head:
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
        if is_pronoun(root) or _is_description(span):
            known = self.by_head.get(root.i)
            if known is not None and known.match is not None:
                return _as_coref(known.match, span.text) if is_pronoun(root) else known.match
            found = self._antecedent(root, span)
            if found:
                return _as_coref(found, span.text)
            return None if is_pronoun(root) else self._lookup(span)
        match = self._lookup(span)
        known = self.by_head.get(root.i)
        if known is not None and known.match is not None and known.match.via == "document":
            if match is None or match.kind not in ("person", "group", "org"):
                return replace(known.match, matched=span.text)  # a person the story introduced
        if match is not None and match.kind == "agent":
            group = self._group_owner(span)  # "the network's commanders"
            if group is not None:
                return group
        if match is not None and (match.country or match.kind != "agent"):
            return match
        known = self.by_head.get(root.i)
        if (
            known is not None
            and known.match is not None
            and known.match.via
            in (
                "coreference",
                "document",
            )
        ):
            return _as_coref(known.match, span.text)  # a surname, "our fighters"
        return self._owner(span) or self._in_context(span, match)

    def members(self, span: Span) -> list[ActorMatch]:
        """The actors a mention stands for when it is several ("US and British activists",
        "the two presidents"), each to get its own event; [] for one actor."""
        if counted(span):  # only a counted plural needs the mentions before it
            before = self._latest
            found = members_of(span, [(self.doc[m.head], m.match, m.person) for m in before])
            if found is not None:
                return [_as_coref(m, span.text) for m in found]
        return coordinated_countries(
            span, self._lookup(span), lambda t: self._lookup(t.doc[t.i : t.i + 1])
        )

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
            found = self._phrases[tok.i] = _phrase(tok)
        return found

    def _description_at(self, tok: Token) -> bool:
        """Is the phrase `tok` heads a description ("the group")?"""
        found = self._described.get(tok.i)
        if found is None:
            found = self._described[tok.i] = _is_description(self._phrase_of(tok))
        return found

    def _in_context(self, span: Span, match: ActorMatch | None) -> ActorMatch | None:
        """A role without a country ("rebels", "police") takes the country of its context
        (`StoryContext.country_for`); with two or more candidates it stays without."""
        if match is None or match.kind != "agent" or match.country or not match.sectors:
            return match
        if match.code[:3] != match.sectors[0]:
            return match  # an identity first ("ethnic Albanians"): not a state's role
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
        if pronoun or self._description_at(tok):
            found = self._antecedent(tok, span, speaker)
            match = _as_coref(found, span.text) if found else None
            if match is None and not pronoun:
                match = self._lookup(span)
        else:
            match = self._lookup(span)
            introduced = self._introduced(tok, span, match)
            if introduced is not None:
                match = introduced
            elif match is None and (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                match = self._surname(span)  # "Pena" at a sentence's start is read as a noun
            elif match is not None and match.kind == "agent":
                match = self._group_owner(span) or (
                    match if match.country else self._owner(span) or match
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
        )
        plural = tok.tag_ in ("NNS", "NNPS") or (pronoun and tok.lower_ in PLURAL | FIRST)
        m = Mention(tok.i, span.start_char, span.end_char, match, person, plural, lemma)
        if match is not None and match.kind == "person" and person and match.name:
            g = _gender(span, match)
            if g and match.name not in self.gender:
                self.gender[match.name] = g
        self.mentions.append(m)
        at = bisect.bisect_right(self._latest_keys, -m.start)
        self._latest_keys.insert(at, -m.start)
        self._latest.insert(at, m)
        self.by_head[tok.i] = m
        return m

    def _introduced(self, tok: Token, span: Span, match: ActorMatch | None) -> ActorMatch | None:
        """A person the story introduces with a title, nationality or apposition, or the
        same person named again ("Cavusoglu", "Minister Cavusoglu"): see `people.py`."""
        if match is not None and match.kind == "person":
            return None  # a dictionary's person
        names = name_tokens(tok, self._is_title)
        if not names:
            return None
        earlier = self._surname(span)
        if earlier is not None:
            return earlier
        title, word = introducing_title(tok, span, names, match, self._lookup, self._is_title)
        if title is None:
            return None
        name = " ".join(t.text for t in names)
        leader = "GOV" in title.sectors or TITLE_ROLES.get(word) == "GOV"
        country = None if title.country else self.context.country_for(span, leader=leader)
        former = former_title(tok, span, names)
        person = define(name, title, word, country[0] if country else None, former)
        for other in appositions(tok) if person is not None else ():
            known = self.by_head.get(other.i)  # the title's own mention is the person
            if known is not None and known.match is not None and known.match.via != "document":
                known.match = person
        return person

    def _title_of_person(self, tok: Token) -> ActorMatch | None:
        """ "Haiti's security secretary, Frantz Exantus": the title stands for the person
        named beside it."""
        if tok.pos_ != "NOUN":
            return None
        for other in appositions(tok):
            known = self.by_head.get(other.i)
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
        """`speaker`: `tok` is the subject of "said" after a quote, and people named inside
        the quote are not who is speaking."""
        word = tok.lower_
        if is_pronoun(tok) and word in FIRST:
            return self._speaker(tok) if self._in_quote(tok.idx) else None
        before = [
            m
            for m in self._latest
            if m.end <= span.start_char
            and m.start >= span.start_char - REACH_CHARS
            and m.match
            and not (speaker and self._in_quote(m.start))
        ]
        if is_pronoun(tok) and word in MALE | FEMALE:
            return self._gendered("f" if word in FEMALE else "m", before)
        plural_np = tok.tag_ in ("NNS", "NNPS")
        lemma = tok.lemma_.lower()
        for m in before:
            group_like = m.match.kind in ("group", "org") and not m.person
            if is_pronoun(tok) and word in PLURAL:
                if m.plural or group_like:
                    return m.match
            elif is_pronoun(tok):  # it / its
                if not m.person and not m.plural:
                    return m.match
            elif m.lemma == lemma or (m.person and lemma in self._text(m).lower()):
                if m.plural == plural_np or m.match.kind != "agent":
                    return m.match
            elif lemma in GROUP_NOUNS and not plural_np and group_like:
                return m.match
            elif lemma in PERSON_ROLES and m.lemma in PERSON_ROLES and m.plural == plural_np:
                return m.match  # "a senior figure in the network ... the commander said"
        return None

    def _gendered(self, want: str, before: list[Mention]) -> ActorMatch | None:
        """The latest person of the wanted gender; failing that, the latest named person
        whose gender is unknown (and who is then known to have it)."""
        people = [m for m in before if m.person and not m.plural]
        for m in people:
            if self._gender_of(m) == want:
                return m.match
        for m in people[:GENDER_WINDOW]:
            if self._gender_of(m) is not None:
                continue
            if m.match.kind == "person" and m.match.name:
                self.gender[m.match.name] = want  # "she" tells the gender from now on
            return m.match
        return None

    def _gender_of(self, m: Mention) -> str | None:
        if m.match.kind == "person" and m.match.name:
            return self.gender.get(m.match.name)
        words = {t.lower_ for t in self.doc[m.head : m.head + 1]}
        return "f" if words & FEMALE_WORDS else "m" if words & MALE_WORDS else None

    def _text(self, m: Mention) -> str:
        return doc_text(self.doc)[m.start : m.end]

    def _in_quote(self, char: int) -> bool:
        return any(a < char < b for a, b in self.quotes)

    def _speaker(self, tok: Token) -> ActorMatch | None:
        """The subject of the reporting verb ("said", "told") of the quote around `tok`."""
        index = next(i for i, (a, b) in enumerate(self.quotes) if a < tok.idx < b)
        return self._speaker_of(index)

    def _speaker_of(self, index: int) -> ActorMatch | None:
        """The reporting verb must be in the quote's paragraph; a paragraph that opens with
        an unattributed quote continues the previous quote's speaker."""
        if index in self.speakers:
            return self.speakers[index]
        self.speakers[index] = None  # guards against a quote that refers to itself
        start, end = self.quotes[index]
        found: ActorMatch | None = None
        for sent in self.doc.sents:
            if sent.end_char <= start - 1 or sent.start_char > end + 200:
                continue
            for t in sent:
                gap = (
                    doc_text(self.doc)[end : t.idx]
                    if t.idx >= end
                    else doc_text(self.doc)[t.idx : start]
                )
                if t.lemma_ not in REPORT_VERBS or self._in_quote(t.idx) or "\n" in gap:
                    continue
                subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or (is_pronoun(subj) and subj.lower_ in FIRST):
                    continue
                found = (self.by_head.get(subj.i) or self._add(subj, speaker=True)).match
                break
            if found is not None:
                break
        if (
            found is None
            and index > 0
            and "\n" in doc_text(self.doc)[self.quotes[index - 1][1] : start]
        ):
            found = self._speaker_of(index - 1)
        self.speakers[index] = found
        return found

    def _owner(self, span: Span) -> ActorMatch | None:
        """ "our fighters", "their leaders": a role without a country belongs to the
        possessor named earlier (or to the quote's speaker)."""
        for t in span:
            if t.dep_ == "poss" and is_pronoun(t):
                m = self.by_head.get(t.i)
                if m is not None and m.match is not None:
                    return _as_coref(m.match, span.text)
        return None

    def _group_owner(self, span: Span) -> ActorMatch | None:
        """ "the network's commanders", "the Taliban's fighters": members of a group named
        as its possessor are the group's, whatever place the phrase also names."""
        root = span.root
        for t in root.children:
            if t.dep_ != "poss" or is_pronoun(t):
                continue
            m = self.by_head.get(t.i)
            if m is not None and m.match is not None and m.match.kind in ("group", "org"):
                why = f"{m.match.why}; members of the group that possesses them"
                return replace(m.match, matched=span.text, why=why)  # via: as the owner's
        return None

    def _surname(self, span: Span) -> ActorMatch | None:
        """ "Clinton" after "Hillary Clinton": a person named earlier by a longer name."""
        last = fold(span.root.text)
        for m in self._latest:
            if m.end > span.start_char or not m.match or m.match.kind != "person":
                continue
            if [fold(w) for w in (m.match.name or "").split()[-1:]] == [last]:
                return _as_coref(m.match, span.text)
        return None


def _is_head(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        return is_pronoun(tok)
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "flat", "nmod")


def _phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`: its left modifiers and "of/from/for" phrases
    (without their relative clauses)."""
    end = tok.i + 1
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ in ("compound", "flat", "nummod"):
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                break
            end = _phrase(obj).end
        else:
            break
    return tok.doc[min(tok.left_edge.i, tok.i) : end]


def _is_description(span: Span) -> bool:
    """ "the group", "the minister", "the militants": no name, no country."""
    root = span.root
    if root.pos_ != "NOUN" or not any(t.lower_ in ("the", "this", "that") for t in span[:2]):
        return False
    lemma = root.lemma_.lower()
    named = any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in span)
    return (lemma in GROUP_NOUNS or lemma in PERSON_NOUNS) and not named


def _gender(span: Span, match: ActorMatch) -> str | None:
    for t in span:
        if t.lower_ in FEMALE_WORDS:
            return "f"
        if t.lower_ in MALE_WORDS:
            return "m"
    first = (match.name or "").split()[:1]
    return first_names().get(first[0].lower()) if first else None


def _as_coref(match: ActorMatch, text: str) -> ActorMatch:
    """The antecedent's code for a later mention; a person the story introduced stays
    `via = "document"`."""
    return replace(
        match, via="document" if match.via == "document" else "coreference", matched=text
    )
