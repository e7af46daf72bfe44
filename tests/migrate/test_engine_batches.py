"""The engine's batches: every thread once, in order, the first few smaller so the first write starts early."""

from __future__ import annotations

from threadshim.migrate.engine import _batches


def test_every_id_is_in_one_batch_in_order_and_the_first_batches_ramp_up() -> None:
    ids = [f"thread_{n}" for n in range(2_000)]
    batches = _batches(ids, 500)
    assert [len(b) for b in batches] == [62, 125, 250, 500, 500, 500, 63]
    assert [i for b in batches for i in b] == ids
    assert [len(b) for b in _batches(ids[:100], 500)] == [62, 38]
    assert [len(b) for b in _batches(ids[:5], 1)] == [1, 1, 1, 1, 1]  # a group of one never ramps
    assert [len(b) for b in _batches(ids[:9], 4)] == [1, 2, 4, 2]
    assert _batches([], 500) == []
