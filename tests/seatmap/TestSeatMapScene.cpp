#include "seatmap/SeatMapLegend.h"
#include "seatmap/SeatMapScene.h"

#include <QApplication>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QtTest>

using namespace ticketing;
using seatmap::SeatMapScene;

namespace {
// Two stands of 3 rows x 10 seats, one unit apart, 5 units between the stands.
domain::SeatMap twoStands()
{
    domain::SeatMap map;
    for (int s = 0; s < 2; ++s) {
        domain::Section section;
        section.key = s == 0 ? "LEFT" : "RIGHT";
        section.name = section.key;
        for (int r = 0; r < 3; ++r) {
            domain::Row row;
            row.label = std::string(1, static_cast<char>('A' + r));
            for (int n = 1; n <= 10; ++n)
                row.seats.push_back(
                    {n, s * 15.0 + n, static_cast<double>(r), n == 1, domain::SeatId::generate()});
            section.rows.push_back(row);
        }
        map.sections.push_back(section);
    }
    return map;
}

// A view that keeps the regions it was asked to repaint.
class WatchedView : public QGraphicsView
{
public:
    using QGraphicsView::QGraphicsView;
    QList<QRegion> painted;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        painted << event->region();
        QGraphicsView::paintEvent(event);
    }
};

int indexOf(const SeatMapScene& scene, const char* label)
{
    for (std::size_t i = 0; i < scene.layout().seats().size(); ++i)
        if (scene.layout().seats()[i].label == label)
            return static_cast<int>(i);
    return -1;
}
} // namespace

// common/seatmap's scene, drawn offscreen in a real QGraphicsView and driven with QTest as a
// person would: click, drag a rectangle, arrows and Space; live changes repaint only their seats.
class TestSeatMapScene : public QObject
{
    Q_OBJECT

    std::unique_ptr<SeatMapScene> m_scene;
    std::unique_ptr<WatchedView> m_view;

    QPoint at(const char* label)
    {
        const auto i = indexOf(*m_scene, label);
        return m_view->mapFromScene(
            m_scene->layout().seats()[static_cast<std::size_t>(i)].position);
    }

private Q_SLOTS:
    void init()
    {
        m_scene = std::make_unique<SeatMapScene>(twoStands());
        m_scene->setSelectable([](const seatmap::VenueLayout::Seat& s) {
            return s.status == domain::SeatStatus::Available;
        });
        m_view = std::make_unique<WatchedView>(m_scene.get());
        m_view->resize(900, 300);
        m_view->setAccessibleName(QStringLiteral("Seat map"));
        m_view->show();
        m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
    }

    void aClickSelectsASeatAndAgainUnselectsIt()
    {
        QSignalSpy changed(m_scene.get(), &SeatMapScene::selectionChanged);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at("LEFT-B-4"));
        QCOMPARE(m_scene->selection(), (std::set<int>{indexOf(*m_scene, "LEFT-B-4")}));
        QCOMPARE(changed.count(), 1);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at("LEFT-B-4"));
        QVERIFY(m_scene->selection().empty());
        // A held seat cannot be selected.
        const auto held =
            m_scene->layout().seats()[static_cast<std::size_t>(indexOf(*m_scene, "RIGHT-A-2"))].id;
        m_scene->applyChanges({{held, domain::TierId::generate(), domain::SeatStatus::Held}});
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at("RIGHT-A-2"));
        QVERIFY(m_scene->selection().empty());
    }

    void aDraggedRectangleSelectsWhatItCovers()
    {
        // From between seats (no seat there) across two rows and three seats.
        const auto from = m_view->mapFromScene(QPointF(2.5, -0.5));
        const auto to = m_view->mapFromScene(QPointF(5.5, 1.5));
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(m_scene->selection().size(), std::size_t(6));
        QVERIFY(m_scene->selection().count(indexOf(*m_scene, "LEFT-A-3")));
        QVERIFY(m_scene->selection().count(indexOf(*m_scene, "LEFT-B-5")));
    }

    void theKeyboardMovesAndSelects()
    {
        m_view->setFocus();
        QTest::keyClick(m_view->viewport(), Qt::Key_Right); // the first seat
        QCOMPARE(*m_scene->keyboardSeat(), indexOf(*m_scene, "LEFT-A-1"));
        QTest::keyClick(m_view->viewport(), Qt::Key_Right);
        QTest::keyClick(m_view->viewport(), Qt::Key_Down);
        QCOMPARE(*m_scene->keyboardSeat(), indexOf(*m_scene, "LEFT-B-2"));
        QTest::keyClick(m_view->viewport(), Qt::Key_Space);
        QCOMPARE(m_scene->selection(), (std::set<int>{indexOf(*m_scene, "LEFT-B-2")}));
        QSignalSpy activated(m_scene.get(), &SeatMapScene::seatActivated);
        QTest::keyClick(m_view->viewport(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
    }

    // A delta repaints only the seats it changed; a selected seat someone else takes leaves the
    // selection.
    void aDeltaRepaintsOnlyItsSeats()
    {
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at("LEFT-C-7"));
        QCOMPARE(m_scene->selection().size(), std::size_t(1));
        QTest::qWait(50);
        m_view->painted.clear();
        QSignalSpy selection(m_scene.get(), &SeatMapScene::selectionChanged);
        const auto& seat =
            m_scene->layout().seats()[static_cast<std::size_t>(indexOf(*m_scene, "LEFT-C-7"))];
        m_scene->applyChanges({{seat.id, domain::TierId::generate(), domain::SeatStatus::Sold}});
        QTRY_VERIFY(!m_view->painted.isEmpty());
        QRectF area; // what the view repainted, in venue units
        for (const auto& region : m_view->painted)
            area = area.united(m_view->mapToScene(region.boundingRect()).boundingRect());
        QVERIFY2(area.width() <= 3 && area.height() <= 3,
                 qPrintable(QStringLiteral("%1 x %2").arg(area.width()).arg(area.height())));
        QVERIFY(area.contains(seat.position));
        QVERIFY(m_scene->selection().empty());
        QCOMPARE(selection.count(), 1);
    }

    void describesASeatAndDrawsTheVenue()
    {
        const auto i = indexOf(*m_scene, "LEFT-A-1");
        domain::Availability a;
        const auto tier = domain::TierId::generate();
        for (const auto& s : m_scene->layout().seats())
            a.seats.push_back({s.id, s.label, tier, domain::SeatStatus::Available});
        m_scene->setAvailability(a);
        m_scene->setTierLabels(
            {{QString::fromStdString(tier.toString()), QStringLiteral("Stalls, 40.00 GBP")}});
        QCOMPARE(m_scene->describe(i),
                 QStringLiteral("LEFT-A-1, Stalls, 40.00 GBP, Available, accessible"));
        // Drawn for print: seats (green, available) on white, zoomed in and zoomed out.
        // Some statuses and a selection, to be seen (TICKETING_SCREENSHOT_DIR keeps the picture).
        const auto& seats = m_scene->layout().seats();
        m_scene->applyChanges({{seats[3].id, tier, domain::SeatStatus::Held},
                               {seats[4].id, tier, domain::SeatStatus::Sold},
                               {seats[5].id, tier, domain::SeatStatus::Blocked}});
        m_scene->setSelection({12, 13});
        if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR"); !dir.isEmpty())
            m_scene->toImage(QSize(1200, 200)).save(dir + QStringLiteral("/seatmap-scene.png"));
        for (const auto size : {QSize(1200, 200), QSize(60, 10)}) {
            const auto image = m_scene->toImage(size);
            int green = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    green += qGreen(image.pixel(x, y)) > 100 && qRed(image.pixel(x, y)) < 100;
            QVERIFY2(green > 0,
                     qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
        }
    }

    // The legend says what each shape and colour means, to the eye and to a screen reader.
    void theLegendNamesEveryStatus()
    {
        seatmap::SeatMapLegend legend;
        legend.resize(legend.sizeHint());
        QCOMPARE(legend.accessibleName(), QStringLiteral("Seat map legend"));
        for (const auto* word : {"Available", "Held", "Sold", "Blocked", "Accessible", "Selected"})
            QVERIFY(legend.accessibleDescription().contains(QLatin1String(word)));
        const auto image = legend.grab().toImage();
        if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR"); !dir.isEmpty())
            image.save(dir + QStringLiteral("/seatmap-legend.png"));
        QVERIFY(image.width() > 200);
    }
};

QTEST_MAIN(TestSeatMapScene)
#include "TestSeatMapScene.moc"
