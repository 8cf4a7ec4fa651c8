"""Every text field takes any Unicode a person can type (emoji, right-to-left scripts, combining
marks, very long text) and gives it back unchanged, through the journal file and search."""

from __future__ import annotations

import pytest

from journal import decisions, drafts, followups, goals, notes, pains, people, referrals, search
from journal.storage import open_journal

pytestmark = pytest.mark.both_backends

SAMPLES = {
    "emoji": "Deal 🤝 done 👩🏽‍💻 with 🇵🇹 flags & 1️⃣ keycaps",
    "arabic": "مرحبا بكم في اجتماع الميزانية",
    "hebrew": "שלום, נדבר על התקציב בשבוע הבא",
    "mixed": "Budget ‏מחר‏ then 🗓️ «réunion» – ok",
    "combining": "Zoë, Åsa, ñandú, e\u0301 (decomposed), Z\u0351\u0358a\u0350lgo",
    "cjk": "你好，预算在春天前冻结。こんにちは。안녕하세요",
    "astral": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟘𝟙𝟚 𓀀 \U0001f9ec",
    "long": ("Lorem ipsum שלום 🤝 " * 6000)[:100_000].strip(),
}


@pytest.fixture(params=list(SAMPLES), ids=list(SAMPLES))
def text(request) -> str:
    return SAMPLES[request.param]


def test_every_text_field_reads_back_unchanged(journal_location, text):
    with open_journal(journal_location):
        person = people.add_person(
            text,
            company=text,
            role=text,
            location=text,
            how_we_met=text,
            about=text,
            emails=["ana@example.com"],
            tags=[text[:60].strip()],
        )
        other = people.add_person("Other")
        note = notes.add_note(person.id, text)
        goal = goals.add_goal(person.id, text, why=text)
        pain = pains.add_pain(person.id, text, ramifications=text)
        decision = decisions.record_decision(
            person.id, text, "weak_no", reason=text, lesson=text, objections=[text]
        )
        referral = referrals.add_referral(other.id, person.id, context=text)
        followups.add_follow_up(person.id, text, "2030-01-01")
        drafts.save_draft(person.id, "call", None, text)
    with open_journal(journal_location):  # from the file, not from memory
        p = people.get_person(person.id)
        assert (p.name, p.company, p.role, p.location, p.how_we_met, p.about) == (text,) * 6
        assert list(p.tags) == [text[:60].strip()]
        assert notes.get_note(note.id).body == text
        [g] = goals.goals_of(person.id)
        assert (g.id, g.text, g.why) == (goal.id, text, text)
        [pa] = pains.pains_of(person.id)
        assert (pa.id, pa.text, pa.ramifications) == (pain.id, text, text)
        d = decisions.get_decision(decision.id)
        assert (d.offer, d.reason, d.lesson) == (text, text, text)
        assert [o.text for o in d.objections] == [text]
        assert referrals.get_referral(referral.id).context == text
        assert [f.what for f in followups.follow_ups_of(person.id)] == [text]
        assert drafts.draft_of(person.id).body == text


@pytest.mark.parametrize("name", ["arabic", "hebrew", "emoji", "cjk"])
def test_search_finds_words_in_any_script(journal, name):
    text = SAMPLES[name]
    ana = people.add_person("Ana")
    notes.add_note(ana.id, text)
    word = max(text.split(), key=len)
    hits = search.search(word)
    assert any(getattr(h, "person_id", None) == ana.id for h in hits), (word, hits)
