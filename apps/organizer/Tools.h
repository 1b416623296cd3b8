#pragma once

#include "apps/organizer/Document.h"

#include <QCoreApplication>
#include <QKeySequence>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ticketing::organizer {

// What the tools share: the document, and the settings the tool bar shows.
struct ToolContext
{
    explicit ToolContext(Document& d) : document(d) {}
    Document& document;
    bool snap = true;
    double grid = 5;        // venue units
    double hitRadius = 4.5; // how near a click must be to a seat (the view sets it per zoom)
    // The section tool's block, and the standing area's places.
    int rows = 10;
    int seatsPerRow = 20;
    double seatSpacing = 10;
    double rowSpacing = 12;
    int standingCapacity = 500;
    // The curve tool: by radius (a click on a section), or by three points.
    bool curveByPoints = false;
    double curveRadius = 150;

    domain::Point snapped(domain::Point p) const { return snap ? edit::snapped(p, grid) : p; }
};

// A mouse event as a tool sees it: where, in venue units, and the keys held.
struct ToolEvent
{
    domain::Point at;
    bool shift = false;   // adds to the selection
    bool control = false; // rotates instead of moving (select tool)
};

// A tool is an object fed the view's events (Tiled's AbstractTool, STYLE.md): the view knows
// nothing of what the tool does, and the tests drive a tool with the same calls. Each tool makes
// its changes through Document::edit; what it draws while it works (a rubber band, a polygon in
// progress) it gives as `preview()`, and it calls `changed` when that moved.
class AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(AbstractTool)

public:
    AbstractTool(ToolContext& context, QString name, QKeySequence shortcut, QString help)
        : m_context(context), m_name(std::move(name)), m_shortcut(std::move(shortcut)),
          m_help(std::move(help))
    {
    }
    virtual ~AbstractTool() = default;

    const QString& name() const { return m_name; }
    const QKeySequence& shortcut() const { return m_shortcut; }
    // One sentence for the status bar: what a click does now.
    virtual QString help() const { return m_help; }

    virtual void activate() {}
    virtual void deactivate() { cancel(); }
    virtual void pressed(const ToolEvent&) {}
    virtual void moved(const ToolEvent&) {}
    virtual void released(const ToolEvent&) {}
    virtual void doubleClicked(const ToolEvent&) {}
    // Enter, Escape, Backspace, arrows...; true when the tool used the key.
    virtual bool keyPressed(int key, Qt::KeyboardModifiers modifiers);
    virtual void cancel() {}

    struct Preview
    {
        std::vector<domain::Point> polyline; // drawn as a path; closed when `closed`
        bool closed = false;
    };
    virtual Preview preview() const { return {}; }
    std::function<void()> changed; // the preview moved (the view repaints it)

protected:
    Document& document() { return m_context.document; }
    ToolContext& m_context;
    void notify()
    {
        if (changed)
            changed();
    }

private:
    QString m_name;
    QKeySequence m_shortcut;
    QString m_help;
};

// Select, move and rotate (S): a click selects a seat, or a section where no seat is, or the
// stage; Shift adds to the selection; a drag from empty space selects the seats in its
// rectangle; a drag of the selection moves it (snapped to the grid), with Ctrl it turns it
// around its centre (in steps of 15 degrees when snapping). The whole drag is one step.
class SelectTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(SelectTool)

public:
    explicit SelectTool(ToolContext& context);
    void pressed(const ToolEvent& e) override;
    void moved(const ToolEvent& e) override;
    void released(const ToolEvent& e) override;
    bool keyPressed(int key, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Preview preview() const override;

private:
    enum class Mode
    {
        None,
        Band,
        Move,
        Rotate
    } m_mode = Mode::None;
    domain::Point m_start, m_now;
    domain::SeatMap m_origin; // the map when the drag began: each step is made from it
    domain::Point m_centre;
    int m_key = 0;
    bool m_addToSelection = false;
};

// A seated section (R): a click puts a block of the tool bar's rows x seats there; a drag sizes
// the block to the rectangle at the tool bar's spacing.
class SectionTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(SectionTool)

public:
    explicit SectionTool(ToolContext& context);
    void pressed(const ToolEvent& e) override;
    void moved(const ToolEvent& e) override;
    void released(const ToolEvent& e) override;
    void cancel() override { m_dragging = false; }
    Preview preview() const override;

private:
    bool m_dragging = false;
    domain::Point m_start, m_now;
};

// Curved rows (C): by radius, a click on a seated section curves its rows; by three points,
// three clicks (the ends of the first row and a point between) on the selected section.
class CurveTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(CurveTool)

public:
    explicit CurveTool(ToolContext& context);
    QString help() const override;
    void pressed(const ToolEvent& e) override;
    void moved(const ToolEvent& e) override;
    void cancel() override;
    Preview preview() const override;

private:
    std::optional<int> target(const ToolEvent& e) const;
    std::vector<domain::Point> m_points;
    std::optional<int> m_section;
    domain::Point m_now;
};

// A standing area (A): each click adds a corner; Enter or a double click closes the polygon
// (three corners at least), Backspace takes the last corner back, Escape drops it.
class StandingTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(StandingTool)

public:
    explicit StandingTool(ToolContext& context);
    void pressed(const ToolEvent& e) override;
    void moved(const ToolEvent& e) override;
    void doubleClicked(const ToolEvent& e) override;
    bool keyPressed(int key, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Preview preview() const override;
    bool finish();

private:
    std::vector<domain::Point> m_points;
    domain::Point m_now;
};

// The stage (T): a drag draws it as a rectangle (it replaces the one there was).
class StageTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(StageTool)

public:
    explicit StageTool(ToolContext& context);
    void pressed(const ToolEvent& e) override;
    void moved(const ToolEvent& e) override;
    void released(const ToolEvent& e) override;
    void cancel() override { m_dragging = false; }
    Preview preview() const override;

private:
    bool m_dragging = false;
    domain::Point m_start, m_now;
};

// Accessible seats (W): a click on a seat marks it accessible, or unmarks it.
class AccessibleTool : public AbstractTool
{
    Q_DECLARE_TR_FUNCTIONS(AccessibleTool)

public:
    explicit AccessibleTool(ToolContext& context);
    void pressed(const ToolEvent& e) override;
};

// Every tool of the designer, in the palette's order.
std::vector<std::unique_ptr<AbstractTool>> makeTools(ToolContext& context);

} // namespace ticketing::organizer
