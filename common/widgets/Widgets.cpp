#include "widgets/Widgets.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QShortcut>
#include <QVBoxLayout>

namespace ticketing::widgets {

void enterPresses(QPushButton* button)
{
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto* shortcut =
            new QShortcut(QKeySequence(key), button, nullptr, nullptr, Qt::WidgetShortcut);
        QObject::connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
    }
}

void ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
         std::function<void()> then)
{
    auto* box = new QMessageBox(icon, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [then = std::move(then)](int result) {
        if (result == QMessageBox::Yes)
            then();
    });
    box->open();
}

QLabel* messageLabel(const QString& accessibleName)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    return label;
}

void say(QLabel* where, const QString& text)
{
    where->setText(text);
    where->setAccessibleDescription(text);
}

QLineEdit* field(QFormLayout* form, const QString& label, const QString& accessibleName)
{
    auto* edit = new QLineEdit;
    edit->setAccessibleName(accessibleName);
    form->addRow(label, edit);
    return edit;
}

QString withShortcut(const QString& text, const QKeySequence& key)
{
    const auto plain = QString(text).remove(QLatin1Char('&'));
    if (key.isEmpty())
        return plain;
    return QCoreApplication::translate("Widgets", "%1 (%2)")
        .arg(plain, key.toString(QKeySequence::NativeText));
}

QWidget* centred(QLayout* inner, int maxWidth)
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* box = new QWidget;
    box->setLayout(inner);
    box->setMaximumWidth(maxWidth);
    outer->addStretch();
    auto* row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(box);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch();
    return page;
}

} // namespace ticketing::widgets
