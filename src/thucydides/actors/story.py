"""The country a story is about, for actors that name none ("Police", "rebels").

A wire story says where it is from in its dateline ("PORT-AU-PRINCE, Haiti --"); failing
that, its headline and lead name the country it is about more often than any other. Two
simple rules, in order:

- **dateline**: a short first sentence of one of the first paragraphs that is only a
  place name (the dateline set apart by `datelines.py`), whose country the dictionaries or
  the gazetteer know;
- **dominant country**: among the countries named in the first `LEAD_SENTENCES` sentences
  (the headline and the lead's first sentence when there is a headline), one that is named
  at least `MIN_DOMINANT` times and more often than all the others together;
- **the whole story's country**: failing both, the country the whole story names at least
  `MIN_STORY_NAMED` times and more often than all the others together (a lead that names
  its country once, "Militants attack train in Balochistan", is still one country's story
  when the rest names it two dozen times).

A country counts only where a mention names it itself ("Haiti", "Haitian",
"Port-au-Prince" standing for its government); a person's dictionary code does not (the
story about a visit of Trump to Ankara is not about the United States).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from thucydides.actors.dictionary import code_on
from thucydides.actors.resolve import ActorMatch, ActorResolver, doc_text, make_match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LEAD_SENTENCES = 2
MIN_DOMINANT = 2
MIN_STORY_NAMED = 5  # a whole story names its own country this often at least
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs
DATELINE_WORDS = 6  # "THE HAGUE, Netherlands": a dateline is short
COUNTING_KINDS = frozenset({"country", "metonym"})


def dominant_country(countries: Iterable[str], least: int = MIN_DOMINANT) -> str | None:
    """The country named at least `least` times and more often than all the others
    together; else None."""
    counts = Counter(countries)
    if not counts:
        return None
    ((top, n),) = counts.most_common(1)
    rest = sum(counts.values()) - n
    return top if n >= least and n > rest else None


def named_countries(resolver: ActorResolver, sents: list[Span], date: str | None) -> list[str]:
    """The country of each country name, nationality or capital the dictionaries find in
    the sentences, once per name ("Haiti's north" counts Haiti once)."""
    out: list[str] = []
    text = doc_text(sents[0].doc) if sents else ""
    for sent in sents:
        hits, _ = resolver.find(text[sent.start_char : sent.end_char], remember=False)
        for h in hits:
            name, kind, codes, _where = resolver.entry(h.entry)
            if kind not in COUNTING_KINDS:
                continue
            code, _ = code_on(codes, date)
            country = make_match(code, name, "dictionary", name, kind).country if code else None
            if country:
                out.append(country)
    return out


def lead_sentences(doc: Doc) -> list[Span]:
    """The headline and the lead: the document's first LEAD_SENTENCES sentences, leaving
    out a dateline sentence (it is counted by `dateline_country`)."""
    out: list[Span] = []
    for sent in doc.sents:
        if not any(t.is_alpha for t in sent) or is_dateline(sent):
            continue
        out.append(sent)
        if len(out) == LEAD_SENTENCES:
            break
    return out


def is_dateline(sent: Span) -> bool:
    """A short sentence of capitalised words and commas opening a paragraph, with no verb:
    "BERLIN." or "KABUL, Afghanistan." as the dateline marker leaves them."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    marks = [t for t in sent if not t.is_space]
    if not words or len(words) > DATELINE_WORDS:
        return False
    text = doc_text(sent.doc)
    opens_paragraph = sent.start_char == 0 or text[: sent.start_char].rstrip(" \t").endswith("\n")
    return (
        opens_paragraph
        and all(t.text[:1].isupper() for t in words)
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and marks[-1].text in (".", ":", "-", "--", "\u2014", "\u2013")
    )


def dateline_country(
    doc: Doc, country_of: Callable[[Span], str | None], paragraphs: int = DATELINE_PARAGRAPHS
) -> str | None:
    """The country of a dateline opening one of the first paragraphs; `country_of(span)`
    reads a place name's country (dictionary or gazetteer)."""
    seen = 0
    text = doc_text(doc)
    for sent in doc.sents:
        if sent.start_char == 0 or text[: sent.start_char].rstrip(" \t").endswith("\n"):
            seen += 1
            if seen > paragraphs:
                return None
            if is_dateline(sent):
                # "KABUL, Afghanistan": the qualifier names the country when there is one
                parts = [p.strip() for p in sent.text.rstrip(".:-\u2014\u2013 ").split(",")]
                for part in reversed(parts):
                    start = sent.start_char + sent.text.find(part)
                    span = doc.char_span(start, start + len(part), alignment_mode="expand")
                    if span is not None and (country := country_of(span)):
                        return country
    return None


def story_country(
    doc: Doc,
    resolver: ActorResolver,
    date: str | None,
    country_of: Callable[[Span], str | None],
    story_named: Callable[[], list[str]] | None = None,
) -> str | None:
    """The dateline's country, else the country that dominates the headline and lead
    of a story longer than them, else the one that dominates the whole story (a lone
    sentence is no story: its own country rules decide). `story_named`: the whole
    story's country names (`story_named_countries`), when the caller holds them."""
    found = dateline_country(doc, country_of)
    if found is not None:
        return found
    lead = lead_sentences(doc)
    if len(lead) < LEAD_SENTENCES or lead[-1].end >= len(doc) - 1:
        return None
    found = dominant_country(named_countries(resolver, lead, date))
    if found is not None:
        return found
    named = story_named() if story_named else story_named_countries(doc, resolver, date)
    return dominant_country(named, MIN_STORY_NAMED)


def story_named_countries(doc: Doc, resolver: ActorResolver, date: str | None) -> list[str]:
    """`named_countries` over every sentence but a dateline."""
    return named_countries(resolver, [s for s in doc.sents if not is_dateline(s)], date)


# a story of two states' relations: each named this often, the second at least this
# share of the first, the two at least this share of every country named
PAIR_LEAST, PAIR_BALANCE, PAIR_SHARE = 5, 0.3, 0.7


def story_pair(named: list[str]) -> tuple[str, str] | None:
    """The two countries a story of their relations is about, from the story's country
    names (`story_named_countries`: "North Korea" 34 times, "the U.S." 19, anyone else
    twice), most named first; else None."""
    counts = Counter(named)
    top = counts.most_common(2)
    if len(top) < 2:
        return None
    (first, n1), (second, n2) = top
    if n2 < PAIR_LEAST or n2 < PAIR_BALANCE * n1 or n1 + n2 < PAIR_SHARE * counts.total():
        return None
    return first, second


# ground named by whose it is ("on Afghan soil", "on Syrian territory")
GROUND_NOUNS = frozenset({"soil", "territory", "land", "ground"})


def is_place_mention(tok: Token) -> bool:
    """A country or city named as where something is: the object of in/at/near/across,
    or ground "on" it ("on Afghan soil")."""
    if tok.dep_ != "pobj":
        return False
    if tok.head.lower_ == "on":
        return tok.lemma_.lower() in GROUND_NOUNS
    return tok.head.lower_ in {"in", "at", "near", "across", "inside"}


PLACE_OF_SENTENCE = "the only country its sentence names as a place"
PLACE_OF_PHRASE = "the only country its own phrase names as a place"


class StoryContext:
    """The countries around a mention that names none, in one document.

    `named`: each named mention as (head token, phrase, the dictionaries' reading, is a
    person's name); `lookup(span)`: the dictionaries' reading of any span."""

    def __init__(
        self,
        doc: Doc,
        date: str | None,
        resolver: ActorResolver,
        named: Sequence[tuple[Token, Span, ActorMatch | None, bool]],
        lookup: Callable[[Span], ActorMatch | None],
    ) -> None:
        self.doc, self.date, self.resolver = doc, date, resolver
        self.named, self.lookup = named, lookup

    @functools.cached_property
    def story_country(self) -> str | None:
        """The dateline's country, or the one that dominates headline and lead."""

        def country_of(span: Span) -> str | None:
            match = self.lookup(span)
            if match is not None and match.country:
                return match.country
            from thucydides import geo  # the gazetteer loads once, and only for datelines

            place = geo.resolve(span.text, {})
            return place.country if place is not None else None

        return story_country(
            self.doc, self.resolver, self.date, country_of, lambda: self.story_named
        )

    @functools.cached_property
    def story_named(self) -> list[str]:
        """The whole story's country names, read once for its country and its pair."""
        return story_named_countries(self.doc, self.resolver, self.date)

    @functools.cached_property
    def story_pair(self) -> tuple[str, str] | None:
        """The two countries a story of their relations is about (`story_pair`)."""
        return story_pair(self.story_named)

    def country_for(self, span: Span, leader: bool) -> tuple[str, str] | None:
        """(country, why) for a mention that names none: the one country its own phrase
        names as a place ("rebels inside Liberia", "gunmen on Ugandan soil"), else the
        one its sentence names as one ("rebels attacked a base in Mali"); failing that
        the story's country; failing that the one country the document's actors have, this sentence's
        included: news names one country's actors together more often than not (on
        plover_gsr, leaving the sentence out lost 2 points of actor codes). A mere
        modifier ("an American offer") is no actor and lends no country. A `leader` (a
        person with a government title, "King Salman") takes no country from another
        person: the leader one meets, calls or criticises is as often a foreigner ("Trump
        called King Salman"), where an opposition leader named with a minister is the
        minister's compatriot."""
        sent = span.sent

        def countries(lo: int, hi: int, places_only: bool, inside: bool = False) -> set[str]:
            return {
                m.country
                for tok, sp, m, person in self.named
                if m and m.country and lo <= sp.start_char and sp.end_char <= hi
                and inside == (span.start_char <= sp.start_char < span.end_char)
                and (not places_only or is_place_mention(tok))
                and not (leader and person)
            }  # fmt: skip

        # "gunmen hiding on Ugandan soil": where the role's own phrase places it
        found = countries(span.start_char, span.end_char, True, inside=True)
        how = PLACE_OF_PHRASE
        if not found:
            found, how = countries(sent.start_char, sent.end_char, True), PLACE_OF_SENTENCE
        if not found and self.story_country:
            found, how = {self.story_country}, "the story's country"
        if not found:
            found = countries(0, len(doc_text(self.doc)), False)
            how = "the only country its document names"
        return (found.pop(), how) if len(found) == 1 else None
