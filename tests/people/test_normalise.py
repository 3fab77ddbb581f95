from fourfold.people import normalise as n


def test_phones_in_any_uk_format_become_the_same_e164_number():
    forms = ["07700 900123", "+44 7700 900123", "0044 (0)7700-900123", "07700900123"]
    assert {n.phone(f) for f in forms} == {"+447700900123"}


def test_placeholders_identify_nobody():
    assert n.phone("unknown") is None
    assert n.name("N/A") is None
    assert n.email("not known") is None


def test_postcodes_are_standardised_and_split_into_sector_and_outward_code():
    assert n.postcode("ls14ap") == "LS1 4AP"
    assert n.postcode(" sw1a 1aa ") == "SW1A 1AA"
    assert n.postcode_parts("LS1 4AP") == ("LS1 4", "LS1")
    assert n.postcode("2119") == "2119"  # not UK: kept, not lost


def test_dates_of_birth_in_uk_formats_and_swapped_day_month():
    assert n.dob("03/04/1990") == "1990-04-03"
    assert n.dob("19900403") == "1990-04-03"
    assert n.dob("1990-04-03T00:00:00") == "1990-04-03"
    assert n.dob_swapped("1990-04-03") == "1990-03-04"
    assert n.dob_swapped("1990-04-23") is None
    assert n.dob("31/02/1990") == "31021990"  # not a date, still comparable as text


def test_nicknames_share_a_formal_name():
    assert set(n.forename_aliases("bob")) & set(n.forename_aliases("robert"))
    assert set(n.forename_aliases("bill")) & set(n.forename_aliases("william"))
    assert n.forename_canonical("dave") == "david"
    assert not set(n.forename_aliases("bob")) & set(n.forename_aliases("susan"))


def test_soundex_matches_common_misspellings():
    assert n.soundex("robert") == n.soundex("rupert") == "R163"
    assert n.soundex("ashcraft") == "A261"
    assert n.soundex("smith") == n.soundex("smyth")


def test_emails_handles_and_addresses():
    assert n.email(" Jo.Bloggs@Example.COM ") == "jo.bloggs@example.com"
    assert n.email("no-at-sign") is None
    assert n.email_user("jo.bloggs+news@example.com") == "jobloggs"
    assert n.handle("@Night_Owl") == "night_owl"
    assert n.handle("https://www.instagram.com/night_owl/") == "night_owl"
    assert n.address("12, High Street") == n.address("12 high st")
    assert n.house_number("flat 3 12 high st") == "3"
