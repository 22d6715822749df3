"""Interview turns: who "I" and "you" are, on interviews written for these tests."""

from thucydides.actors import ActorResolver, DocumentActors
from thucydides.actors.interviews import speaker_label, turns

INTERVIEW = (
    "Kenya's former foreign minister Amina Mohamed visited Ethiopia last week. "
    "VOA: During your visit, you met the prime minister. What did you discuss? "
    "Amina Mohamed, former Kenyan foreign minister: I told him we wanted peace. "
    "VOA: Will you go back? Mohamed: I hope so."
)


def test_turns_of_an_interview():
    found = turns(INTERVIEW)
    names = [INTERVIEW[t.label[0] : t.label[1]] for t in found]
    assert names == ["VOA", "Amina Mohamed", "VOA", "Mohamed"]
    assert [t.asker for t in found] == [True, False, True, False]
    you = INTERVIEW.index("you met")
    assert INTERVIEW[slice(*speaker_label(found, you, "second"))] == "Amina Mohamed"
    assert speaker_label(found, you, "first") is None  # the asker's "I" is no one here


def test_a_lone_label_is_no_interview():
    assert turns("Note: the talks resumed. Officials said they hoped for a deal.") == []
    assert turns("Update: the minister resigned. Correction: she resigned on Monday.") == []


def word_at(doc, text):
    """The first word of `text` in `doc`, as a one-word span."""
    start = doc.text.index(text)
    tok = next(t for t in doc if t.idx == start)
    return doc[tok.i : tok.i + 1]


def test_i_answers_and_you_is_asked(nlp):
    doc = nlp(INTERVIEW)
    actors = DocumentActors(doc, "2024-05-01", ActorResolver.load())
    you = actors.resolve(word_at(doc, "you met"))
    i = actors.resolve(word_at(doc, "I told"))
    assert you is not None and i is not None, (you, i)
    assert you.name == i.name == "Amina Mohamed" and i.code.startswith("KEN")


def test_a_later_title_gives_the_country_an_earlier_one_lacked(nlp):
    doc = nlp(
        "The talks were hosted by former deputy defense secretary Ann Kowalski. "
        "Q: How long did the talks last? "
        "Ann Kowalski, former U.S. deputy defense secretary: We talked for hours."
    )
    actors = DocumentActors(doc, "2024-05-01", ActorResolver.load())
    assert actors.resolve(word_at(doc, "We talked")).code == "USAELI"
