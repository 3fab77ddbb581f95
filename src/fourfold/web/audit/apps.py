from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class AuditConfig(AppConfig):
    name = "fourfold.web.audit"
    label = "audit"
    verbose_name = "Audit trail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from fourfold.web.audit import receivers

        post_save.connect(receivers.audit_admin_log_entry, sender=LogEntry, dispatch_uid="audit-admin-log")
        post_migrate.connect(ensure_chain_head, sender=self, dispatch_uid="audit-ensure-head")


def ensure_chain_head(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Create the chain head on a fresh (or flushed) database so the first writer has a row to lock."""
    from fourfold.web.audit.chain import GENESIS_HASH
    from fourfold.web.audit.models import AuditChainHead, AuditEntry

    if not AuditEntry.objects.using(using).exists():
        AuditChainHead.objects.using(using).get_or_create(
            pk=1, defaults={"seq": 0, "entry_hash": GENESIS_HASH}
        )
