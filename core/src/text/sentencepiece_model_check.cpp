#include "text/sentencepiece_model_check.h"

#include <cstdint>
#include <cstring>
#include <optional>

namespace masklab {
namespace {

// Just enough of the protobuf wire format to find length-delimited fields.
class WireReader {
public:
    explicit WireReader(std::string_view bytes) : m_bytes(bytes) {}

    bool done() const { return m_at >= m_bytes.size(); }

    std::optional<uint64_t> varint()
    {
        uint64_t value = 0;
        for (int shift = 0; shift < 64 && m_at < m_bytes.size(); shift += 7) {
            const auto byte = static_cast<unsigned char>(m_bytes[m_at++]);
            value |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return value;
        }
        return std::nullopt;
    }

    // Reads one field: its number, and for wire type 2 its bytes. False at malformed input
    // (libsentencepiece reports that itself).
    bool field(uint64_t& number, std::string_view& bytes, bool& delimited)
    {
        const auto tag = varint();
        if (!tag) return false;
        number = *tag >> 3;
        delimited = false;
        switch (*tag & 7) {
        case 0: return varint().has_value();
        case 1: return skip(8);
        case 5: return skip(4);
        case 2: {
            const auto length = varint();
            if (!length || *length > m_bytes.size() - m_at) return false;
            bytes = m_bytes.substr(m_at, *length);
            m_at += *length;
            delimited = true;
            return true;
        }
        default: return false;
        }
    }

private:
    bool skip(std::size_t n)
    {
        if (n > m_bytes.size() - m_at) return false;
        m_at += n;
        return true;
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

// The last value of a length-delimited field (protobuf keeps the last of a singular field).
std::optional<std::string_view> lastField(std::string_view message, uint64_t wanted)
{
    std::optional<std::string_view> found;
    WireReader reader(message);
    uint64_t number = 0;
    std::string_view bytes;
    bool delimited = false;
    while (!reader.done() && reader.field(number, bytes, delimited))
        if (delimited && number == wanted) found = bytes;
    return found;
}

// precompiled_charsmap: uint32 trie size, a darts-clone double array of 32-bit units, then
// the replacement strings, each ending in NUL. The normalizer walks units[i ^ offset ^ byte]
// with no bounds checks and reads a replacement as a C string at a leaf's value.
std::string charsmapProblem(std::string_view map)
{
    if (map.empty()) return {};
    if (map.size() < 4) return "its normalization table is cut short";
    uint32_t trieBytes = 0;
    std::memcpy(&trieBytes, map.data(), 4);
    if (trieBytes % 4 != 0 || trieBytes == 0 || trieBytes > map.size() - 4)
        return "its normalization table gives a trie size that does not fit it";
    const std::size_t units = trieBytes / 4;
    const std::string_view strings = map.substr(4 + trieBytes);
    if (strings.empty() || strings.back() != '\0') return "its normalization table's strings do not end in NUL";
    const auto unit = [&](std::size_t i) {
        uint32_t u;
        std::memcpy(&u, map.data() + 4 + 4 * i, 4);
        return u;
    };
    for (std::size_t i = 0; i < units; ++i) {
        const uint32_t u = unit(i);
        if ((u >> 31) && i != 0) continue;  // a value unit: never walked through
        const uint64_t offset = static_cast<uint64_t>(u >> 10) << ((u & (1U << 9)) >> 6);
        const uint64_t block = (static_cast<uint64_t>(i) ^ offset) | 0xff;  // the farthest child
        if (block >= units) return "its normalization trie points outside itself";
        if ((u >> 8) & 1) {  // has a leaf: the value sits at i ^ offset
            const uint32_t value = unit(static_cast<std::size_t>(static_cast<uint64_t>(i) ^ offset)) & 0x7fffffffU;
            if (value >= strings.size()) return "its normalization trie points past its strings";
        }
    }
    return {};
}

}  // namespace

std::string sentencePieceCharsmapProblem(std::string_view modelFile)
{
    // ModelProto: 3 = normalizer_spec, 5 = denormalizer_spec; NormalizerSpec: 2 = precompiled_charsmap.
    for (uint64_t spec : {3u, 5u}) {
        const auto normalizer = lastField(modelFile, spec);
        if (!normalizer) continue;
        const auto map = lastField(*normalizer, 2);
        if (!map) continue;
        if (std::string problem = charsmapProblem(*map); !problem.empty())
            return (spec == 5 ? "de" : "") + problem;
    }
    return {};
}

}  // namespace masklab
