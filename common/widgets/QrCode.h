#pragma once

#include <QByteArray>
#include <QImage>

namespace ticketing::widgets {

// A QR code (libqrencode, error correction M) as a black-on-white greyscale image, `module`
// pixels per module, with the standard quiet zone of four modules (ISO/IEC 18004). A null
// image when the text does not fit a QR code. Tickets, receipts and enrollment codes use it.
QImage qrCode(const QByteArray& text, int module);

} // namespace ticketing::widgets
