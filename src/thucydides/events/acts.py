"""Words that look like acts but are not ones a careful coder records.

A trigger can fire on a disaster ("a fire killed twelve"), a state of affairs ("ties are
deepening"), an aim ("efforts to stabilize"), a game or a market ("beat Argentina 2-1",
"reported record profits"), or a question asked ("'Who is dead?' he asked"). These readings are dropped before they become events; the
word lists live in `data/not_acts.yaml`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

DATA = Path(__file__).parent / "data" / "not_acts.yaml"
SCORE = re.compile(r"(?<![\d.,/-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,/-])")


@dataclass(frozen=True, slots=True)
class NotActs:
    causes: frozenset[str]
    states: frozenset[str]
    aims: frozenset[str]
    result_verbs: frozenset[str]
    result_objects: frozenset[str]
    result_reports: frozenset[str]
    # modifiers that make a state word a person: "a senior figure", "opposition figures"
    standing: frozenset[str] = frozenset()
    # laws and charters, which act on no one even when named ("the Exclusion Act")
    documents: frozenset[str] = frozenset()

    @classmethod
    @functools.cache
    def load(cls) -> NotActs:
        with DATA.open(encoding="utf-8") as f:
            raw = yaml.safe_load(f)

        def words(items) -> frozenset[str]:
            return frozenset(str(w).lower() for w in items)

        return cls(
            causes=words(raw["non_agents"]["causes"]),
            states=words(raw["non_agents"]["states"]),
            aims=words(raw["aims"]),
            result_verbs=words(raw["results"]["verbs"]),
            result_objects=words(raw["results"]["objects"]),
            result_reports=words(raw["results"]["reports"]),
            standing=words(raw["non_agents"].get("standing", ())),
            documents=words(raw["non_agents"].get("documents", ())),
        )

    def cannot_act(self, span: Span) -> bool:
        """The phrase's head is a disaster, a disease, a state of affairs, a law or an aim
        ("our goal is to liberate": the goal does nothing)."""
        head = span.root
        lemma = head.lemma_.lower()
        if any(c.dep_ in ("amod", "compound") and c.lower_ in self.standing for c in head.children):
            return False  # "a senior figure in the network" is a person, no statistic
        # a disease may be written as a name ("Cholera killed dozens"), a state never is
        return (
            lemma in self.causes
            or lemma in self.documents
            or (head.pos_ != "PROPN" and (lemma in self.states or lemma in self.aims))
        )

    def names_an_aim(self, anchor: Token) -> bool:
        """An infinitive hanging on an aim noun: "efforts to stabilize the region"."""
        head = anchor.head
        return (
            anchor.dep_ == "acl"
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self.aims
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        )

    def is_result(self, sent: Span, anchor: Token) -> bool:
        """A game's or a market's result: a winning verb with a score in the sentence, or
        a business figure reported ("posted record profits"; "blocked the sale" is an act)."""
        if anchor.lemma_.lower() in self.result_verbs and SCORE.search(sent.text):
            return True
        if anchor.lemma_.lower() not in self.result_reports:
            return False
        objects = [c for c in anchor.children if c.dep_ in ("dobj", "attr")]
        return any(o.lemma_.lower() in self.result_objects for o in objects) and not any(
            o.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for o in objects
        )

    @staticmethod
    def asks_a_question(sent: Span, anchor: Token) -> bool:
        """ "'Who is dead?' he asked", "what person has a child, she asked": asking a
        question is no appeal; "asked X to leave" and "asked for aid" are."""
        if anchor.lemma_.lower() not in QUESTION_VERBS:
            return False
        # the question may end the sentence before: '"Who is dead?" | he asked.'
        before = sent.doc.text[max(0, sent.start_char - 4) : sent.start_char]
        question = "?" in sent.text or "?" in before
        wh = any(c.dep_ == "ccomp" and _opens_with_wh(c) for c in anchor.children)
        if not (question or wh):
            return False
        return not any(
            c.dep_ in {"xcomp", "dobj", "dative"} or (c.dep_ == "prep" and c.lower_ == "for")
            for c in anchor.children
        )


# verbs that ask either for an act (an appeal) or for an answer (no act)
QUESTION_VERBS = {"ask", "wonder", "inquire", "enquire"}
WH_WORDS = {"what", "who", "whom", "whose", "which", "why", "how", "when", "where", "whether"}


def _opens_with_wh(clause: Token) -> bool:
    return any(t.lower_ in WH_WORDS for t in clause.subtree if t.i < clause.i)
