#pragma once
// Downloads from the Hugging Face Hub (a model repo) and the IMDb tarball on a thread of their
// own, so the window stays responsive; progress and results come back as queued signals.
// Cancel is a flag (RunControl) read in the transfer's progress callback: what arrived stays in
// the cache and the next request for the same files resumes it.
#include "worker/run_control.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace masklab::ui {

struct DownloadProgress {
    QString job;        // "model" or "imdb"
    QString file;       // the file in flight
    qint64 bytes = 0;
    qint64 total = 0;   // 0 when unknown
    double bytesPerSecond = 0;
    double secondsLeft = -1;
};

class HubWorker final : public QObject {
    Q_OBJECT
public:
    explicit HubWorker(std::shared_ptr<RunControl> cancel, QObject* parent = nullptr);

public slots:
    void downloadModel(const QString& repoText);
    // url empty: MASKLAB_IMDB_URL (a mirror, a test server) or Stanford's address.
    void downloadImdb(const QString& url);
    void listCache();
    // Whether the Hub answers (a HEAD of its front page, a few seconds at most).
    void checkNetwork();

signals:
    void progress(const masklab::ui::DownloadProgress& progress);
    void modelDownloaded(const QString& repoText, const QString& folder, const QString& note);
    void imdbDownloaded(const QString& path);
    void failed(const QString& job, const QString& message);
    void cancelled(const QString& job, const QString& message);
    // Repo ids (with @revision when not main) of the cached models MaskLab loads.
    void cacheListed(const QStringList& loadable);
    void networkChecked(bool reachable, const QString& endpoint);

private:
    std::shared_ptr<RunControl> m_cancel;
};

}  // namespace masklab::ui

Q_DECLARE_METATYPE(masklab::ui::DownloadProgress)
