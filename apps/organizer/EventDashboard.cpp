#include "apps/organizer/EventDashboard.h"

#include "client/Display.h"
#include "seatmap/SeatMapLegend.h"

#include <QAbstractTextDocumentLayout>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QPieSeries>
#include <QPrinter>
#include <QSplitter>
#include <QTextDocument>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ticketing::organizer {

namespace {
enum Column
{
    TierName,
    Sold,
    Held,
    Blocked,
    Available,
    Gross,
    Net
};

QChartView* chartView(const QString& name)
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing, true);
    view->setAccessibleName(name);
    view->setMinimumHeight(170);
    view->setFocusPolicy(Qt::TabFocus);
    return view;
}

double major(std::int64_t minor, const std::string& currency)
{
    const auto c = domain::Currency::fromCode(currency);
    double scale = 1;
    for (int i = 0; i < (c ? c->minorDigits() : 2); ++i)
        scale *= 10;
    return static_cast<double>(minor) / scale;
}
} // namespace

QString eventStatusText(domain::EventStatus status)
{
    switch (status) {
    case domain::EventStatus::Draft:
        return QCoreApplication::translate("Events", "draft");
    case domain::EventStatus::Published:
        return QCoreApplication::translate("Events", "on sale");
    case domain::EventStatus::Cancelled:
        return QCoreApplication::translate("Events", "cancelled");
    case domain::EventStatus::Completed:
        return QCoreApplication::translate("Events", "over");
    }
    return {};
}

EventDashboard::EventDashboard(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_heading = new QLabel;
    m_live = new QLabel;
    m_live->setAccessibleName(tr("Live"));
    top->addWidget(m_heading, 1);
    top->addWidget(m_live);
    outer->addLayout(top);

    auto* split = new QSplitter;
    outer->addWidget(split, 1);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_map = new QGraphicsView;
    m_map->setAccessibleName(tr("Live seat map"));
    m_map->setRenderHint(QPainter::Antialiasing, true);
    m_map->setDragMode(QGraphicsView::NoDrag);
    leftLayout->addWidget(m_map, 1);
    leftLayout->addWidget(new seatmap::SeatMapLegend);
    auto* blockRow = new QHBoxLayout;
    m_reason = new QLineEdit;
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("why: house seats, camera, sponsor…"));
    m_block = new QPushButton(tr("&Block the seats"));
    m_block->setAccessibleName(tr("Block the seats"));
    m_block->setToolTip(tr("Hold the selected seats back from sale (Ctrl+B)"));
    m_block->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_release = new QPushButton(tr("&Release the seats"));
    m_release->setAccessibleName(tr("Release the seats"));
    m_release->setToolTip(tr("Put the selected blocked seats back on sale (Ctrl+Shift+B)"));
    m_release->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    auto* reasonLabel = new QLabel(tr("Reaso&n:"));
    reasonLabel->setBuddy(m_reason);
    blockRow->addWidget(reasonLabel);
    blockRow->addWidget(m_reason, 1);
    blockRow->addWidget(m_block);
    blockRow->addWidget(m_release);
    leftLayout->addLayout(blockRow);
    connect(m_block, &QPushButton::clicked, this, &EventDashboard::blockSelected);
    connect(m_release, &QPushButton::clicked, this, &EventDashboard::releaseSelected);
    split->addWidget(left);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_tiers = new QTableWidget(0, 7);
    m_tiers->setAccessibleName(tr("Tiers"));
    m_tiers->setHorizontalHeaderLabels({tr("Tier"), tr("Sold"), tr("Held"), tr("Blocked"),
                                        tr("Available"), tr("Gross"), tr("Net")});
    m_tiers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tiers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tiers->horizontalHeader()->setStretchLastSection(true);
    m_tiers->setTabKeyNavigation(false);
    m_tiers->setMaximumHeight(150);
    rightLayout->addWidget(m_tiers);
    m_totals = new QLabel;
    m_totals->setAccessibleName(tr("Totals"));
    m_totals->setWordWrap(true);
    rightLayout->addWidget(m_totals);
    auto* intervalRow = new QHBoxLayout;
    m_interval = new QComboBox;
    m_interval->setAccessibleName(tr("Sales by"));
    m_interval->addItem(tr("day"));
    m_interval->addItem(tr("hour"));
    auto* intervalLabel = new QLabel(tr("Sales &by:"));
    intervalLabel->setBuddy(m_interval);
    intervalRow->addWidget(intervalLabel);
    intervalRow->addWidget(m_interval);
    intervalRow->addStretch();
    rightLayout->addLayout(intervalRow);
    connect(m_interval, &QComboBox::currentIndexChanged, this, &EventDashboard::refresh);
    m_salesChart = chartView(tr("Sales over time"));
    rightLayout->addWidget(m_salesChart, 2);
    auto* pies = new QHBoxLayout;
    m_channelChart = chartView(tr("Online and box office"));
    m_methodChart = chartView(tr("By payment method"));
    pies->addWidget(m_channelChart);
    pies->addWidget(m_methodChart);
    rightLayout->addLayout(pies, 2);
    auto* settlementBox = new QGroupBox(tr("Settlement"));
    auto* settlementLayout = new QVBoxLayout(settlementBox);
    m_settlement = new QLabel;
    m_settlement->setAccessibleName(tr("Settlement"));
    m_settlement->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    settlementLayout->addWidget(m_settlement);
    rightLayout->addWidget(settlementBox);
    m_message = new QLabel;
    m_message->setAccessibleName(tr("Dashboard message"));
    m_message->setWordWrap(true);
    rightLayout->addWidget(m_message);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    m_soon.setSingleShot(true);
    m_soon.setInterval(150);
    connect(&m_soon, &QTimer::timeout, this, &EventDashboard::refresh);
    m_every.setInterval(15000);
    connect(&m_every, &QTimer::timeout, this, &EventDashboard::refresh);
}

EventDashboard::~EventDashboard() = default;

void EventDashboard::say(const QString& text)
{
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
    Q_EMIT message(text);
}

domain::ReportInterval EventDashboard::interval() const
{
    return m_interval->currentIndex() == 1 ? domain::ReportInterval::Hour
                                           : domain::ReportInterval::Day;
}

void EventDashboard::open(client::ApiClient* api, const domain::Event& event)
{
    close();
    m_api = api;
    m_event = event;
    m_heading->setText(tr("<h2>%1</h2>%2 · %3")
                           .arg(QString::fromStdString(event.title).toHtmlEscaped(),
                                QLocale().toString(client::dateTimeOf(event.start).toLocalTime(),
                                                   QLocale::ShortFormat),
                                eventStatusText(event.status)));
    m_tiers->setRowCount(static_cast<int>(event.tiers.size()));
    for (int i = 0; i < static_cast<int>(event.tiers.size()); ++i) {
        m_tiers->setItem(i, TierName,
                         new QTableWidgetItem(QString::fromStdString(event.tiers[i].name)));
        for (int c = Sold; c <= Net; ++c)
            m_tiers->setItem(i, c, new QTableWidgetItem);
    }
    say(tr("Loading the seat map…"));
    const auto id = event.id;
    m_api->venue(event.venue, this, [this, id](const client::Outcome<domain::Venue>& o) {
        if (!m_event || m_event->id != id)
            return;
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        m_scene =
            std::make_unique<seatmap::SeatMapScene>(std::get<domain::Venue>(o).details.seatMap);
        // Seats to block (available) and to release (blocked).
        m_scene->setSelectable([](const seatmap::VenueLayout::Seat& seat) {
            return seat.status == domain::SeatStatus::Available ||
                   seat.status == domain::SeatStatus::Blocked;
        });
        m_map->setScene(m_scene.get());
        m_map->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
        if (m_event->status != domain::EventStatus::Published) {
            say(tr("The event is not on sale: its seats are live once it is published."));
            return;
        }
        m_sync = std::make_unique<client::SyncClient>(m_api->server());
        connect(m_sync.get(), &client::SyncClient::snapshot, this,
                [this](const domain::EventId& e) {
                    if (const auto* a = m_sync->availability(e))
                        m_scene->setAvailability(*a);
                    showCounts();
                    say({});
                });
        connect(m_sync.get(), &client::SyncClient::seatsChanged, this,
                [this](const domain::EventId&, const std::vector<domain::SeatChange>& changes) {
                    m_scene->applyChanges(changes);
                    showCounts();
                    m_soon.start(); // the money follows
                });
        connect(m_sync.get(), &client::SyncClient::stateChanged, this,
                [this](client::SyncClient::State state) {
                    const auto text = state == client::SyncClient::State::Online
                                          ? tr("Live")
                                          : tr("Reconnecting…");
                    m_live->setText(text);
                    m_live->setAccessibleDescription(text);
                });
        m_sync->subscribe(m_event->id);
    });
    refresh();
    m_every.start();
}

void EventDashboard::close()
{
    m_every.stop();
    m_soon.stop();
    m_sync.reset();
    m_map->setScene(nullptr);
    m_scene.reset();
    m_event.reset();
    m_report.reset();
    m_settlementValue.reset();
}

void EventDashboard::refresh()
{
    if (!m_api || !m_event)
        return;
    const auto id = m_event->id;
    m_api->report(id, interval(), this, [this, id](const client::Outcome<domain::Report>& o) {
        if (!m_event || m_event->id != id)
            return;
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        m_report = std::get<domain::Report>(o);
        showReport();
        Q_EMIT reportUpdated();
    });
    m_api->settlement(id, this, [this, id](const client::Outcome<domain::Settlement>& o) {
        if (!m_event || m_event->id != id)
            return;
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        m_settlementValue = std::get<domain::Settlement>(o);
        showSettlement();
    });
}

void EventDashboard::showCounts()
{
    // The live sync's counts: they move with every hold, before the report is read again.
    const auto* a = m_sync && m_event ? m_sync->availability(m_event->id) : nullptr;
    if (!a)
        return;
    for (const auto& t : a->tiers)
        for (int row = 0; row < m_tiers->rowCount(); ++row)
            if (m_event->tiers[static_cast<std::size_t>(row)].id == t.tier) {
                m_tiers->item(row, Sold)->setText(QString::number(t.sold));
                m_tiers->item(row, Held)->setText(QString::number(t.held));
                m_tiers->item(row, Blocked)->setText(QString::number(t.blocked));
                m_tiers->item(row, Available)->setText(QString::number(t.available));
            }
    showTotals();
}

void EventDashboard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_scene)
        m_map->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void EventDashboard::showReport()
{
    const auto& r = *m_report;
    for (const auto& t : r.tiers)
        for (int row = 0; row < m_tiers->rowCount(); ++row)
            if (m_event->tiers[static_cast<std::size_t>(row)].id == t.tier) {
                if (!m_sync || !m_sync->availability(m_event->id)) {
                    m_tiers->item(row, Sold)->setText(QString::number(t.line.sold));
                    m_tiers->item(row, Held)->setText(QString::number(t.line.held));
                    m_tiers->item(row, Blocked)->setText(QString::number(t.line.blocked));
                    m_tiers->item(row, Available)->setText(QString::number(t.line.available));
                }
                m_tiers->item(row, Gross)->setText(client::moneyText(t.line.gross, r.currency));
                m_tiers->item(row, Net)->setText(client::moneyText(t.line.net(), r.currency));
            }
    showTotals();
    buildCharts();
}

void EventDashboard::showTotals()
{
    // The places as the live sync counts them (they move first), the money from the report.
    domain::ReportLine l = m_report ? m_report->totals : domain::ReportLine{};
    if (const auto* a = m_sync && m_event ? m_sync->availability(m_event->id) : nullptr) {
        l.sold = l.held = l.blocked = l.available = l.total = 0;
        for (const auto& t : a->tiers) {
            l.sold += t.sold;
            l.held += t.held;
            l.blocked += t.blocked;
            l.available += t.available;
            l.total += t.sold + t.held + t.blocked + t.available;
        }
    }
    const std::string currency = m_report ? m_report->currency : m_event ? m_event->currency : "";
    const auto text =
        tr("Sold %1 of %2 · held %3 · blocked %4 · available %5 · gross %6 · refunds %7 · net %8")
            .arg(l.sold)
            .arg(l.total)
            .arg(l.held)
            .arg(l.blocked)
            .arg(l.available)
            .arg(client::moneyText(l.gross, currency), client::moneyText(l.refunds, currency),
                 client::moneyText(l.net(), currency));
    QString all = text;
    if (m_report && m_report->checkin) // the gate's part, once scanning has begun
        all += QLatin1Char('\n') + tr("At the gate: %1 let in, %2 inside now")
                                       .arg(m_report->checkin->admitted)
                                       .arg(m_report->checkin->inside);
    m_totals->setText(all);
    m_totals->setAccessibleDescription(all);
}

void EventDashboard::buildCharts()
{
    const auto& r = *m_report;
    const auto zone = QTimeZone::systemTimeZone();
    auto* sales = new QChart;
    sales->setTitle(tr("Sales (%1)").arg(QString::fromStdString(r.currency)));
    sales->legend()->hide();
    auto* set = new QBarSet(tr("Gross"));
    QStringList periods;
    double top = 1;
    for (const auto& p : r.sales) {
        const double v = major(p.gross, r.currency);
        *set << v;
        top = std::max(top, v);
        const auto t = client::dateTimeOf(p.start).toTimeZone(zone);
        periods << (interval() == domain::ReportInterval::Hour
                        ? t.toString(QStringLiteral("dd MMM HH:00"))
                        : t.toString(QStringLiteral("dd MMM")));
    }
    auto* series = new QBarSeries;
    series->append(set);
    sales->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(periods.isEmpty() ? QStringList{tr("no sales yet")} : periods);
    auto* y = new QValueAxis;
    y->setRange(0, top * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    sales->addAxis(x, Qt::AlignBottom);
    sales->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    auto* oldSales = m_salesChart->chart();
    m_salesChart->setChart(sales);
    delete oldSales;

    auto pie = [&](const QString& title, const std::vector<std::pair<QString, double>>& parts) {
        auto* chart = new QChart;
        chart->setTitle(title);
        auto* s = new QPieSeries;
        for (const auto& [label, value] : parts)
            if (value > 0)
                s->append(tr("%1 %2", "a share of the pie: its name, its amount")
                              .arg(label, QString::number(value, 'f', 2)),
                          value);
        if (s->isEmpty())
            s->append(tr("nothing yet"), 1);
        chart->addSeries(s);
        chart->legend()->setAlignment(Qt::AlignRight);
        return chart;
    };
    std::vector<std::pair<QString, double>> channels, methods;
    for (const auto& c : r.byChannel)
        channels.emplace_back(c.channel == "box_office" ? tr("box office") : tr("online"),
                              major(c.gross, r.currency));
    for (const auto& m : r.byMethod)
        methods.emplace_back(QString::fromStdString(m.method), major(m.amountMinor, r.currency));
    auto* oldChannel = m_channelChart->chart();
    m_channelChart->setChart(pie(tr("Online and box office"), channels));
    delete oldChannel;
    auto* oldMethod = m_methodChart->chart();
    m_methodChart->setChart(pie(tr("By payment method"), methods));
    delete oldMethod;
}

void EventDashboard::showSettlement()
{
    const auto& s = *m_settlementValue;
    const auto text =
        tr("Gross %1, refunds %2, net sales %3; the platform's fee of %4 % is %5; the payout "
           "of %6 is %7 on %8.")
            .arg(client::moneyText(s.gross, s.currency), client::moneyText(s.refunds, s.currency),
                 client::moneyText(s.netSales, s.currency),
                 QString::number(s.feeBasisPoints / 100.0, 'g', 4),
                 client::moneyText(s.fee, s.currency), client::moneyText(s.payout, s.currency),
                 s.due ? tr("due") : tr("pending"),
                 client::dateTimeOf(s.payoutDate).date().toString(Qt::ISODate));
    m_settlement->setText(text);
    m_settlement->setAccessibleDescription(text);
}

void EventDashboard::blockSelected()
{
    if (!m_scene || !m_event)
        return;
    domain::BlockRequest request;
    for (const int i : m_scene->selection()) {
        const auto& seat = m_scene->layout().seats()[static_cast<std::size_t>(i)];
        if (seat.status == domain::SeatStatus::Available)
            request.seats.push_back(seat.id);
    }
    request.reason = m_reason->text().trimmed().toStdString();
    if (request.seats.empty())
        return say(tr("Select available seats on the map first."));
    if (request.reason.empty()) {
        m_reason->setFocus();
        return say(tr("Say why the seats are held back (the reason), then block them."));
    }
    const auto count = static_cast<int>(request.seats.size());
    m_api->blockSeats(m_event->id, request, this,
                      [this, count](const client::Outcome<domain::SeatBlocks>& o) {
                          if (const auto* f = std::get_if<client::Failure>(&o))
                              return say(f->message);
                          m_scene->clearSelection();
                          say(tr("%n seat(s) blocked.", nullptr, count));
                      });
}

void EventDashboard::releaseSelected()
{
    if (!m_scene || !m_event)
        return;
    domain::UnblockRequest request;
    for (const int i : m_scene->selection()) {
        const auto& seat = m_scene->layout().seats()[static_cast<std::size_t>(i)];
        if (seat.status == domain::SeatStatus::Blocked)
            request.seats.push_back(seat.id);
    }
    if (request.seats.empty())
        return say(tr("Select blocked seats on the map first."));
    const auto count = static_cast<int>(request.seats.size());
    m_api->unblockSeats(m_event->id, request, this,
                        [this, count](const client::Outcome<domain::SeatBlocks>& o) {
                            if (const auto* f = std::get_if<client::Failure>(&o))
                                return say(f->message);
                            m_scene->clearSelection();
                            say(tr("%n seat(s) back on sale.", nullptr, count));
                        });
}

void EventDashboard::exportCsv(const QString& path)
{
    if (!m_api || !m_event)
        return;
    m_api->reportCsv(m_event->id, interval(), this,
                     [this, path](const client::Outcome<QByteArray>& o) {
                         if (const auto* f = std::get_if<client::Failure>(&o)) {
                             say(f->message);
                             Q_EMIT exported(false, path);
                             return;
                         }
                         QFile file(path);
                         const bool ok = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                                         file.write(std::get<QByteArray>(o)) >= 0;
                         say(ok ? tr("The report is in %1.").arg(path)
                                : tr("Cannot write %1: %2").arg(path, file.errorString()));
                         Q_EMIT exported(ok, path);
                     });
}

void EventDashboard::print(QPrinter& printer)
{
    QPainter p(&printer);
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    QTextDocument doc;
    // Laid out for the printer's resolution: a 10-point font is 10 points on paper.
    doc.documentLayout()->setPaintDevice(&printer);
    doc.setPageSize(page.size());
    QString html =
        QStringLiteral("<h2>%1</h2>")
            .arg(m_event ? QString::fromStdString(m_event->title).toHtmlEscaped() : QString());
    html += QStringLiteral("<table border=1 cellspacing=0 cellpadding=4><tr>");
    for (int c = 0; c < m_tiers->columnCount(); ++c)
        html += QStringLiteral("<th>%1</th>").arg(m_tiers->horizontalHeaderItem(c)->text());
    html += QStringLiteral("</tr>");
    for (int r = 0; r < m_tiers->rowCount(); ++r) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < m_tiers->columnCount(); ++c)
            html += QStringLiteral("<td>%1</td>")
                        .arg(m_tiers->item(r, c) ? m_tiers->item(r, c)->text().toHtmlEscaped()
                                                 : QString());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><p>%1</p><h3>%2</h3><p>%3</p>")
                .arg(m_totals->text().toHtmlEscaped(), tr("Settlement"),
                     m_settlement->text().toHtmlEscaped());
    doc.setHtml(html);
    doc.drawContents(&p, QRectF(QPointF(0, 0), page.size()));
    // Below the text: the sales over its width, then the two shares side by side.
    double y = doc.size().height() + page.height() / 40;
    // Each chart as large as fits its box, keeping its shape; the height it took.
    const auto draw = [&](QChartView* view, const QRectF& box) {
        const auto image = view->grab();
        if (image.isNull() || image.width() == 0)
            return 0.0;
        const double scale = std::min(box.width() / image.width(), box.height() / image.height());
        const QSizeF size(image.width() * scale, image.height() * scale);
        p.drawPixmap(QRectF(box.topLeft(), size), image, QRectF(image.rect()));
        return size.height();
    };
    const double salesHeight = page.height() / 4;
    if (y + salesHeight > page.height()) {
        printer.newPage();
        y = 0;
    }
    y += draw(m_salesChart, QRectF(0, y, page.width(), salesHeight)) + page.height() / 60;
    const double pieHeight = page.height() / 5;
    if (y + pieHeight > page.height()) {
        printer.newPage();
        y = 0;
    }
    draw(m_channelChart, QRectF(0, y, page.width() / 2 - 10, pieHeight));
    draw(m_methodChart, QRectF(page.width() / 2 + 10, y, page.width() / 2 - 10, pieHeight));
}

bool EventDashboard::savePdf(const QString& path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    print(printer);
    const bool ok = QFile::exists(path);
    say(ok ? tr("Saved as %1.").arg(path) : tr("Cannot write %1.").arg(path));
    return ok;
}

} // namespace ticketing::organizer
