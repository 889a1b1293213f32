#pragma once
// Where this process stands in a data-parallel run: its rank among the run's processes and the
// rendezvous they meet at. torchrun, Slurm and Kubernetes operators set these variables for
// torch.distributed; `masklab-cli train --nproc N` sets them for the processes it starts. The
// trainer meets the others through c10d (Gloo on the CPU, NCCL on CUDA).
#include <optional>
#include <string>

namespace masklab {

struct ProcessGroupSpec {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;                 // the GPU this process uses (cuda:localRank)
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    // Under torchrun its agent already hosts the rendezvous store at MASTER_PORT, and the
    // processes of one restart meet under their own prefix (torch.distributed does the same).
    bool agentStore = false;
    int restartCount = 0;

    bool distributed() const { return worldSize > 1; }
};

// The spec from torchrun's environment (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR,
// MASTER_PORT, TORCHELASTIC_USE_AGENT_STORE), or none when WORLD_SIZE is not set. Throws
// masklab::Error naming the variable when one is set but unusable.
std::optional<ProcessGroupSpec> processGroupFromEnvironment();

}  // namespace masklab
