#pragma once

#include "client/ApiClient.h"
#include "client/SyncClient.h"
#include "domain/Report.h"
#include "seatmap/SeatMapScene.h"

#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

class QChartView;
class QPrinter;

namespace ticketing::organizer {

// An event's status as the organizer reads it: draft, on sale, cancelled, over.
QString eventStatusText(domain::EventStatus status);

// An event as it sells (issue 15): the live seat map (blocking and releasing seats on it), the
// tiers' sold, held, blocked and available places as the live sync counts them, and from the
// report the money (gross and net by tier), sales over time, online against the box office and
// by payment method (Qt Charts), and the settlement. A change on the live sync shows at once and
// brings the report again a moment later; the report is also read every 15 seconds. The report
// exports as the server's CSV and prints (or saves as PDF).
class EventDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit EventDashboard(QWidget* parent = nullptr);
    ~EventDashboard() override;

    void open(client::ApiClient* api, const domain::Event& event);
    void close();
    const std::optional<domain::Event>& event() const { return m_event; }

    seatmap::SeatMapScene* scene() const { return m_scene.get(); }
    QTableWidget* tiers() const { return m_tiers; }
    QLabel* totals() const { return m_totals; }
    QLabel* settlementText() const { return m_settlement; }
    const std::optional<domain::Report>& report() const { return m_report; }
    const std::optional<domain::Settlement>& settlement() const { return m_settlementValue; }
    QChartView* salesChart() const { return m_salesChart; }

    // The selected seats: the available ones blocked with the reason typed, the blocked ones
    // put back on sale.
    void blockSelected();
    void releaseSelected();
    void setReason(const QString& reason) { m_reason->setText(reason); }
    // The server's CSV of the report into `path` (asynchronous: `exported` says how it went).
    void exportCsv(const QString& path);
    // The dashboard printed: the tiers, the totals, the settlement and the charts.
    void print(QPrinter& printer);
    bool savePdf(const QString& path);
    void refresh();

Q_SIGNALS:
    void reportUpdated();
    void exported(bool ok, const QString& path);
    void message(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showCounts();
    void showTotals();
    void showReport();
    void showSettlement();
    void buildCharts();
    void say(const QString& text);
    domain::ReportInterval interval() const;

    client::ApiClient* m_api = nullptr;
    std::optional<domain::Event> m_event;
    std::optional<domain::Report> m_report;
    std::optional<domain::Settlement> m_settlementValue;
    std::unique_ptr<seatmap::SeatMapScene> m_scene;
    std::unique_ptr<client::SyncClient> m_sync;
    QTimer m_soon;  // the report again, a moment after a live change
    QTimer m_every; // and now and then
    QLabel* m_heading;
    QLabel* m_live;
    QGraphicsView* m_map;
    QLineEdit* m_reason;
    QPushButton* m_block;
    QPushButton* m_release;
    QTableWidget* m_tiers;
    QLabel* m_totals;
    QComboBox* m_interval;
    QChartView* m_salesChart;
    QChartView* m_channelChart;
    QChartView* m_methodChart;
    QLabel* m_settlement;
    QLabel* m_message;
};

} // namespace ticketing::organizer
