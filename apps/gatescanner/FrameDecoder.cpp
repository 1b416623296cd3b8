#define ZX_USE_UTF8 1
#include "apps/gatescanner/FrameDecoder.h"

#include <QImage>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <ZXing/ReadBarcode.h>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

namespace ticketing::gate {

namespace {

// QR codes only; a QR code is read at any angle without ZXing's rotation passes (those are
// for 1D codes).
ZXing::DecodeHints hints(FrameDecoder::Pass pass)
{
    ZXing::DecodeHints h;
    h.setFormats(ZXing::BarcodeFormat::QRCode);
    h.setTryRotate(false);
    const bool thorough = pass == FrameDecoder::Pass::Thorough;
    h.setTryHarder(thorough);
    h.setBinarizer(thorough ? ZXing::Binarizer::LocalAverage : ZXing::Binarizer::GlobalHistogram);
    return h;
}

std::optional<QString> read(const ZXing::ImageView& view, FrameDecoder::Pass pass)
{
    static const auto kFast = hints(FrameDecoder::Pass::Fast);
    static const auto kThorough = hints(FrameDecoder::Pass::Thorough);
    const auto result =
        ZXing::ReadBarcode(view, pass == FrameDecoder::Pass::Fast ? kFast : kThorough);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

// The frame's pixels as ZXing reads them: the luminance plane of planar and semi-planar YUV
// (what cameras give), the Y bytes of packed YUV, or the packed RGB pixels. None for a format
// without a direct view (JPEG): the caller converts it.
struct Layout
{
    ZXing::ImageFormat format = ZXing::ImageFormat::None;
    int pixStride = 0; // bytes from one pixel to the next (0: the format's own)
    int offset = 0;    // of the first Y byte
};

Layout layoutOf(QVideoFrameFormat::PixelFormat f)
{
    using F = QVideoFrameFormat;
    using I = ZXing::ImageFormat;
    switch (f) {
    case F::Format_YUV420P:
    case F::Format_YUV422P:
    case F::Format_YV12:
    case F::Format_NV12:
    case F::Format_NV21:
    case F::Format_IMC1:
    case F::Format_IMC2:
    case F::Format_IMC3:
    case F::Format_IMC4:
    case F::Format_Y8:
        return {I::Lum, 1, 0};
    case F::Format_YUYV:
        return {I::Lum, 2, 0};
    case F::Format_UYVY:
        return {I::Lum, 2, 1};
    case F::Format_Y16:
    case F::Format_P010:
    case F::Format_P016:
        return {I::Lum, 2, 1}; // the high byte of each little-endian sample
    case F::Format_AYUV:
    case F::Format_AYUV_Premultiplied:
        return {I::Lum, 4, 1};
    case F::Format_ARGB8888:
    case F::Format_ARGB8888_Premultiplied:
    case F::Format_XRGB8888:
        return {I::XRGB, 0, 0};
    case F::Format_BGRA8888:
    case F::Format_BGRA8888_Premultiplied:
    case F::Format_BGRX8888:
        return {I::BGRX, 0, 0};
    case F::Format_ABGR8888:
    case F::Format_XBGR8888:
        return {I::XBGR, 0, 0};
    case F::Format_RGBA8888:
    case F::Format_RGBX8888:
        return {I::RGBX, 0, 0};
    default:
        return {};
    }
}

} // namespace

FrameDecoder::FrameDecoder(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // the thread stays: no start-up cost per frame
}

FrameDecoder::~FrameDecoder()
{
    setVideoSink(nullptr);
    m_pool.waitForDone();
}

void FrameDecoder::setVideoSink(QVideoSink* sink)
{
    if (m_connection)
        disconnect(m_connection);
    m_sink = sink;
    if (sink)
        m_connection = connect(sink, &QVideoSink::videoFrameChanged, this, &FrameDecoder::onFrame,
                               Qt::DirectConnection);
}

FrameDecoder::Stats FrameDecoder::stats() const
{
    return {m_frames.load(), m_decoded.load(), m_dropped.load(), m_codes.load()};
}

void FrameDecoder::onFrame(const QVideoFrame& frame)
{
    ++m_frames;
    if (!frame.isValid())
        return;
    bool idle = false;
    if (!m_busy.compare_exchange_strong(idle, true)) {
        ++m_dropped;
        return;
    }
    // A QVideoFrame is shared, not copied: handing it over costs a reference count.
    if (!m_pool.tryStart([this, frame] { work(frame); })) {
        m_busy = false;
        ++m_dropped;
    }
}

void FrameDecoder::work(QVideoFrame frame)
{
#ifdef Q_OS_LINUX
    // A batch thread: when a frame wakes it, the kernel does not switch to it at once on the
    // CPU of the thread that woke it (the GUI thread, which would then wait milliseconds for
    // a CPU), and it still gets its fair share. Once per thread.
    static thread_local const bool batch = [] {
        sched_param none{};
        return pthread_setschedparam(pthread_self(), SCHED_BATCH, &none) == 0;
    }();
    Q_UNUSED(batch)
#endif
    const auto code = decode(frame, m_pass);
    ++m_decoded;
    if (!code) // nothing in this light: the next frame gets the other pass
        m_pass = m_pass == Pass::Fast ? Pass::Thorough : Pass::Fast;
    const auto now = std::chrono::steady_clock::now();
    if (code) {
        const bool again = *code == m_lastCode && now - m_lastSeen < std::chrono::seconds(1);
        m_lastCode = *code;
        m_lastSeen = now;
        if (!again) {
            ++m_codes;
            Q_EMIT decoded(*code);
        }
    } else if (now - m_lastSeen >= std::chrono::seconds(1)) {
        m_lastCode.clear();
    }
    m_busy = false;
}

std::optional<QString> FrameDecoder::decode(const QVideoFrame& frame)
{
    if (auto code = decode(frame, Pass::Fast))
        return code;
    return decode(frame, Pass::Thorough);
}

std::optional<QString> FrameDecoder::decode(const QVideoFrame& source, Pass pass)
{
    QVideoFrame frame(source);
    const auto layout = layoutOf(frame.pixelFormat());
    if (layout.format == ZXing::ImageFormat::None) {
        const auto image = frame.toImage().convertToFormat(QImage::Format_Grayscale8);
        if (image.isNull())
            return std::nullopt;
        return read(ZXing::ImageView(image.constBits(), image.width(), image.height(),
                                     ZXing::ImageFormat::Lum,
                                     static_cast<int>(image.bytesPerLine())),
                    pass);
    }
    if (!frame.map(QVideoFrame::ReadOnly))
        return std::nullopt;
    const ZXing::ImageView view(frame.bits(0) + layout.offset, frame.width(), frame.height(),
                                layout.format, frame.bytesPerLine(0), layout.pixStride);
    auto code = read(view, pass);
    frame.unmap();
    return code;
}

} // namespace ticketing::gate
