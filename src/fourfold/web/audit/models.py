"""The append-only audit trail: entries chained by hash, and the chain head used to serialise writes."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from fourfold.web.audit.chain import EntryFields, StoredEntry, timestamp


class AuditEntryImmutable(Exception):
    """Audit entries are never changed or deleted through the application."""


def _refuse(what: str) -> NoReturn:
    raise AuditEntryImmutable(f"audit entries are append-only: {what} is not allowed")


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        _refuse("update")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse("delete")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        _refuse("bulk update")

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[AuditEntry]:
        _refuse("bulk create (use record_audit)")

    def update_or_create(self, *args: Any, **kwargs: Any) -> tuple[AuditEntry, bool]:
        _refuse("update_or_create")


class AuditEntry(models.Model):
    """One audited event. Written only by `fourfold.web.audit.services.record_audit`."""

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    created_at = models.DateTimeField(editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # an audited user is deactivated, never deleted
        related_name="audit_entries",
        editable=False,
    )
    username = models.CharField(max_length=150, blank=True, editable=False)
    action = models.CharField(max_length=64, editable=False)
    object_type = models.CharField(max_length=100, blank=True, editable=False)
    object_id = models.CharField(max_length=200, blank=True, editable=False)
    reason = models.TextField(blank=True, editable=False)
    ip = models.CharField(max_length=45, blank=True, editable=False)
    extra_json = models.TextField(default="{}", editable=False)
    prev_hash = models.CharField(max_length=64, unique=True, editable=False)
    entry_hash = models.CharField(max_length=64, unique=True, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["user", "created_at"]),
            models.Index(fields=["action"]),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.username or 'anonymous'}"

    @property
    def extra(self) -> dict[str, Any]:
        import json

        value: dict[str, Any] = json.loads(self.extra_json)
        return value

    def chain_fields(self) -> EntryFields:
        return EntryFields(
            seq=self.seq,
            created_at=timestamp(self.created_at),
            user_id=self.user_id,
            username=self.username,
            action=self.action,
            object_type=self.object_type,
            object_id=self.object_id,
            reason=self.reason,
            ip=self.ip,
            extra=self.extra_json,
            prev_hash=self.prev_hash,
        )

    def stored(self) -> StoredEntry:
        return StoredEntry(id=self.pk, fields=self.chain_fields(), entry_hash=self.entry_hash)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("changing a saved entry")
        if not getattr(self, "_appended_by_service", False):
            _refuse("saving outside record_audit")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse("delete")


class AuditChainHead(models.Model):
    """The single row naming the newest entry. Writers lock it, so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    seq = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit head at entry {self.seq}"
