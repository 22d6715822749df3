"""A disapproval the model reads in what someone said is the speaker's, against the one
judged in it, never the one who heard it."""

from thucydides.events.judgements import is_judgement, judged


def criticisms(coder, text):
    return [
        (e.trigger.text, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in coder.code(text)
        if e.cameo.root == "11"
    ]


def test_a_judgement_in_a_reported_clause_is_the_speakers_criticism(coder):
    text = (
        "The lawyer said the arrest of the Zimbabwean journalist sent a chilling message "
        "about the government's contempt for the press."
    )
    # at the verb of saying, by the speaker, not at "sent" by the arrest
    (found,) = criticisms(coder, text)
    assert found[0] == "said" and found[2].startswith("ZWE")


def test_the_one_judged_is_named_in_the_quote(coder):
    text = (
        '"The detention of our colleague shows the cruelty of the Taliban regime," '
        "said the Afghan writer."
    )
    assert criticisms(coder, text) == [("said", "AFGMED", "AFGGOV")]


def test_whoever_heard_the_judgement_is_not_its_target(coder):
    text = '"This is a shameful attack on the free press," the Kenyan editor told the BBC.'
    assert all(target is None for _, _, target in criticisms(coder, text))


def test_the_speakers_own_side_and_a_belief_verb_are_looked_through(nlp):
    doc = nlp("The minister said he believed our opponents in Nairobi had betrayed the nation.")
    said = next(t for t in doc if t.lower_ == "said")
    resolvable = lambda tok: tok.pos_ in {"PROPN", "PRON"} or tok.lower_ == "opponents"  # noqa: E731
    found = judged(said, resolvable)
    assert found is not None and found.lower_ == "opponents"


def test_only_the_models_disapproval_at_a_verb_of_saying_is_a_judgement(nlp):
    said = next(t for t in nlp("Kenya said so.") if t.lower_ == "said")
    assert is_judgement(said, "110", None)
    assert not is_judgement(said, "110", "verbs/x.yaml:y")  # a pattern's
    assert not is_judgement(said, "042", None)


def test_calling_what_was_done_wrong_is_a_criticism_of_whoever_did_it(coder):
    # reported judgements are read by rule, whatever the model reads
    text = "The Kenyan opposition said the government's decision was unconstitutional."
    assert criticisms(coder, text) == [("said", "KENOPP", "KENGOV")]
    text = "Amnesty said the detention of the journalists by Kenyan police was unfair."
    assert criticisms(coder, text) == [("said", "NGOHRIAMN", "KENCOP")]


def test_whom_a_judged_act_was_done_to_is_not_judged(coder):
    # regression: "the revocation of his bail is unfair" judged the one released on bail
    text = "The Kenyan lawyer said the revocation of the editor's bail was unfair and cruel."
    assert [target for _, _, target in criticisms(coder, text)] == [None]


def test_a_judgement_denied_is_no_criticism(coder):
    text = "Kenya's president said the court ruling was not illegal."
    assert criticisms(coder, text) == []


def test_denying_that_an_act_is_lawful_is_a_criticism(coder):
    text = "Kenya's opposition leader said the court ruling was not constitutional."
    assert [source for _, source, _ in criticisms(coder, text)] == ["KENOPP"]
    assert criticisms(coder, "Kenya's opposition leader said the court ruling was lawful.") == []


def test_a_wrongdoing_named_as_an_actors_is_the_speakers_criticism(coder):
    text = "The Chilean foreign minister said Peru's bullying of fishermen must stop."
    assert criticisms(coder, text) == [("said", "CHLGOV", "PER")]


def test_a_wrongdoing_nobody_is_named_for_is_no_criticism(coder):
    text = "The Chilean foreign minister said greater persecution is likely."
    assert criticisms(coder, text) == []


def test_whose_belongings_an_act_touched_is_not_judged(coder):
    # regression: "editor" became a media actor, and "the editor's bail" then resolved
    # as the one judged in "the revocation of the editor's bail was unfair"
    text = "The Kenyan lawyer said the revocation of the editor's bail was unfair and cruel."
    assert [target for _, _, target in criticisms(coder, text)] == [None]
    text = "The Kenyan opposition said the actions of the governor were illegal."
    assert criticisms(coder, text) == [("said", "KENOPP", "KENGOV")]
