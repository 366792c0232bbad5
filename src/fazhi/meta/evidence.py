"""Candidates and decisions: every field is decided by summing the weights of its candidates.

>>> decide([Candidate(2020, "title_year", 1.0), Candidate(2019, "publish_year", 0.4)]).value
2020
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Candidate:
    """One piece of evidence for a field's value."""

    value: Any
    rule: str
    weight: float
    evidence: str = ""

    def as_dict(self) -> dict:
        return {"value": self.value, "rule": self.rule, "weight": round(self.weight, 3),
                "evidence": self.evidence[:80]}


@dataclass
class Decision:
    """A field's value, the rule that won, a confidence and the candidates behind it."""

    value: Any
    rule: str = ""
    confidence: float = 0.0
    candidates: list[Candidate] = field(default_factory=list)
    note: str = ""
    ambiguous: bool = False

    def as_rule(self) -> dict:
        out: dict = {"rule": self.rule, "confidence": round(self.confidence, 2)}
        if self.note:
            out["note"] = self.note
        if self.ambiguous:
            out["ambiguous"] = True
        if self.candidates and (len(self.candidates) > 1 or self.ambiguous):
            out["candidates"] = [c.as_dict() for c in self.candidates[:6]]
        return out


def decide(candidates: Iterable[Candidate], *, margin: float = 1.5) -> Decision:
    """Sum the weights per value; the best wins when it leads the runner-up by ``margin``.

    ``decide([Candidate(2020, "title_year", 1.0), Candidate(2019, "publish_year_minus_1", .4)])``
    -> ``Decision(2020, "title_year", 0.71, …)``.
    """
    cands = [c for c in candidates if c.value not in (None, "")]
    if not cands:
        return Decision(None)
    totals: dict[Any, float] = {}
    best_rule: dict[Any, Candidate] = {}
    for c in cands:
        totals[c.value] = totals.get(c.value, 0.0) + c.weight
        if c.value not in best_rule or c.weight > best_rule[c.value].weight:
            best_rule[c.value] = c
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    (v1, w1) = ranked[0]
    w2 = ranked[1][1] if len(ranked) > 1 else 0.0
    ordered = sorted(cands, key=lambda c: (c.value != v1, -totals[c.value], -c.weight))
    conf = min(0.99, w1 / (w1 + w2) * min(1.0, w1))
    if w2 and w1 < margin * w2:
        return Decision(None, "ambiguous", conf, ordered, ambiguous=True,
                        note="candidates: " + " / ".join(f"{v}" for v, _ in ranked[:4]))
    return Decision(v1, best_rule[v1].rule, conf, ordered)
