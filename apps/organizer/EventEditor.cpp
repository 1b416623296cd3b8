#include "apps/organizer/EventEditor.h"

#include "client/Display.h"
#include "domain/Codec.h"
#include "domain/JsonReader.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVBoxLayout>
#include <boost/json/value_from.hpp>

namespace ticketing::organizer {

namespace {
enum TierColumn
{
    TierName,
    TierPrice,
    TierSections,
    TierPlaces
};

domain::Clock::TimePoint timePointOf(const QDateTime& t)
{
    return domain::Clock::TimePoint{std::chrono::milliseconds(t.toMSecsSinceEpoch())};
}

// The edit shows the venue's wall clock: kept in UTC spec so that Qt converts nothing.
void showIn(QDateTimeEdit* edit, domain::Clock::TimePoint t, const QTimeZone& zone)
{
    const auto wall = client::dateTimeOf(t).toTimeZone(zone);
    edit->setDateTime(QDateTime(wall.date(), wall.time(), Qt::UTC));
}

domain::Clock::TimePoint readIn(const QDateTimeEdit* edit, const QTimeZone& zone)
{
    return timePointOf(QDateTime(edit->date(), edit->time(), zone));
}

QDateTimeEdit* timeEdit(const QString& name)
{
    auto* edit = new QDateTimeEdit;
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setCalendarPopup(true);
    edit->setAccessibleName(name);
    return edit;
}

QTableWidgetItem* cell(const QString& text, bool editable = true)
{
    auto* item = new QTableWidgetItem(text);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}
} // namespace

EventEditor::EventEditor(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    m_heading = new QLabel;
    outer->addWidget(m_heading);
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns, 1);
    auto* form = new QFormLayout;
    auto* formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addStretch(); // the fields at the top, not spread over the height
    columns->addLayout(formColumn, 1);

    m_venue = new QComboBox;
    m_venue->setAccessibleName(tr("Venue"));
    form->addRow(tr("&Venue:"), m_venue);
    m_title = new QLineEdit;
    m_title->setAccessibleName(tr("Title"));
    form->addRow(tr("&Title:"), m_title);
    m_description = new QPlainTextEdit;
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    form->addRow(tr("&Description:"), m_description);
    m_genre = new QComboBox;
    m_genre->setEditable(true);
    m_genre->setAccessibleName(tr("Genre"));
    for (const auto& g :
         {tr("music"), tr("theatre"), tr("comedy"), tr("sport"), tr("family"), tr("talk")})
        m_genre->addItem(g);
    form->addRow(tr("&Genre:"), m_genre);
    m_zone = new QLabel;
    form->addRow(m_zone);
    m_start = timeEdit(tr("Starts"));
    form->addRow(tr("&Starts:"), m_start);
    m_end = timeEdit(tr("Ends"));
    form->addRow(tr("&Ends:"), m_end);
    m_saleFromPublication = new QCheckBox(tr("On sale from &publication"));
    m_saleFromPublication->setAccessibleName(tr("On sale from publication"));
    m_saleFromPublication->setChecked(true);
    m_saleStart = timeEdit(tr("Sale starts"));
    m_saleStart->setEnabled(false);
    form->addRow(m_saleFromPublication);
    form->addRow(tr("Sale st&arts:"), m_saleStart);
    m_saleUntilStart = new QCheckBox(tr("On sale &until it starts"));
    m_saleUntilStart->setAccessibleName(tr("On sale until it starts"));
    m_saleUntilStart->setChecked(true);
    m_saleEnd = timeEdit(tr("Sale ends"));
    m_saleEnd->setEnabled(false);
    form->addRow(m_saleUntilStart);
    form->addRow(tr("Sale e&nds:"), m_saleEnd);
    connect(m_saleFromPublication, &QCheckBox::toggled, m_saleStart,
            [this](bool on) { m_saleStart->setEnabled(!on); });
    connect(m_saleUntilStart, &QCheckBox::toggled, m_saleEnd,
            [this](bool on) { m_saleEnd->setEnabled(!on); });
    m_currency = new QComboBox;
    m_currency->setAccessibleName(tr("Currency"));
    for (const auto* c :
         {"GBP", "EUR", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "AUD", "CAD"})
        m_currency->addItem(QString::fromLatin1(c));
    form->addRow(tr("C&urrency:"), m_currency);

    auto* right = new QVBoxLayout;
    columns->addLayout(right, 1);
    right->addWidget(new QLabel(tr("<b>Tiers</b>: a price for seated sections (their keys, "
                                   "separated by commas), or for places of one standing "
                                   "section.")));
    m_tiers = new QTableWidget(0, 4);
    m_tiers->setAccessibleName(tr("Tiers"));
    m_tiers->setHorizontalHeaderLabels(
        {tr("Name"), tr("Price"), tr("Sections"), tr("Standing places")});
    m_tiers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tiers->horizontalHeader()->setStretchLastSection(true);
    m_tiers->setTabKeyNavigation(false);
    right->addWidget(m_tiers, 2);
    auto* tierButtons = new QHBoxLayout;
    auto button = [&](QHBoxLayout* row, const QString& text, const QString& name) {
        auto* b = new QPushButton(text);
        b->setAccessibleName(name);
        row->addWidget(b);
        return b;
    };
    auto* addTierButton = button(tierButtons, tr("&Add a tier"), tr("Add a tier"));
    auto* removeTier = button(tierButtons, tr("&Remove the tier"), tr("Remove the tier"));
    tierButtons->addStretch();
    right->addLayout(tierButtons);
    auto* quick = new QHBoxLayout;
    m_newPrice = new QLineEdit(QStringLiteral("0.00"));
    m_newPrice->setAccessibleName(tr("Price of new tiers"));
    m_newPrice->setMaximumWidth(100);
    auto* priceLabel = new QLabel(tr("New tiers at pri&ce:"));
    priceLabel->setBuddy(m_newPrice);
    quick->addWidget(priceLabel);
    quick->addWidget(m_newPrice);
    auto* perSection = button(quick, tr("One tier &per section"), tr("One tier per section"));
    auto* allSeats = button(quick, tr("&One tier for all seats"), tr("One tier for all seats"));
    quick->addStretch();
    right->addLayout(quick);
    connect(addTierButton, &QPushButton::clicked, this, [this] {
        addTier(tr("Tier %1").arg(m_tiers->rowCount() + 1), QStringLiteral("0.00"), {}, 0);
        m_tiers->setCurrentCell(m_tiers->rowCount() - 1, TierName);
        m_tiers->setFocus();
    });
    connect(removeTier, &QPushButton::clicked, this, [this] {
        if (m_tiers->currentRow() >= 0)
            m_tiers->removeRow(m_tiers->currentRow());
    });
    connect(perSection, &QPushButton::clicked, this,
            [this] { tierPerSection(m_newPrice->text().trimmed()); });
    connect(allSeats, &QPushButton::clicked, this,
            [this] { tierForAllSeats(m_newPrice->text().trimmed()); });

    right->addWidget(new QLabel(tr("<b>Refunds</b>: a cancellation more than the hours "
                                   "before the start gets the percentage back (the rule with "
                                   "the most hours that applies).")));
    m_rules = new QTableWidget(0, 2);
    m_rules->setAccessibleName(tr("Refund rules"));
    m_rules->setHorizontalHeaderLabels({tr("Hours before the start"), tr("Refund %")});
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->horizontalHeader()->setStretchLastSection(true);
    m_rules->setTabKeyNavigation(false);
    right->addWidget(m_rules, 1);
    auto* ruleButtons = new QHBoxLayout;
    auto* addRuleButton = button(ruleButtons, tr("Add a r&ule"), tr("Add a rule"));
    auto* removeRule = button(ruleButtons, tr("Remove the ru&le"), tr("Remove the rule"));
    auto* standard = button(ruleButtons, tr("S&tandard policy"), tr("Standard policy"));
    ruleButtons->addStretch();
    right->addLayout(ruleButtons);
    connect(addRuleButton, &QPushButton::clicked, this, [this] { addRule(0, 0); });
    connect(removeRule, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() >= 0)
            m_rules->removeRow(m_rules->currentRow());
    });
    connect(standard, &QPushButton::clicked, this, [this] {
        m_rules->setRowCount(0);
        for (const auto& r : domain::RefundPolicy::standard().rules)
            addRule(static_cast<int>(r.before.count()), r.percent);
    });

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Event problems"));
    m_problems->setStyleSheet(QStringLiteral("color: #a4001d"));
    outer->addWidget(m_problems);
    auto* actions = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save the event"));
    m_save->setAccessibleName(tr("Save the event"));
    m_save->setToolTip(tr("Save the event (Ctrl+Return)"));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    auto* back = new QPushButton(tr("Bac&k to the events"));
    back->setAccessibleName(tr("Back to the events"));
    actions->addWidget(m_save);
    actions->addWidget(back);
    actions->addStretch();
    outer->addLayout(actions);
    connect(m_save, &QPushButton::clicked, this, &EventEditor::saveRequested);
    connect(back, &QPushButton::clicked, this, &EventEditor::cancelled);
    connect(m_venue, &QComboBox::currentIndexChanged, this, &EventEditor::venueChanged);
}

void EventEditor::setVenues(std::vector<domain::Venue> venues)
{
    m_venues = std::move(venues);
    const QSignalBlocker quiet(m_venue);
    m_venue->clear();
    for (const auto& v : m_venues)
        m_venue->addItem(tr("%1, %2", "a venue: its name, its city")
                             .arg(QString::fromStdString(v.details.name),
                                  QString::fromStdString(v.details.city)),
                         QString::fromStdString(v.id.toString()));
    venueChanged();
}

const domain::Venue* EventEditor::chosenVenue() const
{
    const int i = m_venue->currentIndex();
    return i >= 0 && i < static_cast<int>(m_venues.size()) ? &m_venues[static_cast<std::size_t>(i)]
                                                           : nullptr;
}

QTimeZone EventEditor::zone() const
{
    const auto* v = chosenVenue();
    const QTimeZone z(v ? QByteArray::fromStdString(v->details.timezone) : QByteArray());
    return z.isValid() ? z : QTimeZone::utc();
}

void EventEditor::venueChanged()
{
    m_zone->setText(tr("Times are the venue's (%1).").arg(QString::fromUtf8(zone().id())));
}

void EventEditor::edit(const std::optional<domain::Event>& event)
{
    m_event = event;
    m_problems->clear();
    m_tiers->setRowCount(0);
    m_rules->setRowCount(0);
    m_heading->setText(event ? tr("<h2>Edit: %1</h2>").arg(QString::fromStdString(event->title))
                             : tr("<h2>New event</h2>"));
    if (event) {
        for (std::size_t i = 0; i < m_venues.size(); ++i)
            if (m_venues[i].id == event->venue)
                m_venue->setCurrentIndex(static_cast<int>(i));
    }
    // A published event keeps its venue, times, currency and tiers: only its words change.
    const bool fixed = event && event->status != domain::EventStatus::Draft;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_venue, m_start, m_end, m_currency, m_tiers, m_rules,
                                         m_saleFromPublication, m_saleUntilStart})
        w->setEnabled(!fixed);
    const auto z = zone();
    if (!event) {
        m_title->clear();
        m_description->clear();
        const auto start = QDateTime::currentDateTimeUtc().addDays(30);
        showIn(m_start, timePointOf(QDateTime(start.date(), QTime(19, 30), z)), z);
        showIn(m_end, timePointOf(QDateTime(start.date(), QTime(22, 30), z)), z);
        showIn(m_saleStart, timePointOf(QDateTime::currentDateTimeUtc()), z);
        showIn(m_saleEnd, timePointOf(QDateTime(start.date(), QTime(19, 0), z)), z);
        m_saleFromPublication->setChecked(true);
        m_saleUntilStart->setChecked(true);
        for (const auto& r : domain::RefundPolicy::standard().rules)
            addRule(static_cast<int>(r.before.count()), r.percent);
        return;
    }
    m_title->setText(QString::fromStdString(event->title));
    m_description->setPlainText(QString::fromStdString(event->description));
    m_genre->setCurrentText(QString::fromStdString(event->genre));
    showIn(m_start, event->start, z);
    showIn(m_end, event->end, z);
    m_saleFromPublication->setChecked(!event->saleStart);
    if (event->saleStart)
        showIn(m_saleStart, *event->saleStart, z);
    m_saleUntilStart->setChecked(!event->saleEnd);
    if (event->saleEnd)
        showIn(m_saleEnd, *event->saleEnd, z);
    m_currency->setCurrentText(QString::fromStdString(event->currency));
    for (const auto& t : event->tiers)
        addTier(QString::fromStdString(t.name),
                QString::fromStdString(domain::formatMoney(t.priceMinor, t.currency)),
                QString::fromStdString([&] {
                    std::string keys;
                    for (const auto& k : t.sectionKeys)
                        keys += (keys.empty() ? "" : ", ") + k;
                    return keys;
                }()),
                t.kind == domain::SectionKind::Standing ? t.quantity : 0);
    for (const auto& r : event->refundPolicy.rules)
        addRule(static_cast<int>(r.before.count()), r.percent);
}

void EventEditor::addTier(const QString& name, const QString& price, const QString& sections,
                          int quantity)
{
    const int row = m_tiers->rowCount();
    m_tiers->insertRow(row);
    m_tiers->setItem(row, TierName, cell(name));
    m_tiers->setItem(row, TierPrice, cell(price));
    m_tiers->setItem(row, TierSections, cell(sections));
    m_tiers->setItem(row, TierPlaces, cell(quantity > 0 ? QString::number(quantity) : QString()));
}

void EventEditor::addRule(int hours, int percent)
{
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    m_rules->setItem(row, 0, cell(QString::number(hours)));
    m_rules->setItem(row, 1, cell(QString::number(percent)));
}

void EventEditor::tierPerSection(const QString& price)
{
    const auto* v = chosenVenue();
    if (!v)
        return;
    m_tiers->setRowCount(0);
    for (const auto& s : v->details.seatMap.sections)
        addTier(QString::fromStdString(s.name), price, QString::fromStdString(s.key),
                s.kind == domain::SectionKind::Standing ? s.capacity : 0);
}

void EventEditor::tierForAllSeats(const QString& price)
{
    const auto* v = chosenVenue();
    if (!v)
        return;
    m_tiers->setRowCount(0);
    QStringList seated;
    for (const auto& s : v->details.seatMap.sections)
        if (s.kind == domain::SectionKind::Seated)
            seated << QString::fromStdString(s.key);
    if (!seated.isEmpty())
        addTier(tr("Seats"), price, seated.join(QStringLiteral(", ")), 0);
    for (const auto& s : v->details.seatMap.sections)
        if (s.kind == domain::SectionKind::Standing)
            addTier(QString::fromStdString(s.name), price, QString::fromStdString(s.key),
                    s.capacity);
}

std::variant<domain::EventInput, QStringList> EventEditor::input() const
{
    QStringList problems;
    const auto* v = chosenVenue();
    if (!v)
        return QStringList{tr("Choose a venue (save one in the designer first).")};
    const auto z = zone();
    // The wire form, checked by the same rules the server applies (domain::parseEvent).
    boost::json::object body{{"venue_id", v->id.toString()},
                             {"title", m_title->text().trimmed().toStdString()},
                             {"description", m_description->toPlainText().trimmed().toStdString()},
                             {"genre", m_genre->currentText().trimmed().toStdString()},
                             {"start_time", domain::formatTimestamp(readIn(m_start, z))},
                             {"end_time", domain::formatTimestamp(readIn(m_end, z))},
                             {"currency", m_currency->currentText().toStdString()}};
    if (!m_saleFromPublication->isChecked())
        body["sale_start"] = domain::formatTimestamp(readIn(m_saleStart, z));
    if (!m_saleUntilStart->isChecked())
        body["sale_end"] = domain::formatTimestamp(readIn(m_saleEnd, z));
    boost::json::array tiers;
    for (int row = 0; row < m_tiers->rowCount(); ++row) {
        auto text = [&](int column) {
            const auto* item = m_tiers->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        boost::json::object tier{{"name", text(TierName).toStdString()},
                                 {"price", text(TierPrice).toStdString()}};
        const auto keys =
            text(TierSections)
                .split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
        const auto* section =
            keys.size() == 1 ? v->details.seatMap.findSection(keys.front().toStdString()) : nullptr;
        if (section && section->kind == domain::SectionKind::Standing) {
            tier["section_key"] = keys.front().toStdString();
            bool ok = false;
            const int places = text(TierPlaces).toInt(&ok);
            tier["quantity"] = ok ? places : 0;
        } else {
            boost::json::array sectionKeys;
            for (const auto& k : keys)
                sectionKeys.emplace_back(k.toStdString());
            tier["section_keys"] = std::move(sectionKeys);
        }
        tiers.push_back(std::move(tier));
    }
    body["tiers"] = std::move(tiers);
    boost::json::array rules;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        bool hoursOk = false, percentOk = false;
        const int hours = m_rules->item(row, 0) ? m_rules->item(row, 0)->text().toInt(&hoursOk) : 0;
        const int percent =
            m_rules->item(row, 1) ? m_rules->item(row, 1)->text().toInt(&percentOk) : 0;
        if (!hoursOk || !percentOk)
            problems << tr("Refund rule %1: hours and percentage are whole numbers.").arg(row + 1);
        rules.push_back({{"hours_before_start", hours}, {"refund_percent", percent}});
    }
    body["refund_policy"] = boost::json::object{{"rules", std::move(rules)}};

    const auto parsed = domain::parseEvent(body);
    if (!parsed.ok()) {
        for (const auto& e : parsed.error())
            problems << tr("%1: %2", "a problem: its field, what is wrong")
                            .arg(QString::fromStdString(e.field),
                                 QString::fromStdString(e.message));
        return problems;
    }
    std::vector<domain::SectionSummary> sections;
    for (const auto& s : v->details.seatMap.sections)
        sections.push_back({s.key, s.kind, s.placeCount()});
    for (const auto& e : domain::checkTiers(parsed.value(), sections))
        problems << tr("%1: %2", "a problem: its field, what is wrong")
                        .arg(QString::fromStdString(e.field), QString::fromStdString(e.message));
    if (!problems.isEmpty())
        return problems;
    return parsed.value();
}

void EventEditor::showProblems(const QStringList& problems)
{
    const auto text = problems.join(QLatin1Char('\n'));
    m_problems->setText(text);
    m_problems->setAccessibleDescription(text);
}

} // namespace ticketing::organizer
