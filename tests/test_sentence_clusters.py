"""scripts/sentence_clusters.py: near-duplicate clusters that decide cross-validation folds."""

from __future__ import annotations

import importlib.util
import itertools
import random
from pathlib import Path

import pytest

_PATH = Path(__file__).parents[1] / "scripts" / "sentence_clusters.py"
_SPEC = importlib.util.spec_from_file_location("sentence_clusters", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
sc = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sc)

# Invented sentences: three families and two loners.
SHELLING = [
    "Rebel artillery killed 12 people in Varnholt on Tuesday, the regional governor said.",
    "Rebel artillery killed 30 people in Ostrava Nova on Friday, the regional governor said.",
    "Rebel artillery killed 30 people in Ostrava Nova on Friday.",  # cut short
]
STRIKE = [
    "Dock workers in Porto Velha went on strike for better pay and shorter shifts.",
    "Nurses at Kestrel County Hospital went on strike for better pay.",
]
TALKS = [
    "The foreign minister held talks with his Lunarian counterpart at the lakeside palace.",
    "The foreign minister held talks with his Lunarian counterpart at the lakeside palace "
    "on Sunday, a spokesman said.",
]
LONERS = [
    "Parliament approved a budget that raises spending on rural schools.",
    "The central bank left its main interest rate unchanged for a third month.",
]


def _groups(texts: list[str]) -> set[frozenset[str]]:
    keys = sc.cluster_keys(texts)
    return {frozenset(t for t in texts if keys[t] == k) for k in set(keys.values())}


def test_masking_hides_numbers_and_names_but_keeps_the_first_word():
    assert sc.masked_words("Rebels killed 12 people in Ostrava Nova.") == [
        "rebels",
        "killed",
        "#",
        "people",
        "in",
        "N",
    ]


def test_curly_apostrophe_and_its_mojibake_mask_alike():
    plain = sc.masked_words("the island's highest official")
    assert sc.masked_words("the island\u2019s highest official") == plain
    assert sc.masked_words("the island\u201a\u00c4\u00f4s highest official") == plain


def test_families_cluster_and_loners_stay_alone():
    texts = SHELLING + STRIKE + TALKS + LONERS
    assert _groups(texts) == {
        frozenset(SHELLING),
        frozenset(STRIKE),
        frozenset(TALKS),
        frozenset([LONERS[0]]),
        frozenset([LONERS[1]]),
    }


def test_two_sentences_sharing_only_a_common_phrase_do_not_cluster():
    a = "The president said on Monday that the army would leave the northern valley."
    b = "The president said on Monday that fuel prices would fall before winter."
    assert sc.cluster_ids([a, b]) == [0, 1]


def test_clusters_do_not_depend_on_order_and_one_cluster_is_one_fold():
    texts = SHELLING + STRIKE + TALKS + LONERS
    shuffled = texts[:]
    random.Random(5).shuffle(shuffled)
    assert sc.cluster_keys(texts) == sc.cluster_keys(shuffled)
    folds = sc.cluster_folds(texts, 5)
    for family in (SHELLING, STRIKE, TALKS):
        assert len({folds[t] for t in family}) == 1
    assert set(folds.values()) <= set(range(5))


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_prefix_filtering_finds_every_pair_a_full_comparison_finds(threshold):
    rng = random.Random(threshold)
    vocab = "army town talks aid".split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 9))) for _ in range(60)]
    sets = [sc.shingles(t) for t in texts]
    brute = sc._UnionFind(len(texts))
    for i, j in itertools.combinations(range(len(texts)), 2):
        if sc.near_duplicates(sets[i], sets[j], threshold):
            brute.union(i, j)
    ids = sc.cluster_ids(texts, threshold)
    assert ids == [brute.find(i) for i in range(len(texts))]
    assert 1 < len(set(ids)) < len(texts) - 5  # the case has clusters and loners
