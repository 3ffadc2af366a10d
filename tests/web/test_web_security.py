"""Security: untrusted reply text is inert, CSRF everywhere, strict CSP, cookies, redirects, throttling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtest_support import PASSWORDS, csrf_from, login

from cctv_audit.web.security import CONTENT_SECURITY_POLICY, safe_next

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "cctv_audit" / "web" / "templates"
# Escaped text keeps the words but has no literal "<" or '"', so none of these can appear.
LIVE_MARKUP = (
    "<script>",
    "<img",
    'onerror="',
    'onmouseover="',
    'href="javascript:',
    "<div onmouseover",
)


def assert_inert(html: str) -> None:
    assert html.count("<script") == html.count('<script src="/static/app.js" defer></script>')
    for needle in LIVE_MARKUP:
        assert needle not in html, f"untrusted markup {needle!r} reached the page unescaped"


def test_hostile_reply_is_escaped_on_document_review_and_inbox_pages(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    for url in (
        f"/team/documents/{seed.evil_document}",
        f"/team/review/{seed.answer_evil}",
        "/team/inbox",
        f"/team/review/{seed.answer_evil}/panel",
    ):
        html = client.get(url).text
        assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html, url
        assert_inert(html)


def test_email_html_is_sanitised_not_trusted(seeded, client_as):
    _, seed = seeded
    html = client_as("viewer").get(f"/team/documents/{seed.html_document}").text
    section = html.split("Original HTML (sanitised)")[1]
    assert "click here" in section and "hover" in section  # the text survives...
    assert_inert(section)  # ...its script, handlers and javascript: link do not
    assert "alert(" not in section.replace("&#34;", "")


def test_evidence_highlight_escapes_every_piece():
    from cctv_audit.web.rendering import highlight

    text = "<b>We</b> use <script>Hikvision</script>"
    start = text.index("Hikvision")
    out = str(highlight(text, [{"start": start, "end": start + 9, "field": 'in_use"><script>'}]))
    assert "<script>" not in out and "<b>" not in out
    assert '<mark id="ev-0" class="ev ev-in_use&#34;&gt;&lt;script&gt;"' in out
    assert ">Hikvision</mark>" in out


def test_templates_have_no_inline_script_style_or_handlers_and_no_safe_filter():
    for path in TEMPLATES.rglob("*.html"):
        source = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), f"inline script in {path.name}"
        assert not re.search(r"\son[a-z]+\s*=", source), f"event handler attribute in {path.name}"
        assert "style=" not in source and "<style" not in source, f"inline style in {path.name}"
        assert "|safe" not in source.replace(" ", ""), f"|safe in {path.name}"


@pytest.mark.parametrize(
    "url", ["/", "/login", "/api/statistics", "/static/app.css", "/nope", "/team"]
)
def test_security_headers_on_every_response(client, url):
    response = client.get(url, follow_redirects=False)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert (
        "script-src 'self'" in CONTENT_SECURITY_POLICY
        and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["strict-transport-security"].startswith("max-age=")


def post_routes(app) -> list[str]:
    from test_web_policy import app_routes

    return [path for method, path in app_routes(app) if method == "POST"]


def test_every_post_without_or_with_a_wrong_csrf_token_is_refused(seeded, client_as):
    from test_web_policy import FORMS, JSON, concrete

    _, seed = seeded
    client = client_as("admin")
    for template in post_routes(client.app):
        url = concrete(template, seed)
        if template in JSON:
            missing = client.post(url, json=JSON[template])
            wrong = client.post(url, json=JSON[template], headers={"X-CSRF-Token": "forged"})
        else:
            missing = client.post(url, data=FORMS.get(template, {}), follow_redirects=False)
            wrong = client.post(
                url,
                data={**FORMS.get(template, {}), "csrf_token": "forged"},
                follow_redirects=False,
            )
        assert missing.status_code == 403, f"POST {template} without a token: {missing.status_code}"
        assert wrong.status_code == 403, f"POST {template} with a wrong token: {wrong.status_code}"
    assert client.get("/team").status_code == 200  # still signed in: /logout was refused too


def test_session_cookie_is_secure_httponly_samesite(client):
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "viewer", "password": PASSWORDS["viewer"], "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert (
        "cctv_session=" in cookie
        and "secure" in cookie
        and "httponly" in cookie
        and "samesite=lax" in cookie
    )


def test_public_pages_set_no_cookie(client):
    assert "set-cookie" not in client.get("/").headers


def test_sign_in_starts_a_new_session(client):
    client.get("/login")
    before = client.cookies.get("cctv_session")
    login(client, "viewer")
    assert client.cookies.get("cctv_session") != before


def test_wrong_password_then_throttled(client):
    token = csrf_from(client.get("/login").text)
    for _ in range(5):
        bad = client.post(
            "/login", data={"username": "editor", "password": "not-it-at-all", "csrf_token": token}
        )
        assert bad.status_code == 401 and "Wrong user name or password" in bad.text
    right = client.post(
        "/login",
        data={"username": "editor", "password": PASSWORDS["editor"], "csrf_token": token},
        follow_redirects=False,
    )
    assert right.status_code == 429 and "too many failed sign-ins" in right.text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "\\\\evil",
        "/\r\nSet-Cookie:x",
        "http:/evil.example",
        "/\t/evil.example",
        "",
        None,
    ],
)
def test_next_address_must_be_a_local_path(target):
    assert safe_next(target) == "/team"


def test_local_next_is_kept():
    assert safe_next("/team/review/3?skip=1") == "/team/review/3?skip=1"


def test_sign_in_ignores_a_foreign_next_address(client):
    token = csrf_from(client.get("/login?next=https://evil.example/").text)
    data = {
        "username": "viewer",
        "password": PASSWORDS["viewer"],
        "csrf_token": token,
        "next": "//evil.example/x",
    }
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/team"


def test_login_page_escapes_reflected_input(client):
    token = csrf_from(client.get("/login?next=/team%22%3E%3Cscript%3E").text)
    response = client.post(
        "/login",
        data={
            "username": '"><script>x</script>',
            "password": "nope-nope-nope",
            "csrf_token": token,
            "next": '/"><script>',
        },
    )
    assert "<script>x" not in response.text and '"><script>' not in response.text


def test_api_write_needs_csrf_header_even_when_signed_in(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    body = {"field": "outcome", "action": "accept"}
    assert client.post(f"/api/review/{seed.answer_axis}", json=body).status_code == 403
    ok = client.post(
        f"/api/review/{seed.answer_axis}", json=body, headers={"X-CSRF-Token": client.csrf}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["item"]["fields"][0]["review"] == "accept"


def test_session_cookie_from_another_key_is_ignored(bare_app, store):
    from cctv_audit.web import create_app

    with TestClient(bare_app, base_url="https://testserver") as first:
        login(first, "admin")
        stolen = first.cookies.get("cctv_session")
    other = create_app(store, secret_key="a-different-secret-key-entirely")
    with TestClient(
        other, base_url="https://testserver", cookies={"cctv_session": stolen}
    ) as second:
        assert second.get("/team", follow_redirects=False).status_code == 303
