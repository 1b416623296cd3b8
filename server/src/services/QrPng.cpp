#include "services/QrPng.h"

#include <cstring>
#include <memory>
#include <png.h>
#include <qrencode.h>
#include <stdexcept>
#include <vector>

namespace ticketing::services {

namespace {
constexpr int kQuietZone = 4; // modules of white around the code, as the standard asks

void appendToString(png_structp png, png_bytep data, png_size_t length)
{
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}
void flushNothing(png_structp) {}

// libpng reports errors by longjmp: this function holds no object with a destructor, and its
// caller owns everything. One bit a pixel (black 0, white 1).
bool writeImage(png_structp png, png_infop info, const QRcode* code, int modulePixels,
                png_bytep row, std::string* out)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    const int size = (code->width + 2 * kQuietZone) * modulePixels;
    png_set_write_fn(png, out, appendToString, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(size), static_cast<png_uint_32>(size), 1,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < size; ++y) {
        const int my = y / modulePixels - kQuietZone;
        std::memset(row, 0, static_cast<std::size_t>((size + 7) / 8));
        for (int x = 0; x < size; ++x) {
            const int mx = x / modulePixels - kQuietZone;
            const bool dark = my >= 0 && mx >= 0 && my < code->width && mx < code->width &&
                              (code->data[my * code->width + mx] & 1);
            if (!dark)
                row[x / 8] = static_cast<png_byte>(row[x / 8] | (0x80 >> (x % 8)));
        }
        png_write_row(png, row);
    }
    png_write_end(png, nullptr);
    return true;
}
} // namespace

std::string qrPng(std::string_view text, int modulePixels)
{
    const std::string s(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        throw std::runtime_error("the text does not fit a QR code");
    const int size = (code->width + 2 * kQuietZone) * modulePixels;
    std::vector<png_byte> row(static_cast<std::size_t>((size + 7) / 8));
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const bool written =
        png && info && writeImage(png, info, code.get(), modulePixels, row.data(), &out);
    png_destroy_write_struct(&png, &info);
    if (!written)
        throw std::runtime_error("libpng failed to write the QR image");
    return out;
}

} // namespace ticketing::services
