"""Abuse without third parties: a self-hosted proof of work (ALTCHA) and per-address rate limits."""
from __future__ import annotations

import altcha
import pytest

from support import desk
from support.desk import FORM, JSON
from support.desk_fixtures import client_for


@pytest.fixture(scope="module")
def guarded(new_database, desk_project, desk_records):
    """A desk with the proof of work on (at a low cost, so the test solves it quickly) and 3 requests per address."""
    settings = desk.settings(new_database(), desk_project, proof_of_work=True, pow_cost=50, rate_limit=3)
    with desk.column_clock(), client_for(settings, desk_records) as client:
        yield client


def solved(client) -> str:
    """What the ALTCHA widget sends after solving the desk's challenge."""
    challenge = altcha.Challenge.from_dict(client.get("/altcha/challenge").json())
    return altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64()


def test_without_a_solution_the_request_is_refused(guarded):
    guarded.app.state.desk.request_limit.hits.clear()
    for proof in ("", "bm90IGEgc29sdXRpb24="):
        response = guarded.post("/requests", data={**FORM, "altcha": proof}, headers=JSON)
        assert response.status_code == 422
        assert response.json()["errors"] == {"altcha": "人机验证没有完成：请等页面上的验证显示“已验证”后再提交"}


def test_a_solution_admits_one_request(guarded):
    guarded.app.state.desk.request_limit.hits.clear()
    proof = solved(guarded)
    assert guarded.post("/requests", data={**FORM, "altcha": proof}, headers=JSON).status_code == 201
    again = guarded.post("/requests", data={**FORM, "date": "2026-12-03", "altcha": proof}, headers=JSON)
    assert again.status_code == 422 and "altcha" in again.json()["errors"]


def test_the_challenge_is_signed_by_the_desk_and_never_cached(guarded):
    response = guarded.get("/altcha/challenge")
    assert response.headers["cache-control"] == "no-store"
    assert response.json()["parameters"]["algorithm"] == "PBKDF2/SHA-256" and response.json()["signature"]


def test_one_address_is_limited(guarded):
    guarded.app.state.desk.request_limit.hits.clear()
    answers = [guarded.post("/requests", data={**FORM, "people": "x"}, headers=JSON) for _ in range(4)]
    assert [a.status_code for a in answers] == [422, 422, 422, 429]
    assert answers[-1].json()["message"] == "提交太频繁了，请 10 分钟后再试，或直接打电话给场地管理人"
    assert answers[-1].headers["retry-after"] == "600"
