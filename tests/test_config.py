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
