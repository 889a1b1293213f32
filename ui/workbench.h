#pragma once
// The open project and everything the panels share: the run settings (one TrainingConfig, the
// same file the CLI reads), the corpus, chunks and mask preview snapshots, the base model. The
// panels edit and read it in the GUI thread; it passes requests to the workers (EngineHost) and
// publishes their results.
#include "worker/engine_host.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace masklab::ui {

class Workbench final : public QObject {
    Q_OBJECT
public:
    // The project folder holds training_config.json (the settings) and runs/ (one folder a run).
    explicit Workbench(const QString& projectDir, QObject* parent = nullptr);
    ~Workbench() override;

    EngineHost* engine() const { return m_engine; }

    // --- Settings ---------------------------------------------------------------------------
    const masklab::TrainingConfig& config() const { return m_config; }
    // Changes settings; saves them; rebuilds what depends on the fields that changed.
    void updateConfig(const std::function<void(masklab::TrainingConfig&)>& change);
    void loadDemo();                       // the built-in demo's settings and corpus
    QString projectDir() const { return m_projectDir; }
    QString runsDir() const;
    QStringList runFolders() const;        // newest last
    QString newRunFolder() const;

    // --- Data -------------------------------------------------------------------------------
    void openCorpus(const QString& path);  // the user's choice; also becomes the run's corpus
    void reloadCorpus();                   // same corpus, e.g. after the tokenizer changed
    void cancelLoading();
    bool isLoading() const { return m_loading; }
    CorpusPtr corpus() const { return m_corpus; }
    ChunksPtr chunks() const { return m_chunks; }
    MaskPreviewPtr maskPreview() const { return m_mask; }
    // The masking the preview shows: the trial's when there is one, else the run's settings;
    // with the preview seed.
    masklab::MaskingOptions maskingOptions() const;
    // The Masks panel tries masking here without touching the run: the preview follows the
    // trial until it is applied (then the run trains with it) or discarded.
    void setTrialMasking(const masklab::MaskingOptions& options);
    bool hasTrialMasking() const { return m_trialMasking.has_value(); }
    void applyTrialMasking();
    void discardTrialMasking();
    void setPreviewChunk(std::size_t chunk);
    std::size_t previewChunk() const { return m_previewChunk; }
    void setPreviewSeed(quint64 seed);
    quint64 previewSeed() const { return m_previewSeed; }

    // --- Model ------------------------------------------------------------------------------
    void openModel(const QString& folder);         // adapt a save_pretrained folder
    void useNewModel(const QString& preset);       // train one from scratch
    ModelInfo baseModel() const { return m_baseModel; }

    // --- Training ---------------------------------------------------------------------------
    QString startTraining();               // returns the run folder; "" and an error when it cannot
    void resumeTraining(const QString& runDir);
    void setTrainingPaused(bool paused);
    void stopTraining();
    bool isTraining() const { return m_engine->isTraining(); }
    QString currentRun() const { return m_currentRun; }
    QStringList probes() const { return m_probes; }
    void setProbes(const QStringList& probes);

signals:
    void configChanged();
    void loadingProgress(const QString& task, qint64 done, qint64 total);
    void loadingFinished();
    void loadingCancelled();
    void corpusChanged(const masklab::ui::CorpusPtr& corpus);
    // After corpusChanged, when the corpus is one the user chose (openCorpus, loadDemo), not
    // one reopened on launch or after a settings change.
    void corpusChosen();
    void chunksChanged(const masklab::ui::ChunksPtr& chunks);
    void maskChanged(const masklab::ui::MaskPreviewPtr& preview);
    void baseModelChanged(const masklab::ui::ModelInfo& info);
    void trialMaskingChanged();
    void runStarted(const QString& runDir);
    void runsChanged();
    // A problem to show: what failed, and the core's message naming the cause and the fix.
    void problem(const QString& what, const QString& message);

private:
    void saveSettings() const;
    void requestCorpus(const QString& path);
    void requestChunks();
    void requestMask();
    void requestBaseModel();
    TokenizerSpec tokenizerSpec() const;

    EngineHost* m_engine = nullptr;
    QString m_projectDir;
    masklab::TrainingConfig m_config;
    CorpusPtr m_corpus;
    ChunksPtr m_chunks;
    MaskPreviewPtr m_mask;
    ModelInfo m_baseModel;
    bool m_loading = false;
    bool m_corpusChosen = false;
    std::optional<masklab::MaskingOptions> m_trialMasking;      // the corpus on its way is the user's choice
    std::size_t m_previewChunk = 0;
    quint64 m_previewSeed = 42;
    QString m_currentRun;
    quint64 m_corpusGeneration = 0;   // the latest corpus request; older answers are dropped
    bool m_baseModelPending = false;  // a base model to build once the running training ends
    QString m_triedModel;             // a model folder being tried before the settings name it
    mutable bool m_saveFailed = false;
    QStringList m_probes;
    // Sliders and spin boxes change settings many times a second: rebuild once they settle.
    QTimer m_rechunkTimer, m_remaskTimer;
};

}  // namespace masklab::ui
