from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from fourfold.web.accounts.roles import role_required
from fourfold.web.audit.models import AuditEntry
from fourfold.web.audit.services import record_audit, verify_chain

PAGE_SIZE = 50


@require_GET
@role_required("auditor", "admin")
def trail(request: HttpRequest) -> HttpResponse:
    """The newest audit entries first. Looking at the trail is itself audited."""
    requested = request.GET.get("page", "1")
    record_audit(
        user=request.user, action="view_audit_trail", request=request, extra={"page": requested[:20]}
    )
    page = Paginator(AuditEntry.objects.order_by("-seq"), PAGE_SIZE).get_page(requested)
    return render(request, "audit/trail.html", {"page": page})


@require_POST
@role_required("auditor", "admin")
def verify(request: HttpRequest) -> HttpResponse:
    """Check the whole chain now and show the result."""
    report = verify_chain()
    record_audit(
        user=request.user,
        action="verify_audit_chain",
        request=request,
        extra={"ok": report.ok, "count": report.count},
    )
    return render(request, "audit/verify.html", {"report": report})
