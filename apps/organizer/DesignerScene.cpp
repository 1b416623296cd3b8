#include "apps/organizer/DesignerScene.h"

#include "seatmap/VenueLayout.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace ticketing::organizer {

namespace {
const QColor kSeat(0x5b, 0x6b, 0x7f);       // a seat
const QColor kAccessible(0x0b, 0x5c, 0xad); // an accessible seat (also a square)
const QColor kSelected(0xe8, 0x59, 0x0c);   // selected (also a thicker ring)
const QColor kSeatedArea(0xee, 0xf3, 0xfb);
const QColor kStandingArea(0xf6, 0xef, 0xdc);
const QColor kStage(0x33, 0x33, 0x33);

QPolygonF polygonOf(const std::vector<domain::Point>& points)
{
    QPolygonF out;
    out.reserve(static_cast<int>(points.size()));
    for (const auto& p : points)
        out << QPointF(p.x, p.y);
    return out;
}
} // namespace

// One section: its outline or standing area, its seats in one pass, its row labels and name.
// Zoomed out (a seat a pixel or two) the seats are one block.
class SectionGraphic : public QGraphicsItem
{
public:
    SectionGraphic(DesignerScene& scene, int index) : m_scene(scene), m_index(index)
    {
        setFlag(ItemUsesExtendedStyleOption);
        sync();
    }
    void setIndex(int index) { m_index = index; }
    void sync()
    {
        prepareGeometryChange();
        const auto& s = section();
        double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
        auto grow = [&](double x, double y) {
            left = std::min(left, x);
            top = std::min(top, y);
            right = std::max(right, x);
            bottom = std::max(bottom, y);
        };
        for (const auto& row : s.rows)
            for (const auto& seat : row.seats)
                grow(seat.x, seat.y);
        m_seats = right >= left ? QRectF(QPointF(left, top), QPointF(right, bottom)) : QRectF();
        for (const auto& p : s.outline)
            grow(p.x, p.y);
        const double pad = m_scene.seatRadius() * 4; // row labels sit left of the first seat
        m_bounds =
            right >= left
                ? QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-pad, -pad, pad, pad)
                : QRectF();
        update();
    }
    QRectF boundingRect() const override { return m_bounds; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const auto& s = section();
        const auto& selection = m_scene.document().selection();
        const bool whole = selection.sections.count(m_index) > 0;
        const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
        const double r = m_scene.seatRadius();
        const double px = 2 * r * lod; // a seat's size on screen

        if (s.outline.size() >= 3) {
            const bool standing = s.kind == domain::SectionKind::Standing;
            QPen pen(whole ? kSelected : QColor(0x7a, 0x8a, 0x9c), whole ? 2.5 : 1.2,
                     whole ? Qt::DashLine : Qt::SolidLine);
            pen.setCosmetic(true);
            painter->setPen(pen);
            painter->setBrush(standing ? kStandingArea : kSeatedArea);
            const auto polygon = polygonOf(s.outline);
            painter->drawPolygon(polygon);
            if (standing) {
                painter->setBrush(QBrush(QColor(0xc9, 0xa2, 0x27), Qt::BDiagPattern));
                painter->setPen(Qt::NoPen);
                painter->drawPolygon(polygon);
                drawText(painter, polygon.boundingRect(), lod,
                         QCoreApplication::translate("SectionGraphic", "%1\n%2",
                                                     "a standing area: its name, its places")
                             .arg(QString::fromStdString(s.name),
                                  QCoreApplication::translate("SectionGraphic", "%n place(s)",
                                                              nullptr, s.capacity)));
            }
        } else if (whole && m_seats.isValid()) {
            QPen pen(kSelected, 2, Qt::DashLine);
            pen.setCosmetic(true);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(m_seats.adjusted(-r * 1.5, -r * 1.5, r * 1.5, r * 1.5));
        }
        if (s.rows.empty())
            return;

        if (px < 2.0) { // zoomed far out: the seats as one block, the shape of its outline
            painter->setPen(Qt::NoPen);
            painter->setBrush(whole ? kSelected : kSeat);
            if (s.outline.size() >= 3)
                painter->drawPolygon(polygonOf(s.outline));
            else
                painter->drawRect(m_seats.adjusted(-r, -r, r, r));
            return;
        }
        const QRectF exposed = option->exposedRect.adjusted(-r, -r, r, r);
        const bool detailed = px >= 7.0;
        for (std::size_t ri = 0; ri < s.rows.size(); ++ri) {
            const auto& row = s.rows[ri];
            for (std::size_t i = 0; i < row.seats.size(); ++i) {
                const auto& seat = row.seats[i];
                if (!exposed.contains(seat.x, seat.y))
                    continue;
                const bool selected =
                    whole || selection.seats.count(
                                 SeatRef{m_index, static_cast<int>(ri), static_cast<int>(i)}) > 0;
                const QRectF box(seat.x - r, seat.y - r, 2 * r, 2 * r);
                const QColor fill = selected ? kSelected : seat.accessible ? kAccessible : kSeat;
                if (!detailed) {
                    painter->fillRect(box, fill);
                    continue;
                }
                painter->setPen(selected ? QPen(QColor(0x7a, 0x2e, 0x00), r * 0.35)
                                         : QPen(Qt::NoPen));
                painter->setBrush(fill);
                if (seat.accessible)
                    painter->drawRoundedRect(box, r * 0.3, r * 0.3);
                else
                    painter->drawEllipse(box);
                if (px >= 18) {
                    painter->setPen(Qt::white);
                    QFont f = painter->font();
                    f.setPointSizeF(std::max(1.0, r * 0.9));
                    painter->setFont(f);
                    painter->drawText(box, Qt::AlignCenter, QString::number(seat.number));
                }
            }
            if (detailed && !row.seats.empty()) {
                // The row's label before its first seat, along the row (rows of a ring's
                // blocks run every way).
                const auto& first = row.seats.front();
                QPointF along(-1, 0);
                if (row.seats.size() > 1) {
                    along = QPointF(first.x - row.seats[1].x, first.y - row.seats[1].y);
                    const double length = std::hypot(along.x(), along.y());
                    along = length > 0 ? along / length : QPointF(-1, 0);
                }
                const QPointF at = QPointF(first.x, first.y) + along * (2.8 * r);
                painter->setPen(QColor(0x33, 0x33, 0x33));
                QFont f = painter->font();
                f.setPointSizeF(std::max(1.0, r * 1.1));
                f.setBold(true);
                painter->setFont(f);
                painter->drawText(QRectF(at.x() - 2 * r, at.y() - r, 4 * r, 2 * r), Qt::AlignCenter,
                                  QString::fromStdString(row.label));
            }
        }
        if (px >= 4) { // the section's name above it
            painter->setPen(QColor(0x22, 0x22, 0x22));
            QFont f = painter->font();
            f.setPointSizeF(std::max(1.0, r * 1.4));
            f.setBold(true);
            painter->setFont(f);
            painter->drawText(
                QRectF(m_seats.left(), m_seats.top() - 4.2 * r, std::max(m_seats.width(), 40 * r),
                       2.4 * r),
                Qt::AlignLeft | Qt::AlignBottom,
                QCoreApplication::translate("SectionGraphic", "%1 · %2",
                                            "a section: its key, its name")
                    .arg(QString::fromStdString(s.key), QString::fromStdString(s.name)));
        }
    }

private:
    const domain::Section& section() const
    {
        return m_scene.document().map().sections[static_cast<std::size_t>(m_index)];
    }
    static void drawText(QPainter* painter, const QRectF& area, double lod, const QString& text)
    {
        if (area.width() * lod < 40)
            return;
        painter->save();
        painter->setPen(QColor(0x5a, 0x46, 0x0c));
        QFont f = painter->font();
        f.setPointSizeF(std::max(1.0, std::min(area.height() / 6, area.width() / 12)));
        f.setBold(true);
        painter->setFont(f);
        painter->drawText(area, Qt::AlignCenter, text);
        painter->restore();
    }

    DesignerScene& m_scene;
    int m_index;
    QRectF m_bounds, m_seats;
};

class StageGraphic : public QGraphicsItem
{
public:
    explicit StageGraphic(DesignerScene& scene) : m_scene(scene) { sync(); }
    void sync()
    {
        prepareGeometryChange();
        m_polygon = polygonOf(m_scene.document().map().stageOutline);
        m_bounds = m_polygon.boundingRect().adjusted(-2, -2, 2, 2);
        update();
    }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        if (m_polygon.size() < 3)
            return;
        const bool selected = m_scene.document().selection().stage;
        QPen pen(selected ? kSelected : kStage, selected ? 3 : 1,
                 selected ? Qt::DashLine : Qt::SolidLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(kStage);
        painter->drawPolygon(m_polygon);
        const auto area = m_polygon.boundingRect();
        const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
        if (area.width() * lod > 40) {
            painter->setPen(Qt::white);
            QFont f = painter->font();
            f.setPointSizeF(std::max(1.0, std::min(area.height() / 3, area.width() / 8)));
            f.setBold(true);
            painter->setFont(f);
            painter->drawText(area, Qt::AlignCenter,
                              QCoreApplication::translate("StageGraphic", "STAGE"));
        }
    }

private:
    DesignerScene& m_scene;
    QPolygonF m_polygon;
    QRectF m_bounds;
};

DesignerScene::DesignerScene(Document& document, ToolContext& context, QObject* parent)
    : QGraphicsScene(parent), m_document(document), m_context(context)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // a few hundred items, moved often
    m_preview = new QGraphicsPathItem;
    QPen pen(kSelected, 1.5, Qt::DashLine);
    pen.setCosmetic(true);
    m_preview->setPen(pen);
    m_preview->setBrush(QColor(0xe8, 0x59, 0x0c, 0x22));
    m_preview->setZValue(10);
    addItem(m_preview);
    connect(&m_document, &Document::changed, this, &DesignerScene::sync);
    connect(&m_document, &Document::selectionChanged, this, [this] {
        for (auto* s : m_sections)
            s->update();
        if (m_stage)
            m_stage->update();
    });
    rebuild();
}

DesignerScene::~DesignerScene()
{
    if (m_tool)
        m_tool->changed = nullptr;
}

void DesignerScene::setTool(AbstractTool* tool)
{
    if (m_tool == tool)
        return;
    if (m_tool) {
        m_tool->deactivate();
        m_tool->changed = nullptr;
    }
    m_tool = tool;
    if (m_tool) {
        m_tool->changed = [this] { updatePreview(); };
        m_tool->activate();
    }
    updatePreview();
}

void DesignerScene::rebuild()
{
    for (auto* s : m_sections) {
        removeItem(s);
        delete s;
    }
    m_sections.clear();
    // The seat's size follows the map's usual spacing (10 units in the tools' defaults).
    if (const auto pitch = seatmap::seatPitch(m_document.map()))
        m_seatRadius = std::clamp(*pitch * 0.4, 0.05, 1000.0);
    if (!m_stage) {
        m_stage = new StageGraphic(*this);
        addItem(m_stage);
    } else {
        m_stage->sync();
    }
    for (int i = 0; i < static_cast<int>(m_document.map().sections.size()); ++i) {
        auto* item = new SectionGraphic(*this, i);
        item->setZValue(m_document.map().sections[static_cast<std::size_t>(i)].kind ==
                                domain::SectionKind::Standing
                            ? 0
                            : 1);
        addItem(item);
        m_sections.push_back(item);
    }
    updateSceneRect();
}

void DesignerScene::sync(const MapChange& change)
{
    if (change.structural) {
        rebuild();
        return;
    }
    for (const int i : change.sections)
        if (i >= 0 && i < static_cast<int>(m_sections.size()))
            m_sections[static_cast<std::size_t>(i)]->sync();
    if (change.stage && m_stage)
        m_stage->sync();
    updateSceneRect();
}

QRectF DesignerScene::contentRect() const
{
    QRectF r;
    for (auto* s : m_sections)
        r = r.united(s->boundingRect());
    if (m_stage)
        r = r.united(m_stage->boundingRect());
    if (r.isEmpty())
        r = QRectF(-50, -50, 300, 200);
    const double margin = std::max(r.width(), r.height()) * 0.05 + 10;
    return r.adjusted(-margin, -margin, margin, margin);
}

void DesignerScene::updateSceneRect()
{
    // Room to draw beyond what there is.
    const auto content = contentRect();
    const double extra = std::max(content.width(), content.height()) + 400;
    setSceneRect(content.adjusted(-extra, -extra, extra, extra));
}

void DesignerScene::updatePreview()
{
    QPainterPath path;
    if (m_tool) {
        const auto preview = m_tool->preview();
        if (!preview.polyline.empty()) {
            path.moveTo(preview.polyline.front().x, preview.polyline.front().y);
            for (std::size_t i = 1; i < preview.polyline.size(); ++i)
                path.lineTo(preview.polyline[i].x, preview.polyline[i].y);
            if (preview.closed)
                path.closeSubpath();
        }
    }
    m_preview->setPath(path);
}

namespace {
ToolEvent toolEvent(const QGraphicsSceneMouseEvent* e)
{
    return {{e->scenePos().x(), e->scenePos().y()},
            (e->modifiers() & Qt::ShiftModifier) != 0,
            (e->modifiers() & Qt::ControlModifier) != 0};
}
} // namespace

void DesignerScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_tool)
        return;
    m_tool->pressed(toolEvent(event));
    event->accept();
}

void DesignerScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_tool)
        m_tool->moved(toolEvent(event));
    event->accept();
}

void DesignerScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_tool)
        return;
    m_tool->released(toolEvent(event));
    event->accept();
}

void DesignerScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_tool)
        return;
    m_tool->doubleClicked(toolEvent(event));
    event->accept();
}

void DesignerScene::keyPressEvent(QKeyEvent* event)
{
    if (m_tool && m_tool->keyPressed(event->key(), event->modifiers())) {
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void DesignerScene::renderOverview(QPainter* painter, const QRectF& target, const QRectF& source)
{
    m_overview = true;
    m_preview->setVisible(false);
    render(painter, target, source);
    m_preview->setVisible(true);
    m_overview = false;
}

void DesignerScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, QColor(0xfb, 0xfb, 0xfd));
    if (m_overview || !m_context.snap || m_context.grid <= 0)
        return;
    const double scale = painter->worldTransform().m11();
    double step = m_context.grid;
    while (step * scale < 8) // at most a line every 8 pixels
        step *= 5;
    QPen pen(QColor(0xe3, 0xe6, 0xec), 0);
    painter->setPen(pen);
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QLineF> lines;
    for (double x = left; x < rect.right(); x += step)
        lines.append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = top; y < rect.bottom(); y += step)
        lines.append(QLineF(rect.left(), y, rect.right(), y));
    painter->drawLines(lines);
}

// ---------------------------------------------------------------------------------------------

DesignerView::DesignerView(DesignerScene* scene, ToolContext& context, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene), m_context(context)
{
    setRenderHint(QPainter::Antialiasing, true);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Seat map"));
    setAccessibleDescription(tr("The venue being designed. Tools: S select, R seated section, "
                                "C curved rows, A standing area, T stage, W accessible seats."));
    zoomChangedTo();
}

void DesignerView::zoomBy(double factor)
{
    const double next = std::clamp(zoom() * factor, 0.005, 60.0);
    const double f = next / zoom();
    scale(f, f);
    zoomChangedTo();
}

void DesignerView::zoomToFit()
{
    fitInView(m_scene->contentRect(), Qt::KeepAspectRatio);
    zoomChangedTo();
}

void DesignerView::showSelection()
{
    const auto b = edit::boundsOf(m_scene->document().map(), m_scene->document().selection());
    if (b)
        centerOn(QPointF((b->left + b->right) / 2, (b->top + b->bottom) / 2));
}

void DesignerView::zoomChangedTo()
{
    // A click finds a seat within 6 pixels, and never less than the seat itself.
    m_context.hitRadius = std::max(m_scene->seatRadius() * 1.1, 6.0 / std::max(zoom(), 1e-6));
    Q_EMIT zoomChanged(zoom());
    Q_EMIT viewportMoved();
}

void DesignerView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.2, steps));
    event->accept();
}

void DesignerView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (m_space && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panFrom = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignerView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint d = event->pos() - m_panFrom;
        m_panFrom = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignerView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_space ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignerView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignerView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_space = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignerView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewportMoved();
}

void DesignerView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    Q_EMIT viewportMoved();
}

} // namespace ticketing::organizer
