"""The bundled register: counts, laws per nation, name variants."""

from __future__ import annotations

from collections import Counter

import pytest

from cctv_audit.errors import NotFound
from cctv_audit.registry import (
    get_body,
    iter_bundled_councils,
    list_bodies,
    load_bundled_councils,
    match_body_name,
    regime_for_nation,
)


def test_bundled_register_has_397_current_councils_by_nation():
    records = list(iter_bundled_councils())
    assert len(records) == 397
    assert Counter(r.nation for r in records) == {
        "England": 332,
        "Scotland": 32,
        "Wales": 22,
        "Northern Ireland": 11,
    }
    assert len({r.code for r in records}) == 397


def test_every_body_knows_its_law():
    for record in iter_bundled_councils():
        assert record.regime == ("FOISA" if record.nation == "Scotland" else "FOIA"), record.code
    assert regime_for_nation("Wales") == "FOIA"
    assert regime_for_nation("Northern Ireland") == "FOIA"


def test_loading_twice_creates_no_duplicates(councils):
    with councils.session() as session:
        again = load_bundled_councils(session)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 397)
        assert len(list_bodies(session)) == 397


def test_filters_by_nation_region_type_and_search(councils):
    with councils.session() as session:
        assert len(list_bodies(session, nation="Scotland")) == 32
        assert len(list_bodies(session, nation="scotland")) == 32
        assert len(list_bodies(session, body_type="LBO")) == 32
        assert len(list_bodies(session, body_type="London borough")) == 32
        assert {b.code for b in list_bodies(session, search="edinburgh")} == {"EDH"}
        assert all(b.region == "North West" for b in list_bodies(session, region="north west"))


@pytest.mark.parametrize(
    ("variant", "code"),
    [
        ("Edinburgh", "EDH"),
        ("City of Edinburgh Council", "EDH"),
        ("the city of edinburgh council", "EDH"),
        ("Aberdeen", "ABE"),
        ("Aberdeenshire Council", "ABD"),
        ("Armagh, Banbridge and Craigavon", "ABC"),
        ("Isle of Anglesey County Council", "AGY"),
        ("Cardiff Council", "CRF"),
        ("Birmingham City Council", "BIR"),
        ("London Borough of Camden", "CMD"),
    ],
)
def test_name_variants_resolve_to_one_body(councils, variant, code):
    with councils.session() as session:
        body = match_body_name(session, variant)
        assert body is not None and body.code == code


def test_unknown_or_ambiguous_names_do_not_guess(councils):
    with councils.session() as session:
        assert match_body_name(session, "Council") is None
        assert match_body_name(session, "Atlantis District Council") is None
        with pytest.raises(NotFound, match="Atlantis"):
            get_body(session, "Atlantis")


def test_get_body_by_code_gss_and_id(councils):
    with councils.session() as session:
        edinburgh = get_body(session, "EDH")
        assert get_body(session, "edh").id == edinburgh.id
        assert get_body(session, edinburgh.gss_code).id == edinburgh.id
        assert get_body(session, str(edinburgh.id)).code == "EDH"
