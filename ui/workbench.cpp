#include "workbench.h"

#include "engine_text.h"

#include "masklab/error.h"

#include <utility>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace masklab::ui {
namespace {

constexpr int kSettleMilliseconds = 150;

QString settingsPath(const QString& projectDir)
{
    return QDir(projectDir).filePath(QStringLiteral("training_config.json"));
}

bool sameData(const TrainingConfig& a, const TrainingConfig& b)
{
    return a.corpus == b.corpus && a.split == b.split && a.textField == b.textField && a.model == b.model &&
           a.tokenizer == b.tokenizer && a.scratchVocabSize == b.scratchVocabSize;
}

bool sameChunks(const TrainingConfig& a, const TrainingConfig& b)
{
    return a.chunkSize == b.chunkSize && a.groupSize == b.groupSize && a.trainSize == b.trainSize &&
           a.testSize == b.testSize && a.splitSeed == b.splitSeed;
}

// The same masking, whatever the seed.
bool sameMasking(const MaskingOptions& a, const MaskingOptions& b)
{
    return a.wholeWord == b.wholeWord && a.mlmProbability == b.mlmProbability && a.wwmProbability == b.wwmProbability &&
           a.maskShare == b.maskShare && a.randomShare == b.randomShare;
}

}  // namespace

Workbench::Workbench(const QString& projectDir, QObject* parent)
    : QObject(parent), m_engine(new EngineHost(this)), m_projectDir(projectDir)
{
    QDir().mkpath(m_projectDir);
    m_probes = {QStringLiteral("This is a great [MASK]."), QStringLiteral("I [MASK] this movie.")};
    const QString saved = settingsPath(m_projectDir);
    bool loaded = false;
    if (QFileInfo::exists(saved)) {
        try {
            m_config = TrainingConfig::fromFile(saved.toStdString());
            loaded = true;
        } catch (const std::exception& e) {
            // A settings file we cannot read must not stop the app, nor be lost: keep it aside
            // under another name, start from the demo, and say so.
            const QString aside = saved + QStringLiteral(".unreadable");
            QFile::remove(aside);
            QFile::rename(saved, aside);
            QTimer::singleShot(0, this, [this, aside, message = engineText(e)] {
                emit problem(tr("The project settings could not be read; the demo settings are used instead"),
                             tr("%1. The file was kept as %2.").arg(message, aside));
            });
        }
    }
    if (!loaded) {
        try {
            m_config = TrainingConfig::demoPreset("");
        } catch (const std::exception& e) {
            m_config = TrainingConfig{};
            QTimer::singleShot(0, this, [this, message = engineText(e)] {
                emit problem(tr("The built-in demo is incomplete"), message);
            });
        }
    }

    m_rechunkTimer.setSingleShot(true);
    m_rechunkTimer.setInterval(kSettleMilliseconds);
    m_remaskTimer.setSingleShot(true);
    m_remaskTimer.setInterval(kSettleMilliseconds);
    connect(&m_rechunkTimer, &QTimer::timeout, this, &Workbench::requestChunks);
    connect(&m_remaskTimer, &QTimer::timeout, this, &Workbench::requestMask);

    DataWorker* data = m_engine->data();
    connect(data, &DataWorker::progress, this, &Workbench::loadingProgress);
    connect(data, &DataWorker::corpusReady, this, [this](const CorpusPtr& corpus, quint64 generation) {
        if (generation != m_corpusGeneration) return;  // a newer load is on its way
        m_loading = false;
        m_corpus = corpus;
        // An aclImdb corpus read with the default split: the run must read the same split.
        const bool imdb = !corpus->corpus.documents.empty() && !corpus->corpus.documents.front().split.empty();
        const std::string split = imdb ? corpus->split.toStdString() : m_config.split;
        if (m_config.corpus != corpus->corpus.origin || m_config.split != split) {
            m_config.corpus = corpus->corpus.origin;
            m_config.split = split;
            saveSettings();
            emit configChanged();
        }
        emit loadingFinished();
        emit corpusChanged(corpus);
        if (std::exchange(m_corpusChosen, false)) emit corpusChosen();
        requestChunks();
        if (m_config.model.empty()) requestBaseModel();
    });
    connect(data, &DataWorker::chunksReady, this, [this](const ChunksPtr& chunks) {
        if (chunks->corpus != m_corpus) return;  // chunks of a corpus that is no longer open
        m_chunks = chunks;
        m_previewChunk = std::min(m_previewChunk, chunks->chunks.size() ? chunks->chunks.size() - 1 : 0);
        emit chunksChanged(chunks);
        requestMask();
    });
    connect(data, &DataWorker::maskReady, this, [this](const MaskPreviewPtr& preview) {
        if (preview->chunks != m_chunks) return;  // masks of chunks that were rebuilt since
        m_mask = preview;
        emit maskChanged(preview);
    });
    connect(data, &DataWorker::corpusFailed, this, [this](const QString& task, const QString& message, quint64 generation) {
        if (generation != m_corpusGeneration) return;
        m_loading = false;
        m_corpusChosen = false;
        emit loadingFinished();
        emit problem(task, message);
    });
    connect(data, &DataWorker::corpusCancelled, this, [this](quint64 generation) {
        if (generation != m_corpusGeneration) return;
        m_loading = false;
        m_corpusChosen = false;
        emit loadingFinished();
        emit loadingCancelled();
    });
    connect(data, &DataWorker::failed, this, &Workbench::problem);
    connect(m_engine->inference(), &InferenceWorker::modelReady, this, [this](const ModelInfo& info) {
        if (info.slot != QLatin1String("base")) return;
        m_baseModel = info;
        if (!m_triedModel.isEmpty() && info.folder == m_triedModel) {
            // The folder tried loads: now the settings name it (updateConfig sees it loaded and
            // reads the corpus again with its tokenizer).
            m_triedModel.clear();
            updateConfig([&](TrainingConfig& c) {
                c.model = info.folder.toStdString();
                c.fromScratch.clear();
            });
        }
        emit baseModelChanged(info);
    });
    connect(m_engine->inference(), &InferenceWorker::modelFailed, this, [this](const QString& slot, const QString& message) {
        if (slot != QLatin1String("base")) return;
        if (!std::exchange(m_triedModel, QString()).isEmpty()) {
            // A folder the user tried: the model and the settings that were open stay.
            emit problem(tr("The model could not be loaded"), message);
            return;
        }
        m_baseModel = {};  // the worker dropped it too: never answer with the previous model
        emit baseModelChanged(m_baseModel);
        emit problem(tr("The model could not be loaded"), message);
    });
    auto runEnded = [this] {
        if (m_baseModelPending) requestBaseModel();
        emit runsChanged();
    };
    connect(m_engine->training(), &TrainingWorker::finished, this, runEnded);
    connect(m_engine->training(), &TrainingWorker::failed, this, [this, runEnded](const QString& message) {
        emit problem(tr("The training stopped with an error"), message);
        runEnded();
    });
    // A project whose settings name a model folder: load it (a corpus load does not).
    if (!m_config.model.empty()) QTimer::singleShot(0, this, &Workbench::requestBaseModel);
}

Workbench::~Workbench() = default;

void Workbench::saveSettings() const
{
    TrainingConfig stored = m_config;
    stored.outputDir.clear();  // each run gets its own folder
    // Written beside and renamed into place, so a crash mid-write leaves the previous file whole.
    QSaveFile file(settingsPath(m_projectDir));
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(stored.toJson())) < 0 || !file.commit()) {
        if (!m_saveFailed)
            emit const_cast<Workbench*>(this)->problem(tr("The project settings could not be saved"),
                                                       tr("%1: %2. Check the folder's permissions and free space.")
                                                           .arg(file.fileName(), file.errorString()));
        m_saveFailed = true;
        return;
    }
    m_saveFailed = false;
}

void Workbench::updateConfig(const std::function<void(TrainingConfig&)>& change)
{
    const TrainingConfig before = m_config;
    change(m_config);
    saveSettings();
    emit configChanged();
    if (!sameData(before, m_config)) {
        // A new model folder loads now; a model from scratch is built once the corpus (and so
        // its tokenizer) is read again.
        if (before.model != m_config.model && !m_config.model.empty() &&
            m_baseModel.folder != QString::fromStdString(m_config.model))
            requestBaseModel();
        reloadCorpus();
        return;
    }
    if (before.fromScratch != m_config.fromScratch || before.seed != m_config.seed) requestBaseModel();
    if (!sameChunks(before, m_config)) m_rechunkTimer.start();
    else if (!sameMasking(before.masking(0), m_config.masking(0))) m_remaskTimer.start();
}

void Workbench::loadDemo()
{
    TrainingConfig demo;
    try {
        demo = TrainingConfig::demoPreset("");
    } catch (const std::exception& e) {
        emit problem(tr("The built-in demo is incomplete"), engineText(e));
        return;
    }
    m_corpusChosen = true;
    updateConfig([&](TrainingConfig& c) { c = demo; });
    if (!m_corpus && !m_loading) reloadCorpus();  // same settings, but nothing is open yet
    // The demo already open: choosing it again is done at once.
    if (!m_loading && std::exchange(m_corpusChosen, false)) emit corpusChosen();
}

QString Workbench::runsDir() const
{
    return QDir(m_projectDir).filePath(QStringLiteral("runs"));
}

QStringList Workbench::runFolders() const
{
    QStringList out;
    const QDir dir(runsDir());
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFileInfo::exists(dir.filePath(name + QStringLiteral("/training_config.json")))) out << dir.filePath(name);
    return out;
}

QString Workbench::newRunFolder() const
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = QDir(runsDir()).filePath(QStringLiteral("run-") + stamp);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QDir(runsDir()).filePath(QStringLiteral("run-%1-%2").arg(stamp).arg(n));
    return candidate;
}

TokenizerSpec Workbench::tokenizerSpec() const
{
    TokenizerSpec spec;
    if (!m_config.model.empty()) spec.modelFolder = QString::fromStdString(m_config.model);
    else spec.tokenizerPath = QString::fromStdString(m_config.tokenizer);
    spec.scratchVocabSize = m_config.scratchVocabSize;
    return spec;
}

void Workbench::openCorpus(const QString& path)
{
    m_corpusChosen = true;
    requestCorpus(path);
}

void Workbench::requestCorpus(const QString& path)
{
    CorpusRequest request;
    request.path = path;
    // The demo (JSONL) has no split; an aclImdb folder opened after it reads the course's.
    request.split = m_config.split.empty() ? QStringLiteral("train") : QString::fromStdString(m_config.split);
    request.textField = QString::fromStdString(m_config.textField);
    request.tokenizer = tokenizerSpec();
    request.generation = ++m_corpusGeneration;
    m_loading = true;
    m_engine->resetDataCancel();  // here, not in the worker: a Cancel clicked while queued counts
    emit loadingProgress(tr("Opening %1").arg(path), 0, 0);
    emit m_engine->openCorpus(request);
}

void Workbench::reloadCorpus()
{
    if (m_config.corpus.empty()) return;
    requestCorpus(QString::fromStdString(m_config.corpus));
}

void Workbench::cancelLoading()
{
    m_engine->cancelData();
}

MaskingOptions Workbench::maskingOptions() const
{
    if (!m_trialMasking) return m_config.masking(m_previewSeed);
    MaskingOptions trial = *m_trialMasking;
    trial.seed = m_previewSeed;
    return trial;
}

void Workbench::setTrialMasking(const MaskingOptions& options)
{
    // Trying the run's own settings again is no trial.
    if (sameMasking(options, m_config.masking(m_previewSeed))) m_trialMasking.reset();
    else m_trialMasking = options;
    m_remaskTimer.start();
    emit trialMaskingChanged();
}

void Workbench::applyTrialMasking()
{
    if (!m_trialMasking) return;
    const MaskingOptions trial = *std::exchange(m_trialMasking, std::nullopt);
    updateConfig([&](TrainingConfig& c) {
        c.wholeWord = trial.wholeWord;
        c.mlmProbability = trial.mlmProbability;
        c.wwmProbability = trial.wwmProbability;
        c.maskShare = trial.maskShare;
        c.randomShare = trial.randomShare;
    });
    emit trialMaskingChanged();
}

void Workbench::discardTrialMasking()
{
    if (!m_trialMasking) return;
    m_trialMasking.reset();
    m_remaskTimer.start();
    emit trialMaskingChanged();
}

void Workbench::setPreviewChunk(std::size_t chunk)
{
    if (chunk == m_previewChunk && m_mask && m_mask->chunk == chunk) return;
    m_previewChunk = chunk;
    m_remaskTimer.start();
}

void Workbench::setPreviewSeed(quint64 seed)
{
    m_previewSeed = seed;
    m_remaskTimer.start();
}

void Workbench::requestChunks()
{
    if (!m_corpus) return;
    ChunkRequest request;
    request.corpus = m_corpus;
    request.options.chunkSize = m_config.chunkSize;
    request.options.groupSize = m_config.groupSize;
    request.sizes = {m_config.trainSize, m_config.testSize};
    request.splitSeed = m_config.splitSeed;
    emit m_engine->buildChunks(request);
}

void Workbench::requestMask()
{
    if (!m_chunks || m_chunks->chunks.size() == 0) return;
    MaskRequest request;
    request.chunks = m_chunks;
    request.chunk = m_previewChunk;
    request.options = maskingOptions();
    emit m_engine->maskChunk(request);
}

void Workbench::requestBaseModel()
{
    // Building a new model seeds LibTorch's global generator, which a running training draws
    // its dropout from: wait until the run ends.
    m_baseModelPending = isTraining();
    if (m_baseModelPending) return;
    if (!m_config.model.empty()) {
        emit m_engine->loadModel(QStringLiteral("base"), QString::fromStdString(m_config.model));
    } else if (m_corpus && !m_config.fromScratch.empty()) {
        emit m_engine->createModel(QStringLiteral("base"), QString::fromStdString(m_config.fromScratch), m_corpus->tokenizer,
                                   m_config.seed, m_config.chunkSize);
    }
}

void Workbench::openModel(const QString& folder)
{
    // A local folder without config.json is no model: one message, and the settings keep the
    // model they had (no corpus reload that would fail on its missing tokenizer as well).
    const QFileInfo local(folder);
    if (local.isDir() && !QFileInfo::exists(QDir(folder).filePath(QStringLiteral("config.json")))) {
        emit problem(tr("This folder holds no model"),
                     tr("%1 has no config.json. A model folder is what save_pretrained writes: config.json, "
                        "model.safetensors or pytorch_model.bin, and the tokenizer's files. Choose such a folder, "
                        "or a size for a new model.")
                         .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (folder.toStdString() == m_config.model) {  // the same folder again: load it again
        requestBaseModel();
        reloadCorpus();
        return;
    }
    if (isTraining()) {  // loading builds a model, which would draw from the run's generator
        emit problem(tr("A training is running"), tr("Stop it, or wait until it ends, before opening another model."));
        return;
    }
    // The folder is tried first; the settings name it once it has loaded (modelReady). One that
    // does not load (missing, damaged, a tokenizer that does not fit) gives one message, and the
    // model and settings that were open stay.
    m_triedModel = folder;
    emit m_engine->tryModel(QStringLiteral("base"), folder);
}

void Workbench::useNewModel(const QString& preset)
{
    updateConfig([&](TrainingConfig& c) {
        c.model.clear();
        c.fromScratch = preset.toStdString();
    });
}

QString Workbench::startTraining()
{
    if (isTraining()) {
        emit problem(tr("A training is already running"), tr("Stop it, or wait until it ends, before starting another."));
        return {};
    }
    TrainingConfig config = m_config;
    config.outputDir = newRunFolder().toStdString();
    try {
        config.validate();
    } catch (const std::exception& e) {
        emit problem(tr("The run settings cannot work"), engineText(e));
        return {};
    }
    QDir().mkpath(runsDir());
    TrainingRequest request;
    request.config = config;
    request.probes = m_probes;
    m_currentRun = QString::fromStdString(config.outputDir);
    emit m_engine->startTraining(request);
    emit runStarted(m_currentRun);
    return m_currentRun;
}

void Workbench::resumeTraining(const QString& runDir)
{
    if (isTraining()) {
        emit problem(tr("A training is already running"), tr("Stop it, or wait until it ends, before resuming another."));
        return;
    }
    TrainingRequest request;
    request.config.outputDir = runDir.toStdString();
    request.resume = true;
    request.probes = m_probes;
    m_currentRun = runDir;
    emit m_engine->startTraining(request);
    emit runStarted(runDir);
}

void Workbench::setTrainingPaused(bool paused)
{
    m_engine->setTrainingPaused(paused);
}

void Workbench::stopTraining()
{
    m_engine->stopTraining();
}

void Workbench::setProbes(const QStringList& probes)
{
    m_probes = probes;
}

}  // namespace masklab::ui
