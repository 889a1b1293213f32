#pragma once
// The zip container of torch.save (PyTorch >= 1.6): stored (uncompressed) records, read in
// place from a memory-mapped file. Zip64 sizes and offsets are understood.
#include "formats/mapped_file.h"

#include <cstdint>
#include <map>
#include <string>

namespace masklab {

class Message;

// Throws "<path> is not a readable PyTorch checkpoint: <problem>; <how to save it again>", the
// problem translated on its own. The zip reader and the pickle reader both end this way.
[[noreturn]] void unreadableCheckpoint(const std::string& path, Message problem);

struct ZipRecord {
    const uint8_t* data = nullptr;  // inside the mapped file
    uint64_t size = 0;
};

class TorchZip {
public:
    // Reads the central directory; throws masklab::Error naming the file when it is damaged or
    // holds a compressed record.
    TorchZip(const std::string& path, const MappedFile& file);

    const std::map<std::string, ZipRecord>& records() const { return m_records; }

private:
    void need(uint64_t offset, uint64_t bytes) const;
    uint64_t le(uint64_t offset, int bytes) const;
    void readDirectory();

    std::string m_path;
    const MappedFile& m_file;
    std::map<std::string, ZipRecord> m_records;
};

}  // namespace masklab
