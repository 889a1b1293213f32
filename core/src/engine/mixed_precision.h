#pragma once
// Mixed precision: autocast to bf16 or fp16, on CUDA or on the CPU (LibTorch 2.x autocasts
// both), and a dynamic loss scaler for fp16 (what torch.amp.GradScaler does in Python;
// LibTorch's C++ API has no scaler). fp32 makes both no-ops.
#include <torch/torch.h>

#include <string>

namespace masklab {

enum class Precision { Fp32, Bf16, Fp16 };

// "auto" is bf16 on a GPU that computes it natively (fp16 on older ones), bf16 on a CPU with
// bf16 instructions, fp32 on other CPUs.
Precision choosePrecision(const std::string& setting, const torch::Device& device);

// Whether this CPU has bf16 instructions (AVX512-BF16 or AMX), where bf16 autocast is fast.
bool cpuHasNativeBf16();

// Enables autocast on the device's type for its lifetime (bf16 or fp16).
class AutocastGuard {
public:
    AutocastGuard(Precision precision, const torch::Device& device);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled = false;
    at::DeviceType m_deviceType = at::kCPU;
};

class LossScaler {
public:
    explicit LossScaler(Precision precision) : m_enabled(precision == Precision::Fp16) {}

    bool enabled() const { return m_enabled; }
    double scale() const { return m_scale; }
    torch::Tensor scale(const torch::Tensor& loss) const { return m_enabled ? loss * m_scale : loss; }

    // Unscales gradients, clips them to maxGradNorm (0 = no clipping) and steps the optimizer.
    // With fp16, a step whose gradients overflowed is skipped and the scale halved; after 2,000
    // good steps the scale doubles. Returns whether the optimizer stepped.
    bool step(torch::optim::Optimizer& optimizer, const std::vector<torch::Tensor>& parameters, double maxGradNorm);

    // For the saved training state.
    double m_scale = 65536.0;
    int64_t m_goodSteps = 0;

private:
    bool m_enabled;
};

}  // namespace masklab
