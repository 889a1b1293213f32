#pragma once
// Owns the four worker threads (data, training, inference, downloads) and is the window's only door to
// them: requests are signals of this object connected to the workers with queued connections,
// results come back as the workers' signals. Stops and joins the threads in its destructor, as
// Tiled's ProjectModel does (stop flag, quit, wait).
#include "worker/data_worker.h"
#include "worker/hub_worker.h"
#include "worker/inference_worker.h"
#include "worker/training_worker.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace masklab::ui {

void registerEngineTypes();

class EngineHost final : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(QObject* parent = nullptr);
    ~EngineHost() override;

    DataWorker* data() const { return m_data; }
    TrainingWorker* training() const { return m_training; }
    InferenceWorker* inference() const { return m_inference; }
    HubWorker* hub() const { return m_hub; }

    bool isTraining() const { return m_trainingBusy; }
    void stopTraining() { m_trainingControl->requestStop(); }
    void setTrainingPaused(bool paused) { m_trainingControl->setPaused(paused); }
    void cancelData() { m_dataCancel->requestStop(); }
    void resetDataCancel() { m_dataCancel->reset(); }
    void cancelDownload() { m_hubCancel->requestStop(); }
    // Waits until the running training has saved and returned, taking no user input meanwhile.
    bool waitForTraining(int milliseconds);

signals:
    // Requests: connected to the workers' slots, queued onto their threads.
    void openCorpus(const masklab::ui::CorpusRequest& request);
    void buildChunks(const masklab::ui::ChunkRequest& request);
    void maskChunk(const masklab::ui::MaskRequest& request);
    void startTraining(const masklab::ui::TrainingRequest& request);
    void loadModel(const QString& slot, const QString& folder);
    void tryModel(const QString& slot, const QString& folder);
    void createModel(const QString& slot, const QString& preset, const std::shared_ptr<const masklab::Tokenizer>& tokenizer,
                     quint64 seed, int maxPositions);
    void fillMask(const masklab::ui::FillMaskRequest& request);
    void describeDevices();
    void downloadModel(const QString& repoText);
    void downloadImdb(const QString& url);
    void listCachedModels();
    void checkNetwork();

private:
    std::shared_ptr<RunControl> m_dataCancel = std::make_shared<RunControl>();
    std::shared_ptr<RunControl> m_trainingControl = std::make_shared<RunControl>();
    std::shared_ptr<RunControl> m_hubCancel = std::make_shared<RunControl>();
    QThread m_dataThread, m_trainingThread, m_inferenceThread, m_hubThread;
    DataWorker* m_data = nullptr;
    TrainingWorker* m_training = nullptr;
    InferenceWorker* m_inference = nullptr;
    HubWorker* m_hub = nullptr;
    bool m_trainingBusy = false;
};

}  // namespace masklab::ui
