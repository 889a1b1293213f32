#include "engine/gradient_sync.h"

#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/variable.h>

namespace masklab {
namespace {

// Called by autograd after a parameter's gradient has been accumulated into .grad.
struct AccumulatedHook : torch::autograd::PostAccumulateGradHook {
    AccumulatedHook(GradientSync& sync, std::size_t parameter) : sync(sync), parameter(parameter) {}
    void operator()(const torch::autograd::Variable&) override { sync.gradientReady(parameter); }
    GradientSync& sync;
    std::size_t parameter;
};

}  // namespace

GradientSync::GradientSync(ProcessGroup& group, const std::vector<torch::Tensor>& parameters, std::size_t bucketBytes)
    : m_group(group), m_parameters(parameters.rbegin(), parameters.rend())
{
    m_offset.resize(m_parameters.size());
    m_bucketOf.resize(m_parameters.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        const torch::Tensor& p = m_parameters[i];
        const std::size_t size = static_cast<std::size_t>(p.numel()) * p.element_size();
        const bool sameType = !m_buckets.empty() && m_parameters[m_buckets.back().parameters.front()].scalar_type() == p.scalar_type();
        if (m_buckets.empty() || !sameType || (bytes > 0 && bytes + size > bucketBytes)) {
            m_buckets.emplace_back();
            bytes = 0;
        }
        Bucket& b = m_buckets.back();
        m_offset[i] = b.parameters.empty() ? 0 : m_offset[b.parameters.back()] + static_cast<std::size_t>(m_parameters[b.parameters.back()].numel());
        m_bucketOf[i] = m_buckets.size() - 1;
        b.parameters.push_back(i);
        bytes += size;
    }
    for (Bucket& b : m_buckets) {
        const torch::Tensor& last = m_parameters[b.parameters.back()];
        b.flat = torch::zeros({static_cast<int64_t>(m_offset[b.parameters.back()]) + last.numel()}, last.options());
    }
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
        torch::autograd::impl::set_post_acc_grad_hooks(m_parameters[i], std::make_unique<AccumulatedHook>(*this, i));
}

GradientSync::~GradientSync()
{
    for (const torch::Tensor& p : m_parameters) torch::autograd::impl::set_post_acc_grad_hooks(p, nullptr);
}

void GradientSync::arm()
{
    m_armed = true;
}

void GradientSync::gradientReady(std::size_t parameter)
{
    if (!m_armed) return;
    Bucket& b = m_buckets[m_bucketOf[parameter]];
    if (++b.ready == b.parameters.size()) sendReadyInOrder();
}

// Buckets go out in the same order on every process (c10d pairs collectives by order): a full
// bucket waits for the ones before it.
void GradientSync::sendReadyInOrder()
{
    while (m_nextToSend < m_buckets.size() && m_buckets[m_nextToSend].ready == m_buckets[m_nextToSend].parameters.size())
        send(m_buckets[m_nextToSend++]);
}

void GradientSync::send(Bucket& b)
{
    torch::NoGradGuard noGrad;
    for (std::size_t i : b.parameters) {
        const torch::Tensor& grad = m_parameters[i].grad();
        torch::Tensor slot = b.flat.narrow(0, static_cast<int64_t>(m_offset[i]), m_parameters[i].numel());
        if (grad.defined()) slot.copy_(grad.reshape({-1}));
        else slot.zero_();
    }
    b.work = m_group.startSum(b.flat);
    b.sent = true;
}

void GradientSync::finish()
{
    torch::NoGradGuard noGrad;
    for (; m_nextToSend < m_buckets.size(); ++m_nextToSend) send(m_buckets[m_nextToSend]);
    for (Bucket& b : m_buckets) {
        m_group.wait(b.work, "the gradient all-reduce");
        for (std::size_t i : b.parameters) {
            torch::Tensor& p = m_parameters[i];
            const torch::Tensor sum = b.flat.narrow(0, static_cast<int64_t>(m_offset[i]), p.numel()).view(p.sizes());
            if (p.grad().defined()) p.mutable_grad().copy_(sum);
            else p.mutable_grad() = sum.clone();
        }
        b.ready = 0;
        b.sent = false;
        b.work.reset();
    }
    m_nextToSend = 0;
    m_armed = false;
}

}  // namespace masklab
