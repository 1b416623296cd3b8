#include "seatmap/SeatMapScene.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <cmath>

namespace ticketing::seatmap {

StatusStyle styleOf(domain::SeatStatus status)
{
    switch (status) {
    case domain::SeatStatus::Available:
        return {QColor(0x2e, 0x8b, 0x57), StatusStyle::Shape::Circle,
                QCoreApplication::translate("ticketing::seatmap::StatusStyle", "Available")};
    case domain::SeatStatus::Held:
        return {QColor(0xe6, 0x9f, 0x00), StatusStyle::Shape::Square,
                QCoreApplication::translate("ticketing::seatmap::StatusStyle", "Held")};
    case domain::SeatStatus::Sold:
        return {QColor(0x6e, 0x6e, 0x6e), StatusStyle::Shape::Cross,
                QCoreApplication::translate("ticketing::seatmap::StatusStyle", "Sold")};
    case domain::SeatStatus::Blocked:
        return {QColor(0x3b, 0x3b, 0x98), StatusStyle::Shape::Diamond,
                QCoreApplication::translate("ticketing::seatmap::StatusStyle", "Blocked")};
    }
    return {};
}

// One section: paints all its seats in one pass. Zoomed out (a seat smaller than a few pixels)
// it paints the section as one block, split by the share of each status.
class SectionItem : public QGraphicsItem
{
public:
    SectionItem(const SeatMapScene& scene, int section) : m_scene(scene), m_section(section)
    {
        const auto pitch = scene.layout().pitch();
        m_bounds = scene.layout().sections()[static_cast<std::size_t>(section)].bounds.adjusted(
            -pitch, -pitch, pitch, pitch);
        setFlag(ItemUsesExtendedStyleOption); // exposedRect: only what is to be repainted
    }
    QRectF boundingRect() const override { return m_bounds; }
    void seatChanged(int seat)
    {
        const auto p = m_scene.layout().seats()[static_cast<std::size_t>(seat)].position;
        const auto r = m_scene.layout().pitch() * 0.75;
        update(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r));
    }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const auto& layout = m_scene.layout();
        const auto& section = layout.sections()[static_cast<std::size_t>(m_section)];
        const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
        const double pitch = layout.pitch();
        if (pitch * lod < 3.0) { // zoomed out: the section as a block of its statuses
            const double total = std::max<std::size_t>(1, section.seats.size());
            double x = section.bounds.left();
            const double width = std::max(section.bounds.width(), pitch);
            painter->setPen(Qt::NoPen);
            for (int s = 0; s < 4; ++s) {
                const double part = width * section.counts[s] / total;
                if (part <= 0)
                    continue;
                painter->setBrush(styleOf(static_cast<domain::SeatStatus>(s)).colour);
                painter->drawRect(QRectF(x, section.bounds.top(), part,
                                         std::max(section.bounds.height(), pitch)));
                x += part;
            }
            return;
        }
        const double r = pitch * 0.4;
        const auto exposed = option->exposedRect.adjusted(-r, -r, r, r);
        if (pitch * lod < 8.0) {
            // A seat a few pixels wide: a square of its colour (shapes cannot be told apart at
            // this size; the legend's colours and the zoomed-in shapes can). The selection still
            // shows, as a darker square.
            for (const int i : layout.seatsIn(exposed)) {
                const auto& seat = layout.seats()[static_cast<std::size_t>(i)];
                if (seat.section != m_section)
                    continue;
                painter->fillRect(
                    QRectF(seat.position.x() - r, seat.position.y() - r, 2 * r, 2 * r),
                    m_scene.seatSelected(i) ? QColor(0x00, 0x5f, 0xcc)
                                            : styleOf(seat.status).colour);
            }
            return;
        }
        // Zoomed in: each seat's shape, drawn once per size into a sprite and blitted at the
        // seat's place on the device (an antialiased shape per seat costs ten times as much).
        const QTransform world = painter->worldTransform();
        const int px = std::max(4, static_cast<int>(std::lround(2 * r * lod)));
        painter->save();
        painter->resetTransform();
        for (const int i : layout.seatsIn(exposed)) {
            const auto& seat = layout.seats()[static_cast<std::size_t>(i)];
            if (seat.section != m_section)
                continue;
            const auto& sprite =
                m_scene.sprite(seat.status, px, seat.accessible, m_scene.seatSelected(i),
                               m_scene.keyboardSeat() == i);
            const QPointF at = world.map(seat.position);
            painter->drawPixmap(
                QPointF(at.x() - sprite.width() / 2.0, at.y() - sprite.height() / 2.0), sprite);
        }
        painter->restore();
    }

private:
    const SeatMapScene& m_scene;
    int m_section;
    QRectF m_bounds;
};

const QPixmap& SeatMapScene::sprite(domain::SeatStatus status, int px, bool accessible,
                                    bool selected, bool focus) const
{
    const quint64 key = (static_cast<quint64>(px) << 8) | (static_cast<quint64>(status) << 3) |
                        (accessible ? 4u : 0u) | (selected ? 2u : 0u) | (focus ? 1u : 0u);
    if (const auto it = m_sprites.find(key); it != m_sprites.end())
        return *it;
    if (m_sprites.size() > 256)
        m_sprites.clear();
    const int margin = std::max(2, px / 5);
    QPixmap pixmap(px + 2 * margin, px + 2 * margin);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing, true);
    const auto style = styleOf(status);
    const double r = px / 2.0;
    const QPointF c(margin + r, margin + r);
    const QRectF box(margin, margin, px, px);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(style.colour);
    switch (style.shape) {
    case StatusStyle::Shape::Circle:
        p.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case StatusStyle::Shape::Square:
        p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case StatusStyle::Shape::Cross:
        p.setPen(QPen(style.colour, std::max(1.5, px / 5.0)));
        p.drawLine(box.topLeft(), box.bottomRight());
        p.drawLine(box.topRight(), box.bottomLeft());
        break;
    case StatusStyle::Shape::Diamond: {
        const QPointF pts[4] = {
            {c.x(), box.top()}, {box.right(), c.y()}, {c.x(), box.bottom()}, {box.left(), c.y()}};
        p.drawPolygon(pts, 4);
        break;
    }
    }
    if (accessible) { // a white dot: an accessible seat
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(c, r * 0.3, r * 0.3);
    }
    if (selected || focus) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(selected ? QColor(0x00, 0x5f, 0xcc) : QColor(Qt::black),
                      std::max(1.5, px / 8.0), selected ? Qt::SolidLine : Qt::DashLine));
        p.drawEllipse(c, r + margin / 2.0, r + margin / 2.0);
    }
    p.end();
    return *m_sprites.insert(key, pixmap);
}

SeatMapScene::SeatMapScene(const domain::SeatMap& map, QObject* parent)
    : QGraphicsScene(parent), m_layout(std::make_unique<VenueLayout>(map))
{
    // The sections are all the items there are: no BSP tree to keep up for a few hundred.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    for (int s = 0; s < static_cast<int>(m_layout->sections().size()); ++s) {
        auto* item = new SectionItem(*this, s);
        addItem(item);
        m_sections.push_back(item);
    }
    setSceneRect(m_layout->bounds());
}

SeatMapScene::~SeatMapScene() = default;

void SeatMapScene::repaint(const std::vector<int>& seats)
{
    // Zoomed out, a section's block shows its counts: the section repaints whole; zoomed in,
    // only the changed seats' squares (SectionItem::seatChanged).
    for (const int i : seats)
        m_sections[static_cast<std::size_t>(m_layout->seats()[static_cast<std::size_t>(i)].section)]
            ->seatChanged(i);
}

void SeatMapScene::setAvailability(const domain::Availability& availability)
{
    const auto changed = m_layout->apply(availability);
    if (changed.size() > m_layout->seats().size() / 4)
        update();
    else
        repaint(changed);
}

void SeatMapScene::applyChanges(const std::vector<domain::SeatChange>& changes)
{
    const auto changed = m_layout->apply(changes);
    // A seat taken by someone else leaves the selection.
    bool lost = false;
    for (const int i : changed)
        if (m_selection.count(i) && !selectable(i)) {
            m_selection.erase(i);
            lost = true;
        }
    repaint(changed);
    if (lost)
        Q_EMIT selectionChanged();
}

void SeatMapScene::setSelectable(std::function<bool(const VenueLayout::Seat&)> selectable)
{
    m_selectable = std::move(selectable);
}

bool SeatMapScene::selectable(int seat) const
{
    return !m_selectable || m_selectable(m_layout->seats()[static_cast<std::size_t>(seat)]);
}

std::vector<domain::SeatId> SeatMapScene::selectedSeats() const
{
    std::vector<domain::SeatId> out;
    for (const int i : m_selection)
        out.push_back(m_layout->seats()[static_cast<std::size_t>(i)].id);
    return out;
}

void SeatMapScene::setSelection(const std::set<int>& seats)
{
    std::vector<int> touched(m_selection.begin(), m_selection.end());
    m_selection.clear();
    for (const int i : seats)
        if (selectable(i))
            m_selection.insert(i);
    touched.insert(touched.end(), m_selection.begin(), m_selection.end());
    repaint(touched);
    Q_EMIT selectionChanged();
}

void SeatMapScene::clearSelection()
{
    setSelection({});
}

void SeatMapScene::toggle(int seat)
{
    if (!selectable(seat) && !m_selection.count(seat))
        return;
    if (!m_selection.erase(seat))
        m_selection.insert(seat);
    repaint({seat});
    Q_EMIT selectionChanged();
}

QString SeatMapScene::describe(int seat) const
{
    const auto& s = m_layout->seats()[static_cast<std::size_t>(seat)];
    auto text = QString::fromStdString(s.label);
    if (s.tier)
        if (const auto it = m_tierLabels.find(QString::fromStdString(s.tier->toString()));
            it != m_tierLabels.end())
            text += QStringLiteral(", ") + *it;
    text += QStringLiteral(", ") + styleOf(s.status).name;
    if (s.accessible)
        text += QStringLiteral(", ") +
                QCoreApplication::translate("ticketing::seatmap::SeatMapScene", "accessible");
    return text;
}

void SeatMapScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QGraphicsScene::mousePressEvent(event);
    if (const auto seat = m_layout->seatAt(event->scenePos(), m_layout->pitch() * 0.6)) {
        m_keyboard = *seat;
        toggle(*seat);
        return;
    }
    // On no seat: a rectangle is dragged.
    m_bandStart = event->scenePos();
    if (!m_band) {
        m_band = addRect(QRectF(), QPen(QColor(0x00, 0x5f, 0xcc), 0, Qt::DashLine),
                         QColor(0x00, 0x5f, 0xcc, 40));
        m_band->setZValue(10);
    }
    m_band->setRect(QRectF(m_bandStart, m_bandStart));
    m_band->show();
}

void SeatMapScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_band && m_band->isVisible())
        m_band->setRect(QRectF(m_bandStart, event->scenePos()).normalized());
    QGraphicsScene::mouseMoveEvent(event);
}

void SeatMapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_band && m_band->isVisible()) {
        m_band->hide();
        const auto rect = QRectF(m_bandStart, event->scenePos()).normalized();
        if (rect.width() > 0 || rect.height() > 0) {
            auto selection = m_selection;
            for (const int i : m_layout->seatsIn(rect))
                if (selectable(i))
                    selection.insert(i);
            setSelection(selection);
        }
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

void SeatMapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (const auto seat = m_layout->seatAt(event->scenePos(), m_layout->pitch() * 0.6))
        Q_EMIT seatActivated(*seat);
}

void SeatMapScene::moveKeyboard(int dx, int dy)
{
    const auto& seats = m_layout->seats();
    if (seats.empty())
        return;
    if (!m_keyboard) {
        m_keyboard = 0;
        repaint({0});
        return;
    }
    // The nearest seat in that direction (within a cone of 45 degrees).
    const auto from = seats[static_cast<std::size_t>(*m_keyboard)].position;
    const double pitch = m_layout->pitch();
    std::optional<int> best;
    double bestScore = 0;
    for (double reach = pitch * 3; reach < pitch * 200 && !best; reach *= 3) {
        const QRectF area(from.x() - reach, from.y() - reach, 2 * reach, 2 * reach);
        for (const int i : m_layout->seatsIn(area)) {
            const auto d = seats[static_cast<std::size_t>(i)].position - from;
            const double along = d.x() * dx + d.y() * dy;
            const double across = std::abs(d.x() * dy) + std::abs(d.y() * dx);
            if (along <= pitch * 0.1 || across > along)
                continue;
            const double score = along + 2 * across;
            if (!best || score < bestScore) {
                best = i;
                bestScore = score;
            }
        }
    }
    if (!best)
        return;
    const int previous = *m_keyboard;
    m_keyboard = *best;
    repaint({previous, *best});
    for (auto* view : views())
        view->ensureVisible(QRectF(seats[static_cast<std::size_t>(*best)].position, QSizeF(0, 0)),
                            pitch * 4, pitch * 4);
}

void SeatMapScene::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        return moveKeyboard(-1, 0);
    case Qt::Key_Right:
        return moveKeyboard(1, 0);
    case Qt::Key_Up:
        return moveKeyboard(0, -1);
    case Qt::Key_Down:
        return moveKeyboard(0, 1);
    case Qt::Key_Space:
        if (m_keyboard)
            toggle(*m_keyboard);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_keyboard)
            Q_EMIT seatActivated(*m_keyboard);
        return;
    default:
        QGraphicsScene::keyPressEvent(event);
    }
}

void SeatMapScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    if (const auto seat = m_layout->seatAt(event->scenePos(), m_layout->pitch() * 0.6)) {
        QToolTip::showText(event->screenPos(), describe(*seat));
        event->accept();
        return;
    }
    QToolTip::hideText();
    event->ignore();
}

void SeatMapScene::renderVenue(QPainter* painter, const QRectF& target)
{
    render(painter, target, sceneRect(), Qt::KeepAspectRatio);
}

QImage SeatMapScene::toImage(const QSize& size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderVenue(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

} // namespace ticketing::seatmap
