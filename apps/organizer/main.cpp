// The organizer's app (issue 15): `organizer [--server URL] [--email E]`.
#include "apps/organizer/OrganizerWindow.h"
#include "client/Language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("organizer"));
    QApplication::setOrganizationName(QStringLiteral("ticketing"));
    QApplication::setDesktopFileName(QStringLiteral("ticketing-organizer"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/organizer.png")));
    ticketing::client::installTranslations(app);
    QCommandLineParser args;
    args.setApplicationDescription(
        QApplication::translate("main", "The organizer's app of the ticketing suite"));
    args.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QApplication::translate("main", "ticketd's address"),
                                    QStringLiteral("url"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   QApplication::translate("main", "the organizer's e-mail"),
                                   QStringLiteral("email"));
    args.addOption(server);
    args.addOption(email);
    args.process(app);
    ticketing::organizer::OrganizerWindow window(QUrl(args.value(server)), args.value(email));
    // scripts/start fills in the demo organizer's password from the environment.
    if (const auto password = qEnvironmentVariable("TICKETING_SIGN_IN_PASSWORD");
        !password.isEmpty())
        window.fillPassword(password);
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
