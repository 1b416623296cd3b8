#include "apps/organizer/DevicesPage.h"

#include "client/Display.h"
#include "client/Enrollment.h"
#include "widgets/QrCode.h"
#include "widgets/Widgets.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QShortcut>
#include <QVBoxLayout>

namespace ticketing::organizer {

namespace {
QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QString when(domain::Clock::TimePoint t)
{
    return QLocale().toString(client::dateTimeOf(t).toLocalTime(), QLocale::ShortFormat);
}

// "ABCD-EFGH-JKMN": the code in groups of four, as a person reads it out and types it.
QString grouped(const QString& code)
{
    QStringList parts;
    for (qsizetype i = 0; i < code.size(); i += 4)
        parts << code.mid(i, 4);
    return parts.join(QLatin1Char('-'));
}
} // namespace

DevicesPage::DevicesPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Gate scanners</h2>")));
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto* left = new QVBoxLayout;
    columns->addLayout(left, 3);
    m_table = new QTableWidget(0, 5);
    m_table->setAccessibleName(tr("Scanners"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Gate"), tr("Enrolled"), tr("Last seen"), tr("Scans")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    left->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_remove = new QPushButton(tr("&Remove the scanner…"));
    m_remove->setAccessibleName(tr("Remove the scanner"));
    m_remove->setToolTip(widgets::withShortcut(tr("Remove the chosen scanner: its key stops "
                                                  "working at once"),
                                               QKeySequence(QKeySequence::Delete)));
    widgets::enterPresses(m_remove);
    auto* reloadButton = new QPushButton(tr("Re&load"));
    reloadButton->setAccessibleName(tr("Reload the scanners"));
    reloadButton->setToolTip(
        widgets::withShortcut(tr("Reload the list"), QKeySequence(Qt::Key_F5)));
    widgets::enterPresses(reloadButton);
    buttons->addWidget(m_remove);
    buttons->addWidget(reloadButton);
    buttons->addStretch();
    left->addLayout(buttons);

    auto* right = new QVBoxLayout;
    columns->addLayout(right, 2);
    right->addWidget(new QLabel(tr("<h3>Add a scanner</h3>")));
    auto* form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Scanner name"));
    m_name->setPlaceholderText(tr("Scanner 3"));
    m_gate = new QLineEdit;
    m_gate->setAccessibleName(tr("Gate"));
    m_gate->setPlaceholderText(tr("North"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Gate:"), m_gate);
    right->addLayout(form);
    m_add = new QPushButton(tr("&Add the scanner"));
    m_add->setAccessibleName(tr("Add the scanner"));
    m_add->setToolTip(widgets::withShortcut(tr("Add it and show its enrollment code"),
                                            QKeySequence(Qt::Key_Return)));
    widgets::enterPresses(m_add);
    right->addWidget(m_add);
    m_qr = new QLabel;
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(240, 240);
    m_qr->setAccessibleName(tr("Enrollment QR code"));
    right->addWidget(m_qr, 1);
    m_code = new QLabel;
    m_code->setWordWrap(true);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAccessibleName(tr("Enrollment code"));
    right->addWidget(m_code);

    connect(m_add, &QPushButton::clicked, this, &DevicesPage::addDevice);
    connect(m_name, &QLineEdit::returnPressed, this, &DevicesPage::addDevice);
    connect(m_gate, &QLineEdit::returnPressed, this, &DevicesPage::addDevice);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeChosen(); });
    connect(reloadButton, &QPushButton::clicked, this, &DevicesPage::reload);
    auto* del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { removeChosen(); });
    auto* f5 = new QShortcut(QKeySequence(Qt::Key_F5), this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &DevicesPage::reload);
}

void DevicesPage::setApi(client::ApiClient* api)
{
    m_api = api;
}

void DevicesPage::reload()
{
    if (!m_api)
        return;
    m_api->devices(this, [this](const client::Outcome<domain::Page<domain::Device>>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            Q_EMIT message(f->message);
            return;
        }
        show(std::get<domain::Page<domain::Device>>(o).items);
        Q_EMIT loaded();
    });
}

void DevicesPage::show(const std::vector<domain::Device>& devices)
{
    m_devices = devices;
    m_table->setRowCount(static_cast<int>(devices.size()));
    for (int row = 0; row < static_cast<int>(devices.size()); ++row) {
        const auto& d = devices[static_cast<std::size_t>(row)];
        const QStringList cells{text(d.name), text(d.gate),
                                d.enrolled ? tr("Yes") : tr("Waiting for its code"),
                                d.lastSeenAt ? when(*d.lastSeenAt) : tr("Never"),
                                QLocale().toString(static_cast<qlonglong>(d.scans))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_remove->setEnabled(!devices.empty());
}

void DevicesPage::addDevice()
{
    if (!m_api)
        return;
    domain::DeviceInput input{m_name->text().trimmed().toStdString(),
                              m_gate->text().trimmed().toStdString()};
    if (input.name.empty() || input.gate.empty()) {
        Q_EMIT message(tr("Name the scanner and its gate first."));
        (input.name.empty() ? m_name : m_gate)->setFocus();
        return;
    }
    m_add->setEnabled(false);
    m_api->addDevice(input, this, [this](const client::Outcome<domain::DeviceEnrollment>& o) {
        m_add->setEnabled(true);
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            Q_EMIT message(f->message);
            Q_EMIT added(false);
            return;
        }
        const auto& e = std::get<domain::DeviceEnrollment>(o);
        const auto code = text(e.enrollmentCode);
        m_link = client::enrollmentLink(m_api->server(), code);
        const auto image = widgets::qrCode(m_link.toUtf8(), 5);
        m_qr->setPixmap(QPixmap::fromImage(image));
        m_qr->setAccessibleDescription(
            tr("A QR code for %1 at gate %2: the scanner reads it to enroll.")
                .arg(text(e.name), text(e.gate)));
        m_code->setText(tr("Scan this with %1 at gate %2, or type the code %3 with the server "
                           "%4. It works once, until %5.")
                            .arg(text(e.name), text(e.gate), grouped(code),
                                 m_api->server().toString(), when(e.enrollmentExpiresAt)));
        m_name->clear();
        m_gate->clear();
        m_name->setFocus(); // the next one
        Q_EMIT message(tr("%1 added: show it the code.").arg(text(e.name)));
        Q_EMIT added(true);
        reload();
    });
}

void DevicesPage::removeChosen(bool confirm)
{
    const int row = m_table->currentRow();
    if (!m_api || row < 0 || row >= static_cast<int>(m_devices.size())) {
        Q_EMIT message(tr("Choose a scanner in the list first."));
        return;
    }
    const auto device = m_devices[static_cast<std::size_t>(row)];
    auto remove = [this, device] {
        m_api->removeDevice(device.id, this, [this, device](const client::Outcome<bool>& o) {
            if (const auto* f = std::get_if<client::Failure>(&o)) {
                Q_EMIT message(f->message);
                Q_EMIT removed(false);
                return;
            }
            Q_EMIT message(tr("%1 removed: it can no longer scan.").arg(text(device.name)));
            Q_EMIT removed(true);
            reload();
        });
    };
    if (!confirm)
        return remove();
    widgets::ask(this, QMessageBox::Question, tr("Remove the scanner"),
                 tr("Remove %1 at gate %2? It stops working at once; scans it has "
                    "not sent yet are lost unless it is enrolled again.")
                     .arg(text(device.name), text(device.gate)),
                 remove);
}

} // namespace ticketing::organizer
