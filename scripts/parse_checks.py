"""Two checks of the parse the coder reads, over the real news stories.

- Verb lemmas the small model's lemmatizer may have stripped to another word: a verb
  whose form less its ending ("hopes" -> "hope") is a verb the patterns know, while its
  lemma ("hop") is not that word. A real one goes into `nlp.VERB_LEMMAS`; most lines are
  other words ("did" is not "die").
- Sentences cut at a paragraph's first word: a one-word sentence opening a paragraph,
  followed by one that starts in lower case ("Pakistan | said Sunday ...").

Usage: python scripts/parse_checks.py [--shared PATH]
(the stories are ../shared/data/news/voa_stories.jsonl, developers' material beside the
repository; without it the script says so and exits 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENDINGS = ("s", "es", "d", "ed", "ing")


def stripped_candidates(word: str) -> set[str]:
    """What a verb form may be with its ending taken off ("hoped" -> "hope", "hop")."""
    found = set()
    for end in ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            stem = word[: -len(end)]
            found.update({stem, stem + "e"})
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = p.parse_args(argv)
    stories = args.shared / "data" / "news" / "voa_stories.jsonl"
    if not stories.is_file():
        print(f"no news stories at {stories}: pass --shared PATH", file=sys.stderr)
        return 2
    from thucydides.events.triggers import TriggerMatcher
    from thucydides.nlp import load_nlp

    verbs = TriggerMatcher.load().verb_lemmas
    nlp = load_nlp()
    texts = [json.loads(line)["text"] for line in stories.open(encoding="utf-8")]
    lemmas: Counter[tuple[str, str, str]] = Counter()
    cuts, sentences = [], 0
    for doc in nlp.pipe(texts, batch_size=8):
        sents = list(doc.sents)
        sentences += len(sents)
        for sent, after in zip(sents, sents[1:], strict=False):
            words = [t for t in sent if not t.is_space]
            rest = after.text.strip()
            if len(words) == 1 and words[0].is_alpha and rest[:1].islower():
                cuts.append(f"{words[0].text} | {rest[:60]}")
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() in verbs:
                continue
            for stem in stripped_candidates(tok.lower_) - {tok.lemma_.lower()}:
                if stem in verbs:
                    lemmas[(tok.lower_, tok.lemma_.lower(), stem)] += 1
    print(f"{len(texts)} stories, {sentences} sentences")
    print(f"verb forms whose lemma may be another word ({len(lemmas)}):")
    for (form, lemma, stem), n in lemmas.most_common():
        print(f"  {n:3d}  {form} -> {lemma} (a pattern verb: {stem})")
    print(f"sentences cut at a paragraph's first word: {len(cuts)}")
    for cut in cuts:
        print(f"  {cut}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
