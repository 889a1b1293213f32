#pragma once
// A zip of stored (uncompressed) records with 64-byte aligned data, the container torch.save
// writes, built in memory for the unpickler's fuzz target.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace masklab::fuzz {

inline void putLittleEndian(std::string& out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

inline std::string storedZip(const std::vector<std::pair<std::string, std::string>>& records)
{
    std::string zip, directory;
    for (const auto& [name, bytes] : records) {
        const uint64_t local = zip.size();
        // Padding in the local header's extra field puts the data on a 64-byte boundary.
        const uint64_t extra = (64 - (local + 30 + name.size() + 4) % 64) % 64 + 4;
        putLittleEndian(zip, 0x04034b50, 4);
        putLittleEndian(zip, 20, 2);
        putLittleEndian(zip, 0, 2);  // flags
        putLittleEndian(zip, 0, 2);  // stored
        putLittleEndian(zip, 0, 4);  // time, date
        putLittleEndian(zip, 0, 4);  // crc: MaskLab's reader does not check it
        putLittleEndian(zip, bytes.size(), 4);
        putLittleEndian(zip, bytes.size(), 4);
        putLittleEndian(zip, name.size(), 2);
        putLittleEndian(zip, extra, 2);
        zip += name;
        putLittleEndian(zip, 0xcafe, 2);
        putLittleEndian(zip, extra - 4, 2);
        zip.append(extra - 4, 'Z');
        zip += bytes;

        putLittleEndian(directory, 0x02014b50, 4);
        putLittleEndian(directory, 20, 2);
        putLittleEndian(directory, 20, 2);
        putLittleEndian(directory, 0, 2);
        putLittleEndian(directory, 0, 2);
        putLittleEndian(directory, 0, 4);
        putLittleEndian(directory, 0, 4);
        putLittleEndian(directory, bytes.size(), 4);
        putLittleEndian(directory, bytes.size(), 4);
        putLittleEndian(directory, name.size(), 2);
        putLittleEndian(directory, 0, 2);  // extra
        putLittleEndian(directory, 0, 2);  // comment
        putLittleEndian(directory, 0, 2);  // disk
        putLittleEndian(directory, 0, 2);  // internal attributes
        putLittleEndian(directory, 0, 4);  // external attributes
        putLittleEndian(directory, local, 4);
        directory += name;
    }
    const uint64_t directoryAt = zip.size();
    zip += directory;
    putLittleEndian(zip, 0x06054b50, 4);
    putLittleEndian(zip, 0, 4);
    putLittleEndian(zip, records.size(), 2);
    putLittleEndian(zip, records.size(), 2);
    putLittleEndian(zip, directory.size(), 4);
    putLittleEndian(zip, directoryAt, 4);
    putLittleEndian(zip, 0, 2);
    return zip;
}

}  // namespace masklab::fuzz
