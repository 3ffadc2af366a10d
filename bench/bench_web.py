"""Public page latency under load: 5 survey rounds x 400 bodies, 50 concurrent clients (wrk).

The server runs in its own process (uvicorn, as `cctv-audit serve` runs it); wrk,
a second process, keeps 50 connections busy on a mix of public pages and API reads
and reports latency percentiles. Cold figures are the first render of each page
after start-up (nothing cached).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROUNDS = 5
BODIES = 400
CONNECTIONS = 50
DURATION_S = 15
WORKERS = 2
MAKERS = ["Hikvision", "Dahua", "Axis", "Bosch", "Hanwha", "Avigilon", "Uniview"]
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT {\\"p50\\": %%d, \\"p95\\": %%d, \\"p99\\": %%d, \\"requests\\": %%d, \\"errors\\": %%d, \\"seconds\\": %%f}\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.duration / 1e6))
end
"""


def _bodies(session) -> list:
    from cctv_audit.registry import Body, load_bundled_councils

    load_bundled_councils(session)
    bodies = list(session.query(Body).order_by(Body.id))
    for n in range(BODIES - len(bodies)):
        body = Body(code=f"BENCH{n}", name=f"Bench Police Force {n}", short_name=f"Bench {n}", nation="England",
                    body_type="police", body_type_name="Police force", regime="FOIA", email_domains=[],
                    alt_names=[], source="bench")
        session.add(body)
        bodies.append(body)
    session.flush()
    return bodies[:BODIES]


def _reply(session, rng: random.Random, request, round_no: int) -> None:
    from cctv_audit.answers.models import AnswerRecord
    from cctv_audit.documents.models import Document
    from cctv_audit.findings import claims_from_answer
    from cctv_audit.foi.models import Reply

    makers = rng.sample(MAKERS, rng.randint(1, 3))
    text = f"Reference {request.reference}. Round {round_no}. The council's cameras are made by " + ", ".join(makers) + "."
    data = text.encode()
    document = Document(sha256=hashlib.sha256(data).hexdigest(), filename=f"{request.reference}.txt",
                        media_type="text/plain", size=len(data), origin="email", status="extracted", text=text)
    session.add(document)
    session.flush()
    session.add(Reply(document_id=document.id, request_id=request.id, matched_by="token",
                      received_at=request.sent_at + dt.timedelta(days=15)))
    evidence = [{"field": "in_use", "value": m, "start": text.index(m), "end": text.index(m) + len(m), "quote": m}
                for m in makers]
    confident = rng.random() < 0.7
    answer = AnswerRecord(document_id=document.id, extractor_version="bench", outcome="disclosed", exemptions=[],
                          manufacturers_in_use=makers, manufacturers_denied=[],
                          counts={makers[0]: rng.randint(1, 200)}, total_cameras=rng.randint(10, 500),
                          evidence=evidence, confidence={"in_use": 0.95 if confident else 0.6},
                          min_confidence=0.95 if confident else 0.6, needs_review=not confident)
    session.add(answer)
    session.flush()
    claims_from_answer(session, answer)


def build_dataset(store) -> dict:
    """ROUNDS survey rounds over BODIES bodies; about 70% replied with makers and evidence."""
    from cctv_audit.foi.models import Request, Survey

    rng = random.Random(7)
    with store.session() as session:
        bodies = _bodies(session)
        previous = None
        for round_no in range(1, ROUNDS + 1):
            survey = Survey(slug=f"cctv-{2021 + round_no}", name=f"CCTV makers {2021 + round_no}", questions=["?"],
                            template="cctv-manufacturers", requester={}, previous_id=previous,
                            created_at=dt.datetime(2021 + round_no, 1, 1))
            session.add(survey)
            session.flush()
            sent = dt.datetime(2021 + round_no, 1, 10, 9)
            for body in bodies:
                request = Request(survey_id=survey.id, body_id=body.id, reference=f"B{round_no}-{body.id}",
                                  law=body.regime, state="awaiting_response", sent_at=sent, received_on=sent.date())
                session.add(request)
                session.flush()
                if rng.random() < 0.7:
                    request.state = "response_received"
                    _reply(session, rng, request, round_no)
            previous = survey.id
        codes = [b.code for b in bodies]
    return {"codes": codes}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "CCTV_AUDIT_DB": str(db), "CCTV_AUDIT_WEB_SECURE": "1",
           "CCTV_AUDIT_SECRET_KEY": "bench-secret-key-not-for-production"}
    command = [sys.executable, "-m", "uvicorn", "cctv_audit.web.app:app_from_environment", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS), "--log-level", "warning",
               "--no-access-log"]
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the web server did not start")


def _cold(base: str, paths: list[str]) -> dict[str, float]:
    timings = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in paths:
            start = time.perf_counter()
            response = client.get(path)
            response.raise_for_status()
            timings[path] = (time.perf_counter() - start) * 1000
    return timings


def _wrk(base: str, paths: list[str], workdir: Path, *, connections: int = CONNECTIONS,
         seconds: int = DURATION_S) -> dict:
    script = workdir / "mix.lua"
    script.write_text(LUA % ", ".join(json.dumps(p) for p in paths), encoding="utf-8")
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    )
    line = next(l for l in result.stdout.splitlines() if l.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def run() -> str:
    from cctv_audit.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = open_store(db)
        start = time.perf_counter()
        codes = build_dataset(store)["codes"]
        built = time.perf_counter() - start
        store.dispose()
        paths = ["/", "/findings", "/map.svg", "/manufacturers", "/api/statistics", "/api/findings",
                 *(f"/bodies/{code}" for code in codes[:: len(codes) // 20])]
        port = _free_port()
        server = _start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            cold = _cold(base, paths[:6] + paths[6:7])
            _wrk(base, paths, Path(tmp), seconds=20)  # warm every worker's caches (cold figures above)
            load = _wrk(base, paths, Path(tmp))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return _report(built, cold, load, len(paths))


def _report(built: float, cold: dict[str, float], load: dict, pages: int) -> str:
    rate = load["requests"] / load["seconds"]
    rows = "\n".join(f"| `{path}` | {ms:.0f} ms |" for path, ms in cold.items())
    verdict = "meets" if load["p95"] <= 50_000 else "misses"
    return (
        "## Web (public pages)\n\n"
        f"Dataset: {ROUNDS} survey rounds x {BODIES} bodies, about 70% replied (built in {built:.0f} s). "
        f"Server: uvicorn, {WORKERS} workers, SQLite. Load: wrk from a second process, {CONNECTIONS} connections, "
        f"{DURATION_S} s, rotating over {pages} public URLs (home, findings, map, manufacturers, API reads, body pages).\n\n"
        "| figure | value |\n|---|---|\n"
        f"| p50 latency | {load['p50'] / 1000:.1f} ms |\n"
        f"| p95 latency | {load['p95'] / 1000:.1f} ms (target <= 50 ms: {verdict}) |\n"
        f"| p99 latency | {load['p99'] / 1000:.1f} ms |\n"
        f"| throughput | {rate:.0f} requests/s |\n"
        f"| errors | {load['errors']} |\n\n"
        "First (uncached) render after start-up:\n\n| page | time |\n|---|---|\n" + rows + "\n"
    )


if __name__ == "__main__":
    print(run())
