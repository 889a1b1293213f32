#include "engine/fused_adamw.h"

#include <memory>
#include <stdexcept>
#include <vector>

namespace masklab {

torch::Tensor FusedAdamW::step(LossClosure closure)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        torch::AutoGradMode enableGrad(true);
        loss = closure();
    }
    for (auto& group : param_groups()) {
        const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
        if (options.amsgrad()) throw std::logic_error("FusedAdamW does not implement amsgrad");
        std::vector<torch::Tensor> params, grads, expAvgs, expAvgSqs, steps;
        for (auto& p : group.params()) {
            if (!p.grad().defined()) continue;
            auto& slot = state_[p.unsafeGetTensorImpl()];
            if (!slot) {
                auto fresh = std::make_unique<torch::optim::AdamWParamState>();
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                slot = std::move(fresh);
            }
            auto& state = static_cast<torch::optim::AdamWParamState&>(*slot);
            state.step(state.step() + 1);
            params.push_back(p);
            grads.push_back(p.grad());
            expAvgs.push_back(state.exp_avg());
            expAvgSqs.push_back(state.exp_avg_sq());
            // The kernel reads the (already advanced) step count from a float tensor.
            steps.push_back(torch::full({}, static_cast<double>(state.step()), p.options().dtype(torch::kFloat)));
        }
        if (params.empty()) continue;
        at::_fused_adamw_(params, grads, expAvgs, expAvgSqs, /*max_exp_avg_sqs=*/{}, steps, options.lr(),
                          std::get<0>(options.betas()), std::get<1>(options.betas()), options.weight_decay(),
                          options.eps(), /*amsgrad=*/false, /*maximize=*/false);
    }
    return loss;
}

}  // namespace masklab
