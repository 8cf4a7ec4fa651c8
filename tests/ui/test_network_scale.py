"""The network of a generated journal with 3 000 referrals is laid out and drawn (no timing)."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from bench.generate import generate
from journal.storage import open_journal
from ui.pages.network import NetworkPage


def test_scene_for_three_thousand_referrals(qtbot, tmp_path) -> None:
    path = generate(tmp_path / "big.sqlite", people=3000, notes=200, decisions=300, referrals=3000)
    journal = open_journal(path)
    try:
        page = NetworkPage()
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        qtbot.waitExposed(page)
        assert len(page.edge_items) == 3000
        assert len(page.node_items) == len({p for edge in page.edge_items for p in edge})
        image = QImage(page.view.viewport().size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        page.view.render(painter)
        painter.end()
        page.select(next(iter(page.node_items)))
        page.chain_button.click()
        assert 0 < len(page.visible_people()) <= len(page.node_items)
        assert page.find_person(next(iter(page.node_items.values())).name)
    finally:
        journal.close()
