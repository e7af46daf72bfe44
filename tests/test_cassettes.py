"""Replay every recorded scenario with no network, and keep the recordings free of secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import vcr.errors
from threadshim_api.api.chatkit import retrieve_chatkit_thread

from tests.harness import CASSETTES, SECRET, Scenario, UnplayedInteractions, record, replaying
from tests.scenarios import ALL_SCENARIOS
from tests.scenarios_api import client
from tests.scenarios_shim import RETRIEVE, run_sync


@pytest.mark.parametrize("scenario", ALL_SCENARIOS, ids=[s.name for s in ALL_SCENARIOS])
def test_scenario_replays(scenario: Scenario) -> None:
    with replaying(scenario) as context:
        result = scenario.run(context)
    scenario.check(result, context.facts)


def test_every_scenario_has_a_cassette_and_every_cassette_a_scenario() -> None:
    assert {s.cassette.name for s in ALL_SCENARIOS} == {p.name for p in CASSETTES.glob("*.yaml")}


def test_an_unrecorded_request_fails_loudly() -> None:
    scenario = ALL_SCENARIOS[0]
    with (
        pytest.raises(UnplayedInteractions),  # and it played none of the cassette
        replaying(scenario) as context,
        pytest.raises(vcr.errors.CannotOverwriteExistingCassetteException),
    ):
        retrieve_chatkit_thread.sync_detailed("cthr_never_recorded", client=client(context))


def test_the_suite_cannot_reach_the_internet() -> None:
    with pytest.raises(httpx.ConnectError, match="beyond loopback"):
        httpx.get("https://93.184.216.34/", timeout=2)


@pytest.mark.parametrize("path", sorted(CASSETTES.glob("*.yaml")), ids=lambda p: p.name)
def test_cassette_holds_no_secret(path: Path) -> None:
    text = path.read_text()
    assert not SECRET.findall(text.replace("sk-REDACTED", ""))
    lowered = text.lower()
    for header in ("authorization:", "openai-organization:", "openai-project:", "cookie:", "bearer "):
        assert header not in lowered, f"{path.name} holds {header}"


def test_recording_again_reproduces_every_committed_cassette(tmp_path: Path) -> None:
    for scenario in ALL_SCENARIOS:
        record(scenario, directory=tmp_path)
        fresh = (tmp_path / scenario.cassette.name).read_bytes()
        assert fresh == scenario.cassette.read_bytes(), f"{scenario.name}: run `make cassettes`"


def test_replay_fails_when_a_recorded_interaction_is_never_requested() -> None:
    # the recording holds a 500, a 500, a 500: a client that stops retrying early must not pass
    scenario = next(s for s in ALL_SCENARIOS if s.name == "shim_retry_exhausted")
    no_retries = attrs.evolve(scenario, run=run_sync(RETRIEVE, max_retries=0))
    with pytest.raises(UnplayedInteractions, match="2 of 3 recorded interactions"), replaying(no_retries) as context:
        no_retries.run(context)


def test_recording_runs_the_scenarios_check(tmp_path: Path) -> None:
    scenario = next(s for s in ALL_SCENARIOS if s.name == "shim_retry_500")

    def wrong(result: Any, facts: dict[str, Any]) -> None:
        raise AssertionError("the check ran")

    with pytest.raises(AssertionError, match="the check ran"):
        record(attrs.evolve(scenario, check=wrong), directory=tmp_path)
