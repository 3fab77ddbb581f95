"""Signal receivers that turn framework events into audit entries."""

from __future__ import annotations

from typing import Any

from fourfold.web.audit.context import current_request
from fourfold.web.audit.services import record_audit

_ADMIN_ACTIONS = {1: "admin_add", 2: "admin_change", 3: "admin_delete"}


def audit_admin_log_entry(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """Every change made in the Django admin is audited too (the admin's own log can be edited by admins)."""
    if not created:
        return
    content_type = instance.content_type
    record_audit(
        user=instance.user,
        action=_ADMIN_ACTIONS.get(instance.action_flag, "admin_action"),
        object_type=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        object_id=instance.object_id or "",
        request=current_request.get(),
        extra={"object_repr": instance.object_repr, "change_message": instance.get_change_message()},
    )
