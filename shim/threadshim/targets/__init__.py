"""Where legacy threads move to: the Conversations API (and, with the ``chatkit`` extra, a ChatKit store)."""

from .conversation_plan import LEGACY_ID_KEY, Counts, Loss, Plan, plan, responses_tools
from .conversations import ConversationsTarget

__all__ = ["LEGACY_ID_KEY", "ConversationsTarget", "Counts", "Loss", "Plan", "plan", "responses_tools"]
