#include "apps/organizer/Tools.h"

#include <cmath>
#include <numbers>

namespace ticketing::organizer {

using domain::Point;

bool AbstractTool::keyPressed(int key, Qt::KeyboardModifiers)
{
    if (key == Qt::Key_Escape) {
        cancel();
        notify();
        return true;
    }
    return false;
}

namespace {
// The smallest free key of the form S1, S2, ... (or GA, GA_2, ... for standing areas).
std::string nextSectionKey(const domain::SeatMap& map, int& number)
{
    for (number = 1;; ++number) {
        const auto key = "S" + std::to_string(number);
        if (!map.findSection(key))
            return key;
    }
}

std::vector<Point> rectangle(Point a, Point b)
{
    const double left = std::min(a.x, b.x), right = std::max(a.x, b.x);
    const double top = std::min(a.y, b.y), bottom = std::max(a.y, b.y);
    return {{left, top}, {right, top}, {right, bottom}, {left, bottom}};
}

bool inStage(const domain::SeatMap& map, Point p)
{
    return map.stageOutline.size() >= 3 && edit::insidePolygon(map.stageOutline, p);
}

std::string text(const QString& s)
{
    return s.toStdString();
}
} // namespace

// ---------------------------------------------------------------------------------------------

SelectTool::SelectTool(ToolContext& context)
    : AbstractTool(context, tr("Select"), QKeySequence(Qt::Key_S),
                   tr("Click to select, Shift+click to add, drag to move; Ctrl+drag turns; "
                      "drag from empty space to select a rectangle"))
{
}

void SelectTool::pressed(const ToolEvent& e)
{
    auto& doc = document();
    const auto& map = doc.map();
    m_start = m_now = e.at;
    m_addToSelection = e.shift;
    auto selection = doc.selection();
    bool onSelection = false;
    if (const auto seat = edit::seatNear(map, e.at, m_context.hitRadius)) {
        onSelection = selection.seats.count(*seat) || selection.sections.count(seat->section);
        if (onSelection && e.shift) { // Shift+click on a selected seat: leaves the selection
            selection.seats.erase(*seat);
            doc.setSelection(selection);
            return;
        }
        if (!onSelection) {
            if (!e.shift)
                selection = {};
            selection.seats.insert(*seat);
        }
    } else if (const auto section = edit::sectionAt(map, e.at)) {
        onSelection = selection.sections.count(*section) > 0;
        if (!onSelection) {
            if (!e.shift)
                selection = {};
            selection.sections.insert(*section);
        }
    } else if (inStage(map, e.at)) {
        if (!selection.stage) {
            if (!e.shift)
                selection = {};
            selection.stage = true;
        }
    } else {
        if (!e.shift)
            doc.setSelection({});
        m_mode = Mode::Band;
        notify();
        return;
    }
    doc.setSelection(selection);
    m_origin = map;
    m_key = doc.newMergeKey();
    m_mode = e.control ? Mode::Rotate : Mode::Move;
    m_centre = edit::centreOf(map, doc.selection()).value_or(e.at);
}

void SelectTool::moved(const ToolEvent& e)
{
    m_now = e.at;
    auto& doc = document();
    switch (m_mode) {
    case Mode::None:
        return;
    case Mode::Band:
        notify();
        return;
    case Mode::Move: {
        double dx = m_now.x - m_start.x, dy = m_now.y - m_start.y;
        if (m_context.snap && m_context.grid > 0) {
            dx = std::round(dx / m_context.grid) * m_context.grid;
            dy = std::round(dy / m_context.grid) * m_context.grid;
        }
        doc.edit(
            tr("Move"),
            [&](domain::SeatMap& map, Selection& selection) {
                map = m_origin;
                edit::translate(map, selection, dx, dy);
            },
            m_key);
        return;
    }
    case Mode::Rotate: {
        const double from = std::atan2(m_start.y - m_centre.y, m_start.x - m_centre.x);
        const double to = std::atan2(m_now.y - m_centre.y, m_now.x - m_centre.x);
        double degrees = (to - from) * 180 / std::numbers::pi;
        if (m_context.snap)
            degrees = std::round(degrees / 15) * 15;
        doc.edit(
            tr("Rotate"),
            [&](domain::SeatMap& map, Selection& selection) {
                map = m_origin;
                edit::rotate(map, selection, m_centre, degrees);
            },
            m_key);
        return;
    }
    }
}

void SelectTool::released(const ToolEvent& e)
{
    m_now = e.at;
    auto& doc = document();
    if (m_mode == Mode::Band) {
        auto selection = m_addToSelection ? doc.selection() : Selection{};
        for (const auto& ref : edit::seatsInRect(doc.map(), m_start, m_now))
            selection.seats.insert(ref);
        doc.setSelection(selection);
    } else if (m_mode == Mode::Move || m_mode == Mode::Rotate) {
        doc.closeMerges();
    }
    m_mode = Mode::None;
    m_origin = {};
    notify();
}

bool SelectTool::keyPressed(int key, Qt::KeyboardModifiers modifiers)
{
    const double step = (modifiers & Qt::ShiftModifier) ? m_context.grid * 10 : m_context.grid;
    double dx = 0, dy = 0;
    switch (key) {
    case Qt::Key_Left:
        dx = -step;
        break;
    case Qt::Key_Right:
        dx = step;
        break;
    case Qt::Key_Up:
        dy = -step;
        break;
    case Qt::Key_Down:
        dy = step;
        break;
    case Qt::Key_Escape:
        if (m_mode != Mode::None) {
            cancel();
        } else {
            document().setSelection({});
        }
        notify();
        return true;
    default:
        return false;
    }
    if (document().selection().empty())
        return false;
    document().edit(tr("Move"), [&](domain::SeatMap& map, Selection& selection) {
        edit::translate(map, selection, dx, dy);
    });
    return true;
}

void SelectTool::cancel()
{
    // A drag given up: the map as it was when the drag began.
    if ((m_mode == Mode::Move || m_mode == Mode::Rotate) && document().undoStack()->canUndo() &&
        document().map() != m_origin)
        document().undoStack()->undo();
    m_mode = Mode::None;
    m_origin = {};
}

AbstractTool::Preview SelectTool::preview() const
{
    if (m_mode != Mode::Band)
        return {};
    return {rectangle(m_start, m_now), true};
}

// ---------------------------------------------------------------------------------------------

SectionTool::SectionTool(ToolContext& context)
    : AbstractTool(context, tr("Seated section"), QKeySequence(Qt::Key_R),
                   tr("Click to place a block of rows and seats as the tool bar says; drag to "
                      "size it"))
{
}

void SectionTool::pressed(const ToolEvent& e)
{
    m_dragging = true;
    m_start = m_now = m_context.snapped(e.at);
    notify();
}

void SectionTool::moved(const ToolEvent& e)
{
    if (!m_dragging)
        return;
    m_now = m_context.snapped(e.at);
    notify();
}

void SectionTool::released(const ToolEvent& e)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_now = m_context.snapped(e.at);
    edit::SectionSpec spec;
    spec.seatSpacing = m_context.seatSpacing;
    spec.rowSpacing = m_context.rowSpacing;
    const double width = std::abs(m_now.x - m_start.x), height = std::abs(m_now.y - m_start.y);
    if (width < spec.seatSpacing && height < spec.rowSpacing) {
        spec.origin = m_start;
        spec.rows = m_context.rows;
        spec.seatsPerRow = m_context.seatsPerRow;
    } else {
        spec.origin = {std::min(m_start.x, m_now.x), std::min(m_start.y, m_now.y)};
        spec.rows = std::min(domain::SeatMapLimits::maxRowsPerSection,
                             static_cast<int>(height / spec.rowSpacing) + 1);
        spec.seatsPerRow = std::min(domain::SeatMapLimits::maxSeatsPerRow,
                                    static_cast<int>(width / spec.seatSpacing) + 1);
    }
    document().edit(tr("Add a seated section"), [&](domain::SeatMap& map, Selection& selection) {
        int number = 0;
        spec.key = nextSectionKey(map, number);
        spec.name = text(tr("Section %1").arg(number));
        map.sections.push_back(edit::seatedSection(spec));
        selection = {};
        selection.sections.insert(static_cast<int>(map.sections.size()) - 1);
    });
    notify();
}

AbstractTool::Preview SectionTool::preview() const
{
    if (!m_dragging)
        return {};
    return {rectangle(m_start, m_now), true};
}

// ---------------------------------------------------------------------------------------------

CurveTool::CurveTool(ToolContext& context)
    : AbstractTool(context, tr("Curved rows"), QKeySequence(Qt::Key_C), {})
{
}

QString CurveTool::help() const
{
    if (!m_context.curveByPoints)
        return tr("Click a seated section to curve its rows around the stage (radius from the "
                  "tool bar)");
    if (!m_section)
        return tr("Click the section to curve, then the first row's left end, a point on the "
                  "curve, and its right end");
    static const char* const steps[] = {
        QT_TR_NOOP("Click where the first row begins (its left end)"),
        QT_TR_NOOP("Click a point the first row passes through"),
        QT_TR_NOOP("Click where the first row ends (its right end)")};
    return tr(steps[std::min<std::size_t>(m_points.size(), 2)]);
}

std::optional<int> CurveTool::target(const ToolEvent& e) const
{
    const auto& map = m_context.document.map();
    std::optional<int> s;
    if (const auto seat = edit::seatNear(map, e.at, m_context.hitRadius))
        s = seat->section;
    else
        s = edit::sectionAt(map, e.at);
    if (s && map.sections[static_cast<std::size_t>(*s)].kind != domain::SectionKind::Seated)
        return std::nullopt;
    return s;
}

void CurveTool::pressed(const ToolEvent& e)
{
    auto& doc = document();
    if (!m_context.curveByPoints) {
        const auto s = target(e);
        if (!s)
            return;
        doc.edit(tr("Curve rows"), [&](domain::SeatMap& map, Selection& selection) {
            edit::curveRows(map.sections[static_cast<std::size_t>(*s)], m_context.curveRadius);
            selection = {};
            selection.sections.insert(*s);
        });
        return;
    }
    if (!m_section) {
        m_section = target(e);
        if (m_section) {
            Selection selection;
            selection.sections.insert(*m_section);
            doc.setSelection(selection);
        }
        notify();
        return;
    }
    m_points.push_back(m_context.snapped(e.at));
    m_now = m_points.back();
    if (m_points.size() == 3) {
        const auto s = *m_section;
        const auto points = m_points;
        cancel();
        doc.edit(tr("Curve rows"), [&](domain::SeatMap& map, Selection&) {
            edit::curveRowsThrough(map.sections[static_cast<std::size_t>(s)], points[0], points[1],
                                   points[2]);
        });
    }
    notify();
}

void CurveTool::moved(const ToolEvent& e)
{
    m_now = m_context.snapped(e.at);
    if (!m_points.empty())
        notify();
}

void CurveTool::cancel()
{
    m_points.clear();
    m_section.reset();
}

AbstractTool::Preview CurveTool::preview() const
{
    if (m_points.empty())
        return {};
    auto line = m_points;
    line.push_back(m_now);
    return {line, false};
}

// ---------------------------------------------------------------------------------------------

StandingTool::StandingTool(ToolContext& context)
    : AbstractTool(context, tr("Standing area"), QKeySequence(Qt::Key_A),
                   tr("Click the corners of the area; Enter or a double click closes it, "
                      "Backspace takes a corner back"))
{
}

void StandingTool::pressed(const ToolEvent& e)
{
    m_points.push_back(m_context.snapped(e.at));
    m_now = m_points.back();
    notify();
}

void StandingTool::moved(const ToolEvent& e)
{
    m_now = m_context.snapped(e.at);
    if (!m_points.empty())
        notify();
}

void StandingTool::doubleClicked(const ToolEvent&)
{
    finish();
}

bool StandingTool::keyPressed(int key, Qt::KeyboardModifiers modifiers)
{
    if (key == Qt::Key_Return || key == Qt::Key_Enter)
        return finish();
    if (key == Qt::Key_Backspace && !m_points.empty()) {
        m_points.pop_back();
        notify();
        return true;
    }
    return AbstractTool::keyPressed(key, modifiers);
}

bool StandingTool::finish()
{
    if (m_points.size() < 3)
        return false;
    const auto points = m_points;
    m_points.clear();
    document().edit(tr("Add a standing area"), [&](domain::SeatMap& map, Selection& selection) {
        const auto key = edit::freeKey(map, "GA");
        map.sections.push_back(
            edit::standingSection(key, text(tr("Standing")), points, m_context.standingCapacity));
        selection = {};
        selection.sections.insert(static_cast<int>(map.sections.size()) - 1);
    });
    notify();
    return true;
}

void StandingTool::cancel()
{
    m_points.clear();
}

AbstractTool::Preview StandingTool::preview() const
{
    if (m_points.empty())
        return {};
    auto line = m_points;
    line.push_back(m_now);
    return {line, false};
}

// ---------------------------------------------------------------------------------------------

StageTool::StageTool(ToolContext& context)
    : AbstractTool(context, tr("Stage"), QKeySequence(Qt::Key_T),
                   tr("Drag to draw the stage (it replaces the one there is)"))
{
}

void StageTool::pressed(const ToolEvent& e)
{
    m_dragging = true;
    m_start = m_now = m_context.snapped(e.at);
    notify();
}

void StageTool::moved(const ToolEvent& e)
{
    if (!m_dragging)
        return;
    m_now = m_context.snapped(e.at);
    notify();
}

void StageTool::released(const ToolEvent& e)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_now = m_context.snapped(e.at);
    if (std::abs(m_now.x - m_start.x) > 0 && std::abs(m_now.y - m_start.y) > 0)
        document().edit(tr("Draw the stage"), [&](domain::SeatMap& map, Selection& selection) {
            map.stageOutline = rectangle(m_start, m_now);
            for (auto& p : map.stageOutline)
                p = {edit::rounded(p.x), edit::rounded(p.y)};
            selection = {};
            selection.stage = true;
        });
    notify();
}

AbstractTool::Preview StageTool::preview() const
{
    if (!m_dragging)
        return {};
    return {rectangle(m_start, m_now), true};
}

// ---------------------------------------------------------------------------------------------

AccessibleTool::AccessibleTool(ToolContext& context)
    : AbstractTool(context, tr("Accessible seats"), QKeySequence(Qt::Key_W),
                   tr("Click a seat to mark it accessible (wheelchair space), or to unmark it"))
{
}

void AccessibleTool::pressed(const ToolEvent& e)
{
    auto& doc = document();
    const auto seat = edit::seatNear(doc.map(), e.at, m_context.hitRadius);
    if (!seat)
        return;
    const bool accessible = !edit::seatAt(doc.map(), *seat).accessible;
    doc.edit(accessible ? tr("Mark a seat accessible") : tr("Unmark an accessible seat"),
             [&](domain::SeatMap& map, Selection& selection) {
                 edit::setAccessible(map, {*seat}, accessible);
                 selection = {};
                 selection.seats.insert(*seat);
             });
}

std::vector<std::unique_ptr<AbstractTool>> makeTools(ToolContext& context)
{
    std::vector<std::unique_ptr<AbstractTool>> tools;
    tools.push_back(std::make_unique<SelectTool>(context));
    tools.push_back(std::make_unique<SectionTool>(context));
    tools.push_back(std::make_unique<CurveTool>(context));
    tools.push_back(std::make_unique<StandingTool>(context));
    tools.push_back(std::make_unique<StageTool>(context));
    tools.push_back(std::make_unique<AccessibleTool>(context));
    return tools;
}

} // namespace ticketing::organizer
