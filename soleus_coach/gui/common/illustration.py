"""The picture of an exercise: an SVG or a PNG, from checked bytes, kept in proportion.

The file is read and checked again here (``protocol.illustration.read_illustration``: a
regular file, an SVG that refers to nothing outside itself, a PNG of sensible size), and
only those bytes reach Qt. A PNG is decoded with an allocation limit, so a small file that
claims to be enormous cannot exhaust memory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from soleus_coach.protocol.illustration import IllustrationInvalid, read_illustration

#: Megabytes Qt may allocate to decode one image (the default is 256).
ALLOCATION_LIMIT_MB = 64


def load_picture(path: Path, parent: QObject | None = None) -> QSvgRenderer | QImage | None:
    """The picture at ``path`` for Qt to draw, made from the bytes the one picture check
    passed (``read_illustration``), never from a path Qt opens itself; None when it cannot
    be shown. The view and the printed sheet both draw through this."""
    try:
        data = read_illustration(path)
    except IllustrationInvalid:
        return None
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(QByteArray(data), parent)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        return renderer if renderer.isValid() else None
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    image = QImageReader(buffer, QByteArray(b"png")).read()
    return None if image.isNull() else image


class IllustrationView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setAccessibleName(self.tr("Illustration of the exercise"))
        self.setMinimumSize(QSize(120, 90))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._svg: QSvgRenderer | None = None
        self._image: QImage | None = None
        self.path: Path | None = None

    def show_file(self, path: Path | None) -> bool:
        """Show ``path`` (None: nothing). False, and nothing shown, when it cannot be."""
        self._svg, self._image, self.path = None, None, None
        ok = path is not None and self._load(path)
        if ok:
            self.path = path
        self.setVisible(ok)
        self.update()
        return ok

    @property
    def is_showing(self) -> bool:
        return self._svg is not None or self._image is not None

    def _load(self, path: Path) -> bool:
        picture = load_picture(path, self)
        if isinstance(picture, QSvgRenderer):
            self._svg = picture
        elif isinstance(picture, QImage):
            self._image = picture
        return picture is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_showing:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._svg is not None:
            self._svg.render(painter, QRectF(self.rect()))
        elif self._image is not None:
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), self._image)
        painter.end()
