"""Polarity and modality of an event from the words that govern its trigger.

"did not attack" is negated; "plans to withdraw" is intended; "would retake Kabul",
"urged Iran to release the sailors" (asked of another),
"if they do not cooperate" and analysts' predictions are hypothetical; "reportedly"
and "is believed to" mark what is reported as possible. The cues are small word lists
read off the parse: the trigger's own auxiliaries and adverbs, then each verb above it
up to the sentence root.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEGATING_VERBS = {"fail", "refuse", "decline", "deny"}  # "failed to attack" did not attack
INTENT_VERBS = {
    "plan", "intend", "aim", "seek", "want", "hope", "promise", "pledge", "vow", "prepare",
    "decide", "agree", "offer", "propose", "threaten", "mean", "wish", "try", "attempt",
    "schedule", "expect", "set", "resolve", "commit", "undertake",
}  # fmt: skip
# "began protesting", "started talks": an act begun has happened; "will begin" is future
# by its own auxiliary, which the walk reads at "begin"
# verbs that ask another to act: what is asked has not (yet) happened ("urged X to leave");
# "forced X to leave" and "persuaded X to leave" say it did, so they are not here
APPEAL_VERBS = {
    "urge", "ask", "call", "press", "push", "pressure", "request", "appeal", "encourage",
    "invite", "demand", "beg", "implore", "exhort", "advise", "order", "tell", "instruct",
    "challenge",
}  # fmt: skip
INTENT_NOUNS = {"plan", "plans", "intention", "promise", "pledge", "proposal", "bid", "effort"}
# "has the authority to revoke a visa": what someone may do, not what they did
ABILITY_NOUNS = {"authority", "power", "powers", "right", "ability", "capacity", "option"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "ought"}
# "violators can be fined", "they can appeal": what may be done, not what was; only on the
# trigger's own verb ("she can't figure out why the book was banned": it was)
ABILITY_AUX = {"can", "ca"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITION_MARKS = {"if", "unless", "whether", "until", "lest"}
# what happens as a rule, not once
HABITUAL_ADVERBS = {"usually", "typically", "generally", "normally"}
PREDICTION_VERBS = {
    "predict", "expect", "forecast", "anticipate", "fear", "warn", "speculate", "suggest",
    "believe", "think", "doubt", "estimate", "project", "worry", "say", "argue",
}  # fmt: skip
PREDICTORS = {"analyst", "analysts", "expert", "experts", "observer", "observers", "pundit"}
HEDGE_ADJ = {"likely", "unlikely", "liable", "possible", "probable", "able", "certain"}
INTENT_ADJ = {"willing", "ready", "prepared", "eager", "determined", "keen", "poised", "set", "due"}
REPORTED_CUES = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
REPORTED_VERBS = {"believe", "suspect", "allege", "rumor", "rumour", "claim"}


@dataclass(frozen=True, slots=True)
class Mood:
    polarity: str  # asserted | negated
    modality: str  # actual | intended | hypothetical | reported_possible
    cue: str | None  # the word that decided, for evidence


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "advmod"}}


# subjects that say the act did not happen to anyone
NO_ONE = {"nobody", "none", "noone"}


def _is_negated(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and child.lower_ in NEGATORS):
            return child.lower_
        if child.dep_ == "advmod" and child.lower_ == "longer":  # "will no longer recognize"
            if any(g.lower_ == "no" for g in child.children):
                return "no longer"
        if child.dep_ in {"nsubj", "nsubjpass"}:  # "no passengers were killed", "nobody"
            if child.lower_ in NO_ONE:
                return child.lower_
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return "no"
    return None


def mood_of(anchor: Token) -> Mood:
    """Walk from the trigger up its governing verbs; the nearest cue decides each axis."""
    polarity = "asserted"
    modality = "actual"
    cue: str | None = None
    neg = _is_negated(anchor)
    if neg is not None:
        polarity, cue = "negated", neg
    tok = anchor
    planned = planning_noun(anchor)
    if planned is not None:  # "plans for a withdrawal": the withdrawal is intended
        modality, cue, tok = "intended", planned.lower_, planned
    if tok.pos_ == "NOUN" and tok.head.i != tok.i and tok.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        tok = tok.head  # an event noun takes the mood of its verb ("did not hold talks")
        neg = _is_negated(tok)
        if neg is not None and polarity == "asserted":
            polarity, cue = "negated", neg
    depth = 0
    while depth < 8:
        depth += 1
        words = _aux_words(tok)
        if modality == "actual":
            if words & REPORTED_CUES:
                modality, cue = "reported_possible", next(iter(words & REPORTED_CUES))
            elif words & HYPOTHETICAL_AUX:
                modality, cue = "hypothetical", next(iter(words & HYPOTHETICAL_AUX))
            elif tok is anchor and words & ABILITY_AUX:
                modality, cue = "hypothetical", "can"
            elif words & FUTURE_AUX:
                modality, cue = "intended", next(iter(words & FUTURE_AUX))
            elif any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
                modality, cue = "hypothetical", "if"
            elif words & HABITUAL_ADVERBS:  # "migrants are usually expelled": no one event
                modality, cue = "hypothetical", next(iter(words & HABITUAL_ADVERBS))
        head = tok.head
        if head.i == tok.i or tok.dep_ == "relcl":  # a relative clause has its own mood
            if modality == "intended" and _has_predictor_aside(tok):
                # "At that time, the analysts say, the Taliban will declare victory"
                modality, cue = "hypothetical", "predictor-aside"
            break
        rel = tok.dep_
        lemma = head.lemma_.lower()
        if rel == "xcomp" or (rel == "acl" and head.pos_ == "NOUN"):
            if lemma in NEGATING_VERBS and polarity == "asserted":
                polarity, cue = "negated", lemma
            elif head.lower_ in INTENT_NOUNS and modality == "actual":
                modality, cue = "intended", head.lower_
            elif head.lower_ in ABILITY_NOUNS and rel == "acl" and modality == "actual":
                modality, cue = "hypothetical", head.lower_
            elif (lemma in INTENT_VERBS or head.lower_ in INTENT_ADJ) and modality == "actual":
                modality, cue = "intended", lemma
            elif lemma in HYPOTHETICAL_AUX | HEDGE_ADJ | APPEAL_VERBS and modality == "actual":
                modality, cue = "hypothetical", lemma
            elif lemma in REPORTED_VERBS and is_passive_head(head) and modality == "actual":
                modality, cue = "reported_possible", lemma
        if modality == "intended" and _has_predictor_aside(tok):
            modality, cue = "hypothetical", "predictor-aside"
        if rel in {"ccomp", "parataxis"} and lemma in PREDICTION_VERBS:
            # a claim about the future reported from someone else's mouth is a prediction
            if modality == "intended" and _speaker_is_predictor(head):
                modality, cue = "hypothetical", f"{lemma}+predictor"
            elif modality == "actual" and lemma in {"predict", "forecast", "speculate"}:
                modality, cue = "hypothetical", lemma
            break  # speech ends the walk: the speaker's mood is not the event's
        elif rel in {"acomp"} and lemma in HEDGE_ADJ and modality == "actual":
            modality, cue = "hypothetical", lemma
        tok = head
    # an adjective like "liable"/"likely" governing the trigger: "X is liable to attack"
    if modality == "actual" and anchor.dep_ == "xcomp" and anchor.head.lower_ in HEDGE_ADJ:
        modality, cue = "hypothetical", anchor.head.lower_
    elif modality == "actual" and anchor.dep_ == "xcomp" and anchor.head.lower_ in INTENT_ADJ:
        modality, cue = "intended", anchor.head.lower_
    if polarity == "negated" and anchor.dep_ == "xcomp" and anchor.head.lower_ == "able":
        cue = "able"  # "would not be able to find a solution": unable, not refusing
    if modality in {"actual", "intended"} and (_yes_no_question(anchor) or _asks_you(anchor)):
        modality, cue = "hypothetical", "?"
    return Mood(polarity, modality, cue)


def _yes_no_question(anchor: Token) -> bool:
    """ "Can the US pry Russia away from China?": a yes/no question asserts no act (a
    wh-question, "Why did China attack?", takes its act as given)."""
    words = [t for t in anchor.sent if not t.is_punct and not t.is_quote]
    return bool(words) and _is_question(anchor.sent) and words[0].pos_ == "AUX"


def _is_question(sent) -> bool:
    """Does the sentence end with a question mark (inside closing quotes too)?"""
    return sent.text.rstrip().rstrip("\"'”’").rstrip().endswith("?")


def _asks_you(anchor: Token) -> bool:
    """ "How worried are you about ...?": a question put to "you" about now asks what
    the one addressed thinks; it asserts nothing of theirs."""
    if not _is_question(anchor.sent):
        return False
    verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
    if verb.tag_ in {"VBD", "VBN"} or any(c.lower_ == "did" for c in verb.children):
        return False  # "why did you criticize China?" takes the criticism as given
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "you" for c in verb.children)


def planning_noun(noun: Token) -> Token | None:
    """The plan an event noun is the object of: "plans for a gradual withdrawal",
    "a proposal for talks" (None when the noun is not planned)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i == prep.i:
        return None
    plan = prep.head
    return plan if plan.pos_ == "NOUN" and plan.lower_ in INTENT_NOUNS else None


def is_refusal(mood: Mood) -> bool:
    """ "will not lift", "would not meet", "refused to release": a stated refusal, not an
    act that did not happen ("did not attack") or could not ("could not attend")."""
    if mood.polarity != "negated":
        return False
    return mood.modality == "intended" or mood.cue in {"would", "refuse", "decline"}


def is_passive_head(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _speaker_is_predictor(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "nsubj":
            words = {t.lower_ for t in child.subtree}
            return bool(words & PREDICTORS)
    return False


def _has_predictor_aside(verb: Token) -> bool:
    """ "X will win, analysts say": the reporting clause hangs off the predicted verb."""
    return any(
        c.dep_ in {"parataxis", "advcl", "ccomp"}
        and c.lemma_.lower() in PREDICTION_VERBS
        and _speaker_is_predictor(c)
        for c in verb.children
    )
