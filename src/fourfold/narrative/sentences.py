"""Sentence bounds per token, cached on the Doc (spaCy's Span.sent walks the Doc on every call)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def sent_start(doc: Doc, i: int) -> int:
    """Index of the first token of the sentence holding token i (cached per doc)."""
    starts = doc.user_data.get("ff_sent")
    if starts is None:
        from spacy.attrs import SENT_START

        starts = []
        current = 0
        for k, flag in enumerate(doc.to_array(SENT_START).tolist()):
            if flag == 1 or k == 0:
                current = k
            starts.append(current)
        doc.user_data["ff_sent"] = starts
    return starts[i]


def sent_end(doc: Doc, i: int) -> int:
    start = sent_start(doc, i)
    starts = doc.user_data["ff_sent"]
    j = i
    while j < len(starts) and starts[j] == start:
        j += 1
    return j
