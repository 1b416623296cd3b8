#include "apps/organizer/MiniMap.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace ticketing::organizer {

MiniMap::MiniMap(DesignerScene* scene, DesignerView* view, QWidget* parent)
    : QWidget(parent), m_scene(scene), m_view(view)
{
    setAccessibleName(tr("Overview"));
    setAccessibleDescription(tr("The whole venue; click or use the arrow keys to move the view"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(120, 90);
    m_later.setSingleShot(true);
    m_later.setInterval(150);
    connect(&m_later, &QTimer::timeout, this, &MiniMap::redraw);
    connect(&scene->document(), &Document::changed, this, [this] { m_later.start(); });
    connect(view, &DesignerView::viewportMoved, this, qOverload<>(&QWidget::update));
    m_later.start();
}

QTransform MiniMap::toWidget() const
{
    if (m_area.isEmpty())
        return {};
    const double s = std::min(width() / m_area.width(), height() / m_area.height());
    const double dx = (width() - m_area.width() * s) / 2, dy = (height() - m_area.height() * s) / 2;
    return QTransform(s, 0, 0, s, dx - m_area.left() * s, dy - m_area.top() * s);
}

QRectF MiniMap::viewArea() const
{
    return m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
}

void MiniMap::redraw()
{
    m_area = m_scene->contentRect();
    m_picture = QPixmap(size() * devicePixelRatioF());
    m_picture.setDevicePixelRatio(devicePixelRatioF());
    m_picture.fill(QColor(0xfb, 0xfb, 0xfd));
    QPainter p(&m_picture);
    p.setRenderHint(QPainter::Antialiasing, true);
    const auto t = toWidget();
    m_scene->renderOverview(&p, t.mapRect(m_area), m_area);
    update();
}

void MiniMap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.drawPixmap(0, 0, m_picture);
    p.setPen(QPen(QColor(0xc0, 0x1c, 0x28), 2));
    p.setBrush(QColor(0xc0, 0x1c, 0x28, 0x20));
    p.drawRect(toWidget().mapRect(viewArea()).intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 2, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void MiniMap::resizeEvent(QResizeEvent*)
{
    m_later.start();
}

void MiniMap::centreAt(QPointF widgetPoint)
{
    bool ok = false;
    const auto inverse = toWidget().inverted(&ok);
    if (ok)
        m_view->centerOn(inverse.map(widgetPoint));
}

void MiniMap::mousePressEvent(QMouseEvent* event)
{
    centreAt(event->position());
}

void MiniMap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        centreAt(event->position());
}

void MiniMap::keyPressEvent(QKeyEvent* event)
{
    const auto area = viewArea();
    QPointF centre = area.center();
    switch (event->key()) {
    case Qt::Key_Left:
        centre.rx() -= area.width() / 10;
        break;
    case Qt::Key_Right:
        centre.rx() += area.width() / 10;
        break;
    case Qt::Key_Up:
        centre.ry() -= area.height() / 10;
        break;
    case Qt::Key_Down:
        centre.ry() += area.height() / 10;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_view->centerOn(centre);
}

} // namespace ticketing::organizer
