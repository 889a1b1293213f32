#include "appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace masklab::ui {

QString languageSetting()
{
    return QSettings().value(QStringLiteral("appearance/language")).toString();
}

void setLanguageSetting(const QString& language)
{
    QSettings().setValue(QStringLiteral("appearance/language"), language);
}

QString installTranslations(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Numbers follow the language the window speaks, not only the system's: a Russian window
    // on an English system writes "2,5e-05" and "10 000". Widgets take the default locale when
    // they are made, so this comes before the main window.
    if (!language.isEmpty()) QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // The sources are English already; their catalogue holds only the plural forms
        // ("1 core", "2 cores") that a "%n core(s)" source needs.
        auto* plurals = new QTranslator(&app);
        if (plurals->load(QStringLiteral("masklab_en"), QStringLiteral(":/i18n")))
            app.installTranslator(plurals);
        else
            delete plurals;
        return QStringLiteral("en");
    }
    // Our catalogue is embedded (ui/CMakeLists.txt); Qt's own (buttons of standard dialogs)
    // comes from the system's Qt translations when installed.
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("masklab"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    app.installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return locale.name().left(2);
}

QString themeSetting()
{
    return QSettings().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString();
}

void setThemeSetting(const QString& theme)
{
    QSettings().setValue(QStringLiteral("appearance/theme"), theme);
}

void applyTheme(const QString& theme)
{
    static const QString systemStyle = QApplication::style()->name();
    if (theme == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p;
        const QColor window(45, 47, 51), base(30, 31, 34), text(225, 227, 230), disabled(125, 127, 130);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(255, 90, 90));
        p.setColor(QPalette::Link, QColor(110, 170, 255));
        p.setColor(QPalette::Highlight, QColor(60, 120, 215));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::PlaceholderText, disabled);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, disabled);
        QApplication::setPalette(p);
    } else if (theme == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
}

}  // namespace masklab::ui
