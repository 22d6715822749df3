"""The verbs of saying, listed once.

Several readings ask whether a verb reports speech, and each asks a slightly different
question: whom a pronoun in what was said stands for, which verb only wraps the act a
sentence reports, at which verb a judgement or a demand is made, what an accusation is
said with, who speaks a quote. Each set below is the shared core plus what its question
adds, so that the differences between them are visible and on purpose.
"""

from __future__ import annotations

# the verbs every reading of reported speech shares
SAYING = frozenset({"say", "tell", "add", "claim", "insist"})
# the plain verbs that pass a statement on ("announced", "confirmed", "noted")
REPORTING = SAYING | {
    "announce", "state", "declare", "confirm", "reiterate", "indicate", "stress", "note",
    "report",
}  # fmt: skip

# a pronoun subject of the reported clause is the speaker: promises and warnings too
# ("Ethiopia vowed it would ..."), events/speakers.py
SPEAKER_VERBS = REPORTING | {"warn", "vow", "pledge", "promise"}
# what one must do, said by another, is a demand: it may be urged, argued, written or
# suggested ("suggested that Washington should use sanctions" is an appeal),
# events/speakers.py
DEMANDING = SPEAKER_VERBS | {
    "demand",
    "urge",
    "argue",
    "write",
    "tweet",
    "suggest",
    "recommend",
    "propose",
}
# verbs that only wrap the act a sentence reports: being, seeming and believing too
# ("X is willing to go", "X believes Y will"), events/combine.py
WRAPPER_VERBS = REPORTING | {"be", "seem", "appear", "believe", "think"}
# a judgement is said or thought, argued, written or warned, never "is" or "seems",
# events/combine.py
JUDGING_VERBS = REPORTING | {"believe", "think", "argue", "write", "warn"}
# a wrongdoing is alleged or charged, not announced or confirmed, events/accusations.py
ACCUSING_SPEECH = SAYING | {
    "allege", "argue", "contend", "charge", "assert", "suggest", "write", "complain",
    "maintain",
}  # fmt: skip
# a quote's speaker may also reply, explain, deny or post it, actors/quotes.py
QUOTE_VERBS = SAYING | {
    "state", "declare", "announce", "stress", "note", "warn", "vow", "write", "argue",
    "assert", "reply", "explain", "deny", "tweet", "post",
}  # fmt: skip
