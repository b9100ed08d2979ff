"""Fixtures of the desk's tests: the records it reads, both databases, an in-process desk per module."""
from __future__ import annotations

import itertools

import pytest
from starlette.testclient import TestClient

from desk.app import create_app
from desk.records import load as load_records

from . import desk, postgres
from .sitebuild import copy_project

_names = itertools.count(1)


@pytest.fixture(scope="session")
def desk_project(tmp_path_factory):
    """A project holding the sample records (the desk reads venues and events from it)."""
    return copy_project(tmp_path_factory.mktemp("desk") / "project")


@pytest.fixture(scope="session")
def desk_records(desk_project):
    with desk.column_clock():
        return load_records(desk_project)


@pytest.fixture(scope="session")
def postgres_server():
    with postgres.server() as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def new_database(backend, request, tmp_path_factory):
    """A function making an empty database of this module's backend; returns its URL."""
    def make() -> str:
        name = f"desk{next(_names)}"
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp(name) / 'desk.sqlite3'}"
        return postgres.new_database(request.getfixturevalue("postgres_server"), name)
    return make


def client_for(settings, records) -> TestClient:
    return TestClient(create_app(settings, records), base_url=settings.base_url, follow_redirects=False)


@pytest.fixture(scope="module")
def desk_app(new_database, desk_project, desk_records):
    """An in-process desk (proof of work off, no rate limit) on a fresh database of the module's backend."""
    with desk.column_clock(), client_for(desk.settings(new_database(), desk_project), desk_records) as client:
        yield client
