"""What the static site knows of the desk: `request_desk` in column.yml, and the local desk of `make serve`."""
from __future__ import annotations

from types import SimpleNamespace

from column import config
from column.problems import Problems
from column.render import venue_form


def settings(tmp_path, text: str) -> config.Config:
    (tmp_path / "column.yml").write_text(text, encoding="utf-8")
    return config.load(tmp_path, Problems())


def test_a_desk_receives_at_its_requests_address(tmp_path, monkeypatch):
    monkeypatch.delenv(config.LOCAL_DESK, raising=False)
    loaded = settings(tmp_path, "venues:\n  request_desk: https://shouli.example.org/\n")
    where = venue_form.target(SimpleNamespace(request_endpoint=None, request_email=None), loaded)
    assert (where.mode, where.endpoint, where.desk) == ("post", "https://shouli.example.org/requests",
                                                       "https://shouli.example.org")


def test_a_venue_with_its_own_address_is_not_sent_to_the_desk(tmp_path, monkeypatch):
    loaded = settings(tmp_path, "venues:\n  request_desk: https://shouli.example.org\n")
    where = venue_form.target(SimpleNamespace(request_endpoint=None, request_email="a@example.org"), loaded)
    assert (where.mode, where.desk) == ("mail", None)


def test_make_serve_points_the_form_at_the_local_desk(tmp_path, monkeypatch):
    monkeypatch.setenv(config.LOCAL_DESK, "http://127.0.0.1:8001")
    assert settings(tmp_path, "venues:\n  request_email: changdi@example.org\n").request_desk == "http://127.0.0.1:8001"


def test_an_endpoint_in_column_yml_wins_over_the_local_desk(tmp_path, monkeypatch):
    monkeypatch.setenv(config.LOCAL_DESK, "http://127.0.0.1:8001")
    loaded = settings(tmp_path, "venues:\n  request_endpoint: https://forms.example.org/changdi\n")
    assert (loaded.request_desk, loaded.request_endpoint) == (None, "https://forms.example.org/changdi")
