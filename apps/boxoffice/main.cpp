// The box office app (issue 14): `boxoffice [--server URL] [--email E]`.
#include "apps/boxoffice/BoxOfficeWindow.h"
#include "client/Language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("boxoffice"));
    QApplication::setOrganizationName(QStringLiteral("ticketing"));
    QApplication::setDesktopFileName(QStringLiteral("ticketing-boxoffice"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/boxoffice.png")));
    // The settings' language, else the system's (English when there is no catalogue for it).
    ticketing::client::installTranslations(app);
    QCommandLineParser args;
    args.setApplicationDescription(
        QApplication::translate("main", "The box office of the ticketing suite"));
    args.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QApplication::translate("main", "ticketd's address"),
                                    QStringLiteral("url"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   QApplication::translate("main", "the agent's e-mail"),
                                   QStringLiteral("email"));
    args.addOption(server);
    args.addOption(email);
    args.process(app);
    ticketing::boxoffice::BoxOfficeWindow window(QUrl(args.value(server)), args.value(email));
    // scripts/start fills in the demo agent's password (from the environment, which other
    // users' `ps` does not show; never from the command line).
    if (const auto password = qEnvironmentVariable("TICKETING_SIGN_IN_PASSWORD");
        !password.isEmpty())
        window.fillPassword(password);
    window.resize(1100, 720);
    window.show();
    return QApplication::exec();
}
