#include "widgets/QrCode.h"

#include <QPainter>
#include <memory>
#include <qrencode.h>

namespace ticketing::widgets {

QImage qrCode(const QByteArray& text, int module)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    const int quiet = 4;
    const int side = (code->width + 2 * quiet) * module;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                p.fillRect((x + quiet) * module, (y + quiet) * module, module, module, Qt::black);
    return image;
}

} // namespace ticketing::widgets
