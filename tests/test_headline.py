"""A headline's act is read from the lead that retells it."""

HEADLINE = "Gunmen storm bus, seize riders in Kenya's north"
LEAD = (
    "Al-Shabab gunmen stormed a passenger bus in northern Kenya on Tuesday and seized ten "
    "riders, Kenyan police said. The bus was heading to Mandera. Police said a search was "
    "under way."
)


def test_the_headline_takes_the_leads_reading_at_its_own_word(coder):
    events = coder.code(HEADLINE + "\n\n" + LEAD, date="2024-03-11")
    headline = [e for e in events if e.sentence_index == 0]
    assert {(e.trigger.text, e.cameo.code, e.source.code) for e in headline} == {
        ("storm", "180", "SOMINS"),
        ("seize", "171", "SOMINS"),
    }
    assert len({e.event_id for e in headline}) == 2
    # the lead's events are the same acts, counted once in the store
    lead = {e.event_id: e for e in events if e.trigger.text in {"stormed", "seized"}}
    assert {e.evidence["told_by"] for e in headline} == set(lead)
    assert all(e.evidence["same_as"] in {h.event_id for h in headline} for e in lead.values())


def test_a_headline_that_does_not_name_the_act_takes_nothing(coder):
    events = coder.code("Fear grows in the Horn of Africa\n\n" + LEAD, date="2024-03-11")
    assert not [e for e in events if e.sentence_index == 0]


def test_text_without_a_headline_is_left_as_it_is(coder):
    events = coder.code(LEAD, date="2024-03-11")
    assert not [e for e in events if "told_by" in e.evidence or "same_as" in e.evidence]
