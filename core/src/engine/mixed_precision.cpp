#include "engine/mixed_precision.h"

#include "masklab/error.h"

#include <ATen/autocast_mode.h>
#include <ATen/cpu/Utils.h>
#ifdef MASKLAB_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

#include <cmath>

namespace masklab {

bool cpuHasNativeBf16()
{
    const auto capabilities = at::cpu::get_cpu_capabilities();
    auto has = [&](const char* name) {
        const auto found = capabilities.find(name);
        return found != capabilities.end() && found->second.isBool() && found->second.toBool();
    };
    return has("avx512_bf16") || has("amx_bf16");
}

Precision choosePrecision(const std::string& setting, const torch::Device& device)
{
    if (setting == "fp32") return Precision::Fp32;
    if (setting == "fp16") return Precision::Fp16;
    if (setting == "bf16") return Precision::Bf16;
    if (!device.is_cuda()) {
        // auto on the CPU: bf16 autocast where the processor computes bf16 (AVX512-BF16, AMX),
        // 2.5x the fp32 step at the DistilBERT shape with the final perplexity inside the fp32
        // runs' seed-to-seed spread (README, "bf16 on the CPU"); fp32 elsewhere.
        return cpuHasNativeBf16() ? Precision::Bf16 : Precision::Fp32;
    }
    // auto on CUDA: bf16 where the GPU computes it natively (compute capability 8.0, Ampere,
    // and newer), which needs no loss scaling; fp16 with the loss scaler on older GPUs.
#ifdef MASKLAB_WITH_CUDA
    const int index = device.has_index() ? device.index() : 0;
    const cudaDeviceProp* properties = at::cuda::getDeviceProperties(index);
    return properties && properties->major >= 8 ? Precision::Bf16 : Precision::Fp16;
#else
    return Precision::Bf16;  // a LibTorch without CUDA never gets here (no CUDA device)
#endif
}

AutocastGuard::AutocastGuard(Precision precision, const torch::Device& device)
{
    if (precision == Precision::Fp32) return;
    const at::ScalarType dtype = precision == Precision::Bf16 ? at::kBFloat16 : at::kHalf;
    m_deviceType = device.is_cuda() ? at::kCUDA : at::kCPU;
    m_enabled = true;
    at::autocast::set_autocast_enabled(m_deviceType, true);
    at::autocast::set_autocast_dtype(m_deviceType, dtype);
}

AutocastGuard::~AutocastGuard()
{
    if (!m_enabled) return;
    at::autocast::set_autocast_enabled(m_deviceType, false);
    at::autocast::clear_cache();
}

// clip_grad_norm_ without reading the norm on the host: the factor min(1, max / (norm + 1e-6))
// stays a tensor, as torch.nn.utils.clip_grad_norm_ does in Python (LibTorch's returns the norm
// as a double, which waits for the device every step).
void clipGradientNorm(const std::vector<torch::Tensor>& grads, double maxNorm)
{
    if (grads.empty()) return;
    const std::vector<torch::Tensor> norms = at::_foreach_norm(grads, 2);
    const torch::Tensor total = torch::stack(norms).norm(2);
    const torch::Tensor factor = torch::clamp_max(maxNorm / (total + 1e-6), 1.0);
    at::_foreach_mul_(grads, factor);
}

bool LossScaler::step(torch::optim::Optimizer& optimizer, const std::vector<torch::Tensor>& parameters, double maxGradNorm)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> grads;
    for (const auto& p : parameters)
        if (p.grad().defined()) grads.push_back(p.grad());
    if (m_enabled && !grads.empty()) {
        // One fused pass unscales every gradient and notes any inf/NaN, then one read of that
        // flag (torch.amp.GradScaler's _amp_foreach_non_finite_check_and_unscale_).
        const auto options = grads.front().options().dtype(torch::kFloat);
        torch::Tensor foundInf = torch::zeros({1}, options);
        const torch::Tensor inverse = torch::full({1}, 1.0 / m_scale, options);
        at::_amp_foreach_non_finite_check_and_unscale_(grads, foundInf, inverse);
        if (foundInf.item<float>() != 0.0f) {
            m_scale /= 2.0;
            m_goodSteps = 0;
            return false;
        }
        if (++m_goodSteps >= 2000) {
            m_scale *= 2.0;
            m_goodSteps = 0;
        }
    }
    if (maxGradNorm > 0) clipGradientNorm(grads, maxGradNorm);
    optimizer.step();
    return true;
}

}  // namespace masklab
