"""A person the story named, described again ("the French politician"), on short reports
written for these tests."""

from _spans import span_of

from thucydides.actors import DocumentActors


def _actors(nlp, resolver, text):
    doc = nlp(text)
    return doc, DocumentActors(doc, "2021-05-10", resolver)


def test_a_redescription_with_nationality_is_the_person_named_before(nlp, resolver):
    doc, actors = _actors(
        nlp,
        resolver,
        "Former French minister Jacques Durand says France should pause immigration. "
        "The French politician, who may run for president, criticized the government. "
        "The former French foreign minister said on the radio that the rules must change.",
    )
    for phrase in ("The French politician", "The former French foreign minister"):
        m = actors.resolve(span_of(doc, phrase))
        assert (m.code, m.name, m.kind, m.matched) == ("FRAELI", "Jacques Durand", "person", phrase)


def test_a_redescription_of_another_country_or_office_keeps_its_reading(nlp, resolver):
    doc, actors = _actors(
        nlp,
        resolver,
        "Turkish Foreign Minister Ahmet Yilmazer arrived in Athens on Tuesday. "
        "The minister said the visit went well. The Greek minister said talks would go "
        "on. The Turkish president said his country wanted calm.",
    )
    greek = actors.resolve(span_of(doc, "The Greek minister"))
    assert (greek.code, greek.kind) == ("GRCGOV", "agent")
    president = actors.resolve(span_of(doc, "The Turkish president"))  # not the minister
    assert (president.code, president.kind) == ("TURGOV", "agent")
    minister = actors.resolve(span_of(doc, "The minister"))
    assert (minister.name, minister.code) == ("Ahmet Yilmazer", "TURGOV")


def test_two_people_who_fit_leave_the_dictionarys_reading(nlp, resolver):
    doc, actors = _actors(
        nlp,
        resolver,
        "French politician Jacques Durand met French lawmaker Anne Morel in Paris. "
        "The French politician said the deal was fair.",
    )
    m = actors.resolve(span_of(doc, "The French politician"))
    assert m.kind == "agent" and m.name != "Jacques Durand"


def test_a_plural_redescription_is_not_the_person(nlp, resolver):
    doc, actors = _actors(
        nlp,
        resolver,
        "Former French minister Jacques Durand spoke in Lyon. "
        "The French politicians in the hall applauded him.",
    )
    m = actors.resolve(span_of(doc, "The French politicians"))
    assert m is None or m.name != "Jacques Durand"


def test_an_office_fits_only_a_person_introduced_with_it_alike(nlp, resolver):
    doc, actors = _actors(
        nlp,
        resolver,
        "Kenyan Vice President Amos Wekesa spoke in Nairobi. "
        "The Kenyan president said the court must act.",
    )
    m = actors.resolve(span_of(doc, "The Kenyan president"))
    assert (m.code, m.kind) == ("KENGOV", "agent")
    doc, actors = _actors(
        nlp,
        resolver,
        "U.S. envoy Tom Barker spoke in Nairobi. The U.S. envoy said the court must act.",
    )
    m = actors.resolve(span_of(doc, "The U.S. envoy"))
    assert (m.code, m.name) == ("USAGOV", "Tom Barker")
