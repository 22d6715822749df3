"""People the story introduces: a name with a title, nationality or apposition.

"Turkish Foreign Minister Mevlut Cavusoglu", "Haiti's security secretary Frantz Exantus"
and "Frantz Exantus, Haiti's security secretary" say who the person is even when no
dictionary lists them: the title gives the role (GOV, MIL, LEG...), the nationality or
possessor the country, and a title with no country ("President Moise") takes the story's.
The person so defined is then found again by surname ("Cavusoglu"), pronoun and role noun
("the minister"), with `via = "document"`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from thucydides.actors.resolve import ActorMatch, ActorResolver, make_match

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# a title whose dictionary entry gives no role (or that no dictionary lists) still says
# which branch its holder belongs to
TITLE_ROLES = {
    "minister": "GOV", "secretary": "GOV", "president": "GOV", "premier": "GOV",
    "chancellor": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV",
    "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV", "official": "GOV",
    "governor": "GOV", "mayor": "GOV", "king": "GOV", "queen": "GOV", "prince": "GOV",
    "adviser": "GOV", "advisor": "GOV", "aide": "GOV", "negotiator": "GOV",
    "senator": "LEG", "lawmaker": "LEG", "legislator": "LEG", "representative": "LEG",
    "congressman": "LEG", "congresswoman": "LEG", "general": "MIL", "judge": "JUD",
}  # fmt: skip
# "a Somali analyst", "a Kenyan journalist": a national introduced by a profession, with
# the role the profession has in CAMEO (none: the country alone)
PROFESSION_ROLES = {
    "journalist": "MED", "reporter": "MED", "editor": "MED", "correspondent": "MED",
    "blogger": "MED", "activist": "CVL", "lawyer": "CVL", "attorney": "CVL",
    "businessman": "BUS", "businesswoman": "BUS", "entrepreneur": "BUS", "economist": "EDU",
    "analyst": "", "expert": "", "researcher": "EDU", "scholar": "EDU", "professor": "EDU",
    "academic": "EDU", "student": "EDU", "doctor": "HLH", "nurse": "HLH", "farmer": "AGR",
    "resident": "CVL", "citizen": "CVL", "national": "CVL", "writer": "CVL", "artist": "CVL",
}  # fmt: skip
# the holder of an office named with these no longer holds it (CAMEO: ELI, elites)
FORMER_WORDS = frozenset({"former", "ex", "ex-", "then"})
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch", "ur")  # Kenyan, Chinese, Thai, Uyghur
OFFICE_NOUNS = frozenset(
    "commander leader official spokesman spokeswoman spokesperson chief head chairman "
    "chairwoman officer".split()
)
# what an apposition calls a person ("X, the group's director"; "the minister, X")
PERSON_TITLES = (
    frozenset(TITLE_ROLES) | frozenset(PROFESSION_ROLES) | OFFICE_NOUNS
    | frozenset("director founder chair chairperson coordinator member manager executive "
                "deputy president".split())
)  # fmt: skip
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


class Titles:
    """`titles(token)`: whether a word names an office ("Minister", "King", "Secretary"),
    not a person: a title word, or a role noun of the dictionaries; cached per word."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.known: dict[str, bool] = {}

    def __call__(self, tok: Token) -> bool:
        word = tok.lower_
        if word in TITLE_ROLES or word in OFFICE_NOUNS:
            return True
        if word not in self.known:
            kinds = self.resolver.phrase_kinds(tok.text)
            self.known[word] = any(k == "agent" for _, _, k in kinds)
        return self.known[word]

    def national(self, tok: Token) -> bool:
        """Is a word a nationality ("Malawian", "Thai", "Uyghur"), not a person's name? A
        country's or people's word with a demonym's ending: "Aden" (Yemen's city) is a
        first name too."""
        word = "nat:" + tok.lower_
        if word not in self.known:
            kinds = self.resolver.phrase_kinds(tok.text)
            singular = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
            self.known[word] = (
                len(kinds) == 1
                and kinds[0][2] in ("country", "identity")
                and singular.endswith(DEMONYM_ENDINGS)  # "Uyghurs", "Afghans" too
            )
        return self.known[word]


def fold(word: str) -> str:
    """ "Moïse" and "Moise" are one surname: lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def described_as_person(head: Token) -> bool:
    """A name the entity tagger did not read as a person's, but whose apposition or
    copula says it is one ("Nop Vy, the association's executive director"; "X Y is the
    group's director"); a place's only when it has a first name before it."""
    said = appositions(head)
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        said += [c for c in head.head.children if c.dep_ == "attr"]
    if not any(o.lemma_.lower() in PERSON_TITLES for o in said):
        return False
    return head.ent_type_ not in PLACE_ENTS or any(
        t.dep_ == "compound" and t.pos_ == "PROPN" for t in head.lefts
    )


def name_tokens(
    head: Token,
    is_title: Callable[[Token], bool],
    is_national: Callable[[Token], bool] | None = None,
) -> list[Token]:
    """The personal name a phrase ends with: the proper nouns up to its head that are a
    person's name and not a title ("King Salman" -> Salman; "Foreign Minister Mevlut
    Cavusoglu" -> Mevlut Cavusoglu), nor a nationality before a full name ("Malawian
    Chisomo Banda" -> Chisomo Banda). Empty unless the head is a person's name."""
    if head.pos_ != "PROPN" or is_title(head):
        return []
    if head.ent_type_ != "PERSON" and not described_as_person(head):
        return []
    out = [head]
    for tok in reversed(list(head.lefts)):
        if tok.i != out[0].i - 1:
            break
        if tok.text == "-" and not tok.whitespace_ and tok.i and not tok.nbor(-1).whitespace_:
            out.insert(0, tok)  # "al-Bunni": the hyphen joins the name
            continue
        if tok.dep_ not in ("compound", "flat") or tok.pos_ != "PROPN" or is_title(tok):
            break
        out.insert(0, tok)
    if out[0].text == "-":
        out.pop(0)
    while is_national is not None and len(out) > 2 and is_national(out[0]):
        out.pop(0)
    if is_national is not None and len(out) == 1 and is_national(head):
        return []  # "the eight ethnic minority Uyghurs": a people, tagged as a person
    return out


def someone_else(names: list[Token], match: ActorMatch) -> bool:
    """Is the person a name stands for someone other than the dictionaries' person it
    matched on part of it? "Jimmy Lai" is not Lai Ching-te, whom they know as "Lai": a
    word of the name is neither in that person's name nor an initial or abbreviation. A word that opens
    like one of theirs is a spelling of it ("Mohamed" for "Mohammed")."""
    if match.kind != "person" or not match.name:
        return False
    said = match.matched if match.via == "dictionary" else ""  # the alias it was found by
    known = {fold(w) for w in f"{match.name} {said}".replace("-", " ").split()}
    for tok in names:
        if tok.text.endswith("."):
            continue  # an initial or an abbreviated title: "J.", "Sen.", "H.E."
        for word in fold(tok.text).split("-"):
            if len(word) > 1 and not any(w[:3] == word[:3] for w in known):
                return True
    return False


def define(
    name: str,
    title: ActorMatch,
    title_word: str,
    context_country: str | None,
    former: bool = False,
) -> ActorMatch | None:
    """The code a title gives the person named with it: its country (or, for a title
    with none, its context's) and its role (or the title's usual one), ELI for a
    `former` holder of an office. None when the title gives no role."""
    if title.kind == "person" or not title.code:
        return None  # the phrase names someone the dictionaries know
    if title.kind == "country" and title_word in PROFESSION_ROLES:
        code = title.code + PROFESSION_ROLES[title_word]
        why = f"introduced as {title.matched!r}, a national by profession"
        return make_match(code, name, "document", title.matched, "person", why)
    if title.kind in ("group", "org"):  # "Taliban spokesman X", "UN envoy X": theirs
        why = f"introduced as {title.matched!r}"
        return make_match(title.code, name, "document", title.matched, "person", why)
    country = title.country
    roles = list(title.sectors)
    if not roles and title_word in TITLE_ROLES:
        roles = [TITLE_ROLES[title_word]]
    if not roles:
        return None  # "Haiti's Frantz Exantus": a country alone says nothing of the person
    country = country or context_country
    if former and set(roles) & {"GOV", "MIL", "LEG", "JUD"}:
        roles = ["ELI"]  # "former deputy president X" is an elite, no longer in office
    code = (country or "") + "".join(roles)
    why = f"introduced as {title.matched!r}" + (
        f"; country {country} from its context" if country and not title.country else ""
    )
    return make_match(code, name, "document", title.matched, "person", why)


def national(name: str, title: ActorMatch) -> ActorMatch | None:
    """ "Haiti's Frantz Exantus", "an ethnic Uyghur, X": a country (or an identity with a
    home state) with no role says whose national the person is, if not what they do."""
    if title.kind not in ("country", "metonym", "identity") or not title.country:
        return None
    code = title.country if title.kind == "metonym" else title.code
    why = f"introduced as {title.matched!r}, a national"
    return make_match(code, name, "document", title.matched, "person", why)


def untitled(
    tok: Token,
    name: str,
    match: ActorMatch | None,
    lookup: Callable[[Token], ActorMatch | None],
    story_country: str | None,
) -> ActorMatch | None:
    """A person named with nothing the dictionaries read as whose: the group an "of"
    phrase gives ("X, of the World Uyghur Congress"; `lookup(token)` reads the phrase it
    heads), else the story's country: in a one-country story, a named person nothing says
    otherwise of is its national (`match`: what the name itself read as, if anything)."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for obj in prep.children:
            group = lookup(obj) if obj.dep_ == "pobj" else None
            if group is not None and group.kind in ("group", "org") and group.code:
                why = f"introduced as of {group.matched!r}"
                return make_match(group.code, name, "document", group.matched, "person", why)
    if match is not None or story_country is None:
        return None
    why = "a person the story names with nothing to say whose: the story's country"
    return make_match(story_country, name, "document", name, "person", why)


def _former(phrase: str) -> bool:
    words = phrase.lower().replace("ex-", "ex- ").split()
    return any(w in FORMER_WORDS for w in words)


def said_former(span: Span, match: ActorMatch) -> bool:
    """Does `span` call the office it names (`match`) a former one ("the former French
    foreign minister", "an ex-army chief")?"""
    head = span.root.lemma_.lower()
    if head not in TITLE_ROLES and head not in OFFICE_NOUNS:
        return False  # "former rebels" are ex-combatants, not elites
    return _former(span.text) and not _former(match.matched)


def former_holder(match: ActorMatch) -> ActorMatch | None:
    """A former holder of an office is one of the country's elites (ELI), not its
    government; a former official of an IGO is an elite of no country the office says
    (ELI: the story's country, when it has one, as for any role)."""
    if not match.country:
        return make_match(
            "ELI", None, match.via, match.matched, "agent", f"{match.why}; a former office holder"
        )
    return make_match(
        match.country + "ELI", match.name, match.via, match.matched, "agent",
        f"{match.why}; a former office holder",
    )  # fmt: skip


def former_title(tok: Token, span: Span, names: list[Token]) -> bool:
    """Is the person introduced as the former holder of an office ("former deputy
    president X", "X, a former minister")?"""
    before = span[: max(names[0].i - span.start, 0)].text
    around = " ".join(title_phrase(o).text for o in appositions(tok))
    return _former(before) or _former(around)


def appositions(tok: Token) -> list[Token]:
    """The phrases in apposition to `tok`, either way round ("X, the secretary")."""
    found = [c for c in tok.children if c.dep_ == "appos"]
    return [*found, tok.head] if tok.dep_ == "appos" else found


def introducing_title(
    tok: Token,
    span: Span,
    names: list[Token],
    match: ActorMatch | None,
    lookup: Callable[[Span], ActorMatch | None],
    is_title: Callable[[Token], bool],
) -> tuple[ActorMatch | None, str]:
    """(the dictionaries' reading of the title, its title word) a name is introduced
    with: before it ("Turkish Foreign Minister X"; the title alone, so "Farah" in
    "President Omar Farah" is no province's), or in apposition ("X, Haiti's security
    secretary"; "the envoy in Kenya, X", where the parser hangs X on the place)."""
    if match is not None and span.start < names[0].i:
        before = span[: names[0].i - span.start]
        return lookup(before), next((t.lower_ for t in reversed(before) if is_title(t)), "")
    other = next(iter(appositions(tok)), None)
    if other is not None and other.dep_ == "pobj" and other.head.head.pos_ == "NOUN":
        other = other.head.head
    if other is None or not (
        other.pos_ == "NOUN"
        or (other.pos_ == "PROPN" and is_title(other))
        or (other.pos_ == "ADJ" and other.lower_ in PROFESSION_ROLES)
    ):  # "X, the shadow justice secretary": the parser often tags the title a name, and
        # "a French national, X" an adjective
        return None, ""
    head_of = organization_headed(other, lookup)
    if head_of is not None:  # "X, president of the Committee for Press Freedom in Macau"
        return head_of, other.lower_
    return lookup(title_phrase(other)), other.lower_


# organisations a title can head, by the CAMEO role of the one who heads them when the
# dictionaries do not know the organisation itself
ORGANIZATION_ROLES = {
    "committee": "NGO", "foundation": "NGO", "association": "NGO", "society": "NGO",
    "alliance": "NGO", "federation": "NGO", "coalition": "NGO", "network": "NGO",
    "organization": "NGO", "organisation": "NGO", "campaign": "NGO", "movement": "NGO",
    "center": "NGO", "centre": "NGO", "institute": "EDU", "university": "EDU",
    "company": "BUS", "firm": "BUS", "corporation": "BUS",
}  # fmt: skip


def organization_headed(title: Token, lookup: Callable[[Span], ActorMatch | None]):
    """The organisation a title heads ("president of the Committee for Press Freedom in
    Macau": an NGO, not Macau's president; "secretary-general of Doctors Without
    Borders": MSF, as the dictionaries know it), or None when the title heads a state's
    office or nothing."""
    heads = [title] + [c for c in title.rights if c.dep_ in {"amod", "compound", "appos"}]
    preps = [p for h in heads for p in h.rights if p.dep_ == "prep" and p.lower_ in ("of", "at")]
    obj = next((o for o in preps[0].children if o.dep_ == "pobj"), None) if preps else None
    if obj is None:
        return None
    whole = lookup(obj.doc[obj.left_edge.i : obj.right_edge.i + 1])
    if whole is not None and whole.kind in ("org", "group"):
        return whole  # an organisation the dictionaries know
    role = ORGANIZATION_ROLES.get(obj.lemma_.lower())
    if role is None:
        return None
    known = lookup(obj.doc[obj.left_edge.i : obj.i + 1])
    if known is not None and known.kind in ("org", "group"):
        return known
    # the organisation's own country ("a Germany-based Kurdish center"), else none: the
    # person's then comes from the context, as any title's
    country = known.country if known is not None else None
    why = f"head of a {obj.lower_}"
    code = (country or "") + role
    return ActorMatch(code, country, (role,), None, "dictionary", obj.text, "agent", why)


def title_phrase(tok: Token) -> Span:
    """The title's phrase: its left modifiers and "of/for" phrases ("Chad's secretary of
    state for fisheries")."""
    end = tok.i + 1
    for child in tok.rights:
        if child.i != end or child.dep_ != "prep" or child.lower_ not in ("of", "for"):
            break
        end = child.right_edge.i + 1
    return tok.doc[tok.left_edge.i : end]
