"""A headline's act is read from the lead that retells it."""

HEADLINE = "Trump to keep tariffs to pressure Mexico, Canada, China, aides say"
LEAD = (
    "U.S. President Donald Trump is keeping new tariffs in place on Mexico, Canada and "
    "China, his aides said on Sunday. The move angered Ottawa. Canada said it would respond."
)


def test_the_headline_takes_the_leads_reading_at_its_own_word(coder):
    events = coder.code(HEADLINE + "\n\n" + LEAD)
    headline = [e for e in events if e.sentence_index == 0 and e.cameo.root == "16"]
    assert {(e.trigger.text, e.cameo.code, e.source.code, e.target.code) for e in headline} == {
        ("keep", "163", "USAGOV", "MEX"),
        ("keep", "163", "USAGOV", "CAN"),
        ("keep", "163", "USAGOV", "CHN"),
    }
    assert len({e.event_id for e in headline}) == 3
    # the lead's events are the same acts, counted once in the store
    lead = {e.event_id: e for e in events if e.trigger.text == "keeping"}
    assert {e.evidence["told_by"] for e in headline} == set(lead)
    assert all(e.evidence["same_as"] in {h.event_id for h in headline} for e in lead.values())


def test_a_headline_that_does_not_name_the_act_takes_nothing(coder):
    events = coder.code("Tensions rise in North America\n\n" + LEAD)
    assert not [e for e in events if e.sentence_index == 0]


def test_text_without_a_headline_is_left_as_it_is(coder):
    events = coder.code(LEAD)
    assert not [e for e in events if "told_by" in e.evidence or "same_as" in e.evidence]
