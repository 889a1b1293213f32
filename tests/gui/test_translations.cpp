// The Russian interface: the catalogue is complete for every string in the sources (lupdate run
// afresh finds nothing untranslated), it is embedded in the program, and the window comes up in
// Russian when asked, numbers in Russian plural forms included.
#include "appearance.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/course_panel.h"

#include <QApplication>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QTranslator>

using namespace masklab::ui;

class TestTranslations final : public QObject {
    Q_OBJECT

    static bool isCyrillic(const QString& text)
    {
        return text.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]")));
    }

private slots:
    void initTestCase() { masklab::testing::isolateSettings(); }

    void catalogueCoversEverySourceString()
    {
        const QString lupdate = qEnvironmentVariable("MASKLAB_LUPDATE");
        QVERIFY2(QFile::exists(lupdate), "MASKLAB_LUPDATE must name lupdate (qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString copy = dir.filePath("masklab_ru.ts");
        QVERIFY(QFile::copy(MASKLAB_SOURCE_DIR "/translations/masklab_ru.ts", copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList args{"-no-obsolete", "-locations", "none", "-tr-function-alias", "QT_TRANSLATE_NOOP+=MASKLAB_TRANSLATE_NOOP",
                         "-I", MASKLAB_SOURCE_DIR "/ui", MASKLAB_SOURCE_DIR "/core/src/engine/training_setting_help.cpp",
                         MASKLAB_SOURCE_DIR "/core/src/engine/training_config.cpp"};
        for (const QString& folder : {QStringLiteral(MASKLAB_SOURCE_DIR "/ui"), QStringLiteral(MASKLAB_SOURCE_DIR "/app/gui")}) {
            QDirIterator it(folder, {"*.cpp", "*.h"}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) args << it.next();
        }
        args << "-ts" << copy;
        QProcess run;
        run.start(lupdate, args);
        QVERIFY(run.waitForFinished(120000));
        QCOMPARE(run.exitCode(), 0);
        QFile ts(copy);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.count("<message") > 300);
        const auto unfinished = text.count("type=\"unfinished\"");
        QVERIFY2(unfinished == 0, qPrintable(QString("%1 strings have no Russian translation: run `cmake --build build --target "
                                                     "masklab_lupdate` and translate translations/masklab_ru.ts")
                                                 .arg(unfinished)));
    }

    void windowComesUpInRussian()
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, "ru"), QString("ru"));
        QTemporaryDir project;
        MainWindow window(project.path());
        window.setProblemBoxes(false);
        for (const char* name : {"course", "project", "dataset", "chunks", "masks", "training", "charts", "fillmask"}) {
            const QString title = window.dock(name)->windowTitle();
            QVERIFY2(isCyrillic(title), qPrintable(QString("%1: %2").arg(name, title)));
        }
        QCOMPARE(window.dock("training")->windowTitle(), QString("Обучение"));
        const QListWidget* steps = window.course()->steps();
        for (int i = 0; i < steps->count(); ++i) QVERIFY2(isCyrillic(steps->item(i)->text()), qPrintable(steps->item(i)->text()));
        // Russian plurals: one, few, many.
        QCOMPARE(QCoreApplication::translate("masklab::ui::MainWindow", "CPU · %n core(s)", nullptr, 1), QString("CPU · 1 ядро"));
        QCOMPARE(QCoreApplication::translate("masklab::ui::MainWindow", "CPU · %n core(s)", nullptr, 2), QString("CPU · 2 ядра"));
        QCOMPARE(QCoreApplication::translate("masklab::ui::MainWindow", "CPU · %n core(s)", nullptr, 16), QString("CPU · 16 ядер"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
