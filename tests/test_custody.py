"""Whose custody someone is held in, named on the custody noun itself."""

from _events import event_at


def test_a_nationality_on_the_custody_names_the_holder(coder):
    ev = event_at(coder, "Two Americans remain in Russian custody.", "remain")
    assert (ev.source.code[:3], ev.cameo.code, ev.target.code[:3]) == ("RUS", "173", "USA")


def test_a_possessor_of_the_custody_names_the_holder(coder):
    text = "Three Uyghur men remain in Thailand's custody after the deportations."
    ev = event_at(coder, text, "remain")
    assert ev.source.code[:3] == "THA" and ev.target.code.startswith("CHN")


def test_custody_of_nobody_named_leaves_a_foreigner_without_a_holder(coder):
    # regression guard: the holder comes from the custody phrase, not from a guess
    assert not [e for e in coder.code("Two Americans remain in custody.") if e.cameo.code == "173"]


def test_a_place_on_the_custody_noun_gives_the_state_of_that_place(coder):
    ev = event_at(coder, "The Palestinian activist remains in detention in Louisiana.", "remains")
    assert ev.cameo.code == "173" and ev.source.code.startswith("USA")
