#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QWidget>

namespace ticketing::widgets {

// The sign-in page of the Widgets apps: the server, the e-mail, the password, a Sign in button
// (Enter in any field does it too) and a message for how it went. It checks that every field is
// filled and then says `submitted`; signing in is the app's (its own role to check).
class SignInForm : public QWidget
{
    Q_OBJECT

public:
    // `heading`: the page's title; `messageName`: the message's accessible name.
    SignInForm(const QString& heading, const QString& messageName, QWidget* parent = nullptr);

    void setServer(const QString& server) { m_server->setText(server); }
    void setEmail(const QString& email) { m_email->setText(email); }
    void setPassword(const QString& password) { m_password->setText(password); }
    QUrl server() const;
    QString email() const { return m_email->text().trimmed(); }
    QString password() const { return m_password->text(); }
    void clearPassword() { m_password->clear(); }
    // The e-mail when it is empty, else the password.
    void focusFirstEmpty();
    QPushButton* button() const { return m_signIn; }

    // While a sign-in is under way the button waits.
    void setBusy(bool busy);
    void tell(const QString& text);

Q_SIGNALS:
    void submitted();

private:
    void submit();

    QLineEdit* m_server;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QPushButton* m_signIn;
    QLabel* m_message;
};

} // namespace ticketing::widgets
