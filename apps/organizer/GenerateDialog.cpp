#include "apps/organizer/GenerateDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLocale>
#include <QPushButton>

namespace ticketing::organizer {

GenerateDialog::GenerateDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Generate a stadium"));
    const edit::RingSpec defaults;
    auto* form = new QFormLayout(this);
    form->addRow(new QLabel(tr("Blocks of seats in a ring around the pitch. The map it makes "
                               "replaces the one in the designer (Undo brings it back).")));
    auto whole = [&](const QString& label, const QString& name, int low, int high, int value) {
        auto* box = new QSpinBox;
        box->setRange(low, high);
        box->setValue(value);
        box->setAccessibleName(name);
        box->setGroupSeparatorShown(true);
        form->addRow(label, box);
        connect(box, &QSpinBox::valueChanged, this, &GenerateDialog::recount);
        return box;
    };
    auto real = [&](const QString& label, const QString& name, double low, double high,
                    double value) {
        auto* box = new QDoubleSpinBox;
        box->setRange(low, high);
        box->setDecimals(1);
        box->setValue(value);
        box->setAccessibleName(name);
        form->addRow(label, box);
        connect(box, &QDoubleSpinBox::valueChanged, this, &GenerateDialog::recount);
        return box;
    };
    m_sections = whole(tr("&Blocks:"), tr("Blocks"), 1, 400, defaults.sections);
    m_rows = whole(tr("&Rows per block:"), tr("Rows per block"), 1, 200, defaults.rows);
    m_radius = real(tr("&Inner radius:"), tr("Inner radius"), 50, 100000, defaults.innerRadius);
    m_seatSpacing = real(tr("&Seat spacing:"), tr("Seat spacing"), 1, 1000, defaults.seatSpacing);
    m_rowSpacing = real(tr("R&ow spacing:"), tr("Row spacing"), 1, 1000, defaults.rowSpacing);
    m_gap = real(tr("&Gap between blocks (degrees):"), tr("Gap between blocks"), 0, 30,
                 defaults.gapDegrees);
    m_floor = whole(tr("Standing &floor (places, 0 for none):"), tr("Standing floor"), 0,
                    domain::SeatMapLimits::maxStandingCapacity, 0);
    m_total = new QLabel;
    m_total->setAccessibleName(tr("Places"));
    form->addRow(m_total);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Generate"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Generate"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    recount();
}

edit::RingSpec GenerateDialog::spec() const
{
    edit::RingSpec s;
    s.sections = m_sections->value();
    s.rows = m_rows->value();
    s.innerRadius = m_radius->value();
    s.seatSpacing = m_seatSpacing->value();
    s.rowSpacing = m_rowSpacing->value();
    s.gapDegrees = m_gap->value();
    s.standingCapacity = m_floor->value();
    return s;
}

void GenerateDialog::recount()
{
    const auto map = edit::ringVenue(spec());
    int seats = 0;
    for (const auto& section : map.sections)
        if (section.kind == domain::SectionKind::Seated)
            seats += section.placeCount();
    const auto problems = domain::validateSeatMap(map);
    QString text = tr("%1 seats, %2 places in all")
                       .arg(QLocale().toString(seats), QLocale().toString(map.totalCapacity()));
    if (!problems.empty())
        text += QLatin1Char('\n') +
                tr("Too large: %1").arg(QString::fromStdString(problems.front().message));
    m_total->setText(text);
    m_total->setAccessibleDescription(text);
}

} // namespace ticketing::organizer
