"""Whole-story scoring on a story and events written for these tests, with answers
worked out by hand: what counts, the pairing rules, the figures, the errors records."""

from __future__ import annotations

import pytest
from _stories import (
    S_MEET,
    S_PROTEST,
    S_SEIZE,
    S_WEATHER,
    TEXT,
    StoryCoder,
    coded,
    gold_event,
    score,
    sentence_at,
    story_row,
    write,
)

from thucydides.evaluate import stories as st
from thucydides.evaluate.errors import story_events
from thucydides.evaluate.run import evaluate, read_gold
from thucydides.evaluate.story_gold import story_from_raw

# --- rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        ("USAGOV", "USA"),
        ("LEG", "---"),  # a role with no country
        ("---LEG", "---"),
        ("REB", "---"),
        (None, "---"),  # a missing code
        ("", "---"),
        ("IGOUNO", "IGO"),
        ("NGOHRI", "NGO"),  # international prefixes are not roles
        ("rusmil", "RUS"),
    ],
)
def test_actor_prefix(code, prefix):
    assert st.actor_prefix(code) == prefix


def test_role_codes_without_country_agree_with_dashes_and_missing_codes():
    gold = [gold_event(S_PROTEST, "protested", "141", "PROTEST", "---CVL", None)]
    s = score([coded("protested", "141", "CVL", "---")], gold)
    assert len(s.pairs["triple"]) == 1


def test_greedy_pairing_prefers_overlapping_triggers_and_counts_do_not_depend_on_order():
    gold = [
        gold_event(S_MEET, "met", "040", "CONSULT", "MLTGOV", "TUNGOV"),
        gold_event(S_MEET, "signed", "043", "CONSULT", "MLTGOV", "TUNGOV"),
    ]
    events = [
        coded("met", "040", "MLTGOV", "TUNGOV", conf=0.4),  # same key as both gold events
        coded("signed", "042", "MLTGOV", "TUNGOV", conf=0.9),
        coded("Valletta on", "040", "MLTGOV", "TUNGOV", conf=0.8),  # a third: one too many
    ]
    s = score(events, gold)
    # "signed" (conf 0.9) overlaps gold 2 and "met" gold 1; the third is spurious
    assert s.pairs["triple"] == [(0, 0), (1, 1)]
    assert s.prf("triple") == st.PRF(2, 3, 2)
    shuffled = score([events[2], events[0], events[1]], gold)
    assert shuffled.prf("triple") == st.PRF(2, 3, 2)
    # without overlapping triggers the more confident event takes the first gold event
    far = [
        coded("Valletta on", "040", "MLTGOV", "TUNGOV", 0.2),
        coded("Monday", "043", "MLT", "TUN", 0.7),
    ]
    assert score(far, gold).pairs["triple"] == [(0, 1), (1, 0)]


def test_pairing_stays_inside_a_gold_sentence_and_events_elsewhere_are_spurious():
    events = [
        coded("seized", "171", "MLTGOV", "TUNGOV"),  # right key of a meet event, wrong sentence
        coded("weather", "040", "MLTGOV", "TUNGOV"),  # a sentence with no gold event
        coded("Ministers", "040", "MLTGOV", "TUNGOV"),  # the headline: no gold sentence at all
    ]
    s = score(events)
    assert s.pairs["triple"] == [] and s.pairs["root"] == [(0, 2)]
    assert s.where == [(S_SEIZE, S_WEATHER - 1), None, None]


def test_only_actual_gold_and_actual_asserted_coded_events_count():
    events = [
        coded("protested", "141", "MLTCVL", "MLTGOV", conf=0.9),
        coded("protested", "141", "MLTCVL", None, modality="intended"),
        coded("signed", "057", "MLTGOV", "TUNGOV", polarity="negated"),
        coded("met", "040", "MLTGOV", "TUNGOV", modality="hypothetical"),
    ]
    s = score(events)
    assert len(s.gold) == 4 and len(s.coded) == 1 and s.uncounted == 3
    assert s.prf("triple") == st.PRF(1, 1, 4)


def test_root_and_plover_pair_on_their_key_alone():
    events = [
        coded("met", "036", "MLTGOV", "TUNGOV"),  # root 03 (AGREE): neither pairs with 040
        coded("signed", "057", "TUNGOV", "MLTGOV"),  # actors swapped: root and PLOVER pair
        coded("seized", "173", "TUNMIL", "MLTBUS"),  # 17 COERCE: triple pairs
        coded("protested", "145", "MLTCVL", "MLTGOV"),  # 14 PROTEST: triple pairs
    ]
    s = score(events)
    assert s.prf("triple") == st.PRF(2, 4, 4)
    assert s.prf("root") == st.PRF(3, 4, 4) and s.prf("root").f1 == pytest.approx(0.75)
    # PLOVER: 036 is AGREE, the type this gold gives the signing, so it pairs there though
    # its root does not; the coded 057 is SUPPORT and pairs with nothing
    assert s.pairs["plover"] == [(0, 1), (2, 2), (3, 3)]
    # over the 3 root pairs: the swapped actors get neither prefix right
    assert s.prefix_agreement() == (3, 2, 2)


def test_statements_without_plover_type_agree_on_plover():
    gold = [gold_event(S_SEIZE, "said", "010", None, "MLTGOV", None)]
    s = score([coded("said", "012", "MLTGOV", None)], gold)
    assert len(s.pairs["plover"]) == 1 and len(s.pairs["root"]) == 1


# --- a set --------------------------------------------------------------------------------


def test_set_figures_volume_empty_stories_prefixes_and_unfound_sentences():
    other = "Rebels Shell Port\n\nRebels shelled the port at dawn.  Nobody was hurt."
    lost = gold_event(S_SEIZE, "seized", "171", "COERCE", "TUNMIL", "MLTBUS")
    lost["sentence"] = "Tunisian coast guards seized two trawlers."  # not in the text
    stories = [
        story_from_raw(story_row(), TEXT),
        story_from_raw(story_row([], sid="empty") | {"text": other}, other),
        story_from_raw(story_row([lost], sid="lost"), TEXT),
    ]
    preds = [
        [
            coded("met", "040", "MLTGOV", "TUNGOV"),
            coded("signed", "057", "MLTGOV", "ITA"),  # root pair, target prefix wrong
            coded("seized", "171", "---MIL", "MLTBUS"),  # root pair, source prefix wrong
        ],
        [coded("shelled", "195", "REB", None, text=other)],
        [coded("seized", "171", "TUNMIL", "MLTBUS")],
    ]
    r = st.score_stories("toy", stories, preds)
    # story 1: met pairs on triples; met, signed, seized on roots. "empty": 1 coded, no gold.
    # "lost": its gold sentence is not found, so its event is missed and the coded one spurious
    assert r.prf["triple"] == st.PRF(1, 5, 5)
    assert r.prf["root"] == st.PRF(3, 5, 5)
    assert (r.volume.value, r.volume.n) == (1.0, 5)
    assert (r.empty_stories, r.empty_story_events) == (1, 1)
    assert (r.source_prefix.value, r.source_prefix.n) == (pytest.approx(2 / 3), 3)
    assert r.target_prefix.value == pytest.approx(2 / 3)
    assert (r.unfound_sentences, r.unfound_events) == (1, 1)
    assert stories[2].unfound == [lost["sentence"]]


def test_errors_list_matched_missed_and_spurious_in_story_order():
    events = [
        coded("protested", "141", "MLTCVL", "MLTGOV", conf=0.9),
        coded("weather", "190", "MLT", "TUN", conf=0.3),
        coded("met", "040", "MLTGOV", "TUNGOV", conf=0.7),
    ]
    items = story_events(score(events))
    kinds = [
        (i["kind"], i["gold"]["trigger"] if i["gold"] else i["coded"]["trigger"]) for i in items
    ]
    assert kinds == [
        ("matched", "met"),
        ("missed", "signed"),
        ("missed", "seized"),
        ("spurious", "weather"),
        ("matched", "protested"),
    ]
    assert items[0]["correct"] is True and items[0]["confidence"] == 0.7
    assert items[3]["correct"] is False and items[3]["in_gold_sentence"] is False
    assert items[1]["root_paired"] is False and items[1]["sentence"] == sentence_at(S_MEET)


def test_evaluate_with_story_files_only_needs_no_sentence_coder(tmp_path):
    path = write(tmp_path / "s.jsonl", [story_row()])
    evaluation = evaluate([read_gold(path)], None, StoryCoder())
    assert evaluation.sets == [] and evaluation.n_stories == 1
    r = evaluation.stories[0].result
    # met -> CONSULT pairs (triple); seized: TUNMIL -> MLT: the target prefix MLT agrees
    assert r.prf["triple"] == st.PRF(2, 2, 4)


def test_f1_is_zero_when_nothing_was_coded_and_undefined_without_any_events():
    assert st.PRF(0, 0, 3).f1 == 0.0 and st.PRF(0, 0, 3).precision is None
    assert st.PRF(0, 0, 0).f1 is None
    assert st.PRF(2, 4, 2).f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)


def test_story_reliability_bins_counted_events_by_confidence_against_triples():
    from thucydides.evaluate.story_report import story_reliability

    preds = [
        [
            coded("met", "040", "MLTGOV", "TUNGOV", conf=0.4),  # the triple pair: right
            coded("signed", "057", "MLTGOV", "ITA", conf=0.35),  # target prefix wrong
            coded("seized", "171", "---MIL", "MLTBUS", conf=0.01),  # source prefix wrong
        ]
    ]
    r = st.score_stories("toy", [story_from_raw(story_row(), TEXT)], preds)
    lines = story_reliability(r)
    assert "| 0.30–0.50 | 2 | 0.375 | 0.500 |" in lines
    assert "| 0.00–0.02 | 1 | 0.010 | 0.000 |" in lines
    assert lines[-1] == "Expected calibration error: 0.087"  # (2 * 0.125 + 0.01) / 3
