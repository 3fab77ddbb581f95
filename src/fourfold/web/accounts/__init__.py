"""Accounts: the custom user model, roles (as groups) and the sign-in pages."""
