#include "services/QrPng.h"

#include <memory>
#include <stdexcept>
#include <vector>

#include <png.h>
#include <qrencode.h>

namespace ticketing::services {

namespace {
void appendToString(png_structp png, png_bytep data, png_size_t length)
{
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}
void flushNothing(png_structp) {}
} // namespace

std::string qrPng(std::string_view text, int modulePixels)
{
    const std::string s(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        throw std::runtime_error("the text does not fit a QR code");
    constexpr int quiet = 4;
    const int modules = code->width + 2 * quiet;
    const int size = modules * modulePixels;

    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng cannot start");
    }
    // libpng reports errors by longjmp; nothing with a destructor is made between here and
    // the end of the writing below.
    std::vector<png_byte> row(static_cast<std::size_t>(size));
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng failed to write the image");
    }
    png_set_write_fn(png, &out, appendToString, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(size), static_cast<png_uint_32>(size), 8, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < size; ++y) {
        const int my = y / modulePixels - quiet;
        for (int x = 0; x < size; ++x) {
            const int mx = x / modulePixels - quiet;
            const bool dark = my >= 0 && mx >= 0 && my < code->width && mx < code->width &&
                              (code->data[my * code->width + mx] & 1);
            row[static_cast<std::size_t>(x)] = dark ? 0 : 255;
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

} // namespace ticketing::services
