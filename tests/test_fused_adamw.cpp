// The trainer's fused AdamW (ATen's _fused_adamw_, the Trainer's default "adamw_torch_fused")
// against LibTorch's own AdamW: the same parameters after several steps within fp32 rounding,
// with two groups (weight decay and none) and parameters without a gradient left alone.
#include "engine/fused_adamw.h"

#include <QtTest>
#include <torch/torch.h>

using namespace masklab;

class TestFusedAdamW final : public QObject {
    Q_OBJECT

private slots:
    void matchesLibTorchsAdamW()
    {
        torch::manual_seed(3);
        std::vector<torch::Tensor> a, b, start;
        for (auto shape : std::vector<std::vector<int64_t>>{{64, 32}, {32}, {1000, 16}, {7}}) {
            const torch::Tensor init = torch::randn(shape);
            start.push_back(init);
            a.push_back(init.clone().requires_grad_(true));
            b.push_back(init.clone().requires_grad_(true));
        }
        auto groups = [](std::vector<torch::Tensor>& p) {
            std::vector<torch::optim::OptimizerParamGroup> g;
            g.emplace_back(std::vector<torch::Tensor>{p[0], p[2]},
                           std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(1e-2).weight_decay(0.01)));
            g.emplace_back(std::vector<torch::Tensor>{p[1], p[3]},
                           std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(1e-2).weight_decay(0.0)));
            return g;
        };
        torch::optim::AdamW reference(groups(a), torch::optim::AdamWOptions(1e-2));
        FusedAdamW fused(groups(b), torch::optim::AdamWOptions(1e-2));
        for (int step = 0; step < 6; ++step) {
            reference.zero_grad();
            fused.zero_grad();
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (step == 2 && i == 3) continue;  // a step without this gradient
                const torch::Tensor grad = torch::randn_like(a[i]) * (1.0 + static_cast<double>(i));
                a[i].mutable_grad() = grad.clone();
                b[i].mutable_grad() = grad.clone();
            }
            reference.step();
            fused.step();
        }
        double worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>());
        qInfo("fused and LibTorch AdamW differ by at most %.3g after 6 steps", worst);
        QVERIFY2(worst < 1e-6, qPrintable(QString("parameters differ by %1").arg(worst)));
        // Six steps of rate 1e-2 moved every parameter: the comparison compared something.
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY((b[i] - start[i]).abs().max().item<double>() > 1e-2);
    }
};

QTEST_GUILESS_MAIN(TestFusedAdamW)
#include "test_fused_adamw.moc"
