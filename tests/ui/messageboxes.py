"""Every message box a test opens is recorded and answered at once; one the test did not expect
fails it (after qutebrowser's tests/helpers/messagemock.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox

STATIC = {
    "information": QMessageBox.Icon.Information,
    "question": QMessageBox.Icon.Question,
    "warning": QMessageBox.Icon.Warning,
    "critical": QMessageBox.Icon.Critical,
}


@dataclass(frozen=True)
class Shown:
    """What a message box said, and the button the test answered it with."""

    name: str
    title: str
    text: str
    informative: str
    icon: QMessageBox.Icon
    answer: str | None

    def says(self, words: str) -> bool:
        return words in self.text or words in self.informative


@dataclass
class _Expected:
    words: str
    answer: str | None


class MessageBoxes:
    """`expect(words, answer=...)` before the box appears; `shown` holds each box in order."""

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self.unexpected: list[Shown] = []
        self._expected: list[_Expected] = []

    def expect(self, words: str = "", answer: str | None = None) -> None:
        """The next box saying `words` (text or informative text) is answered by clicking the
        button labelled `answer` (ampersands ignored), or closed as Escape would."""
        self._expected.append(_Expected(words, answer))

    def only(self) -> Shown:
        """The one box shown so far (fails if there were none or several)."""
        assert len(self.shown) == 1, [box.text for box in self.shown]
        return self.shown[0]

    def answer(self, box: QMessageBox) -> int:
        """Record `box` and answer it as expected (in place of exec() and open())."""
        expected = next((e for e in self._expected if _says(box, e.words)), None)
        answer = None if expected is None else expected.answer
        shown = Shown(
            box.objectName(),
            box.windowTitle(),
            box.text(),
            box.informativeText(),
            box.icon(),
            answer,
        )
        self.shown.append(shown)
        if expected is None:
            self.unexpected.append(shown)
        else:
            self._expected.remove(expected)
        if answer is None:
            box.done(0)
        else:
            _button(box, answer).click()
        return box.result()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Answer boxes in place of exec(), open() and the static helpers until the test ends."""
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self.answer(box))
        monkeypatch.setattr(QMessageBox, "open", lambda box, *_: self.answer(box))
        for name, icon in STATIC.items():
            monkeypatch.setattr(QMessageBox, name, staticmethod(self._static(icon)))

    def _static(self, icon: QMessageBox.Icon) -> Callable[..., QMessageBox.StandardButton]:
        """QMessageBox.warning(parent, title, text, buttons, default) and its siblings."""

        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            buttons = args[0] if args else kwargs.get("buttons", QMessageBox.StandardButton.Ok)
            box = QMessageBox(icon, title, text, buttons, parent)
            self.answer(box)
            clicked = box.clickedButton()
            return (
                QMessageBox.StandardButton.NoButton
                if clicked is None
                else box.standardButton(clicked)
            )

        return show

    def check(self) -> None:
        """Fail the test if a box came that it did not expect, or an expected one never came."""
        if self.unexpected:
            pytest.fail(f"unexpected message box: {self.unexpected[0]}", pytrace=False)
        if self._expected:
            pytest.fail(f"expected a message box saying {self._expected[0].words!r}", False)


def _says(box: QMessageBox, words: str) -> bool:
    return words in box.text() or words in box.informativeText()


def _button(box: QMessageBox, label: str) -> QAbstractButton:
    for button in box.buttons():
        if button.text().replace("&", "") == label:
            return button
    raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")
