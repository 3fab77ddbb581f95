from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The areas the signed-in user may use, for the service navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": []}
    from fourfold.web.front.areas import areas_for

    current = request.path
    return {
        "nav_areas": [
            {"title": area.title, "url": area.url(), "current": current.startswith(area.url())}
            for area in areas_for(user)
        ]
    }
