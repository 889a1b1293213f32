#pragma once
// The training batches of a run, made ahead of the step on a thread of their own: the chunks of
// each optimizer step in the epoch's shuffled order, fresh masks from a stream fixed by (epoch,
// place), copied into tensors in pinned host memory when the run is on a GPU, so the step's
// copy to the device does not wait for the CPU and the CPU's work overlaps the GPU's.
//
// A step of the run covers global_batch = batch_size x processes x gradient_accumulation
// chunks. Its micro-batch m on process r holds the chunks at places
// [start + (m x processes + r) x batch_size, ... + batch_size) of the epoch's order: every
// process together takes exactly what one process with the whole global batch would, with the
// same masks.
#include "masklab/chunking.h"
#include "masklab/masking.h"

#include <torch/torch.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace masklab {

struct Batch {
    torch::Tensor ids, attention, labels;
    // Found on the host, so the step never waits for the device to find them: the flat indices
    // of the masked positions (ascending), their labels, and whether any token is padding.
    torch::Tensor positions, targets;
    bool padded = false;
    int64_t tokens = 0;  // real (not padding) tokens
    int64_t scored = 0;  // masked tokens, the ones the loss is over
    int64_t rows() const { return ids.defined() ? ids.size(0) : 0; }
};

// Rows masked[0..count) of chunks chunkIndices[0..count), on the host (pinned if asked).
Batch makeHostBatch(const ChunkSet& chunks, int64_t chunkSize, const MaskedChunk* masked, const std::size_t* chunkIndices,
                    std::size_t count, bool pinned);
// The batch on `device`; from pinned memory the copy is asynchronous.
Batch onDevice(const Batch& batch, const torch::Device& device);

struct DataPlan {
    const ChunkSet* chunks = nullptr;
    const std::vector<std::size_t>* train = nullptr;  // the training chunks' indices
    const MaskingVocabulary* vocabulary = nullptr;
    MaskingOptions masking;
    int64_t chunkSize = 128;
    int64_t batchSize = 8;         // per process
    int64_t processes = 1;
    int64_t rank = 0;
    int64_t accumulation = 1;
    int64_t epochs = 1;
    uint64_t seed = 42;            // the shuffling
    bool pinned = false;

    int64_t globalBatch() const { return batchSize * processes * accumulation; }
    // Micro-batches of the whole run (over all processes) in one epoch, and steps per epoch.
    int64_t microPerEpoch() const;
    int64_t stepsPerEpoch() const;
};

// The order of an epoch's training chunks (the same on every process).
std::vector<std::size_t> epochOrder(const DataPlan& plan, int64_t epoch);

struct StepBatches {
    int64_t epoch = 0;
    int64_t sampleEnd = 0;          // the epoch's place after this step
    int64_t scored = 0;             // this process's masked tokens in the step
    std::vector<Batch> micro;       // this process's micro-batches (some may have no rows)
};

class BatchProducer {
public:
    // Starts at place `sample` of epoch `epoch` and makes up to `ahead` steps in advance.
    BatchProducer(DataPlan plan, int64_t epoch, int64_t sample, std::size_t ahead = 2);
    ~BatchProducer();
    BatchProducer(const BatchProducer&) = delete;
    BatchProducer& operator=(const BatchProducer&) = delete;

    // The next step's batches (waits while they are made); rethrows what making them threw.
    StepBatches next();

private:
    void produce(int64_t epoch, int64_t sample);
    StepBatches makeStep(int64_t epoch, const std::vector<std::size_t>& order, int64_t sample) const;

    DataPlan m_plan;
    std::size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<StepBatches> m_ready;
    std::exception_ptr m_error;
    bool m_finished = false, m_stopping = false;
    std::thread m_thread;
};

}  // namespace masklab
