#include "apps/organizer/DesignerPanels.h"

#include "apps/organizer/Actions.h"

#include <QEvent>
#include <QFormLayout>
#include <set>

namespace ticketing::organizer {

PropertiesPanel::PropertiesPanel(Document& document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    auto* form = new QFormLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Selection"));
    form->addRow(m_summary);
    auto line = [&](const QString& label, const QString& name) {
        auto* edit = new QLineEdit;
        edit->setAccessibleName(name);
        edit->installEventFilter(this);
        form->addRow(label, edit);
        return edit;
    };
    m_key = line(tr("Section &key:"), tr("Section key"));
    m_key->setToolTip(tr("Letters A-Z, digits and _; the first part of every seat's label"));
    m_name = line(tr("Section &name:"), tr("Section name"));
    m_capacity = new QSpinBox;
    m_capacity->setRange(1, domain::SeatMapLimits::maxStandingCapacity);
    m_capacity->setAccessibleName(tr("Places"));
    m_capacity->installEventFilter(this);
    form->addRow(tr("&Places:"), m_capacity);
    m_row = line(tr("&Row label:"), tr("Row label"));
    m_number = new QSpinBox;
    m_number->setRange(1, 100000);
    m_number->setAccessibleName(tr("Seat number"));
    m_number->installEventFilter(this);
    form->addRow(tr("Seat n&umber:"), m_number);
    m_accessible = new QCheckBox(tr("Acc&essible (wheelchair space)"));
    m_accessible->setAccessibleName(tr("Accessible"));
    form->addRow(m_accessible);

    connect(m_key, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const auto s = oneSection())
            actions::setSectionKey(m_document, *s, text.trimmed().toStdString(), m_mergeKey);
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const auto s = oneSection())
            actions::setSectionName(m_document, *s, text.toStdString(), m_mergeKey);
    });
    connect(m_capacity, &QSpinBox::valueChanged, this, [this](int value) {
        if (const auto s = oneSection(); s && !m_refreshing)
            actions::setCapacity(m_document, *s, value, m_mergeKey);
    });
    connect(m_row, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const auto r = oneRow())
            actions::setRowLabel(m_document, r->first, r->second, text.trimmed().toStdString(),
                                 m_mergeKey);
    });
    connect(m_number, &QSpinBox::valueChanged, this, [this](int value) {
        const auto& seats = m_document.selection().seats;
        if (!m_refreshing && seats.size() == 1 && m_document.selection().sections.empty())
            actions::setSeatNumber(m_document, *seats.begin(), value, m_mergeKey);
    });
    connect(m_accessible, &QCheckBox::clicked, this,
            [this](bool on) { actions::setAccessible(m_document, on); });
    for (auto* edit : {m_key, m_name, m_row})
        connect(edit, &QLineEdit::editingFinished, &m_document, &Document::closeMerges);
    connect(&m_document, &Document::selectionChanged, this, &PropertiesPanel::refresh);
    connect(&m_document, &Document::changed, this, &PropertiesPanel::refresh);
    m_mergeKey = m_document.newMergeKey();
    refresh();
}

bool PropertiesPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn) // a new field, a new undo step
        m_mergeKey = m_document.newMergeKey();
    return QWidget::eventFilter(watched, event);
}

std::optional<int> PropertiesPanel::oneSection() const
{
    const auto& sel = m_document.selection();
    std::set<int> sections(sel.sections.begin(), sel.sections.end());
    for (const auto& r : sel.seats)
        sections.insert(r.section);
    if (sections.size() != 1)
        return std::nullopt;
    return *sections.begin();
}

std::optional<std::pair<int, int>> PropertiesPanel::oneRow() const
{
    const auto& sel = m_document.selection();
    if (!sel.sections.empty() || sel.seats.empty())
        return std::nullopt;
    const auto first = *sel.seats.begin();
    for (const auto& r : sel.seats)
        if (r.section != first.section || r.row != first.row)
            return std::nullopt;
    return std::pair(first.section, first.row);
}

namespace {
void setText(QLineEdit* edit, const QString& text)
{
    if (edit->text() != text) // not while typing in it: the cursor stays
        edit->setText(text);
}
} // namespace

void PropertiesPanel::refresh()
{
    m_refreshing = true;
    const auto& map = m_document.map();
    const auto& sel = m_document.selection();
    const auto seats = edit::seatsOf(map, sel);
    const auto section = oneSection();
    const auto row = oneRow();
    QStringList parts;
    if (sel.empty())
        parts << tr("Nothing selected. Click a seat or a section, or drag around seats.");
    if (!seats.empty())
        parts << tr("%n seat(s)", nullptr, static_cast<int>(seats.size()));
    if (!sel.sections.empty())
        parts << tr("%n section(s)", nullptr, static_cast<int>(sel.sections.size()));
    if (sel.stage)
        parts << tr("the stage");
    m_summary->setText(parts.join(QStringLiteral(", ")));
    m_summary->setAccessibleDescription(m_summary->text());

    const domain::Section* s =
        section ? &map.sections[static_cast<std::size_t>(*section)] : nullptr;
    m_key->setEnabled(s != nullptr);
    m_name->setEnabled(s != nullptr);
    setText(m_key, s ? QString::fromStdString(s->key) : QString());
    setText(m_name, s ? QString::fromStdString(s->name) : QString());
    const bool standing = s && s->kind == domain::SectionKind::Standing;
    m_capacity->setEnabled(standing);
    if (standing && m_capacity->value() != s->capacity)
        m_capacity->setValue(s->capacity);
    m_row->setEnabled(row.has_value());
    setText(m_row, row ? QString::fromStdString(map.sections[static_cast<std::size_t>(row->first)]
                                                    .rows[static_cast<std::size_t>(row->second)]
                                                    .label)
                       : QString());
    const bool oneSeat = sel.sections.empty() && sel.seats.size() == 1;
    m_number->setEnabled(oneSeat);
    if (oneSeat && m_number->value() != edit::seatAt(map, *sel.seats.begin()).number)
        m_number->setValue(edit::seatAt(map, *sel.seats.begin()).number);
    m_accessible->setEnabled(!seats.empty());
    int accessible = 0;
    for (const auto& r : seats)
        accessible += edit::seatAt(map, r).accessible ? 1 : 0;
    m_accessible->setTristate(accessible > 0 && accessible < static_cast<int>(seats.size()));
    m_accessible->setCheckState(accessible == 0 ? Qt::Unchecked
                                : accessible == static_cast<int>(seats.size())
                                    ? Qt::Checked
                                    : Qt::PartiallyChecked);
    m_refreshing = false;
}

ProblemsPanel::ProblemsPanel(Document& document, QWidget* parent)
    : QListWidget(parent), m_document(document)
{
    setAccessibleName(tr("Problems"));
    setWordWrap(true);
    connect(&m_document, &Document::problemsChanged, this, &ProblemsPanel::refresh);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_document.setSelection(edit::selectionOfPath(
            m_document.map(), item->data(Qt::UserRole).toString().toStdString()));
        Q_EMIT shown();
    });
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item)
            return;
        m_document.setSelection(edit::selectionOfPath(
            m_document.map(), item->data(Qt::UserRole).toString().toStdString()));
        Q_EMIT shown();
    });
    refresh();
}

void ProblemsPanel::refresh()
{
    const QSignalBlocker quiet(this);
    clear();
    const auto& problems = m_document.problems();
    for (const auto& p : problems) {
        auto* item = new QListWidgetItem(
            tr("%1: %2", "a problem: its path, what is wrong")
                .arg(QString::fromStdString(p.field), QString::fromStdString(p.message)));
        item->setData(Qt::UserRole, QString::fromStdString(p.field));
        addItem(item);
    }
    if (problems.empty())
        addItem(tr("No problems: the venue can be saved."));
    setAccessibleDescription(problems.empty()
                                 ? tr("No problems")
                                 : tr("%n problem(s)", nullptr, static_cast<int>(problems.size())));
}

} // namespace ticketing::organizer
