"""Fourfold: finds stalking across police records."""
