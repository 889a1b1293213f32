// libmasklab_sentencepiece.so: the only code of MaskLab that links sentencepiece (and with it
// the protobuf 3.14 that Debian's libsentencepiece embeds). It offers the C table of
// sentencepiece_abi.h; nothing else is exported (CXX_VISIBILITY_PRESET hidden), and no
// exception leaves it.
#include "text/sentencepiece_abi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct masklab_spm_model {
    sentencepiece::SentencePieceProcessor processor;
    std::vector<int32_t> types;        // masklab_spm_piece_type of every id
    int32_t modelType = 1;             // TrainerSpec.ModelType: 1 unigram, 2 bpe, 3 word, 4 char
    std::string normalizerName;        // NormalizerSpec.name
};

namespace {

char* makeError(std::string_view message) noexcept
{
    auto* copy = static_cast<char*>(std::malloc(message.size() + 1));
    if (!copy)
        return nullptr;  // nothing better to do without memory; the caller sees success
    std::memcpy(copy, message.data(), message.size());
    copy[message.size()] = '\0';
    return copy;
}

char* statusError(const sentencepiece::util::Status& status)
{
    return makeError(status.ToString());
}

// Runs body and turns any exception into an error string.
template <typename Body>
char* guarded(Body&& body) noexcept
{
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return makeError("sentencepiece module: out of memory");
    } catch (const std::exception& e) {
        return makeError(std::string("sentencepiece module: ") + e.what());
    } catch (...) {
        return makeError("sentencepiece module: unknown exception");
    }
}

// --- A minimal reader of the protobuf wire format -----------------------------------------
// The public sentencepiece API does not say which pieces are user-defined, and Debian ships no
// sentencepiece_model.pb.h (nor could we use protobuf 3.21's headers against the embedded
// 3.14), so the few fields needed are read from the serialized ModelProto by hand.

struct WireReader {
    const unsigned char* pos;
    const unsigned char* end;

    bool atEnd() const { return pos >= end; }

    bool varint(uint64_t& value)
    {
        value = 0;
        for (int shift = 0; shift < 64 && pos < end; shift += 7) {
            const unsigned char byte = *pos++;
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }

    // Reads a field header; wireType is 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.
    bool tag(uint32_t& field, uint32_t& wireType)
    {
        uint64_t key = 0;
        if (!varint(key))
            return false;
        field = uint32_t(key >> 3);
        wireType = uint32_t(key & 7);
        return true;
    }

    bool bytes(std::string_view& value)
    {
        uint64_t size = 0;
        if (!varint(size) || size > uint64_t(end - pos))
            return false;
        value = std::string_view(reinterpret_cast<const char*>(pos), size_t(size));
        pos += size;
        return true;
    }

    bool skip(uint32_t wireType)
    {
        uint64_t ignored = 0;
        std::string_view ignoredBytes;
        switch (wireType) {
        case 0: return varint(ignored);
        case 1: return advance(8);
        case 2: return bytes(ignoredBytes);
        case 5: return advance(4);
        default: return false;  // groups (3, 4) do not occur in sentencepiece models
        }
    }

    bool advance(size_t count)
    {
        if (count > size_t(end - pos))
            return false;
        pos += count;
        return true;
    }
};

WireReader readerOf(std::string_view data)
{
    const auto* begin = reinterpret_cast<const unsigned char*>(data.data());
    return {begin, begin + data.size()};
}

// ModelProto.SentencePiece: field 3 is the type, NORMAL when absent.
bool readPieceType(std::string_view message, int32_t& type)
{
    type = MASKLAB_SPM_NORMAL;
    WireReader reader = readerOf(message);
    while (!reader.atEnd()) {
        uint32_t field = 0, wireType = 0;
        if (!reader.tag(field, wireType))
            return false;
        if (field == 3 && wireType == 0) {
            uint64_t value = 0;
            if (!reader.varint(value))
                return false;
            type = int32_t(value);
        } else if (!reader.skip(wireType)) {
            return false;
        }
    }
    return true;
}

// Reads the first varint of `wantedField` in a message; keeps `value` when absent.
bool readVarintField(std::string_view message, uint32_t wantedField, int32_t& value)
{
    WireReader reader = readerOf(message);
    while (!reader.atEnd()) {
        uint32_t field = 0, wireType = 0;
        if (!reader.tag(field, wireType))
            return false;
        if (field == wantedField && wireType == 0) {
            uint64_t raw = 0;
            if (!reader.varint(raw))
                return false;
            value = int32_t(raw);
        } else if (!reader.skip(wireType)) {
            return false;
        }
    }
    return true;
}

bool readStringField(std::string_view message, uint32_t wantedField, std::string& value)
{
    WireReader reader = readerOf(message);
    while (!reader.atEnd()) {
        uint32_t field = 0, wireType = 0;
        if (!reader.tag(field, wireType))
            return false;
        if (field == wantedField && wireType == 2) {
            std::string_view raw;
            if (!reader.bytes(raw))
                return false;
            value.assign(raw);
        } else if (!reader.skip(wireType)) {
            return false;
        }
    }
    return true;
}

// ModelProto: 1 repeated pieces, 2 trainer_spec (3: model_type), 3 normalizer_spec (1: name).
bool readModelProto(std::string_view proto, masklab_spm_model& model)
{
    WireReader reader = readerOf(proto);
    model.types.clear();
    while (!reader.atEnd()) {
        uint32_t field = 0, wireType = 0;
        if (!reader.tag(field, wireType))
            return false;
        if (wireType != 2 || field < 1 || field > 3) {
            if (!reader.skip(wireType))
                return false;
            continue;
        }
        std::string_view message;
        if (!reader.bytes(message))
            return false;
        if (field == 1) {
            int32_t type = MASKLAB_SPM_NORMAL;
            if (!readPieceType(message, type))
                return false;
            model.types.push_back(type);
        } else if (field == 2) {
            if (!readVarintField(message, 3, model.modelType))
                return false;
        } else if (!readStringField(message, 1, model.normalizerName)) {
            return false;
        }
    }
    return true;
}

// What the public API can tell when the proto cannot be read: everything but user-defined.
void typesFromProcessor(masklab_spm_model& model)
{
    const auto& sp = model.processor;
    model.types.assign(size_t(sp.GetPieceSize()), MASKLAB_SPM_NORMAL);
    for (int id = 0; id < sp.GetPieceSize(); ++id) {
        if (sp.IsUnknown(id))
            model.types[size_t(id)] = MASKLAB_SPM_UNKNOWN;
        else if (sp.IsControl(id))
            model.types[size_t(id)] = MASKLAB_SPM_CONTROL;
        else if (sp.IsUnused(id))
            model.types[size_t(id)] = MASKLAB_SPM_UNUSED;
        else if (sp.IsByte(id))
            model.types[size_t(id)] = MASKLAB_SPM_BYTE;
    }
}

bool validId(const masklab_spm_model* model, int32_t id)
{
    return id >= 0 && id < model->processor.GetPieceSize();
}

// --- The table ------------------------------------------------------------------------------

char* spmLoad(const char* path, masklab_spm_model** out)
{
    return guarded([&]() -> char* {
        *out = nullptr;
        auto model = std::make_unique<masklab_spm_model>();
        const auto status = model->processor.Load(path);
        if (!status.ok())
            return statusError(status);
        if (!readModelProto(model->processor.serialized_model_proto(), *model)
            || model->types.size() != size_t(model->processor.GetPieceSize()))
            typesFromProcessor(*model);
        *out = model.release();
        return nullptr;
    });
}

void spmFreeModel(masklab_spm_model* model)
{
    delete model;
}

void spmFreeError(char* error)
{
    std::free(error);
}

int32_t spmVocabSize(const masklab_spm_model* model)
{
    return model->processor.GetPieceSize();
}

const char* spmIdToPiece(const masklab_spm_model* model, int32_t id, size_t* size)
{
    if (!validId(model, id))
        return nullptr;
    const std::string& piece = model->processor.IdToPiece(id);
    if (size)
        *size = piece.size();
    return piece.c_str();
}

int32_t spmPieceToId(const masklab_spm_model* model, const char* piece, size_t size)
{
    try {
        const std::string_view wanted(piece, size);
        const int id = model->processor.PieceToId(wanted);
        if (!validId(model, id) || model->processor.IdToPiece(id) != wanted)
            return -1;
        return id;
    } catch (...) {
        return -1;
    }
}

int32_t spmPieceType(const masklab_spm_model* model, int32_t id)
{
    return validId(model, id) ? model->types[size_t(id)] : MASKLAB_SPM_INVALID;
}

void spmSpecialIds(const masklab_spm_model* model, masklab_spm_special_ids* ids)
{
    const auto& sp = model->processor;
    ids->unk = sp.unk_id();
    ids->bos = sp.bos_id();
    ids->eos = sp.eos_id();
    ids->pad = sp.pad_id();
}

const char* spmModelType(const masklab_spm_model* model)
{
    switch (model->modelType) {
    case 2: return "bpe";
    case 3: return "word";
    case 4: return "char";
    default: return "unigram";
    }
}

const char* spmNormalizerName(const masklab_spm_model* model)
{
    return model->normalizerName.c_str();
}

char* spmEncode(const masklab_spm_model* model, const char* text, size_t size,
                masklab_spm_piece_sink sink, void* user)
{
    return guarded([&]() -> char* {
        sentencepiece::ImmutableSentencePieceText result;
        const auto status = model->processor.Encode(std::string_view(text, size),
                                                    result.mutable_proto());
        if (!status.ok())
            return statusError(status);
        const size_t count = result.pieces_size();
        for (size_t i = 0; i < count; ++i) {
            const auto piece = result.pieces(int(i));
            sink(user, int32_t(piece.id()), piece.begin(), piece.end());
        }
        return nullptr;
    });
}

char* spmDecode(const masklab_spm_model* model, const int32_t* ids, size_t count,
                masklab_spm_text_sink sink, void* user)
{
    return guarded([&]() -> char* {
        std::vector<int> input(ids, ids + count);
        for (const int id : input) {
            if (!validId(model, id))
                return makeError("id " + std::to_string(id) + " is out of range (vocabulary of "
                                 + std::to_string(model->processor.GetPieceSize()) + ")");
        }
        std::string text;
        const auto status = model->processor.Decode(input, &text);
        if (!status.ok())
            return statusError(status);
        sink(user, text.data(), text.size());
        return nullptr;
    });
}

char* spmTrain(const char* const* flags, size_t count)
{
    // The trainer keeps global state (the pretokenizer, the log level): one run at a time.
    static std::mutex trainMutex;
    return guarded([&]() -> char* {
        std::unordered_map<std::string, std::string> kwargs;
        for (size_t i = 0; i < count; ++i) {
            std::string_view flag(flags[i]);
            if (flag.substr(0, 2) == "--")
                flag.remove_prefix(2);
            const size_t equals = flag.find('=');
            if (equals == std::string_view::npos || equals == 0)
                return makeError("trainer flag '" + std::string(flags[i])
                                 + "' is not of the form name=value");
            kwargs[std::string(flag.substr(0, equals))] = std::string(flag.substr(equals + 1));
        }
        const std::lock_guard<std::mutex> lock(trainMutex);
        const auto status = sentencepiece::SentencePieceTrainer::Train(kwargs);
        if (!status.ok())
            return statusError(status);
        return nullptr;
    });
}

const masklab_spm_api kApi = {
    MASKLAB_SPM_ABI_VERSION,
    sizeof(masklab_spm_api),
    spmLoad,
    spmFreeModel,
    spmFreeError,
    spmVocabSize,
    spmIdToPiece,
    spmPieceToId,
    spmPieceType,
    spmSpecialIds,
    spmModelType,
    spmNormalizerName,
    spmEncode,
    spmDecode,
    spmTrain,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const masklab_spm_api*
masklab_spm_get_api(uint32_t abi_version)
{
    return abi_version == MASKLAB_SPM_ABI_VERSION ? &kApi : nullptr;
}
