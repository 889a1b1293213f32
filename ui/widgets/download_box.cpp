#include "widgets/download_box.h"

#include "worker/engine_host.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace masklab::ui {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

DownloadBox::DownloadBox(EngineHost* engine, const QString& job, QWidget* parent)
    : QWidget(parent), m_engine(engine), m_job(job)
{
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop the download; what has arrived is kept and the next download resumes it"));
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_bar, 1);
    row->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    m_bar->hide();
    m_cancel->hide();
    m_status->hide();

    HubWorker* hub = engine->hub();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_engine->cancelDownload();
        m_status->setText(tr("Cancelling…"));
    });
    connect(hub, &HubWorker::progress, this, &DownloadBox::showProgress);
    connect(hub, &HubWorker::modelDownloaded, this, [this](const QString& repo, const QString&, const QString& note) {
        if (m_job != QLatin1String("model")) return;
        m_bar->setRange(0, 1000);
        m_bar->setValue(1000);
        finish(note.isEmpty() ? tr("%1 is in the cache.").arg(repo) : tr("%1: %2").arg(repo, note));
    });
    connect(hub, &HubWorker::imdbDownloaded, this, [this](const QString& path) {
        if (m_job != QLatin1String("imdb")) return;
        m_bar->setRange(0, 1000);
        m_bar->setValue(1000);
        finish(tr("Downloaded to %1.").arg(path));
    });
    connect(hub, &HubWorker::failed, this, [this](const QString& job, const QString& message) {
        if (job == m_job) finish(tr("Download failed: %1").arg(message));
    });
    connect(hub, &HubWorker::cancelled, this, [this](const QString& job, const QString&) {
        if (job == m_job) finish(tr("Cancelled. What arrived is kept: download again to resume."));
    });
}

void DownloadBox::started(const QString& what)
{
    m_busy = true;
    m_bar->setValue(0);
    m_bar->setRange(0, 0);  // busy until the sizes are known
    m_bar->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_status->show();
    m_status->setText(tr("Asking for %1…").arg(what));
}

void DownloadBox::showProgress(const DownloadProgress& p)
{
    if (p.job != m_job) return;
    if (!m_busy) started(p.file);
    if (p.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(1000.0 * std::min(p.bytes, p.total) / p.total));
    }
    QString line = p.total > 0 ? tr("%1 of %2").arg(formatBytes(p.bytes), formatBytes(p.total)) : formatBytes(p.bytes);
    if (p.bytesPerSecond > 0) line += tr(", %1/s").arg(formatBytes(static_cast<qint64>(p.bytesPerSecond)));
    if (p.secondsLeft >= 0 && p.total > p.bytes) {
        const qint64 seconds = std::llround(p.secondsLeft);
        line += seconds >= 60 ? tr(", %1 min %2 s left").arg(seconds / 60).arg(seconds % 60)
                              : tr(", %n s left", nullptr, static_cast<int>(seconds));
    }
    m_status->setText(tr("%1: %2").arg(p.file, line));
}

void DownloadBox::finish(const QString& text)
{
    m_busy = false;
    if (m_bar->maximum() == 0) m_bar->setRange(0, 1000);
    m_cancel->hide();
    m_status->show();
    m_status->setText(text);
}

}  // namespace masklab::ui
