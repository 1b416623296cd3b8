#include "widgets/SignInForm.h"

#include "widgets/Widgets.h"

#include <QFormLayout>
#include <QVBoxLayout>

namespace ticketing::widgets {

SignInForm::SignInForm(const QString& heading, const QString& messageName, QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout;
    form->addRow(new QLabel(QStringLiteral("<h2>%1</h2>").arg(heading.toHtmlEscaped())));
    m_server = field(form, tr("&Server:"), tr("Server address"));
    m_email = field(form, tr("&E-mail:"), tr("E-mail"));
    m_password = field(form, tr("&Password:"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn = new QPushButton(tr("Sign &in"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_signIn->setToolTip(tr("Sign in (Enter)"));
    enterPresses(m_signIn);
    form->addRow(m_signIn);
    m_message = messageLabel(messageName);
    form->addRow(m_message);
    connect(m_signIn, &QPushButton::clicked, this, &SignInForm::submit);
    for (auto* edit : {m_server, m_email, m_password})
        connect(edit, &QLineEdit::returnPressed, this, &SignInForm::submit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(centred(form));
}

QUrl SignInForm::server() const
{
    return QUrl::fromUserInput(m_server->text().trimmed());
}

void SignInForm::focusFirstEmpty()
{
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

void SignInForm::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
}

void SignInForm::tell(const QString& text)
{
    say(m_message, text);
}

void SignInForm::submit()
{
    if (!server().isValid() || email().isEmpty() || password().isEmpty())
        return tell(tr("Enter the server, your e-mail and your password."));
    Q_EMIT submitted();
}

} // namespace ticketing::widgets
