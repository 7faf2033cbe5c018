"""The kept-rate chart and the touchpoints sparkline draw what the numbers say."""

from __future__ import annotations

from datetime import date

from ckbook.services.insight import KeptRateSeries, MonthCount, MonthRate
from ckbook.ui.insight_chart import KeptRateChart, Sparkline


def _series(rates: list[tuple[int, int]]) -> KeptRateSeries:
    months = [date(2025 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(12)]
    return KeptRateSeries(
        tuple(MonthRate(m, k, b) for m, (k, b) in zip(months, rates, strict=True))
    )


def _accent_pixels(widget, x0: int, x1: int) -> int:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    accent = widget.palette().highlight().color().rgb()
    return sum(
        1
        for x in range(x0, x1)
        for y in range(image.height())
        if image.pixelColor(x, y).rgb() == accent
    )


def test_chart_draws_bars_only_for_months_with_closed_promises(qtbot):
    chart = KeptRateChart()
    qtbot.addWidget(chart)
    chart.resize(600, 220)
    client = _series([(0, 0)] * 10 + [(1, 1), (3, 0)])
    overall = _series([(1, 0)] * 12)
    chart.set_series(overall, client, "Ada")
    assert chart.describe() == (
        "Ada: 80% kept (4 of 5) in 12 months. Everyone: 100% kept (12 of 12) in 12 months"
    )
    plot = chart._plot_rect()
    slot = plot.width() / 12
    first_month = (int(plot.left()), int(plot.left() + slot))
    last_month = (int(plot.left() + 11 * slot), int(plot.right()))
    assert _accent_pixels(chart, *first_month) == 0
    assert _accent_pixels(chart, *last_month) > 100
    assert chart.month_at(plot.right() - 1) == 11
    assert "3 of 3 kept" in chart._month_tip(11)
    assert "none kept or broken" in chart._month_tip(0)


def test_chart_without_a_client_shows_everyone_as_bars(qtbot):
    chart = KeptRateChart()
    qtbot.addWidget(chart)
    chart.resize(600, 220)
    chart.set_series(_series([(1, 1)] * 12))
    assert chart.describe() == "Everyone: 50% kept (12 of 24) in 12 months"
    plot = chart._plot_rect()
    assert _accent_pixels(chart, int(plot.left()), int(plot.right())) > 100


def test_sparkline_says_its_numbers(qtbot):
    line = Sparkline()
    qtbot.addWidget(line)
    assert line.describe() == "Touchpoints per month: none yet"
    line.set_points([MonthCount(date(2026, m, 1), c) for m, c in ((9, 0), (10, 2), (11, 1))])
    assert line.toolTip() == "Touchpoints per month, last 3 months (3 in all): Sep 0, Oct 2, Nov 1"
    assert not line.grab().isNull()


def _drawn_columns(widget) -> int:  # type: ignore[no-untyped-def]
    """How many pixel columns hold anything but the background."""
    image = widget.grab().toImage()
    background = image.pixelColor(0, 0).rgb()
    return sum(
        1
        for x in range(image.width())
        if any(image.pixelColor(x, y).rgb() != background for y in range(image.height()))
    )


def test_sparkline_always_draws_a_baseline(qtbot):
    line = Sparkline()
    qtbot.addWidget(line)
    line.show()
    assert line.width() > 0 and line.height() > 0
    # No touchpoints at all (a new client): a flat baseline across the width, not an empty box.
    assert _drawn_columns(line) > line.width() * 0.8
    line.set_points([MonthCount(date(2026, m, 1), 0) for m in range(1, 13)])
    assert _drawn_columns(line) > line.width() * 0.8


def test_hovering_a_month_shows_its_tooltip(qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart = KeptRateChart()
    qtbot.addWidget(chart)
    chart.resize(600, 220)
    chart.set_series(_series([(1, 0)] * 12), _series([(0, 0)] * 11 + [(3, 0)]), "Ada")
    chart.show()
    plot = chart._plot_rect()
    at = QPoint(int(plot.right()) - 2, int(plot.center().y()))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    qtbot.waitUntil(lambda: "3 of 3 kept" in QToolTip.text())
