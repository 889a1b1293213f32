// The safetensors format as Hugging Face's library writes it: an 8-byte little-endian header
// length N, N bytes of JSON padded with spaces to a multiple of 8, then the tensors' bytes
// (little-endian, row-major) back to back.
#include "masklab/tensor_io.h"
#include "support/json_reason.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "formats/mapped_file.h"
#include "support/quote.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "tensor files are little-endian; this reader copies bytes as they are"
#endif

namespace masklab {
namespace {

const char* const kMetadataKey = "__metadata__";

struct Dtype {
    const char* name;
    at::ScalarType type;
    int rank;  // the order of the dtype in safetensors' Rust enum: the writer puts higher first
};

// The dtypes MaskLab reads and writes. Ranks follow Rust's `Dtype` (BOOL=0, U8, I8, F8_E5M2,
// F8_E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64), which sorts tensors so that
// each stays aligned to its item size.
const Dtype kDtypes[] = {
    {"F64", at::kDouble, 12}, {"F32", at::kFloat, 11}, {"F16", at::kHalf, 7}, {"BF16", at::kBFloat16, 8},
    {"I64", at::kLong, 13},   {"I32", at::kInt, 9},    {"I16", at::kShort, 5}, {"I8", at::kChar, 2},
    {"U8", at::kByte, 1},     {"BOOL", at::kBool, 0},
};

std::string knownDtypeNames()
{
    std::string names;
    for (const Dtype& d : kDtypes) names += (names.empty() ? "" : " ") + std::string(d.name);
    return names;
}

const Dtype* dtypeByName(const std::string& name)
{
    for (const Dtype& d : kDtypes)
        if (name == d.name) return &d;
    return nullptr;
}

const Dtype* dtypeByType(at::ScalarType type)
{
    for (const Dtype& d : kDtypes)
        if (type == d.type) return &d;
    return nullptr;
}

// `problem` is a clause of its own ("its header is not a JSON object"), translated on its own.
[[noreturn]] void badFile(const std::string& path, Message problem)
{
    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a valid safetensors file: {2}; the file is "
                                                      "damaged or of another format, so download or export it again"))
                           .arg(path)
                           .inner(std::move(problem)));
}

// What MappedFile says when a safetensors file cannot be read.
const MappedFileMessages kMappedSafetensors = {
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot open the safetensors file {1}: {2}; check the path and its permissions"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot read the safetensors file {1}: it is not a regular file"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot map the safetensors file {1}: {2}"),
};

struct Entry {
    std::string name;
    const Dtype* dtype = nullptr;
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

struct Contents {
    std::vector<Entry> entries;  // in name order
    std::map<std::string, std::string> metadata;
    const uint8_t* buffer = nullptr;  // the data after the header
};

Entry parseEntry(const std::string& path, const std::string& name, const nlohmann::json& info,
                 uint64_t bufferSize)
{
    const std::string quoted = inQuotes(name);
    if (!info.is_object())
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} is not described by a JSON object"))
                          .arg(quoted));
    Entry entry;
    entry.name = name;

    const auto dtype = info.find("dtype");
    if (dtype == info.end() || !dtype->is_string())
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has no \"dtype\" string")).arg(quoted));
    entry.dtype = dtypeByName(dtype->get<std::string>());
    if (!entry.dtype) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: tensor {2} has dtype {3}, which MaskLab does "
                                                          "not read (it reads {4}); convert the checkpoint to F32, F16 "
                                                          "or BF16 and save it again"))
                               .arg(path)
                               .arg(quoted)
                               .arg(inQuotes(dtype->get<std::string>(), 20))
                               .arg(knownDtypeNames()));
    }

    const auto shape = info.find("shape");
    if (shape == info.end() || !shape->is_array())
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has no \"shape\" array")).arg(quoted));
    uint64_t numel = 1;
    bool overflow = false;
    for (const auto& dim : *shape) {
        if (!dim.is_number_unsigned())
            badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has a shape entry that is not a whole "
                                                         "number >= 0"))
                              .arg(quoted));
        const uint64_t d = dim.get<uint64_t>();
        if (d > uint64_t(std::numeric_limits<int64_t>::max())) overflow = true;
        else if (d != 0 && numel > std::numeric_limits<uint64_t>::max() / d) overflow = true;
        else numel *= d;
        entry.shape.push_back(static_cast<int64_t>(d));
    }

    const auto offsets = info.find("data_offsets");
    if (offsets == info.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has no \"data_offsets\" pair of whole "
                                                     "numbers"))
                          .arg(quoted));
    entry.begin = (*offsets)[0].get<uint64_t>();
    entry.end = (*offsets)[1].get<uint64_t>();
    // Offsets as the file wrote them may pass int64_t, so they go in as text (exact); the sizes
    // of this file fit and are counts.
    if (entry.begin > entry.end) {
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has data offsets [{2}, {3}] that end before "
                                                     "they begin"))
                          .arg(quoted)
                          .arg(std::to_string(entry.begin))
                          .arg(std::to_string(entry.end)));
    }
    if (entry.end > bufferSize) {
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} has data offsets [{2}, {3}] outside the "
                                                     "{4}-byte data section (is the file truncated?)"))
                          .arg(quoted)
                          .arg(std::to_string(entry.begin))
                          .arg(std::to_string(entry.end))
                          .count(static_cast<int64_t>(bufferSize)));
    }
    const uint64_t itemSize = c10::elementSize(entry.dtype->type);
    if (overflow || numel > std::numeric_limits<uint64_t>::max() / itemSize ||
        numel * itemSize != entry.end - entry.begin) {
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} holds {2} bytes, which does not match its "
                                                     "shape and dtype {3}"))
                          .arg(quoted)
                          .count(static_cast<int64_t>(entry.end - entry.begin))
                          .arg(entry.dtype->name));
    }
    return entry;
}

Contents parse(const std::string& path, const MappedFile& file)
{
    const uint64_t size = file.size();
    if (size < 8)
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "it has {1} bytes, fewer than the 8-byte header length"))
                          .count(static_cast<int64_t>(size)));
    const uint64_t headerSize = readLittleEndian(file.data(), 8);
    if (headerSize > size - 8) {
        // The length as the file wrote it may pass int64_t: text, exact.
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its header length says {1} bytes but only {2} follow "
                                                     "(is the file truncated?)"))
                          .arg(std::to_string(headerSize))
                          .count(static_cast<int64_t>(size - 8)));
    }
    const auto* header = reinterpret_cast<const char*>(file.data() + 8);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(header, header + headerSize);
    } catch (const nlohmann::json::exception& e) {
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its header is not valid JSON ({1})"))
                          .arg(jsonReason(e)));
    }
    if (!json.is_object()) badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its header is not a JSON object")));

    Contents contents;
    contents.buffer = file.data() + 8 + headerSize;
    const uint64_t bufferSize = size - 8 - headerSize;
    for (const auto& [key, value] : json.items()) {
        if (key != kMetadataKey) {
            contents.entries.push_back(parseEntry(path, key, value, bufferSize));
            continue;
        }
        if (!value.is_object())
            badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its \"__metadata__\" is not a JSON object")));
        for (const auto& [name, text] : value.items()) {
            if (!text.is_string())
                badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its \"__metadata__\" value of {1} is not a "
                                                             "string"))
                                  .arg(inQuotes(name)));
            contents.metadata[name] = text.get<std::string>();
        }
    }
    // As the safetensors library validates: sorted by start, each tensor begins where the one
    // before ended, and the last ends at the end of the file. Overlapping tensors (two names
    // reading the same bytes) or holes are a damaged or crafted file.
    std::vector<const Entry*> byStart;
    for (const Entry& e : contents.entries) byStart.push_back(&e);
    std::sort(byStart.begin(), byStart.end(), [](const Entry* a, const Entry* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    uint64_t expected = 0;
    for (const Entry* e : byStart) {
        if (e->begin != expected)
            badFile(path, Message(e->begin < expected
                                      ? MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} starts at byte {2} of the data, "
                                                               "where the tensors before it end at {3} (tensors "
                                                               "overlap)")
                                      : MASKLAB_TRANSLATE_NOOP("Engine", "tensor {1} starts at byte {2} of the data, "
                                                               "where the tensors before it end at {3} (a gap)"))
                              .arg(inQuotes(e->name, 60))
                              .count(static_cast<int64_t>(e->begin))
                              .count(static_cast<int64_t>(expected)));
        expected = e->end;
    }
    if (expected != bufferSize)
        badFile(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its tensors end at byte {1} of a data section of {2} "
                                                     "bytes"))
                          .count(static_cast<int64_t>(expected))
                          .count(static_cast<int64_t>(bufferSize)));
    return contents;
}

// A CPU tensor laid out as safetensors stores it: contiguous, on the CPU.
at::Tensor storable(const std::string& path, const NamedTensor& named, const Dtype*& dtype)
{
    const at::Tensor& t = named.tensor;
    const std::string quoted = inQuotes(named.name);
    if (!t.defined())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: tensor {2} is undefined; pass a "
                                                          "tensor"))
                               .arg(path)
                               .arg(quoted));
    if (t.layout() != at::kStrided)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: tensor {2} is not a dense "
                                                          "tensor; convert it with to_dense() first"))
                               .arg(path)
                               .arg(quoted));
    dtype = dtypeByType(t.scalar_type());
    if (!dtype) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: tensor {2} has dtype {3}, which "
                                                          "safetensors files here do not hold ({4}); convert it first"))
                               .arg(path)
                               .arg(quoted)
                               .arg(c10::toString(t.scalar_type()))
                               .arg(knownDtypeNames()));
    }
    return t.detach().to(at::kCPU).contiguous();
}

void writeLittleEndian(std::ostream& out, uint64_t value)
{
    char bytes[8];
    for (char& b : bytes) {
        b = static_cast<char>(value & 0xff);
        value >>= 8;
    }
    out.write(bytes, 8);
}

}  // namespace

TensorList readSafetensors(const std::string& path)
{
    const MappedFile file(path, kMappedSafetensors);
    const Contents contents = parse(path, file);
    TensorList tensors;
    tensors.reserve(contents.entries.size());
    for (const Entry& entry : contents.entries) {
        at::Tensor tensor = at::empty(entry.shape, at::TensorOptions().dtype(entry.dtype->type));
        if (entry.end > entry.begin)
            std::memcpy(tensor.data_ptr(), contents.buffer + entry.begin, entry.end - entry.begin);
        tensors.push_back({entry.name, std::move(tensor)});
    }
    return tensors;
}

std::map<std::string, std::string> readSafetensorsMetadata(const std::string& path)
{
    const MappedFile file(path, kMappedSafetensors);
    return parse(path, file).metadata;
}

void writeSafetensors(const std::string& path, const TensorList& tensors,
                      const std::map<std::string, std::string>& metadata)
{
    struct Item {
        const std::string* name;
        const Dtype* dtype;
        at::Tensor data;
    };
    std::vector<Item> items;
    std::set<std::string> names;
    for (const NamedTensor& named : tensors) {
        if (named.name.empty() || named.name == kMetadataKey)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2} is not a usable tensor "
                                                              "name"))
                                   .arg(path)
                                   .arg(inQuotes(named.name)));
        if (!names.insert(named.name).second)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: the tensor name {2} appears "
                                                              "twice"))
                                   .arg(path)
                                   .arg(inQuotes(named.name)));
        const Dtype* dtype = nullptr;
        at::Tensor data = storable(path, named, dtype);
        items.push_back({&named.name, dtype, std::move(data)});
    }
    // Hugging Face's order: higher dtype rank first (keeps every tensor aligned), then by name.
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.dtype->rank != b.dtype->rank ? a.dtype->rank > b.dtype->rank : *a.name < *b.name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header[kMetadataKey] = metadata;
    uint64_t offset = 0;
    for (const Item& item : items) {
        const uint64_t bytes = item.data.numel() * item.data.element_size();
        header[*item.name] = {{"dtype", item.dtype->name},
                              {"shape", item.data.sizes().vec()},
                              {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text;
    try {
        text = header.dump();
    } catch (const nlohmann::json::exception&) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: a tensor name or metadata entry "
                                                          "is not valid UTF-8"))
                               .arg(path));
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    // Written to a temporary name and renamed, so a crash never leaves a half file under the
    // real name.
    const std::string temporary = path + ".part" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2}; check the folder"))
                                   .arg(temporary)
                                   .arg(std::strerror(errno)));
        writeLittleEndian(out, text.size());
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const Item& item : items) {
            const auto bytes = static_cast<std::streamsize>(item.data.numel() * item.data.element_size());
            if (bytes > 0) out.write(static_cast<const char*>(item.data.data_ptr()), bytes);
        }
        if (!out.flush()) {
            out.close();
            std::error_code ec;
            std::filesystem::remove(temporary, ec);
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: disk full?"))
                                   .arg(temporary));
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot rename {1} to {2}: {3}"))
                               .arg(temporary)
                               .arg(path)
                               .arg(ec.message()));
    }
}

}  // namespace masklab
