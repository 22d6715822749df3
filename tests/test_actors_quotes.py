"""Quotes and their speakers (actors/quotes.py), on sentences written for these tests."""

from _spans import span_of

from thucydides.actors import DocumentActors
from thucydides.actors.quotes import quote_spans


def speaker_of(nlp, resolver, date, word, text):
    """Whom the first `word` (a pronoun in a quote) resolves to in `text`."""
    doc = nlp(text)
    return DocumentActors(doc, date, resolver).resolve(span_of(doc, word))


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quote_spans(text)]


def test_a_quote_opened_curly_and_closed_straight_is_one_quote():
    text = 'The plan is \u201con course." Then \u201cwe wait,\u201d she said.'
    assert _quoted(text) == ['\u201con course."', "\u201cwe wait,\u201d"]


def test_a_stray_straight_mark_does_not_turn_later_quotes_inside_out():
    text = 'It was "new, and fast,\u201d she said. He called it "a risk." Then "we go," he said.'
    assert _quoted(text) == ['"new, and fast,\u201d', '"a risk."', '"we go,"']


def test_a_quote_that_never_closes_gives_way_to_the_next():
    text = "\u201cWe left at dawn. \u201cWe stayed,\u201d she said."
    assert _quoted(text) == ["\u201cWe stayed,\u201d"]


def test_a_quote_running_on_into_the_next_paragraph_ends_at_the_break():
    text = "\u201cWe left at dawn.\n\u201cWe stayed,\u201d she said."
    assert _quoted(text) == ["\u201cWe left at dawn.", "\u201cWe stayed,\u201d"]


def test_first_person_in_a_quote_with_mixed_marks_is_its_speaker(nlp, resolver):
    m = speaker_of(
        nlp,
        resolver,
        "2024-03-10",
        "We",
        'Pakistani Finance Minister Muhammad Aurangzeb said the loan talks were \u201con track." '
        '"We expect a deal soon," the minister told reporters in Islamabad.',
    )
    assert m is not None and m.code == "PAKGOV" and m.name == "Muhammad Aurangzeb"


def test_a_quote_after_the_sentence_naming_the_speaker_goes_on_in_their_voice(nlp, resolver):
    """'"...," X said. "So we ..."': the second quote has no "said" of its own."""
    m = speaker_of(
        nlp,
        resolver,
        "2021-04-12",
        "we",
        "Kenyan Foreign Minister Raychelle Omamo spoke in Nairobi on Monday. "
        '"The border must stay open," Omamo said. "So we asked Somalia to resume the talks." '
        "The talks collapsed in March.",
    )
    assert m is not None and m.code == "KENGOV" and m.name == "Raychelle Omamo"


def test_a_quote_after_an_unrelated_sentence_is_not_the_earlier_speakers(nlp, resolver):
    assert (
        speaker_of(
            nlp,
            resolver,
            "2021-04-12",
            "We",
            "Kenyan Foreign Minister Raychelle Omamo spoke in Nairobi on Monday. "
            '"The border must stay open," Omamo said. Somalia recalled its envoy in March. '
            '"We will not accept this."',
        )
        is None
    )


def test_a_lamented_quote_is_its_speakers(nlp, resolver):
    m = speaker_of(
        nlp,
        resolver,
        "2021-04-12",
        "We",
        '"We have too few vehicles," a Kenyan police commander lamented on Sunday.',
    )
    assert m is not None and m.code.startswith("KEN")


def test_he_said_after_a_long_quote_is_the_one_named_before_the_quote(nlp, resolver):
    """'"...," he said' closing a quote of three sentences: the sentence before counts
    from the quote's start, where the speaker is named, not from inside the quote."""
    m = speaker_of(
        nlp,
        resolver,
        "2015-05-04",
        "We",
        "Pakistani Interior Minister Rehman Malik met the envoy on Monday. He left for Kabul "
        "later. Mevlut Cavusoglu, Turkey's foreign minister, said the meetings would resume. "
        "\u201cWe will not give up. We have waited for years. We can wait longer,\u201d he said.",
    )
    assert m is not None and (m.code, m.name) == ("TURGOV", "Mevlut Cavusoglu")


def test_a_quote_said_by_someone_uncoded_is_not_passed_to_a_later_speaker(nlp, resolver):
    assert (
        speaker_of(
            nlp,
            resolver,
            "2021-05-20",
            "I",
            "Some analysts doubt the sanctions. \u201cThe timing is odd. I do not see why now,\u201d "
            "said Tomasz Wrobel, who has studied the region for years. "
            "U.S. Secretary of State Antony Blinken told reporters the decision was final.",
        )
        is None
    )
