"""Configuration of a synthetic force: size, seed, course rates and the noise model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class NoiseConfig:
    """How people are held across records (probabilities per person mention unless stated)."""

    nickname: float = 0.12  # forename written as a nickname (Bill for William)
    misspelling: float = 0.04  # one typo in forename or surname
    dob_swap: float = 0.03  # day and month swapped (only where both are <= 12 and differ)
    missing_field: float = 0.08  # each optional identity field left blank
    new_phone: float = 0.20  # per person in a course: gets a new number part-way through
    moved_address: float = 0.10  # per person in a course: moves house part-way through
    extra_refs: float = 0.30  # per person: holds 2-3 different *_ref values across records
    common_name: float = 0.02  # per person: given one of a few very common full names
    narrative_typo: float = 0.15  # per narrative: one or two keyboard typos


NOISE_PRESETS: dict[str, NoiseConfig] = {
    "none": NoiseConfig(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    "low": NoiseConfig(0.05, 0.02, 0.01, 0.04, 0.10, 0.05, 0.15, 0.01, 0.05),
    "medium": NoiseConfig(),
    "high": NoiseConfig(0.25, 0.10, 0.06, 0.20, 0.35, 0.20, 0.50, 0.05, 0.30),
}


@dataclass(frozen=True)
class SynthConfig:
    records: int
    seed: int = 0
    # Fraction of all records that belong to a stalking or harassment course of conduct.
    stalking_rate: float = 0.02
    # Fraction of all records that belong to a repeated course of another kind (label "none").
    other_course_rate: float = 0.01
    start: dt.date = dt.date(2023, 4, 1)
    end: dt.date = dt.date(2025, 3, 31)
    force: str = "Synthshire Police"
    noise: NoiseConfig = field(default_factory=NoiseConfig)

    def __post_init__(self) -> None:
        if self.records < 1:
            raise ValueError("--records must be at least 1")
        if not 0.0 <= self.stalking_rate <= 1.0 or not 0.0 <= self.other_course_rate <= 1.0:
            raise ValueError("course rates must be between 0 and 1")
        if self.stalking_rate + self.other_course_rate > 1.0:
            raise ValueError("--stalking-rate plus --other-course-rate must not exceed 1")
        if self.end <= self.start:
            raise ValueError("end date must be after start date")

    def with_noise(self, preset: str) -> SynthConfig:
        if preset not in NOISE_PRESETS:
            raise ValueError(f"unknown noise preset {preset!r}; choose one of {', '.join(NOISE_PRESETS)}")
        return replace(self, noise=NOISE_PRESETS[preset])
