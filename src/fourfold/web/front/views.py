from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fourfold.web.accounts.roles import role_labels
from fourfold.web.front.areas import areas_for


def home(request: HttpRequest) -> HttpResponse:
    """After sign-in: who you are, your roles, and the areas they open."""
    user = request.user
    return render(
        request,
        "front/home.html",
        {"roles": role_labels(user), "areas": areas_for(user)},
    )
