#pragma once

#include "apps/organizer/Document.h"
#include "apps/organizer/Tools.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <vector>

class QGraphicsPathItem;

namespace ticketing::organizer {

class SectionGraphic;
class StageGraphic;

// The designer's view of a Document (Tiled's MapScene): one item per section that paints its
// seats in one pass with level of detail, the stage, and what the active tool is drawing. The
// items only view the document and re-sync when it says what changed; the mouse and the keys go
// to the active tool.
class DesignerScene : public QGraphicsScene
{
    Q_OBJECT

public:
    DesignerScene(Document& document, ToolContext& context, QObject* parent = nullptr);
    ~DesignerScene() override;

    Document& document() { return m_document; }
    void setTool(AbstractTool* tool);
    AbstractTool* tool() const { return m_tool; }
    // The seat's drawn radius, in venue units (the map's usual spacing, a little less than half).
    double seatRadius() const { return m_seatRadius; }
    // The rectangle that shows every item, with a margin.
    QRectF contentRect() const;
    // `source` drawn into `target` without the grid (the overview, a printout).
    void renderOverview(QPainter* painter, const QRectF& target, const QRectF& source);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild();
    void sync(const MapChange& change);
    void updatePreview();
    void updateSceneRect();

    Document& m_document;
    ToolContext& m_context;
    AbstractTool* m_tool = nullptr;
    std::vector<SectionGraphic*> m_sections;
    StageGraphic* m_stage = nullptr;
    QGraphicsPathItem* m_preview = nullptr;
    double m_seatRadius = 4;
    bool m_overview = false;
};

// Zoom (the wheel, Ctrl+plus and minus, fit) and pan (the middle button, or Space and drag);
// tells the tools how near a click must be at this zoom.
class DesignerView : public QGraphicsView
{
    Q_OBJECT

public:
    DesignerView(DesignerScene* scene, ToolContext& context, QWidget* parent = nullptr);

    void zoomBy(double factor);
    void zoomToFit();
    double zoom() const { return transform().m11(); }
    // Centres on what is selected.
    void showSelection();

Q_SIGNALS:
    void zoomChanged(double zoom);
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void zoomChangedTo();
    DesignerScene* m_scene;
    ToolContext& m_context;
    bool m_panning = false;
    bool m_space = false;
    QPoint m_panFrom;
};

} // namespace ticketing::organizer
