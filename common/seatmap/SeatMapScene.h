#pragma once

#include "seatmap/VenueLayout.h"

#include <QColor>
#include <QGraphicsScene>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <functional>
#include <memory>
#include <set>

class QGraphicsRectItem;

namespace ticketing::seatmap {

class SectionItem;

// How a seat status is drawn: a colour and a shape, so that statuses differ for colour-blind
// eyes too (DESIGN.md "The apps").
struct StatusStyle
{
    QColor colour;
    enum class Shape
    {
        Circle, // available
        Square, // held
        Cross,  // sold
        Diamond // blocked
    } shape = Shape::Circle;
    QString name; // for the legend, translated
};
StatusStyle styleOf(domain::SeatStatus status);

// The scene that draws a venue with live statuses, for every app (the box office, the organizer's
// dashboard, printed tickets). Built for a 60,000-seat stadium: one item per section, which
// paints all its seats in one pass (and, zoomed out, the section as a block of its statuses);
// the seat under the pointer found through the layout's grid; a delta repaints only the seats
// it changed. Seats are selected by click, by dragging a rectangle, or with the keyboard
// (arrows move, Space toggles); `selectable` says which may be (e.g. available ones).
class SeatMapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit SeatMapScene(const domain::SeatMap& map, QObject* parent = nullptr);
    ~SeatMapScene() override;

    const VenueLayout& layout() const { return *m_layout; }

    // Live statuses: a snapshot, then deltas.
    void setAvailability(const domain::Availability& availability);
    void applyChanges(const std::vector<domain::SeatChange>& changes);
    // Tier names and prices for tooltips ("VIP, 150.00 GBP").
    void setTierLabels(QHash<QString, QString> labels) { m_tierLabels = std::move(labels); }

    void setSelectable(std::function<bool(const VenueLayout::Seat&)> selectable);
    const std::set<int>& selection() const { return m_selection; }
    std::vector<domain::SeatId> selectedSeats() const;
    void setSelection(const std::set<int>& seats);
    void clearSelection();
    // The seat the keyboard is on (none before the first arrow).
    std::optional<int> keyboardSeat() const { return m_keyboard; }

    // What a person reads for a seat: label, tier and price, status.
    QString describe(int seat) const;
    // The whole venue drawn into `painter`'s `target` (printing, a ticket's small map).
    void renderVenue(QPainter* painter, const QRectF& target);
    QImage toImage(const QSize& size);

    bool seatSelected(int seat) const { return m_selection.count(seat) > 0; }
    // A seat's picture at `px` pixels, drawn once and kept (SectionItem blits it).
    const QPixmap& sprite(domain::SeatStatus status, int px, bool accessible, bool selected,
                          bool focus) const;

Q_SIGNALS:
    void selectionChanged();
    // A seat was activated (double click or Enter): the app may hold it at once.
    void seatActivated(int seat);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void repaint(const std::vector<int>& seats);
    bool selectable(int seat) const;
    void toggle(int seat);
    void moveKeyboard(int dx, int dy);

    std::unique_ptr<VenueLayout> m_layout;
    std::vector<SectionItem*> m_sections;
    std::function<bool(const VenueLayout::Seat&)> m_selectable;
    std::set<int> m_selection;
    std::optional<int> m_keyboard;
    QHash<QString, QString> m_tierLabels;
    QGraphicsRectItem* m_band = nullptr;
    mutable QHash<quint64, QPixmap> m_sprites;
    QPointF m_bandStart;
};

} // namespace ticketing::seatmap
