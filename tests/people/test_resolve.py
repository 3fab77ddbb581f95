import pandas as pd
import pytest

from fourfold.people import PeopleInputError, resolve_people
from fourfold.people.evaluate import clusters, pairwise
from fourfold.people.resolve import resolve_mentions


def test_finds_the_same_people_despite_noise(population, resolution):
    joined = population.merge(resolution.people, on="mention_id")
    scores = pairwise(joined["person_id"], joined["true_id"])
    assert scores["precision"] >= 0.97
    assert scores["recall"] >= 0.9
    assert clusters(joined["person_id"], joined["true_id"])["f1"] >= 0.9


def test_returns_one_row_per_mention_in_the_contract_shape(mentions, resolution):
    people = resolution.people
    assert list(people.columns[:2]) == ["mention_id", "person_id"]
    assert people["mention_id"].tolist() == mentions["mention_id"].tolist()


def test_nickname_and_swapped_birth_date_still_link(population, resolution):
    joined = population.merge(resolution.people, on="mention_id")
    for noise in ("nickname", "dob_swap"):
        rows = joined[joined["noise"] == noise]
        linked = [
            (
                joined[(joined["true_id"] == r.true_id) & (joined["mention_id"] != r.mention_id)]["person_id"]
                == r.person_id
            ).any()
            for r in rows.itertuples()
        ]
        assert sum(linked) >= 0.8 * len(linked), noise


def test_unknown_suspect_gets_no_person_id(resolution, mentions):
    extra = pd.DataFrame([{"mention_id": "X1:suspect", "record_id": "X1", "role": "suspect", "sex": "M"}])
    out = resolve_people(pd.concat([mentions.head(50), extra]), model=resolution.model)
    assert out.set_index("mention_id").loc["X1:suspect", "person_id"] is None


def test_duplicate_mention_ids_are_refused_with_one_line(mentions):
    with pytest.raises(PeopleInputError, match="not unique"):
        resolve_people(pd.concat([mentions.head(3), mentions.head(1)]))


def test_ids_are_the_same_on_every_run_and_any_row_order(mentions, resolution):
    shuffled = mentions.sample(frac=1.0, random_state=3)
    again = resolve_mentions(shuffled, model=resolution.model).people
    merged = resolution.people.merge(again, on="mention_id")
    assert (merged["person_id_x"].fillna("") == merged["person_id_y"].fillna("")).all()


def test_incremental_run_keeps_ids_and_attaches_new_mentions(population, mentions, resolution):
    old = mentions.iloc[:700]
    first = resolve_mentions(old, model=resolution.model).people
    second = resolve_people(mentions, previous=first, model=resolution.model)
    kept = first.merge(second, on="mention_id")
    assert (kept["person_id_x"].fillna("") == kept["person_id_y"].fillna("")).all()
    # New mentions of people already seen join those people.
    truth = population.set_index("mention_id")["true_id"]
    known = first.assign(true_id=first["mention_id"].map(truth)).dropna(subset=["person_id"])
    person_of_true = known.groupby("true_id")["person_id"].agg(lambda s: s.mode().iloc[0])
    new = second.iloc[700:].assign(true_id=lambda d: d["mention_id"].map(truth))
    new = new[new["true_id"].isin(person_of_true.index)]
    hits = (new["person_id"] == new["true_id"].map(person_of_true)).mean()
    assert len(new) > 50 and hits >= 0.9


def test_unchanged_data_with_previous_scores_nothing_and_changes_nothing(mentions, resolution):
    again = resolve_mentions(mentions, previous=resolution.people, model=resolution.model)
    assert again.pairs.empty
    assert again.people["person_id"].fillna("").tolist() == resolution.people["person_id"].fillna("").tolist()
