"""Role spans become the actors of a record."""

from _spans import span_of

from thucydides.actors import DocumentActors
from thucydides.chunks import Chunk
from thucydides.model import Document
from thucydides.record_actors import is_country_place, record_actor, resolvable_in


def test_a_span_becomes_an_actor_with_document_offsets(nlp, resolver):
    text = "Kenyan police arrested two men in Nairobi."
    doc = nlp(text)
    actors = DocumentActors(doc, "2024-05-01", resolver)
    chunk = Chunk(Document(id="d", text="x" * 10 + text), 10, True, True, text)
    span = span_of(doc, "Kenyan police")
    actor = record_actor(span, actors.resolve(span), chunk, {})
    assert (actor.text, actor.start, actor.end, actor.code) == ("Kenyan police", 10, 23, "KENCOP")
    assert record_actor(None, None, chunk, {}) is None


def test_only_names_and_pronouns_and_known_phrases_can_be_actors(nlp, resolver):
    doc = nlp("The army said it shelled the hills near Peshawar.")
    resolvable = resolvable_in(DocumentActors(doc, "2024-05-01", resolver))
    by_word = {t.text: t for t in doc}
    assert resolvable(by_word["army"]) and resolvable(by_word["it"])
    assert not resolvable(by_word["hills"])
    assert is_country_place(by_word["Peshawar"]) and not is_country_place(by_word["hills"])
