"""The person page, driven with the keyboard and mouse over a real journal file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from journal import decisions, goals, notes, pains, people, referrals
from ui.person.timeline_model import EntryRole, KeyRole, render

pytestmark = pytest.mark.both_backends


@pytest.fixture
def ann(journal):
    return people.add_person("Ann Archer", company="Acme", role="Buyer")


@pytest.fixture
def bob(journal):
    return people.add_person("Bob Baker")


def find(page: QWidget, cls: type, name: str):
    widget = page.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_a_note_is_written_with_the_keyboard_alone(qtbot, page, ann):
    page.show_person(ann.id)
    page.new_note()
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    assert page.tabs.currentWidget() is page.journal
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "Met at the fair; wants **fewer** suppliers")
    messages: list[str] = []
    page.statusMessage.connect(messages.append)
    with qtbot.waitSignal(page.personChanged):
        qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert messages and messages[0].startswith("Saved at ")
    written = notes.notes_of(ann.id)
    assert [n.body for n in written] == ["Met at the fair; wants **fewer** suppliers"]
    assert body.toPlainText() == ""
    top = page.journal.model.index(0).data(KeyRole)
    assert top == ("note", written[0].id)

    qtbot.keyClicks(body, "Second one")
    qtbot.keyClick(body, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert len(notes.notes_of(ann.id)) == 2


def test_an_empty_note_is_refused_and_nothing_is_lost(qtbot, page, ann, message_boxes):
    page.show_person(ann.id)
    page.new_note()
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    qtbot.keyClicks(body, "   ")
    message_boxes.expect("note")
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert message_boxes.only().name == "errorDialog"
    assert notes.notes_of(ann.id) == []
    assert body.toPlainText() == "   "


def test_the_timeline_renders_markdown_but_not_html(qtbot, page, ann):
    notes.add_note(ann.id, "**bold** and <b>tags</b> shown as typed")
    page.show_person(ann.id)
    entry = page.journal.model.index(0).data(EntryRole)
    doc = render(entry, page.font(), 600)
    assert doc.toPlainText() == "bold and <b>tags</b> shown as typed"


def test_the_draft_is_kept_per_person(qtbot, page, ann, bob):
    page.show_person(ann.id)
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    page.new_note()
    qtbot.keyClicks(body, "Half a thought about Ann")
    page.show_person(bob.id)
    assert body.toPlainText() == ""
    qtbot.keyClicks(body, "Bob's draft")
    page.show_person(ann.id)
    assert body.toPlainText() == "Half a thought about Ann"
    page.show_person(bob.id)
    assert body.toPlainText() == "Bob's draft"
    assert notes.notes_of(ann.id) == [] and notes.notes_of(bob.id) == []


def test_forgetting_drops_the_person_and_the_drafts(qtbot, page, ann):
    page.show_person(ann.id)
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    qtbot.keyClicks(body, "a draft")
    page.forget()
    assert page.current_person_id() is None and not page.isEnabled()
    page.show_person(ann.id)
    assert body.toPlainText() == ""


def test_a_note_can_be_edited_and_moved_to_trash_from_the_timeline(qtbot, page, ann):
    note = notes.add_note(ann.id, "First version")
    page.show_person(ann.id, focus=("note", note.id))
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    qtbot.keyClicks(body, "a draft")
    page.journal.edit_button.click()
    assert body.toPlainText() == "First version"
    body.selectAll()
    qtbot.keyClicks(body, "Second version")
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notes.get_note(note.id).body == "Second version"
    assert body.toPlainText() == "a draft"  # the draft put aside comes back
    page.journal.highlight("note", note.id)
    page.journal.view.setFocus()
    qtbot.keyClick(page.journal.view, Qt.Key.Key_Delete)
    assert notes.notes_of(ann.id) == []
    assert page.journal.model.rowCount() == 0


def test_editing_the_company_saves_it(qtbot, page, ann):
    page.show_person(ann.id)
    company = find(page, QLineEdit, "companyEdit")
    assert company.text() == "Acme"
    company.setFocus()
    company.selectAll()
    qtbot.keyClicks(company, "Globex")
    with qtbot.waitSignal(page.personChanged) as blocker:
        qtbot.keyClick(company, Qt.Key.Key_Return)
    assert blocker.args == [ann.id]
    assert people.get_person(ann.id).company == "Globex"


def test_an_empty_name_shows_the_error_and_keeps_the_field(qtbot, page, ann, message_boxes):
    page.show_person(ann.id)
    name = find(page, QLineEdit, "nameEdit")
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    message_boxes.expect("name")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert message_boxes.only().name == "errorDialog"
    assert name.text() == ""
    assert people.get_person(ann.id).name == "Ann Archer"
    company = find(page, QLineEdit, "companyEdit")
    company.setFocus()  # leaving the field does not nag again (a second box would fail the test)
    assert company.hasFocus()
    assert len(message_boxes.shown) == 1


def test_cadence_fit_focus_and_tags_save_as_they_change(qtbot, page, ann):
    page.show_person(ann.id)
    find(page, QComboBox, "fitCombo").setCurrentIndex(0)
    page.header.focus.click()
    page.header.cadence.setValue(30)
    tags = find(page, QLineEdit, "tagsEdit")
    tags.setFocus()
    qtbot.keyClicks(tags, "founder, retail")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    person = people.get_person(ann.id)
    assert (person.fit, person.focus, person.cadence_days) == ("good", True, 30)
    assert set(person.tags) == {"founder", "retail"}
    assert page.profile.cadence.value() == 30  # the same field shown twice stays in step


# The completer's popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_tags_complete_the_last_one_typed(qtbot, page, ann, bob):
    people.update_person(bob.id, tags=["retail", "founder"])
    page.show_person(ann.id)
    tags = find(page, QLineEdit, "tagsEdit")
    tags.setFocus()
    qtbot.keyClicks(tags, "founder, re")
    popup = page.header.tag_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "founder, retail"
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert people.get_person(ann.id).tags == ("founder", "retail")


def test_a_person_in_the_trash_says_so(qtbot, page, ann):
    people.trash_person(ann.id)
    page.show_person(ann.id)
    assert page.header.trashed.isVisible()
    assert "In the trash" in page.header.trashed.text()


def test_a_cadence_typed_in_is_saved_once(qtbot, page, ann):
    page.show_person(ann.id)
    messages: list[str] = []
    page.statusMessage.connect(messages.append)
    spin = page.header.cadence
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert people.get_person(ann.id).cadence_days == 45
    assert len(messages) == 1


def test_profile_text_areas_save_after_a_pause_or_on_leaving(qtbot, page, ann, bob):
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.profile)
    emails = find(page, QPlainTextEdit, "emailsEdit")
    emails.setFocus()
    qtbot.keyClicks(emails, "ann@acme.test")
    qtbot.waitUntil(lambda: people.get_person(ann.id).emails == ("ann@acme.test",), timeout=3000)
    about = find(page, QPlainTextEdit, "aboutEdit")
    about.setFocus()
    qtbot.keyClicks(about, "Runs three shops")
    page.show_person(bob.id)  # leaving the person writes what is pending
    assert people.get_person(ann.id).about == "Runs three shops"


def test_reloading_after_a_save_keeps_what_is_being_typed(qtbot, page, ann):
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.profile)
    about = find(page, QPlainTextEdit, "aboutEdit")
    about.setFocus()
    qtbot.keyClicks(about, "Runs three shops")
    with qtbot.waitSignal(page.personChanged, timeout=3000):
        pass  # the pause saved it, and the page was shown again
    qtbot.keyClicks(about, " and a cafe")
    assert about.toPlainText() == "Runs three shops and a cafe"
    assert about.textCursor().atEnd()
    qtbot.waitUntil(lambda: people.get_person(ann.id).about == "Runs three shops and a cafe")


def test_a_weak_no_with_objections_and_a_lesson(qtbot, page, ann):
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.decisions)
    offer = find(page, QLineEdit, "newDecisionOfferEdit")
    outcome = find(page, QComboBox, "newDecisionOutcomeCombo")
    outcome.setCurrentIndex(outcome.findData("weak_no"))
    offer.setFocus()
    qtbot.keyClicks(offer, "Annual plan")
    qtbot.keyClick(offer, Qt.Key.Key_Return)
    [decision] = decisions.decisions_of(ann.id)
    assert (decision.offer, decision.outcome) == ("Annual plan", "weak_no")

    new_objection = find(page, QLineEdit, "newObjectionEdit")
    for text in ("Too expensive this quarter", "Needs the partner's yes"):
        qtbot.keyClicks(new_objection, text)
        qtbot.keyClick(new_objection, Qt.Key.Key_Return)
    lesson = find(page, QPlainTextEdit, "decisionLessonEdit")
    lesson.setFocus()
    qtbot.keyClicks(lesson, "Offer a quarterly start")
    new_objection.setFocus()  # leaving the lesson saves it
    [decision] = decisions.decisions_of(ann.id)
    assert [o.text for o in decision.objections] == [
        "Too expensive this quarter",
        "Needs the partner's yes",
    ]
    assert decision.lesson == "Offer a quarterly start"
    badge = page.decisions.editor.badge
    assert badge.isVisible() and "not finished" in badge.text()
    assert "Too expensive this quarter" in badge.text()

    view = page.decisions.editor.objection_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    [decision] = decisions.decisions_of(ann.id)
    assert [o.addressed for o in decision.objections] == [True, False]
    assert "Too expensive" not in badge.text() and "partner" in badge.text()


def test_an_objection_is_reworded_and_removed(qtbot, page, ann):
    decision = decisions.record_decision(ann.id, "Plan", "undecided", objections=["price", "tim"])
    page.show_person(ann.id, focus=("decision", decision.id))
    view = page.decisions.editor.objection_view
    model = view.model()
    assert model.setData(model.index(1, 0), "timing")
    assert [o.text for o in decisions.get_decision(decision.id).objections] == ["price", "timing"]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [o.text for o in decisions.get_decision(decision.id).objections] == ["timing"]
    assert model.rowCount() == 1


def test_a_goal_is_added_and_its_status_changed(qtbot, page, ann):
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.goals)
    text = find(page, QLineEdit, "newGoalEdit")
    why = find(page, QLineEdit, "newGoalDetailEdit")
    text.setFocus()
    qtbot.keyClicks(text, "Open a second shop")
    qtbot.keyClicks(why, "so her daughter can run one")
    qtbot.keyClick(why, Qt.Key.Key_Return)
    [goal] = goals.goals_of(ann.id)
    assert (goal.text, goal.why, goal.status) == (
        "Open a second shop",
        "so her daughter can run one",
        "open",
    )
    assert text.text() == ""
    combo = page.goals.view.indexWidget(page.goals.model.index(0, 2))
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert goals.goals_of(ann.id)[0].status == "attained"
    assert page.goals.model.index(0, 2).data() == "Attained"
    qtbot.waitUntil(lambda: page.tabs.tabText(page.tabs.indexOf(page.goals)) == "&Goals (1)")


def test_a_pain_is_edited_in_place(qtbot, page, ann):
    pain = pains.add_pain(ann.id, "Stock runs out", ramifications="lost weekends")
    page.show_person(ann.id, focus=("pain", pain.id))
    assert page.tabs.currentWidget() is page.pains
    assert page.pains.model.setData(page.pains.model.index(0, 1), "lost customers")
    assert pains.pains_of(ann.id)[0].ramifications == "lost customers"


def test_a_refused_edit_in_place_keeps_what_was_typed(qtbot, page, ann, message_boxes):
    goal = goals.add_goal(ann.id, "Grow")
    page.show_person(ann.id, focus=("goal", goal.id))
    view = page.goals.view
    index = page.goals.model.index(0, 0)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText("   ")
    message_boxes.expect("goal")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    qtbot.waitUntil(lambda: isinstance(view.indexWidget(index), QLineEdit))
    assert view.indexWidget(index).text() == "   "
    qtbot.keyClick(view.indexWidget(index), Qt.Key.Key_Escape)  # gives up: nothing more to say
    assert view.indexWidget(index) is None
    assert len(message_boxes.shown) == 1
    assert goals.goals_of(ann.id)[0].text == "Grow"


# The completer's popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_a_referral_is_linked_by_typing_a_name(qtbot, page, ann, bob):
    people.add_person("Cleo Carter")
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.referrals)
    section = page.referrals
    assert section.credit.text() == "Has not referred anyone yet."
    section.direction.setCurrentIndex(section.direction.findData("from"))
    other = find(page, QLineEdit, "referralPersonEdit")
    other.setFocus()
    qtbot.waitUntil(lambda: "Bob Baker" in section.names.stringList())  # read when focused
    assert "Ann Archer" not in section.names.stringList()
    qtbot.keyClicks(other, "bo")
    popup = section.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert other.text() == "Bob Baker"
    context = find(page, QLineEdit, "referralContextEdit")
    qtbot.keyClicks(context, "at the trade fair")
    qtbot.keyClick(context, Qt.Key.Key_Return)
    [link] = referrals.referrals_from(ann.id)
    assert (link.referred_id, link.context) == (bob.id, "at the trade fair")
    assert section.credit.text() == "Referred 1 person · never bought"
    with qtbot.waitSignal(page.openPerson) as opened:
        section.to_view.activated.emit(section.to_model.index(0))
    assert opened.args == [bob.id]

    section.to_view.setCurrentIndex(section.to_model.index(0))
    section.remove_button.click()
    assert referrals.referrals_from(ann.id) == []


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_referral_names_are_read_when_wanted_and_again_after_a_change(qtbot, page, ann, bob):
    page.show_person(ann.id)
    page.tabs.setCurrentWidget(page.referrals)
    section = page.referrals
    assert section.names.stringList() == []  # opening the person read no one's name
    other = find(page, QLineEdit, "referralPersonEdit")
    other.setFocus()
    qtbot.waitUntil(lambda: section.names.stringList() == ["Bob Baker"])
    people.add_person("Cleo Carter")
    section.refresh()  # what a change to people does
    assert section.names.stringList() == ["Bob Baker", "Cleo Carter"]
    page.show_person(bob.id)
    other.setFocus()
    qtbot.waitUntil(lambda: section.names.stringList() == ["Ann Archer", "Cleo Carter"])


def test_referral_records_name_both_people_by_id(journal, ann, bob):
    referrals.add_referral(bob.id, ann.id)
    [link] = referrals.referred_by(ann.id)
    assert (link.referrer_id, link.referred_id) == (bob.id, ann.id)


def test_the_referrer_link_in_the_header_opens_them(qtbot, page, ann, bob):
    referrals.add_referral(bob.id, ann.id)
    page.show_person(ann.id)
    assert "Bob Baker" in page.header.referred_by.text()
    with qtbot.waitSignal(page.openPerson) as opened:
        page.header.referred_by.linkActivated.emit(f"person:{bob.id}")
    assert opened.args == [bob.id]


def test_sections_open_with_alt_and_a_letter(qtbot, page, ann):
    page.show_person(ann.id)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.new_note()
    body = find(page, QPlainTextEdit, "noteBodyEdit")
    qtbot.keyClick(body, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.decisions
    qtbot.keyClick(page.tabs, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.profile


def test_focus_opens_the_section_holding_the_record(qtbot, page, ann):
    note = notes.add_note(ann.id, "A note")
    decision = decisions.record_decision(ann.id, "Plan", "undecided", objections=["timing"])
    goal = goals.add_goal(ann.id, "Grow")
    page.show_person(ann.id, focus=("goal", goal.id))
    assert page.tabs.currentWidget() is page.goals
    page.show_person(ann.id, focus=("note", note.id))
    assert page.tabs.currentWidget() is page.journal
    assert page.journal.view.currentIndex().data(KeyRole) == (
        "note",
        note.id,
    )
    page.journal.highlight("goal", goal.id)
    page.journal.view.activated.emit(page.journal.view.currentIndex())
    assert page.tabs.currentWidget() is page.goals
    page.show_person(ann.id, focus=("objection", decision.objections[0].id))
    assert page.tabs.currentWidget() is page.decisions
    assert page.decisions.editor.decision.id == decision.id
    assert page.current_person_id() == ann.id


def test_every_item_model_passes_the_model_tester(qtmodeltester, page, ann, bob):
    notes.add_note(ann.id, "# Heading\n\n* a list")
    goals.add_goal(ann.id, "Grow", why="because")
    pains.add_pain(ann.id, "Slow", ramifications="lost sales")
    decisions.record_decision(ann.id, "Plan", "weak_no", objections=["price", "timing"])
    referrals.add_referral(bob.id, ann.id, context="dinner")
    referrals.add_referral(ann.id, people.add_person("Cleo").id)
    page.show_person(ann.id)
    models = [
        page.journal.model,
        page.goals.model,
        page.pains.model,
        page.decisions.model,
        page.decisions.editor.objections,
        page.referrals.by_model,
        page.referrals.to_model,
    ]
    for model in models:
        assert model.rowCount() > 0, model
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)
