"""Need to know: which roles may see and do what in the review area (design.md §5 "nothing leaked")."""

from __future__ import annotations

from typing import Any

from fourfold.web.accounts.roles import roles_of
from fourfold.web.review.outcomes import NEEDS_MORE_INFORMATION, OUTCOMES, REFER_SPO

# Everyone who works findings may read them; auditors read the audit trail instead.
VIEW_FINDINGS = (
    "analyst",
    "registrar",
    "investigator",
    "supervisor",
    "public_protection",
    "victim_care",
    "admin",
)
# Stalking advisers (analyst role), investigators, supervisors and registrars propose recording decisions.
DECIDE = ("analyst", "registrar", "investigator", "supervisor")
# Public protection can ask for more information and refer for a Stalking Protection Order (SPA 2019 s.1).
DECIDE_LIMITED = {"public_protection": (NEEDS_MORE_INFORMATION, REFER_SPO)}
# HOCR General Rules section B: re-classification decisions belong to the force crime registrar's team.
SIGN_OFF = ("registrar",)
EXPORT_DECISIONS = ("registrar", "supervisor", "admin")
# Victims' addresses and contact details: only roles that contact or protect the victim.
CONTACT_DETAILS = ("public_protection", "victim_care", "investigator")
SEARCH_AUDIT = ("auditor",)
API = VIEW_FINDINGS


def has_any(user: Any, roles: tuple[str, ...]) -> bool:
    return bool(roles_of(user) & set(roles))


def can_view_findings(user: Any) -> bool:
    return has_any(user, VIEW_FINDINGS)


def allowed_outcomes(user: Any) -> list[str]:
    """The decisions this user may record, in the order the form offers them."""
    roles = roles_of(user)
    if roles & set(DECIDE):
        return list(OUTCOMES)
    allowed: set[str] = set()
    for role, outcomes in DECIDE_LIMITED.items():
        if role in roles:
            allowed.update(outcomes)
    return [code for code in OUTCOMES if code in allowed]


def can_sign_off(user: Any) -> bool:
    return has_any(user, SIGN_OFF)


def can_export(user: Any) -> bool:
    return has_any(user, EXPORT_DECISIONS)


def can_see_contact_details(user: Any) -> bool:
    return has_any(user, CONTACT_DETAILS)


def can_search_audit(user: Any) -> bool:
    return has_any(user, SEARCH_AUDIT)
