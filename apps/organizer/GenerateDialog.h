#pragma once

#include "apps/organizer/MapEdit.h"

#include <QDialog>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>

namespace ticketing::organizer {

// A large venue in one dialog (issue 15): blocks in a ring around the pitch, rows, the ring's
// size, spacing and gaps, an optional standing floor; the number of seats shows as the values
// change.
class GenerateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GenerateDialog(QWidget* parent = nullptr);
    edit::RingSpec spec() const;
    QSpinBox* sections() const { return m_sections; }
    QLabel* total() const { return m_total; }

private:
    void recount();
    QSpinBox* m_sections;
    QSpinBox* m_rows;
    QDoubleSpinBox* m_radius;
    QDoubleSpinBox* m_seatSpacing;
    QDoubleSpinBox* m_rowSpacing;
    QDoubleSpinBox* m_gap;
    QSpinBox* m_floor;
    QLabel* m_total;
};

} // namespace ticketing::organizer
