"""Evaluation with stored (out-of-fold) event-type probabilities in place of the model."""

from __future__ import annotations

import json

import pytest

from thucydides.cli import main
from thucydides.coder import Coder
from thucydides.errors import UserError
from thucydides.evaluate.stored import MissingSentence, StoredTypeProbabilities

LABELS = ("ASSAULT", "PROTEST", "RETREAT", "YIELD")


def table(path, rows: dict[str, tuple[float, ...]]):
    with path.open("w", encoding="utf-8") as f:
        for text, probs in rows.items():
            f.write(
                json.dumps(
                    {"text": text, "fold": 0, "probs": dict(zip(LABELS, probs, strict=True))}
                )
                + "\n"
            )
    return path


def test_stored_probabilities_speak_current_types_and_name_a_missing_sentence(tmp_path):
    stored = StoredTypeProbabilities(table(tmp_path / "t.jsonl", {"A b.": (0.1, 0.2, 0.3, 0.4)}))
    assert stored.type_probabilities(["A b."]) == [
        pytest.approx({"ASSAULT": 0.1, "PROTEST": 0.2, "RETREAT": 0.7})
    ]
    with pytest.raises(
        MissingSentence, match="no stored type probabilities for the sentence 'C d.'"
    ):
        stored.type_probabilities(["C d."])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No type-probability file at"),
        ("{oops\n", "line 1 is not a type-probability record"),
        ('{"text": "A."}\n', "line 1 is not a type-probability record"),
        ("\n", "holds no type probabilities"),
    ],
)
def test_a_bad_probability_file_is_one_clear_sentence(tmp_path, content, message):
    path = tmp_path / "t.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        StoredTypeProbabilities(path)


def test_eval_codes_with_the_stored_probabilities(tmp_path, nlp, capsys):
    gold = tmp_path / "g.jsonl"
    rows = [
        {
            "id": "1",
            "text": "Kenyan farmers waited outside the parliament in Nairobi on Monday.",
            "events": [{"plover": "PROTEST"}],
        },
        {"id": "2", "text": "Police arrested two men in Lyon.", "events": [{"plover": "ASSAULT"}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    probs = table(tmp_path / "oof.jsonl", {rows[0]["text"]: (0.02, 0.95, 0.02, 0.01)})
    errors = tmp_path / "errors.jsonl"
    assert (
        main(["eval", str(gold), "--type-probabilities", str(probs), "--errors", str(errors)]) == 0
    )
    out, err = capsys.readouterr()
    assert "out-of-fold probabilities from oof.jsonl" in out
    assert "2: the coder failed (MissingSentence: no stored type probabilities" in err
    failed = {json.loads(x)["id"] for x in errors.read_text().splitlines()}
    assert failed == {"2"}  # the stored PROTEST coded sentence 1 with no pattern needed
    # no pattern fires there (and "waited" is no copula, on which the model never sits):
    # the event is the stored probabilities' alone
    (event,) = Coder(model=StoredTypeProbabilities(probs)).code(rows[0]["text"])
    assert (event.plover.event_type, event.evidence["rule"]) == ("PROTEST", None)


def test_fast_and_stored_probabilities_do_not_mix(capsys):
    assert main(["eval", "g.jsonl", "--fast", "--type-probabilities", "t.jsonl"]) == 2
    assert "--type-probabilities: not allowed with argument --fast" in capsys.readouterr().err
