import shutil

import pytest

pytest.importorskip("pyspark")

from fourfold.people.resolve import resolve_mentions  # noqa: E402


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")
def test_spark_backend_gives_the_same_clusters_as_duckdb(population):
    small = population.iloc[:250].drop(columns=["true_id", "noise"])
    duck = resolve_mentions(small)
    spark = resolve_mentions(small, backend="spark", model=duck.model)
    merged = duck.people.merge(spark.people, on="mention_id")
    assert (merged["person_id_x"].fillna("") == merged["person_id_y"].fillna("")).all()
    assert len(duck.pairs) == len(spark.pairs) > 0
