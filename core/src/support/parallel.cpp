#include "masklab/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace masklab {

int defaultThreadCount()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::size_t count, std::size_t grain, int threads,
                 const std::function<void(std::size_t, std::size_t)>& body)
{
    if (count == 0) return;
    grain = std::max<std::size_t>(1, grain);
    const std::size_t pieces = (count + grain - 1) / grain;
    const int workers = static_cast<int>(
        std::min<std::size_t>(pieces, threads > 0 ? threads : defaultThreadCount()));
    if (workers <= 1) {
        body(0, count);
        return;
    }
    std::atomic<std::size_t> nextPiece{0};
    std::exception_ptr firstError;
    std::mutex errorMutex;
    auto work = [&] {
        for (;;) {
            const std::size_t piece = nextPiece.fetch_add(1);
            if (piece >= pieces) return;
            try {
                body(piece * grain, std::min(count, (piece + 1) * grain));
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!firstError) firstError = std::current_exception();
                nextPiece = pieces;  // stop handing out work
            }
        }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < workers; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (firstError) std::rethrow_exception(firstError);
}

}  // namespace masklab
