"""Title-case headlines, put in sentence case for the parser.

"Rebels Shell Town Near Capital" parses, with spaCy's small model, as one long proper
noun: no verb, so no trigger fires and a headline-only feed yields nothing. Before
parsing, each title-case line gets its common words lower-cased while the names the
dictionaries and the gazetteer know keep their capitals ("Iran seizes British tanker in
Gulf"). A word that is one of the trigger verbs is lower-cased even when it is also a
name ("Shell"). An all-capitals line is treated the same way, its known names (and
two-letter acronyms) kept as written. Every word keeps its length, so offsets stay true
and records show the words as they were written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019.-][^\W_]+)*\.?")
# words that stay lower case in a title-case headline
SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as into over near after "
    "before amid than vs via per off up out".split()
)
MIN_CONTENT_WORDS = 3
MAX_WORDS = 25  # a longer line is a list of names, not a headline
TITLE_SHARE = 0.8  # share of content words that start with a capital


def _inflections(word: str) -> list[str]:
    """The word and the lemmas it can be an inflection of ("seizes" -> "seize")."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    return out


def is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in SMALL]
    if len(content) < MIN_CONTENT_WORDS or len(words) > MAX_WORDS:
        return False
    return sum(w[0].isupper() for w in content) >= TITLE_SHARE * len(content)


class HeadlineCaser:
    """`caser(text)` -> the same text with title-case lines in sentence case."""

    def __init__(
        self,
        verbs: Iterable[str],
        name_spans: Callable[[str], list[tuple[int, int]]],
    ) -> None:
        """`verbs`: trigger verb lemmas; `name_spans(line)`: (start, end) of the known
        names in a line (people, groups, countries, places, nationalities)."""
        self.verbs = frozenset(verbs)
        self.name_spans = name_spans

    def is_verb(self, word: str) -> bool:
        return any(form in self.verbs for form in _inflections(word))

    def __call__(self, text: str) -> str:
        if not any(c.isupper() for c in text):
            return text
        out: list[str] | None = None
        for line in re.finditer(r"[^\n]+", text):
            words = list(WORD.finditer(line.group()))
            if not is_title_case([w.group() for w in words]):
                continue
            names = self.name_spans(line.group())
            # in an all-capitals line only the names it knows tell acronyms from words
            capitals = all(w.group().isupper() for w in words if w.group().lower() not in SMALL)
            for w in words:
                word = w.group()
                if not word[0].isupper() or "." in word:
                    continue  # "U.S." stays as written
                if not capitals and len(word) > 1 and word.isupper():
                    continue  # "UN", "IAEA" in a title-case line
                if capitals and len(word) <= 2 and word.lower() not in SMALL:
                    continue  # "UN", "US", "EU"; but "IN", "ON" are words
                low = word.lower()
                if len(low) != len(word):
                    continue
                named = any(a <= w.start() < b for a, b in names)
                if named and not self.is_verb(low):
                    continue
                if out is None:
                    out = list(text)
                start = line.start() + w.start()
                out[start : start + len(word)] = low
        return text if out is None else "".join(out)


def known_name_spans(resolver, gazetteer) -> Callable[[str], list[tuple[int, int]]]:
    """Where a line names someone or somewhere the package knows: dictionary names (not
    role nouns), gazetteer places of up to three words, and nationalities."""

    def spans(line: str) -> list[tuple[int, int]]:
        kinds = resolver.phrase_kinds(line)
        found = [(a, b) for a, b, kind in kinds if kind != "agent"]
        roles = [(a, b) for a, b, kind in kinds if kind == "agent"]
        words = list(WORD.finditer(line))
        for i in range(len(words)):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                a, b = words[i].start(), words[i + n - 1].end()
                phrase = line[a:b].rstrip(".")
                if n == 1 and gazetteer.demonym(phrase):
                    found.append((a, b))
                    break
                if n == 1 and (phrase.lower() in STOP_WORDS or any(x <= a < y for x, y in roles)):
                    continue  # "Police" (a town in Poland) and "Off" are words here
                if gazetteer.lookup(phrase):
                    found.append((a, b))
                    break
        return found

    return spans


LEAD_SENTENCES = 2  # sentences after a headline that may retell it
HEADLINE_CHARS = 300  # a first line longer than this is no headline


def act_key(e) -> tuple[str, str, str]:
    """One act told twice: the root and the actors' countries ("Peru" may be PERGOV in one,
    PER in the other)."""
    return (e.cameo.root, *((a.code or "")[:3] if a else "" for a in (e.source, e.target)))


def mark_retold_headline(events: list, text: str) -> None:
    """ "Ankara Defies Washington" and its lead "Turkey defied the United States on Monday"
    are one act: the lead's event that has the headline event's CAMEO root and actors'
    countries gets `evidence.same_as` = the headline event's id, so the store counts it once.
    The headline is a first line set off by a blank line, as news text is given."""
    cut = text.find("\n\n")
    if cut < 0 or cut > HEADLINE_CHARS:
        return
    headline = [e for e in events if e.trigger.start < cut]
    lead_first = min((e.sentence_index for e in events if e.trigger.start > cut), default=None)
    if not headline or lead_first is None:
        return

    firsts = {act_key(e): e.event_id for e in headline if e.source and e.source.code}
    for e in events:
        if e.trigger.start > cut and e.sentence_index < lead_first + LEAD_SENTENCES:
            if act_key(e) in firsts:
                e.evidence["same_as"] = firsts[act_key(e)]
