"""Concurrent writers never fork the chain (threads, each with its own database connection)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from fourfold.web.audit.models import AuditEntry
from fourfold.web.audit.services import record_audit, verify_chain

WRITERS = 4
EACH = 15


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_one_unbroken_chain() -> None:
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"] in ("", ":memory:"):
        pytest.fail("the SQLite test database must be shared between threads")
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        try:
            start.wait()
            for i in range(EACH):
                record_audit(user=None, action="concurrent", object_id=f"{number}-{i}")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert AuditEntry.objects.count() == WRITERS * EACH
    assert list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True)) == list(
        range(1, WRITERS * EACH + 1)
    )
    report = verify_chain()
    assert report.ok and report.count == WRITERS * EACH
