#pragma once
// Runs work over index ranges on every core. A thin layer over std::thread: the core has no
// other threading dependency, and OpenMP would tie the thread count to LibTorch's pool.
#include <cstddef>
#include <functional>

namespace masklab {

// Number of threads to use when the caller passes 0.
int defaultThreadCount();

// Calls body(begin, end) on disjoint ranges covering [0, count), split into pieces of at most
// `grain` items that `threads` workers take in turn. Rethrows the first exception.
void parallelFor(std::size_t count, std::size_t grain, int threads,
                 const std::function<void(std::size_t, std::size_t)>& body);

}  // namespace masklab
