#pragma once

#include <QCoreApplication>
#include <QString>

namespace ticketing::client {

// The interface's language (issue 14): the one chosen in the app's settings (the key
// "language": "en", "de"; empty: the system's), else the system locale's.
QString chosenLanguage();
// Remembers the choice; it applies from the next start.
void chooseLanguage(const QString& code);
// Installs the suite's catalogue for `language` (":/i18n/ticketing_<language>.qm", built from
// translations/ into the app) and Qt's own, and sets the default locale to match. Returns the
// language in use ("en" when nothing else fits).
QString installTranslations(QCoreApplication& app, const QString& language = chosenLanguage());

} // namespace ticketing::client
