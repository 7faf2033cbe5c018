"""Small charts drawn with QPainter (Qt Charts is deprecated): the kept rate over twelve months and
a touchpoints-per-month sparkline for the card header.

Colours come from the palette (highlight, text, mid), so both read on light and dark schemes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from typing_extensions import override

from ckbook.i18n import month_abbreviation, tr
from ckbook.services import dates
from ckbook.services.insight import KeptRateSeries, MonthCount
from ckbook.services.rules import format_rate


def _with_alpha(color: QColor, alpha: int) -> QColor:
    faded = QColor(color)
    faded.setAlpha(alpha)
    return faded


def _month_label(series: KeptRateSeries, i: int) -> str:
    return month_abbreviation(series.months[i].month.month)


class KeptRateChart(QWidget):
    """Bars: this client's kept rate by month. Line: everyone's. Months with nothing kept or
    broken show a short mark on the baseline instead of a bar, so "none" never reads as 0%."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: KeptRateSeries | None = None
        self.overall: KeptRateSeries | None = None
        self.client_name = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(200)
        self.setAccessibleName(tr("Kept rate chart"))

    def set_series(
        self, overall: KeptRateSeries, client: KeptRateSeries | None = None, client_name: str = ""
    ) -> None:
        self.overall = overall
        self.client = client
        self.client_name = client_name
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        parts = []
        if self.client is not None:
            name = self.client_name or tr("This client")
            parts.append(tr("{client}: {rates}").format(client=name, rates=self.client.describe()))
        if self.overall is not None:
            parts.append(tr("Everyone: {rates}").format(rates=self.overall.describe()))
        return ". ".join(parts)

    @override
    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("100%") + 10
        top = metrics.height() * 2 + metrics.height() // 2 + 14
        bottom = metrics.height() + 8
        return QRectF(left, top, max(10.0, self.width() - left - 10), self.height() - top - bottom)

    def _bars(self) -> KeptRateSeries | None:
        return self.client if self.client is not None else self.overall

    def month_at(self, x: float) -> int | None:
        series = self._bars()
        plot = self._plot_rect()
        if series is None or not series.months or not plot.left() <= x <= plot.right():
            return None
        slot = plot.width() / len(series.months)
        return min(len(series.months) - 1, int((x - plot.left()) / slot))

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.month_at(event.pos().x())
            if i is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._month_tip(i), self)
            return True
        return super().event(event)

    def _month_tip(self, i: int) -> str:
        lines = []
        for name, series in (
            (self.client_name or tr("This client"), self.client),
            (tr("Everyone"), self.overall),
        ):
            if series is None:
                continue
            month = series.months[i]
            total = month.kept + month.broken
            when = dates.month_and_year(month.month)
            if total:
                lines.append(
                    tr("{client}, {month}: {kept} of {total} kept").format(
                        client=name, month=when, kept=month.kept, total=total
                    )
                )
            else:
                lines.append(
                    tr("{client}, {month}: none kept or broken").format(client=name, month=when)
                )
        return "\n".join(lines)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        muted = _with_alpha(text, 150)
        grid = _with_alpha(palette.mid().color(), 160)
        accent = palette.highlight().color()
        metrics = QFontMetrics(self.font())
        plot = self._plot_rect()

        # Title and legend.
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 0, self.width(), metrics.height()), tr("Kept rate, last 12 months")
        )
        painter.setFont(self.font())
        legend_y = metrics.height() + 2
        x = 0.0
        if self.client is not None:
            painter.fillRect(QRectF(x, legend_y + 3, 12, metrics.height() - 6), accent)
            label = tr("{client} {rate}", "chart legend").format(
                client=self.client_name or tr("This client"), rate=format_rate(self.client.rate)
            )
            painter.setPen(text)
            painter.drawText(QPointF(x + 16, legend_y + metrics.ascent()), label)
            x += 16 + metrics.horizontalAdvance(label) + 18
        if self.overall is not None:
            pen = QPen(text if self.client is not None else accent, 2)
            pen.setStyle(Qt.PenStyle.DashLine if self.client is not None else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            mid_y = legend_y + metrics.height() / 2
            painter.drawLine(QPointF(x, mid_y), QPointF(x + 14, mid_y))
            painter.setPen(text)
            label = tr("Everyone {rate}").format(rate=format_rate(self.overall.rate))
            painter.drawText(QPointF(x + 18, legend_y + metrics.ascent()), label)

        # Grid: 0, 50, 100 %.
        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - fraction * plot.height()
            painter.setPen(
                QPen(grid, 1, Qt.PenStyle.SolidLine if fraction == 0 else Qt.PenStyle.DotLine)
            )
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{int(fraction * 100)}%",
            )

        bars = self._bars()
        if bars is None or not bars.months:
            painter.end()
            return
        n = len(bars.months)
        slot = plot.width() / n
        bar_width = max(3.0, slot * 0.55)
        for i, month in enumerate(bars.months):
            centre = plot.left() + slot * (i + 0.5)
            rate = month.rate
            if rate is None:
                painter.setPen(QPen(muted, 2))
                painter.drawLine(
                    QPointF(centre - bar_width / 4, plot.bottom() - 2),
                    QPointF(centre + bar_width / 4, plot.bottom() - 2),
                )
            else:
                height = max(2.0, rate * plot.height())
                painter.fillRect(
                    QRectF(centre - bar_width / 2, plot.bottom() - height, bar_width, height),
                    accent,
                )
            painter.setPen(muted)
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom() + 4, slot, metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                _month_label(bars, i),
            )

        # Everyone's rate as a line over the client's bars (gaps where nothing closed).
        if self.client is not None and self.overall is not None:
            pen = QPen(text, 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path = QPainterPath()
            drawing = False
            points = []
            for i, month in enumerate(self.overall.months):
                if month.rate is None:
                    drawing = False
                    continue
                point = QPointF(
                    plot.left() + slot * (i + 0.5), plot.bottom() - month.rate * plot.height()
                )
                points.append(point)
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.drawPath(path)
            painter.setBrush(text)
            painter.setPen(Qt.PenStyle.NoPen)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)
        painter.end()


class Sparkline(QWidget):
    """Touchpoints per month as a small line, the latest month marked with a dot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[MonthCount, ...] = ()
        self.setFixedSize(self.sizeHint())
        self.setAccessibleName(tr("Touchpoints per month"))

    def set_points(self, points: Sequence[MonthCount]) -> None:
        self.points = tuple(points)
        text = self.describe()
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def describe(self) -> str:
        if not self.points:
            return tr("Touchpoints per month: none yet")
        counts = ", ".join(f"{month_abbreviation(p.month.month)} {p.count}" for p in self.points)
        total = sum(p.count for p in self.points)
        months = len(self.points)
        return tr(
            "Touchpoints per month, last %n months ({total} in all): {counts}", "", months
        ).format(total=total, counts=counts)

    @override
    def sizeHint(self) -> QSize:
        return QSize(132, 30)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.highlight().color()
        base = _with_alpha(palette.windowText().color(), 110)
        margin = 4.0
        rect = QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin)
        # The baseline is always drawn: no touchpoints reads as a flat line, not an empty box.
        painter.setPen(QPen(base, 1))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        if not self.points:
            painter.end()
            return
        top = max(max(p.count for p in self.points), 1)
        n = len(self.points)
        step = rect.width() / max(1, n - 1)
        path = QPainterPath()
        last = QPointF()
        for i, point in enumerate(self.points):
            last = QPointF(
                rect.left() + i * step, rect.bottom() - point.count / top * rect.height()
            )
            if i == 0:
                path.moveTo(last)
            else:
                path.lineTo(last)
        painter.setPen(QPen(accent, 1.6))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(last, 2.6, 2.6)
        painter.end()
