// masklab-tour: drives the window through the course on the built-in demo and saves a
// screenshot of every panel, for the README and for looking at what we build. Not a test: it
// asserts nothing, it shows.
//   masklab-tour --out DIR [--size 1280x800] [--language en|ru] [--theme dark] [--epochs N] [--corpus PATH]
// Run it on a screen of at least that size (xvfb-run -s "-screen 0 1280x800x24"); the files are
// named <language>[-dark]-<width>-<panel>.png.
#include "appearance.h"
#include "charts/charts_panel.h"
#include "main_window.h"
#include "panels/course_panel.h"
#include "panels/dataset_panel.h"
#include "panels/document_table_model.h"
#include "panels/fill_mask_panel.h"
#include "panels/project_panel.h"
#include "widgets/download_box.h"
#include "panels/training_panel.h"
#include "workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using masklab::ui::MainWindow;

namespace {

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) QTest::qWait(20);
}

bool waitFor(QSignalSpy& spy, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (spy.isEmpty() && clock.elapsed() < ms) spy.wait(100);
    return !spy.isEmpty();
}

void shoot(MainWindow& window, const QString& panel, const QString& path)
{
    window.showPanel(panel);
    settle(600);
    window.grab().save(path);
    std::printf("%s\n", qPrintable(path));
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MaskLabTour"));
    QApplication::setApplicationName(QStringLiteral("MaskLabTour"));
    QSettings().clear();  // every tour is a first launch: the pictures show the window's own layout
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder for the PNGs"), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or ru"), QStringLiteral("code"), QStringLiteral("en"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("system, light or dark"), QStringLiteral("name"), QStringLiteral("light"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Epochs to train (default: the demo's, or the loaded settings')"), QStringLiteral("n"));
    const QCommandLineOption corpus(QStringLiteral("corpus"), QStringLiteral("A corpus instead of the demo"), QStringLiteral("path"));
    const QCommandLineOption settings(QStringLiteral("settings"), QStringLiteral("Run settings (training_config.json) to load first"),
                                      QStringLiteral("file"));
    const QCommandLineOption download(QStringLiteral("download"),
                                      QStringLiteral("A Hub repo id to download in the Project panel (HF_ENDPOINT)"),
                                      QStringLiteral("repo"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, WIDTHxHEIGHT"), QStringLiteral("size"),
                                  QStringLiteral("1280x800"));
    parser.addOptions({out, size, language, theme, epochs, corpus, settings, download});
    parser.addHelpOption();
    parser.process(app);
    const QString dir = parser.value(out);
    if (dir.isEmpty()) parser.showHelp(2);
    QDir().mkpath(dir);
    const QString lang = parser.value(language);
    masklab::ui::installTranslations(app, lang);
    masklab::ui::applyTheme(parser.value(theme));
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    const QSize windowSize(wh.value(0).toInt(), wh.value(1).toInt());
    if (windowSize.width() < 640 || windowSize.height() < 480) parser.showHelp(2);
    const QString prefix = QDir(dir).filePath(lang + (parser.value(theme) == QLatin1String("dark") ? QStringLiteral("-dark-") : QStringLiteral("-")) +
                                              QString::number(windowSize.width()) + QLatin1Char('-'));

    QTemporaryDir project;
    MainWindow window(project.path());
    window.setProblemBoxes(false);
    window.show();
    // The whole screen, as a user's maximised window (the first launch's own size is 1280 x 800
    // at most).
    window.setGeometry(QRect(QPoint(0, 0), windowSize));
    masklab::ui::Workbench* bench = window.workbench();
    QSignalSpy masked(bench, &masklab::ui::Workbench::maskChanged);
    if (parser.isSet(corpus)) {
        // Let the demo of the first launch finish, then open the corpus and wait for its masks.
        waitFor(masked, 600000);
        if (parser.isSet(settings)) {
            const masklab::TrainingConfig loaded = masklab::TrainingConfig::fromFile(parser.value(settings).toStdString());
            bench->updateConfig([&](masklab::TrainingConfig& c) { c = loaded; });
            QTest::qWait(3000);  // the demo re-read with the new tokenizer
        }
        QSignalSpy opened(bench, &masklab::ui::Workbench::corpusChanged);
        bench->openCorpus(parser.value(corpus));
        if (!waitFor(opened, 1800000)) {
            std::fprintf(stderr, "the corpus did not open: %s\n", qPrintable(window.lastProblem()));
            return 1;
        }
        masked.clear();
    }
    if (!waitFor(masked, 600000)) {
        std::fprintf(stderr, "no mask preview: %s\n", qPrintable(window.lastProblem()));
        return 1;
    }
    settle(1500);
    {
        // How the Dataset panel copes with this corpus: the time to filter every document by a
        // word (what one pause in typing costs) and to sort by length.
        masklab::ui::DatasetPanel* dataset = window.dataset();
        QElapsedTimer clock;
        clock.start();
        dataset->filter()->setSearch(QStringLiteral("excellent"));
        const qint64 searchMs = clock.elapsed();
        const int found = dataset->filter()->rowCount();
        dataset->filter()->setSearch(QString());
        clock.restart();
        dataset->filter()->setSearch(QStringLiteral("terrible"));
        const qint64 secondSearchMs = clock.elapsed();
        const int foundSecond = dataset->filter()->rowCount();
        dataset->filter()->setSearch(QString());
        clock.restart();
        dataset->table()->sortByColumn(masklab::ui::DocumentTableModel::Tokens, Qt::DescendingOrder);
        const qint64 sortMs = clock.elapsed();
        dataset->table()->sortByColumn(masklab::ui::DocumentTableModel::Index, Qt::AscendingOrder);
        std::printf("dataset: %zu documents; first search \"excellent\" %lld ms (%d found); next search \"terrible\" %lld ms "
                    "(%d found); sort by tokens %lld ms\n",
                    bench->corpus()->corpus.size(), static_cast<long long>(searchMs), found,
                    static_cast<long long>(secondSearchMs), foundSecond, static_cast<long long>(sortMs));
    }
    window.setGeometry(QRect(QPoint(0, 0), windowSize));
    settle(300);
    if (qEnvironmentVariableIsSet("MASKLAB_TOUR_SIZES"))
        std::printf("window %dx%d min %dx%d\n", window.width(), window.height(), window.minimumSizeHint().width(),
                    window.minimumSizeHint().height());
    if (qEnvironmentVariableIsSet("MASKLAB_TOUR_SIZES"))
        for (const char* name : {"course", "project", "dataset", "chunks", "masks", "training", "charts", "fillmask"})
            std::printf("%s min %dx%d\n", qPrintable(name), window.dock(name)->minimumSizeHint().width(),
                        window.dock(name)->minimumSizeHint().height());
    shoot(window, QStringLiteral("dataset"), prefix + QStringLiteral("dataset.png"));
    shoot(window, QStringLiteral("chunks"), prefix + QStringLiteral("chunks.png"));
    shoot(window, QStringLiteral("masks"), prefix + QStringLiteral("masks.png"));
    shoot(window, QStringLiteral("project"), prefix + QStringLiteral("project.png"));
    shoot(window, QStringLiteral("training"), prefix + QStringLiteral("training-settings.png"));
    if (parser.isSet(download)) {
        // The download box mid-way (a slow server helps), then the model opened from the cache.
        masklab::ui::ProjectPanel* project = window.project();
        QSignalSpy downloaded(bench->engine()->hub(), &masklab::ui::HubWorker::modelDownloaded);
        QSignalSpy opened(bench, &masklab::ui::Workbench::baseModelChanged);
        window.showPanel(QStringLiteral("project"));
        project->repoField()->setText(parser.value(download));
        project->downloadButton()->click();
        QElapsedTimer clock;
        clock.start();
        while (project->downloadBox()->bar()->value() < 300 && downloaded.isEmpty() && clock.elapsed() < 60000)
            QTest::qWait(50);
        shoot(window, QStringLiteral("project"), prefix + QStringLiteral("project-downloading.png"));
        waitFor(downloaded, 600000);
        waitFor(opened, 60000);
        shoot(window, QStringLiteral("project"), prefix + QStringLiteral("project-downloaded.png"));
    }

    // The demo (or the loaded settings) trains its own epochs unless --epochs says otherwise.
    const int n = parser.isSet(epochs) ? parser.value(epochs).toInt() : bench->config().epochs;
    if (n <= 0) {
        shoot(window, QStringLiteral("course"), prefix + QStringLiteral("course.png"));
        return 0;
    }
    bench->updateConfig([n](masklab::TrainingConfig& c) { c.epochs = n; });
    QSignalSpy finished(bench->engine()->training(), &masklab::ui::TrainingWorker::finished);
    QSignalSpy failed(bench->engine()->training(), &masklab::ui::TrainingWorker::failed);
    window.training()->startButton()->click();
    settle(8000);
    shoot(window, QStringLiteral("training"), prefix + QStringLiteral("training-running.png"));
    // Responsiveness during the run: the longest gap between ticks of a 10 ms timer is the
    // longest the window could not draw a frame or take a click.
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    qint64 longestGap = 0, ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, sinceTick.restart());
        ++ticks;
    });
    ticker.start(10);
    while (finished.isEmpty() && failed.isEmpty() && clock.elapsed() < 1800000) QTest::qWait(100);
    ticker.stop();
    std::printf("training took %.1f s; the GUI thread's longest gap between 10 ms ticks: %lld ms over %lld ticks\n",
                clock.elapsed() / 1000.0, static_cast<long long>(longestGap), static_cast<long long>(ticks));
    if (!failed.isEmpty()) {
        std::fprintf(stderr, "training failed: %s\n", qPrintable(failed.first().first().toString()));
        return 1;
    }
    settle(2500);
    shoot(window, QStringLiteral("charts"), prefix + QStringLiteral("charts.png"));
    shoot(window, QStringLiteral("training"), prefix + QStringLiteral("training.png"));
    window.fillMask()->askButton()->click();
    settle(3000);
    shoot(window, QStringLiteral("fillmask"), prefix + QStringLiteral("fillmask.png"));
    // The Course at the end of the tour: its last step selected, with the ticks the tour earned.
    window.course()->steps()->setCurrentRow(masklab::ui::CoursePanel::FillMask);
    settle(500);
    shoot(window, QStringLiteral("course"), prefix + QStringLiteral("course.png"));
    return 0;
}
