"""'Enquiries ongoing' is about the police's work, not repeated conduct by the suspect."""

from fourfold.narrative import analyse


def test_enquiries_ongoing_is_not_repetition():
    evidence = analyse("IP reports susp outside her house last night. Enquiries ongoing.")
    assert not any(span.text.lower() == "ongoing" for span in evidence.repetition)


def test_ongoing_conduct_is_still_repetition():
    evidence = analyse("Susp has been sending her ongoing abusive messages.")
    assert any(span.text.lower() == "ongoing" for span in evidence.repetition)
