// The gate scanner's camera path (issue 16): real 1280x720 video frames made from ticket QR
// codes (turned, scaled, with noise; some frames without a code) go through a QVideoSink to the
// FrameDecoder, as a camera's would. Every code is read, none is invented, and the GUI thread,
// which feeds the sink, never stalls: a 1 ms timer on it sees no gap over 5 ms in 300 frames.
#include "apps/gatescanner/FrameDecoder.h"
#include "domain/Credential.h"
#include "widgets/QrCode.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QtTest>

using namespace ticketing;
using namespace std::chrono_literals;

namespace {

// A ticket's credential as the server signs it.
QString credential(int n)
{
    std::array<std::uint8_t, 32> seed{};
    seed.fill(7);
    const auto key = domain::SigningKey::fromSeed(seed);
    const auto id = [](const char* prefix, int k) {
        return *domain::Uuid::parse(QStringLiteral("%1-0000-7000-8000-%2")
                                        .arg(QLatin1String(prefix))
                                        .arg(k, 12, 10, QLatin1Char('0'))
                                        .toStdString());
    };
    const domain::Clock::TimePoint issued{std::chrono::seconds(1'900'000'000)};
    return QString::fromStdString(domain::signCredential(
        domain::ticketClaims(domain::TicketId{id("0192f3b0", n)},
                             domain::EventId{id("0192f3a0", 1)}, domain::TierId{id("0192f3a1", 1)},
                             domain::SeatId{id("0192f3a2", n)}, issued, issued + 48h),
        key));
}

// A camera's view: a grey, uneven background with noise, and the code (if any) held up at an
// angle, at some distance, somewhere in the picture.
QImage scene(const QString* code, QRandomGenerator& rng)
{
    QImage image(1280, 720, QImage::Format_Grayscale8);
    {
        QPainter p(&image);
        QLinearGradient light(0, 0, 1280, 720);
        light.setColorAt(0, QColor(90, 90, 90));
        light.setColorAt(1, QColor(190, 190, 190));
        p.fillRect(image.rect(), light);
        for (int i = 0; i < 6; ++i) { // clutter: the queue, the gate, a sleeve
            const int g = rng.bounded(40, 220);
            p.fillRect(rng.bounded(1200), rng.bounded(650), rng.bounded(40, 300),
                       rng.bounded(20, 200), QColor(g, g, g));
        }
        if (code) {
            const auto qr = widgets::qrCode(code->toUtf8(), 1);
            const double module = 3.0 + rng.bounded(3.5); // pixels per module: near and far
            const double side = qr.width() * module;
            const double angle = rng.bounded(70.0) - 35.0 + (rng.bounded(4) == 0 ? 180 : 0);
            const QPointF centre(side / 2 + 20 + rng.bounded(1280 - side - 40),
                                 side / 2 + 20 + rng.bounded(720 - side - 40));
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            p.translate(centre);
            p.rotate(angle);
            p.drawImage(QRectF(-side / 2, -side / 2, side, side), qr);
        }
    }
    for (int y = 0; y < image.height(); ++y) { // sensor noise
        auto* row = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            row[x] = static_cast<uchar>(std::clamp(int(row[x]) + rng.bounded(-18, 19), 0, 255));
    }
    return image;
}

// The picture as a camera's NV12 frame (the luminance plane, then the colour plane).
QVideoFrame nv12(const QImage& grey)
{
    QVideoFrame frame(QVideoFrameFormat(grey.size(), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), grey.constScanLine(y),
                    static_cast<std::size_t>(grey.width()));
    std::memset(frame.bits(1), 128, static_cast<std::size_t>(frame.mappedBytes(1)));
    frame.unmap();
    return frame;
}

} // namespace

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachFormatIsRead()
    {
        QRandomGenerator rng(16);
        const auto code = credential(1);
        const auto picture = scene(&code, rng);
        QCOMPARE(gate::FrameDecoder::decode(nv12(picture)).value_or(QString()), code);
        const auto rgb = picture.convertToFormat(QImage::Format_RGB32);
        QVideoFrame xrgb(QVideoFrameFormat(rgb.size(), QVideoFrameFormat::Format_BGRX8888));
        QVERIFY(xrgb.map(QVideoFrame::WriteOnly));
        for (int y = 0; y < rgb.height(); ++y)
            std::memcpy(xrgb.bits(0) + y * xrgb.bytesPerLine(0), rgb.constScanLine(y),
                        static_cast<std::size_t>(rgb.bytesPerLine()));
        xrgb.unmap();
        QCOMPARE(gate::FrameDecoder::decode(xrgb).value_or(QString()), code);
        QVERIFY(!gate::FrameDecoder::decode(nv12(scene(nullptr, rng))));
    }

    void framesThroughASinkGiveEveryCodeAndNeverStallTheGuiThread()
    {
        // 20 tickets, each held up for 10 frames (two pictures of it, as the hand moves),
        // with 5 frames of the queue without a code between them: 300 frames.
        QRandomGenerator rng(2026);
        QStringList codes;
        std::vector<QVideoFrame> frames;
        std::vector<QVideoFrame> blanks;
        for (int i = 0; i < 4; ++i)
            blanks.push_back(nv12(scene(nullptr, rng)));
        for (int n = 0; n < 20; ++n) {
            codes << credential(n + 1);
            const auto a = nv12(scene(&codes.back(), rng));
            const auto b = nv12(scene(&codes.back(), rng));
            for (int k = 0; k < 5; ++k)
                frames.push_back(blanks[static_cast<std::size_t>((n + k) % 4)]);
            for (int k = 0; k < 10; ++k)
                frames.push_back(k % 2 ? b : a); // a sink does not repeat an unchanged frame
        }
        QCOMPARE(frames.size(), std::size_t(300));

        // The GUI thread's pulse (a 1 ms timer) and the camera (a frame every 10 ms: faster
        // than 30 fps, so that the decoder is sometimes busy and drops some), for the 300
        // frames; the worst gap between two pulses. A plain event loop: QTest::qWait sleeps
        // between its passes, which the pulse would rightly see as a stall.
        auto run = [&](QVideoSink& sink) {
            QElapsedTimer clock;
            qint64 last = -1;
            qint64 worst = 0;
            QTimer pulse;
            pulse.setTimerType(Qt::PreciseTimer);
            pulse.setInterval(1);
            connect(&pulse, &QTimer::timeout, this, [&] {
                const auto now = clock.nsecsElapsed();
                if (last >= 0)
                    worst = std::max(worst, now - last);
                last = now;
            });
            std::size_t next = 0;
            QTimer camera;
            camera.setTimerType(Qt::PreciseTimer);
            camera.setInterval(10);
            QEventLoop loop;
            connect(&camera, &QTimer::timeout, this, [&] {
                if (next < frames.size())
                    return sink.setVideoFrame(frames[next++]);
                camera.stop();
                QTimer::singleShot(300, &loop, &QEventLoop::quit); // the last frame's decoding
            });
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            clock.start();
            pulse.start();
            camera.start();
            loop.exec();
            return next == frames.size() ? worst : std::numeric_limits<qint64>::max();
        };

        // Each attempt measures the machine first (the same pulse and frames, nobody decoding:
        // a virtual machine alone delays a timer by up to about 4.7 ms here), then the decoder.
        // The GUI thread passes when the decoder's worst gap is within 5 ms, or within half a
        // millisecond of what the machine alone did. A decoder that blocked the GUI thread would
        // fail every attempt; a hiccup of the machine during one is measured again (at most
        // three attempts, each said).
        bool passed = false;
        for (int attempt = 1; attempt <= 3 && !passed; ++attempt) {
            QVideoSink idle;
            const auto machine = run(idle);

            QVideoSink sink;
            gate::FrameDecoder decoder;
            decoder.setVideoSink(&sink);
            QStringList read;
            connect(&decoder, &gate::FrameDecoder::decoded, this,
                    [&](const QString& code) { read << code; });
            const auto worstGap = run(sink);
            QTest::qWait(50); // the last code's signal
            QCOMPARE(decoder.stats().decoded + decoder.stats().dropped, decoder.stats().frames);

            const auto stats = decoder.stats();
            QCOMPARE(stats.frames, qint64(frames.size()));
            qInfo("attempt %d: frames %lld, decoded %lld, dropped %lld, codes %lld; worst gap on "
                  "the GUI thread %.2f ms (%.2f ms with nobody decoding)",
                  attempt, stats.frames, stats.decoded, stats.dropped, stats.codes, worstGap / 1e6,
                  machine / 1e6);
            // Every code, none invented: in every attempt.
            for (const auto& code : read)
                QVERIFY2(codes.contains(code), "a code that was never shown");
            const auto found = QSet<QString>(read.begin(), read.end());
            for (const auto& code : codes)
                QVERIFY2(found.contains(code),
                         qPrintable(QStringLiteral("missed ") + code.left(24)));
            QCOMPARE(read.size(), codes.size()); // each once while it was held up
            passed = worstGap <= std::max<qint64>(5'000'000, machine + 500'000);
        }
        QVERIFY2(passed, "the GUI thread stalled over 5 ms, beyond the machine's own delays, in "
                         "three attempts");
    }
};

QTEST_MAIN(TestFrameDecoder)
#include "TestFrameDecoder.moc"
