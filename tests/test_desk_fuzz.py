"""Property-based fuzzing of the desk's public API from its own OpenAPI description: no answer is a 5xx."""
from __future__ import annotations

import hypothesis
import schemathesis
from schemathesis.checks import not_a_server_error

EXAMPLES = 40
"""Examples per operation and database: enough to reach every refusal, few enough to keep the suite quick."""


def test_no_input_makes_the_desk_fail(desk_app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", desk_app.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{o.method.upper()} {o.path}" for o in operations} == {
        "POST /requests", "GET /r/{token}", "POST /r/{token}/withdraw", "GET /venues/{venue}/slots.json",
        "GET /altcha/challenge"}
    for operation in operations:
        fuzz(operation)


def fuzz(operation) -> None:
    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(max_examples=EXAMPLES, deadline=None, database=None,
                         suppress_health_check=list(hypothesis.HealthCheck))
    def calls(case) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    calls()
