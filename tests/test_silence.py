"""Declining to comment told by negating the comment: an asserted, actual 011."""

from _events import event_at


def test_no_comment_is_a_refusal_to_comment(coder):
    had = event_at(coder, "The Foreign Ministry of Peru had no comment on the report.", "had")
    assert had.cameo.code == "011" and had.source.code == "PERGOV"
    assert (had.polarity, had.modality) == ("asserted", "actual")
    assert had.target is None, "what was not commented on is a topic, not a target"


def test_a_negated_comment_is_a_refusal_even_with_a_modal(coder):
    text = "The Peruvian interior minister said he could not comment on the arrests."
    ev = event_at(coder, text, "comment")
    assert ev.cameo.code == "011" and (ev.polarity, ev.modality) == ("asserted", "actual")


def test_a_comment_that_was_made_is_no_event(coder):
    events = coder.code("The Peruvian interior minister commented on the arrests on Monday.")
    assert not [e for e in events if e.cameo.code == "011"]


def test_what_was_not_answered_is_a_topic_not_a_target(coder):
    text = "The Peruvian police declined to answer questions about the detained miners."
    ev = event_at(coder, text, "declined")
    assert ev.cameo.code == "011" and ev.target is None


def test_an_unanswered_request_for_comment_is_no_event(coder):
    text = "The Peruvian interior ministry did not reply to an email requesting comment."
    assert coder.code(text) == []
    # a verb coordinated with it is its own act
    text = "Peru's interior ministry did not reply to questions but denied the allegations."
    assert [e.cameo.code for e in coder.code(text)] == ["016"]
