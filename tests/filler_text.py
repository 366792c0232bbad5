"""Filler paragraphs for reuse tests: sentences of random common characters that no other report
writes, so that only the passages a test plants are shared."""
from __future__ import annotations

import random

POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
        "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
        "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你")


def filler(seed: int, n: int = 240) -> str:
    """``n`` random characters of :data:`POOL` (seeded), a comma every 15, a full stop every 45."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(rng.choice(POOL))
        if i % 15 == 14:
            out.append("，" if i % 45 != 44 else "。")
    return "".join(out).rstrip("，") + "。"
