#include "worker/hub_worker.h"

#include "engine_text.h"

#include "masklab/hub.h"

#include <algorithm>

namespace masklab::ui {
namespace {

hub::ProgressCallback reporter(HubWorker* worker, const QString& job, const std::shared_ptr<RunControl>& cancel)
{
    return [worker, job, cancel](const hub::TransferProgress& p) {
        DownloadProgress d;
        d.job = job;
        d.file = QString::fromStdString(p.file);
        d.bytes = static_cast<qint64>(p.bytes);
        d.total = static_cast<qint64>(p.total);
        d.bytesPerSecond = p.bytesPerSecond;
        d.secondsLeft = p.secondsLeft;
        emit worker->progress(d);
        return !cancel->stopRequested();
    };
}

}  // namespace

HubWorker::HubWorker(std::shared_ptr<RunControl> cancel, QObject* parent) : QObject(parent), m_cancel(std::move(cancel)) {}

void HubWorker::downloadModel(const QString& repoText)
{
    const QString job = QStringLiteral("model");
    try {
        const auto repo = hub::RepoRef::parse(repoText.trimmed().toStdString());
        if (!repo) {
            emit failed(job, tr("“%1” is not a Hugging Face repo id: write it as name or org/name, optionally "
                                "@revision").arg(repoText));
            return;
        }
        const hub::Snapshot s =
            hub::downloadModel(*repo, hub::HubSettings::fromEnvironment(), reporter(this, job, m_cancel));
        emit modelDownloaded(repoText.trimmed(), QString::fromStdString(s.folder), QString::fromStdString(s.note));
        listCache();
    } catch (const hub::DownloadCancelled& e) {
        emit cancelled(job, engineText(e));
    } catch (const std::exception& e) {
        emit failed(job, engineText(e));
    }
}

void HubWorker::downloadImdb(const QString& url)
{
    const QString job = QStringLiteral("imdb");
    QString address = url;
    QString sha256 = QString::fromLatin1(hub::kImdbSha256);
    if (address.isEmpty()) {
        address = qEnvironmentVariable("MASKLAB_IMDB_URL", QString::fromLatin1(hub::kImdbUrl));
        sha256 = qEnvironmentVariable("MASKLAB_IMDB_SHA256", sha256);
    }
    try {
        const std::string path =
            hub::downloadImdb(address.toStdString(), sha256.toStdString(), reporter(this, job, m_cancel));
        emit imdbDownloaded(QString::fromStdString(path));
    } catch (const hub::DownloadCancelled& e) {
        emit cancelled(job, engineText(e));
    } catch (const std::exception& e) {
        emit failed(job, engineText(e));
    }
}

void HubWorker::listCache()
{
    QStringList loadable;
    for (const hub::CachedModel& m : hub::listCachedModels(hub::HubSettings::fromEnvironment())) {
        if (!m.loadable) continue;
        const bool main = std::find(m.revisions.begin(), m.revisions.end(), "main") != m.revisions.end();
        const QString id = QString::fromStdString(m.repoId);
        const QString text = main ? id : id + QLatin1Char('@') + QString::fromStdString(m.commit);
        if (!loadable.contains(text)) loadable << text;
    }
    emit cacheListed(loadable);
}

void HubWorker::checkNetwork()
{
    const hub::HubSettings settings = hub::HubSettings::fromEnvironment();
    const bool reachable = !settings.offline && hub::endpointReachable(settings, 4);
    emit networkChecked(reachable, QString::fromStdString(settings.endpoint));
}

}  // namespace masklab::ui
