#include "worker/tsan_handoff.h"

#include <QCoreApplication>
#include <QEvent>
#include <QObject>

#if defined(__SANITIZE_THREAD__)
#define MASKLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MASKLAB_TSAN 1
#endif
#endif

#ifdef MASKLAB_TSAN
#include <sanitizer/tsan_interface.h>

extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();

// Qt's signal-spy hook (qobject_p.h, exported by QtCore and used by QtTest's -vs): four
// callbacks around every signal emission and direct slot call.
struct QSignalSpyCallbackSet {
    using BeginCallback = void (*)(QObject* caller, int signalOrMethodIndex, void** argv);
    using EndCallback = void (*)(QObject* caller, int signalOrMethodIndex);
    BeginCallback signal_begin_callback, slot_begin_callback;
    EndCallback signal_end_callback, slot_end_callback;
};
void Q_CORE_EXPORT qt_register_signal_spy_callbacks(QSignalSpyCallbackSet* callbackSet);

namespace masklab::ui {
namespace {

// One synchronization point for every handoff: an acquire sees all that any thread released.
char g_handoff;

// Emitting is a release. What Qt then does inside the emission (copying the arguments into the
// queued event, posting it) is not checked: the copies are read only by the slot, after its
// acquire, and TSan cannot order Qt's own writes to them.
void signalBegin(QObject*, int, void**)
{
    __tsan_release(&g_handoff);
    __tsan_ignore_thread_begin();
}
void signalEnd(QObject*, int) { __tsan_ignore_thread_end(); }

class AcquireOnQueuedCall : public QObject {
public:
    using QObject::QObject;
    // A worker's filter is its child, so it goes last of all in the worker's deletion: the
    // release here covers what the worker touched while it was deleted, for the acquire after
    // QThread::wait().
    ~AcquireOnQueuedCall() override { __tsan_release(&g_handoff); }
    bool eventFilter(QObject*, QEvent* event) override
    {
        (void)event;  // queued calls, and the deferred delete and quit of a worker's last moments
        __tsan_acquire(&g_handoff);
        return false;
    }
};

}  // namespace

void annotateQueuedSignalsForTsan()
{
    static QSignalSpyCallbackSet callbacks{signalBegin, nullptr, signalEnd, nullptr};
    static bool installed = false;
    if (installed || !QCoreApplication::instance()) return;
    installed = true;
    qt_register_signal_spy_callbacks(&callbacks);
    // An application event filter sees the events of every object of the main thread.
    QCoreApplication::instance()->installEventFilter(new AcquireOnQueuedCall(QCoreApplication::instance()));
}

void annotateQueuedReceiverForTsan(QObject* receiver)
{
    // The filter lives in the receiver's thread, as Qt requires, and goes with it.
    auto* filter = new AcquireOnQueuedCall;
    filter->moveToThread(receiver->thread());
    filter->setParent(receiver);
    receiver->installEventFilter(filter);
}

void releaseForTsan() { __tsan_release(&g_handoff); }
void acquireForTsan() { __tsan_acquire(&g_handoff); }

}  // namespace masklab::ui

#else

namespace masklab::ui {
void annotateQueuedSignalsForTsan() {}
void annotateQueuedReceiverForTsan(QObject*) {}
void releaseForTsan() {}
void acquireForTsan() {}
}  // namespace masklab::ui

#endif
