#pragma once
// ThreadSanitizer and Qt's queued signals. The workers and the window hand everything over
// through queued signals, whose event queue lives in Debian's Qt, not built with TSan, so TSan
// sees neither side of the handoff and reports every argument a slot reads as a race. In a TSan
// build these hooks tell it what Qt guarantees: whatever a thread did before emitting happens
// before the slot that the queued call runs. Elsewhere they compile to nothing.
class QObject;

namespace masklab::ui {

// Once per process: marks every emit as a release (through Qt's signal-spy hooks, which run in
// the emitting thread before the arguments are copied), and every queued call delivered to an
// object of the main thread as an acquire.
void annotateQueuedSignalsForTsan();

// Marks queued calls delivered to `receiver` (an object of a worker thread, after moveToThread)
// as acquires.
void annotateQueuedReceiverForTsan(QObject* receiver);

// For handoffs Qt makes without a signal: a release before QThread::quit(), an acquire after
// QThread::wait() (the thread's last emission, finished(), was its release).
void releaseForTsan();
void acquireForTsan();

}  // namespace masklab::ui
