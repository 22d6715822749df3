"""Rules and the learned model together.

Rules give fine CAMEO codes and the words that triggered them; the model gives the
probability of each PLOVER type for the sentence. Agreement raises confidence,
disagreement lowers it, and a confident model recovers an event the patterns missed,
anchored on the sentence's main verb so roles still come from the parse. There is no
filler: a sentence with neither a pattern nor a confident model yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from thucydides import ontology
from thucydides.events import confidence as confidence_model
from thucydides.events.accusations import ACCUSATION_RULE
from thucydides.events.speech import JUDGING_VERBS, WRAPPER_VERBS
from thucydides.events.triggers import TriggerHit
from thucydides.model import Actor

MODEL_NAME = "event-type-v1"
# the model alone codes a sentence only above this probability of its top type. 0.55
# until whole stories could be scored: on the training stories 0.55 -> 0.75 -> 0.9 gave
# triple F1 0.093 -> 0.103 -> 0.107 (volume 1.50 -> 1.36 -> 1.24); 0.9 cost plover_gsr
# 10 points of PLOVER F1 in-sample, 0.75 costs it 3.5 and plv_train 0.5
MODEL_ALONE_MIN = 0.75
# types the model alone does not code in a story, where its reading at the main verb was
# nearly always wrong: on the training stories 21 such events, 1 right (triple F1 0.300 ->
# 0.303, stories_dev 0.294 -> 0.295); in lone sentences it stays, since dropping it there
# cost plv_train 2.6 points of PLOVER F1 out of fold. ACCUSE joined later: its reading
# alone at a story's main verb was right 5 times in 34 (stories_train 0.395 -> 0.396,
# stories_dev 0.341 -> 0.344); what the judgement rule reads at verbs of saying
# (judgements.py, a pattern hit) stays
STORY_PATTERN_ONLY = frozenset({"CONSULT", "COOPERATE", "AID", "ACCUSE"})
# the model's share of confidence where a pattern and the model both speak, and what its
# probability counts for when it codes a sentence alone (benchmarks/combine_grid.py)
MODEL_WEIGHT = 0.55
RULE_WEIGHT = 0.45  # 1 - MODEL_WEIGHT, written out so the sum is exact
MODEL_ALONE_FACTOR = 0.75
# without a PLOVER type (CAMEO 01 statements, 02 appeals) the model can neither
# support nor contradict the rule; it counts as this probability
NEUTRAL_P = 0.35
# the evidence kept by an event governed by another event of the same sentence
SUBORDINATE_FACTOR = 0.8


@dataclass(slots=True)
class Candidate:
    token: int  # anchor token (doc index)
    object_token: int | None
    code: str
    kind: str  # verb | noun
    text: str
    start: int  # char offsets in the parsed text
    end: int
    rule: str | None
    model: str | None
    specificity: int
    p_model: float | None  # the model's probability of this candidate's PLOVER type
    subordinate: bool = False  # governed by another event of the sentence ("agreed to release")
    # the readings of the same act that lost to this one: {"code", "score", "from"}
    alternatives: list[dict] = field(default_factory=list)


# CAMEO codes an intended act of cooperation is coded as: "will withdraw its troops" is
# an expressed intent to de-escalate (0356), as PLOVER codes promises and offers as AGREE
INTENT_OF = {
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
    "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
    "084": "0353", "0841": "0353", "0842": "0353", "085": "0354", "086": "0355",
    "0861": "0355", "0862": "0355", "0863": "0355", "087": "0356", "0871": "0356",
    "0872": "0356", "0873": "0356", "0874": "0356",
}  # fmt: skip


# the CAMEO 12 code for refusing, by the 03 code of the intent refused: "will not lift the
# embargo" refuses to ease an embargo (1244), "will not meet the rebels" rejects a meeting
REFUSAL_OF_INTENT = {
    "030": "120", "031": "121", "0311": "1211", "0312": "1212", "0313": "1213", "0314": "121",
    "032": "120", "033": "122", "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224",
    "034": "123", "0341": "1231", "0342": "1232", "0343": "1233", "0344": "1234",
    "035": "124", "0351": "1241", "0352": "1242", "0353": "1243", "0354": "1244",
    "0355": "1245", "0356": "1246", "036": "125", "037": "127", "038": "126", "039": "126",
}  # fmt: skip


def refusal_code(code: str) -> str | None:
    """The 12x code for refusing an act of cooperation (04-08) or an intent to one (03),
    None for other codes."""
    intent = code if code.startswith("03") else intent_code(code)
    return REFUSAL_OF_INTENT.get(intent) if intent else None


def intent_code(code: str) -> str | None:
    """The 03x code for an intended act of cooperation (04-08), None for other codes."""
    for key in (code, code[:3], code[:2]):
        if key in INTENT_OF:
            return INTENT_OF[key]
    return None


def candidates(
    sent: Span,
    hits: list[TriggerHit],
    probs: dict[str, float] | None,
    model_name: str = MODEL_NAME,
    blocked: frozenset[int] | set[int] = frozenset(),
    story: bool = False,
) -> list[Candidate]:
    """The sentence's readings: one per pattern hit, and the model's where it is confident
    and no pattern reads its type (in a `story`, never a STORY_PATTERN_ONLY type). The
    model never sits on a word a blocking pattern
    matched ("contributed to this report" is a byline)."""
    doc = sent.doc
    sent_text, base = sent.text, sent.start_char
    out: list[Candidate] = []
    for hit in hits:
        ptype = ontology.cameo(hit.code).plover_type
        p = None if probs is None else (probs.get(ptype, 0.0) if ptype else NEUTRAL_P)
        out.append(
            Candidate(
                token=hit.token,
                object_token=hit.object_token,
                code=hit.code,
                kind=hit.kind,
                text=sent_text[hit.start_char - base : hit.end_char - base],
                start=hit.start_char,
                end=hit.end_char,
                rule=hit.rule,
                model=model_name if probs is not None else None,
                specificity=hit.specificity,
                p_model=p,
            )
        )
    if probs:
        top_type, top_p = max(probs.items(), key=lambda kv: kv[1])
        code = ontology.plover_to_cameo_default(top_type)
        covered = {ontology.cameo(c.code).plover_type for c in out}
        anchor = (
            main_verb(sent, judgement=top_type in JUDGEMENT_TYPES)
            if top_p >= MODEL_ALONE_MIN
            else None
        )
        if story and top_type in STORY_PATTERN_ONLY:
            anchor = None
        if anchor is not None and top_type not in covered and anchor.i not in blocked:
            learned = Candidate(
                token=anchor.i,
                object_token=None,
                code=code,
                kind="verb",
                text=anchor.text,
                start=anchor.idx,
                end=anchor.idx + len(anchor.text),
                rule=None,
                model=model_name,
                specificity=0,
                p_model=top_p,
            )
            out = _one_reading_per_trigger(out, learned, doc)
    mark_subordinates(doc, out)
    specialise_by_complement(doc, out)  # before: "plans for talks" makes 030 an 036
    return _drop_contents(doc, out)


def reading_score(cand: Candidate) -> float:
    """How strongly the evidence backs a reading before actors are known: the part of
    `confidence` that differs between two readings of one trigger."""
    if cand.rule is None:
        return MODEL_ALONE_FACTOR * (cand.p_model or 0.0)
    rule_score = 0.45 + 0.07 * min(cand.specificity, 3)
    return (
        rule_score
        if cand.p_model is None
        else (RULE_WEIGHT * rule_score + MODEL_WEIGHT * cand.p_model)
    )


def _alternative(cand: Candidate) -> dict:
    return {
        "code": cand.code,
        "score": round(reading_score(cand), 3),
        "from": cand.rule or cand.model,
    }


# verbs that name the act they report: "alleges", "condemned" are a disapproval (11)
# whatever the model reads in what was alleged or condemned
NAMING_VERBS = {
    "accuse", "allege", "blame", "condemn", "criticize", "criticise", "denounce", "decry",
}  # fmt: skip
# the model's probability above which it overrules, at a pattern's own word, a pattern
# that matched a frame; chosen out of fold by near-duplicate cluster
# (`python benchmarks/combine_grid.py --frame-only`): 0.8 / 0.85 / 0.9 / always:
# plv_train PLOVER F1 -0.1 / -0.3 / -0.7 / -4.2 points, plover_gsr +0.0 / +1.1 / +2.8 /
# +3.4, cameo_examples root +0.4 / +0.7 / +1.8 / +1.8
FRAME_OVERRULE_P = 0.85


def _pattern_holds(pattern: Candidate, learned: Candidate, doc) -> bool:
    """Does a pattern at the model's own word keep its code, however the scores fall?
    - A pattern that matched its frame ("barred X from entering", "took the school to
      court"), unless the model is surer than FRAME_OVERRULE_P.
    - A statement frame (CAMEO 01, no PLOVER type: "denied the charges" 016, "refused to
      comment" 011) always: the model, knowing PLOVER only, cannot contradict a type it
      has no label for (training stories triple F1 0.118 -> 0.121).
    - A disapproval on a verb that names it ("alleges", NAMING_VERBS).
    - A noun pattern away from the model's word: the model read the sentence at its main
      verb ("the announcement of upgraded ties came during a visit by Modi": 050 at
      "came"), the noun names its own act (the visit, 042; stories_train +1 right, -1
      wrong; letting every pattern away from the model's word hold lost one more)."""
    if pattern.token != learned.token:
        return pattern.kind == "noun"
    if pattern.specificity >= 2 and (
        ontology.cameo(pattern.code).plover_type is None
        or (learned.p_model or 0.0) < FRAME_OVERRULE_P
    ):
        return True
    return pattern.code[:2] == "11" and doc[pattern.token].lemma_.lower() in NAMING_VERBS


def _one_reading_per_trigger(cands: list[Candidate], learned: Candidate, doc) -> list[Candidate]:
    """One act, one code. Where the model's reading sits on a word a pattern already
    coded ("rebuffs": 125 by the pattern, RETREAT by the model), or a pattern of the
    sentence already reads an act of the same quad class ("hackers linked to China
    breached networks": a cyber attack by pattern, ASSAULT by the model), they are one
    act: the stronger reading wins, at the pattern's words, and the other goes into the
    event's alternatives, unless the pattern holds its word (`_pattern_holds`)."""
    quad = ontology.cameo(learned.code).quad_class
    rival = next((c for c in cands if c.token == learned.token), None) or next(
        (c for c in cands if quad is not None and ontology.cameo(c.code).quad_class == quad),
        None,
    )
    if rival is None:
        return [*cands, learned]
    model_wins = reading_score(learned) > reading_score(rival) and not _pattern_holds(
        rival, learned, doc
    )
    winner, loser = (learned, rival) if model_wins else (rival, learned)
    winner.alternatives.append(_alternative(loser))
    if winner is learned:  # the model's code at the pattern's words and frame
        learned.token, learned.object_token, learned.kind = (
            rival.token,
            rival.object_token,
            rival.kind,
        )
        learned.start, learned.end, learned.text = rival.start, rival.end, rival.text
    return [winner if c is rival else c for c in cands]


# acts whose governed verb is their content, not a second act: "denied attacking the
# village" is a denial (016), never also an attack, negated or not
CONTENT_TAKING = ("016", "12")


# threats and demands state the condition they hang on: "warned of tough action if they
# did not cooperate" is one threat (13), whose condition is no act of cooperation
CONDITION_TAKING = ("10", "13")
CONDITION_MARKS = {"if", "unless", "until"}


ASKING = ("02", "10")  # appeals and demands


def _asked_for(tok: Token, governor: Candidate) -> bool:
    """Is `tok` the act an appeal or demand asks for ("urged X to act", "demanded that
    X act")?"""
    return (
        governor.code.startswith(ASKING)
        and tok.head.i == governor.token
        and tok.dep_ in ("xcomp", "ccomp")
    )


def _in_condition(tok: Token, governor: int) -> bool:
    """Does `tok` sit in an if/unless/until clause below the governing trigger?"""
    for node in (tok, *tok.ancestors):
        if node.i == governor:
            return False
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
    return False


def _drop_contents(doc, cands: list[Candidate]) -> list[Candidate]:
    """A verb under a denial or rejection is what was denied or rejected, and an act under
    the intent to do it is what was intended: it goes into the governing event's
    alternatives instead of becoming an event of its own."""
    by_token = {c.token: c for c in cands}
    kept = []
    for cand in cands:
        above = _governing_trigger(doc[cand.token], by_token.keys())
        governor = by_token[above] if above is not None else None
        if governor is not None and (
            (cand.kind == "verb" and governor.code.startswith(CONTENT_TAKING))
            or (governor.code.startswith("03") and intent_code(cand.code) == governor.code)
        ):  # "announced plans for talks" is one intent to meet, not two
            governor.alternatives.append({**_alternative(cand), "from": "content"})
            continue
        if governor is not None and _asked_for(doc[cand.token], governor):
            # "urged Pakistan to persuade the Haqqanis": what is asked is the appeal's
            # content (it already set the appeal's code), not an act of Pakistan's
            governor.alternatives.append({**_alternative(cand), "from": "content"})
            continue
        if governor is not None and governor.code.startswith(CONDITION_TAKING):
            if _in_condition(doc[cand.token], governor.token):
                governor.alternatives.append({**_alternative(cand), "from": "condition"})
                continue
        kept.append(cand)
    return kept


# a bare appeal, intent or demand takes its kind from the act it is about: "urged X to
# lift the embargo" is an appeal to ease sanctions (0254), as "agreed to" it is an intent
GENERIC_BY_ROOT = {"020": "02", "030": "03", "100": "10"}


def specialise_by_complement(doc, cands: list[Candidate]) -> None:
    """Recode a generic 020/030/100 by the nearest event its trigger governs whose code
    has an intent form (04-08 acts: meet, support, cooperate, aid, yield)."""
    for cand in cands:
        root = GENERIC_BY_ROOT.get(cand.code)
        if root is None:
            continue
        best: tuple[int, str] | None = None
        for other in cands:
            intent = intent_code(other.code) if other is not cand else None
            if intent is None:
                continue
            depth = _depth_below(doc[other.token], cand.token)
            if depth is not None and depth <= 3 and (best is None or depth < best[0]):
                best = (depth, intent)
        if best is not None:
            code = best[1] if root == "03" else root + best[1][2:]
            # 039 "intent to mediate" has no 029 or 109: an appeal or demand for mediation
            cand.code = code if code in ontology.cameo_codes() else root + "8"


def _depth_below(tok: Token, anchor: int) -> int | None:
    for depth, ancestor in enumerate(tok.ancestors, 1):
        if ancestor.i == anchor:
            return depth
    return None


def mark_subordinates(doc, cands: list[Candidate]) -> None:
    """An event whose trigger sits below another event's trigger in the parse is the
    lesser one: in "agreed to lift the blockade" the news is the agreement."""
    anchors = {c.token for c in cands}
    for cand in cands:
        cand.subordinate = _governing_trigger(doc[cand.token], anchors) is not None


def _governing_trigger(tok: Token, anchors) -> int | None:
    """The nearest trigger above `tok` in the parse whose act `tok` is part of, or None.
    A trigger coordinated with another is an act beside it, governed by what governs
    that one: "denied the request and asked for talks" is a denial and an appeal,
    "denied attacking and killing" one denial."""
    node = tok
    while node.head.i != node.i:
        coordinated = node.dep_ == "conj" and (node.i == tok.i or node.i in anchors)
        if node.head.i in anchors and not coordinated:
            return node.head.i
        node = node.head
    return None


# model types a judgement can be: a disapproval ("X said the case is baseless")
JUDGEMENT_TYPES = {"ACCUSE"}


def main_verb(sent: Span, judgement: bool = False) -> Token | None:
    """Where a model event sits: the sentence's root verb, or the act it reports when the
    root only wraps it ("Ethiopia said it would allow ..." -> allow). What is said can be
    only a state ("the case is baseless"): no act, unless the model reads a judgement
    (`judgement`), which is then the speaker's, at the verb of saying."""
    tok = sent.root if sent.root.pos_ in {"VERB", "AUX"} else None
    if tok is None:
        tok = next((t for t in sent if t.pos_ == "VERB"), None)
    speech = None
    for _ in range(3):
        if tok is None or tok.lemma_.lower() not in WRAPPER_VERBS:
            break
        if tok.lemma_.lower() in JUDGING_VERBS:
            speech = tok
            if judgement:  # "X said the arrest sent a chilling message": X's criticism
                return speech
        inner = next((c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if inner is None:  # "is willing to withdraw": the act hangs off the adjective
            adj = next((c for c in tok.children if c.dep_ == "acomp"), None)
            inner = next((c for c in adj.children if c.dep_ == "xcomp"), None) if adj else None
        if inner is None or inner.pos_ not in {"VERB", "AUX"}:
            break
        tok = inner
    if tok is not None and tok.lemma_ == "be":
        # "We are united": a state, not an act the model can anchor; but "'This case is
        # baseless,' the president said" is the president's criticism
        return speech if judgement else None
    return tok


def evidence_score(cand: Candidate, source: Actor | None, target: Actor | None) -> float:
    """How strongly the evidence backs one event against the other events of its sentence
    (pattern specificity, the model, whether actors were found): the order of readings in
    a sentence, which `confidence` keeps (events/confidence.py, `keep_sentence_order`)."""
    actor_bonus = (0.08 if source is not None and source.code else 0.0) + (
        0.04 if target is not None and target.code else 0.0
    )
    if cand.rule is None:  # the model alone
        score = MODEL_ALONE_FACTOR * (cand.p_model or 0.0) + actor_bonus
    else:
        rule_score = 0.45 + 0.07 * min(cand.specificity, 3) + actor_bonus
        if source is None:
            rule_score -= 0.1
        score = (
            rule_score
            if cand.p_model is None
            else RULE_WEIGHT * rule_score + MODEL_WEIGHT * cand.p_model
        )
    if cand.subordinate or cand.rule == ACCUSATION_RULE:
        # an accusation read off a reported act ranks below the act it was read off
        score *= SUBORDINATE_FACTOR
    return score


def confidence(cand: Candidate, source: Actor | None, target: Actor | None) -> float:
    """The probability that the event's record is right at story level (root and both
    actors' country prefixes), from a logistic model over the evidence (events/confidence.py)."""
    values = confidence_model.features(cand, source, target, reading_score(cand))
    return round(min(max(confidence_model.load().probability(values), 0.001), 0.999), 3)
