"""Learned event-type model: PLOVER type probabilities for whole sentences.

Rules find precise CAMEO codes but miss most events; this model gives a probability for
every type so the coder can recover what the rules miss and weigh agreement. Two
backends share one interface, both torch-free at run time:

* ``encoder``: MiniLM-L6 fine-tuned on news sentences, run with onnxruntime + tokenizers
  (needs ``encoder.onnx`` and ``tokenizer.json`` in the model folder);
* ``tfidf``: word and character n-grams with a logistic-regression head, numpy only
  (``tfidf.npz``): the fallback when the encoder files or onnxruntime are absent.

``meta.json`` in ``data/model/`` says which is preferred and how they blend.
The training script is ``scripts/train_event_model.py``; README.md beside the weights
says how they were made.
"""

from __future__ import annotations

import functools
import json
import math
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "data" / "model"
META_FILE = "meta.json"
TFIDF_FILE = "tfidf.npz"
ENCODER_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
ENCODER_THREADS = 1
PENTA_LABELS = [0, 1, 2, 3, 4]  # statement, verbal coop., material coop., verbal/material conflict

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CHAR_NGRAMS = (3, 4, 5)


# PLOVER 1.0's YIELD (concessions with material effect) is today's RETREAT
PLOVER_ALIASES = {"YIELD": "RETREAT"}


def current_types(labels: Sequence[str], probs: Sequence[float]) -> dict[str, float]:
    """Label probabilities -> current PLOVER types, an older label's mass in its successor."""
    merged: dict[str, float] = {}
    for label, p in zip(labels, probs, strict=True):
        key = PLOVER_ALIASES.get(label, label)
        merged[key] = merged.get(key, 0.0) + float(p)
    return merged


def analyze(text: str) -> list[str]:
    """Features of one sentence: word unigrams, bigrams and character n-grams of words.

    Character n-grams let "bombed", "bombing" and "bombardment" share evidence, which
    matters with only a few thousand training sentences.
    """
    words = _WORD.findall(text.lower())
    feats = ["w:" + w for w in words]
    feats += ["b:" + a + " " + b for a, b in zip(words, words[1:], strict=False)]
    for w in words:
        padded = " " + w + " "
        for n in _CHAR_NGRAMS:
            feats += ["c:" + padded[i : i + n] for i in range(len(padded) - n + 1)]
    return feats


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large logits."""
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _check_sentences(sentences: Sequence[str]) -> list[str]:
    """Refuse a bare string (a common slip) and non-text items with a clear message."""
    if isinstance(sentences, str):
        raise TypeError("predict_proba takes a list of sentences, not a single string")
    out = list(sentences)
    for i, s in enumerate(out):
        if not isinstance(s, str):
            raise TypeError(f"sentence {i} is {type(s).__name__}, expected str")
    return out


class TfidfHead:
    """TF-IDF (sublinear tf, l2-normalised) + multinomial logistic regression in numpy."""

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as z:
            vocab = [str(v) for v in z["vocab"]]
            self.idf = z["idf"].astype(np.float32)
            self.coef = z["coef"].astype(np.float32)  # (n_features, n_labels)
            self.intercept = z["intercept"].astype(np.float32)
            self.labels = [str(v) for v in z["labels"]]
        self.index = {f: i for i, f in enumerate(vocab)}
        if self.coef.shape != (len(vocab), len(self.labels)):
            raise ValueError(f"{path}: coef shape {self.coef.shape} does not fit the vocabulary")

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and tf-idf weights of one sentence (the sparse row)."""
        counts = Counter(i for i in map(self.index.get, analyze(text)) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), np.float32, len(counts))
        vals = tf * self.idf[idx]
        return idx, vals / np.linalg.norm(vals)

    def logits(self, sentences: list[str]) -> np.ndarray:
        out = np.tile(self.intercept, (len(sentences), 1))
        for row, text in enumerate(sentences):
            idx, vals = self.features(text)
            if len(idx):
                out[row] += vals @ self.coef[idx]
        return out

    def predict_proba(self, sentences: list[str]) -> np.ndarray:
        return softmax(self.logits(sentences))


class OnnxEncoder:
    """Fine-tuned MiniLM exported to ONNX: logits for PLOVER types and, if trained, penta.

    Dynamic int8 quantization scales activations per batch, so a sentence's probabilities
    shift with its batch-mates. One sentence per run (the default) keeps every sentence's
    result the same whatever document it comes in; it scored as well in cross-validation
    and costs about a third of the throughput of batches of 32.
    """

    def __init__(self, folder: Path, max_length: int, batch_size: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        # one thread: a sentence's matrices are small, so a second thread costs more than it
        # gives (on 2 busy cores 80 vs 40-60 sentences/s, same logits to the bit), and
        # parallelism comes from worker processes, one per core
        opts.intra_op_num_threads = ENCODER_THREADS
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(folder / ENCODER_FILE), opts, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.no_padding()
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.output_names = [o.name for o in self.session.get_outputs()]
        self.batch_size = batch_size

    def logits(self, sentences: list[str]) -> dict[str, np.ndarray]:
        """Run in length-sorted batches so padding stays short; restore the input order."""
        encs = self.tokenizer.encode_batch(sentences) if sentences else []
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        parts: dict[str, list[np.ndarray]] = {name: [] for name in self.output_names}
        for start in range(0, len(order), self.batch_size):
            chunk = [encs[i] for i in order[start : start + self.batch_size]]
            width = max(len(e.ids) for e in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, e in enumerate(chunk):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feed["token_type_ids"] = np.zeros_like(ids)
            for name, value in zip(self.output_names, self.session.run(None, feed), strict=True):
                parts[name].append(value)
        result = {}
        inverse = np.argsort(np.asarray(order, dtype=np.int64))
        for o in self.session.get_outputs():
            if parts[o.name]:
                result[o.name] = np.concatenate(parts[o.name])[inverse]
            else:
                result[o.name] = np.zeros((0, o.shape[-1]), dtype=np.float32)
        return result


class EventTypeModel:
    """PLOVER event-type probabilities for sentences, from the weights shipped in the package."""

    def __init__(self, folder: Path = MODEL_DIR, backend: str | None = None) -> None:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        self.labels: list[str] = list(meta["labels"])
        self.tfidf: TfidfHead | None = None
        self.encoder: OnnxEncoder | None = None
        self.tfidf_weight = float(meta.get("tfidf_weight", 0.0))
        want = backend or meta.get("backend", "tfidf")
        if want not in ("encoder", "tfidf"):
            raise ValueError(f"unknown backend {want!r}: use 'encoder' or 'tfidf'")
        if want == "encoder":
            try:
                self.encoder = OnnxEncoder(
                    folder, int(meta.get("max_length", 128)), int(meta.get("batch_size", 1))
                )
            except ImportError as exc:
                warnings.warn(f"event-type encoder unavailable ({exc}); using TF-IDF", stacklevel=2)
                want = "tfidf"
        if (folder / TFIDF_FILE).exists() and (want == "tfidf" or self.tfidf_weight > 0):
            self.tfidf = TfidfHead(folder / TFIDF_FILE)
            if self.tfidf.labels != self.labels:
                raise ValueError(f"{folder / TFIDF_FILE}: labels differ from {META_FILE}")
        if self.encoder is None and self.tfidf is None:
            raise FileNotFoundError(f"no usable event-type weights in {folder}")
        self.backend = want
        self.name: str = meta["names"][want]
        self.has_penta = self.encoder is not None and "penta" in self.encoder.output_names
        self._last: tuple[list[str], dict[str, np.ndarray]] | None = None

    @classmethod
    def load(cls) -> EventTypeModel | None:
        """The shipped model, loaded once per process; None when its files are not installed."""
        return _load_shipped()

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """Probabilities of each label (columns in ``self.labels`` order); rows sum to 1."""
        texts = _check_sentences(sentences)
        if self.encoder is None:
            assert self.tfidf is not None
            return self.tfidf.predict_proba(texts)
        probs = softmax(self._logits(texts)["plover"]) if texts else self._empty()
        if self.tfidf is not None and self.tfidf_weight > 0 and texts:
            w = self.tfidf_weight
            probs = (1.0 - w) * probs + w * self.tfidf.predict_proba(texts)
        return probs.astype(np.float32)

    def penta_proba(self, sentences: Sequence[str]) -> np.ndarray | None:
        """Five-class probabilities (columns: PENTA_LABELS), or None without a penta head."""
        texts = _check_sentences(sentences)
        if not self.has_penta or self.encoder is None:
            return None
        if not texts:
            return np.zeros((0, len(PENTA_LABELS)), dtype=np.float32)
        return softmax(self._logits(texts)["penta"]).astype(np.float32)

    def type_probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """Per sentence, the probability of each current PLOVER type: labels of older
        drafts the model was trained with (plv_train's YIELD) are summed into theirs."""
        return [current_types(self.labels, row) for row in self.predict_proba(sentences)]

    def top(self, sentences: Sequence[str]) -> list[tuple[str, float]]:
        """The most probable label of each sentence with its probability."""
        probs = self.predict_proba(sentences)
        best = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=np.int64)
        return [(self.labels[j], float(probs[i, j])) for i, j in enumerate(best)]

    def _logits(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Encoder outputs; the last batch is kept so penta_proba after predict_proba is free."""
        assert self.encoder is not None
        last = self._last  # a local reference: safe when threads share the model
        if last is None or last[0] != texts:
            last = (texts, self.encoder.logits(texts))
            self._last = last
        return last[1]

    def _empty(self) -> np.ndarray:
        return np.zeros((0, len(self.labels)), dtype=np.float32)


@functools.cache
def _load_shipped() -> EventTypeModel | None:
    if not (MODEL_DIR / META_FILE).exists():
        return None
    return EventTypeModel(MODEL_DIR)
