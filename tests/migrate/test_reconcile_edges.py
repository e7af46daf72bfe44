"""Reconcile, undo and repair at their edges: a sample of one, the seed shown only for a sample, the progress
each prints, --only, a sixth foreign item, an item hashed without its ids, and the words of each refusal."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from threadshim.chatkit import _codec as codec
from threadshim.migrate import Journal
from threadshim.migrate.compare import Difference, compare_items
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import undo
from threadshim.targets.chatkit.held import _attachment, _item
from threadshim.targets.conversations.held import canonical_item

from .test_reconcile import _account, _append, _change_text, _check, _items, _swap, _target, interrupted, migrated

_swap_two = _swap


def test_a_sample_of_one_is_taken_and_the_seed_is_shown_only_for_a_sample(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 1, 1))
    one = _check(tmp_path, emulator, archive, sample=1)
    assert len(one.checks) == 1 and one.checks[0].legacy_id in ids and one.seed is not None
    whole = _check(tmp_path, emulator, archive)
    assert whole.seed is None and whole.sample is None and "seed" not in whole.line(None)
    assert 0 <= whole.seconds < 600


def test_an_interrupted_sample_asked_the_same_way_carries_on(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1,) * 8)
    interrupted(tmp_path, emulator, archive, 6, sample=6, seed=11)
    again = _check(tmp_path, emulator, archive, sample=6, seed=11)
    assert again.resumed > 0 and len(again.checks) == 6 and (again.sample, again.seed) == (6, 11)


def test_each_job_shows_its_progress_and_its_time(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1, 2))
    shown = {job: io.StringIO() for job in ("reconcile", "repair", "undo")}
    account = _account(emulator)
    del account["progress"]
    asyncio.run(reconcile(journal=tmp_path / "m.db", archive=archive, progress=shown["reconcile"], **account))
    asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, progress=shown["repair"], **account))
    done = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, progress=shown["undo"], **account))
    assert "checked 2/2" in shown["reconcile"].getvalue() and "checked 2/2" in shown["repair"].getvalue()
    assert "undone 2/2" in shown["undo"].getvalue() and 0 <= done.seconds < 600


def test_a_resumed_reconcile_counts_what_it_had_checked(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1,) * 6)
    interrupted(tmp_path, emulator, archive, 6)
    shown = io.StringIO()
    account = _account(emulator)
    del account["progress"]
    again = asyncio.run(reconcile(journal=tmp_path / "m.db", archive=archive, progress=shown, **account))
    assert again.resumed > 0 and "checked 6/6" in shown.getvalue()


def test_only_limits_undo_and_repair_to_the_threads_named(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (3, 3, 3))
    _change_text(emulator, _target(tmp_path, ids[0]))
    fixed = asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, only=[ids[1]], **_account(emulator)))
    assert (fixed.refused, fixed.equal) == ([], 1)
    done = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, only=[ids[1]], **_account(emulator)))
    assert [legacy_id for legacy_id, _ in done.removed] == [ids[1]]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert [e.state for e in journal.entries()] == ["done", "undone", "done"]
    assert len(emulator.store.ids("conversation")) == 2


def test_a_sixth_foreign_item_is_counted_and_the_refusals_say_what_to_do(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 3))
    for _ in range(6):
        _append(emulator, _target(tmp_path, ids[0]))
    _change_text(emulator, _target(tmp_path, ids[1]))
    fixed = dict(asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, **_account(emulator))).refused)
    assert fixed[ids[1]] == (
        f"{_target(tmp_path, ids[1])} was changed by someone else (changed): not repaired; check it by hand"
    )
    assert fixed[ids[0]].endswith("was changed by someone else (extra): not repaired; check it by hand")
    _swap_two(emulator, _target(tmp_path, ids[1]))
    again = dict(asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, **_account(emulator))).refused)
    assert again[ids[1]].endswith("was changed by someone else (changed, out of order): not repaired; check it by hand")
    refused = dict(asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, **_account(emulator))).refused)
    theirs = [item["id"] for item in _items(emulator, _target(tmp_path, ids[0]))[1:]]
    assert refused[ids[0]] == (
        f"{_target(tmp_path, ids[0])} holds items the migration did not write: {', '.join(theirs[:5])} and 1 more "
        "(--force removes them too)"
    )
    assert ids[1] not in refused
    blind = dict(asyncio.run(undo(journal=tmp_path / "m.db", archive=None, **_account(emulator))).refused)
    assert blind[ids[0]].endswith("; pass --archive, or --force to remove it anyway")


def test_out_of_order_repeats_and_extras_after_the_rest() -> None:
    assert compare_items(tuple("aabb"), tuple("bbaa")) == [
        Difference("out_of_order", 0, "item 0 is at position 2"),
        Difference("out_of_order", 1, "item 1 is at position 3"),
    ]
    assert compare_items(tuple("abc"), tuple("Zab")) == [
        Difference("missing", 2, "item 2 is not in the target"),
        Difference("extra", 0, "the target's item 0 was not written by the migration"),
    ]
    assert canonical_item({"role": "user", "content": ["bare", {"type": "input_text", "text": "t"}]}) == {
        "type": None,
        "role": "user",
        "content": ["bare", {"type": "input_text", "text": "t"}],
    }


def test_a_store_item_and_attachment_hash_without_their_ids() -> None:
    item = '{"id": "msg_1", "thread_id": "thr_1", "type": "user_message", "content": []}'
    moved = '{"id": "msg_2", "thread_id": "thr_2", "type": "user_message", "content": []}'
    other = '{"id": "msg_1", "thread_id": "thr_1", "type": "user_message", "content": [1]}'
    assert _item(item) == _item(moved) != _item(other)
    file = '{"id": "atc_1", "thread_id": "thr_1", "name": "a.pdf"}'
    assert _attachment(file) == _attachment(file.replace("thr_1", "thr_2")) != _attachment(file.replace("a.pdf", "b"))
    assert _attachment(file) != _attachment(file.replace("atc_1", "atc_2"))  # an attachment's id is its identity
    assert codec is not None
