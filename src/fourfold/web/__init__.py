"""The web app (Django): the only part of Fourfold that imports Django.

Importing this package does not import Django; settings live in `fourfold.web.settings`.
"""
