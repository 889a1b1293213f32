// masklab: the workbench window.
#include "appearance.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MaskLab"));
    QApplication::setOrganizationName(QStringLiteral("MaskLab"));
    QApplication::setApplicationVersion(QStringLiteral(MASKLAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/masklab.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A workbench for adapting masked language models"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("Project folder (runs and settings)"),
                                     QStringLiteral("folder"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or ru (default: the setting, else the system's)"),
                                      QStringLiteral("code"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("system, light or dark"), QStringLiteral("name"));
    parser.addOptions({project, language, theme});
    parser.process(app);

    masklab::ui::installTranslations(app, parser.isSet(language) ? parser.value(language) : masklab::ui::languageSetting());
    masklab::ui::applyTheme(parser.isSet(theme) ? parser.value(theme) : masklab::ui::themeSetting());
    // Stored in the settings for the next launch: absolute, whatever the working folder then.
    const QString projectDir = parser.isSet(project) ? QFileInfo(parser.value(project)).absoluteFilePath() : QString();
    masklab::ui::MainWindow window(projectDir);
    window.show();
    return QApplication::exec();
}
