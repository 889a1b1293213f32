#pragma once
// The data steps of the pipeline, off the GUI thread: read a corpus and tokenize it, group it
// into chunks, and mask a chunk for the preview. Lives in its own QThread; driven by queued
// signals; reports snapshots (engine_types.h).
#include "run_control.h"
#include "worker/engine_types.h"

#include <QObject>

#include <memory>

namespace masklab::ui {

class DataWorker final : public QObject {
    Q_OBJECT
public:
    explicit DataWorker(std::shared_ptr<RunControl> cancel, QObject* parent = nullptr);

public slots:
    void openCorpus(const masklab::ui::CorpusRequest& request);
    void buildChunks(const masklab::ui::ChunkRequest& request);
    void maskChunk(const masklab::ui::MaskRequest& request);

signals:
    void progress(const QString& task, qint64 done, qint64 total);
    void corpusReady(const masklab::ui::CorpusPtr& corpus, quint64 generation);
    void corpusFailed(const QString& task, const QString& message, quint64 generation);
    void corpusCancelled(quint64 generation);
    void chunksReady(const masklab::ui::ChunksPtr& chunks);
    void maskReady(const masklab::ui::MaskPreviewPtr& preview);
    void failed(const QString& task, const QString& message);

private:
    std::shared_ptr<const masklab::Tokenizer> tokenizerFor(const TokenizerSpec& spec, const masklab::Corpus& corpus);

    std::shared_ptr<RunControl> m_cancel;
    TokenizerSpec m_tokenizerSpec;  // the tokenizer kept from the last corpus, and what made it
    QString m_tokenizerCorpus;
    std::shared_ptr<const masklab::Tokenizer> m_tokenizer;
};

}  // namespace masklab::ui
