#include "mail/BookingPdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cstring>
#include <memory>

namespace ticketing::mail {

namespace {
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct PngSource
{
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t readPng(void* closure, unsigned char* data, unsigned int length)
{
    auto& s = *static_cast<PngSource*>(closure);
    if (s.at + length > s.bytes->size())
        return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, s.bytes->data() + s.at, length);
    s.at += length;
    return CAIRO_STATUS_SUCCESS;
}

void text(cairo_t* cr, double x, double y, double size, bool bold, const std::string& line)
{
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, line.c_str());
}
} // namespace

std::string bookingPdf(const PdfBooking& b)
{
    // A4 in points.
    constexpr double kWidth = 595.0;
    constexpr double kHeight = 842.0;
    constexpr double kMargin = 56.0;
    std::string out;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create_for_stream(append, &out, kWidth, kHeight), cairo_surface_destroy);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, b.eventTitle.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "ticketd");
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    const std::string seatWord = b.german ? "Platz" : "Seat";
    const std::string tierWord = b.german ? "Kategorie" : "Tier";
    int page = 0;
    for (const auto& t : b.tickets) {
        ++page;
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        double y = kMargin + 24;
        text(cr.get(), kMargin, y, 24, true, b.eventTitle);
        y += 26;
        text(cr.get(), kMargin, y, 13, false, b.when);
        y += 18;
        cairo_set_line_width(cr.get(), 1);
        cairo_move_to(cr.get(), kMargin, y);
        cairo_line_to(cr.get(), kWidth - kMargin, y);
        cairo_stroke(cr.get());
        y += 40;
        text(cr.get(), kMargin, y, 12, false, seatWord);
        y += 34;
        text(cr.get(), kMargin, y, 30, true, t.place);
        y += 24;
        text(cr.get(), kMargin, y, 14, false, tierWord + ": " + t.tier);
        y += 24;
        // The QR code, 240 points wide, pixels kept sharp.
        PngSource source{&t.qrPng};
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> qr(
            cairo_image_surface_create_from_png_stream(readPng, &source), cairo_surface_destroy);
        if (cairo_surface_status(qr.get()) == CAIRO_STATUS_SUCCESS) {
            const double side = 240;
            const double scale = side / cairo_image_surface_get_width(qr.get());
            cairo_save(cr.get());
            cairo_translate(cr.get(), (kWidth - side) / 2, y);
            cairo_scale(cr.get(), scale, scale);
            cairo_set_source_surface(cr.get(), qr.get(), 0, 0);
            cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_NEAREST);
            cairo_paint(cr.get());
            cairo_restore(cr.get());
            y += side + 30;
        }
        text(cr.get(), kMargin, y, 9, false,
             (b.german ? "Buchung " : "Booking ") + b.bookingId + " · " +
                 (b.german ? "Ticket " : "Ticket ") + t.ticketId);
        y += 14;
        text(cr.get(), kMargin, y, 9, false,
             b.german ? "Zeigen Sie diesen Code am Eingang vor. Ein Eintritt je Ticket."
                      : "Show this code at the gate. One entry per ticket.");
        text(cr.get(), kWidth - kMargin - 60, kHeight - kMargin, 9, false,
             std::to_string(page) + " / " + std::to_string(b.tickets.size()));
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    surface.reset();
    return out;
}

} // namespace ticketing::mail
