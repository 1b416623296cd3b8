// The venue designer on a 60,000-seat stadium (issue 15). Prints, each the median of several
// runs where it repeats: generating the stadium and the first paint of the designer; selecting
// every seat of a block and moving them (a drag through the select tool, and the repaint);
// undoing that move; validating the whole map; saving it to a server (when
// TICKETING_BENCH_SERVER, _EMAIL and _PASSWORD are set: bench/run-designer sets them).
// Run: bench/run-designer, or QT_QPA_PLATFORM=offscreen build/release/bench/designer_bench.
#include "apps/organizer/DesignerPage.h"
#include "client/ApiClient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace ticketing;
using namespace ticketing::organizer;

namespace {
double ms(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

long long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const auto parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toLongLong() * 4 : 0;
}

// A full repaint of the view, as the screen would get it.
void paint(DesignerView* view, QImage& frame)
{
    QPainter p(&frame);
    view->render(&p, QRectF(frame.rect()), view->viewport()->rect());
}

template <class Wait> bool waitFor(Wait done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int runs = 5;
    std::printf("designer_bench: a generated stadium, %d runs each (medians)\n", runs);
    const long long before = rssKiB();

    std::vector<double> generateAndPaint, generateOnly, selectTimes, moveTimes, undoTimes,
        validateTimes;
    int seats = 0;
    for (int run = 0; run < runs; ++run) {
        DesignerPage page;
        page.resize(1280, 800);
        page.show();
        QCoreApplication::processEvents();
        QImage frame(page.view()->viewport()->size(), QImage::Format_ARGB32_Premultiplied);

        QElapsedTimer t;
        t.start();
        page.generate(edit::RingSpec{});
        generateOnly.push_back(ms(t));
        paint(page.view(), frame);
        generateAndPaint.push_back(ms(t));
        seats = page.document().map().totalCapacity();

        // Zoomed in on block 1 (a seat about 12 pixels wide: every seat drawn), every seat of
        // it chosen as a drag of the select tool around it would (the selection's repaint
        // included), then moved by a drag from one of them.
        auto& doc = page.document();
        const auto section = doc.map().sections[0]; // a copy: the edits replace it
        page.view()->setTransform(QTransform::fromScale(1.5, 1.5));
        page.view()->centerOn(section.rows[0].seats[section.rows[0].seats.size() / 2].x,
                              section.rows[0].seats[0].y);
        paint(page.view(), frame);
        t.restart();
        Selection block;
        for (int r = 0; r < static_cast<int>(section.rows.size()); ++r)
            for (int i = 0; i < static_cast<int>(section.rows[r].seats.size()); ++i)
                block.seats.insert({0, r, i});
        doc.setSelection(block);
        paint(page.view(), frame);
        selectTimes.push_back(ms(t));

        auto& select = *page.tools()[0];
        const auto seat = section.rows[0].seats[0];
        const domain::Point from{seat.x, seat.y};
        t.restart();
        select.pressed({from});
        for (int step = 1; step <= 4; ++step)
            select.moved({{from.x + 10.0 * step, from.y + 5.0 * step}});
        select.released({{from.x + 40, from.y + 20}});
        paint(page.view(), frame);
        moveTimes.push_back(ms(t));
        if (doc.map().sections[0].rows[0].seats[0].x == seat.x)
            std::printf("  (the drag did not move the block)\n");

        t.restart();
        doc.undoStack()->undo();
        paint(page.view(), frame);
        undoTimes.push_back(ms(t));

        t.restart();
        const auto problems = domain::validateSeatMap(doc.map());
        validateTimes.push_back(ms(t));
        if (!problems.empty())
            std::printf("  (the map has %zu problems)\n", problems.size());
    }
    std::printf("  seats: %d in %d blocks\n", seats, edit::RingSpec{}.sections);
    std::printf("  generate (map, undo step, scene): %.1f ms\n", median(generateOnly));
    std::printf("  generate and first paint (1280x800 less docks): %.1f ms   (aim: under 1 s)\n",
                median(generateAndPaint));
    std::printf("  select every seat of a block (1 of 40) and repaint: %.1f ms\n",
                median(selectTimes));
    std::printf("  move them, a drag of 4 steps and the repaint: %.1f ms   (aim: under 100 ms)\n",
                median(moveTimes));
    std::printf("  undo that move and repaint: %.1f ms\n", median(undoTimes));
    std::printf("  validate the whole map: %.1f ms   (aim: under 50 ms)\n", median(validateTimes));
    std::printf("  memory: %.1f MiB more after %d runs\n",
                static_cast<double>(rssKiB() - before) / 1024, runs);

    const auto server = qEnvironmentVariable("TICKETING_BENCH_SERVER");
    if (server.isEmpty()) {
        std::printf("  save to the server: not measured (set TICKETING_BENCH_SERVER, or run "
                    "bench/run-designer)\n");
        return 0;
    }
    client::ApiClient api{QUrl(server)};
    bool signedIn = false, failed = false;
    api.signIn(qEnvironmentVariable("TICKETING_BENCH_EMAIL"),
               qEnvironmentVariable("TICKETING_BENCH_PASSWORD"), &app,
               [&](const client::Outcome<domain::Tokens>& o) {
                   signedIn = client::succeeded(o);
                   failed = !signedIn;
               });
    if (!waitFor([&] { return signedIn || failed; }, 20000) || !signedIn) {
        std::printf("  save to the server: could not sign in\n");
        return 1;
    }
    std::vector<double> saves;
    for (int run = 0; run < 3; ++run) {
        domain::VenueInput venue;
        venue.name = "Bench Stadium " + std::to_string(run);
        venue.address = "1 Ring Road";
        venue.city = "London";
        venue.country = "GB";
        venue.timezone = "Europe/London";
        venue.seatMap = edit::ringVenue({});
        bool done = false, ok = false;
        QElapsedTimer t;
        t.start();
        api.createVenue(venue, &app, [&](const client::Outcome<domain::Venue>& o) {
            ok = client::succeeded(o);
            done = true;
        });
        if (!waitFor([&] { return done; }, 60000) || !ok) {
            std::printf("  save to the server: failed\n");
            return 1;
        }
        saves.push_back(ms(t));
    }
    std::printf("  save to the server (POST /venues, answer read back): %.0f ms\n", median(saves));
    return 0;
}
