// The central directory of a torch.save zip, read in place.
#include "formats/torch_zip.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "support/quote.h"

namespace masklab {

// The advice is written out in the sentence: lupdate needs the whole of it in one literal.
void unreadableCheckpoint(const std::string& path, Message problem)
{
    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a readable PyTorch checkpoint: {2}; load "
                                                      "it with Python's torch.load and save it again with a recent "
                                                      "torch.save, or as safetensors"))
                           .arg(path)
                           .inner(std::move(problem)));
}

TorchZip::TorchZip(const std::string& path, const MappedFile& file) : m_path(path), m_file(file)
{
    readDirectory();
}

void TorchZip::need(uint64_t offset, uint64_t bytes) const
{
    if (offset > m_file.size() || bytes > m_file.size() - offset)
        unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its zip directory is truncated")));
}

uint64_t TorchZip::le(uint64_t offset, int bytes) const
{
    need(offset, bytes);
    return readLittleEndian(m_file.data() + offset, bytes);
}

void TorchZip::readDirectory()
{
    const uint64_t size = m_file.size();
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
    uint64_t eocd = 0;
    bool found = false;
    for (uint64_t back = 22; back <= size && back <= 22 + 65535 && !found; ++back) {
        eocd = size - back;
        found = le(eocd, 4) == 0x06054b50;
    }
    if (!found)
        unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its zip directory is missing (is the file "
                                                          "truncated?)")));
    uint64_t entries = le(eocd + 10, 2);
    uint64_t directory = le(eocd + 16, 4);
    if ((entries == 0xffff || directory == 0xffffffff) && eocd >= 20 && le(eocd - 20, 4) == 0x07064b50) {
        const uint64_t zip64 = le(eocd - 20 + 8, 8);
        if (le(zip64, 4) != 0x06064b50)
            unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its zip64 directory is damaged")));
        entries = le(zip64 + 32, 8);
        directory = le(zip64 + 48, 8);
    }
    uint64_t at = directory;
    for (uint64_t i = 0; i < entries; ++i) {
        if (le(at, 4) != 0x02014b50)
            unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its zip directory is damaged")));
        const uint64_t method = le(at + 10, 2);
        uint64_t compressed = le(at + 20, 4);
        uint64_t uncompressed = le(at + 24, 4);
        const uint64_t nameLength = le(at + 28, 2);
        const uint64_t extraLength = le(at + 30, 2);
        const uint64_t commentLength = le(at + 32, 2);
        uint64_t local = le(at + 42, 4);
        need(at + 46, nameLength + extraLength);
        std::string name(reinterpret_cast<const char*>(m_file.data() + at + 46), nameLength);
        // Zip64 sizes and offset, in this order, for each field saturated above.
        for (uint64_t extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
            const uint64_t id = le(extra, 2);
            const uint64_t length = le(extra + 2, 2);
            if (id == 0x0001) {
                uint64_t field = extra + 4;
                for (uint64_t* value : {&uncompressed, &compressed, &local}) {
                    if (*value == 0xffffffff) {
                        *value = le(field, 8);
                        field += 8;
                    }
                }
            }
            extra += 4 + length;
        }
        if (method != 0)
            unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "record {1} is compressed, which torch.save "
                                                              "never does"))
                                   .arg(inQuotes(name, 60)));
        if (le(local, 4) != 0x04034b50)
            unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "record {1} has a damaged local header"))
                                   .arg(inQuotes(name, 60)));
        const uint64_t data = local + 30 + le(local + 26, 2) + le(local + 28, 2);
        if (data > size || compressed > size - data)
            unreadableCheckpoint(m_path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "record {1} runs past the end (is the file "
                                                              "truncated?)"))
                                   .arg(inQuotes(name, 60)));
        m_records[name] = {m_file.data() + data, compressed};
        at += 46 + nameLength + extraLength + commentLength;
    }
}

}  // namespace masklab
