#pragma once

#include <QPushButton>
#include <QShortcut>

namespace ticketing::boxoffice {

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

} // namespace ticketing::boxoffice
