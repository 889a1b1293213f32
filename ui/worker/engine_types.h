#pragma once
// Value types the workers hand to the widgets through queued signals. Results are immutable
// snapshots behind shared_ptr<const ...>: the worker builds one, the GUI reads it, nobody
// changes it, so no lock is needed to share a 100,000-document corpus between threads.
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/dataset_ops.h"
#include "masklab/device_info.h"
#include "masklab/masking.h"
#include "masklab/token_store.h"
#include "masklab/tokenizer.h"
#include "masklab/trainer.h"
#include "masklab/training_config.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <string>
#include <vector>

namespace masklab::ui {

// Which tokenizer the data steps use: the model folder's, a tokenizer file, or a WordPiece
// vocabulary built from the corpus (what a run from scratch does when it names none).
struct TokenizerSpec {
    QString modelFolder;
    QString tokenizerPath;
    int scratchVocabSize = 4000;

    bool operator==(const TokenizerSpec& o) const
    {
        return modelFolder == o.modelFolder && tokenizerPath == o.tokenizerPath && scratchVocabSize == o.scratchVocabSize;
    }
};

struct CorpusRequest {
    quint64 generation = 0;             // which request of the window this is (newer wins)
    QString path;
    QString split = QStringLiteral("train");
    QString textField = QStringLiteral("text");
    TokenizerSpec tokenizer;
};

struct CorpusSnapshot {
    masklab::Corpus corpus;
    QString split;
    std::shared_ptr<const masklab::Tokenizer> tokenizer;
    QString tokenizerDescription;
    masklab::TokenStore store;
    double readSeconds = 0;
    double tokenizeSeconds = 0;
    bool tokensFromCache = false;

    std::size_t tokenCount(std::size_t d) const { return store.documentLength(d); }
};
using CorpusPtr = std::shared_ptr<const CorpusSnapshot>;

struct ChunkRequest {
    CorpusPtr corpus;
    masklab::ChunkOptions options;
    masklab::SplitSizes sizes;          // train/test downsampling of the chunks
    uint64_t splitSeed = 42;
};

struct ChunkSnapshot {
    CorpusPtr corpus;
    masklab::ChunkSet chunks;
    masklab::SplitIndices split;        // empty when the sizes do not fit (see splitProblem)
    QString splitProblem;
};
using ChunksPtr = std::shared_ptr<const ChunkSnapshot>;

struct MaskRequest {
    ChunksPtr chunks;
    std::size_t chunk = 0;
    masklab::MaskingOptions options;
};

struct MaskPreview {
    ChunksPtr chunks;
    std::size_t chunk = 0;
    masklab::MaskingOptions options;
    masklab::MaskedChunk masked;
    masklab::MaskingStats stats;        // over the first statsChunks chunks
    std::size_t statsChunks = 0;
};
using MaskPreviewPtr = std::shared_ptr<const MaskPreview>;

struct TrainingRequest {
    masklab::TrainingConfig config;     // config.outputDir is the run folder
    bool resume = false;                // continue the run in config.outputDir
    QStringList probes;                 // fill-mask texts re-scored at every evaluation
    int topK = 5;
};

// One candidate token of a fill-mask answer (the first [MASK] of a text).
struct FillCandidate {
    QString token;
    double score = 0;
    QString sequence;
};

struct ProbeScores {
    qint64 step = 0;
    double epoch = 0;
    QStringList texts;
    QVector<QVector<FillCandidate>> candidates;  // per text
};

struct FillMaskRequest {
    QString slot;                       // which loaded model answers
    QString text;
    int topK = 5;
};

struct FillMaskReply {
    QString slot;
    QString folder;                     // the checkpoint that answered ("" for a new model)
    QString text;
    QVector<FillCandidate> candidates;  // for the first [MASK]
    QVector<QVector<FillCandidate>> perMask;  // every [MASK] in order
    QString error;
    double milliseconds = 0;
};

struct ModelInfo {
    QString slot;
    QString folder;                     // empty for a model from scratch
    QString title;                      // e.g. "DistilBertForMaskedLM (tiny), 1,234,567 parameters"
    qint64 parameters = 0;
    QVector<QStringList> summary;       // per block: name, kind, output shape, parameters
    QString configJson;
    QString tokenizerDescription;
    int vocabSize = 0;                  // the tokenizer's
    QStringList warnings;
};

}  // namespace masklab::ui

Q_DECLARE_METATYPE(masklab::ui::CorpusPtr)
Q_DECLARE_METATYPE(masklab::ui::ChunksPtr)
Q_DECLARE_METATYPE(masklab::ui::MaskPreviewPtr)
Q_DECLARE_METATYPE(masklab::ui::CorpusRequest)
Q_DECLARE_METATYPE(masklab::ui::ChunkRequest)
Q_DECLARE_METATYPE(masklab::ui::MaskRequest)
Q_DECLARE_METATYPE(masklab::ui::TrainingRequest)
Q_DECLARE_METATYPE(masklab::ui::ProbeScores)
Q_DECLARE_METATYPE(masklab::ui::FillMaskRequest)
Q_DECLARE_METATYPE(masklab::ui::FillMaskReply)
Q_DECLARE_METATYPE(masklab::ui::ModelInfo)
Q_DECLARE_METATYPE(masklab::StepEvent)
Q_DECLARE_METATYPE(masklab::EvalEvent)
Q_DECLARE_METATYPE(masklab::RunResult)
Q_DECLARE_METATYPE(masklab::DeviceInfo)
Q_DECLARE_METATYPE(masklab::TrainingConfig)
