"""The emulator refuses what the spec refuses, with the param path the API names, and accepts what it accepts."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from threadshim.testing import Emulator

ASSISTANTS = {"OpenAI-Beta": "assistants=v2", "Authorization": "Bearer sk-test"}
CHATKIT = {"OpenAI-Beta": "chatkit_beta=v1", "Authorization": "Bearer sk-test"}


@pytest.fixture
def api() -> httpx.Client:
    return httpx.Client(base_url="https://api.openai.com/v1", transport=Emulator(deterministic=True).transport())


def _param(response: httpx.Response) -> str | None:
    assert response.status_code == 400, response.text
    param: str | None = response.json()["error"]["param"]
    return param


def _image_file(detail: Any) -> dict[str, Any]:
    return {"type": "image_file", "image_file": {"file_id": "file-1", "detail": detail}}


def _image_url(url: Any, **more: Any) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": url, **more}}


@pytest.mark.parametrize(
    ("block", "param"),
    [
        (_image_file("AAA"), "content[0].image_file.detail"),
        (_image_file(None), "content[0].image_file.detail"),
        (_image_url("https://example.com/a.png", detail="huge"), "content[0].image_url.detail"),
        (_image_url(""), "content[0].image_url.url"),
        (_image_url("not a url"), "content[0].image_url.url"),
        (_image_url("ftp://example.com/a.png"), "content[0].image_url.url"),
        (_image_url("https://"), "content[0].image_url.url"),
        ({"type": "text", "text": "hi", "extra": 1}, "content[0].extra"),
        ({"type": "image_file", "image_file": {"file_id": "f", "size": 1}}, "content[0].image_file.size"),
    ],
)
def test_image_blocks_are_checked(api: httpx.Client, block: dict[str, Any], param: str) -> None:
    thread = api.post("/threads", headers=ASSISTANTS, json={}).json()["id"]
    response = api.post(f"/threads/{thread}/messages", headers=ASSISTANTS, json={"role": "user", "content": [block]})
    assert _param(response) == param
    nested = api.post("/threads", headers=ASSISTANTS, json={"messages": [{"role": "user", "content": [block]}]})
    assert _param(nested) == f"messages[0].{param}"


def test_valid_images_are_kept_as_sent(api: httpx.Client) -> None:
    thread = api.post("/threads", headers=ASSISTANTS, json={}).json()["id"]
    blocks = [_image_file("low"), _image_url("https://example.com/a.png", detail="high"), _image_url("data:,x")]
    response = api.post(f"/threads/{thread}/messages", headers=ASSISTANTS, json={"role": "user", "content": blocks})
    assert response.status_code == 200 and response.json()["content"] == blocks


@pytest.mark.parametrize("path", ["/threads", "/threads/{thread}", "/threads/{thread}/messages"])
def test_a_json_null_body_is_not_an_object(api: httpx.Client, path: str) -> None:
    thread = api.post("/threads", headers=ASSISTANTS, json={}).json()["id"]
    response = api.post(
        path.format(thread=thread), headers={**ASSISTANTS, "Content-Type": "application/json"}, content=b"null"
    )
    assert _param(response) == "body"


@pytest.mark.parametrize(
    ("attachment", "param"),
    [
        ({"tools": []}, "messages[0].attachments[0].file_id"),
        ({"file_id": 1}, "messages[0].attachments[0].file_id"),
        ({"file_id": "f", "tools": [{"type": "web"}]}, "messages[0].attachments[0].tools[0].type"),
        ({"file_id": "f", "color": "red"}, "messages[0].attachments[0].color"),
    ],
)
def test_attachment_errors_inside_messages_keep_their_path(api: httpx.Client, attachment: Any, param: str) -> None:
    message = {"role": "user", "content": "hi", "attachments": [attachment]}
    assert _param(api.post("/threads", headers=ASSISTANTS, json={"messages": [message]})) == param


def test_a_content_error_inside_messages_keeps_its_path(api: httpx.Client) -> None:
    response = api.post("/threads", headers=ASSISTANTS, json={"messages": [{"role": "user", "content": []}]})
    assert _param(response) == "messages[0].content"


@pytest.mark.parametrize(
    ("file_search", "param"),
    [
        ({}, "tool_resources.file_search"),
        ({"vector_store_ids": [], "vector_stores": []}, "tool_resources.file_search"),
        ({"vector_stores": [{"chunking_strategy": {"type": "bogus"}}]}, "vector_stores[0].chunking_strategy.type"),
        ({"vector_stores": [{"file_ids": [1]}]}, "vector_stores[0].file_ids[0]"),
        ({"vector_stores": [{"colour": "red"}]}, "vector_stores[0].colour"),
        ({"vector_stores": [{"chunking_strategy": {"type": "auto", "x": 1}}]}, "chunking_strategy.x"),
        (
            {
                "vector_stores": [
                    {
                        "chunking_strategy": {
                            "type": "static",
                            "static": {"max_chunk_size_tokens": 99, "chunk_overlap_tokens": 0},
                        }
                    }
                ]
            },
            "static.max_chunk_size_tokens",
        ),
        (
            {
                "vector_stores": [
                    {
                        "chunking_strategy": {
                            "type": "static",
                            "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 401},
                        }
                    }
                ]
            },
            "static.chunk_overlap_tokens",
        ),
        ({"vector_stores": [{"metadata": {"k": 1}}]}, "vector_stores[0].metadata.k"),
        ({"vector_stores": [{}, {}]}, "tool_resources.file_search.vector_stores"),
    ],
)
def test_new_vector_stores_are_checked(api: httpx.Client, file_search: Any, param: str) -> None:
    response = api.post("/threads", headers=ASSISTANTS, json={"tool_resources": {"file_search": file_search}})
    found = _param(response)
    assert found is not None and found.endswith(param), found


def test_a_valid_new_vector_store_is_accepted_and_an_update_may_leave_file_search_empty(api: httpx.Client) -> None:
    strategy = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}
    body = {"tool_resources": {"file_search": {"vector_stores": [{"file_ids": ["f"], "chunking_strategy": strategy}]}}}
    created = api.post("/threads", headers=ASSISTANTS, json=body)
    assert created.status_code == 200 and created.json()["tool_resources"]["file_search"]["vector_store_ids"]
    thread = created.json()["id"]
    updated = api.post(f"/threads/{thread}", headers=ASSISTANTS, json={"tool_resources": {"file_search": {}}})
    assert updated.status_code == 200


def test_cursors_the_spec_allows_are_accepted(api: httpx.Client) -> None:
    transport = api._transport
    assert isinstance(transport.emulator, Emulator)  # type: ignore[attr-defined]
    emulator: Emulator = transport.emulator  # type: ignore[attr-defined]
    ids = [emulator.add_chatkit_thread(user="u")["id"] for _ in range(5)]
    unknown = api.get("/chatkit/threads?after=cthr_unknown", headers=CHATKIT).json()
    assert (unknown["data"], unknown["has_more"]) == ([], False)
    window = api.get(f"/chatkit/threads?order=asc&after={ids[0]}&before={ids[4]}", headers=CHATKIT).json()
    assert [t["id"] for t in window["data"]] == ids[1:4] and window["has_more"] is False
    small = api.get(f"/chatkit/threads?order=asc&after={ids[0]}&before={ids[4]}&limit=2", headers=CHATKIT).json()
    assert [t["id"] for t in small["data"]] == ids[1:3] and small["has_more"] is True
    before = api.get(f"/chatkit/threads?order=desc&before={ids[1]}&limit=2", headers=CHATKIT).json()
    assert [t["id"] for t in before["data"]] == [ids[3], ids[2]]


def test_list_messages_limit_is_1_to_100(api: httpx.Client) -> None:
    thread = api.post("/threads", headers=ASSISTANTS, json={}).json()["id"]
    for limit, status in ((0, 400), (1, 200), (100, 200), (101, 400)):
        assert api.get(f"/threads/{thread}/messages?limit={limit}", headers=ASSISTANTS).status_code == status


def test_the_spec_and_the_emulator_agree_on_what_an_image_url_is() -> None:
    import yaml
    from threadshim.testing._rules import URL_PATTERN

    from tests.conftest import ROOT

    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["components"]["schemas"]["ImageUrlInput"]["properties"]["url"]["pattern"] == URL_PATTERN
