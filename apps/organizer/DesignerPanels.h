#pragma once

#include "apps/organizer/Document.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QWidget>

namespace ticketing::organizer {

// Edits what is selected (DESIGN.md "The apps"): the section's key and name (or a standing
// area's places), the row's label, the seat's number, whether the seats are accessible. A field
// shows only when the selection has one such thing; the keys typed into one field are one undo
// step.
class PropertiesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PropertiesPanel(Document& document, QWidget* parent = nullptr);

    QLineEdit* sectionKey() const { return m_key; }
    QLineEdit* sectionName() const { return m_name; }
    QLineEdit* rowLabel() const { return m_row; }
    QSpinBox* seatNumber() const { return m_number; }
    QSpinBox* capacity() const { return m_capacity; }
    QCheckBox* accessible() const { return m_accessible; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    std::optional<int> oneSection() const;
    std::optional<std::pair<int, int>> oneRow() const;

    Document& m_document;
    QLabel* m_summary;
    QLineEdit* m_key;
    QLineEdit* m_name;
    QSpinBox* m_capacity;
    QLineEdit* m_row;
    QSpinBox* m_number;
    QCheckBox* m_accessible;
    int m_mergeKey = 0; // renewed when a field takes the focus
    bool m_refreshing = false;
};

// The problems validation finds, each with its path; choosing one selects what it is about.
class ProblemsPanel : public QListWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(Document& document, QWidget* parent = nullptr);

Q_SIGNALS:
    // A problem was chosen and its item selected: the view may show it.
    void shown();

private:
    void refresh();
    Document& m_document;
};

} // namespace ticketing::organizer
