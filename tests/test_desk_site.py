"""What the static site knows of the desk: a desk endpoint, and the local desk that `make serve` points at."""
from __future__ import annotations

from column import config
from column.problems import Problems
from column.render.venue_form import Target


def test_an_endpoint_ending_in_requests_is_a_desk():
    assert Target("https://desk.example.org/shouli/requests", None).desk == "https://desk.example.org/shouli"
    assert Target("https://forms.example.org/changdi", None).desk is None


def test_make_serve_points_the_form_at_the_local_desk(tmp_path, monkeypatch):
    (tmp_path / "column.yml").write_text("venues:\n  request_email: changdi@example.org\n", encoding="utf-8")
    monkeypatch.setenv(config.LOCAL_DESK, "http://127.0.0.1:8001/requests")
    assert config.load(tmp_path, Problems()).request_endpoint == "http://127.0.0.1:8001/requests"


def test_an_endpoint_in_column_yml_wins_over_the_local_desk(tmp_path, monkeypatch):
    (tmp_path / "column.yml").write_text("venues:\n  request_endpoint: https://desk.example.org/requests\n",
                                         encoding="utf-8")
    monkeypatch.setenv(config.LOCAL_DESK, "http://127.0.0.1:8001/requests")
    assert config.load(tmp_path, Problems()).request_endpoint == "https://desk.example.org/requests"
