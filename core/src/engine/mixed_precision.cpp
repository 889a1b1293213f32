#include "mixed_precision.h"

#include "masklab/error.h"

#include <ATen/autocast_mode.h>

#include <cmath>

namespace masklab {

Precision choosePrecision(const std::string& setting, const torch::Device& device)
{
    if (setting == "fp32") return Precision::Fp32;
    if (!device.is_cuda()) {
        if (setting == "auto") return Precision::Fp32;
        throw Error("precision " + setting + " needs a CUDA GPU; on the CPU use fp32 (or auto)");
    }
    if (setting == "fp16") return Precision::Fp16;
    if (setting == "bf16") return Precision::Bf16;
    // auto: bf16, which needs no loss scaling (Ampere and newer GPUs; choose fp16 on older ones:
    // the CPU build of LibTorch has no header to ask the GPU its compute capability).
    return Precision::Bf16;
}

AutocastGuard::AutocastGuard(Precision precision, const torch::Device& device)
{
    if (precision == Precision::Fp32 || !device.is_cuda()) return;
    const at::ScalarType dtype = precision == Precision::Bf16 ? at::kBFloat16 : at::kHalf;
    m_enabled = true;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, dtype);
#else
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(dtype);
#endif
}

AutocastGuard::~AutocastGuard()
{
    if (!m_enabled) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
    at::autocast::set_enabled(false);
#endif
    at::autocast::clear_cache();
}

bool LossScaler::step(torch::optim::Optimizer& optimizer, const std::vector<torch::Tensor>& parameters, double maxGradNorm)
{
    std::vector<torch::Tensor> withGrad;
    for (const auto& p : parameters)
        if (p.grad().defined()) withGrad.push_back(p);
    if (m_enabled) {
        torch::NoGradGuard noGrad;
        bool finite = true;
        for (auto& p : withGrad) {
            p.grad().div_(m_scale);
            finite = finite && torch::isfinite(p.grad()).all().item<bool>();
        }
        if (!finite) {
            m_scale /= 2.0;
            m_goodSteps = 0;
            return false;
        }
        if (++m_goodSteps >= 2000) {
            m_scale *= 2.0;
            m_goodSteps = 0;
        }
    }
    if (maxGradNorm > 0) torch::nn::utils::clip_grad_norm_(withGrad, maxGradNorm);
    optimizer.step();
    return true;
}

}  // namespace masklab
