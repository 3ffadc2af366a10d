"""`cctv-audit serve`: the factory each uvicorn worker calls, configured from the environment."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cctv_audit.web.app import app_from_environment


def test_worker_factory_opens_the_store_named_by_the_environment(store, monkeypatch):
    monkeypatch.setenv("CCTV_AUDIT_DB", store.url)
    monkeypatch.setenv("CCTV_AUDIT_DATA", str(store.data_dir))
    monkeypatch.setenv("CCTV_AUDIT_WEB_SECURE", "0")
    monkeypatch.delenv("CCTV_AUDIT_SECRET_KEY", raising=False)
    app = app_from_environment()
    with TestClient(app) as client:  # plain http: the cookie is not marked Secure
        assert client.get("/healthz").json() == {"ok": True}
        response = client.get("/login")
        assert "secure" not in response.headers["set-cookie"].lower()
        assert "strict-transport-security" not in response.headers
    key = store.data_dir / "web-secret.key"
    assert (
        key.exists() and oct(key.stat().st_mode & 0o777) == "0o600" and len(key.read_text()) >= 40
    )
    again = app_from_environment()  # a second worker signs with the same key
    with TestClient(again) as other:
        other.cookies.update(client.cookies)
        assert other.get("/api/me").status_code == 200
