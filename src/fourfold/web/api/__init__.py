"""The JSON API (django-ninja) over the review area: findings and decisions, same permissions as the pages."""
