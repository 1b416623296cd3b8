#include "apps/organizer/PromoCodesPage.h"

#include "client/Display.h"
#include "widgets/Widgets.h"

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

domain::Clock::TimePoint timePoint(const QDateTime& t)
{
    return domain::Clock::TimePoint(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
}
} // namespace

PromoCodesPage::PromoCodesPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel;
    m_title->setAccessibleName(tr("Promo codes of the event"));
    layout->addWidget(m_title);
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto* left = new QVBoxLayout;
    columns->addLayout(left, 3);
    m_table = new QTableWidget(0, 7);
    m_table->setAccessibleName(tr("Promo codes"));
    m_table->setHorizontalHeaderLabels({tr("Code"), tr("Discount"), tr("Used"), tr("Per buyer"),
                                        tr("Valid"), tr("Tiers"), tr("Minimum")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch); // Valid
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    left->addWidget(m_table, 1);
    auto* note = new QLabel(tr("A use counts from the hold that takes the code, and comes back "
                               "when the hold ends or the booking is cancelled."));
    note->setWordWrap(true);
    left->addWidget(note);
    auto* buttons = new QHBoxLayout;
    m_remove = new QPushButton(tr("&Remove the code…"));
    m_remove->setAccessibleName(tr("Remove the code"));
    m_remove->setToolTip(widgets::withShortcut(
        tr("Delete the chosen code: it can no longer be used; bookings keep their discount"),
        QKeySequence(QKeySequence::Delete)));
    widgets::enterPresses(m_remove);
    auto* reloadButton = new QPushButton(tr("Re&load"));
    reloadButton->setAccessibleName(tr("Reload the promo codes"));
    reloadButton->setToolTip(
        widgets::withShortcut(tr("Reload the list and its uses"), QKeySequence(Qt::Key_F5)));
    widgets::enterPresses(reloadButton);
    buttons->addWidget(m_remove);
    buttons->addWidget(reloadButton);
    buttons->addStretch();
    left->addLayout(buttons);

    auto* right = new QVBoxLayout;
    columns->addLayout(right, 2);
    right->addWidget(new QLabel(tr("<h3>Add a promo code</h3>")));
    m_form = new QFormLayout;
    m_code = new QLineEdit;
    m_code->setAccessibleName(tr("Code"));
    m_code->setPlaceholderText(tr("SUMMER25"));
    m_code->setMaxLength(static_cast<int>(domain::kPromoCodeMaxLength));
    m_code->setToolTip(tr("3 to 32 letters, digits, - or _; buyers may type it in any case"));
    m_form->addRow(tr("&Code:"), m_code);
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Kind of discount"));
    m_kind->addItem(tr("Percent off"));
    m_kind->addItem(tr("Amount off"));
    m_form->addRow(tr("&Kind:"), m_kind);
    m_percent = new QSpinBox;
    m_percent->setAccessibleName(tr("Percent off"));
    m_percent->setRange(1, 100);
    m_percent->setValue(10);
    m_percent->setSuffix(tr(" %"));
    m_form->addRow(tr("&Percent off:"), m_percent);
    m_amount = new QLineEdit;
    m_amount->setAccessibleName(tr("Amount off"));
    m_amount->setPlaceholderText(tr("5.00"));
    m_amount->setToolTip(tr("Off the tickets it applies to in one booking, in the event's "
                            "currency; never more than they cost"));
    m_form->addRow(tr("&Amount off:"), m_amount);
    m_maxUses = new QSpinBox;
    m_maxUses->setAccessibleName(tr("Uses in all"));
    m_maxUses->setRange(0, 1000000);
    m_maxUses->setSpecialValueText(tr("No limit"));
    m_form->addRow(tr("Us&es in all:"), m_maxUses);
    m_perUser = new QSpinBox;
    m_perUser->setAccessibleName(tr("Uses per buyer"));
    m_perUser->setRange(0, 1000);
    m_perUser->setSpecialValueText(tr("No limit"));
    m_perUser->setToolTip(tr("Counted by the buyer's account online, by the customer's e-mail "
                             "at the box office"));
    m_form->addRow(tr("Per &buyer:"), m_perUser);
    const auto now = QDateTime::currentDateTime();
    m_hasFrom = new QCheckBox(tr("Valid fr&om:"));
    m_hasFrom->setAccessibleName(tr("Valid from a date"));
    m_from = new QDateTimeEdit(now);
    m_from->setAccessibleName(tr("Valid from"));
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_form->addRow(m_hasFrom, m_from);
    m_hasUntil = new QCheckBox(tr("Valid u&ntil:"));
    m_hasUntil->setAccessibleName(tr("Valid until a date"));
    m_until = new QDateTimeEdit(now.addDays(30));
    m_until->setAccessibleName(tr("Valid until"));
    m_until->setCalendarPopup(true);
    m_until->setEnabled(false);
    m_form->addRow(m_hasUntil, m_until);
    m_tiers = new QListWidget;
    m_tiers->setAccessibleName(tr("Tiers"));
    m_tiers->setToolTip(tr("The tiers it is for (Space ticks one); none ticked: every tier"));
    m_tiers->setMaximumHeight(110);
    m_form->addRow(tr("&Tiers:"), m_tiers);
    m_minQuantity = new QSpinBox;
    m_minQuantity->setAccessibleName(tr("Minimum tickets"));
    m_minQuantity->setRange(1, domain::HoldRules::maxUnitsPerHold);
    m_minQuantity->setToolTip(tr("Tickets of its tiers one booking needs for the code to apply"));
    m_form->addRow(tr("&Minimum tickets:"), m_minQuantity);
    right->addLayout(m_form);
    m_add = new QPushButton(tr("Add the co&de"));
    m_add->setAccessibleName(tr("Add the code"));
    m_add->setToolTip(
        widgets::withShortcut(tr("Add the code to the event"), QKeySequence(Qt::Key_Return)));
    widgets::enterPresses(m_add);
    right->addWidget(m_add);
    right->addStretch();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &PromoCodesPage::kindChanged);
    connect(m_hasFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_hasUntil, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    connect(m_add, &QPushButton::clicked, this, &PromoCodesPage::addCode);
    connect(m_code, &QLineEdit::returnPressed, this, &PromoCodesPage::addCode);
    connect(m_amount, &QLineEdit::returnPressed, this, &PromoCodesPage::addCode);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeChosen(); });
    connect(reloadButton, &QPushButton::clicked, this, &PromoCodesPage::reload);
    auto* del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { removeChosen(); });
    auto* f5 = new QShortcut(QKeySequence(Qt::Key_F5), this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &PromoCodesPage::reload);
    kindChanged();
}

void PromoCodesPage::kindChanged()
{
    const bool percent = m_kind->currentIndex() == 0;
    m_form->setRowVisible(m_percent, percent);
    m_form->setRowVisible(m_amount, !percent);
}

void PromoCodesPage::open(client::ApiClient* api, const domain::Event& event)
{
    m_api = api;
    m_event = event;
    m_title->setText(tr("<h2>Promo codes: %1</h2>").arg(text(event.title).toHtmlEscaped()));
    m_title->setAccessibleDescription(tr("Promo codes of %1").arg(text(event.title)));
    m_amount->setPlaceholderText(client::moneyText(500, event.currency));
    m_tiers->clear();
    for (const auto& tier : event.tiers) {
        auto* item = new QListWidgetItem(
            tr("%1, %2").arg(text(tier.name), client::moneyText(tier.priceMinor, tier.currency)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, text(tier.id.toString()));
        m_tiers->addItem(item);
    }
    show({});
    reload();
}

void PromoCodesPage::reload()
{
    if (!m_api || !m_event)
        return;
    m_api->promoCodes(m_event->id, this,
                      [this](const client::Outcome<domain::Page<domain::PromoCodeView>>& o) {
                          if (const auto* f = std::get_if<client::Failure>(&o)) {
                              Q_EMIT message(f->message);
                              return;
                          }
                          show(std::get<domain::Page<domain::PromoCodeView>>(o).items);
                          Q_EMIT loaded();
                      });
}

void PromoCodesPage::show(const std::vector<domain::PromoCodeView>& codes)
{
    m_codes = codes;
    m_table->setRowCount(static_cast<int>(codes.size()));
    for (int row = 0; row < static_cast<int>(codes.size()); ++row) {
        const auto& v = codes[static_cast<std::size_t>(row)];
        const auto& c = v.code;
        const QString discount = c.kind == domain::PromoCode::Kind::Percent
                                     ? tr("%1 %").arg(c.percent)
                                     : client::moneyText(c.amountMinor, v.currency);
        const QString used =
            c.maxUses ? tr("%1 of %2").arg(c.uses).arg(*c.maxUses) : QLocale().toString(c.uses);
        QString valid = tr("Always");
        if (c.validFrom && c.validUntil)
            valid = tr("%1 to %2").arg(when(*c.validFrom), when(*c.validUntil));
        else if (c.validFrom)
            valid = tr("From %1").arg(when(*c.validFrom));
        else if (c.validUntil)
            valid = tr("Until %1").arg(when(*c.validUntil));
        QStringList tiers;
        if (m_event)
            for (const auto& id : c.tiers)
                for (const auto& t : m_event->tiers)
                    if (t.id == id)
                        tiers << text(t.name);
        const QStringList cells{text(c.code),
                                discount,
                                used,
                                c.perUser ? QLocale().toString(*c.perUser) : tr("No limit"),
                                valid,
                                tiers.isEmpty() ? tr("All") : tiers.join(QStringLiteral(", ")),
                                QLocale().toString(c.minQuantity)};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    m_remove->setEnabled(!codes.empty());
}

std::optional<domain::PromoCodeInput> PromoCodesPage::input()
{
    domain::PromoCodeInput in;
    in.code = m_code->text().trimmed().toStdString();
    if (in.code.empty()) {
        Q_EMIT message(tr("Type the code first."));
        m_code->setFocus();
        return std::nullopt;
    }
    if (m_kind->currentIndex() == 0) {
        in.kind = domain::PromoCode::Kind::Percent;
        in.percent = m_percent->value();
    } else {
        in.kind = domain::PromoCode::Kind::Amount;
        in.amount = m_amount->text().trimmed().toStdString();
        if (in.amount.empty()) {
            Q_EMIT message(tr("Say how much the code takes off."));
            m_amount->setFocus();
            return std::nullopt;
        }
    }
    if (m_maxUses->value() > 0)
        in.maxUses = m_maxUses->value();
    if (m_perUser->value() > 0)
        in.perUser = m_perUser->value();
    if (m_hasFrom->isChecked())
        in.validFrom = timePoint(m_from->dateTime());
    if (m_hasUntil->isChecked())
        in.validUntil = timePoint(m_until->dateTime());
    for (int i = 0; i < m_tiers->count(); ++i)
        if (m_tiers->item(i)->checkState() == Qt::Checked)
            if (auto id = domain::TierId::parse(
                    m_tiers->item(i)->data(Qt::UserRole).toString().toStdString()))
                in.tiers.push_back(*id);
    in.minQuantity = m_minQuantity->value();
    return in;
}

void PromoCodesPage::addCode()
{
    if (!m_api || !m_event)
        return;
    const auto in = input();
    if (!in)
        return;
    m_add->setEnabled(false);
    m_api->createPromoCode(
        m_event->id, *in, this, [this](const client::Outcome<domain::PromoCodeView>& o) {
            m_add->setEnabled(true);
            if (const auto* f = std::get_if<client::Failure>(&o)) {
                Q_EMIT message(f->message);
                Q_EMIT added(false);
                return;
            }
            const auto& made = std::get<domain::PromoCodeView>(o);
            m_code->clear();
            m_amount->clear();
            m_code->setFocus(); // the next one
            Q_EMIT message(tr("%1 added: buyers can use it now.").arg(text(made.code.code)));
            Q_EMIT added(true);
            reload();
        });
}

void PromoCodesPage::removeChosen(bool confirm)
{
    const int row = m_table->currentRow();
    if (!m_api || !m_event || row < 0 || row >= static_cast<int>(m_codes.size())) {
        Q_EMIT message(tr("Choose a code in the list first."));
        return;
    }
    const auto code = text(m_codes[static_cast<std::size_t>(row)].code.code);
    const auto uses = m_codes[static_cast<std::size_t>(row)].code.uses;
    auto remove = [this, code] {
        m_api->deletePromoCode(
            m_event->id, code, this, [this, code](const client::Outcome<bool>& o) {
                if (const auto* f = std::get_if<client::Failure>(&o)) {
                    Q_EMIT message(f->message);
                    Q_EMIT removed(false);
                    return;
                }
                Q_EMIT message(tr("%1 removed: it can no longer be used.").arg(code));
                Q_EMIT removed(true);
                reload();
            });
    };
    if (!confirm)
        return remove();
    widgets::ask(this, QMessageBox::Question, tr("Remove the promo code"),
                 tr("Remove %1? Buyers can no longer use it; the %n booking(s) that used it keep "
                    "their discount.",
                    nullptr, uses)
                     .arg(code),
                 remove);
}

} // namespace ticketing::organizer
