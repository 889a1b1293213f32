#pragma once
// Stop, pause and cancel requests for work already running in a worker thread. A worker busy in
// train() or readCorpus() does not return to its event loop until the work ends, so a queued
// signal would arrive too late; like QThread::requestInterruption, these are flags the GUI sets
// and the worker's callbacks read between steps. The standard library's mutex and condition
// variable, not Qt's: ThreadSanitizer sees these (Qt's wait unlocks inside QtCore, out of its
// sight, and a Stop during a pause then reads as a double lock).
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace masklab::ui {

class RunControl {
public:
    void requestStop()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_paused = false;
        m_wake.notify_all();
    }
    void setPaused(bool paused)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = paused;
        m_wake.notify_all();
    }
    void reset()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = false;
        m_paused = false;
    }
    bool stopRequested() const { return m_stop.load(); }
    bool pauseRequested() const { return m_paused.load(); }

    // Called by the worker between steps: blocks while paused; returns whether to stop.
    bool waitWhilePaused()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait(lock, [this] { return !m_paused || m_stop; });
        return m_stop;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
};

}  // namespace masklab::ui
