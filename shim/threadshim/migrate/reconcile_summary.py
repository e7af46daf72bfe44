"""What a reconcile found: each thread's result and differences, the counts, the summary line and the report."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Literal

import attrs

from .compare import KINDS, Difference

Result = Literal["equal", "differs", "extra", "unreadable"]
"""equal; differs (missing, changed or out-of-order items, or the thread gone); extra (only items the
migration did not write); unreadable (the target refused to show it, or its legacy thread cannot be read)."""


@attrs.frozen
class ThreadCheck:
    """One migrated thread as checked: where it went, the result, and each difference."""

    legacy_id: str
    target_id: str
    result: Result
    differences: tuple[Difference, ...] = ()
    reason: str = ""

    def data(self) -> dict[str, Any]:
        """The check as the journal and the report keep it."""
        return {
            "legacy_id": self.legacy_id,
            "target_id": self.target_id,
            "result": self.result,
            "reason": self.reason,
            "differences": [{"class": d.kind, "position": d.position, "detail": d.detail} for d in self.differences],
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> ThreadCheck:
        """A check as the journal kept it."""
        found = tuple(Difference(d["class"], d["position"], d["detail"]) for d in data["differences"])
        return cls(data["legacy_id"], data["target_id"], data["result"], found, data.get("reason", ""))


def result_of(differences: list[Difference]) -> Result:
    """Equal with none; extra when every difference is an extra item; differs otherwise."""
    if not differences:
        return "equal"
    return "extra" if all(d.kind == "extra" for d in differences) else "differs"


@attrs.define
class ReconcileSummary:
    """Every thread of the journal and the archive: those checked with their results, the rest with their state."""

    seed: int | None = None
    sample: int | None = None
    checks: list[ThreadCheck] = attrs.field(factory=list)
    not_migrated: list[tuple[str, str]] = attrs.field(factory=list)
    """Threads not (yet) migrated, with their journal state ("not started" when the journal has none)."""
    resumed: int = 0
    strict: bool = False
    requests: int = 0
    rate_limited: int = 0
    seconds: float = 0.0

    def count(self, result: Result) -> int:
        """How many checked threads had this result."""
        return sum(1 for c in self.checks if c.result == result)

    def classes(self) -> Counter[str]:
        """How many threads have a difference of each class (extra counted too)."""
        return Counter(kind for c in self.checks for kind in {d.kind for d in c.differences})

    @property
    def ok(self) -> bool:
        """Every checked thread equal (extra items alone allowed unless ``strict``)."""
        allowed = {"equal"} if self.strict else {"equal", "extra"}
        return all(c.result in allowed for c in self.checks)

    def line(self, report: Path | None) -> str:
        """The one-line summary."""
        classes = self.classes()
        by_class = ", ".join(f"{kind.replace('_', ' ')} {classes[kind]}" for kind in KINDS if kind != "extra")
        sampled = f" (a sample of {self.sample}, seed {self.seed})" if self.sample is not None else ""
        text = (
            f"reconciled {len(self.checks)} migrated threads{sampled}: {self.count('equal')} equal, "
            f"{self.count('differs')} with differences ({by_class}), {classes['extra']} with extra items, "
            f"{self.count('unreadable')} unreadable; {len(self.not_migrated)} not migrated"
        )
        return text + (f"; report {report}" if report is not None else "")

    def report(self, journal: Path, target: str, identity: str) -> dict[str, Any]:
        """The JSON report: the summary, then every thread."""
        classes = self.classes()
        return {
            "journal": str(journal),
            "target": target,
            "identity": identity,
            "sample": self.sample,
            "seed": self.seed,
            "summary": {
                "checked": len(self.checks),
                "equal": self.count("equal"),
                "with_differences": self.count("differs"),
                "by_class": {kind: classes[kind] for kind in KINDS},
                "unreadable": self.count("unreadable"),
                "not_migrated": len(self.not_migrated),
                "ok": self.ok,
            },
            "threads": [c.data() for c in self.checks]
            + [{"legacy_id": legacy_id, "state": state} for legacy_id, state in self.not_migrated],
        }


def write_json(path: Path, value: Any) -> None:
    """Write a report whole (a temporary file renamed over it), so a crash never leaves half of one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
