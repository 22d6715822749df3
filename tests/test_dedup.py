"""Content hashes and MinHash signatures: what counts as the same story."""

from __future__ import annotations

from thucydides import dedup

STORY = (
    "The foreign ministers of Norway and Chile met in Geneva on Tuesday to discuss a new "
    "fishing agreement. Officials from both countries said the talks were constructive and "
    "that a draft text could be ready by spring. The Chilean minister told reporters that his "
    "government wanted quotas set by independent scientists."
)


def test_hash_ignores_wrapping_but_not_wording() -> None:
    rewrapped = "  " + STORY.replace(". ", ".\n\n\t") + "\n"
    assert dedup.content_hash(rewrapped) == dedup.content_hash(STORY)
    assert dedup.content_hash(STORY.replace("Tuesday", "Monday")) != dedup.content_hash(STORY)


def test_signature_survives_the_database_round_trip() -> None:
    sig = dedup.signature(STORY)
    assert sig is not None and len(sig.values) == dedup.NUM_PERM and len(sig.bands) == dedup.BANDS
    back = dedup.Signature.from_bytes(sig.to_bytes())
    assert back.bands == sig.bands and back.similarity(sig) == 1.0


def test_byline_copy_is_near_and_other_news_is_far() -> None:
    sig = dedup.signature(STORY)
    copy = dedup.signature("GENEVA (Fjord Wire) - " + STORY + " Reporting by Ana Ruiz.")
    other = dedup.signature(
        "Rebels attacked a police station in the north of the country on Monday, killing three "
        "officers, the interior ministry said. The government condemned the attack and promised "
        "to bring those responsible to justice."
    )
    assert sig.similarity(copy) >= dedup.THRESHOLD and set(sig.bands) & set(copy.bands)
    assert sig.similarity(other) < 0.2


def test_short_texts_only_deduplicate_exactly() -> None:
    assert dedup.signature("Troops left the town on Sunday.") is None
