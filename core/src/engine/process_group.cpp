#include "engine/process_group.h"

#include "masklab/error.h"
#include "masklab/message.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef MASKLAB_WITH_CUDA
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <algorithm>
#include <map>
#include <sstream>

namespace masklab {
namespace {

const std::string kBeatKey = "masklab/beat/";

// `joining`: this is the process's first connection, counted by the host, which waits for all
// of them; the heartbeat's and the failure check's connections are extra and not counted.
c10::intrusive_ptr<c10d::Store> connectStore(const ProcessGroupSpec& spec, bool host, bool joining, std::chrono::milliseconds timeout)
{
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(spec.masterPort);
    options.isServer = host;
    if (joining && !spec.agentStore) options.numWorkers = static_cast<std::size_t>(spec.worldSize);
    options.waitWorkers = joining && !spec.agentStore;
    options.timeout = timeout;
    auto tcp = c10::make_intrusive<c10d::TCPStore>(spec.masterAddr, options);
    const std::string prefix = spec.agentStore ? "/worker/attempt_" + std::to_string(spec.restartCount) : "masklab";
    return c10::make_intrusive<c10d::PrefixStore>(prefix, tcp);
}

c10::intrusive_ptr<c10d::Backend> glooGroup(const c10::intrusive_ptr<c10d::Store>& store, const ProcessGroupSpec& spec,
                                            std::chrono::milliseconds timeout, const std::string& name)
{
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    // A rendezvous on the loopback (--nproc, one machine) keeps the traffic there; otherwise
    // the machine's own address, as torch.distributed picks it.
    const bool local = spec.masterAddr == "localhost" || spec.masterAddr.rfind("127.", 0) == 0;
    options->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                     : c10d::ProcessGroupGloo::createDefaultDevice());
    return c10::make_intrusive<c10d::ProcessGroupGloo>(c10::make_intrusive<c10d::PrefixStore>(name, store), spec.rank,
                                                       spec.worldSize, options);
}

std::string rankList(const std::vector<int>& ranks)
{
    std::string text;
    for (int r : ranks) text += (text.empty() ? "" : ", ") + std::to_string(r);
    return text;
}

std::string firstLine(const std::string& text)
{
    const std::string line = text.substr(0, text.find('\n'));
    return line.size() > 400 ? line.substr(0, 400) + "..." : line;
}

}  // namespace

ProcessGroup::ProcessGroup(const ProcessGroupSpec& spec, const torch::Device& device, std::chrono::seconds timeout)
    : m_spec(spec), m_timeout(timeout)
{
    if (!spec.distributed()) return;
    try {
        m_store = connectStore(spec, !spec.agentStore && spec.rank == 0, true, timeout);
        m_control = glooGroup(m_store, spec, timeout, "control");
        if (device.is_cuda()) {
#ifdef MASKLAB_WITH_CUDA
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            m_data = c10::make_intrusive<c10d::ProcessGroupNCCL>(c10::make_intrusive<c10d::PrefixStore>("data", m_store),
                                                                spec.rank, spec.worldSize, options);
#endif
        } else {
            m_data = glooGroup(m_store, spec, timeout, "data");
        }
    } catch (const std::exception& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "process {1} of {2} could not meet the others at {3}:{4} within {5} s ({6}): "
                                                          "start every process of the run with the same MASTER_ADDR and "
                                                          "MASTER_PORT, or raise ddp_timeout"))
                               .count(spec.rank)
                               .count(spec.worldSize)
                               .arg(spec.masterAddr)
                               .count(spec.masterPort)
                               .count(timeout.count())
                               .arg(firstLine(e.what())));
    }
    // The counter lives in a connection of its own: the store's client is not shared across
    // threads.
    auto beatStore = connectStore(spec, false, false, timeout);
    m_beating = true;
    m_heartbeat = std::thread([this, beatStore] {
        int64_t n = 0;
        while (m_beating) {
            try {
                beatStore->set(kBeatKey + std::to_string(m_spec.rank), std::to_string(++n));
            } catch (const std::exception&) {
                return;  // the store is gone: the next collective reports it
            }
            for (int i = 0; i < 10 && m_beating; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

ProcessGroup::~ProcessGroup()
{
    m_beating = false;
    if (m_heartbeat.joinable()) m_heartbeat.join();
}

c10::intrusive_ptr<c10d::Work> ProcessGroup::startSum(torch::Tensor& tensor)
{
    if (!m_data) return {};
    std::vector<torch::Tensor> tensors{tensor};
    try {
        return m_data->allreduce(tensors);
    } catch (const std::exception& e) {
        fail("the gradient all-reduce", e);
    }
}

void ProcessGroup::wait(const c10::intrusive_ptr<c10d::Work>& work, const char* what)
{
    if (!work) return;
    try {
        work->wait();
    } catch (const std::exception& e) {
        fail(what, e);
    }
}

std::vector<double> ProcessGroup::sumOnHost(std::vector<double> values, const char* what)
{
    if (!m_control) return values;
    std::vector<torch::Tensor> tensors{torch::tensor(values, torch::kDouble)};
    try {
        m_control->allreduce(tensors)->wait();
    } catch (const std::exception& e) {
        fail(what, e);
    }
    const auto sums = tensors[0].accessor<double, 1>();
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = sums[static_cast<int64_t>(i)];
    return values;
}

void ProcessGroup::broadcastFromMain(std::vector<torch::Tensor> tensors)
{
    if (!m_data) return;
    torch::NoGradGuard noGrad;
    for (torch::Tensor& t : tensors) {
        std::vector<torch::Tensor> one{t};
        try {
            m_data->broadcast(one)->wait();
        } catch (const std::exception& e) {
            fail("sharing the starting weights", e);
        }
    }
}

// Names the processes whose heartbeat stood still for a few seconds: those died or hung. A
// store that cannot be reached any more means its host is gone: rank 0 (or torchrun's agent).
void ProcessGroup::fail(const char* what, const std::exception& e)
{
    std::vector<int> silent;
    bool storeGone = false;
    try {
        auto store = connectStore(m_spec, false, false, std::chrono::seconds(5));
        auto beats = [&] {
            std::map<int, std::string> seen;
            for (int r = 0; r < m_spec.worldSize; ++r) {
                if (r == m_spec.rank) continue;
                const std::string key = kBeatKey + std::to_string(r);
                if (store->check({key})) {
                    const std::vector<uint8_t> value = store->get(key);
                    seen[r] = std::string(value.begin(), value.end());
                }
            }
            return seen;
        };
        const auto before = beats();
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        const auto after = beats();
        for (int r = 0; r < m_spec.worldSize; ++r)
            if (r != m_spec.rank && (!before.count(r) || !after.count(r) || before.at(r) == after.at(r))) silent.push_back(r);
    } catch (const std::exception&) {
        storeGone = true;
    }
    if (storeGone && !m_spec.agentStore) silent = {0};
    const std::string detail = firstLine(e.what());
    if (!silent.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} failed: process {2} of the run stopped answering (it died, or hung "
                                                          "longer than ddp_timeout, {3} s); process {4} stops too. Resume "
                                                          "the run from its folder. (c10d: {5})"))
                               .arg(what)
                               .arg(rankList(silent))
                               .count(m_timeout.count())
                               .count(m_spec.rank)
                               .arg(detail));
    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} failed: the connection between the processes of the run broke; process "
                                                      "{2} stops. Resume the run from its folder. (c10d: {3})"))
                           .arg(what)
                           .count(m_spec.rank)
                           .arg(detail));
}

}  // namespace masklab
