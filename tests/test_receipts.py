"""What a subject received is its giver's act, aimed at the subject."""

from _events import event_at


def test_aid_received_from_someone_is_their_aid(coder):
    ev = event_at(coder, "Chile has received three emergency loans from the IMF.", "received")
    assert ev.cameo.code == "071"
    assert (ev.source.code, ev.target.code) == ("IGOBUSIMF", "CHL")


def test_a_nationality_on_what_was_given_names_the_giver(coder):
    ev = event_at(
        coder, "The Chilean government accepted Peruvian funding for the port.", "accepted"
    )
    assert (ev.cameo.code, ev.source.code, ev.target.code) == ("071", "PER", "CHLGOV")


def test_an_award_from_an_official_is_their_praise(coder):
    text = "The Chilean journalist received an award from the Peruvian foreign minister."
    ev = event_at(coder, text, "received")
    assert (ev.cameo.root, ev.source.code, ev.target.code) == ("05", "PERGOV", "CHLMED")


def test_receiving_a_letter_is_no_aid(coder):
    events = coder.code("The Chilean embassy received a letter from Peru's foreign minister.")
    assert not [e for e in events if e.cameo.root == "07"]
