#include "worker/engine_host.h"

#include "worker/tsan_handoff.h"

#include <QEventLoop>
#include <QTimer>

namespace masklab::ui {

void registerEngineTypes()
{
    qRegisterMetaType<CorpusPtr>();
    qRegisterMetaType<ChunksPtr>();
    qRegisterMetaType<MaskPreviewPtr>();
    qRegisterMetaType<CorpusRequest>();
    qRegisterMetaType<ChunkRequest>();
    qRegisterMetaType<MaskRequest>();
    qRegisterMetaType<TrainingRequest>();
    qRegisterMetaType<ProbeScores>();
    qRegisterMetaType<FillMaskRequest>();
    qRegisterMetaType<FillMaskReply>();
    qRegisterMetaType<ModelInfo>();
    qRegisterMetaType<DownloadProgress>();
    qRegisterMetaType<masklab::StepEvent>();
    qRegisterMetaType<masklab::EvalEvent>();
    qRegisterMetaType<masklab::RunResult>();
    qRegisterMetaType<masklab::DeviceInfo>();
    qRegisterMetaType<masklab::TrainingConfig>();
    qRegisterMetaType<std::shared_ptr<const masklab::Tokenizer>>();
}

EngineHost::EngineHost(QObject* parent) : QObject(parent)
{
    registerEngineTypes();
    m_data = new DataWorker(m_dataCancel);
    m_training = new TrainingWorker(m_trainingControl);
    m_inference = new InferenceWorker;
    m_data->moveToThread(&m_dataThread);
    m_training->moveToThread(&m_trainingThread);
    m_inference->moveToThread(&m_inferenceThread);
    m_hub = new HubWorker(m_hubCancel);
    m_hub->moveToThread(&m_hubThread);
    annotateQueuedSignalsForTsan();
    for (QObject* worker : {static_cast<QObject*>(m_data), static_cast<QObject*>(m_training),
                            static_cast<QObject*>(m_inference), static_cast<QObject*>(m_hub)})
        annotateQueuedReceiverForTsan(worker);
    connect(&m_hubThread, &QThread::finished, m_hub, &QObject::deleteLater);
    connect(this, &EngineHost::downloadModel, m_hub, &HubWorker::downloadModel, Qt::QueuedConnection);
    connect(this, &EngineHost::downloadImdb, m_hub, &HubWorker::downloadImdb, Qt::QueuedConnection);
    connect(this, &EngineHost::listCachedModels, m_hub, &HubWorker::listCache, Qt::QueuedConnection);
    connect(this, &EngineHost::checkNetwork, m_hub, &HubWorker::checkNetwork, Qt::QueuedConnection);
    // A new download starts uncancelled; reset at emit time, so a Cancel after it counts.
    for (auto request : {&EngineHost::downloadModel, &EngineHost::downloadImdb})
        connect(this, request, this, [this] { m_hubCancel->reset(); }, Qt::DirectConnection);
    connect(&m_dataThread, &QThread::finished, m_data, &QObject::deleteLater);
    connect(&m_trainingThread, &QThread::finished, m_training, &QObject::deleteLater);
    connect(&m_inferenceThread, &QThread::finished, m_inference, &QObject::deleteLater);

    connect(this, &EngineHost::openCorpus, m_data, &DataWorker::openCorpus, Qt::QueuedConnection);
    connect(this, &EngineHost::buildChunks, m_data, &DataWorker::buildChunks, Qt::QueuedConnection);
    connect(this, &EngineHost::maskChunk, m_data, &DataWorker::maskChunk, Qt::QueuedConnection);
    connect(this, &EngineHost::startTraining, m_training, &TrainingWorker::run, Qt::QueuedConnection);
    connect(this, &EngineHost::loadModel, m_inference, &InferenceWorker::loadModel, Qt::QueuedConnection);
    connect(this, &EngineHost::tryModel, m_inference, &InferenceWorker::tryModel, Qt::QueuedConnection);
    connect(this, &EngineHost::createModel, m_inference, &InferenceWorker::createModel, Qt::QueuedConnection);
    connect(this, &EngineHost::fillMask, m_inference, &InferenceWorker::fillMask, Qt::QueuedConnection);
    connect(this, &EngineHost::describeDevices, m_inference, &InferenceWorker::describeDevices, Qt::QueuedConnection);

    // Busy from the moment the request leaves (a direct connection runs at emit time), so a
    // second click before the worker has started cannot queue a second run.
    // The control is reset here too, not on the worker thread, so a Stop or Pause clicked before
    // the worker picks the run up still counts.
    connect(this, &EngineHost::startTraining, this, [this] {
        m_trainingBusy = true;
        m_trainingControl->reset();
    }, Qt::DirectConnection);
    connect(m_training, &TrainingWorker::finished, this, [this] { m_trainingBusy = false; });
    connect(m_training, &TrainingWorker::failed, this, [this] { m_trainingBusy = false; });

    m_dataThread.setObjectName(QStringLiteral("masklab-data"));
    m_trainingThread.setObjectName(QStringLiteral("masklab-training"));
    m_inferenceThread.setObjectName(QStringLiteral("masklab-inference"));
    m_dataThread.start();
    m_trainingThread.start();
    m_inferenceThread.start();
    m_hubThread.setObjectName(QStringLiteral("masklab-downloads"));
    m_hubThread.start();
}

EngineHost::~EngineHost()
{
    // A run still going saves its checkpoint at the next step boundary and returns.
    m_trainingControl->requestStop();
    m_dataCancel->requestStop();
    m_hubCancel->requestStop();  // a download in flight keeps its bytes for the next start
    releaseForTsan();
    for (QThread* t : {&m_dataThread, &m_trainingThread, &m_inferenceThread, &m_hubThread}) {
        t->quit();
        t->wait();
    }
    acquireForTsan();
}

bool EngineHost::waitForTraining(int milliseconds)
{
    if (!m_trainingBusy) return true;
    QEventLoop loop;
    connect(m_training, &TrainingWorker::finished, &loop, &QEventLoop::quit);
    connect(m_training, &TrainingWorker::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return !m_trainingBusy;
}

}  // namespace masklab::ui
