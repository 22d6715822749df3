"""People a story names: surnames, names the dictionaries know for someone else, and
people named with nothing to say whose (on short reports written for these tests)."""

from _spans import span_of

from thucydides.actors import DocumentActors


def test_a_family_name_written_first_is_the_surname(nlp, resolver):
    doc = nlp(
        "North Korean leader Kim Jong Un inspected a missile unit on Tuesday. "
        "The American envoy said Washington would meet with Kim before the summer."
    )
    actors = DocumentActors(doc, "2020-02-14", resolver)
    m = actors.resolve(span_of(doc, "Kim", 1))
    assert (m.code, m.name, m.via) == ("PRKGOV", "Kim Jong Un", "coreference")


def test_a_longer_name_is_not_the_dictionarys_person(nlp, resolver):
    """The dictionaries know Lai Ching-te as "Lai"; "Jimmy Lai" is another man, and the
    "Lai" after him is him."""
    doc = nlp(
        "Supporters of jailed businessman Jimmy Lai rallied outside the court in Hong Kong. "
        "Lai has been held for four years."
    )
    actors = DocumentActors(doc, "2025-03-13", resolver)
    full = actors.resolve(span_of(doc, "jailed businessman Jimmy Lai"))
    assert full.name == "Jimmy Lai" and full.country != "TWN"
    again = actors.resolve(span_of(doc, "Lai", 1))
    assert again.name == "Jimmy Lai" and again.code == full.code


def test_the_dictionarys_person_by_full_name_is_still_theirs(nlp, resolver):
    doc = nlp("Taiwan's President Lai Ching-te visited Palau on Sunday. Lai spoke to reporters.")
    actors = DocumentActors(doc, "2025-03-13", resolver)
    assert actors.resolve(span_of(doc, "Lai", 1)).code == "TWNGOV"


def test_an_abbreviated_title_is_no_other_first_name(nlp, resolver):
    doc = nlp("Sen. Mitch McConnell says that he expects a vote this week.")
    actors = DocumentActors(doc, "2020-02-14", resolver)
    assert actors.resolve(span_of(doc, "Sen. Mitch McConnell")).code == "USALEG"


def test_a_bare_surname_is_the_storys_person_first(nlp, resolver):
    """The dictionaries read "Hassan" as someone; the story named its own Hassan before."""
    doc = nlp(
        "Abdullahi Ali Hassan, a member of Somalia's upper house, criticised the vote. "
        "Hassan said the country could not afford another crisis."
    )
    actors = DocumentActors(doc, "2021-04-14", resolver)
    m = actors.resolve(span_of(doc, "Hassan", 1))
    assert m.name == "Abdullahi Ali Hassan" and m.country == "SOM"


ONE_COUNTRY_STORY = (
    "Floods Hit Western Villages\n\n"
    "Heavy rains flooded villages across western Kenya on Monday. "
    "Kenyan officials said hundreds of families had left their homes. "
    "Teacher Wanjiru Otieno said the water rose overnight. "
    "Kenya's weather service expects more rain, and Kenya's Red Cross has sent tents. "
    "Otieno said her school would stay closed. "
    "Kenyan farmers fear for their harvest, and Kenya has asked for help."
)


def test_a_person_named_in_a_one_country_story_is_its_national(nlp, resolver):
    doc = nlp(ONE_COUNTRY_STORY)
    actors = DocumentActors(doc, "2024-05-06", resolver)
    assert actors.story_country == "KEN"
    m = actors.resolve(span_of(doc, "Otieno", 1))
    assert m.country == "KEN" and m.name == "Wanjiru Otieno" and m.via == "document"


def test_a_person_of_a_named_group_is_the_groups(nlp, resolver):
    doc = nlp(
        "Thousands marched in Nairobi on Friday. Kenyan police said the march was peaceful. "
        "Aziz Wekesa, of the World Uyghur Congress, said the group would keep protesting. "
        "Kenya's government did not comment, and Kenyan lawmakers stayed away from Kenya's "
        "capital."
    )
    actors = DocumentActors(doc, "2024-05-06", resolver)
    m = actors.resolve(span_of(doc, "Aziz Wekesa"))
    assert m.code == resolver.resolve_text("World Uyghur Congress").code


def test_a_national_with_no_role_keeps_the_country(nlp, resolver):
    doc = nlp(
        "Malawian Chisomo Banda said the school had turned her daughter away. "
        "Banda then took the school to court."
    )
    actors = DocumentActors(doc, None, resolver)
    m = actors.resolve(span_of(doc, "Banda", 1))
    assert (m.country, m.name) == ("MWI", "Chisomo Banda")


def test_a_story_whose_lead_names_its_country_once(nlp, resolver):
    """The headline names no country and the lead names it once: the rest of the story,
    naming it again and again, still makes it that country's story."""
    doc = nlp(
        "Gunmen Attack Train\n\n"
        "Gunmen attacked a passenger train in Pakistan on Tuesday. "
        "Pakistani troops surrounded the train. Pakistan's army said the attackers had "
        "fled. Pakistani officials blamed a separatist group. Pakistan's interior minister "
        "visited the site, and Pakistani police arrested two men. Authorities said the "
        "line would reopen."
    )
    actors = DocumentActors(doc, None, resolver)
    assert actors.story_country == "PAK"
    assert actors.resolve(span_of(doc, "Authorities")).code == "PAKGOV"


def test_a_name_called_a_director_is_a_persons(nlp, resolver):
    """The entity tagger need not read the name as a person's: its apposition does."""
    doc = nlp(
        "Police in Phnom Penh detained two reporters on Monday. Cambodian officials said "
        "they had broken the law. Cambodian rights groups protested, and Cambodia's "
        "journalists' association wrote to the government. Nop Sarin, the association's "
        "executive director, said the arrests were unlawful. Cambodia's courts will hear "
        "the case."
    )
    actors = DocumentActors(doc, "2024-10-24", resolver)
    assert actors.story_country == "KHM"
    assert actors.resolve(span_of(doc, "Nop Sarin")).country == "KHM"


def test_republika_srpska_is_a_place_in_bosnia(resolver):
    assert resolver.resolve_text("Republika Srpska's national assembly").code == "BIHLEG"


def test_he_is_the_nearer_subject_of_unknown_gender(nlp, resolver):
    """A person whose gender no name tells, the subject of the sentence before, is a
    nearer "he" than the man named further back."""
    doc = nlp(
        "Hamid Karzai met the envoys in Kabul. "
        "Later the Pakistani army chief flew to Kabul as well. "
        "He said the border would stay open."
    )
    actors = DocumentActors(doc, "2011-10-21", resolver)
    assert actors.resolve(span_of(doc, "He")).code == "PAKMIL"


def test_she_still_skips_a_man_of_unknown_gender(nlp, resolver):
    doc = nlp(
        "Secretary of State Hillary Clinton flew to Islamabad on Friday. "
        "She met Pakistan's army chief. She pressed him to act against the militants."
    )
    actors = DocumentActors(doc, "2011-10-21", resolver)
    assert actors.resolve(span_of(doc, "She", 1)).code == "USAGOV"


def test_a_country_the_tagger_reads_as_a_person_stays_a_country(nlp, resolver):
    doc = nlp(
        "India, Mauritius sign defence pact\n\n"
        "Last year, India helped Mauritius, a partner of the Indian navy, build an airstrip. "
        "India's navy patrols the waters around it."
    )
    actors = DocumentActors(doc, "2025-03-12", resolver)
    assert actors.resolve(span_of(doc, "Mauritius", 1)).code == "MUS"


def test_a_hyphenated_surname_is_one_name(nlp, resolver):
    """ "Anwar" alone is a name the dictionaries know; "Anwar al-Khatib" is someone else,
    found again as "Al-Khatib"."""
    doc = nlp(
        "Anwar al-Khatib, a lawyer in Damascus, criticised the new constitution. "
        "Al-Khatib said the courts were not independent."
    )
    actors = DocumentActors(doc, "2025-03-14", resolver)
    full = actors.resolve(span_of(doc, "Anwar al-Khatib"))
    assert (full.name, full.country) == ("Anwar al-Khatib", "SYR")  # a lawyer in Damascus
    again = actors.resolve(span_of(doc, "Al-Khatib"))
    assert (again.name, again.code) == (full.name, full.code)


def test_a_role_a_named_person_possesses_is_of_their_country(nlp, resolver):
    doc = nlp(
        "Former Kenyan minister Wanjiru Otieno announced a new party on Monday. "
        "Otieno's opponents accused her of dividing the coalition."
    )
    actors = DocumentActors(doc, "2024-05-06", resolver)
    m = actors.resolve(span_of(doc, "Otieno's opponents"))
    assert m.code == "KENOPP"


def test_a_name_said_to_be_a_director_is_a_persons(nlp, resolver):
    doc = nlp(
        "Somali leaders met in Mogadishu on Monday. Somalia's president said talks would "
        "resume. Somali lawmakers were divided, and Somalia's opposition walked out. "
        "Abdi Warsame is the executive director of a Mogadishu policy group. "
        "Warsame said Somalia needs an election."
    )
    actors = DocumentActors(doc, "2021-04-14", resolver)
    assert actors.story_country == "SOM"
    assert actors.resolve(span_of(doc, "Warsame", 1)).country == "SOM"


def test_a_national_the_parser_tags_an_adjective(nlp, resolver):
    doc = nlp(
        "One of the most popular foreign bloggers in China is a French national, "
        "Marcel Dufresne, who became famous last year. Dufresne said he enjoys the attention."
    )
    actors = DocumentActors(doc, "2025-03-14", resolver)
    assert actors.resolve(span_of(doc, "Dufresne", 1)).country == "FRA"


def test_the_head_of_an_organisation_is_its_not_a_states(nlp, resolver):
    # regression: "president of the Committee for ... in Hong Kong" made him HKGGOV
    doc = nlp(
        "Tom Baird, president of the Committee for Press Freedom in Macau, criticized "
        "Beijing on Monday."
    )
    found = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Tom Baird"))
    assert found.code.endswith("NGO") and "GOV" not in found.code
    based = nlp(
        "Ana Ruiz, director of a Spain-based Kurdish center, criticized Damascus on Monday."
    )
    found = DocumentActors(based, None, resolver).resolve(span_of(based, "Ana Ruiz"))
    assert found.code == "ESPNGO"


def test_the_head_of_an_organisation_the_dictionaries_know_is_its(nlp, resolver):
    # regression: "secretary-general of Doctors Without Borders" (the parser hangs "of"
    # on "general") left the person uncoded
    doc = nlp(
        "Thomas Ekdahl, secretary-general of Doctors Without Borders, criticized "
        "the army on Monday."
    )
    found = DocumentActors(doc, None, resolver).resolve(span_of(doc, "Thomas Ekdahl"))
    assert found.code.startswith("NGO")


def test_a_people_tagged_as_a_person_is_no_person(nlp, resolver):
    # regression: "the eight ethnic minority Uyghurs" (spaCy: PERSON) was defined as a
    # person titled "ethnic minority" in Thailand (THACVL), not the Uyghurs (CHN...UIG)
    doc = nlp(
        "Activists fear that five ethnic minority Uyghurs who are held in Thailand's "
        "prisons will be sent back. Thai officials declined to comment."
    )
    actors = DocumentActors(doc, "2025-03-01", resolver)
    for phrase in ("five ethnic minority Uyghurs", "Uyghurs"):
        m = actors.resolve(span_of(doc, phrase))
        assert m is not None and m.code.startswith("CHN") and m.via == "dictionary", phrase
