"""Network: who introduced whom, drawn as a graph, with the connectors ranked beside it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGraphicsPathItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal import network
from journal.changes import Changes
from journal.credit import connectors

from ..graph.items import LABEL_LOD, NodeItem, arrow, arrow_path
from ..graph.legend import Legend
from ..graph.view import NetworkView
from ..item_models.network_models import connectors_model
from .common import PersonTable, heading
from .refresh_when_shown import RefreshWhenShown

ALL_TAGS = "All tags"
EMPTY = (
    "Nobody has introduced anybody yet. On a person's page, under Referrals, note who "
    "introduced them: the network of trust grows here."
)
CONTEXT_OPACITY = 0.35


class NetworkPage(RefreshWhenShown, QWidget):
    openPerson = Signal(int, object)
    kinds = frozenset({"person", "referral", "tag"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkPage")
        self.setAccessibleName("Network")
        self.net = network.Network({}, frozenset())
        self.node_items: dict[int, NodeItem] = {}
        self.edge_items: dict[network.Edge, QGraphicsPathItem] = {}
        self.chain_person: int | None = None
        self._positions: dict[int, network.Position] = {}
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view = NetworkView(self)
        self.view.setScene(self.scene)
        self.view.personActivated.connect(lambda pid: self.openPerson.emit(pid, None))
        self._build_bar()
        self.empty = QLabel(EMPTY, self)
        self.empty.setObjectName("networkEmpty")
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.model = connectors_model(self)
        self.connectors = PersonTable("connectorsTable", "Connectors", self)
        self.connectors.setModel(self.model)
        self.connectors.stretch(0, 3)
        self.connectors.openRow.connect(self._open_connector)
        self.connectors.clicked.connect(lambda index: self._show_connector(index.row()))
        side = QWidget(self)
        side.setMinimumWidth(300)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        title = heading("Connectors", "section", side)
        title.setBuddy(self.connectors)
        side_layout.addWidget(title)
        hint = QLabel("Most introductions first. Those in bold are not thanked yet.", side)
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        side_layout.addWidget(hint)
        side_layout.addWidget(self.connectors)
        graph = QWidget(self)
        graph_layout = QVBoxLayout(graph)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.addWidget(self.empty)
        graph_layout.addWidget(self.view, 1)
        self.legend = Legend(graph)
        self.view.zoomed.connect(lambda scale: self.legend.show_hint(scale < LABEL_LOD))
        graph_layout.addWidget(self.legend)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("networkSplitter")
        self.splitter.addWidget(graph)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Network", parent=self))
        layout.addLayout(self.bar)
        layout.addWidget(self.splitter, 1)
        self.stale = True
        self._needs_fit = True

    def _build_bar(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("networkSearch")
        self.search_box.setAccessibleName("Find a person in the network")
        self.search_box.setPlaceholderText("Find a person…")
        self.search_box.setClearButtonEnabled(True)
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.find_person)
        self.search_box.setCompleter(completer)
        self.search_box.returnPressed.connect(lambda: self.find_person(self.search_box.text()))
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("networkTagFilter")
        self.tag_combo.setAccessibleName("Tag")
        self.tag_combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.chain_button = self._button(
            "chainButton",
            "Only this &chain",
            "Show only who led to the selected person and whom they led to",
        )
        self.chain_button.setCheckable(True)
        self.chain_button.setEnabled(False)
        self.chain_button.toggled.connect(self._chain_toggled)
        zoom_out = self._button("zoomOutButton", "−", "Zoom out (-, Ctrl+wheel)")
        zoom_in = self._button("zoomInButton", "+", "Zoom in (+, Ctrl+wheel)")
        self.fit_button = self._button("fitButton", "&Fit", "Fit to the window (F)")
        zoom_out.clicked.connect(self.view.zoom_out)
        zoom_in.clicked.connect(self.view.zoom_in)
        self.fit_button.clicked.connect(self.fit)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search_box, 1)
        self.bar.addWidget(self.tag_combo)
        self.bar.addWidget(self.chain_button)
        for button in (zoom_out, zoom_in, self.fit_button):
            self.bar.addWidget(button)

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(tip.split(" (")[0])
        button.setToolTip(tip)
        return button

    # --- reading the journal ------------------------------------------------------------------
    def shows(self, changes: Changes) -> bool:
        """Referrals, or people already in the network: a change to anyone else is not laid out."""
        if changes.everything or changes.touches("referral"):
            return True
        return changes.touches(*self.kinds) and not changes.person_ids.isdisjoint(self.net.nodes)

    def refresh(self) -> None:
        """Read the referrals again and redraw (the layout is cached by the referral set)."""
        self.stale = False
        self.net = network.referral_network()
        self.model.set_records(connectors())
        self._build_scene()
        self._reload_tags()
        self.names.setStringList(
            sorted((n.name for n in self.net.nodes.values()), key=str.casefold)
        )
        empty = not self.net.edges
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)
        if self.chain_person not in self.node_items:
            self.chain_person = None
            self.chain_button.setChecked(False)
        self.apply_filters()

    def _build_scene(self) -> None:
        self.scene.clear()
        positions = self._positions = network.layout(self.net.edges)
        self.node_items = {}
        for pid, node in self.net.nodes.items():
            item = NodeItem(node)
            item.setPos(*positions[pid])
            self.scene.addItem(item)
            self.node_items[pid] = item
        self.edge_items = {}
        for a, b in self.net.edges:
            item = arrow(self.node_items[a], self.node_items[b], faint=len(self.net.edges) > 300)
            self.scene.addItem(item)
            self.edge_items[(a, b)] = item
        margin = 1500.0  # room to centre anyone and to pan past the edges
        bounds = self.scene.itemsBoundingRect()
        self.scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        self._needs_fit = True

    def _reload_tags(self) -> None:
        chosen = self.current_tag()
        found = sorted({t for n in self.net.nodes.values() for t in n.tags}, key=str.casefold)
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(ALL_TAGS)
        self.tag_combo.addItems(found)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findText(chosen or ALL_TAGS), 0))
        self.tag_combo.blockSignals(False)

    # --- what is shown ----------------------------------------------------------------------
    def current_tag(self) -> str | None:
        return self.tag_combo.currentText() if self.tag_combo.currentIndex() > 0 else None

    def set_tag(self, tag: str | None) -> None:
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findText(tag or ALL_TAGS), 0))

    def visible_people(self) -> set[int]:
        return {pid for pid, item in self.node_items.items() if item.isVisible()}

    def apply_filters(self) -> None:
        shown = set(self.node_items)
        context: set[int] = set()
        if self.chain_button.isChecked() and self.chain_person is not None:
            shown &= network.chain_through(self.net.edges, self.chain_person)
        if tag := self.current_tag():
            chosen, context = network.tagged_view(self.net, tag)
            shown &= chosen | context
            context &= shown
        for pid, item in self.node_items.items():
            item.setVisible(pid in shown)
            item.setOpacity(CONTEXT_OPACITY if pid in context else 1.0)
        edges = set()
        for (a, b), item in self.edge_items.items():
            visible = a in shown and b in shown and not (a in context and b in context)
            item.setVisible(visible)
            if visible:
                edges.add((a, b))
        narrowed = len(shown) < len(self.node_items)
        self._place(network.arrange(frozenset(edges), shown) if narrowed else self._positions)
        self.fit()

    def _place(self, positions: dict[int, network.Position]) -> None:
        """Move people (and so their arrows) only where the positions differ from now."""
        moved = set()
        for pid, (x, y) in positions.items():
            item = self.node_items[pid]
            if item.pos().x() != x or item.pos().y() != y:
                item.setPos(x, y)
                moved.add(pid)
        if moved:
            for (a, b), item in self.edge_items.items():
                if a in moved or b in moved:
                    item.setPath(arrow_path(self.node_items[a], self.node_items[b]))

    def fit(self) -> None:
        rect = QRectF()
        for item in self.node_items.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        self.view.fit(rect.adjusted(-20, -20, 20, 20))

    def _chain_toggled(self, on: bool) -> None:
        if on and self.chain_person is None:
            chosen = self.view.selected_node()
            self.chain_person = chosen.person_id if chosen else None
        self.apply_filters()

    def _selection_changed(self) -> None:
        chosen = self.view.selected_node()
        self.chain_button.setEnabled(chosen is not None or self.chain_button.isChecked())
        if chosen is not None and chosen.person_id != self.chain_person:
            self.chain_person = chosen.person_id
            if self.chain_button.isChecked():
                self.apply_filters()

    def show_chain(self, person_id: int) -> None:
        """Only the chain through this person (who led to them, whom they led to, onward)."""
        self.select(person_id)
        self.chain_button.setChecked(True)

    def select(self, person_id: int) -> bool:
        item = self.node_items.get(person_id)
        if item is None:
            return False
        self.scene.clearSelection()
        item.setSelected(True)
        return True

    def find_person(self, text: str) -> bool:
        """Centre on the person whose name is `text` (or, failing that, starts with it)."""
        wanted = text.strip().casefold()
        if not wanted:
            return False
        items = sorted(self.node_items.values(), key=lambda i: i.name.casefold())
        match = next((i for i in items if i.name.casefold() == wanted), None) or next(
            (i for i in items if i.name.casefold().startswith(wanted)), None
        )
        if match is None:
            return False
        if not match.isVisible():
            self.chain_button.setChecked(False)
            self.set_tag(None)
        self.view.centre_on(match)
        return True

    def _show_connector(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is not None and pid in self.node_items:
            self.view.centre_on(self.node_items[pid])

    def _open_connector(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is not None:
            self.openPerson.emit(pid, None)

    def showEvent(self, event) -> None:
        super().showEvent(event)  # re-reads first if stale
        if self._needs_fit:
            self._needs_fit = False
            self.fit()
            QTimer.singleShot(0, self, self.fit)  # again once the layout has its final size
