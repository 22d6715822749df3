"""User pattern files: `thucydides patterns check`, `code --patterns`, `ingest --patterns`,
`[patterns] files` in thucydides.toml and THUCYDIDES_PATTERNS."""

import json

import pytest

from thucydides.cli import main

# a verb the package has no pattern for, a narrower pattern for one it has, a verb default
# and a noun: each changes what the sentences below give
GOOD = """\
# patterns written for these tests
patterns:
  - {id: excoriate, verb: excoriate, code: "111"}
  - {id: pummel+town, verb: pummel, obj: [town, city, village], code: "195"}
defaults:
  upbraid: "111"
nouns:
  - {id: drone_raid, noun: raid, mods: [[drone]], code: "195"}
"""
SENTENCE = "The minister excoriated the ambassador."

BAD = """\
patterns:
  - {id: a, verb: excoriate, code: "999"}
  - {id: b, verb: pummel, colour: red, code: "190"}
  - {id: c, verb: hit, obj: ["&nosuchset"], code: "190"}
  - {id: a, verb: smash, code: "190"}
  - {verb: smash, code: "190"}
  - {id: d, verb: "two words", code: "190"}
  - {id: e, verb: hit, code: 190}
  - {id: f, verb: hit, passive: maybe, code: "190"}
defaults:
  upbraid: "9x"
nouns:
  - {id: n1, noun: raid, code: "12345"}
extra: 1
"""


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("THUCYDIDES_PATTERNS", raising=False)
    monkeypatch.delenv("THUCYDIDES_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def _file(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _events(capsys, argv):
    assert main(argv) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]


def test_check_passes_on_the_package_and_a_good_file(tmp_path, capsys):
    assert main(["patterns", "check"]) == 0
    assert ": OK" in capsys.readouterr().out
    assert main(["patterns", "check", "--patterns", str(_file(tmp_path, GOOD))]) == 0
    assert "1 user file(s)" in capsys.readouterr().out


def test_check_lists_every_problem_with_file_line_and_id(tmp_path, capsys):
    path = _file(tmp_path, BAD)
    assert main(["patterns", "check", "--patterns", str(path)]) == 1
    out = capsys.readouterr().out
    expected = [
        f"{path}, line 2, pattern 'a': '999' is not a CAMEO event code",
        f"{path}, line 3, pattern 'b': unknown keys ['colour']",
        f"{path}, line 4, pattern 'c': unknown synonym set &nosuchset",
        f"{path}, line 5, pattern 'a': id used twice in this file",
        f"{path}, line 6, pattern '?': a pattern needs id, verb and code",
        f"{path}, line 7, pattern 'd': verb must be one lemma",
        f"{path}, line 8, pattern 'e': 190 is not a CAMEO event code",
        f"{path}, line 9, pattern 'f': passive must be true or false",
        f"{path}: default of 'upbraid': '9x' is not a CAMEO event code",
        f"{path}, line 13, pattern 'n1': '12345' is not a CAMEO event code",
        f"{path}: unknown section 'extra'",
    ]
    for line in expected:
        assert line in out
    assert "11 error(s)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("patterns: [unclosed\n", "is not valid YAML at line 2"),
        ("- just\n- a list\n", "must be a YAML mapping"),
        (b"\x00\x01binary", "is a binary file"),
        (b"\xff\xfe bad", "is not UTF-8 text"),
    ],
)
def test_unreadable_files_are_one_sentence_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "user.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    for argv in (
        ["patterns", "check", "--patterns", str(path)],
        ["code", "-", "--fast", "--patterns", str(path)],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_directory_is_no_pattern_file(tmp_path, capsys):
    assert main(["patterns", "check", "--patterns", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_code_with_bad_patterns_names_the_first_and_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(SENTENCE))
    assert main(["code", "-", "--fast", "--patterns", str(_file(tmp_path, BAD))]) == 2
    err = capsys.readouterr().err
    assert "11 bad pattern(s)" in err and "patterns check" in err and err.count("\n") == 1


def test_check_without_action(capsys):
    assert main(["patterns"]) == 2
    assert "patterns check" in capsys.readouterr().err


def test_code_patterns_add_a_verb_and_name_the_rule(tmp_path, capsys, monkeypatch):
    text = tmp_path / "story.txt"
    text.write_text(SENTENCE + "\n", encoding="utf-8")
    base = ["code", str(text), "--fast", "--date", "2024-03-01", "--format", "jsonl"]
    assert _events(capsys, base) == []
    events = _events(capsys, [*base, "--patterns", str(_file(tmp_path, GOOD))])
    assert [(e["cameo"]["code"], e["evidence"]["rule"]) for e in events] == [
        ("111", "mine.yaml:excoriate")
    ]


def test_user_patterns_override_the_package(tmp_path, capsys):
    text = tmp_path / "story.txt"
    text.write_text("Government troops pummeled the town overnight.\n", encoding="utf-8")
    base = ["code", str(text), "--fast", "--date", "2024-03-01", "--format", "jsonl"]
    before = _events(capsys, base)
    assert [e["cameo"]["code"] for e in before] == ["190"]
    after = _events(capsys, [*base, "--patterns", str(_file(tmp_path, GOOD))])
    assert [(e["cameo"]["code"], e["evidence"]["rule"]) for e in after] == [
        ("195", "mine.yaml:pummel+town")
    ]


def test_config_file_and_environment_name_pattern_files(tmp_path, capsys, monkeypatch):
    text = tmp_path / "story.txt"
    text.write_text(SENTENCE + "\n", encoding="utf-8")
    argv = ["code", str(text), "--fast", "--date", "2024-03-01", "--format", "jsonl"]
    _file(tmp_path, GOOD, "conf.yaml")
    (tmp_path / "thucydides.toml").write_text('[patterns]\nfiles = ["conf.yaml"]\n')
    assert [e["evidence"]["rule"] for e in _events(capsys, argv)] == ["conf.yaml:excoriate"]
    (tmp_path / "thucydides.toml").unlink()
    monkeypatch.setenv("THUCYDIDES_PATTERNS", str(_file(tmp_path, GOOD, "env.yaml")))
    assert [e["evidence"]["rule"] for e in _events(capsys, argv)] == ["env.yaml:excoriate"]
    monkeypatch.setenv("THUCYDIDES_PATTERNS", str(tmp_path / "missing.yaml"))
    assert main(argv) == 2
    assert "pattern file" in capsys.readouterr().err


def test_ingest_patterns_reach_the_store(tmp_path, capsys):
    story = tmp_path / "news" / "one.txt"
    story.parent.mkdir()
    story.write_text(SENTENCE + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    mine = _file(tmp_path, GOOD)
    assert (
        main(["ingest", str(story.parent), "--db", str(db), "--fast", "--patterns", str(mine)]) == 0
    )
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT cameo_code FROM events").fetchall()
    assert rows == [("111",)]


def test_ingest_with_a_bad_pattern_file_exits_2(tmp_path, capsys):
    story = tmp_path / "one.txt"
    story.write_text(SENTENCE + "\n", encoding="utf-8")
    bad = _file(tmp_path, BAD)
    assert (
        main(["ingest", str(story), "--db", str(tmp_path / "x.duckdb"), "--patterns", str(bad)])
        == 2
    )
    assert "bad pattern(s)" in capsys.readouterr().err
