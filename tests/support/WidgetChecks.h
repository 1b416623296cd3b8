#pragma once

// What every Widgets app's test checks of its windows: every control named for screen readers
// and reachable by Tab, and the shortcuts its menus carry. Header-only: the tests that use it
// link Qt Widgets through their app's library.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QGraphicsView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QtTest>
#include <functional>

namespace ticketing::test {

// Every control under `root` (buttons, edits, combo boxes, spin boxes, views) has an accessible
// name and a Tab stop; the parts Qt builds inside a control, and a tool bar's buttons (its
// actions, named by their text), are the control's. The number of controls checked.
inline int checkControlsNamedAndTabbable(QWidget& root)
{
    int checked = 0;
    for (auto* widget : root.findChildren<QWidget*>()) {
        const bool control =
            qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
            qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
            qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QGraphicsView*>(widget);
        if (!control)
            continue;
        bool part = false;
        for (auto* p = widget->parentWidget(); p && p != &root; p = p->parentWidget())
            part = part || qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p) ||
                   qobject_cast<QAbstractItemView*>(p) || qobject_cast<QLineEdit*>(p);
        if (part || widget->objectName().startsWith(QStringLiteral("qt_")) ||
            qobject_cast<QToolBar*>(widget->parentWidget()))
            continue;
        ++checked;
        if (widget->accessibleName().isEmpty()) {
            QTest::qFail(
                qPrintable(QStringLiteral("%1 without an accessible name")
                               .arg(QString::fromLatin1(widget->metaObject()->className()))),
                __FILE__, __LINE__);
            return checked;
        }
        if (!(widget->focusPolicy() & Qt::TabFocus)) {
            QTest::qFail(
                qPrintable(widget->accessibleName() + QStringLiteral(" cannot be tabbed to")),
                __FILE__, __LINE__);
            return checked;
        }
    }
    return checked;
}

// The shortcuts of every action in the menu bar's menus (submenus too), as text ("Ctrl+N");
// fails on an action without text.
inline QStringList menuShortcuts(QMenuBar* bar)
{
    QStringList shortcuts;
    std::function<void(const QList<QAction*>&)> visit = [&](const QList<QAction*>& actions) {
        for (auto* action : actions) {
            if (action->isSeparator())
                continue;
            if (action->text().isEmpty())
                QTest::qFail("a menu entry without text", __FILE__, __LINE__);
            if (action->menu())
                visit(action->menu()->actions());
            else if (!action->shortcut().isEmpty())
                shortcuts << action->shortcut().toString();
        }
    };
    visit(bar->actions());
    return shortcuts;
}

} // namespace ticketing::test
