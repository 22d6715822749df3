"""The target of a reply is the author of what it answers (events/authors.py)."""

from _events import event_at

from thucydides.events.authors import AUTHOR_SENTENCES, answers, author_of, is_authored
from thucydides.model import Actor, Event, Trigger
from thucydides.ontology import cameo_record


def story(*sentences: str) -> str:
    return " ".join(sentences)


def event(source_code, sentence_index, at, text="Someone"):
    cameo, plover = cameo_record("100")
    return Event(
        doc_id="d", sentence_index=sentence_index, sentence="", trigger=Trigger("t", at, at + 1),
        cameo=cameo, plover=plover,
        source=Actor(text=text, start=at - 5, end=at - 1, code=source_code),
        target=None,
    )  # fmt: skip


def test_denied_request_is_against_whoever_made_it(fast_coder):
    text = story(
        "The Kenyan president asked Uganda for an end to the border closure on Monday.",
        "The Ugandan government denied the request on Tuesday.",
        "Officials in both capitals said more talks were planned.",
    )
    events = fast_coder.code(text, date="2024-03-05")
    reply = next(e for e in events if e.trigger.text == "denied")
    assert reply.source.code.startswith("UGA")
    assert reply.target is not None and reply.target.via == "author"
    assert reply.target.code.startswith("KEN")
    assert text[reply.target.start : reply.target.end] == reply.target.text


def test_allegations_rejected_in_a_story_target_the_accuser(fast_coder):
    text = story(
        "The United States accused the Albanian leader of corruption on Monday.",
        "Berisha, the former prime minister, rejected the allegations.",
        "He said he would fight the charges in court.",
    )
    events = fast_coder.code(text, date="2021-05-20")
    reply = next(e for e in events if "rejected" in e.trigger.text)
    assert reply.target is not None and reply.target.code.startswith("USA")


def test_an_object_with_its_own_author_is_not_inferred(nlp):
    doc = nlp("Both governments have ignored our requests for comment.")
    obj = next(t for t in doc if t.lemma_ == "request")
    assert not is_authored(doc[obj.left_edge.i : obj.right_edge.i + 1])


def test_a_plain_object_is_no_reply(nlp):
    doc = nlp("The army rejected the Ruritanian soldiers at the border.")
    obj = next(t for t in doc if t.lower_ == "soldiers")
    span = doc[obj.left_edge.i : obj.right_edge.i + 1]
    assert not answers("120", "object-any", span)
    assert answers("120", "none", None)  # "but the European side refused"
    assert not answers("190", "none", None)


def test_the_author_is_never_the_replying_actor_nor_too_far_back():
    replying = Actor(text="Molvania", start=0, end=8, code="MOL")
    earlier = [event("RUR", 0, 20), event("MOL", 1, 60, text="Molvania")]
    found = author_of(replying, 2, 100, earlier)
    assert found is not None and found.code == "RUR" and found.via == "author"
    assert author_of(replying, 2 + AUTHOR_SENTENCES + 1, 500, earlier) is None
    # an act after the reply in the same sentence answers nothing
    assert author_of(replying, 0, 10, earlier) is None


def test_a_document_speaks_for_whoever_filed_it(coder):
    text = (
        "Rights groups sue over detentions\n\n"
        "Two American rights groups filed lawsuits against the Homeland Security Department "
        "on Monday. The hearing is set for March. The suits allege that the department "
        "denied detainees access to lawyers."
    )
    alleged = event_at(coder, text, "allege")
    assert alleged.source.code == "USAHRI" and alleged.source.via == "author"
    assert alleged.target.code == "USAGOV"


def test_a_document_put_out_with_no_act_speaks_for_whoever_put_it_out(coder):
    text = (
        "Peru warns Chile\n\n"
        "Peru's foreign minister issued a statement on Chile's fishing fleet on Monday. "
        "The fleet sailed south. The statement threatened sanctions against Chile."
    )
    threat = event_at(coder, text, "threatened")
    assert threat.source.code == "PERGOV" and threat.source.via == "author"
    assert threat.target.code == "CHL"
    # without anyone putting it out, a statement still does nothing
    alone = text.replace("Peru's foreign minister issued a statement", "Storms hit Peru")
    assert not [e for e in coder.code(alone) if e.trigger.text == "threatened"]


def test_a_document_named_by_no_earlier_act_has_no_author(coder):
    text = (
        "Detention hearing set\n\n"
        "The hearing is set for March. A judge will hear both sides. The suits allege "
        "that the U.S. Homeland Security Department denied detainees access to lawyers."
    )
    alleged = event_at(coder, text, "allege")
    assert alleged.target.code == "USAGOV" and alleged.source.code is None  # no one named


def test_a_rejected_resolution_answers_its_author_not_a_country_named_after_it(coder):
    """Regression: the scope rule took "Pakistan" from the reason given."""
    text = (
        "Pakistan rejects US House resolution\n\n"
        "American lawmakers in the U.S. House of Representatives approved a resolution "
        "calling for an inquiry into the Pakistani vote. The Pakistani cabinet rejected the "
        "resolution a day later, saying it reflects a poor grasp of Pakistan."
    )
    rejected = event_at(coder, text, "rejected")
    assert rejected.target.code.startswith("USA") and rejected.target.via == "author"


def test_a_condemned_attack_is_condemned_against_its_attackers(coder):
    text = (
        "Train attacked in Pakistan\n\n"
        "Baloch separatists attacked a passenger train in Balochistan on Tuesday. "
        "Rescue teams reached the site hours later. "
        "The Pakistani prime minister condemned the attack."
    )
    condemned = event_at(coder, text, "condemned")
    assert condemned.target.code == "PAKSEP" and condemned.target.via == "author"


def test_allegations_called_baseless_answer_whoever_made_them(coder):
    # regression: the pattern read the object, so the reply had no target
    events = coder.code(
        "U.S. prosecutors accused Iran of plotting a kidnapping. "
        "Tehran called the allegations baseless."
    )
    denial = next(e for e in events if e.cameo.code == "016")
    assert (denial.source.code, denial.target.code, denial.target.via) == (
        "IRNGOV",
        "USAJUD",
        "author",
    )


def test_a_charge_rejected_in_a_relative_clause_answers_whoever_made_it(coder):
    # regression: a reply in a relative clause had no object of its own, so no target
    events = coder.code(
        "Pakistani officials blamed India, accusing it of arming rebels, "
        "a charge New Delhi swiftly denied."
    )
    denial = next(e for e in events if e.cameo.code == "016")
    assert (denial.source.code, denial.target.code) == ("INDGOV", "PAKGOV")


def test_a_state_document_rejected_answers_the_storys_government(coder):
    # regression: "rejected the budget" with no earlier act of its author had no target
    story = (
        "Pakistan budget row\n\nISLAMABAD, Pakistan —\n\n"
        "Pakistan's finance ministry published its spending figures on Friday. "
        "Opposition parties rejected the budget on Saturday. "
        "Traders in Karachi said prices were rising."
    )
    rejected = next(e for e in coder.code(story) if e.trigger.text == "rejected")
    assert (rejected.source.code, rejected.target.code, rejected.target.via) == (
        "PAKOPP",
        "PAKGOV",
        "implied",
    )
