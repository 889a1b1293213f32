#pragma once
// Stop, pause and cancel requests for work already running in a worker thread. A worker busy in
// train() or readCorpus() does not return to its event loop until the work ends, so a queued
// signal would arrive too late; like QThread::requestInterruption, these are flags the GUI sets
// and the worker's callbacks read between steps.
#include <QMutex>
#include <QWaitCondition>

#include <atomic>

namespace masklab::ui {

class RunControl {
public:
    void requestStop()
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_paused = false;
        m_wake.wakeAll();
    }
    void setPaused(bool paused)
    {
        QMutexLocker lock(&m_mutex);
        m_paused = paused;
        m_wake.wakeAll();
    }
    void reset()
    {
        QMutexLocker lock(&m_mutex);
        m_stop = false;
        m_paused = false;
    }
    bool stopRequested() const { return m_stop.load(); }
    bool pauseRequested() const { return m_paused.load(); }

    // Called by the worker between steps: blocks while paused; returns whether to stop.
    bool waitWhilePaused()
    {
        QMutexLocker lock(&m_mutex);
        while (m_paused && !m_stop) m_wake.wait(&m_mutex);
        return m_stop;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
};

}  // namespace masklab::ui
