"""Source and target from the parse, on sentences written for these tests."""

import pytest

from thucydides.events.roles import ACTOR_ENTS, find_roles


def actorish(tok):
    return tok.ent_type_ in ACTOR_ENTS or tok.pos_ in {"PROPN", "PRON"} or tok.lower_ in {
        "rebels", "militants", "police", "army", "officials", "minister", "troops",
    }  # fmt: skip


def roles_at(nlp, text, trigger, kind="verb"):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    sent = tok.sent
    return find_roles(sent, tok, None, actorish, kind)


def words(span):
    return span.text if span is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("Iran condemned Israel on Tuesday.", "condemned", "Iran", "Israel"),
        ("The convoy was attacked by Syrian rebels.", "attacked", "Syrian rebels", "The convoy"),
        ("Britain urged Iran to release the sailors.", "urged", "Britain", "Iran"),
        ("Britain urged Iran to release the sailors.", "release", "Iran", "the sailors"),
        ("Russia agreed to resume talks with Ukraine.", "resume", "Russia", "Ukraine"),
        (
            "The minister visited Cairo to urge Egypt to open the border.",
            "urge",
            "The minister",
            "Egypt",
        ),
        ("Officials said the rebels attacked a village.", "attacked", "the rebels", "a village"),
        ("Kenya will host Somalia next week.", "host", "Kenya", "Somalia"),
        (
            "The army shelled and captured the town held by rebels.",
            "captured",
            "The army",
            "the town",
        ),
        ("Ghana signed a trade agreement with Togo.", "signed", "Ghana", "Togo"),
    ],
)
def test_verb_roles(nlp, text, trigger, source, target):
    roles = roles_at(nlp, text, trigger)
    assert words(roles.source) == source
    assert words(roles.target) == target


def test_reported_speaker_is_not_the_actor(nlp):
    roles = roles_at(nlp, "Officials in Kabul said the rebels attacked a village.", "attacked")
    assert "Officials" not in roles.source.text


def test_noun_trigger_takes_light_verb_subject(nlp):
    roles = roles_at(nlp, "Sudan held talks with Chad in Khartoum.", "talks", kind="noun")
    assert words(roles.source) == "Sudan"
    assert words(roles.target) == "Chad"


def test_noun_trigger_modifier_is_source(nlp):
    roles = roles_at(
        nlp, "Turkish air strikes on Kurdish militants continued.", "strikes", kind="noun"
    )
    assert words(roles.source) == "Turkish"
    assert "Kurdish militants" in words(roles.target)


def test_relative_pronoun_takes_its_antecedent(nlp):
    roles = roles_at(nlp, "Rebel leaders, who were hunted by French troops, fled.", "hunted")
    assert words(roles.source) == "French troops"
    assert words(roles.target) == "Rebel leaders"


def test_target_inside_the_objects_phrase(nlp):
    roles = roles_at(nlp, "Police opened an investigation into the mayor.", "opened")
    assert words(roles.target) == "the mayor"
    roles = roles_at(nlp, "The union filed a suit in a Paris court against the ministry.", "filed")
    assert words(roles.target) == "the ministry"


def test_threatened_party_inside_the_warning(nlp):
    roles = roles_at(
        nlp, "Kenya warned tough measures would be taken against the militants.", "warned"
    )
    assert words(roles.target) == "the militants"


def test_pronoun_in_reported_clause_is_the_named_speaker(nlp):
    roles = roles_at(nlp, "Ethiopia said it would allow the aid agencies to enter.", "allow")
    assert words(roles.source) == "Ethiopia"
    roles = roles_at(nlp, "Ethiopia said they would allow the aid agencies to enter.", "allow")
    assert words(roles.source) == "they"  # a plural pronoun is not a singular speaker


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("A court in Oslo found Hansen guilty of fraud.", "found", "Hansen"),
        ("Prosecutors opened inquiries against hundreds of firms.", "opened", "hundreds of firms"),
        (
            "The villagers filed a complaint accusing the mining company.",
            "filed",
            "the mining company",
        ),
        (
            "Chad condemned the raids on its border posts.",
            "condemned",
            "the raids on its border posts",
        ),
    ],
)
def test_targets_beyond_the_plain_object(nlp, text, trigger, target):
    assert words(roles_at(nlp, text, trigger).target) == target


def test_light_verb_object_is_not_the_target_when_the_pattern_used_it(nlp):
    doc = nlp("Mali held talks yesterday.")
    verb, obj = doc[1], doc[2]
    roles = find_roles(doc[:], verb, obj, actorish, "verb")
    assert roles.target is None


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Norway sent medical supplies to Malawi.", "sent", "Malawi"),
        ("Japan gave Laos two patrol boats.", "gave", "Laos"),
        ("Egypt withdrew its troops from Libya.", "withdrew", "Libya"),
        ("Canada is the largest donor to Haiti.", "is", "Haiti"),
    ],
)
def test_transfer_verbs_target_the_recipient(nlp, text, trigger, target):
    assert words(roles_at(nlp, text, trigger).target) == target


def test_target_of_the_act_agreed_to(nlp):
    roles = roles_at(nlp, "Peru agreed to send food aid to Bolivia.", "agreed")
    assert words(roles.source) == "Peru"
    assert words(roles.target) == "Bolivia"


def test_head_phrase_leaves_out_possessive_pronouns(nlp):
    from thucydides.events.phrases import head_phrase

    doc = nlp("The council expressed its total rejection of the plan.")
    assert head_phrase(doc[5]).text == "total rejection"


def test_who_before_where_inside_an_object(nlp):
    roles = roles_at(nlp, "Lavrov held talks in Jerusalem with Netanyahu.", "held")
    assert words(roles.target) == "Netanyahu"


def test_target_inside_the_clause_of_the_object(nlp):
    roles = roles_at(nlp, "Chile signed a decree granting asylum to twelve refugees.", "signed")
    assert words(roles.target) == "twelve refugees"
    roles = roles_at(nlp, "Japan suspended military aid to Myanmar.", "suspended")
    assert words(roles.target) == "Myanmar"


def test_a_common_noun_keeps_its_place_a_name_does_not(nlp):
    from thucydides.events.phrases import noun_phrase

    doc = nlp("Police raided a migrant camp in Calais on Sunday.")
    assert noun_phrase(doc[4]).text == "a migrant camp in Calais"
    roles = roles_at(nlp, "Sudan held talks with Chad in Khartoum.", "talks", kind="noun")
    assert words(roles.target) == "Chad"


def test_name_right_after_its_title_stays_in_the_phrase(nlp):
    from thucydides.events.phrases import noun_phrase

    doc = nlp("May met the Irish premier Leo Varadkar, a doctor, in London.")
    assert noun_phrase(doc[4]).text == "the Irish premier Leo Varadkar"
    doc = nlp("Police arrested the journalist Anna Berg in Oslo.")
    assert noun_phrase(doc[3]).text == "the journalist Anna Berg"


def test_event_noun_as_subject_targets_what_it_hit(nlp):
    roles = roles_at(
        nlp, "A car bombing by the rebels killed nine soldiers.", "bombing", kind="noun"
    )
    assert words(roles.source) == "the rebels"
    assert words(roles.target) == "nine soldiers"


def test_speakers_own_pronoun_is_not_the_target(nlp):
    roles = roles_at(nlp, "Opposition leaders said they would boycott talks with Fiji.", "said")
    assert words(roles.target) == "Fiji"


def test_coordinated_targets_stay_together(nlp):
    roles = roles_at(nlp, "Rebels freed a Cuban doctor and a nurse on Friday.", "freed")
    assert words(roles.target) == "a Cuban doctor and a nurse"


def test_discussing_a_country_with_someone_targets_the_someone(nlp):
    roles = roles_at(nlp, "Erdogan discussed Libya with Donald Trump.", "discussed")
    assert words(roles.target) == "Donald Trump"


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "The mayor demanded support from the national government.",
            "demanded",
            "the national government",
        ),
        ("Jets carried out a raid, targeting rebel commanders.", "carried", "rebel commanders"),
        ("Germany paid compensation to the victims.", "paid", "the victims"),
    ],
)
def test_requests_raids_and_payments(nlp, text, trigger, target):
    assert words(roles_at(nlp, text, trigger).target) == target
