#pragma once

#include "domain/Event.h"
#include "domain/Venue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QWidget>
#include <optional>
#include <vector>

namespace ticketing::organizer {

// An event's form (issue 15): the venue, title, description, genre, times and sale window in
// the venue's time zone, the currency, the tiers by section with their prices, and the refund
// policy as a table of rules. input() checks everything with common/domain's rules (the
// server's own) and says what is wrong, field by field, before anything is sent.
class EventEditor : public QWidget
{
    Q_OBJECT

public:
    explicit EventEditor(QWidget* parent = nullptr);

    // The venues to choose from; an event to edit, or none for a new one.
    void setVenues(std::vector<domain::Venue> venues);
    void edit(const std::optional<domain::Event>& event);
    const std::optional<domain::Event>& event() const { return m_event; }

    // The event as typed, checked; or the problems, each a sentence naming its field.
    std::variant<domain::EventInput, QStringList> input() const;
    void showProblems(const QStringList& problems);

    // One tier per section of the chosen venue (seated: its seats; standing: its places), at
    // `price`; replaces the tiers in the table.
    void tierPerSection(const QString& price);
    // One tier for every seat of the venue, and one per standing section.
    void tierForAllSeats(const QString& price);
    QTableWidget* tiers() const { return m_tiers; }
    QTableWidget* rules() const { return m_rules; }
    QComboBox* venue() const { return m_venue; }

Q_SIGNALS:
    void saveRequested();
    void cancelled();

private:
    void addTier(const QString& name, const QString& price, const QString& sections, int quantity);
    void addRule(int hours, int percent);
    const domain::Venue* chosenVenue() const;
    QTimeZone zone() const;
    void venueChanged();

    std::vector<domain::Venue> m_venues;
    std::optional<domain::Event> m_event;
    QLabel* m_heading;
    QComboBox* m_venue;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QComboBox* m_genre;
    QDateTimeEdit* m_start;
    QDateTimeEdit* m_end;
    QCheckBox* m_saleFromPublication;
    QDateTimeEdit* m_saleStart;
    QCheckBox* m_saleUntilStart;
    QDateTimeEdit* m_saleEnd;
    QLabel* m_zone;
    QComboBox* m_currency;
    QTableWidget* m_tiers;
    QLineEdit* m_newPrice;
    QTableWidget* m_rules;
    QLabel* m_problems;
    QPushButton* m_save;
};

} // namespace ticketing::organizer
