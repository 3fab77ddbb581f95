"""Screening: the batch pipeline behind `fourfold screen` (ingest, quarantine, stages, findings, report.html).

Importing this package is cheap; the pipeline lives in `fourfold.screening.pipeline`.
"""
