// The gate scanner (issue 16): `gatescanner [--server URL] [--data-dir DIR] [--enroll CODE]
// [--event ID] [--kiosk]`. Its screens are QML (qml/, module Ticketing.Gate); the Scanner object is
// made here and given to them.
#include "apps/gatescanner/Scanner.h"
#include "client/Language.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Ticketing_GatePlugin)

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("gatescanner"));
    QGuiApplication::setOrganizationName(QStringLiteral("ticketing"));
    QGuiApplication::setDesktopFileName(QStringLiteral("ticketing-gatescanner"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gatescanner.png")));
    ticketing::client::installTranslations(app);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser args;
    args.setApplicationDescription(
        QGuiApplication::translate("main", "The gate scanner of the ticketing suite"));
    args.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QGuiApplication::translate("main", "ticketd's address, for a code typed by hand"),
        QStringLiteral("url"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QGuiApplication::translate("main", "where the scanner keeps its tickets and its queue"),
        QStringLiteral("dir"));
    const QCommandLineOption enroll(
        QStringLiteral("enroll"),
        QGuiApplication::translate("main", "enroll at once with this code or enrollment link"),
        QStringLiteral("code"));
    const QCommandLineOption event(
        QStringLiteral("event"),
        QGuiApplication::translate("main", "scan this event (its id) once enrolled"),
        QStringLiteral("id"));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
                                   QGuiApplication::translate("main", "full screen"));
    args.addOptions({server, dataDir, enroll, event, kiosk});
    args.process(app);

    ticketing::gate::Scanner::Options options;
    options.defaultServer = QUrl(args.value(server));
    options.event = args.value(event);
    options.dataDir = args.isSet(dataDir)
                          ? args.value(dataDir)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    ticketing::gate::Scanner scanner(options);
    QString error;
    if (!scanner.start(&error)) {
        qCritical("%s", qPrintable(QGuiApplication::translate(
                                       "main", "The scanner cannot open its store: %1")
                                       .arg(error)));
        return 1;
    }
    ticketing::gate::Scanner::setInstance(&scanner);
    if (args.isSet(enroll) && scanner.screen() == ticketing::gate::Scanner::Screen::Enroll)
        scanner.enroll(args.value(enroll));

    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/Ticketing/Gate/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (args.isSet(kiosk))
        if (auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first()))
            window->showFullScreen();
    return QGuiApplication::exec();
}
