from django.urls import path

from fourfold.web.review import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("findings/<str:finding_id>/", views.finding_detail, name="finding"),
    path("findings/<str:finding_id>/decide/", views.decide, name="decide"),
    path("findings/<str:finding_id>/sign-off/", views.sign_off, name="sign-off"),
    path("decisions.csv", views.export_decisions, name="export"),
    path("audit/", views.audit_search, name="audit-search"),
]
