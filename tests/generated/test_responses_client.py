"""The generated client's Responses operations against the emulator: typed answers, function calls and all."""

from __future__ import annotations

from threadshim.testing import Emulator
from threadshim_api import AuthenticatedClient
from threadshim_api.api.conversations import create_conversation, list_conversation_items
from threadshim_api.api.responses import (
    create_response,
    delete_response,
    list_response_input_items,
    retrieve_response,
)
from threadshim_api.models import (
    ConversationItemList,
    CreateConversationRequest,
    CreateResponseRequest,
    DeletedResponse,
    ErrorResponse,
    FunctionCallItem,
    ModelResponse,
)


def test_a_turn_on_a_conversation_through_the_generated_client() -> None:
    emulator = Emulator()
    client = AuthenticatedClient(
        base_url="https://api.openai.com/v1", token="sk-test", httpx_args={"transport": emulator.transport()}
    )
    conversation = create_conversation.sync(client=client, body=CreateConversationRequest.from_dict({}))
    assert conversation is not None and not isinstance(conversation, ErrorResponse)
    emulator.script_responses({"function_calls": [{"name": "lookup", "arguments": "{}", "namespace": "billing"}]})
    body = CreateResponseRequest.from_dict({"model": "gpt-4.1", "input": "hi", "conversation": conversation.id})
    made = create_response.sync(client=client, body=body)
    assert isinstance(made, ModelResponse) and made.status == "completed"
    call = made.output[0]
    assert isinstance(call, FunctionCallItem) and (call.name, call.namespace) == ("lookup", "billing")
    items = list_conversation_items.sync(conversation.id, client=client, order="asc")
    assert isinstance(items, ConversationItemList) and [i.to_dict()["type"] for i in items.data] == [
        "message",
        "function_call",
    ]
    fetched = retrieve_response.sync(made.id, client=client)
    assert isinstance(fetched, ModelResponse) and fetched.id == made.id
    inputs = list_response_input_items.sync(made.id, client=client)
    assert isinstance(inputs, ConversationItemList) and len(inputs.data) == 1
    gone = delete_response.sync(made.id, client=client)
    assert isinstance(gone, DeletedResponse) and gone.deleted
    missing = retrieve_response.sync(made.id, client=client)
    assert isinstance(missing, ErrorResponse) and "not found" in missing.error.message
