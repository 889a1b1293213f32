#pragma once
// Runs a training (or resumes one) in its own QThread and turns the trainer's callbacks into
// queued signals. Stop and pause arrive through the shared RunControl, because the thread is
// inside train() until the run ends.
#include "run_control.h"
#include "worker/engine_types.h"

#include <QObject>

#include <memory>

namespace masklab::ui {

class TrainingWorker final : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::shared_ptr<RunControl> control, QObject* parent = nullptr);

public slots:
    void run(const masklab::ui::TrainingRequest& request);

signals:
    void started(const QString& runDir);
    void stepped(const masklab::StepEvent& event);
    void evaluated(const masklab::EvalEvent& event);
    void probesScored(const masklab::ui::ProbeScores& scores);
    void logLine(const QString& line);
    void pausedChanged(bool paused);
    void finished(const masklab::RunResult& result);
    void failed(const QString& message);

private:
    std::shared_ptr<RunControl> m_control;
};

}  // namespace masklab::ui
