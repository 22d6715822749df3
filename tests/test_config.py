"""User actor dictionaries from thucydides.toml and THUCYDIDES_ACTORS."""

import pytest

from thucydides import config
from thucydides.cli import main
from thucydides.errors import UserError

ENTRY = "Zorvian Liberation Front\tgroup\tNGAREB\tZLF\n"


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    monkeypatch.delenv("THUCYDIDES_CONFIG", raising=False)
    monkeypatch.delenv("THUCYDIDES_ACTORS", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_config_means_no_extra_files(clean_env):
    assert config.actor_files() == []


def test_toml_file_in_working_directory(clean_env):
    (clean_env / "mine.tsv").write_text(ENTRY)
    (clean_env / "thucydides.toml").write_text('[actors]\nfiles = ["mine.tsv"]\n')
    assert config.actor_files() == [str(clean_env / "mine.tsv")]


def test_environment_variable(clean_env, monkeypatch):
    (clean_env / "env.tsv").write_text(ENTRY)
    monkeypatch.setenv("THUCYDIDES_ACTORS", str(clean_env / "env.tsv"))
    assert config.actor_files() == [str(clean_env / "env.tsv")]


@pytest.mark.parametrize(
    "toml",
    ["[actors\nfiles = 1", '[actors]\nfiles = "one.tsv"\n', '[actors]\nfiles = ["missing.tsv"]\n'],
)
def test_bad_config_is_a_clear_user_error(clean_env, toml):
    (clean_env / "thucydides.toml").write_text(toml)
    with pytest.raises(UserError):
        config.actor_files()


def test_configured_dictionary_reaches_the_coder(clean_env, capsys):
    (clean_env / "mine.tsv").write_text(ENTRY)
    (clean_env / "thucydides.toml").write_text('[actors]\nfiles = ["mine.tsv"]\n')
    (clean_env / "story.txt").write_text("The Zorvian Liberation Front attacked an army base.")
    assert main(["code", "story.txt", "--format", "csv", "--fast"]) == 0
    assert "NGAREB" in capsys.readouterr().out


def test_bad_config_stops_the_cli_with_exit_2(clean_env, capsys):
    (clean_env / "thucydides.toml").write_text("[actors\n")
    (clean_env / "story.txt").write_text("Chile recalled its envoy.")
    assert main(["code", "story.txt"]) == 2
    assert "not valid TOML" in capsys.readouterr().err


# -- [documents] date: the publication date of documents that carry none ---------------


@pytest.mark.parametrize("value", ['"2025-03-03"', "2025-03-03"])  # a string or a TOML date
def test_default_date_from_the_config(clean_env, value):
    (clean_env / "thucydides.toml").write_text(f"[documents]\ndate = {value}\n")
    assert config.default_date() == "2025-03-03"


def test_no_default_date_without_a_config(clean_env):
    assert config.default_date() is None
    (clean_env / "thucydides.toml").write_text("[actors]\nfiles = []\n")
    assert config.default_date() is None


@pytest.mark.parametrize("value", ['"03/03/2025"', '"2025-03"', "20250303", '["2025-03-03"]'])
def test_bad_default_date_is_one_sentence_and_exit_2(clean_env, capsys, value):
    (clean_env / "thucydides.toml").write_text(f"[documents]\ndate = {value}\n")
    (clean_env / "story.txt").write_text("Chile recalled its envoy.")
    assert main(["code", "story.txt", "--fast"]) == 2
    err = capsys.readouterr().err
    assert "[documents] date" in err and "Traceback" not in err and err.count("\n") == 1


def test_config_date_dates_what_has_none_and_given_date_wins(clean_env, capsys):
    import json

    (clean_env / "thucydides.toml").write_text('[documents]\ndate = "2025-03-03"\n')
    (clean_env / "story.txt").write_text("Chile recalled its ambassador from Peru.")
    (clean_env / "wire.txt").write_text("SANTIAGO, Feb 24 (AP) - Chile recalled its envoy to Peru.")
    assert main(["code", "story.txt", "wire.txt", "--format", "jsonl", "--fast"]) == 0
    out = capsys.readouterr()
    by_doc = {json.loads(line)["doc_id"]: json.loads(line)["date"] for line in out.out.splitlines()}
    assert by_doc == {"story.txt": "2025-03-03", "wire.txt": "2025-02-24"}  # the year from config
    assert "no date" not in out.err
    assert main(["code", "story.txt", "--format", "jsonl", "--fast", "--date", "2024-01-02"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["date"] == "2024-01-02"
