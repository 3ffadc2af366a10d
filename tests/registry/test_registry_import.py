"""Importing further bodies from CSV: bad rows reported by line, good rows load, re-import updates."""

from __future__ import annotations

from pathlib import Path

import pytest

from cctv_audit.errors import InputError
from cctv_audit.registry import get_body, import_bodies_csv, list_bodies

GOOD_AND_BAD = """name,nation,body_type,code,foi_email,population,email_domains,alt_names
Police Scotland,Scotland,police,police-scotland,foi@scotland.police.uk,,,PSoS
Greater Manchester Police,England,police,gmp,foi@gmp.police.uk,2800000,gmp.police.uk,GMP
Nowhere Trust,Atlantis,nhs_trust,,,,,
,England,police,,,,,
Leeds Teaching Hospitals NHS Trust,England,nhs_trust,,not-an-email,,,
University of Wales Trinity Saint David,Wales,university,,,lots,,
Ministry of Defence,UK,central_government,mod,,,,MoD
Duplicate GMP,England,police,gmp,,,,
"""


def write(tmp_path: Path, text: str, name: str = "bodies.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_reported_with_line_and_reason_and_good_rows_load(store, tmp_path):
    path = write(tmp_path, GOOD_AND_BAD)
    with store.session() as session:
        result = import_bodies_csv(session, path)
        assert result.created == 3
        problems = {p.line: p.reason for p in result.problems}
        assert set(problems) == {4, 5, 6, 7, 9}
        assert "Atlantis" in problems[4]
        assert "'name' is empty" in problems[5]
        assert "not-an-email" in problems[6]
        assert "population" in problems[7]
        assert "repeats line 3" in problems[9]


def test_law_follows_the_nation_and_uk_wide_bodies_use_foia(store, tmp_path):
    with store.session() as session:
        import_bodies_csv(session, write(tmp_path, GOOD_AND_BAD))
        assert get_body(session, "police-scotland").regime == "FOISA"
        assert get_body(session, "gmp").regime == "FOIA"
        mod = get_body(session, "mod")
        assert (mod.nation, mod.regime) == ("United Kingdom", "FOIA")
        assert get_body(session, "police-scotland").email_domains == ["scotland.police.uk"]


def test_reimport_updates_without_duplicates(store, tmp_path):
    with store.session() as session:
        import_bodies_csv(session, write(tmp_path, GOOD_AND_BAD))
        changed = GOOD_AND_BAD.replace("2800000", "2900000")
        result = import_bodies_csv(session, write(tmp_path, changed, "again.csv"))
        assert (result.created, result.updated, result.unchanged) == (0, 1, 2)  # only gmp changed
        assert get_body(session, "gmp").source == "import:again.csv"
        assert get_body(session, "gmp").population == 2_900_000
        assert len(list_bodies(session, body_type="police")) == 2


def test_missing_columns_name_the_file(store, tmp_path):
    path = write(tmp_path, "title,country\nX,England\n")
    with store.session() as session, pytest.raises(InputError, match=r"bodies.csv: missing column"):
        import_bodies_csv(session, path)


def test_missing_file_is_a_clear_error(store, tmp_path):
    with store.session() as session, pytest.raises(InputError, match="file not found"):
        import_bodies_csv(session, tmp_path / "nope.csv")


def test_a_partial_file_changes_only_its_columns(councils, tmp_path):
    """Adding FOI addresses to bundled councils must not erase what the register knows of them."""
    with councils.session() as session:
        before = get_body(session, "EDH")
        kept = {
            k: getattr(before, k)
            for k in (
                "gss_code",
                "region",
                "wdtk_id",
                "body_type_name",
                "short_name",
                "population",
                "alt_names",
            )
        }
        old_domains = set(before.email_domains or [])
    partial = "code,name,nation,body_type,foi_email\nEDH,City of Edinburgh Council,Scotland,SCO,foi@edin.test\n"
    with councils.session() as session:
        result = import_bodies_csv(session, write(tmp_path, partial))
        assert (result.created, result.updated) == (0, 1)
        after = get_body(session, "EDH")
        assert after.foi_email == "foi@edin.test"
        assert {k: getattr(after, k) for k in kept} == kept
        assert set(after.email_domains) == old_domains | {"edin.test"}


def test_an_update_file_needs_only_code_and_the_columns_it_changes(councils, tmp_path):
    """What a campaigner has: a list of FOI addresses by council code. Unknown codes are reported."""
    rows = (
        "code,foi_email\nEDH,foi@edinburgh.gov.test\nlds,foi@leeds.gov.test\nNOPE,foi@nowhere.test\n"
        "CRF,not-an-address\nEDH,again@edinburgh.gov.test\n"
    )
    with councils.session() as session:
        gss, source = get_body(session, "EDH").gss_code, get_body(session, "EDH").source
        result = import_bodies_csv(session, write(tmp_path, rows))
        assert (result.created, result.updated) == (0, 2)
        assert [(p.line, p.reason.split(";")[0]) for p in result.problems] == [
            (4, "code 'NOPE' is not in the registry"),
            (5, "foi_email 'not-an-address' is not an email address"),
            (6, "code 'EDH' repeats line 2"),
        ]
        edinburgh = get_body(session, "EDH")
        assert (edinburgh.foi_email, edinburgh.gss_code) == ("foi@edinburgh.gov.test", gss)
        assert edinburgh.source == source  # an address added is not a new origin for the row
        assert "edinburgh.gov.test" in edinburgh.email_domains
        assert get_body(session, "LDS").foi_email == "foi@leeds.gov.test"
        again = import_bodies_csv(
            session, write(tmp_path, "code,foi_email\nEDH,foi@edinburgh.gov.test\n", "b.csv")
        )
        assert (again.updated, again.unchanged) == (0, 1)


def test_a_file_without_code_or_the_required_columns_is_refused_with_the_fix(store, tmp_path):
    with store.session() as session, pytest.raises(InputError, match="code,foi_email"):
        import_bodies_csv(session, write(tmp_path, "name,foi_email\nLeeds,foi@leeds.gov.test\n"))
