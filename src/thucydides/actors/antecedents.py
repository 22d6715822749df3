"""The mentions of one document read so far, and the search among them for the
antecedent of a pronoun or a description.

Kept apart from the chain builder (`coref.py`, which decides what each mention is)
because choosing an antecedent is its own small set of rules: recency within a few
paragraphs, number, gender from a first-name list or an earlier "she". A wrong antecedent
is worse than none, so when nothing compatible is found the answer is None.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from thucydides.actors.dictionary import first_names
from thucydides.actors.mentions import (
    ARMED_SECTORS,
    FEMALE,
    FEMALE_WORDS,
    FIGHTER_NOUNS,
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    MALE,
    MALE_WORDS,
    PERSON_ROLES,
    PLURAL,
    Mention,
    as_coref,
    gender_of_person,
    is_pronoun,
)
from thucydides.actors.people import fold
from thucydides.actors.resolve import doc_text

if TYPE_CHECKING:  # spaCy is only needed by callers that have a parsed document
    from spacy.tokens import Doc, Span, Token

    from thucydides.actors.resolve import ActorMatch

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
GENDER_WINDOW = 12  # mentions a gendered pronoun may look back for a person of unknown gender
# how far back (characters) a pronoun or description looks for its antecedent: a few
# paragraphs, as a reader does; it also keeps the search flat on a long document
REACH_CHARS = 3_000


class MentionIndex:
    """The mentions added so far, latest first, by head, and the genders they told."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.gender: dict[str, str] = {}  # a person's canonical name -> "f" / "m"
        # the mentions latest first (by start; equal starts in the order added), kept
        # sorted as they are added: every antecedent search reads them in this order
        self.latest: list[Mention] = []
        self._latest_keys: list[int] = []  # -start of each, ascending
        self.by_head: dict[int, Mention] = {}

    def add(self, m: Mention, span: Span) -> None:
        """Index `m` (the mention of `span`); a named person's gender is learnt from it."""
        match = m.match
        if match is not None and match.kind == "person" and m.person and match.name:
            g = gender_of_person(span, match)
            if g and match.name not in self.gender:
                self.gender[match.name] = g
        at = bisect.bisect_right(self._latest_keys, -m.start)
        self._latest_keys.insert(at, -m.start)
        self.latest.insert(at, m)
        self.by_head[m.head] = m

    def antecedent(
        self,
        tok: Token,
        span: Span,
        skip: Callable[[int], bool] | None = None,
        not_code: str | None = None,
        said: int | None = None,
    ) -> ActorMatch | None:
        """For a third-person pronoun or a description (`span`, headed by `tok`): the
        latest compatible mention before it. `skip`: mentions starting at a character it
        is true of cannot be the antecedent (people named inside a quote are not who
        speaks it); `not_code`: nor can a mention with this code (in a quote, "their" is
        not the speaker's own side, who would say "our"); `said`: where the quote a
        speaker's "he" attributes starts, to count "the sentence before" from there."""
        word = tok.lower_
        own_subject = _clause_subject(tok) if is_pronoun(tok) else None
        before = [
            m
            for m in self.latest
            if m.end <= span.start_char
            and m.start >= span.start_char - REACH_CHARS
            and m.match
            and not (skip is not None and skip(m.start))
            and not (not_code is not None and m.match.code == not_code)
            and not (own_subject is not None and own_subject[0] <= m.start < own_subject[1])
        ]
        if is_pronoun(tok) and word in MALE | FEMALE:
            want = "f" if word in FEMALE else "m"
            quote = None if said is None else self.doc.char_span(said, said + 1, "expand")
            near = self._near(quote[0] if quote else tok)
            if self._unknown_subject(want, span, near, skip):
                return None
            return self._gendered(want, before, near)
        plural_np = tok.tag_ in ("NNS", "NNPS")
        lemma = tok.lemma_.lower()
        if is_pronoun(tok) and word in PLURAL and _does_violence(tok):
            # "they shot them": who shoots is the armed group named in reach, not the
            # passengers named since
            armed = next((m for m in before if _armed(m.match)), None)
            if armed is not None:
                return armed.match
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
            elif lemma in INSTITUTION_NOUNS and group_like and lemma in self._text(m).lower():
                if m.plural == plural_np or m.match.kind != "agent":
                    return m.match
            elif lemma in FIGHTER_NOUNS and m.match.kind in ("group", "org") and _armed(m.match):
                return m.match  # "al-Shabab ... the militants"
            elif lemma in GROUP_NOUNS and not plural_np and group_like:
                return m.match
            elif lemma in PERSON_ROLES and m.lemma in PERSON_ROLES and m.plural == plural_np:
                return m.match  # "a senior figure in the network ... the commander said"
        return None

    def surname(self, span: Span) -> ActorMatch | None:
        """ "Clinton" after "Hillary Clinton": a person named earlier by a longer name.
        A family name written first ("Kim" after "Kim Jong Un", "Xi" after "Xi Jinping")
        counts when no earlier name ends with the word."""
        last = fold(span.root.text)
        first: ActorMatch | None = None
        for m in self.latest:
            if m.end > span.start_char or not m.match or m.match.kind != "person":
                continue
            words = [fold(w) for w in (m.match.name or "").split()]
            if words[-1:] == [last] or words[-1:] and words[-1].rsplit("-", 1)[-1] == last:
                return as_coref(m.match, span.text)
            if first is None and len(words) > 1 and words[0] == last:
                first = m.match
        return as_coref(first, span.text) if first is not None else None

    def _near(self, tok: Token) -> int:
        """Where the sentence before `tok`'s starts: a subject from there on is near."""
        sent = tok.sent
        return sent.doc[sent.start - 1].sent.start_char if sent.start else sent.start_char

    def _gendered(self, want: str, before: list[Mention], near: int) -> ActorMatch | None:
        """The latest person of the wanted gender, unless a person of unknown gender is
        the subject of this sentence or the one before, nearer; failing both, the latest
        named person whose gender is unknown (and who is then known to have it)."""
        people = [m for m in before if m.person and not m.plural]
        for m in people:
            gender = self._gender_of(m)
            if gender == want:
                return m.match
            if gender is None and m.start >= near and self.doc[m.head].dep_ in SUBJECTS:
                return self._learn(m, want)
        for m in people[:GENDER_WINDOW]:
            if self._gender_of(m) is not None:
                continue
            if m.match.kind == "person" and m.match.name:
                self.gender[m.match.name] = want  # "she" tells the gender from now on
            return m.match
        return None

    def _unknown_subject(
        self, want: str, span: Span, near: int, skip: Callable[[int], bool] | None
    ) -> bool:
        """Is the person "he" or "she" most likely stands for one the dictionaries do not
        know: the latest person before it is a subject of this sentence or the one before,
        has no code and is not of the other gender ("Still, Hecker cautions, ... 'I
        think ...,' he said")? Then the pronoun is no one coded further back."""
        for m in self.latest:
            if m.end > span.start_char or not m.person or m.plural:
                continue
            if m.start < near:
                return False
            if skip is not None and skip(m.start):
                continue
            if m.match is not None:
                return False  # the latest person is coded: `_gendered` chooses
            if self.doc[m.head].dep_ in SUBJECTS and _gender_of_words(self._text(m)) in (
                None,
                want,
            ):
                return True
        return False

    def _learn(self, m: Mention, want: str) -> ActorMatch:
        """`m`'s match, whose person is from now on known to have the gender `want`."""
        if m.match.kind == "person" and m.match.name:
            self.gender.setdefault(m.match.name, want)
        return m.match

    def _gender_of(self, m: Mention) -> str | None:
        if m.match.kind == "person" and m.match.name:
            return self.gender.get(m.match.name)
        words = {t.lower_ for t in self.doc[m.head : m.head + 1]}
        return "f" if words & FEMALE_WORDS else "m" if words & MALE_WORDS else None

    def _text(self, m: Mention) -> str:
        return doc_text(self.doc)[m.start : m.end]

    def armed_members(self, span: Span, match: ActorMatch) -> ActorMatch | None:
        """ "terror commanders", "militants" (`match`: an armed role with no country) in a
        story that named an armed group within REACH_CHARS before: that group's men."""
        # "the Islamist militants": only the creed matched (MOS, no role), the head is armed
        creed_only = not match.sectors and span.root.lemma_.lower() in FIGHTER_NOUNS
        if match.country or not (ARMED_SECTORS & set(match.sectors) or creed_only):
            return None
        groups = [m for m in self.latest if m.match and m.match.kind in ("group", "org")]
        groups = [m for m in groups if _armed(m.match)]
        before = [
            m for m in groups if span.start_char - REACH_CHARS <= m.start < m.end <= span.start_char
        ]
        if not before and span.sent.start == 0:
            # a headline's "Militant leader" is of the group its lead names
            after = [m for m in groups if span.end_char <= m.start < span.end_char + REACH_CHARS]
            before = sorted(after, key=lambda m: m.start)[:1]
        if not before:
            return None
        why = f"{before[0].match.why}; armed men of the group the story names"
        return replace(before[0].match, matched=span.text, why=why)


# a pronoun in these places cannot be its own clause's subject: "Hanoi assured it" is
# someone else ("itself" would be Beijing), while "its" in "recalled its envoy" may be
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})


def _clause_subject(tok: Token) -> tuple[int, int] | None:
    """The character span of the subject of the verb `tok` is the object of, None when
    `tok` is no object or the verb has no subject."""
    if tok.dep_ not in OBJECT_DEPS or tok.lower_.endswith(("self", "selves")):
        return None
    for child in tok.head.children:
        if child.dep_ in SUBJECTS:
            first, last = child.left_edge, child.right_edge
            return first.idx, last.idx + len(last.text)
    return None


def _gender_of_words(text: str) -> str | None:
    """ "f" / "m" from a gendered title or the first name in a person's mention."""
    words = text.lower().split()
    for w in words[:3]:
        if w in FEMALE_WORDS:
            return "f"
        if w in MALE_WORDS:
            return "m"
    return first_names().get(words[0]) if words else None


# verbs of violence whose plural pronoun subject is an armed group when one is in reach
VIOLENT_VERBS = frozenset(
    "kill shoot attack bomb abduct kidnap execute ambush storm hijack behead torture "
    "massacre slaughter gun".split()
)


def _does_violence(tok: Token) -> bool:
    """Is `tok` the subject of a verb of violence ("they killed", "they picked out ten
    men and shot them")?"""
    if tok.dep_ != "nsubj":
        return False
    verbs = [tok.head, *tok.head.conjuncts]
    return any(v.lemma_.lower() in VIOLENT_VERBS for v in verbs)


def _armed(match) -> bool:
    """An armed group: a rebel, insurgent or militant code, or an international one."""
    return bool(ARMED_SECTORS & set(match.sectors)) or (match.code or "").startswith("IMG")
