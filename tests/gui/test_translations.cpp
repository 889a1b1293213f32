// The Russian interface: the catalogue is complete for every string in the sources (lupdate run
// afresh finds nothing untranslated), it is embedded in the program, and the window comes up in
// Russian when asked, numbers in Russian plural forms included.
#include "appearance.h"
#include "engine_text.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/course_panel.h"
#include "panels/training_form.h"
#include "panels/training_panel.h"
#include "test_support.h"

#include "masklab/corpus.h"
#include "masklab/dataset_ops.h"
#include "masklab/hub.h"
#include "masklab/message.h"
#include "masklab/tokenizer.h"
#include "masklab/training_config.h"

#include <QApplication>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
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
                         "-I", MASKLAB_SOURCE_DIR "/ui"};
        // The window's sources, and the core's, whose messages are marked MASKLAB_TRANSLATE_NOOP.
        for (const QString& folder : {QStringLiteral(MASKLAB_SOURCE_DIR "/ui"), QStringLiteral(MASKLAB_SOURCE_DIR "/app/gui"),
                                      QStringLiteral(MASKLAB_SOURCE_DIR "/core/src")}) {
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

    // English sources say "%n core(s)"; the English catalogue gives every one of them its
    // singular and plural, so an English window reads "1 core" and "2 cores". (Before the
    // Russian test: the last translator installed is the one asked first.)
    void englishPluralsReadAsEnglish()
    {
        const QString lupdate = qEnvironmentVariable("MASKLAB_LUPDATE");
        QVERIFY2(QFile::exists(lupdate), "MASKLAB_LUPDATE must name lupdate (qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString copy = dir.filePath("masklab_en.ts");
        QVERIFY(QFile::copy(MASKLAB_SOURCE_DIR "/translations/masklab_en.ts", copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList args{"-no-obsolete", "-locations", "none", "-pluralonly", "-I", MASKLAB_SOURCE_DIR "/ui"};
        for (const QString& folder : {QStringLiteral(MASKLAB_SOURCE_DIR "/ui"), QStringLiteral(MASKLAB_SOURCE_DIR "/app/gui"),
                                      QStringLiteral(MASKLAB_SOURCE_DIR "/core/src")}) {
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
        QVERIFY(text.count("numerus=\"yes\"") >= 5);
        QVERIFY2(!text.contains("type=\"unfinished\""),
                 "a %n string has no English plural forms: run `cmake --build build --target masklab_lupdate` and fill "
                 "translations/masklab_en.ts");

        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, "en"), QString("en"));
        QCOMPARE(QCoreApplication::translate("masklab::ui::MainWindow", "CPU · %n core(s)", nullptr, 1), QString("CPU · 1 core"));
        QCOMPARE(QCoreApplication::translate("masklab::ui::MainWindow", "CPU · %n core(s)", nullptr, 2), QString("CPU · 2 cores"));
        QCOMPARE(QCoreApplication::translate("masklab::ui::TrainingPanel", "Finished: %n step(s). Checkpoint: %1", nullptr, 840)
                     .arg("run"),
                 QString("Finished: 840 steps. Checkpoint: run"));
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
        // Numbers follow the language chosen, whatever the system's locale.
        QCOMPARE(QLocale().toString(2.5, 'f', 1), QString("2,5"));
    }

    // Russian step titles are longer than the Course column: with every step ticked (one of them
    // while the window is up), each title
    // wraps onto as many lines as it needs and keeps its tick, none cut short with "…", and no row
    // keeps a height fitted to another width.
    void russianCourseTitlesReadWholeWithTheirTicks()
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, "ru"), QString("ru"));
        QTemporaryDir project;
        {
            QSettings progress(project.filePath("course.ini"), QSettings::IniFormat);
            QStringList all;
            for (int s = 0; s < CoursePanel::StepCount; ++s)
                if (s != CoursePanel::Chunk) all << QString::number(s);
            progress.setValue("course/done", all);
        }
        MainWindow window(project.path());
        window.setProblemBoxes(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget* steps = window.course()->steps();
        // One tick comes while the window is up, after its title was fitted without it.
        window.course()->panelVisited("chunks");
        // The style's text margin inside an item, as QCommonStyle draws item text.
        const int margin = steps->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, steps) + 1;
        for (const int width : {330, 300, 260}) {
            window.resizeDocks({window.dock("course")}, {width}, Qt::Horizontal);
            QCoreApplication::processEvents();
            int rows = 0;
            for (int i = 0; i < steps->count(); ++i) {
                const QListWidgetItem* item = steps->item(i);
                QVERIFY2(item->text().endsWith(QString("✓")), qPrintable(item->text()));
                const QRect shown = steps->visualItemRect(item);
                QVERIFY2(steps->viewport()->rect().contains(shown), qPrintable(item->text()));
                const QRect needed = steps->fontMetrics().boundingRect(QRect(0, 0, shown.width() - 2 * margin, 10000),
                                                                       Qt::TextWordWrap, item->text());
                QVERIFY2(needed.height() <= shown.height(),
                         qPrintable(QString("at %1 px, \"%2\" needs %3 px in a %4 x %5 row")
                                        .arg(width)
                                        .arg(item->text())
                                        .arg(needed.height())
                                        .arg(shown.width())
                                        .arg(shown.height())));
                // Nor is a row taller than its lines (a height fitted to a narrower column earlier).
                QVERIFY2(shown.height() < needed.height() + steps->fontMetrics().height(),
                         qPrintable(QString("at %1 px, \"%2\" has a %3 px row for %4 px of text")
                                        .arg(width)
                                        .arg(item->text())
                                        .arg(shown.height())
                                        .arg(needed.height())));
                rows += needed.height() > steps->fontMetrics().height() ? 1 : 0;
            }
            // The narrowest column wraps some titles: the check above saw two-line rows.
            if (width == 260) QVERIFY(rows > 0);
        }
    }

    // The Russian settings form: each field's description reads whole, also after a problem was
    // shown under a field and went away again (the form lays its rows out anew).
    void russianSettingsDescriptionsReadWholeAfterAProblem()
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, "ru"), QString("ru"));
        QTemporaryDir project;
        MainWindow window(project.path());
        window.setProblemBoxes(false);
        window.resize(1280, 800);
        window.show();
        window.showPanel("training");
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TrainingForm* form = window.training()->form();
        auto* rate = qobject_cast<QLineEdit*>(form->editor("learning_rate"));
        QVERIFY(rate);
        // Every wrapped label of the form as tall as its text at its width; the first that is not.
        auto cutDescription = [&]() -> QString {
            QCoreApplication::processEvents();
            for (QLabel* label : form->findChildren<QLabel*>()) {
                if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty()) continue;
                const int needed = label->heightForWidth(label->width());
                if (label->height() < needed)
                    return QString("\"%1\" is %2 px tall, needs %3 at %4 px")
                        .arg(label->text())
                        .arg(label->height())
                        .arg(needed)
                        .arg(label->width());
            }
            // Nor does a section of the form keep height it no longer needs (a gap).
            for (QWidget* section : form->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
                if (section->isVisible() && qobject_cast<QGridLayout*>(section->layout()) &&
                    section->height() > section->heightForWidth(section->width()))
                    return QString("a section is %1 px tall for %2 px of rows")
                        .arg(section->height())
                        .arg(section->heightForWidth(section->width()));
            return {};
        };
        QString cut = cutDescription();
        QVERIFY2(cut.isEmpty(), qPrintable("at first: " + cut));
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, "abc");
        QVERIFY(form->problemLabel("learning_rate")->isVisible());
        cut = cutDescription();
        QVERIFY2(cut.isEmpty(), qPrintable("with a problem: " + cut));
        rate->selectAll();
        QTest::keyClicks(rate, "0,0005");
        QVERIFY(!form->problemLabel("learning_rate")->isVisible());
        cut = cutDescription();
        QVERIFY2(cut.isEmpty(), qPrintable("after the problem: " + cut));
    }

    // The engine's lines and errors (masklab::Message): English with C numbers for the CLI,
    // Russian with Russian numbers in the window.
    void engineMessagesFollowTheWindowsLanguage()
    {
        using masklab::Message;
        const Message line = Message(MASKLAB_TRANSLATE_NOOP("Engine", "step {1}: perplexity {2}")).count(12000).number(315.25, 2);
        QCOMPARE(QString::fromStdString(line.text()), QString("step 12000: perplexity 315.25"));
        const QString nbsp(QChar(0x00A0));
        QCOMPARE(engineText(line), QString("шаг 12") + nbsp + QString("000: перплексия 315,25"));
        // A value that holds a place marker is not filled again; a place without a value stays.
        QCOMPARE(masklab::fillPlaces("{2} then {1} and {3}", {"{2}", "b"}), std::string("b then {2} and {3}"));

        // A real error from the core, thrown and caught as the window's workers catch it.
        try {
            masklab::readCorpus("/no/such/reviews.jsonl", {});
            QFAIL("readCorpus accepted a missing file");
        } catch (const std::exception& e) {
            QVERIFY(QString::fromUtf8(e.what()).startsWith("/no/such/reviews.jsonl does not exist; give an aclImdb folder"));
            const QString shown = engineText(e);
            QVERIFY2(isCyrillic(shown) && shown.startsWith("/no/such/reviews.jsonl "), qPrintable(shown));
        }
        // Sizes that do not fit the corpus: the counts in the window's locale.
        try {
            masklab::trainTestSplit(12000, {10000, 5000}, 42);
            QFAIL("trainTestSplit took 15,000 of 12,000 documents");
        } catch (const std::exception& e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QString("train size 10000 plus test size 5000 is more than the 12000 documents; choose smaller sizes"));
            const QString shown = engineText(e);
            QVERIFY2(isCyrillic(shown) && shown.contains(QString("10") + nbsp + QString("000")), qPrintable(shown));
        }
        // A typo in a settings file is named, in Russian, with the key as written.
        try {
            masklab::TrainingConfig::fromJson(R"({"epochz": 3})", "course.json");
            QFAIL("fromJson took an unknown setting");
        } catch (const std::exception& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QString("course.json: unknown setting \"epochz\" (a typo?)"));
            const QString shown = engineText(e);
            QVERIFY2(isCyrillic(shown) && shown.contains("\"epochz\""), qPrintable(shown));
        }
        // A model asked of the Hub while offline and not cached: what to do, in Russian.
        try {
            QTemporaryDir cache;
            masklab::hub::HubSettings offline;
            offline.cacheDir = cache.path().toStdString();
            offline.offline = true;
            masklab::hub::downloadModel({"distilbert-base-uncased", "main"}, offline);
            QFAIL("downloadModel gave a model offline from an empty cache");
        } catch (const std::exception& e) {
            QVERIFY(QString::fromUtf8(e.what()).startsWith("offline (HF_HUB_OFFLINE is set) and distilbert-base-uncased"));
            const QString shown = engineText(e);
            QVERIFY2(isCyrillic(shown) && shown.contains("HF_HUB_OFFLINE") && shown.contains("distilbert-base-uncased"),
                     qPrintable(shown));
        }
        // A lost connection inside a failed model lookup: the outer message and the one within it
        // are each translated (only libcurl's own reason stays as libcurl wrote it).
        try {
            QTemporaryDir cache;
            masklab::hub::HubSettings unreachable;
            unreachable.cacheDir = cache.path().toStdString();
            unreachable.endpoint = "http://127.0.0.1:9";  // the discard port: nothing listens
            masklab::hub::locateModel("masklab-test/no-such-model", unreachable, {});
            QFAIL("locateModel found a model behind a closed port");
        } catch (const std::exception& e) {
            const QString english = QString::fromUtf8(e.what());
            QVERIFY2(english.startsWith("no folder masklab-test/no-such-model here, and as a Hugging Face repo id: ") &&
                         english.contains("the connection to 127.0.0.1:9 failed"),
                     qPrintable(english));
            const QString shown = engineText(e);
            QVERIFY2(isCyrillic(shown) && shown.contains("masklab-test/no-such-model") && shown.contains("127.0.0.1:9") &&
                         !shown.contains("no folder") && !shown.contains("the connection to") && !shown.contains("is not in the cache"),
                     qPrintable(shown));
        }
        // Sizes: powers of 1000 with C digits in English, the window's units and decimal sign here.
        const Message stopped = Message(MASKLAB_TRANSLATE_NOOP("Engine", "the download of {1} stopped: {2} received"))
                                    .arg("model.safetensors")
                                    .bytes(12'345'678);
        QCOMPARE(QString::fromStdString(stopped.text()), QString("the download of model.safetensors stopped: 12.3 MB received"));
        const QString shownSize = engineText(stopped);
        QVERIFY2(isCyrillic(shownSize) && shownSize.contains(QString("12,3 МБ")), qPrintable(shownSize));
        // The tokenizer line of the Data and Project panels: the real bert-base-uncased tokenizer.
        const auto tokenizer = masklab::loadTokenizer(masklab::testing::bertTokenizerJson());
        QCOMPARE(QString::fromStdString(tokenizer->describe().text()), QString("WordPiece, 30522 tokens, uncased"));
        const QString shownTokenizer = engineText(tokenizer->describe());
        QVERIFY2(isCyrillic(shownTokenizer) && shownTokenizer.contains(QString("30") + nbsp + QString("522")) &&
                     !shownTokenizer.contains("tokens") && !shownTokenizer.contains("uncased"),
                 qPrintable(shownTokenizer));
        // What the core throws without a Message shows as it is.
        QCOMPARE(engineText(std::runtime_error("plain")), QString("plain"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
