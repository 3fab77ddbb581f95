"""Narrative analysis: what an officer's free text says about stalking, with the span for every item.

    from fourfold.narrative import analyse, analyse_many, NarrativeEvidence

spaCy is imported on first use, not on import.
"""

from fourfold.narrative.analyse import analyse, analyse_many
from fourfold.narrative.evidence import BehaviourHit, Identifier, NarrativeEvidence, Span

__all__ = ["BehaviourHit", "Identifier", "NarrativeEvidence", "Span", "analyse", "analyse_many"]
