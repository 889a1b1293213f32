#pragma once
// Progress of one kind of download ("model" or "imdb"): a bar, a line with bytes, rate and time
// left (or what went wrong), and Cancel. Hidden until its job reports.
#include "worker/hub_worker.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace masklab::ui {

class EngineHost;

class DownloadBox final : public QWidget {
    Q_OBJECT
public:
    DownloadBox(EngineHost* engine, const QString& job, QWidget* parent = nullptr);
    QLabel* status() const { return m_status; }
    QProgressBar* bar() const { return m_bar; }
    QPushButton* cancelButton() const { return m_cancel; }
    bool isBusy() const { return m_busy; }

    // Shown at once when the request leaves, before the first byte.
    void started(const QString& what);

private:
    void showProgress(const DownloadProgress& p);
    void finish(const QString& text);

    EngineHost* m_engine;
    QString m_job;
    QProgressBar* m_bar;
    QLabel* m_status;
    QPushButton* m_cancel;
    bool m_busy = false;
};

// "12.3 MB" in the user's locale.
QString formatBytes(qint64 bytes);

}  // namespace masklab::ui
