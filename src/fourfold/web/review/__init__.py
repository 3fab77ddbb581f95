"""Review: the queue of possible stalking, the finding page, decisions with reasons, and audit search."""
