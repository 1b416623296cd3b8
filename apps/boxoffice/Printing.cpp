#include "apps/boxoffice/Printing.h"

#include "client/Display.h"
#include "widgets/QrCode.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <memory>

namespace ticketing::boxoffice {

namespace {
QString when(const domain::Clock::TimePoint& t, const QTimeZone& zone)
{
    return QLocale().toString(client::dateTimeOf(t).toTimeZone(zone), QLocale::LongFormat);
}

QRectF pageOf(QPrinter& printer)
{
    const auto r = printer.pageLayout().paintRectPixels(printer.resolution());
    return QRectF(0, 0, r.width(), r.height());
}

// Lines of text down a page, each wrapped to the width, the cursor below the last.
class Column
{
public:
    Column(QPainter& p, const QRectF& area) : m_p(p), m_area(area), m_y(area.top()) {}
    void line(const QString& text, int points, bool bold = false, qreal width = 0)
    {
        QFont font = m_p.font();
        font.setPointSize(points);
        font.setBold(bold);
        m_p.setFont(font);
        const QRectF box(m_area.left(), m_y, width > 0 ? width : m_area.width(),
                         m_area.bottom() - m_y);
        QRectF used;
        m_p.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text, &used);
        m_y += used.height();
    }
    // Label on the left, value on the right, on one line.
    void pair(const QString& label, const QString& value, int points, bool bold = false)
    {
        QFont font = m_p.font();
        font.setPointSize(points);
        font.setBold(bold);
        m_p.setFont(font);
        const QRectF box(m_area.left(), m_y, m_area.width(), m_area.bottom() - m_y);
        QRectF used;
        m_p.drawText(box, Qt::AlignLeft | Qt::AlignTop, label, &used);
        m_p.drawText(box, Qt::AlignRight | Qt::AlignTop, value);
        m_y += used.height();
    }
    void gap(qreal fraction) { m_y += m_area.height() * fraction; }
    void rule()
    {
        m_p.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
        m_y += m_area.height() * 0.01;
    }
    qreal y() const { return m_y; }

private:
    QPainter& m_p;
    QRectF m_area;
    qreal m_y;
};

QString methodName(const QString& method)
{
    if (method == QLatin1String("cash"))
        return Printout::tr("Cash");
    if (method == QLatin1String("card_present"))
        return Printout::tr("Card at the counter");
    return Printout::tr("Card online");
}
} // namespace

std::int64_t SaleRecord::totalMinor() const
{
    std::int64_t total = 0;
    for (const auto& b : bookings)
        total += b.totalMinor;
    return total;
}

void Printout::ticket(QPainter& painter, const QRectF& page, const SaleRecord& sale,
                      const domain::Booking& booking, const domain::TicketView& ticket)
{
    const qreal margin = page.width() * 0.06;
    const QRectF area = page.adjusted(margin, margin, -margin, -margin);
    painter.setPen(Qt::black);
    painter.drawRect(area.adjusted(-margin / 2, -margin / 2, margin / 2, margin / 2));
    Column c(painter, area);
    c.line(QString::fromStdString(sale.event.title), 22, true);
    c.line(when(sale.event.start, sale.venueZone), 13);
    if (!sale.venueName.isEmpty())
        c.line(sale.venueName, 13);
    c.gap(0.02);
    c.rule();
    c.gap(0.02);
    if (ticket.seatLabel) {
        c.line(tr("Seat"), 11);
        c.line(QString::fromStdString(*ticket.seatLabel), 30, true);
    } else {
        c.line(tr("Standing"), 30, true);
    }
    c.line(tr("Tier: %1").arg(QString::fromStdString(ticket.tierName)), 14);
    // What was paid for it: the list price less its share of a discount.
    std::int64_t price = 0;
    for (const auto& item : booking.items)
        if ((ticket.seat && item.seat == ticket.seat) ||
            (!ticket.seat && item.tierName == ticket.tierName))
            price = item.priceMinor - item.discountMinor;
    c.line(tr("Price: %1").arg(client::moneyText(price, booking.currency)), 14);
    if (booking.customer && !booking.customer->name.empty())
        c.line(tr("Name: %1").arg(QString::fromStdString(booking.customer->name)), 12);
    c.gap(0.03);

    // The QR code, as large as fits below, centred: nearest-neighbour scaling keeps it sharp.
    const qreal room = std::min(area.width() * 0.62, area.bottom() - c.y() - area.height() * 0.1);
    const QImage qr = widgets::qrCode(QByteArray::fromStdString(ticket.credential), 8);
    if (!qr.isNull() && room > 0) {
        const QRectF target(area.center().x() - room / 2, c.y(), room, room);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(target, qr);
        c.gap((room / area.height()) + 0.01);
    }
    c.line(tr("Booking %1 · Ticket %2")
               .arg(QString::fromStdString(booking.id.toString()).right(8),
                    QString::fromStdString(ticket.id.toString()).right(8)),
           9);
    c.line(tr("Show this code at the gate. One entry per ticket."), 9);
}

void Printout::receipt(QPainter& painter, const QRectF& page, const SaleRecord& sale)
{
    const qreal margin = page.width() * 0.08;
    const QRectF area = page.adjusted(margin, margin, -margin, -margin);
    painter.setPen(Qt::black);
    Column c(painter, area);
    c.line(sale.copy ? tr("Receipt (copy)") : tr("Receipt"), 20, true);
    c.line(QString::fromStdString(sale.event.title), 13, true);
    c.line(when(sale.event.start, sale.venueZone), 11);
    if (!sale.venueName.isEmpty())
        c.line(sale.venueName, 11);
    c.gap(0.02);
    c.rule();
    std::string currency = sale.event.currency;
    for (const auto& b : sale.bookings) {
        currency = b.currency;
        for (const auto& item : b.items)
            c.pair(item.seatLabel ? tr("%1, %2").arg(QString::fromStdString(*item.seatLabel),
                                                     QString::fromStdString(item.tierName))
                                  : tr("Standing, %1").arg(QString::fromStdString(item.tierName)),
                   client::moneyText(item.priceMinor, b.currency), 11);
        if (b.discountMinor > 0)
            c.pair(b.applied.empty()
                       ? tr("Discount")
                       : tr("Discount: %1").arg(client::appliedText(b.applied.front())),
                   client::moneyText(-b.discountMinor, b.currency), 11);
    }
    c.rule();
    c.pair(tr("Total"), client::moneyText(sale.totalMinor(), currency), 13, true);
    if (!sale.method.isEmpty())
        c.pair(tr("Paid by"), methodName(sale.method), 11);
    if (sale.tenderedMinor) {
        c.pair(tr("Tendered"), client::moneyText(*sale.tenderedMinor, currency), 11);
        c.pair(tr("Change"), client::moneyText(*sale.tenderedMinor - sale.totalMinor(), currency),
               11);
    }
    c.gap(0.02);
    QStringList refs;
    for (const auto& b : sale.bookings)
        refs << QString::fromStdString(b.id.toString());
    c.line(tr("Booking(s): %1").arg(refs.join(QStringLiteral(", "))), 9);
    c.line(tr("Served by %1, %2")
               .arg(sale.agent, QLocale().toString(sale.at.toLocalTime(), QLocale::ShortFormat)),
           9);
}

void Printout::sale(QPainter& painter, QPrinter& printer, const SaleRecord& sale)
{
    const QRectF page = pageOf(printer);
    bool first = true;
    for (const auto& booking : sale.bookings)
        for (const auto& t : booking.tickets) {
            if (!first)
                printer.newPage();
            first = false;
            ticket(painter, page, sale, booking, t);
        }
    if (!first)
        printer.newPage();
    receipt(painter, page, sale);
}

void Printout::shiftReport(QPainter& painter, QPrinter& printer, const domain::Shift& shift,
                           const QString& agent)
{
    const QRectF page = pageOf(printer);
    const qreal margin = page.width() * 0.08;
    const QRectF area = page.adjusted(margin, margin, -margin, -margin);
    const auto zone = QTimeZone::systemTimeZone();
    const auto& cur = shift.currency;
    Column c(painter, area);
    c.line(tr("Shift report"), 20, true);
    c.line(tr("Agent: %1").arg(agent), 11);
    c.line(tr("Opened: %1").arg(when(shift.openedAt, zone)), 11);
    c.line(shift.closedAt ? tr("Closed: %1").arg(when(*shift.closedAt, zone)) : tr("Still open"),
           11);
    c.line(tr("Shift %1").arg(QString::fromStdString(shift.id.toString())), 9);
    c.gap(0.02);
    c.rule();
    c.line(tr("Sales (%n payment(s))", nullptr, shift.sales.count), 13, true);
    c.pair(tr("Cash"), client::moneyText(shift.sales.cash, cur), 11);
    c.pair(tr("Card at the counter"), client::moneyText(shift.sales.cardPresent, cur), 11);
    c.pair(tr("Card online"), client::moneyText(shift.sales.card, cur), 11);
    c.gap(0.01);
    c.line(tr("Refunds (%n)", nullptr, shift.refunds.count), 13, true);
    c.pair(tr("Cash"), client::moneyText(shift.refunds.cash, cur), 11);
    c.pair(tr("Card at the counter"), client::moneyText(shift.refunds.cardPresent, cur), 11);
    c.pair(tr("Card online"), client::moneyText(shift.refunds.card, cur), 11);
    c.gap(0.01);
    c.rule();
    c.line(tr("The drawer"), 13, true);
    c.pair(tr("Opening float"), client::moneyText(shift.openingFloat, cur), 11);
    c.pair(tr("Expected cash"), client::moneyText(shift.expectedCash(), cur), 11, true);
    if (shift.countedCash) {
        c.pair(tr("Counted cash"), client::moneyText(*shift.countedCash, cur), 11, true);
        const auto diff = *shift.difference();
        c.pair(diff < 0   ? tr("Missing")
               : diff > 0 ? tr("Over")
                          : tr("Difference"),
               client::moneyText(diff, cur), 13, true);
    }
}

PrintTarget::PrintTarget()
{
    QSettings settings;
    m_printer = settings.value(QStringLiteral("printing/printer")).toString();
    m_folder = settings.value(QStringLiteral("printing/pdf_folder")).toString();
    if (m_folder.isEmpty())
        m_folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                   QStringLiteral("/Box office");
    // A remembered printer that is gone is forgotten, so that the next job still comes out.
    if (!m_printer.isEmpty() && QPrinterInfo::printerInfo(m_printer).isNull())
        m_printer.clear();
    if (m_printer.isEmpty() && !QPrinterInfo::defaultPrinterName().isEmpty() &&
        !settings.contains(QStringLiteral("printing/printer")))
        m_printer = QPrinterInfo::defaultPrinterName();
}

void PrintTarget::setPrinterName(const QString& name)
{
    m_printer = name;
    QSettings().setValue(QStringLiteral("printing/printer"), name);
}

void PrintTarget::setPdfFolder(const QString& folder)
{
    m_folder = folder;
    QSettings().setValue(QStringLiteral("printing/pdf_folder"), folder);
}

QString PrintTarget::describe() const
{
    return m_printer.isEmpty() ? tr("PDF files in %1").arg(QDir::toNativeSeparators(m_folder))
                               : m_printer;
}

bool PrintTarget::print(const QString& title,
                        const std::function<void(QPainter&, QPrinter&)>& paint, QString* error,
                        QString* file) const
{
    std::unique_ptr<QPrinter> printer;
    if (!m_printer.isEmpty()) {
        const auto info = QPrinterInfo::printerInfo(m_printer);
        if (info.isNull()) {
            *error = tr("The printer %1 is not available.").arg(m_printer);
            return false;
        }
        printer = std::make_unique<QPrinter>(info, QPrinter::HighResolution);
    } else {
        if (!QDir().mkpath(m_folder)) {
            *error = tr("Cannot create the folder %1.").arg(m_folder);
            return false;
        }
        printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        printer->setOutputFormat(QPrinter::PdfFormat);
        QString name = title;
        name.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("-"));
        const QString path =
            m_folder + QLatin1Char('/') + name + QLatin1Char('-') +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")) +
            QStringLiteral(".pdf");
        printer->setOutputFileName(path);
        if (file)
            *file = path;
    }
    printer->setDocName(title);
    printer->setCreator(QStringLiteral("Ticketing box office"));
    QPainter painter;
    if (!painter.begin(printer.get())) {
        *error = tr("Could not start printing on %1.").arg(describe());
        return false;
    }
    paint(painter, *printer);
    if (!painter.end()) {
        *error = tr("Printing on %1 failed.").arg(describe());
        return false;
    }
    return true;
}

} // namespace ticketing::boxoffice
