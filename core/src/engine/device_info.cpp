// The NVIDIA driver API (libcuda.so.1) is opened with dlopen because the CPU build of LibTorch
// carries no CUDA runtime to ask, and linking the driver would make the program fail to start on
// machines without one. These five entry points have had the same C signatures since CUDA 3.2.
#include "masklab/device_info.h"
#include "masklab/parallel.h"

#include <dlfcn.h>

#include <string>

namespace masklab {
namespace {

using CuInit = int (*)(unsigned int);
using CuDeviceGetCount = int (*)(int*);
using CuDeviceGet = int (*)(int*, int);
using CuDeviceGetName = int (*)(char*, int, int);
using CuDeviceTotalMem = int (*)(std::size_t*, int);

void addGpus(DeviceInfo& info)
{
    void* driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!driver) return;  // no NVIDIA driver: a CPU machine
    auto init = reinterpret_cast<CuInit>(dlsym(driver, "cuInit"));
    auto count = reinterpret_cast<CuDeviceGetCount>(dlsym(driver, "cuDeviceGetCount"));
    auto get = reinterpret_cast<CuDeviceGet>(dlsym(driver, "cuDeviceGet"));
    auto name = reinterpret_cast<CuDeviceGetName>(dlsym(driver, "cuDeviceGetName"));
    auto memory = reinterpret_cast<CuDeviceTotalMem>(dlsym(driver, "cuDeviceTotalMem_v2"));
    if (!init || !count || !get || !name || !memory) {
        info.gpuProblem = "libcuda.so.1 lacks the driver API: update the NVIDIA driver";
    } else if (const int rc = init(0); rc != 0) {
        info.gpuProblem = "the NVIDIA driver did not start (CUDA error " + std::to_string(rc) + ")";
    } else {
        int devices = 0;
        count(&devices);
        for (int i = 0; i < devices; ++i) {
            int device = 0;
            if (get(&device, i) != 0) continue;
            GpuInfo gpu;
            gpu.index = i;
            char text[256] = {};
            if (name(text, sizeof text - 1, device) == 0) gpu.name = text;
            std::size_t bytes = 0;
            if (memory(&bytes, device) == 0) gpu.memoryBytes = bytes;
            info.gpus.push_back(gpu);
        }
    }
    // The driver stays loaded: unloading it under a live CUDA context would crash LibTorch.
}

}  // namespace

DeviceInfo describeDevices()
{
    DeviceInfo info;
    info.cpuCores = defaultThreadCount();
    addGpus(info);
    return info;
}

}  // namespace masklab
