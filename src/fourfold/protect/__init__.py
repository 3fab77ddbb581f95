"""Protect: risk flags aligned with the S-DASH screening questions, and the review priority."""
