"""Law configuration files: overrides for unverified dates and unknown codes; bad files fail in one line."""

import datetime as dt

import pytest

from fourfold.law import LawConfigError, load_config, regime_for
from fourfold.law.config import active_config


def test_toml_overrides_dates_and_codes(tmp_path):
    p = tmp_path / "law.toml"
    p.write_text(
        '[regime_dates]\nprincipal_crime_return = "2023-04-01"\n[ho_offence_codes]\npha_1997_s2 = "X/1"\n'
    )
    cfg = load_config(p)
    assert cfg.regime_dates.principal_crime_return == dt.date(2023, 4, 1)
    assert cfg.ho_offence_code("pha_1997_s2") == "X/1"
    assert regime_for(dt.date(2023, 4, 1), cfg).id == "principal_crime_included"


def test_json_config(tmp_path):
    p = tmp_path / "law.json"
    p.write_text('{"ccb_former_partners_from": "2023-06-01"}')
    assert load_config(p).ccb_former_partners_from == dt.date(2023, 6, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1", "unknown law configuration keys: colour"),
        ('[regime_dates]\nstalking_class_8q = "April"', "not an ISO date"),
        ('[regime_dates]\nsomething = "2020-01-01"', "unknown regime dates"),
        ('[ho_offence_codes]\nno_such = "1/1"', "unknown offence ids"),
        ("this is not toml =", "not valid toml"),
        ('[regime_dates]\nstalking_class_8q = "2019-01-01"', "strictly increasing"),
    ],
)
def test_bad_config_is_one_line_error(tmp_path, text, message):
    p = tmp_path / "law.toml"
    p.write_text(text)
    with pytest.raises(LawConfigError, match=message) as info:
        load_config(p)
    assert "\n" not in str(info.value).strip() or message == "not valid toml"


def test_missing_file(tmp_path):
    with pytest.raises(LawConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_environment_variable_selects_the_file(tmp_path, monkeypatch):
    p = tmp_path / "law.toml"
    p.write_text('[regime_dates]\nex_partner_stalking_default = "2020-05-01"\n')
    monkeypatch.setenv("FOURFOLD_LAW_CONFIG", str(p))
    active_config.cache_clear()
    try:
        assert regime_for(dt.date(2020, 4, 15)).id == "course_of_conduct_in_addition"
    finally:
        monkeypatch.delenv("FOURFOLD_LAW_CONFIG")
        active_config.cache_clear()
    assert regime_for(dt.date(2020, 4, 15)).id == "ex_partner_stalking_default"
