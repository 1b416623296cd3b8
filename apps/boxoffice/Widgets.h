#pragma once

#include <QLabel>
#include <QPushButton>
#include <QShortcut>

namespace ticketing::boxoffice {

// Small pieces every screen of the box office builds with.

// Enter presses a focused button as Space does: outside a dialog Qt's buttons take only Space,
// and an agent at the counter reaches for Enter.
inline void enterPresses(QPushButton* button)
{
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto* shortcut =
            new QShortcut(QKeySequence(key), button, nullptr, nullptr, Qt::WidgetShortcut);
        QObject::connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
    }
}

// A label that says how things went, named for screen readers (and the tests), its text
// selectable to copy.
inline QLabel* messageLabel(const QString& accessibleName)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    return label;
}

// Shows `text` and gives it to screen readers: a label with an accessible name reads its
// description, not its text.
inline void say(QLabel* where, const QString& text)
{
    where->setText(text);
    where->setAccessibleDescription(text);
}

} // namespace ticketing::boxoffice
