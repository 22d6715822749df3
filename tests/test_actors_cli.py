"""`thucydides actors lookup` and `thucydides dict check`."""

import pytest

from thucydides.cli import main


def test_lookup_prints_code_and_why(capsys):
    assert main(["actors", "lookup", "Hillary Clinton", "--date", "2011-10-25"]) == 0
    out = capsys.readouterr().out
    assert "USAGOV" in out and "2009-01-21..2013-02-01 covers 2011-10-25" in out


def test_lookup_date_changes_the_role(capsys):
    assert main(["actors", "lookup", "Hillary Clinton", "--date", "2015-06-01"]) == 0
    assert "USAELI" in capsys.readouterr().out


def test_lookup_unknown_name(capsys):
    assert main(["actors", "lookup", "a quiet afternoon"]) == 1
    assert "no actor code" in capsys.readouterr().out


def test_lookup_bad_date(capsys):
    assert main(["actors", "lookup", "Pakistan", "--date", "2011-13-45"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_lookup_without_action(capsys):
    assert main(["actors"]) == 2
    assert "lookup" in capsys.readouterr().err


def test_lookup_with_user_dictionary(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path / "cache"))
    mine = tmp_path / "mine.tsv"
    mine.write_text("River Guard\tgroup\tSDNREB\triver guards\n", encoding="utf-8")
    assert main(["actors", "lookup", "the river guards", "--actors", str(mine)]) == 0
    assert "SDNREB" in capsys.readouterr().out


def test_dict_check_passes_on_shipped_data(capsys):
    assert main(["dict", "check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_dict_check_fails_on_bad_user_file(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "Green Watch\torg\tNGOEVN\n"
        "Two Jobs\tperson\tUSAGOV 2001-01-01..2005-01-01; USAELI 2003-01-01..2006-01-01\n"
        "Nowhere\tcountry\tXYZ\n",
        encoding="utf-8",
    )
    assert main(["dict", "check", "--only-user", "--actors", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1" in out and "NGOEVN" in out
    assert f"{bad}:2" in out and "overlapping" in out
    assert f"{bad}:3" in out and "XYZ" in out
    assert "3 error(s)" in out


def test_dict_check_missing_file(tmp_path, capsys):
    assert main(["dict", "check", "--actors", str(tmp_path / "nope.tsv")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("Zelenskiy", "2024-02-01", "UKRGOV"),
        ("Zelensky", "2024-02-01", "UKRGOV"),
        ("Zelenskyy", "2018-02-01", "UKRELI"),
        ("Peskov", "2024-02-01", "RUSGOV"),
        ("Edmundo González", "2024-08-01", "VENOPP"),
        ("Imamoglu", "2025-03-20", "TUROPP"),
        ("Georgian Dream", "2024-12-01", "GEOGOV"),
        ("African Union", "2024-02-01", "IGOAFRAFU"),
        ("International Criminal Court", "2024-02-01", "IGOJUDICC"),
        ("Rapid Support Forces", "2024-02-01", "SDNREB"),
        ("Venezuela's opposition", "2024-08-01", "VENOPP"),
        ("C.A.R. forces", "2024-02-01", "CAFMIL"),
        ("Erdoğan", "2024-02-01", "TURGOV"),
        ("Kurdish fighters", "2024-02-01", "KURREB"),
        # a minister the generated lists leave "in office" since 2010 is no longer GOV
        ("Abdul Hadi Arghandiwal", "2024-02-01", "AFGELI"),
    ],
)
def test_lookup_actors_of_the_2020s(capsys, name, date, code):
    assert main(["actors", "lookup", name, "--date", date]) == 0
    assert capsys.readouterr().out.split("\n", 1)[0] == f"{name}: {code}"
