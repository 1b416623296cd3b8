#pragma once

#include "domain/Booking.h"
#include "domain/Event.h"
#include "domain/Payment.h"
#include "domain/Shift.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>
#include <QTimeZone>
#include <functional>
#include <optional>
#include <vector>

class QPainter;
class QPrinter;

namespace ticketing::boxoffice {

// A sale as it is printed: its tickets, one page each, and its receipt.
struct SaleRecord
{
    domain::Event event;
    QString venueName;
    QTimeZone venueZone = QTimeZone::systemTimeZone();
    std::vector<domain::Booking> bookings; // confirmed, with their tickets
    QString method;                        // "cash", "card_present"; "" unknown (a reprint)
    bool copy = false;                     // printed again from will-call
    std::optional<std::int64_t> tenderedMinor;
    QString agent;
    QDateTime at;

    std::int64_t totalMinor() const;
};

// The QR code of a ticket's credential (libqrencode), black modules on white with the quiet
// zone the standard asks for, `module` pixels per module.
QImage qrCode(const QByteArray& text, int module);

// Pages for the printer (or a PDF); each fits whatever page the printer has.
class Printout
{
    Q_DECLARE_TR_FUNCTIONS(Printout)

public:
    // A page per ticket: event, date, venue, seat, tier, price, the QR code of its credential.
    // Then the receipt.
    static void sale(QPainter& painter, QPrinter& printer, const SaleRecord& sale);
    // The shift's report: sales and refunds by method, the drawer expected, counted and the
    // difference.
    static void shiftReport(QPainter& painter, QPrinter& printer, const domain::Shift& shift,
                            const QString& agent);
    // A ticket's page alone (the sale's pages are these and the receipt).
    static void ticket(QPainter& painter, const QRectF& page, const SaleRecord& sale,
                       const domain::Booking& booking, const domain::TicketView& ticket);
    static void receipt(QPainter& painter, const QRectF& page, const SaleRecord& sale);
};

// Where the box office prints: a printer by name (CUPS), or PDF files in a folder when no
// printer is chosen or none exists. Remembered between runs.
class PrintTarget
{
    Q_DECLARE_TR_FUNCTIONS(PrintTarget)

public:
    PrintTarget();
    // "" : PDF files in pdfFolder().
    QString printerName() const { return m_printer; }
    void setPrinterName(const QString& name);
    QString pdfFolder() const { return m_folder; }
    void setPdfFolder(const QString& folder);
    // A readable description ("TicketPDF", "PDF files in /home/…").
    QString describe() const;

    // Prints a document named `title` drawn by `paint`; the file written for a PDF, "" for a
    // printer; an error message in `error`.
    bool print(const QString& title, const std::function<void(QPainter&, QPrinter&)>& paint,
               QString* error, QString* file = nullptr) const;

private:
    QString m_printer;
    QString m_folder;
};

} // namespace ticketing::boxoffice
