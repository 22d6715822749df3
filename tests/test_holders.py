"""A call for someone's release is addressed to whoever the story showed holding them."""

STORY = (
    "Lawyers for jailed journalist speak out\n\n"
    "WASHINGTON — Peruvian journalist Ana Quispe has been held in Bolivian custody since March.\n\n"
    "Her lawyers spoke in Washington on Monday.\n\n"
    "The United States calls for Quispe's immediate release, the State Department said.\n"
)


def test_a_release_call_is_addressed_to_the_holder_the_story_named(coder):
    calls = [e for e in coder.code(STORY) if e.cameo.code == "0253"]
    assert [(e.source.code[:3], e.target.code) for e in calls] == [("USA", "BOLGOV")]
    assert calls[0].target.via == "implied"


def test_with_no_holder_told_the_prisoner_stays_the_target(coder):
    text = "The United States calls for the immediate release of Peruvian journalist Ana Quispe."
    (call,) = [e for e in coder.code(text) if e.cameo.code == "0253"]
    assert call.target.code.startswith("PER")
