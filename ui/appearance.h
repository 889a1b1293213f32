#pragma once
// Language and theme: read from the settings, applied to the application. The language follows
// the system locale unless the user picked one; a dark theme is Fusion with a dark palette.
#include <QString>

class QApplication;

namespace masklab::ui {

QString languageSetting();                    // "" = the system's, "en", "ru"
void setLanguageSetting(const QString& language);
// Installs the Russian (or other) catalogue when the language asks for it; returns the language used.
QString installTranslations(QApplication& app, const QString& language);

QString themeSetting();                       // "system", "light", "dark"
void setThemeSetting(const QString& theme);
void applyTheme(const QString& theme);

}  // namespace masklab::ui
