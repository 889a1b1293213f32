#pragma once
// What the machine offers for training: CPU cores and the CUDA GPUs the driver reports (name
// and memory). It asks the NVIDIA driver library directly, so it works in builds whose LibTorch
// has no CUDA and on machines without a GPU (an empty list).
#include <cstdint>
#include <string>
#include <vector>

namespace masklab {

struct GpuInfo {
    int index = 0;
    std::string name;            // e.g. "NVIDIA H100 80GB HBM3"
    uint64_t memoryBytes = 0;    // total device memory
};

struct DeviceInfo {
    int cpuCores = 0;            // hardware threads the process may use
    std::vector<GpuInfo> gpus;   // empty without libcuda.so.1 or a GPU
    std::string gpuProblem;      // why no GPU was found, when the driver answered with an error
};

DeviceInfo describeDevices();

}  // namespace masklab
