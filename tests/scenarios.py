"""Every recorded scenario, in one list for the recorder and the replay tests."""

from __future__ import annotations

from tests.harness import Scenario
from tests.scenarios_api import SCENARIOS as API_SCENARIOS
from tests.scenarios_conversations import SCENARIOS as CONVERSATION_SCENARIOS
from tests.scenarios_shim import SCENARIOS as SHIM_SCENARIOS

ALL_SCENARIOS: list[Scenario] = [*API_SCENARIOS, *SHIM_SCENARIOS, *CONVERSATION_SCENARIOS]
