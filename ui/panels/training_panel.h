#pragma once
// Training: the run settings, start / pause / stop / resume, progress with steps, epoch,
// tokens per second and ETA, and the trainer's log.
#include "worker/engine_types.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace masklab::ui {

class TrainingForm;
class Workbench;

class TrainingPanel final : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(Workbench* workbench, QWidget* parent = nullptr);
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* resumeButton() const { return m_resume; }
    QProgressBar* progress() const { return m_progress; }
    QLabel* startBlockedLabel() const { return m_blocked; }
    QPlainTextEdit* log() const { return m_log; }
    TrainingForm* form() const { return m_form; }

public slots:
    void chooseRunToResume();
    void loadSettings();
    void saveSettingsAs();

private:
    void setRunning(bool running);
    void showStep(const masklab::StepEvent& e);
    void showEval(const masklab::EvalEvent& e);
    void appendLog(const QString& line);

    Workbench* m_workbench;
    TrainingForm* m_form;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QPushButton* m_resume;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_blocked;
    bool m_running = false;
    QLabel* m_perplexity;
    QPlainTextEdit* m_log;
    double m_firstPerplexity = 0;
};

QString formatDuration(double seconds);

}  // namespace masklab::ui
