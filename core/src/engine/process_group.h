#pragma once
// The run's processes as c10d sees them: a data group for gradients (NCCL on CUDA, Gloo on the
// CPU) and a Gloo control group for the few host numbers they agree on (masked-token counts,
// the stop flag, evaluation sums), so agreeing never waits on the GPU. A run of one process has
// no group at all and every call here is local.
//
// A collective that fails (a process died, hung past ddp_timeout, or lost its connection)
// becomes a MessageError naming the process that stopped: every process beats a counter in the
// rendezvous store each second, and the one whose counter stands still is the one named.
#include "masklab/distributed.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/Backend.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace masklab {

class ProcessGroup {
public:
    // Joins the others (blocks until all have arrived, at most `timeout`).
    ProcessGroup(const ProcessGroupSpec& spec, const torch::Device& device, std::chrono::seconds timeout);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const { return m_spec.rank; }
    int size() const { return m_spec.worldSize; }
    bool isMain() const { return m_spec.rank == 0; }

    // Starts summing `tensor` in place over the processes (on the data group); null for one.
    c10::intrusive_ptr<c10d::Work> startSum(torch::Tensor& tensor);
    // Waits for a started collective; `what` names it in the message if it fails.
    void wait(const c10::intrusive_ptr<c10d::Work>& work, const char* what);

    // The element-wise sum of host numbers over the processes (control group).
    std::vector<double> sumOnHost(std::vector<double> values, const char* what);
    // Makes every process hold the main process's values of these tensors (the weights at start).
    void broadcastFromMain(std::vector<torch::Tensor> tensors);

private:
    [[noreturn]] void fail(const char* what, const std::exception& e);

    ProcessGroupSpec m_spec;
    std::chrono::seconds m_timeout;
    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::Backend> m_data, m_control;
    std::atomic<bool> m_beating{false};
    std::thread m_heartbeat;
};

}  // namespace masklab
