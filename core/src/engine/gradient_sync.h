#pragma once
// Sums the gradients of a step over the run's processes while backward is still running, as
// PyTorch's DistributedDataParallel does: the parameters are cut into buckets in the order
// backward finishes them (the model's order reversed), and a bucket's all-reduce starts as soon
// as its last gradient has been accumulated, so communication overlaps the rest of backward.
//
// The gradients are summed, not averaged: each process scales its loss by its share of the
// global batch's masked tokens, so the sum is the gradient of the mean over all of them.
#include "engine/process_group.h"

#include <torch/torch.h>

#include <cstddef>
#include <vector>

namespace masklab {

class GradientSync {
public:
    GradientSync(ProcessGroup& group, const std::vector<torch::Tensor>& parameters, std::size_t bucketBytes);
    ~GradientSync();
    GradientSync(const GradientSync&) = delete;
    GradientSync& operator=(const GradientSync&) = delete;

    // The next backward is this process's last of the step: its gradients are final as they
    // arrive, and each full bucket goes out at once.
    void arm();
    // After the step's backwards: sends the buckets not sent yet (all of them on a process that
    // had nothing masked: it adds zeros), waits for every bucket and puts the sums in .grad.
    void finish();

    std::size_t bucketCount() const { return m_buckets.size(); }
    // Called by the hooks when a parameter's gradient is accumulated.
    void gradientReady(std::size_t parameter);

private:
    struct Bucket {
        std::vector<std::size_t> parameters;
        torch::Tensor flat;
        std::size_t ready = 0;
        c10::intrusive_ptr<c10d::Work> work;
        bool sent = false;
    };
    void send(Bucket& bucket);
    void sendReadyInOrder();

    ProcessGroup& m_group;
    std::vector<torch::Tensor> m_parameters;
    std::vector<std::size_t> m_offset, m_bucketOf;
    std::vector<Bucket> m_buckets;
    std::size_t m_nextToSend = 0;
    bool m_armed = false;
};

}  // namespace masklab
