#include "engine/batch_producer.h"

#include "masklab/dataset_ops.h"

#include <algorithm>

namespace masklab {

Batch makeHostBatch(const ChunkSet& chunks, int64_t chunkSize, const MaskedChunk* masked, const std::size_t* chunkIndices,
                    std::size_t count, bool pinned)
{
    const int64_t n = static_cast<int64_t>(count), len = chunkSize;
    const auto options = torch::TensorOptions().dtype(torch::kLong).pinned_memory(pinned);
    Batch b;
    b.ids = torch::empty({n, len}, options);
    b.labels = torch::empty({n, len}, options);
    b.attention = torch::empty({n, len}, options);
    int64_t* ids = b.ids.data_ptr<int64_t>();
    int64_t* labels = b.labels.data_ptr<int64_t>();
    int64_t* attention = b.attention.data_ptr<int64_t>();
    std::vector<int64_t> positions, targets;
    for (int64_t r = 0; r < n; ++r) {
        const MaskedChunk& m = masked[r];
        const uint8_t* att = chunks.chunkAttention(chunkIndices[r]);
        for (int64_t t = 0; t < len; ++t) {
            const int64_t at = r * len + t;
            ids[at] = m.inputIds[static_cast<std::size_t>(t)];
            labels[at] = m.labels[static_cast<std::size_t>(t)];
            attention[at] = att[t];
            b.tokens += att[t];
            if (labels[at] != -100) {
                positions.push_back(at);
                targets.push_back(labels[at]);
            }
        }
    }
    b.scored = static_cast<int64_t>(positions.size());
    b.padded = b.tokens < n * len;
    b.positions = torch::empty({b.scored}, options);
    b.targets = torch::empty({b.scored}, options);
    std::copy(positions.begin(), positions.end(), b.positions.data_ptr<int64_t>());
    std::copy(targets.begin(), targets.end(), b.targets.data_ptr<int64_t>());
    return b;
}

Batch onDevice(const Batch& batch, const torch::Device& device)
{
    if (!batch.ids.defined() || batch.ids.device() == device) return batch;
    Batch b = batch;
    b.ids = batch.ids.to(device, /*non_blocking=*/true);
    b.labels = batch.labels.to(device, true);
    b.attention = batch.attention.to(device, true);
    b.positions = batch.positions.to(device, true);
    b.targets = batch.targets.to(device, true);
    return b;
}

int64_t DataPlan::microPerEpoch() const
{
    const int64_t perMicro = batchSize * processes;
    return (static_cast<int64_t>(train->size()) + perMicro - 1) / perMicro;
}

int64_t DataPlan::stepsPerEpoch() const
{
    return (microPerEpoch() + accumulation - 1) / accumulation;
}

std::vector<std::size_t> epochOrder(const DataPlan& plan, int64_t epoch)
{
    return shuffledIndices(plan.train->size(), plan.seed * 1000003ULL + static_cast<uint64_t>(epoch));
}

StepBatches BatchProducer::makeStep(int64_t epoch, const std::vector<std::size_t>& order, int64_t sample) const
{
    const DataPlan& p = m_plan;
    const auto trainCount = static_cast<int64_t>(p.train->size());
    StepBatches step;
    step.epoch = epoch;
    step.sampleEnd = std::min(trainCount, sample + p.globalBatch());
    for (int64_t m = 0; m < p.accumulation; ++m) {
        const int64_t microStart = sample + m * p.batchSize * p.processes;
        if (microStart >= step.sampleEnd) break;  // the epoch's last step has fewer micro-batches
        const int64_t begin = std::min(step.sampleEnd, microStart + p.rank * p.batchSize);
        const int64_t end = std::min(step.sampleEnd, begin + p.batchSize);
        std::vector<MaskedChunk> masked;
        std::vector<std::size_t> chunkIndices;
        for (int64_t k = begin; k < end; ++k) {
            const std::size_t chunk = (*p.train)[order[static_cast<std::size_t>(k)]];
            chunkIndices.push_back(chunk);
            // The stream of place k in epoch e: a resumed run, or another split of the same
            // global batch over processes and micro-batches, draws the same masks.
            const uint64_t stream = static_cast<uint64_t>(epoch) * static_cast<uint64_t>(trainCount) + static_cast<uint64_t>(k);
            masked.push_back(maskChunk(p.chunks->chunkIds(chunk), p.chunks->chunkWordIds(chunk), p.chunks->chunkAttention(chunk),
                                       static_cast<std::size_t>(p.chunkSize), p.masking, *p.vocabulary, stream));
        }
        step.micro.push_back(makeHostBatch(*p.chunks, p.chunkSize, masked.data(), chunkIndices.data(), masked.size(), p.pinned));
        step.scored += step.micro.back().scored;
    }
    return step;
}

BatchProducer::BatchProducer(DataPlan plan, int64_t epoch, int64_t sample, std::size_t ahead)
    : m_plan(plan), m_ahead(std::max<std::size_t>(1, ahead))
{
    m_thread = std::thread([this, epoch, sample] { produce(epoch, sample); });
}

BatchProducer::~BatchProducer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BatchProducer::produce(int64_t epoch, int64_t sample)
{
    try {
        const auto trainCount = static_cast<int64_t>(m_plan.train->size());
        for (; epoch < m_plan.epochs; ++epoch, sample = 0) {
            const std::vector<std::size_t> order = epochOrder(m_plan, epoch);
            while (sample < trainCount) {
                StepBatches step = makeStep(epoch, order, sample);
                sample = step.sampleEnd;
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stopping || m_ready.size() < m_ahead; });
                if (m_stopping) return;
                m_ready.push_back(std::move(step));
                m_changed.notify_all();
            }
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

StepBatches BatchProducer::next()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_ready.empty() || m_finished; });
    if (m_ready.empty()) {
        if (m_error) std::rethrow_exception(m_error);
        throw std::logic_error("BatchProducer::next after the run's last step");
    }
    StepBatches step = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return step;
}

}  // namespace masklab
