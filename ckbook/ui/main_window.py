"""The notebook's main window (placeholder until the client list and cards land)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ckbook.ui.notebook import Notebook


class MainWindow(QMainWindow):
    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.setWindowTitle(f"ckbook — {notebook.location}")
        label = QLabel("ckbook")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.resize(1280, 800)
