// Seat map benchmark (issue 14): a 60,000-seat stadium drawn by common/seatmap. Prints the time
// to build the scene and paint it the first time, frame times while panning and zooming (each
// frame a full 1280x800 repaint of the view into an image, software raster as on these
// machines), the time to apply a delta of 1,000 changes and repaint, and the scene's memory.
// Run: QT_QPA_PLATFORM=offscreen build/release/bench/seatmap_bench (bench/README.md).
#include "seatmap/SeatMapScene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsView>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace ticketing;

namespace {
// A bowl: `sections` stands in a ring around the pitch, each `rows` x `perRow` seats, rows
// further out, seats 0.5 m apart and rows 0.8 m.
domain::SeatMap stadium(int sections, int rows, int perRow)
{
    domain::SeatMap map;
    const double pi = std::acos(-1.0);
    for (int s = 0; s < sections; ++s) {
        domain::Section section;
        section.key = "S" + std::to_string(s);
        section.name = "Stand " + std::to_string(s);
        const double angle = 2 * pi * s / sections;
        for (int r = 0; r < rows; ++r) {
            domain::Row row;
            row.label = "R" + std::to_string(r);
            const double radius = 80 + r * 0.8;
            const double arc = 2 * pi * radius / sections; // the stand's width at this row
            const double step = std::min(0.5, arc * 0.9 / perRow) / radius; // radians per seat
            for (int n = 0; n < perRow; ++n) {
                const double a = angle + (n - perRow / 2.0) * step;
                row.seats.push_back({n + 1, radius * std::cos(a), radius * std::sin(a), r == 0,
                                     domain::SeatId::generate()});
            }
            section.rows.push_back(row);
        }
        map.sections.push_back(section);
    }
    map.stageOutline = {{-20, -10}, {20, -10}, {20, 10}, {-20, 10}};
    return map;
}

long long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const auto parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toLongLong() * 4 : 0; // pages of 4 KiB
}

double pct(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p / 100 * v.size()))];
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const auto map = stadium(40, 30, 50); // 60,000 seats
    const auto before = rssKiB();
    QElapsedTimer t;
    t.start();
    seatmap::SeatMapScene scene(map);
    const double built = t.nsecsElapsed() / 1e6;
    domain::Availability a; // a sale under way: a third held or sold
    const auto tier = domain::TierId::generate();
    std::mt19937 rng(42);
    for (const auto& s : scene.layout().seats())
        a.seats.push_back({s.id, s.label, tier,
                           rng() % 3 == 0
                               ? (rng() % 2 ? domain::SeatStatus::Held : domain::SeatStatus::Sold)
                               : domain::SeatStatus::Available});
    scene.setAvailability(a);
    QGraphicsView view(&scene);
    view.resize(1280, 800);
    view.setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    view.show(); // laid out: the viewport has its real size
    QApplication::processEvents();
    view.fitInView(scene.sceneRect(), Qt::KeepAspectRatio);
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    auto paint = [&] {
        QElapsedTimer p;
        p.start();
        frame.fill(Qt::white);
        QPainter painter(&frame);
        view.render(&painter);
        return p.nsecsElapsed() / 1e6;
    };
    const double firstPaint = paint();
    const auto memory = rssKiB() - before;
    std::printf("seat map of a stadium: %zu seats in %zu sections; the view's viewport %dx%d\n",
                scene.layout().seats().size(), scene.layout().sections().size(),
                view.viewport()->width(), view.viewport()->height());
    std::printf("  open: scene built in %.1f ms, first paint (whole stadium, 1280x800) %.1f ms: "
                "%.1f ms in all (aim: under 1,000 ms)\n",
                built, firstPaint, built + firstPaint);
    std::printf("  memory of the scene and its statuses: %.1f MiB (%.0f bytes a seat)\n",
                memory / 1024.0, memory * 1024.0 / scene.layout().seats().size());

    // Panning and zooming: from the whole bowl down to a few rows and back, moving around it.
    std::vector<double> frames;
    const double whole = view.transform().m11();
    for (int i = 0; i < 240; ++i) {
        const double phase = i / 240.0;
        const double zoom = whole * std::pow(40.0, std::sin(phase * std::acos(-1.0))); // up to 40x
        const double angle = phase * 4 * std::acos(-1.0);
        view.resetTransform();
        view.scale(zoom, zoom);
        view.centerOn(95 * std::cos(angle), 95 * std::sin(angle));
        frames.push_back(paint());
        // TICKETING_SCREENSHOT_DIR keeps a few frames, to look at what was measured.
        if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR");
            !dir.isEmpty() && i % 60 == 30)
            frame.save(dir + QStringLiteral("/seatmap-bench-%1.png").arg(i));
    }
    std::printf("  pan and zoom, %zu frames from the whole bowl to a few rows: p50 %.1f ms, p95 "
                "%.1f ms, max %.1f ms (aim: p95 under 16 ms)\n",
                frames.size(), pct(frames, 50), pct(frames, 95), pct(frames, 100));

    // A delta of 1,000 changes, zoomed in on a stand (what a box office shows).
    view.resetTransform();
    view.scale(whole * 10, whole * 10);
    view.centerOn(95, 0);
    paint();
    std::vector<domain::SeatChange> changes;
    for (int i = 0; i < 1000; ++i) {
        const auto& s = scene.layout().seats()[rng() % scene.layout().seats().size()];
        changes.push_back({s.id, tier,
                           s.status == domain::SeatStatus::Available
                               ? domain::SeatStatus::Held
                               : domain::SeatStatus::Available});
    }
    t.restart();
    scene.applyChanges(changes);
    const double applied = t.nsecsElapsed() / 1e6;
    std::printf("  a delta of 1,000 changes applied in %.2f ms (aim: under 5 ms); the frame after "
                "it %.1f ms\n",
                applied, paint());
    return 0;
}
