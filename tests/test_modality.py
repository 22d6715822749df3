"""Polarity and modality, on sentences written for these tests."""

import pytest

from thucydides.events.modality import is_refusal, mood_of


def mood(nlp, text, trigger):
    doc = nlp(text)
    return mood_of(next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize(
    ("text", "trigger", "polarity", "modality"),
    [
        ("The army attacked the village.", "attacked", "asserted", "actual"),
        ("The army did not attack the village.", "attack", "negated", "actual"),
        ("The rebels never signed the accord.", "signed", "negated", "actual"),
        ("Police failed to arrest the suspects.", "arrest", "negated", "actual"),
        ("Canada plans to withdraw its troops next year.", "withdraw", "asserted", "intended"),
        ("The president promised to visit Lagos.", "visit", "asserted", "intended"),
        ("The president is due to visit Lagos on Monday.", "visit", "asserted", "intended"),
        ("Germany will send aid to the region.", "send", "asserted", "intended"),
        ("The militia would retake the city within weeks.", "retake", "asserted", "hypothetical"),
        ("If talks fail, the army could attack the port.", "attack", "asserted", "hypothetical"),
        ("Troops will fire if protesters cross the line.", "cross", "asserted", "hypothetical"),
        ("The army reportedly shelled the town.", "shelled", "asserted", "reported_possible"),
        ("The group is liable to continue its attacks.", "continue", "asserted", "hypothetical"),
        ("Analysts say the rebels will seize the capital.", "seize", "asserted", "hypothetical"),
        ("The rebels will seize the capital, analysts say.", "seize", "asserted", "hypothetical"),
        # regression: the aside before a root verb was missed once the walk stopped at
        # the root (it had gone on re-reading the root: `head is tok` never held)
        (
            "At that time, the analysts say, the rebels will seize the capital.",
            "seize",
            "asserted",
            "hypothetical",
        ),
        ("The minister said the army attacked the camp.", "attacked", "asserted", "actual"),
        # regression: "violators can be fined" read as a fine imposed; what the speaker
        # can't explain happened all the same
        ("Violators can be fined up to 500 dollars.", "fined", "asserted", "hypothetical"),
        ("She can't explain why the book was banned.", "banned", "asserted", "actual"),
        # regression: "has the authority to revoke a green card" read as a revocation
        (
            "The minister has the authority to revoke any visa.",
            "revoke",
            "asserted",
            "hypothetical",
        ),
        # what one asks of another has not happened; what one forced them into has
        ("Britain urged Iran to release the sailors.", "release", "asserted", "hypothetical"),
        ("The envoy asked Mali to open the border.", "open", "asserted", "hypothetical"),
        ("The army forced the rebels to leave the town.", "leave", "asserted", "actual"),
        # a yes/no question asserts nothing; a wh-question takes its act as given
        ("Can the army retake the port?", "retake", "asserted", "hypothetical"),
        ("Will Chad expel the envoy?", "expel", "asserted", "hypothetical"),
        ("Why did the army shell the town?", "shell", "asserted", "actual"),
        # a question put to "you" about now asserts nothing of theirs (regression: an
        # interviewer's "how worried are you about ...?" was the guest's statement)
        ("How worried are you about the new border rules?", "are", "asserted", "hypothetical"),
        ("Why did you condemn the strike?", "condemn", "asserted", "actual"),
    ],
)
def test_mood(nlp, text, trigger, polarity, modality):
    m = mood(nlp, text, trigger)
    assert (m.polarity, m.modality) == (polarity, modality), m.cue


def test_cue_is_recorded(nlp):
    assert mood(nlp, "Iran did not condemn the strike.", "condemn").cue == "not"


def test_relative_clause_keeps_its_own_mood(nlp):
    m = mood(nlp, "It would anger the leaders who were attacked by drones.", "attacked")
    assert m.modality == "actual"


@pytest.mark.parametrize(
    ("text", "trigger", "refusal"),
    [
        ("Chile will not lift the embargo.", "lift", True),
        ("Chile said it would not meet the envoy.", "meet", True),
        ("The army did not attack the village.", "attack", False),
        ("Kenya could not attend the talks.", "attend", False),
        # unable is not unwilling
        ("They would not be able to find a solution.", "find", False),
        ("Chile will lift the embargo.", "lift", False),
    ],
)
def test_refusal_is_a_negated_intent_not_a_negated_act(nlp, text, trigger, refusal):
    doc = nlp(text)
    assert is_refusal(mood_of(next(t for t in doc if t.text == trigger))) is refusal


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The army said no travellers were killed in the rescue.", "killed"),
        ("Police said nobody was arrested at the rally.", "arrested"),
    ],
)
def test_no_one_as_subject_negates_the_act(nlp, text, trigger):
    """Regression: "no passengers were killed" was coded as a killing."""
    doc = nlp(text)
    anchor = next(t for t in doc if t.text == trigger)
    assert mood_of(anchor).polarity == "negated"


@pytest.mark.parametrize(
    "text, trigger, modality",
    [
        ("Crowds of Malians began protesting in May.", "protesting", "actual"),
        ("The two sides started talks in Doha on Monday.", "talks", "actual"),
        ("The two sides will begin talks in Doha next week.", "talks", "intended"),
    ],
)
def test_an_act_begun_has_happened(nlp, text, trigger, modality):
    """Regression: "began protesting" was an intended protest."""
    anchor = next(t for t in nlp(text) if t.text == trigger)
    assert mood_of(anchor).modality == modality


def test_no_longer_negates(nlp):
    doc = nlp("The rebels no longer control the town.")
    anchor = next(t for t in doc if t.text == "control")
    assert mood_of(anchor).polarity == "negated"


def test_what_happens_as_a_rule_is_no_one_event(coder):
    """Regression: "migrants are usually expelled" was an actual expulsion."""
    events = coder.code("A migrant whose permit lapses is normally expelled from Kenya.")
    assert events and all(e.modality == "hypothetical" for e in events if e.cameo.root == "17")
