"""Record: the recording recommendation for a course of conduct (classification, offence, principal crime)."""
