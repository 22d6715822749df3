"""The shipped event-type model: it loads, gives valid probabilities and gets clear cases right."""

from __future__ import annotations

import importlib.util
import time

import numpy as np
import pytest

from thucydides.events import classifier
from thucydides.events.classifier import EventTypeModel, analyze

HAS_ENCODER = (classifier.MODEL_DIR / classifier.ENCODER_FILE).exists() and all(
    importlib.util.find_spec(m) for m in ("onnxruntime", "tokenizers")
)
BACKENDS = ["tfidf"] + (["encoder"] if HAS_ENCODER else [])

# Sentences written for these tests; each states one event plainly.
CLEAR = [
    (
        "Government warplanes bombed rebel positions near the border town, killing nine fighters.",
        "ASSAULT",
    ),
    ("An air strike destroyed a weapons depot held by the militia on Tuesday.", "ASSAULT"),
    ("Thousands of teachers marched through the capital to protest against pay cuts.", "PROTEST"),
    ("The Chilean foreign minister held talks with her Peruvian counterpart in Lima.", "CONSULT"),
    ("The Kenyan president arrived in Tokyo for a three-day official visit.", "CONSULT"),
]


@pytest.fixture(scope="module", params=BACKENDS)
def model(request) -> EventTypeModel:
    return EventTypeModel(classifier.MODEL_DIR, backend=request.param)


def test_shipped_model_loads_once():
    first = EventTypeModel.load()
    assert first is not None
    assert first is EventTypeModel.load()
    assert first.name and isinstance(first.name, str)
    assert {"ASSAULT", "PROTEST", "CONSULT", "AGREE"} <= set(first.labels)
    assert len(first.labels) == len(set(first.labels))


def test_probabilities_are_valid(model):
    sentences = [s for s, _ in CLEAR] + ["", "Nothing at all happened here."]
    probs = model.predict_proba(sentences)
    assert probs.shape == (len(sentences), len(model.labels))
    assert np.all(probs >= 0)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize(("sentence", "label"), CLEAR)
def test_clear_sentences_get_their_type(model, sentence, label):
    [(top, p)] = model.top([sentence])
    assert top == label, f"{sentence!r}: got {top} ({p:.2f})"


def test_batch_order_is_kept(model):
    # Batches are sorted by length inside; the rows must come back in input order.
    sentences = [s for s, _ in CLEAR] + ["Short one.", "A somewhat longer sentence than that."]
    forward = model.predict_proba(sentences)
    backward = model.predict_proba(sentences[::-1])[::-1]
    np.testing.assert_allclose(forward, backward, atol=1e-5)
    alone = np.vstack([model.predict_proba([s]) for s in sentences])
    # int8 activations are scaled per batch, so values move a little, but not the verdict
    assert (forward.argmax(axis=1) == alone.argmax(axis=1)).all()


def test_empty_batch(model):
    assert model.predict_proba([]).shape == (0, len(model.labels))
    assert model.top([]) == []
    penta = model.penta_proba([])
    assert penta is None or penta.shape == (0, 5)


def test_penta_head_when_present(model):
    penta = model.penta_proba(["Rebels shelled the airport overnight.", "The two leaders met."])
    if not model.has_penta:
        assert penta is None
        return
    assert penta.shape == (2, 5)
    np.testing.assert_allclose(penta.sum(axis=1), 1.0, atol=1e-4)
    assert penta[0].argmax() == 4  # material conflict


def test_bad_input_is_refused_clearly(model):
    with pytest.raises(TypeError, match="list of sentences, not a single string"):
        model.predict_proba("Troops shelled the town.")
    with pytest.raises(TypeError, match="sentence 1 is int"):
        model.predict_proba(["Troops shelled the town.", 42])


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown backend"):
        EventTypeModel(classifier.MODEL_DIR, backend="gpt")


def test_missing_files_give_none(tmp_path, monkeypatch):
    monkeypatch.setattr(classifier, "MODEL_DIR", tmp_path)
    classifier._load_shipped.cache_clear()
    try:
        assert EventTypeModel.load() is None
    finally:
        classifier._load_shipped.cache_clear()
    with pytest.raises(FileNotFoundError):
        EventTypeModel(tmp_path)


def test_speed_floor(model):
    sentences = [s for s, _ in CLEAR] * 40
    start = time.perf_counter()
    model.predict_proba(sentences)
    rate = len(sentences) / (time.perf_counter() - start)
    assert rate > 20, f"{rate:.0f} sentences/s"


def test_features_cover_words_bigrams_and_characters():
    feats = analyze("Troops shelled Aleppo")
    assert "w:troops" in feats and "b:troops shelled" in feats and "c: al" in feats
    assert analyze("") == []


def test_type_probabilities_speak_current_plover_only(model):
    sentences = ["The army withdrew its troops from the border town on Sunday."]
    (probs,) = model.type_probabilities(sentences)
    assert "YIELD" not in probs and "RETREAT" in probs
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    raw = dict(zip(model.labels, model.predict_proba(sentences)[0], strict=True))
    assert probs["RETREAT"] == pytest.approx(raw.get("RETREAT", 0) + raw.get("YIELD", 0), abs=1e-6)
