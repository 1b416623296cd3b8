#pragma once

#include "apps/organizer/DesignerPanels.h"
#include "apps/organizer/DesignerScene.h"
#include "apps/organizer/Document.h"
#include "apps/organizer/Tools.h"
#include "domain/Venue.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QSpinBox>
#include <memory>
#include <optional>
#include <vector>

namespace ticketing::organizer {

// The venue designer (issue 15), in the shape of Tiled: the map in a zoomable view, a palette of
// tools (each with its one-key shortcut, shown in the palette), the tool bar's settings, and
// docks for the selection's properties, the problems validation finds and the venue's details.
// Embedded in the organizer's window, which puts its menus in its own menu bar.
class DesignerPage : public QMainWindow
{
    Q_OBJECT

public:
    explicit DesignerPage(QWidget* parent = nullptr);
    ~DesignerPage() override;

    Document& document() { return m_document; }
    ToolContext& context() { return m_context; }
    DesignerScene* scene() const { return m_scene; }
    DesignerView* view() const { return m_view; }
    PropertiesPanel* properties() const { return m_properties; }
    ProblemsPanel* problems() const { return m_problems; }
    const std::vector<QMenu*>& menus() const { return m_menus; }
    QAction* toolAction(int index) const
    {
        return m_toolActions.at(static_cast<std::size_t>(index));
    }
    const std::vector<std::unique_ptr<AbstractTool>>& tools() const { return m_tools; }
    void selectTool(int index);

    // The venue being designed: its id once stored, and its details with the map as drawn.
    const std::optional<domain::VenueId>& venueId() const { return m_venueId; }
    domain::VenueInput venue() const;
    void openVenue(const std::optional<domain::VenueId>& id, const domain::VenueInput& venue);
    void setVenueId(const domain::VenueId& id) { m_venueId = id; }
    // A generated venue (GenerateDialog) in place of the map: one undoable step.
    void generate(const edit::RingSpec& spec);
    class MiniMap* miniMap() const { return m_miniMap; }
    // What is missing from the venue's details before it can be saved; empty when nothing.
    QString missingDetails() const;

Q_SIGNALS:
    void message(const QString& text);

private:
    void buildTools();
    void buildOptions();
    void buildDocks();
    void buildMenus();
    QAction* add(QMenu* menu, const QString& text, const QKeySequence& key,
                 std::function<void()> fn);
    void copy();
    void pasteClipboard();

    Document m_document;
    ToolContext m_context{m_document};
    std::vector<std::unique_ptr<AbstractTool>> m_tools;
    std::vector<QAction*> m_toolActions;
    QActionGroup* m_toolGroup = nullptr;
    DesignerScene* m_scene = nullptr;
    DesignerView* m_view = nullptr;
    PropertiesPanel* m_properties = nullptr;
    ProblemsPanel* m_problems = nullptr;
    class MiniMap* m_miniMap = nullptr;
    std::vector<QMenu*> m_menus;
    std::vector<domain::Section> m_clipboard;
    std::optional<domain::VenueId> m_venueId;
    // The venue's details.
    QLineEdit* m_venueName = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_city = nullptr;
    QLineEdit* m_country = nullptr;
    QLineEdit* m_timezone = nullptr;
    QDoubleSpinBox* m_latitude = nullptr;
    QDoubleSpinBox* m_longitude = nullptr;
};

} // namespace ticketing::organizer
