#pragma once

#include <string>
#include <string_view>

namespace ticketing::services {

// `text` as a QR code (libqrencode, error correction M, byte mode) in a PNG (libpng):
// `modulePixels` pixels per module, black on white, with the standard 4-module quiet zone.
// Throws std::runtime_error when the text does not fit a QR code.
std::string qrPng(std::string_view text, int modulePixels = 6);

} // namespace ticketing::services
