#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QVideoFrame>
#include <atomic>
#include <chrono>
#include <optional>

class QVideoSink;

namespace ticketing::gate {

// Reads QR codes from a camera's frames (DESIGN.md "The apps": off the GUI thread, frames
// dropped while busy), in the shape of the newer ZXing-C++ Qt wrapper: the sink's frames reach
// onFrame by a direct connection on whatever thread the sink emits from; a frame is handed to a
// one-thread pool with tryStart only when the decoder is idle, otherwise it is dropped (counted).
// The worker maps the frame (no copy), gives ZXing its luminance plane (or its packed pixels)
// and decodes QR codes only. `decoded` is emitted from the worker thread: connect with the
// default (queued) connection. One code held up to the camera is reported once, until another
// code or a second without one (the scanner would otherwise admit the same ticket thirty times a
// second).
class FrameDecoder final : public QObject
{
    Q_OBJECT

public:
    explicit FrameDecoder(QObject* parent = nullptr);
    ~FrameDecoder() override; // waits for the frame being decoded

    // Frames from `sink` from now on (none: stop).
    void setVideoSink(QVideoSink* sink);

    struct Stats
    {
        long long frames = 0;  // frames offered
        long long decoded = 0; // frames decoded (with or without a code)
        long long dropped = 0; // frames skipped because the decoder was busy
        long long codes = 0;   // codes reported
    };
    Stats stats() const;

    // How hard a frame is looked at. Fast: one global threshold (about 2 ms for 720p here),
    // enough in even light. Thorough: a local threshold around each pixel and ZXing's harder
    // search (about 8 ms), for glare and shadow. The camera path runs Fast, and alternates with
    // Thorough while frames give nothing, so a code in bad light is read a frame later and a
    // frame costs under 5 ms on average.
    enum class Pass
    {
        Fast,
        Thorough
    };
    // One frame, on the calling thread (tests and benchmarks; the app uses the sink): the code
    // read from it, if any; without a pass, Fast then Thorough.
    static std::optional<QString> decode(const QVideoFrame& frame, Pass pass);
    static std::optional<QString> decode(const QVideoFrame& frame);

    // The frame's slot, public for a direct connection; any thread.
    void onFrame(const QVideoFrame& frame);

Q_SIGNALS:
    // A code read, from the worker thread.
    void decoded(const QString& code);

private:
    void work(QVideoFrame frame);

    QThreadPool m_pool;
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_connection;
    std::atomic<bool> m_busy{false};
    std::atomic<long long> m_frames{0}, m_decoded{0}, m_dropped{0}, m_codes{0};
    // Only the worker touches these (one thread).
    Pass m_pass = Pass::Fast;
    QString m_lastCode;
    std::chrono::steady_clock::time_point m_lastSeen;
};

} // namespace ticketing::gate
