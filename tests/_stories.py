"""Stories and events written for the story-evaluation tests (never shared text): one
invented story with its gold in both forms, coded events shaped like the coder's, and a
stand-in coder that codes words it was given with document offsets."""

from __future__ import annotations

import json
from pathlib import Path

from thucydides.evaluate import stories as st
from thucydides.evaluate.story_gold import story_from_raw
from thucydides.model import Actor, Event, Trigger, event_from_dict
from thucydides.ontology import cameo_record

TEXT = (
    "Ministers Meet In Valletta\n\n"
    "The Maltese and Tunisian foreign ministers met in Valletta on Monday and signed a "
    "fishing accord. "
    "Tunisian coast guards later seized two Maltese trawlers, the ministry said. "
    "The weather was mild all week. "
    "Maltese fishermen protested outside the ministry on Tuesday."
)
S_MEET = TEXT.index("The Maltese")
S_SEIZE = TEXT.index("Tunisian coast")
S_WEATHER = TEXT.index("The weather")
S_PROTEST = TEXT.index("Maltese fishermen")


def sentence_at(start: int) -> str:
    end = TEXT.find(". ", start)
    return TEXT[start : end + 1] if end >= 0 else TEXT[start:]


def gold_event(start, trigger, cameo, plover, src, tgt, modality="actual") -> dict:
    return {
        "sentence": sentence_at(start),
        "trigger": trigger,
        "cameo": cameo,
        "plover": plover,
        "source": None,
        "source_code": src,
        "target": None,
        "target_code": tgt,
        "modality": modality,
        "date": None,
        "note": None,
    }


GOLD_EVENTS = [
    gold_event(S_MEET, "met", "040", "CONSULT", "MLTGOV", "TUNGOV"),
    gold_event(S_MEET, "signed", "057", "AGREE", "MLTGOV", "TUNGOV"),
    gold_event(S_SEIZE, "seized", "171", "COERCE", "TUNMIL", "MLTBUS"),
    gold_event(S_PROTEST, "protested", "141", "PROTEST", "MLTCVL", "MLTGOV"),
    gold_event(S_PROTEST, "protested", "141", "PROTEST", "MLTCVL", None, "intended"),
]


def story_row(events=None, sid="s1", **extra) -> dict:
    row = {"id": sid, "set": "toy", "title": "t", "text": TEXT, "date": "2024-05-06"}
    return row | {"url": None, "events": GOLD_EVENTS if events is None else events} | extra


def coded(
    word: str,
    code: str,
    src: str | None,
    tgt: str | None,
    conf: float = 0.5,
    modality: str = "actual",
    polarity: str = "asserted",
    after: int = 0,
    text: str = TEXT,
) -> dict:
    """A coded event record shaped like the coder's, its trigger `word` found in `text`."""
    start = text.index(word, after)
    cameo, plover = cameo_record(code)
    actor = lambda c: Actor("x", 0, 1, code=c) if c else None  # noqa: E731
    return Event(
        doc_id="s1",
        sentence_index=0,
        sentence="",
        trigger=Trigger(word, start, start + len(word)),
        cameo=cameo,
        plover=plover,
        source=actor(src),
        target=actor(tgt),
        modality=modality,
        polarity=polarity,
        confidence=conf,
    ).to_dict()


def score(events, gold=None, text=TEXT):
    return st.score_story(story_from_raw(story_row(gold) | {"text": text}, text), events)


class StoryCoder:
    """Codes every occurrence of the words it was given, with document offsets."""

    WORDS = {"met": ("040", "MLTGOV", "TUNGOV", 0.8), "seized": ("171", "TUNMIL", "MLT", 0.6)}
    fast = True

    def code(self, text, date=None, doc_id="doc"):
        out = []
        for word, (code, src, tgt, conf) in self.WORDS.items():
            at = text.find(word)
            while at >= 0:
                out.append(event_from_dict(coded(word, code, src, tgt, conf, after=at, text=text)))
                at = text.find(word, at + 1)
        return out

    def code_documents(self, docs, batch_size=32):
        for doc in docs:
            yield doc, self.code(doc.text, doc.date, doc.id)


def write(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def offset_row(sid="s1") -> dict:
    """The story's gold in the offset-only form, written by hand."""
    m = TEXT.index("met")
    sentence = (S_MEET, S_SEIZE - 1)
    return {
        "id": sid,
        "date": "2024-05-06",
        "events": [
            {
                "sentence_start": sentence[0],
                "sentence_end": sentence[1],
                "trigger_start": m,
                "trigger_end": m + 3,
                "source_start": None,
                "source_end": None,
                "target_start": None,
                "target_end": None,
                "cameo": "040",
                "plover": "CONSULT",
                "source_code": "MLTGOV",
                "target_code": "TUNGOV",
                "modality": "actual",
                "date": None,
                "note": None,
            }
        ],
    }
