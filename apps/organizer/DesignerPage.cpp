#include "apps/organizer/DesignerPage.h"

#include "apps/organizer/Actions.h"
#include "apps/organizer/MiniMap.h"
#include "widgets/Widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QStatusBar>
#include <QToolBar>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

namespace ticketing::organizer {

DesignerPage::DesignerPage(QWidget* parent) : QMainWindow(parent)
{
    setWindowFlags(Qt::Widget); // a page of the organizer's window
    setAccessibleName(tr("Venue designer"));
    m_tools = makeTools(m_context);
    m_scene = new DesignerScene(m_document, m_context, this);
    m_view = new DesignerView(m_scene, m_context);
    setCentralWidget(m_view);
    buildTools();
    buildOptions();
    buildDocks();
    buildMenus();
    connect(m_problems, &ProblemsPanel::shown, m_view, &DesignerView::showSelection);
    selectTool(0);
}

DesignerPage::~DesignerPage()
{
    m_scene->setTool(nullptr);
}

QAction* DesignerPage::add(QMenu* menu, const QString& text, const QKeySequence& key,
                           std::function<void()> fn)
{
    auto* action = menu->addAction(text);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!key.isEmpty())
        action->setToolTip(widgets::withShortcut(text, key));
    addAction(action); // its shortcut works while the designer has the focus
    connect(action, &QAction::triggered, this, [fn = std::move(fn)] { fn(); });
    return action;
}

void DesignerPage::buildTools()
{
    auto* bar = new QToolBar(tr("Tools"));
    bar->setObjectName(QStringLiteral("tools"));
    bar->setAccessibleName(tr("Tools"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setMovable(false);
    addToolBar(Qt::LeftToolBarArea, bar);
    m_toolGroup = new QActionGroup(this);
    for (std::size_t i = 0; i < m_tools.size(); ++i) {
        auto& tool = *m_tools[i];
        auto* action = new QAction(tool.name(), this);
        action->setCheckable(true);
        action->setShortcut(tool.shortcut());
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        // The palette shows each tool's key.
        action->setIconText(
            tr("%1   %2", "a tool in the palette: its name, its key")
                .arg(tool.name(), tool.shortcut().toString(QKeySequence::NativeText)));
        action->setToolTip(
            tr("%1 (%2): %3", "a tool's tooltip: its name, its key, what it does")
                .arg(tool.name(), tool.shortcut().toString(QKeySequence::NativeText), tool.help()));
        action->setStatusTip(tool.help());
        m_toolGroup->addAction(action);
        bar->addAction(action);
        addAction(action);
        m_toolActions.push_back(action);
        connect(action, &QAction::triggered, this, [this, i] { selectTool(static_cast<int>(i)); });
    }
}

void DesignerPage::selectTool(int index)
{
    auto* tool = m_tools.at(static_cast<std::size_t>(index)).get();
    m_toolActions[static_cast<std::size_t>(index)]->setChecked(true);
    m_scene->setTool(tool);
    Q_EMIT message(tool->help());
    statusBar()->showMessage(tool->help());
}

void DesignerPage::buildOptions()
{
    auto* bar = new QToolBar(tr("Tool settings"));
    bar->setObjectName(QStringLiteral("settings"));
    bar->setAccessibleName(tr("Tool settings"));
    bar->setMovable(false);
    addToolBar(Qt::TopToolBarArea, bar);
    auto spin = [&](const QString& label, const QString& name, int low, int high, int value,
                    int* target) {
        auto* caption = new QLabel(label);
        auto* box = new QSpinBox;
        box->setRange(low, high);
        box->setValue(value);
        box->setAccessibleName(name);
        caption->setBuddy(box);
        bar->addWidget(caption);
        bar->addWidget(box);
        connect(box, &QSpinBox::valueChanged, this, [target](int v) { *target = v; });
        return box;
    };
    auto real = [&](const QString& label, const QString& name, double low, double high,
                    double value, double* target) {
        auto* caption = new QLabel(label);
        auto* box = new QDoubleSpinBox;
        box->setRange(low, high);
        box->setDecimals(1);
        box->setValue(value);
        box->setAccessibleName(name);
        caption->setBuddy(box);
        bar->addWidget(caption);
        bar->addWidget(box);
        connect(box, &QDoubleSpinBox::valueChanged, this, [target](double v) { *target = v; });
        return box;
    };
    spin(tr("Ro&ws:"), tr("Rows"), 1, domain::SeatMapLimits::maxRowsPerSection, m_context.rows,
         &m_context.rows);
    spin(tr("Seats per r&ow:"), tr("Seats per row"), 1, domain::SeatMapLimits::maxSeatsPerRow,
         m_context.seatsPerRow, &m_context.seatsPerRow);
    real(tr("Seat spacin&g:"), tr("Seat spacing"), 1, 1000, m_context.seatSpacing,
         &m_context.seatSpacing);
    real(tr("Row spaci&ng:"), tr("Row spacing"), 1, 1000, m_context.rowSpacing,
         &m_context.rowSpacing);
    bar->addSeparator();
    spin(tr("Standing p&laces:"), tr("Standing places"), 1,
         domain::SeatMapLimits::maxStandingCapacity, m_context.standingCapacity,
         &m_context.standingCapacity);
    bar->addSeparator();
    real(tr("Cur&ve radius:"), tr("Curve radius"), -100000, 100000, m_context.curveRadius,
         &m_context.curveRadius);
    auto* byPoints = new QCheckBox(tr("By &three points"));
    byPoints->setAccessibleName(tr("Curve by three points"));
    bar->addWidget(byPoints);
    connect(byPoints, &QCheckBox::toggled, this, [this](bool on) {
        m_context.curveByPoints = on;
        m_scene->tool()->cancel();
        statusBar()->showMessage(m_scene->tool()->help());
    });
    bar->addSeparator();
    auto* snap = new QCheckBox(tr("S&nap to grid"));
    snap->setAccessibleName(tr("Snap to grid"));
    snap->setChecked(m_context.snap);
    bar->addWidget(snap);
    connect(snap, &QCheckBox::toggled, this, [this](bool on) {
        m_context.snap = on;
        m_scene->update();
    });
    real(tr("Gr&id:"), tr("Grid"), 0.5, 1000, m_context.grid, &m_context.grid);
}

void DesignerPage::buildDocks()
{
    auto dock = [&](const QString& title, QWidget* widget, const QString& object) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(object);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    m_properties = new PropertiesPanel(m_document);
    dock(tr("Properties"), m_properties, QStringLiteral("properties"));

    auto* details = new QWidget;
    auto* form = new QFormLayout(details);
    auto line = [&](const QString& label, const QString& name) {
        auto* edit = new QLineEdit;
        edit->setAccessibleName(name);
        form->addRow(label, edit);
        return edit;
    };
    m_venueName = line(tr("Venue &name:"), tr("Venue name"));
    m_address = line(tr("A&ddress:"), tr("Address"));
    m_city = line(tr("Cit&y:"), tr("City"));
    m_country = line(tr("Co&untry:"), tr("Country"));
    m_country->setPlaceholderText(tr("two letters, e.g. GB"));
    m_country->setMaxLength(2);
    m_timezone = line(tr("Time &zone:"), tr("Time zone"));
    //: An example of an IANA time zone name, as typed in the field.
    m_timezone->setPlaceholderText(tr("Europe/London"));
    auto coordinate = [&](const QString& label, const QString& name, double range) {
        auto* box = new QDoubleSpinBox;
        box->setRange(-range, range);
        box->setDecimals(5);
        box->setAccessibleName(name);
        form->addRow(label, box);
        return box;
    };
    m_latitude = coordinate(tr("&Latitude:"), tr("Latitude"), 90);
    m_longitude = coordinate(tr("L&ongitude:"), tr("Longitude"), 180);
    dock(tr("Venue"), details, QStringLiteral("venue"));

    m_problems = new ProblemsPanel(m_document);
    dock(tr("Problems"), m_problems, QStringLiteral("problems"));
    m_miniMap = new MiniMap(m_scene, m_view);
    dock(tr("Overview"), m_miniMap, QStringLiteral("overview"));
}

void DesignerPage::buildMenus()
{
    auto* editMenu = new QMenu(tr("&Edit"), this);
    auto* undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    for (auto* a : {undo, redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        editMenu->addAction(a);
        addAction(a);
    }
    editMenu->addSeparator();
    add(editMenu, tr("&Copy"), QKeySequence::Copy, [this] { copy(); });
    add(editMenu, tr("&Paste"), QKeySequence::Paste, [this] { pasteClipboard(); });
    add(editMenu, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        copy();
        pasteClipboard();
    });
    add(editMenu, tr("&Delete"), QKeySequence::Delete,
        [this] { actions::removeSelection(m_document); });
    add(editMenu, tr("Select &all"), QKeySequence::SelectAll,
        [this] { actions::selectAll(m_document); });
    m_menus.push_back(editMenu);

    // Drawing by keyboard: the shapes go beside what is drawn, as the tool bar sizes them.
    auto* insert = new QMenu(tr("&Insert"), this);
    const auto settings = [this] {
        return actions::InsertSettings{m_context.rows, m_context.seatsPerRow, m_context.seatSpacing,
                                       m_context.rowSpacing, m_context.standingCapacity};
    };
    add(insert, tr("A &seated section"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R),
        [this, settings] {
            actions::insertSeatedSection(m_document, settings());
            m_view->zoomToFit();
        });
    add(insert, tr("A s&tanding area"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G),
        [this, settings] {
            actions::insertStandingArea(m_document, settings());
            m_view->zoomToFit();
        });
    add(insert, tr("The s&tage"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S), [this] {
        actions::insertStage(m_document);
        m_view->zoomToFit();
    });
    m_menus.push_back(insert);

    auto* seats = new QMenu(tr("&Seats"), this);
    auto* labels = seats->addMenu(tr("Row &labels"));
    add(labels, tr("A, B, C… from the &front"), QKeySequence(Qt::CTRL | Qt::Key_L),
        [this] { actions::labelRows(m_document, edit::RowLabels::Letters, false); });
    add(labels, tr("A, B, C… from the &back"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { actions::labelRows(m_document, edit::RowLabels::Letters, true); });
    add(labels, tr("1, 2, 3… from the f&ront"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L),
        [this] { actions::labelRows(m_document, edit::RowLabels::Numbers, false); });
    add(labels, tr("1, 2, 3… from the b&ack"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_L),
        [this] { actions::labelRows(m_document, edit::RowLabels::Numbers, true); });
    auto* numbers = seats->addMenu(tr("Seat &numbers"));
    add(numbers, tr("&Left to right"), QKeySequence(Qt::CTRL | Qt::Key_K),
        [this] { actions::numberSeats(m_document, edit::Numbering::LeftToRight); });
    add(numbers, tr("&Right to left"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
        [this] { actions::numberSeats(m_document, edit::Numbering::RightToLeft); });
    add(numbers, tr("&Odd and even from the middle"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K),
        [this] { actions::numberSeats(m_document, edit::Numbering::OddEvenFromMiddle); });
    add(seats, tr("Mark &accessible"), QKeySequence(Qt::CTRL | Qt::Key_W),
        [this] { actions::setAccessible(m_document, true); });
    add(seats, tr("&Unmark accessible"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
        [this] { actions::setAccessible(m_document, false); });
    add(seats, tr("&Outline sections"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        [this] { actions::outlineSections(m_document); });
    m_menus.push_back(seats);

    auto* arrange = new QMenu(tr("&Arrange"), this);
    const std::pair<const char*, edit::Align> aligns[] = {
        {QT_TR_NOOP("Align &left"), edit::Align::Left},
        {QT_TR_NOOP("Align &right"), edit::Align::Right},
        {QT_TR_NOOP("Align &top"), edit::Align::Top},
        {QT_TR_NOOP("Align &bottom"), edit::Align::Bottom},
        {QT_TR_NOOP("Centre &horizontally"), edit::Align::CentreHorizontally},
        {QT_TR_NOOP("Centre &vertically"), edit::Align::CentreVertically}};
    const Qt::Key alignKeys[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,
                                 Qt::Key_Down, Qt::Key_H,     Qt::Key_V};
    for (std::size_t i = 0; i < 6; ++i) {
        const auto how = aligns[i].second;
        add(arrange, tr(aligns[i].first), QKeySequence(Qt::CTRL | Qt::ALT | alignKeys[i]),
            [this, how] { actions::align(m_document, how); });
    }
    arrange->addSeparator();
    add(arrange, tr("Distribute &across"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A),
        [this] { actions::distribute(m_document, true); });
    add(arrange, tr("Distribute &down"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D),
        [this] { actions::distribute(m_document, false); });
    arrange->addSeparator();
    add(arrange, tr("Turn 15° clock&wise"), QKeySequence(Qt::Key_BracketRight),
        [this] { actions::rotateSelection(m_document, 15); });
    add(arrange, tr("Turn 15° &anticlockwise"), QKeySequence(Qt::Key_BracketLeft),
        [this] { actions::rotateSelection(m_document, -15); });
    add(arrange, tr("Turn 90° clockw&ise"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight),
        [this] { actions::rotateSelection(m_document, 90); });
    add(arrange, tr("Turn 90° anticlockwis&e"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft),
        [this] { actions::rotateSelection(m_document, -90); });
    m_menus.push_back(arrange);

    auto* view = new QMenu(tr("&View"), this);
    add(view, tr("Zoom &in"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); });
    add(view, tr("Zoom &out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    add(view, tr("&Fit the venue"), QKeySequence(Qt::CTRL | Qt::Key_0),
        [this] { m_view->zoomToFit(); });
    add(view, tr("Show the &selection"), QKeySequence(Qt::CTRL | Qt::Key_J),
        [this] { m_view->showSelection(); });
    m_menus.push_back(view);

    auto* toolsMenu = new QMenu(tr("&Tools"), this);
    for (auto* a : m_toolActions)
        toolsMenu->addAction(a);
    m_menus.push_back(toolsMenu);
}

void DesignerPage::copy()
{
    m_clipboard = edit::copySections(m_document.map(), m_document.selection());
    if (m_clipboard.empty())
        return;
    domain::SeatMap part;
    part.sections = m_clipboard;
    // Other programs get the sections as seat-map JSON.
    QApplication::clipboard()->setText(
        QString::fromStdString(boost::json::serialize(boost::json::value_from(part))));
}

void DesignerPage::pasteClipboard()
{
    actions::paste(m_document, m_clipboard, m_context.grid * 4);
}

void DesignerPage::generate(const edit::RingSpec& spec)
{
    m_document.edit(tr("Generate a stadium"), [&](domain::SeatMap& map, Selection& selection) {
        map = edit::ringVenue(spec);
        selection = {};
    });
    m_view->zoomToFit();
}

domain::VenueInput DesignerPage::venue() const
{
    domain::VenueInput v;
    v.name = m_venueName->text().trimmed().toStdString();
    v.address = m_address->text().trimmed().toStdString();
    v.city = m_city->text().trimmed().toStdString();
    v.country = m_country->text().trimmed().toUpper().toStdString();
    v.timezone = m_timezone->text().trimmed().toStdString();
    v.latitude = m_latitude->value();
    v.longitude = m_longitude->value();
    v.seatMap = m_document.map();
    return v;
}

QString DesignerPage::missingDetails() const
{
    QStringList missing;
    if (m_venueName->text().trimmed().isEmpty())
        missing << tr("its name");
    if (m_address->text().trimmed().isEmpty())
        missing << tr("its address");
    if (m_city->text().trimmed().isEmpty())
        missing << tr("its city");
    if (m_country->text().trimmed().size() != 2)
        missing << tr("its country (two letters)");
    if (m_timezone->text().trimmed().isEmpty())
        missing << tr("its time zone");
    if (missing.isEmpty())
        return {};
    return tr("The venue needs %1 (the Venue panel).").arg(missing.join(QStringLiteral(", ")));
}

void DesignerPage::openVenue(const std::optional<domain::VenueId>& id,
                             const domain::VenueInput& venue)
{
    m_venueId = id;
    m_venueName->setText(QString::fromStdString(venue.name));
    m_address->setText(QString::fromStdString(venue.address));
    m_city->setText(QString::fromStdString(venue.city));
    m_country->setText(QString::fromStdString(venue.country));
    m_timezone->setText(QString::fromStdString(venue.timezone));
    m_latitude->setValue(venue.latitude);
    m_longitude->setValue(venue.longitude);
    m_document.reset(venue.seatMap);
    m_document.setSaved();
    m_view->zoomToFit();
}

} // namespace ticketing::organizer
