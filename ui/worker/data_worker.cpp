#include "worker/data_worker.h"

#include "engine_text.h"

#include "masklab/error.h"
#include "masklab/hub.h"
#include "masklab/vocabulary_builder.h"

#include <QElapsedTimer>

#include <algorithm>

namespace masklab::ui {
namespace {

// Masking statistics over this many chunks: enough for shares within a fraction of a point,
// quick enough to follow a slider.
constexpr std::size_t kStatsChunks = 4000;

}  // namespace

DataWorker::DataWorker(std::shared_ptr<RunControl> cancel, QObject* parent)
    : QObject(parent), m_cancel(std::move(cancel))
{
}

std::shared_ptr<const Tokenizer> DataWorker::tokenizerFor(const TokenizerSpec& spec, const Corpus& corpus)
{
    const bool built = spec.modelFolder.isEmpty() && spec.tokenizerPath.isEmpty();
    const QString corpusKey = built ? QString::fromStdString(corpus.origin) : QString();
    if (m_tokenizer && spec == m_tokenizerSpec && corpusKey == m_tokenizerCorpus) return m_tokenizer;
    std::shared_ptr<const Tokenizer> tokenizer;
    if (!spec.modelFolder.isEmpty()) {
        // A Hub repo id is the snapshot folder in the cache.
        tokenizer = loadTokenizer(hub::locateModel(spec.modelFolder.toStdString()));
    } else if (!spec.tokenizerPath.isEmpty()) {
        tokenizer = loadTokenizer(hub::locateModel(spec.tokenizerPath.toStdString()));
    } else {
        // The vocabulary the trainer builds for a model from scratch with no tokenizer.
        emit progress(tr("Building a vocabulary"), 0, 0);
        tokenizer = buildCorpusTokenizer(corpus.documents, spec.scratchVocabSize);
    }
    m_tokenizer = tokenizer;
    m_tokenizerSpec = spec;
    m_tokenizerCorpus = corpusKey;
    return tokenizer;
}

void DataWorker::openCorpus(const CorpusRequest& request)
{
    const QString task = tr("Opening %1").arg(request.path);
    try {
        auto snapshot = std::make_shared<CorpusSnapshot>();
        QElapsedTimer clock;
        clock.start();
        CorpusOptions options;
        options.split = request.split.toStdString();
        options.textField = request.textField.toStdString();
        options.progress = [this, &task](std::size_t done, std::size_t total) {
            emit progress(task, static_cast<qint64>(done), static_cast<qint64>(total));
            return !m_cancel->stopRequested();
        };
        snapshot->corpus = readCorpus(request.path.toStdString(), options);
        snapshot->split = request.split;
        snapshot->readSeconds = clock.nsecsElapsed() / 1e9;

        clock.restart();
        snapshot->tokenizer = tokenizerFor(request.tokenizer, snapshot->corpus);
        snapshot->tokenizerDescription = engineText(snapshot->tokenizer->describe());
        if (m_cancel->stopRequested()) throw Error("cancelled reading " + request.path.toStdString());
        emit progress(tr("Tokenizing %n documents", nullptr, static_cast<int>(snapshot->corpus.size())), 0, 0);
        snapshot->store = tokenizeCached(*snapshot->tokenizer, snapshot->corpus.documents, defaultCacheDir(),
                                         &snapshot->tokensFromCache);
        snapshot->tokenizeSeconds = clock.nsecsElapsed() / 1e9;
        if (m_cancel->stopRequested()) throw Error("cancelled reading " + request.path.toStdString());
        emit progress(task, 1, 1);
        emit corpusReady(snapshot, request.generation);
    } catch (const std::exception& e) {
        // A cancel is what the user asked for, not a problem to report.
        if (m_cancel->stopRequested()) emit corpusCancelled(request.generation);
        else emit corpusFailed(task, engineText(e), request.generation);
    }
}

void DataWorker::buildChunks(const ChunkRequest& request)
{
    const QString task = tr("Grouping texts into chunks");
    try {
        if (!request.corpus)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "no corpus is open: open one in the Dataset panel first")));
        auto snapshot = std::make_shared<ChunkSnapshot>();
        snapshot->corpus = request.corpus;
        const int pad = std::max(0, request.corpus->tokenizer->specialTokens().pad);
        snapshot->chunks = groupTexts(request.corpus->store, request.options, pad);
        try {
            snapshot->split = trainTestSplit(snapshot->chunks.size(), request.sizes, request.splitSeed);
        } catch (const Error& e) {
            snapshot->splitProblem = engineText(e);
        }
        emit chunksReady(snapshot);
    } catch (const std::exception& e) {
        emit failed(task, engineText(e));
    }
}

void DataWorker::maskChunk(const MaskRequest& request)
{
    const QString task = tr("Masking");
    try {
        if (!request.chunks || request.chunks->chunks.size() == 0)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "there are no chunks to mask: the corpus is shorter "
                                                         "than one chunk, choose a smaller chunk size")));
        const ChunkSet& chunks = request.chunks->chunks;
        const std::size_t chunk = std::min(request.chunk, chunks.size() - 1);
        const MaskingVocabulary vocabulary = maskingVocabularyFor(*request.chunks->corpus->tokenizer);
        const auto length = static_cast<std::size_t>(chunks.chunkSize);
        auto preview = std::make_shared<MaskPreview>();
        preview->chunks = request.chunks;
        preview->chunk = chunk;
        preview->options = request.options;
        // Stream = chunk index, as maskAll() freezes evaluation masks: the preview of chunk c is
        // exactly the mask the same seed gives chunk c everywhere.
        preview->masked = masklab::maskChunk(chunks.chunkIds(chunk), chunks.chunkWordIds(chunk), chunks.chunkAttention(chunk),
                                             length, request.options, vocabulary, chunk);
        preview->statsChunks = std::min(chunks.size(), kStatsChunks);
        for (std::size_t c = 0; c < preview->statsChunks; ++c) {
            const MaskedChunk m = masklab::maskChunk(chunks.chunkIds(c), chunks.chunkWordIds(c), chunks.chunkAttention(c),
                                                     length, request.options, vocabulary, c);
            preview->stats.add(m, chunks.chunkIds(c), vocabulary);
        }
        emit maskReady(preview);
    } catch (const std::exception& e) {
        emit failed(task, engineText(e));
    }
}

}  // namespace masklab::ui
