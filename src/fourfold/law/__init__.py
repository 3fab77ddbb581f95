"""The law as code: offences, counting-rule regimes, outcome types, behaviours and seriousness, each row
citing its public source (../shared/reference/domain.md). Pure Python; no web framework."""

from fourfold.law.behaviours import BEHAVIOUR_IDS, BEHAVIOURS, Behaviour, associated_with_stalking, behaviour
from fourfold.law.config import (
    DEFAULT_CONFIG,
    LawConfig,
    LawConfigError,
    RegimeDates,
    active_config,
    load_config,
)
from fourfold.law.offences import OFFENCES, ModeOfTrial, Offence, offence
from fourfold.law.outcomes import OUTCOME_TYPES, OutcomeGroup, OutcomeType, StalkingUse, outcome_type
from fourfold.law.regimes import Regime, regime_by_id, regime_for, regimes
from fourfold.law.seriousness import SERIOUSNESS, most_serious, rank
from fourfold.law.sources import Source, Status

__all__ = [
    "BEHAVIOURS",
    "BEHAVIOUR_IDS",
    "DEFAULT_CONFIG",
    "OFFENCES",
    "OUTCOME_TYPES",
    "SERIOUSNESS",
    "Behaviour",
    "LawConfig",
    "LawConfigError",
    "ModeOfTrial",
    "Offence",
    "OutcomeGroup",
    "OutcomeType",
    "Regime",
    "RegimeDates",
    "Source",
    "StalkingUse",
    "Status",
    "active_config",
    "associated_with_stalking",
    "behaviour",
    "load_config",
    "most_serious",
    "offence",
    "outcome_type",
    "rank",
    "regime_by_id",
    "regime_for",
    "regimes",
]
