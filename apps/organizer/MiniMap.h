#pragma once

#include "apps/organizer/DesignerScene.h"

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace ticketing::organizer {

// The whole venue small, with the view's rectangle on it (Tiled's mini-map): a click or a drag
// moves the view there; the arrow keys move it by a tenth. The picture is redrawn a moment
// after the map changes, not on every step of a drag.
class MiniMap : public QWidget
{
    Q_OBJECT

public:
    MiniMap(DesignerScene* scene, DesignerView* view, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {240, 180}; }
    // The venue's area the picture shows (the scene's content), and the view's on it.
    QRectF shownArea() const { return m_area; }
    QRectF viewArea() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void redraw();
    void centreAt(QPointF widgetPoint);
    QTransform toWidget() const;

    DesignerScene* m_scene;
    DesignerView* m_view;
    QPixmap m_picture;
    QRectF m_area;
    QTimer m_later;
};

} // namespace ticketing::organizer
