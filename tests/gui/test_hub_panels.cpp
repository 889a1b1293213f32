// The window's way to the Hub and to IMDb, against tests/hub_server.py on 127.0.0.1: the
// Project panel's download box (progress, Cancel, resume, the cache completer) and the Course's
// "Get" buttons with their online/offline line.
#include "gui_test_support.h"
#include "hub_test_server.h"
#include "main_window.h"
#include "panels/course_panel.h"
#include "panels/project_panel.h"
#include "widgets/download_box.h"
#include "workbench.h"

#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStringListModel>

using namespace masklab::ui;
using masklab::testing::HubServer;

class HubPanelsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;

private slots:
    void initTestCase()
    {
        masklab::testing::isolateSettings();
        m_model = m_dir.filePath("tiny");
        const QString failure = masklab::testing::runPeerScript(
            "transformers_peer.py",
            {"random-model", m_model, "--arch", "distilbert", "--vocab",
             qEnvironmentVariable("MASKLAB_FIXTURES") + "/bert_uncased_tokenizer/vocab.txt"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void downloadCancelResumeAndOpen()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--slow", "model.safetensors=3000000"},
                         m_dir.filePath("window.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        qputenv("HF_ENDPOINT", QByteArray::fromStdString(server.endpoint()));
        qputenv("HF_HUB_CACHE", m_dir.filePath("hub-cache").toUtf8());
        QTemporaryDir project;
        MainWindow window(project.path());
        ProjectPanel* panel = window.project();
        HubWorker* hub = window.workbench()->engine()->hub();

        // The check runs on the download thread as the window opens; its answer shows in the line.
        CoursePanel* course = window.findChild<CoursePanel*>();
        QTRY_VERIFY_WITH_TIMEOUT(!course->networkLine()->text().startsWith("Checking"), 30000);
        QVERIFY2(course->networkLine()->text().startsWith("Online"), qPrintable(course->networkLine()->text()));
        QVERIFY(course->getImdbButton()->isEnabled());

        // Cancel in the middle of the weights.
        QSignalSpy progress(hub, &HubWorker::progress);
        QSignalSpy cancelled(hub, &HubWorker::cancelled);
        panel->repoField()->setText("org/tiny");
        panel->downloadButton()->click();
        QVERIFY(!panel->downloadButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(panel->downloadBox()->bar()->value() > 100, 30000);
        QVERIFY(panel->downloadBox()->status()->text().contains("model.safetensors"));
        QVERIFY(panel->downloadBox()->status()->text().contains("/s"));
        panel->downloadBox()->cancelButton()->click();
        QVERIFY(masklab::testing::waitFor(cancelled));
        QVERIFY(panel->downloadBox()->status()->text().contains("resume"));
        QVERIFY(panel->downloadButton()->isEnabled());

        // Again: it resumes, finishes and the model opens as the run's base model.
        QSignalSpy downloaded(hub, &HubWorker::modelDownloaded);
        QSignalSpy opened(window.workbench(), &Workbench::baseModelChanged);
        panel->downloadButton()->click();
        QVERIFY(masklab::testing::waitFor(downloaded, 1, 60000));
        QVERIFY(masklab::testing::waitFor(opened, 1, 60000));
        QCOMPARE(QString::fromStdString(window.workbench()->config().model), QString("org/tiny"));
        QCOMPARE(panel->downloadBox()->bar()->value(), 1000);
        QVERIFY(panel->downloadBox()->status()->text().contains("in the cache"));
        bool resumed = false;
        for (const auto& r : server.requests()) resumed = resumed || (r["server"] == "storage" && r["range"].is_string());
        QVERIFY2(resumed, "the second download did not ask for the rest with Range");
        // The model field now completes from the cache.
        QTRY_VERIFY_WITH_TIMEOUT(panel->cachedModels()->stringList().contains("org/tiny"), 10000);
    }

    void getImdbDownloadsAndOpensTheCorpus()
    {
        const QString tarball = m_dir.filePath("aclImdb_v1.tar.gz");
        QProcess tar;
        tar.setWorkingDirectory(qEnvironmentVariable("MASKLAB_FIXTURES") + "/imdb");
        tar.start("tar", {"czf", tarball, "--transform", "s,^aclImdb_sample,aclImdb,", "aclImdb_sample"});
        QVERIFY(tar.waitForFinished(120000) && tar.exitCode() == 0);
        QProcess sha;
        sha.start("sha256sum", {tarball});
        QVERIFY(sha.waitForFinished());
        HubServer server({"--file", "aclImdb_v1.tar.gz=" + tarball}, m_dir.filePath("imdb.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        qputenv("HF_ENDPOINT", QByteArray::fromStdString(server.endpoint()));
        qputenv("MASKLAB_IMDB_URL", QByteArray::fromStdString(server.storageUrl("/files/aclImdb_v1.tar.gz")));
        qputenv("MASKLAB_IMDB_SHA256", sha.readAllStandardOutput().left(64));
        qputenv("MASKLAB_CACHE_DIR", m_dir.filePath("masklab-cache").toUtf8());

        QTemporaryDir project;
        MainWindow window(project.path());
        CoursePanel* course = window.findChild<CoursePanel*>();
        HubWorker* hub = window.workbench()->engine()->hub();
        QTRY_VERIFY_WITH_TIMEOUT(course->getImdbButton()->isEnabled(), 30000);
        QSignalSpy downloaded(hub, &HubWorker::imdbDownloaded);
        QSignalSpy corpus(window.workbench(), &Workbench::corpusChanged);
        course->steps()->setCurrentRow(CoursePanel::Data);
        QVERIFY(course->getImdbButton()->isVisible() || !window.isVisible());
        course->getImdbButton()->click();
        QVERIFY(masklab::testing::waitFor(downloaded, 1, 60000));
        QCOMPARE(downloaded.first().at(0).toString(), m_dir.filePath("masklab-cache") + "/datasets/aclImdb_v1.tar.gz");
        // A new project opens the built-in demo first; then the tarball replaces it.
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(window.workbench()->config().corpus),
                                  downloaded.first().at(0).toString(), 300000);
        QVERIFY(masklab::testing::waitFor(corpus, 1, 300000));
        QCOMPARE(course->imdbDownload()->bar()->value(), 1000);
    }

    void offlineSaysSoAndOffersTheDemo()
    {
        qputenv("HF_ENDPOINT", "http://127.0.0.1:9");  // the discard port: nothing listens
        QTemporaryDir project;
        MainWindow window(project.path());
        CoursePanel* course = window.findChild<CoursePanel*>();
        QTRY_VERIFY_WITH_TIMEOUT(!course->networkLine()->text().startsWith("Checking"), 30000);
        QVERIFY(course->networkLine()->text().startsWith("Offline"));
        QVERIFY(course->networkLine()->text().contains("built-in demo"));
        QVERIFY(!course->getImdbButton()->isEnabled());
        QVERIFY(!course->getModelButton()->isEnabled());

        // A download tried anyway fails with a message, not a crash.
        QSignalSpy failed(window.workbench()->engine()->hub(), &HubWorker::failed);
        window.project()->repoField()->setText("org/never-cached");
        window.project()->downloadButton()->click();
        QVERIFY(masklab::testing::waitFor(failed, 1, 30000));
        QTRY_VERIFY2(window.project()->downloadBox()->status()->text().contains("not in the cache"),
                     qPrintable(window.project()->downloadBox()->status()->text()));
    }
};

QTEST_MAIN(HubPanelsTest)
#include "test_hub_panels.moc"
