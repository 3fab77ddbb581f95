from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "fourfold.web.review"
    label = "review"
    verbose_name = "Review"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from fourfold.web.front.areas import Area, all_areas, register_area
        from fourfold.web.review import permissions

        known = {area.key for area in all_areas()}
        if "review" not in known:
            register_area(
                Area(
                    key="review",
                    title="Review queue",
                    url_name="review:queue",
                    description="Possible stalking found across the records: review the evidence and decide.",
                    roles=permissions.VIEW_FINDINGS,
                )
            )
        if "audit-search" not in known:
            register_area(
                Area(
                    key="audit-search",
                    title="Search the audit trail",
                    url_name="review:audit-search",
                    description="Find who viewed or decided on a finding, and when.",
                    roles=permissions.SEARCH_AUDIT,
                )
            )
