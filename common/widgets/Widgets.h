#pragma once

#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <functional>

namespace ticketing::widgets {

// Small pieces every screen of the Widgets apps builds with.

// Enter presses a focused button as Space does: outside a dialog Qt's buttons take only Space,
// and people at a counter or a desk reach for Enter.
void enterPresses(QPushButton* button);

// A label that says how things went, named for screen readers (and the tests), its text
// selectable to copy.
QLabel* messageLabel(const QString& accessibleName);

// Shows `text` and gives it to screen readers: a label with an accessible name reads its
// description, not its text.
void say(QLabel* where, const QString& text);

// A labelled line edit whose label names it for screen readers too.
QLineEdit* field(QFormLayout* form, const QString& label, const QString& accessibleName);

// An action's or a button's tooltip that says its shortcut: "Save the venue (Ctrl+S)", the
// mnemonic's & left out; just the text when there is no shortcut.
QString withShortcut(const QString& text, const QKeySequence& key);

// Asks a yes-or-no question over `parent` (Cancel the default) and runs `then` on Yes. The box
// is opened, not exec()'d: no nested event loop (a screen reader's action that opened it gets
// its answer at once).
void ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
         std::function<void()> then);

// A page with `inner` in the middle, at most `maxWidth` wide.
QWidget* centred(QLayout* inner, int maxWidth = 520);

} // namespace ticketing::widgets
