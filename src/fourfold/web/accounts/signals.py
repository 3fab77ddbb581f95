"""Sign-in, sign-out, failed sign-in and lockout are written to the audit trail."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from fourfold.web.audit.services import record_audit


@receiver(user_logged_in, dispatch_uid="audit-sign-in")
def audit_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record_audit(user=user, action="sign_in", object_type="user", object_id=user.pk, request=request)


@receiver(user_logged_out, dispatch_uid="audit-sign-out")
def audit_sign_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None:
        return  # signing out when not signed in changes nothing
    record_audit(user=user, action="sign_out", object_type="user", object_id=user.pk, request=request)


@receiver(user_login_failed, dispatch_uid="audit-sign-in-failed")
def audit_sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django has already masked secrets in `credentials`; only the username claimed is kept.
    record_audit(
        user=None,
        action="sign_in_failed",
        request=request,
        extra={"username": str(credentials.get("username", ""))[:150]},
    )


@receiver(user_locked_out, dispatch_uid="audit-locked-out")
def audit_locked_out(sender: Any, request: HttpRequest | None, username: str | None, **kwargs: Any) -> None:
    record_audit(
        user=None,
        action="sign_in_locked_out",
        request=request,
        extra={"username": str(username or "")[:150]},
    )
