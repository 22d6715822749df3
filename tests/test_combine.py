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
