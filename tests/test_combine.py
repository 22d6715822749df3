"""One reading per act: which of a pattern's and the model's readings of a word wins."""

from thucydides.events import combine
from thucydides.events.combine import FRAME_OVERRULE_P, Candidate


def reading(code, rule, specificity, p_model, token=2):
    return Candidate(
        token=token, object_token=None, code=code, kind="verb", text="barred", start=0,
        end=6, rule=rule, model="event-type-v1", specificity=specificity, p_model=p_model,
    )  # fmt: skip


def winner(nlp, pattern, learned):
    doc = nlp("The government barred two officials from entering the country.")
    (kept,) = combine._one_reading_per_trigger([pattern], learned, doc)
    return kept


def test_a_framed_pattern_keeps_its_code_unless_the_model_is_very_sure(nlp):
    sure = FRAME_OVERRULE_P + 0.05
    unsure = FRAME_OVERRULE_P - 0.05
    framed = reading("163", "verbs/x.yaml:bar+(from_entry)", 2, 0.2)
    kept = winner(nlp, framed, reading("172", None, 0, unsure))
    assert kept.code == "163" and kept.alternatives[0]["code"] == "172"
    framed = reading("163", "verbs/x.yaml:bar+(from_entry)", 2, 0.2)
    assert winner(nlp, framed, reading("172", None, 0, sure)).code == "172"


def test_a_bare_verb_default_yields_to_a_surer_model(nlp):
    bare = reading("172", "verbs/x.yaml:bar", 1, 0.2)
    assert winner(nlp, bare, reading("163", None, 0, 0.8)).code == "163"


def test_in_a_story_the_model_alone_does_not_code_consultation_or_aid(nlp):
    sent = next(nlp("The two delegations sat down in Geneva on Monday.").sents)
    probs = {t: 0.01 for t in ("ACCUSE", "ASSAULT", "REJECT")}
    for plover_type in sorted(combine.STORY_PATTERN_ONLY):
        sure = {**probs, plover_type: 0.95}
        alone = combine.candidates(sent, [], sure)
        assert [c.rule for c in alone] == [None], plover_type  # a lone sentence: it codes
        assert combine.candidates(sent, [], sure, story=True) == [], plover_type
    # other types it still codes in a story
    assert combine.candidates(sent, [], {**probs, "ASSAULT": 0.95}, story=True)


def at(code, token):
    cand = reading(code, f"verbs/x.yaml:{code}", 1, 0.2, token=token)
    return cand


def test_a_verb_coordinated_with_a_denial_is_an_act_of_its_own(nlp):
    doc = nlp("The minister rejected the offer and asked for new elections.")
    rejected, asked = at("120", 2), at("020", 6)
    assert [c.code for c in combine._drop_contents(doc, [rejected, asked])] == ["120", "020"]
    assert rejected.alternatives == []
    combine.mark_subordinates(doc, [rejected, asked])
    assert not rejected.subordinate and not asked.subordinate


def test_what_a_denial_governs_is_still_its_content(nlp):
    doc = nlp("The rebels denied attacking the convoy.")
    kept = combine._drop_contents(doc, [at("016", 2), at("190", 3)])
    assert [c.code for c in kept] == ["016"]
    assert kept[0].alternatives[0]["from"] == "content"


def test_the_root_trigger_is_not_its_own_governor(nlp):
    """The root's head is itself (and spaCy makes a new Token at each access, so only
    indices can tell): it is governed by nothing."""
    doc = nlp("Russia condemned the strike.")
    condemned = at("111", 1)
    combine.mark_subordinates(doc, [condemned])
    assert not condemned.subordinate


def test_a_noun_pattern_away_from_the_models_word_keeps_its_act(nlp):
    # regression: "the announcement of upgraded ties came during a visit by Modi" was
    # 050 (the model at "came") at "visit", the visit's 042 only an alternative
    doc = nlp("The statement came during a visit by the Japanese foreign minister.")
    came, visit = (
        next(t.i for t in doc if t.text == "came"),
        next(t.i for t in doc if t.text == "visit"),
    )
    noun = reading("042", "nouns.yaml:visit", 1, 0.05, token=visit)
    noun.kind = "noun"
    learned = reading("050", None, 0, 0.9, token=came)
    (kept,) = combine._one_reading_per_trigger([noun], learned, doc)
    assert kept.code == "042" and kept.alternatives[0]["code"] == "050"
    # a verb pattern in the same quad class away from the model's word still yields
    verb = reading("042", "verbs/x.yaml:visit", 1, 0.05, token=visit)
    (kept,) = combine._one_reading_per_trigger(
        [verb], reading("050", None, 0, 0.9, token=came), doc
    )
    assert kept.code == "050"
