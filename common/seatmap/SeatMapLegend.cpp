#include "seatmap/SeatMapLegend.h"

#include "seatmap/SeatMapScene.h"

#include <QPainter>

namespace ticketing::seatmap {

namespace {
struct Entry
{
    domain::SeatStatus status;
    bool accessible;
    bool selected;
    QString text;
};

std::vector<Entry> entries()
{
    std::vector<Entry> out;
    for (const auto s : {domain::SeatStatus::Available, domain::SeatStatus::Held,
                         domain::SeatStatus::Sold, domain::SeatStatus::Blocked})
        out.push_back({s, false, false, styleOf(s).name});
    out.push_back({domain::SeatStatus::Available, true, false, SeatMapLegend::tr("Accessible")});
    out.push_back({domain::SeatStatus::Available, false, true, SeatMapLegend::tr("Selected")});
    return out;
}
} // namespace

SeatMapLegend::SeatMapLegend(QWidget* parent)
    : QWidget(parent), m_shapes(std::make_unique<SeatMapScene>(domain::SeatMap{}))
{
    setAccessibleName(tr("Seat map legend"));
    QStringList meanings;
    for (const auto& e : entries())
        meanings << e.text;
    setAccessibleDescription(meanings.join(QStringLiteral(", ")));
}

QSize SeatMapLegend::sizeHint() const
{
    int width = 0;
    for (const auto& e : entries())
        width += fontMetrics().horizontalAdvance(e.text) + 40;
    return {width, fontMetrics().height() + 12};
}

void SeatMapLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int px = fontMetrics().height() - 2;
    int x = 4;
    const int y = (height() - px) / 2;
    for (const auto& e : entries()) {
        const auto& sprite = m_shapes->sprite(e.status, px, e.accessible, e.selected, false);
        p.drawPixmap(x - (sprite.width() - px) / 2, y - (sprite.height() - px) / 2, sprite);
        x += px + 6;
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x, 0, width() - x, height()), Qt::AlignVCenter | Qt::AlignLeft, e.text);
        x += fontMetrics().horizontalAdvance(e.text) + 18;
    }
}

SeatMapLegend::~SeatMapLegend() = default;

} // namespace ticketing::seatmap
