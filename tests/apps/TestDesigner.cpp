// The venue designer's document, edits and tools (issue 15): golden files of a script of tool
// actions, undo and redo of every step, a drag as one step, and what each edit must keep true.
#include "apps/organizer/Actions.h"
#include "apps/organizer/Document.h"
#include "apps/organizer/MapEdit.h"
#include "apps/organizer/Tools.h"

#include <QFile>
#include <QtTest>
#include <boost/json.hpp>
#include <cmath>

using namespace ticketing;
using namespace ticketing::organizer;

namespace {
std::string mapJson(const domain::SeatMap& map)
{
    return boost::json::serialize(boost::json::value_from(map));
}

QString dataPath(const QString& name)
{
    return QStringLiteral(TICKETING_TEST_DATA_DIR "/designer/") + name;
}

// The golden file, or (TICKETING_WRITE_GOLDEN=1) writes it: then look at it before committing.
boost::json::value golden(const QString& name, const std::string& actual)
{
    if (qEnvironmentVariableIntValue("TICKETING_WRITE_GOLDEN") == 1) {
        QFile f(dataPath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray::fromStdString(actual));
    }
    if (!QFile(dataPath(name)).exists())
        return {};
    QFile in(dataPath(name));
    in.open(QIODevice::ReadOnly);
    return boost::json::parse(in.readAll().toStdString());
}

template <class T> T& tool(std::vector<std::unique_ptr<AbstractTool>>& tools)
{
    for (auto& t : tools)
        if (auto* found = dynamic_cast<T*>(t.get()))
            return *found;
    throw std::logic_error("no such tool");
}

void click(AbstractTool& t, double x, double y)
{
    t.pressed({{x, y}});
    t.released({{x, y}});
}

void drag(AbstractTool& t, domain::Point from, domain::Point to, int steps = 5,
          bool control = false)
{
    t.pressed({from, false, control});
    for (int i = 1; i <= steps; ++i)
        t.moved({{from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps},
                 false,
                 control});
    t.released({to, false, control});
}

const domain::Seat& seat(const domain::SeatMap& map, int section, int row, int index)
{
    return map.sections.at(static_cast<std::size_t>(section))
        .rows.at(static_cast<std::size_t>(row))
        .seats.at(static_cast<std::size_t>(index));
}
} // namespace

class TestDesigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The script, through the tools and actions as the designer's user drives them:
    // a section of 10 x 20, its rows curved, renumbered right to left, two seats marked
    // accessible, a standing area and a stage. The map is exactly the golden file; undoing
    // every step gives the empty map back, and redoing them gives the same file again.
    void aScriptOfToolActionsGivesTheGoldenMap()
    {
        Document doc;
        const auto empty = mapJson(doc.map());
        ToolContext context(doc);
        auto tools = makeTools(context);

        click(tool<SectionTool>(tools), 0, 50); // 10 rows x 20 seats, the tool bar's default
        QCOMPARE(doc.map().sections.size(), std::size_t{1});
        QCOMPARE(doc.map().sections[0].placeCount(), 200);
        QCOMPARE(doc.map().sections[0].key, std::string("S1"));

        context.curveRadius = 150;
        click(tool<CurveTool>(tools), 95, 100); // on the section: its rows curve
        // Every row on its own circle around the same centre, 150 units before row A's middle,
        // neighbours 10 units apart as before, and the middle of each row where it was.
        const domain::Point centre{95, 50 - 150};
        for (int r = 0; r < 10; ++r) {
            const double radius = 150 + 12 * r;
            const auto& row = doc.map().sections[0].rows[static_cast<std::size_t>(r)];
            for (std::size_t i = 0; i < row.seats.size(); ++i) {
                QVERIFY(std::abs(std::hypot(row.seats[i].x - centre.x, row.seats[i].y - centre.y) -
                                 radius) < 0.02);
                if (i > 0)
                    QVERIFY(std::abs(std::hypot(row.seats[i].x - row.seats[i - 1].x,
                                                row.seats[i].y - row.seats[i - 1].y) -
                                     10) < 0.02);
            }
            // The ends come forward, towards the stage.
            QVERIFY(row.seats.front().y < row.seats[9].y);
        }

        QVERIFY(actions::numberSeats(doc, edit::Numbering::RightToLeft));
        QCOMPARE(seat(doc.map(), 0, 0, 0).number, 20); // the leftmost seat
        QCOMPARE(seat(doc.map(), 0, 0, 19).number, 1);

        auto& accessible = tool<AccessibleTool>(tools);
        click(accessible, seat(doc.map(), 0, 0, 0).x, seat(doc.map(), 0, 0, 0).y);
        click(accessible, seat(doc.map(), 0, 0, 19).x + 1, seat(doc.map(), 0, 0, 19).y - 1);
        QVERIFY(seat(doc.map(), 0, 0, 0).accessible);
        QVERIFY(seat(doc.map(), 0, 0, 19).accessible);

        context.standingCapacity = 300;
        auto& standing = tool<StandingTool>(tools);
        for (const auto& [x, y] : {std::pair{-60.0, 200.0}, {250.0, 200.0}, {251.0, 262.0}})
            click(standing, x, y);
        QVERIFY(standing.keyPressed(Qt::Key_Backspace, {})); // a corner taken back
        click(standing, 250, 260);
        click(standing, -60, 260);
        QVERIFY(standing.keyPressed(Qt::Key_Return, {}));

        drag(tool<StageTool>(tools), {21, -9}, {169, 19});

        const auto designed = mapJson(doc.map());
        QVERIFY2(doc.problems().empty(),
                 qPrintable(QString::fromStdString(doc.problems().empty()
                                                       ? std::string()
                                                       : doc.problems().front().field + ": " +
                                                             doc.problems().front().message)));
        const auto expected = golden(QStringLiteral("script.expected.json"), designed);
        QCOMPARE(boost::json::parse(designed), expected);
        QCOMPARE(doc.undoStack()->count(), 7); // one step per action

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(mapJson(doc.map()), empty);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(mapJson(doc.map()), designed);
    }

    // A drag of 500 selected seats is one step, and its undo puts every seat back exactly.
    void aDragOfFiveHundredSeatsIsOneStep()
    {
        Document doc;
        ToolContext context(doc);
        context.rows = 25;
        auto tools = makeTools(context);
        click(tool<SectionTool>(tools), 0, 0);
        const auto before = doc.map();
        auto& select = tool<SelectTool>(tools);
        drag(select, {-5, -5}, {200, 300}); // the band around every seat
        QCOMPARE(edit::seatsOf(doc.map(), doc.selection()).size(), std::size_t{500});
        const int steps = doc.undoStack()->count();

        drag(select, {50, 60}, {83, 141}, 20); // from a selected seat; snapped to the grid
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(seat(doc.map(), 0, 0, 0).x, 35.0);
        QCOMPARE(seat(doc.map(), 0, 0, 0).y, 80.0);
        QCOMPARE(seat(doc.map(), 0, 24, 19).x, 190.0 + 35);
        QCOMPARE(edit::seatsOf(doc.map(), doc.selection()).size(), std::size_t{500});

        doc.undoStack()->undo();
        QVERIFY(doc.map() == before);
        doc.undoStack()->redo();
        QCOMPARE(seat(doc.map(), 0, 0, 0).x, 35.0);
        // A drag that comes back to where it began leaves no step.
        drag(select, {35, 80}, {100, 100}, 4);
        const int afterMove = doc.undoStack()->count();
        select.pressed({{100, 100}});
        select.moved({{40, 40}});
        select.moved({{100, 100}});
        select.released({{100, 100}});
        QCOMPARE(doc.undoStack()->count(), afterMove);
        // Escape in the middle of a drag puts the seats back.
        const auto held = doc.map();
        select.pressed({{100, 100}});
        select.moved({{150, 150}});
        QVERIFY(!(doc.map() == held));
        QVERIFY(select.keyPressed(Qt::Key_Escape, {}));
        QVERIFY(doc.map() == held);
    }

    void ctrlDragTurnsTheSelection()
    {
        Document doc;
        ToolContext context(doc);
        context.rows = 1;
        context.seatsPerRow = 3;
        auto tools = makeTools(context);
        click(tool<SectionTool>(tools), 0, 0); // seats at (0,0), (10,0), (20,0)
        Selection all;
        all.sections.insert(0);
        doc.setSelection(all);
        // Around the centre (10, 0): from due right to due down is a quarter turn clockwise.
        drag(tool<SelectTool>(tools), {20, 0}, {10, 10}, 3, true);
        QCOMPARE(seat(doc.map(), 0, 0, 0).x, 10.0);
        QCOMPARE(seat(doc.map(), 0, 0, 0).y, -10.0);
        QCOMPARE(seat(doc.map(), 0, 0, 2).y, 10.0);
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void rowLabelsAndNumbering()
    {
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 0), std::string("A"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 25), std::string("Z"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 26), std::string("AA"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 27), std::string("AB"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 701), std::string("ZZ"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Letters, 702), std::string("AAA"));
        QCOMPARE(edit::rowLabel(edit::RowLabels::Numbers, 0), std::string("1"));

        auto section = edit::seatedSection({"S", "S", {0, 0}, 3, 6, 10, 12});
        edit::labelRows(section, edit::RowLabels::Numbers, true);
        QCOMPARE(section.rows[0].label, std::string("3"));
        QCOMPARE(section.rows[2].label, std::string("1"));
        edit::numberSeats(section, edit::Numbering::OddEvenFromMiddle);
        std::vector<int> numbers;
        for (const auto& s : section.rows[0].seats)
            numbers.push_back(s.number);
        QCOMPARE(numbers, (std::vector<int>{6, 4, 2, 1, 3, 5}));
        auto odd = edit::seatedSection({"S", "S", {0, 0}, 1, 5, 10, 12});
        edit::numberSeats(odd, edit::Numbering::OddEvenFromMiddle);
        numbers.clear();
        for (const auto& s : odd.rows[0].seats)
            numbers.push_back(s.number);
        QCOMPARE(numbers, (std::vector<int>{4, 2, 1, 3, 5}));
    }

    void aCurveThroughThreePoints()
    {
        Document doc;
        ToolContext context(doc);
        context.rows = 3;
        context.seatsPerRow = 9;
        context.curveByPoints = true;
        auto tools = makeTools(context);
        click(tool<SectionTool>(tools), 0, 0);
        auto& curve = tool<CurveTool>(tools);
        click(curve, 40, 12); // the section
        click(curve, 0, 0);   // the first row from (0, 0) through (50, 25) to (100, 0)
        click(curve, 50, 25);
        click(curve, 100, 0);
        const auto& row = doc.map().sections[0].rows[0];
        QCOMPARE(row.seats.front().x, 0.0);
        QCOMPARE(row.seats.front().y, 0.0);
        QCOMPARE(row.seats.back().x, 100.0);
        QCOMPARE(row.seats[4].x, 50.0);
        QCOMPARE(row.seats[4].y, 25.0);
        // The circle through the three points: centre (50, -37.5), radius 62.5.
        for (const auto& s : row.seats)
            QVERIFY(std::abs(std::hypot(s.x - 50, s.y + 37.5) - 62.5) < 0.02);
        for (const auto& s : doc.map().sections[0].rows[2].seats)
            QVERIFY(std::abs(std::hypot(s.x - 50, s.y + 37.5) - (62.5 + 24)) < 0.02);
        // Three points on a line make no circle: nothing changes.
        auto straight = edit::seatedSection({"S", "S", {0, 0}, 1, 3, 10, 12});
        const auto copy = straight;
        QVERIFY(!edit::curveRowsThrough(straight, {0, 0}, {5, 0}, {10, 0}));
        QVERIFY(straight == copy);
    }

    // A typed value merges into one step per field; another field starts a new one.
    void typedValuesMergeIntoOneStep()
    {
        Document doc;
        doc.reset({{edit::seatedSection({"S1", "Stalls", {0, 0}, 2, 2, 10, 12})}, {}});
        const int key = doc.newMergeKey();
        for (const auto* name : {"B", "Ba", "Bal", "Balcony"})
            QVERIFY(actions::setSectionName(doc, 0, name, key));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.map().sections[0].name, std::string("Balcony"));
        QVERIFY(actions::setSectionKey(doc, 0, "BALC", doc.newMergeKey()));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.map().sections[0].name, std::string("Stalls"));
    }

    // Validation runs on the map as it is; a problem's path selects what it is about.
    void problemsNameTheirPathAndSelectTheItem()
    {
        Document doc;
        QVERIFY(!doc.problems().empty()); // an empty map has no section
        doc.reset({{edit::seatedSection({"S1", "Stalls", {0, 0}, 2, 3, 10, 12})}, {}});
        QVERIFY(doc.problems().empty());
        QVERIFY(actions::setSeatNumber(doc, {0, 1, 2}, 1, doc.newMergeKey()));
        const auto problems = doc.problems();
        QCOMPARE(problems.size(), std::size_t{1});
        QCOMPARE(problems[0].field, std::string("seat_map.sections[0].rows[1].seats[2].number"));
        const auto selection = edit::selectionOfPath(doc.map(), problems[0].field);
        QCOMPARE(selection.seats.size(), std::size_t{1});
        QVERIFY(*selection.seats.begin() == (SeatRef{0, 1, 2}));
        QVERIFY(actions::setSectionKey(doc, 0, "BAD-KEY", doc.newMergeKey()));
        QVERIFY(edit::selectionOfPath(doc.map(), doc.problems()[0].field).sections.count(0));
    }

    void deleteCopyPasteAlignDistribute()
    {
        Document doc;
        doc.reset({{edit::seatedSection({"S1", "Stalls", {0, 0}, 2, 4, 10, 12})}, {}});
        Selection two;
        two.seats = {{0, 0, 0}, {0, 0, 3}};
        doc.setSelection(two);
        QVERIFY(actions::removeSelection(doc));
        QCOMPARE(doc.map().sections[0].rows[0].seats.size(), std::size_t{2});
        QVERIFY(doc.selection().empty());
        // A row left empty goes; a section left without rows goes.
        Selection rowB;
        for (int i = 0; i < 4; ++i)
            rowB.seats.insert({0, 1, i});
        doc.setSelection(rowB);
        QVERIFY(actions::removeSelection(doc));
        QCOMPARE(doc.map().sections[0].rows.size(), std::size_t{1});
        Selection section;
        section.sections.insert(0);
        doc.setSelection(section);
        const auto copied = edit::copySections(doc.map(), doc.selection());
        QVERIFY(actions::paste(doc, copied, 20));
        QCOMPARE(doc.map().sections.size(), std::size_t{2});
        QCOMPARE(doc.map().sections[1].key, std::string("S1_2"));
        QCOMPARE(seat(doc.map(), 1, 0, 0).x, seat(doc.map(), 0, 0, 0).x + 20);
        QVERIFY(doc.selection().sections.count(1));
        QVERIFY(doc.problems().empty());

        Document d2;
        d2.reset({{edit::seatedSection({"S1", "Stalls", {0, 0}, 1, 4, 10, 12})}, {}});
        d2.edit(QStringLiteral("scatter"), [](domain::SeatMap& m, Selection&) {
            edit::seatAt(m, {0, 0, 1}).x = 13;
            edit::seatAt(m, {0, 0, 2}).y = 7;
        });
        Selection all;
        all.sections.insert(0);
        d2.setSelection(all);
        QVERIFY(actions::distribute(d2, true));
        QCOMPARE(seat(d2.map(), 0, 0, 1).x, 10.0);
        QVERIFY(actions::align(d2, edit::Align::Top));
        for (const auto& s : d2.map().sections[0].rows[0].seats)
            QCOMPARE(s.y, 0.0);
    }

    // The generator: a 60,000-seat stadium in one call, valid as it comes, its blocks in a ring.
    void aStadiumIsOneCallAway()
    {
        const auto map = edit::ringVenue({});
        QVERIFY(domain::validateSeatMap(map).empty());
        QCOMPARE(map.sections.size(), std::size_t{40});
        const int seats = map.totalCapacity();
        QVERIFY2(seats >= 59000 && seats <= 62000, qPrintable(QString::number(seats)));
        QCOMPARE(map.sections[0].key, std::string("S001"));
        QCOMPARE(map.sections[39].key, std::string("S040"));
        QCOMPARE(map.sections[0].rows[29].label, std::string("30"));
        for (const auto& section : map.sections) {
            QCOMPARE(section.outline.size(), std::size_t{18});
            for (std::size_t r = 0; r < section.rows.size(); ++r)
                for (const auto& seat : section.rows[r].seats)
                    QVERIFY(std::abs(std::hypot(seat.x, seat.y) - (3450 + 12.0 * r)) < 0.02);
        }
        // Neighbours 10 units apart along the arc; the next block starts after the gap.
        const auto& row = map.sections[3].rows[0].seats;
        QVERIFY(std::abs(std::hypot(row[1].x - row[0].x, row[1].y - row[0].y) - 10) < 0.05);
        auto withFloor = edit::RingSpec{};
        withFloor.sections = 12;
        withFloor.rows = 5;
        withFloor.standingCapacity = 2000;
        const auto arena = edit::ringVenue(withFloor);
        QVERIFY(domain::validateSeatMap(arena).empty());
        QCOMPARE(arena.sections.back().capacity, 2000);
    }

    // The outline action draws the padded hull of a section's seats.
    void outlinesHugTheSeats()
    {
        Document doc;
        doc.reset({{edit::seatedSection({"S1", "Stalls", {0, 0}, 2, 3, 10, 12})}, {}});
        Selection section;
        section.sections.insert(0);
        doc.setSelection(section);
        QVERIFY(actions::outlineSections(doc, 5));
        const auto outline = doc.map().sections[0].outline;
        QCOMPARE(outline.size(), std::size_t{4});
        for (const auto& p : outline) {
            QVERIFY(p.x == -5 || p.x == 25);
            QVERIFY(p.y == -5 || p.y == 17);
        }
        QVERIFY(doc.problems().empty());
    }
};

QTEST_GUILESS_MAIN(TestDesigner)
#include "TestDesigner.moc"
