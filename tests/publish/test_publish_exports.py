"""Exports: CSV, XLSX, JSON, Datasette-ready SQLite with metadata.json, FollowTheMoney."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3

import pytest
from publish_world import TODAY

from cctv_audit.errors import PublishError
from cctv_audit.publish import PublishOptions, export_survey

OPTIONS = PublishOptions(today=TODAY, redact=False)
TABLES = [
    "surveys",
    "figures",
    "bodies",
    "requests",
    "disclosures",
    "documents",
    "answers",
    "claims",
    "evidence",
    "manufacturers",
]


def test_csv_has_one_file_per_table_with_the_claims(survey_store, tmp_path):
    paths = export_survey(survey_store, "cctv-2026", "csv", tmp_path / "csv", OPTIONS)
    assert [p.stem for p in paths] == TABLES
    with (tmp_path / "csv" / "claims.csv").open(newline="", encoding="utf-8") as handle:
        claims = list(csv.DictReader(handle))
    leeds = {
        (c["maker_id"], c["device_count"]) for c in claims if c["body_name"] == "Leeds City Council"
    }
    assert leeds == {("hikvision", "56"), ("axis", "10")}
    with (tmp_path / "csv" / "bodies.csv").open(newline="", encoding="utf-8") as handle:
        bodies = {b["code"]: b for b in csv.DictReader(handle)}
    assert bodies["GLG"]["category"] == "refused" and bodies["GLG"]["exemptions"] == '["FOISA s31"]'
    assert bodies["MAN"]["category"] == "no_makers" and bodies["MAN"]["status"] == "answered"
    assert len(bodies) == 8
    # "flagged" per body and per claim: the findings library's definition (state-linked by default).
    assert {c: b["flagged"] for c, b in bodies.items() if b["flagged"] == "1"} == {
        "LDS": "1",
        "KEN": "1",
    }
    flagged = {(c["body_name"], c["maker_id"]): c["flagged"] for c in claims}
    assert (
        flagged[("Leeds City Council", "hikvision")] == "1"
        and flagged[("Leeds City Council", "axis")] == "0"
    )
    assert (
        flagged[("City of Westminster", "hikvision")] == "1"
    )  # flagged maker, claim awaiting review
    with (tmp_path / "csv" / "figures.csv").open(newline="", encoding="utf-8") as handle:
        figures = {f["key"]: f for f in csv.DictReader(handle)}
    assert (
        figures["uses_flagged"]["value"],
        figures["uses_flagged"]["base"],
        figures["uses_flagged"]["at_least"],
    ) == ("2", "3", "1")
    assert "vendors.is_state_linked" in figures["uses_flagged"]["definition"]


def test_xlsx_has_a_sheet_per_table_and_repeats_byte_for_byte(survey_store, tmp_path):
    from openpyxl import load_workbook

    first = export_survey(survey_store, "cctv-2026", "xlsx", tmp_path / "a.xlsx", OPTIONS)[0]
    second = export_survey(survey_store, "cctv-2026", "xlsx", tmp_path / "b.xlsx", OPTIONS)[0]
    assert first.read_bytes() == second.read_bytes()
    book = load_workbook(first)
    assert book.sheetnames == TABLES
    header = [c.value for c in book["evidence"][1]]
    assert header[:4] == ["id", "claim_id", "kind", "document_id"]
    quotes = {
        row[header.index("quote")]
        for row in book["evidence"].iter_rows(min_row=2, values_only=True)
    }
    assert "56 Hikvision cameras" in quotes


def test_json_holds_every_table(survey_store, tmp_path):
    path = export_survey(survey_store, "cctv-2026", "json", tmp_path / "out.json", OPTIONS)[0]
    data = json.loads(path.read_text())
    assert list(data["tables"]) == TABLES
    makers = {m["id"]: m for m in data["tables"]["manufacturers"]["rows"]}
    assert makers["hikvision"]["flagged"] is True and makers["axis"]["flagged"] is False
    assert makers["hikvision"]["bodies_using"] == 2 and makers["hikvision"]["bodies_denying"] == 1


def test_sqlite_export_is_served_by_datasette_with_its_metadata(survey_store, tmp_path):
    from datasette.app import Datasette

    db_path, meta_path = export_survey(
        survey_store, "cctv-2026", "sqlite", tmp_path / "cctv.db", OPTIONS
    )
    metadata = json.loads(meta_path.read_text())
    assert metadata["databases"]["cctv"]["tables"]["claims"]["license"]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select count(*) from claims").fetchone()[0] == 6
        fk = connection.execute("pragma foreign_key_list(evidence)").fetchall()
        assert {row[2] for row in fk} == {"claims", "documents"}

    async def fetch():
        ds = Datasette([str(db_path)], metadata=metadata)
        claims = await ds.client.get(
            "/cctv/claims.json?_shape=array&maker_id=hikvision&polarity=uses"
        )
        page = await ds.client.get("/cctv/claims")
        search = await ds.client.get("/cctv/documents.json?_search=FOISA&_shape=array")
        flagged = await ds.client.get(
            "/cctv/claims.json?_shape=array&flagged=1&confirmed=1&polarity=uses"
        )
        figure = await ds.client.get("/cctv/figures.json?_shape=array&key=uses_flagged")
        return claims, page, search, flagged, figure

    claims, page, search, flagged, figure = asyncio.run(fetch())
    assert sorted((r["body_name"], r["maker_id"]) for r in flagged.json()) == [
        ("Kent County Council", "dahua"),
        ("Leeds City Council", "hikvision"),
    ]
    [uses_flagged] = figure.json()
    assert (uses_flagged["value"], uses_flagged["base"], uses_flagged["at_least"]) == (2, 3, 1)
    assert "vendors.is_state_linked" in uses_flagged["definition"]
    assert claims.status_code == 200
    assert sorted(row["body_name"] for row in claims.json()) == [
        "City of Westminster",
        "Leeds City Council",
    ]
    assert (
        page.status_code == 200
        and metadata["databases"]["cctv"]["tables"]["claims"]["title"] in page.text
    )
    assert [row["filename"] for row in search.json()] == ["GLG-reply.txt"]


def test_ftm_entities_are_valid_and_linked(survey_store, tmp_path):
    from followthemoney import model

    path = export_survey(survey_store, "cctv-2026", "ftm", tmp_path / "out.ftm.json", OPTIONS)[0]
    entities = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    by_schema: dict[str, list] = {}
    for entity in entities:
        by_schema.setdefault(entity.schema.name, []).append(entity)
    assert len(by_schema["PublicBody"]) == 8 and len(by_schema["Company"]) == 3
    assert len(by_schema["UnknownLink"]) == 6 and len(by_schema["Document"]) == 7
    ids = {e.id for e in entities}
    for link in by_schema["UnknownLink"]:
        assert (
            link.first("subject") in ids
            and link.first("object") in ids
            and link.first("proof") in ids
        )
    roles = sorted(link.first("role") for link in by_schema["UnknownLink"])
    assert "uses Hikvision (56 devices)" in roles and "does not use Hikvision" in roles


def test_unknown_format_is_refused(survey_store, tmp_path):
    with pytest.raises(PublishError, match="unknown export format 'pdf'"):
        export_survey(survey_store, "cctv-2026", "pdf", tmp_path / "x.pdf", OPTIONS)


def _csv(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_bodies_tell_silent_refused_and_not_held_apart_from_non_users(survey_store, tmp_path):
    export_survey(survey_store, "cctv-2026", "csv", tmp_path / "csv", OPTIONS)
    bodies = {b["code"]: b for b in _csv(tmp_path / "csv" / "bodies.csv")}
    assert {c: b["finding"] for c, b in bodies.items()} == {
        "LDS": "uses",
        "KEN": "uses",
        "BIR": "does not use",
        "GLG": "refused",
        "CRF": "not held",
        "BFS": "no reply",
        "MAN": "answered, no maker named",
        "WSM": "unclear",
    }
    # flagged is 0 only for a body that answered; unknown (empty) for refused, not held and silent ones
    assert {c: b["flagged"] for c, b in bodies.items()} == {
        "LDS": "1",
        "KEN": "1",
        "BIR": "0",
        "MAN": "0",
        "GLG": "",
        "CRF": "",
        "BFS": "",
        "WSM": "",
    }
    # a column per maker; each "uses" traces to a claim of that body
    assert (bodies["LDS"]["hikvision_status"], bodies["LDS"]["hikvision_count"]) == ("uses", "56")
    assert (bodies["LDS"]["axis_status"], bodies["LDS"]["axis_count"]) == ("uses", "10")
    assert (
        bodies["BIR"]["hikvision_status"] == "does not use"
        and bodies["BIR"]["hikvision_count"] == ""
    )
    assert bodies["WSM"]["hikvision_status"] == "uses (awaiting review)"
    assert bodies["GLG"]["hikvision_status"] == "" and bodies["BFS"]["dahua_status"] == ""
    claims = _csv(tmp_path / "csv" / "claims.csv")
    for code, body in bodies.items():
        for maker in ("hikvision", "dahua", "axis"):
            if body[f"{maker}_status"].startswith("uses"):
                assert any(
                    c["body_id"] == body["id"]
                    and c["maker_id"] == maker
                    and c["polarity"] == "uses"
                    for c in claims
                ), (code, maker)
    assert bodies["LDS"]["replied_on"] == "2026-03-16" and bodies["BFS"]["replied_on"] == ""


def test_answers_are_after_review_and_documents_named_by_body_and_date(councils, tmp_path):
    from openpyxl import load_workbook
    from publish_world import build_fixture_survey

    from cctv_audit import findings
    from cctv_audit.answers.models import AnswerRecord
    from cctv_audit.documents.models import Document

    build_fixture_survey(councils)
    with councils.session() as session:
        doc = session.query(Document).filter_by(filename="MAN-reply.txt").one()
        answer = session.query(AnswerRecord).filter_by(document_id=doc.id).one()
        findings.review_field(
            session,
            answer.id,
            "outcome",
            "correct",
            after="partially_disclosed",
            reason="makers withheld",
            reviewer="editor",
        )
        findings.review_field(
            session,
            answer.id,
            "total_cameras",
            "correct",
            after=140,
            reason="stated in the reply",
            reviewer="editor",
        )
        answer_id = answer.id
    path = export_survey(councils, "cctv-2026", "xlsx", tmp_path / "out.xlsx", OPTIONS)[0]
    book = load_workbook(path)

    def rows(sheet):
        values = list(book[sheet].iter_rows(values_only=True))
        return [dict(zip(values[0], row)) for row in values[1:]]

    [man] = [a for a in rows("answers") if a["id"] == answer_id]
    assert (man["outcome"], man["total_cameras"]) == ("partially_disclosed", 140)
    assert (
        man["corrected_fields"] == '["outcome", "total_cameras"]'
        and man["reviewed_by"] == '["editor"]'
    )
    bodies = {b["code"]: b for b in rows("bodies")}
    assert bodies["MAN"]["outcome"] == "partially_disclosed"
    documents = {d["body_name"]: d for d in rows("documents")}
    assert documents["Glasgow City Council"]["title"] == "Glasgow City Council: reply of 2026-03-16"
    assert documents["Glasgow City Council"]["name"].startswith("GLG-2026-03-16-reply-")
    assert documents["Glasgow City Council"]["body_id"] == bodies["GLG"]["id"]


def test_exports_redact_the_requester_by_default(survey_store, tmp_path):
    export_survey(survey_store, "cctv-2026", "csv", tmp_path / "csv", PublishOptions(today=TODAY))
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "csv").iterdir())
    assert "jane.smith@example.org" not in text and "Smith" not in text
    export_survey(
        survey_store,
        "cctv-2026",
        "csv",
        tmp_path / "plain",
        PublishOptions(today=TODAY, redact=False),
    )
    assert "jane.smith@example.org" in (tmp_path / "plain" / "documents.csv").read_text(
        encoding="utf-8"
    )
