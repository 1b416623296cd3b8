#include "client/Language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ticketing::client {

QString chosenLanguage()
{
    const auto chosen = QSettings().value(QStringLiteral("language")).toString();
    return chosen.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : chosen;
}

void chooseLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("language"), code);
}

QString installTranslations(QCoreApplication& app, const QString& language)
{
    auto* ours = new QTranslator(&app);
    const QString file = QStringLiteral(":/i18n/ticketing_%1.qm").arg(language);
    QString inUse = QStringLiteral("en");
    if (ours->load(file)) {
        QCoreApplication::installTranslator(ours);
        inUse = language;
    } else {
        delete ours;
        // English is the source language; its catalogue carries the plural forms.
        auto* english = new QTranslator(&app);
        if (english->load(QStringLiteral(":/i18n/ticketing_en.qm")))
            QCoreApplication::installTranslator(english);
        else
            delete english;
    }
    // Qt's own strings (standard buttons, dialogs), when the system has them.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(inUse), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(inUse));
    return inUse;
}

} // namespace ticketing::client
