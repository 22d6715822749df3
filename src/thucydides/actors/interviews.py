"""Who "I" and "you" are in a question-and-answer interview.

An interview is written as turns, each opened by its speaker's label and a colon:
"VOA: Did you meet the president? Jane Doe, former envoy: I met him twice." In an
answer, first person is the one answering; in a question, "you" is the one who answers
next. Only a document with at least one asker's turn and one answer is read as an
interview, so a lone "Note:" or "Update:" changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ASKERS = frozenset({"voa", "q", "question", "interviewer"})
SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# a label opens the text or follows a sentence's end, and is a short name or title
_LABEL = re.compile(
    r"(?:^|(?<=[.?!\u201d\"\]]\s))"
    r"([A-Z][\w\u2019'-]*(?: [A-Z][\w.\u2019'-]*){0,3}(?:, (?:[^:?!.\n]|(?<=[A-Z])\.){1,80})?):\s"
)


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # character offsets of the turn's words, after the label
    end: int
    label: tuple[int, int]  # character offsets of the speaker's name in the label
    asker: bool


def turns(text: str) -> list[Turn]:
    """The turns of an interview in `text`; [] when it is none."""
    found = list(_LABEL.finditer(text))
    out: list[Turn] = []
    for i, m in enumerate(found):
        name = m.group(1).split(",")[0].strip()
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append(Turn(m.end(), end, (m.start(1), m.start(1) + len(name)), name.lower() in ASKERS))
    if not any(t.asker for t in out) or all(t.asker for t in out):
        return []
    return out


def turn_at(all_turns: list[Turn], char: int) -> int | None:
    """The index of the turn whose words hold `char`."""
    return next((i for i, t in enumerate(all_turns) if t.start <= char < t.end), None)


def speaker_label(all_turns: list[Turn], char: int, person: str) -> tuple[int, int] | None:
    """The label (character offsets) of whom a pronoun at `char` stands for: for first
    person (`person` "first") in an answer, its speaker; for "you" (`person` "second")
    in a question, the next answer's speaker; else None."""
    i = turn_at(all_turns, char)
    if i is None:
        return None
    turn = all_turns[i]
    if person == "first" and not turn.asker:
        return turn.label
    if person == "second" and turn.asker:
        nxt = next((t for t in all_turns[i + 1 :] if not t.asker), None)
        return nxt.label if nxt is not None else None
    return None
