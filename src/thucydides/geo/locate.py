"""Where an event happened: the place its sentence names, resolved with the gazetteer.

A place name in a sentence is often an actor, not a location ("the U.S. imposed
sanctions", "overtures from the United States", "US officials"), so each mention gets a
role from the parse:
  strong  object of a locative preposition ("in/at/near Kabul"), of "to/into" after a
          motion verb ("flew to Kabul"), of "from" after a verb ("fled from Homs"), object
          of a visiting verb ("visited Islamabad"), or a coordinate of one of these;
  weak    a place name in any other role that is not an actor's;
  none    subjects, objects of other verbs, modifiers ("US officials"), possessives,
          "from X" after a noun ("envoys from the US"), nationality words ("Afghan").
A sentence's location is its strong mention if any, else its weak one; among several,
the most specific (city > admin1 > country > continent), then the first. Ambiguous names
are settled by the countries the document names (`document_countries`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from thucydides.geo.gazetteer import Gazetteer, Place, priors
from thucydides.model import Location

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
LOCATIVE_PREPS = {
    "in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
    "along", "outskirts", "off", "beyond", "nearby",
}  # fmt: skip
TRIGGER_PREPS = LOCATIVE_PREPS | {"from"}  # capitalised words after these are looked up
MOTION_PREPS = {"to", "into", "toward", "towards"}
MOTION_VERBS = {
    "go", "fly", "travel", "return", "head", "arrive", "come", "move", "send", "deploy",
    "march", "flee", "drive", "sail", "walk", "evacuate", "relocate", "transfer", "bring",
    "take", "ship", "smuggle", "infiltrate", "advance", "withdraw", "retreat", "escape",
}  # fmt: skip
VISIT_VERBS = {
    "visit", "tour", "enter", "reach", "invade", "raid", "shell", "bomb", "storm", "capture",
    "seize", "retake", "besiege", "occupy", "overrun", "liberate", "leave", "land",
}  # fmt: skip
PLACE_NOUNS = {
    "city", "town", "village", "province", "state", "region", "district", "capital",
    "outskirts", "streets", "street", "center", "centre", "heart", "suburbs", "border",
}  # fmt: skip
ACTOR_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "dobj", "dative", "compound", "amod",
              "poss", "nmod", "iobj", "expl"}  # fmt: skip
SPECIFICITY = {"city": 0, "admin1": 1, "country": 2, "continent": 3}
CONTEXT_WEIGHT = 1.5  # share of the document's country mentions, added to a place's prior
NEIGHBOUR_WEIGHT = 0.75  # share of mentions of a bordering country ("Georgia" with Russia)
CLEAR_MARGIN = 1.5  # a name is clear when its best reading beats other countries' by this
# Capitalised words after "in" that are never places: "in March", "in Parliament".
CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "police", "god", "parliament", "congress",
}  # fmt: skip
DATELINE_PUNCT = {",", "(", "-", "\u2014", "\u2013", ":"}


@dataclass(slots=True)
class Mention:
    """A place name in the text, with an optional qualifier ("Long Beach" + "CA")."""

    start: int  # token indices in the doc
    end: int
    text: str
    strength: int  # 2 strong, 1 weak, 0 none
    qualifier: list[Place]


def _strength(root: Token) -> int:
    """How surely this name is where something happened (see the module docstring)."""
    head = root.head
    dep = root.dep_
    seen = 0
    while dep == "conj" and head.i != root.i and seen < 10:  # "in Kabul and Kandahar"
        root, head, dep, seen = head, head.head, head.dep_, seen + 1
    if dep == "pobj":
        prep = head.lower_
        governor = head.head
        if prep in LOCATIVE_PREPS:
            return 2
        if prep in MOTION_PREPS:
            return 2 if governor.lemma_.lower() in MOTION_VERBS else 0
        if prep == "from":
            return 2 if governor.pos_ in {"VERB", "AUX"} else 0
        if prep == "of":
            return 2 if governor.lemma_.lower() in PLACE_NOUNS else 0
        return 0
    if dep == "dobj" and head.lemma_.lower() in VISIT_VERBS:
        return 2
    if dep in ACTOR_DEPS:
        return 0
    return 1


def _qualifier(doc: Doc, end: int, gaz: Gazetteer) -> tuple[list[Place], int]:
    """The unit named after a comma following a place ("Long Beach, CA"), and where it ends."""
    if end >= len(doc) or doc[end].text != ",":
        return [], end
    for width in (1, 2, 3):
        stop = end + 1 + width
        if stop > len(doc):
            break
        words = doc[end + 1 : stop]
        if not words[0].text[:1].isupper() or any(t.is_punct and t.text != "." for t in words):
            continue
        found = gaz.qualifier(words.text)
        if found:
            return found, stop
    return [], end


def find_mentions(span: Span, gaz: Gazetteer | None = None) -> list[Mention]:
    """Place names in a span: GPE/LOC/FAC entities and capitalised words after in/at/near/
    from that no other entity claims; nationality words are left out."""
    gaz = gaz or Gazetteer.load()
    doc = span.doc
    claimed: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for ent in span.ents:
        if ent.label_ in PLACE_LABELS:
            ranges.append((ent.start, ent.end))
        claimed.update(range(ent.start, ent.end))
    for tok in span:
        if tok.lower_ not in TRIGGER_PREPS or tok.i + 1 >= span.end:
            continue
        i = tok.i + 1
        if doc[i].lower_ == "the" and i + 1 < span.end:
            i += 1
        j = i
        while (
            j < span.end
            and j not in claimed
            and doc[j].text[:1].isupper()
            and doc[j].is_alpha
            and doc[j].lower_ not in CALENDAR_WORDS
        ):
            j += 1
        if j > i and j - i <= 4:
            ranges.append((i, j))
            claimed.update(range(i, j))
    mentions: list[Mention] = []
    qualifier_tokens: set[int] = set()
    for start, end in sorted(ranges):
        if start in qualifier_tokens:
            continue
        words = doc[start:end]
        text = words.text
        if text.endswith("'s"):
            text = text[:-2]
        if gaz.demonym(text) or not gaz.candidates(text.split(",")[0]):
            continue
        qualifier, stop = _qualifier(doc, end, gaz)
        if "," in text:  # an entity that swallowed its qualifier: "Long Beach, CA"
            head, _, tail = text.partition(",")
            qualifier, text = gaz.qualifier(tail.strip()), head.strip()
        qualifier_tokens.update(range(end, stop))
        mentions.append(Mention(start, end, text, _strength(words.root), qualifier))
    return mentions


def _context(place: Place, shares: Mapping[str, float], gaz: Gazetteer) -> float:
    """What the document's countries add to a place's prior."""
    if not place.country or not shares:
        return 0.0
    score = CONTEXT_WEIGHT * shares.get(place.country, 0.0)
    country = gaz.country(place.country)
    if country and country.neighbours:
        score += NEIGHBOUR_WEIGHT * max(shares.get(n, 0.0) for n in country.neighbours)
    return score


def _shares(doc_countries: Mapping[str, int]) -> dict[str, float]:
    total = sum(v for v in doc_countries.values() if v > 0)
    return {k: v / total for k, v in doc_countries.items() if v > 0} if total else {}


def resolve(
    text: str,
    doc_countries: Mapping[str, int],
    qualifier: list[Place] | None = None,
    gaz: Gazetteer | None = None,
) -> Place | None:
    """The place a name means in a document that names these countries (ISO3 -> count)."""
    gaz = gaz or Gazetteer.load()
    found = gaz.lookup(text)
    if qualifier:
        keep = [
            (p, a) for p, a in found
            if any(p.country == q.country and (q.feature == "country" or p.admin1_code == q.admin1_code)
                   for q in qualifier if p is not q)
        ]  # fmt: skip
        found = keep or found
    if not found:
        return None
    shares = _shares(doc_countries)
    base = priors(found)
    scores = [b + _context(p, shares, gaz) for b, (p, _) in zip(base, found, strict=True)]
    return found[max(range(len(found)), key=scores.__getitem__)][0]


def _pick(resolved: list[tuple[Mention, Place]]) -> Place | None:
    for level in (2, 1):
        tier = [(m, p) for m, p in resolved if m.strength == level]
        if tier:
            return min(tier, key=lambda mp: (SPECIFICITY.get(mp[1].feature, 9), mp[0].start))[1]
    return None


def doc_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """The document's place mentions, found once and kept on the Doc: the document's
    countries and every sentence's place read the same list."""
    found = doc.user_data.get("thucydides_place_mentions")
    if found is None:
        found = doc.user_data["thucydides_place_mentions"] = find_mentions(doc[:], gaz)
    return found


def locate(sentence_span: Span, doc_countries: Mapping[str, int]) -> Location | None:
    """The place where the sentence's events happened, or None if it names none."""
    gaz = Gazetteer.load()
    resolved = []
    lo, hi = sentence_span.start, sentence_span.end
    for m in (m for m in doc_mentions(sentence_span.doc, gaz) if lo <= m.start and m.end <= hi):
        place = resolve(m.text, doc_countries, m.qualifier, gaz)
        if place is not None:
            resolved.append((m, place))
    place = _pick(resolved)
    return place.to_location() if place else None


def _demonym_counts(doc: Doc, gaz: Gazetteer) -> Counter[str]:
    counts: Counter[str] = Counter()
    skip = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    words = [t.text for t in doc]  # read once: a Token is built on every doc[i]
    spaces = [t.whitespace_ for t in doc]
    i = 0
    while i < len(words):
        if i in skip or not words[i][:1].isupper():
            i += 1
            continue
        for width in (2, 1):  # "South African" before "South"
            if i + width > len(words):
                continue
            text = words[i] if width == 1 else words[i] + spaces[i] + words[i + 1]
            codes = gaz.demonym(text)
            if len(codes) == 1:
                counts[codes[0]] += 1
                i += width
                break
        else:
            i += 1
    return counts


def document_countries(doc: Doc) -> Counter[str]:
    """ISO3 -> how often the document names the country, one of its places, or its people.
    Clear names count first; ambiguous ones ("Georgia") are then settled by those counts."""
    gaz = Gazetteer.load()
    counts = _demonym_counts(doc, gaz)
    pending: list[Mention] = []
    for m in doc_mentions(doc, gaz):
        found = gaz.lookup(m.text)
        scores = priors(found)
        rivals = [
            sc for (p, _), sc in zip(found, scores, strict=True) if p.country != found[0][0].country
        ]
        if m.qualifier or not rivals or scores[0] - max(rivals) >= CLEAR_MARGIN:
            place = resolve(m.text, {}, m.qualifier, gaz)
            if place and place.country:
                counts[place.country] += 1
        else:
            pending.append(m)
    settled = Counter(counts)
    for m in pending:
        place = resolve(m.text, settled, m.qualifier, gaz)
        if place and place.country:
            counts[place.country] += 1
    return counts


def _dateline(doc: Doc, gaz: Gazetteer) -> Place | None:
    """ "KABUL, Afghanistan (AP) -" or "ISLAMABAD -": an upper-case place name opening the
    document and followed by a comma, bracket or dash."""
    for end in range(1, min(5, len(doc)) + 1):
        if end < len(doc) and doc[end].text in DATELINE_PUNCT:
            words = doc[0:end]
            if words.text.isupper() and all(t.is_alpha for t in words):
                qualifier, _ = _qualifier(doc, end, gaz)
                return resolve(words.text, {}, qualifier, gaz)
            return None
    return None


def document_place(doc: Doc, doc_countries: Mapping[str, int]) -> Location | None:
    """The document's main place, for sentences that name none: a dateline city; else the
    country with the most locative mentions (ties: most named), or its city when one city
    holds at least half of that country's mentions and is named twice; else the most
    named country."""
    gaz = Gazetteer.load()
    dateline = _dateline(doc, gaz)
    if dateline is not None:
        return dateline.to_location()
    weight: Counter[str] = Counter()
    by_place: dict[str, Counter[Place]] = {}
    for m in doc_mentions(doc, gaz):
        place = resolve(m.text, doc_countries, m.qualifier, gaz)
        if place is None or not place.country or m.strength == 0:
            continue
        weight[place.country] += m.strength
        by_place.setdefault(place.country, Counter())[place] += m.strength
    if weight:
        country = max(weight, key=lambda c: (weight[c], doc_countries.get(c, 0)))
        top_place, top = by_place[country].most_common(1)[0]
        if top_place.feature != "country" and top >= 4 and 2 * top >= weight[country]:
            return top_place.to_location()
        found = gaz.country(country)
        return found.to_location() if found else top_place.to_location()
    if doc_countries:
        iso3 = max(doc_countries, key=lambda c: doc_countries[c])
        found = gaz.country(iso3)
        return found.to_location() if found else None
    return None
