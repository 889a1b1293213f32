#pragma once
// The narrow C interface between masklab_core and libmasklab_sentencepiece.so.
//
// Debian's libsentencepiece embeds protobuf 3.14 and exports its symbols; libtorch loads
// protobuf 3.21. Linked into one process they crash at start-up, so sentencepiece lives only in
// a module that the core opens with dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND). Nothing of
// C++ crosses this boundary: no sentencepiece or protobuf type, no std::string, no exception.
// The module catches everything and returns errors as strings. Names follow the C style of
// llama.h (snake_case with a prefix), not the C++ naming of the rest of the core.
//
// Use: dlsym(handle, MASKLAB_SPM_ENTRY) gives a masklab_spm_get_api_fn; call it with
// MASKLAB_SPM_ABI_VERSION. It returns the table, or null when the module speaks another
// version. Every function in the table may be called from any thread at the same time except
// train, which the module serialises itself.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Bump when the table changes in any way; the core refuses a module of another version.
#define MASKLAB_SPM_ABI_VERSION 1u

// The one symbol the module exports.
#define MASKLAB_SPM_ENTRY "masklab_spm_get_api"

// A loaded .model. Opaque to the core.
typedef struct masklab_spm_model masklab_spm_model;

// Piece types, with the numbers of sentencepiece_model.proto (ModelProto.SentencePiece.Type).
enum masklab_spm_piece_type {
    MASKLAB_SPM_INVALID = 0,       // id out of range
    MASKLAB_SPM_NORMAL = 1,        // an ordinary piece
    MASKLAB_SPM_UNKNOWN = 2,       // <unk>
    MASKLAB_SPM_CONTROL = 3,       // <s>, </s>, <pad>: never produced from text
    MASKLAB_SPM_USER_DEFINED = 4,  // --user_defined_symbols: always one piece where they occur
    MASKLAB_SPM_UNUSED = 5,        // reserved, never produced
    MASKLAB_SPM_BYTE = 6,          // <0xNN> byte-fallback pieces
};

// The reserved ids as the model has them; -1 where the model disables one.
typedef struct masklab_spm_special_ids {
    int32_t unk;
    int32_t bos;
    int32_t eos;
    int32_t pad;
} masklab_spm_special_ids;

// Receives one piece of an encoding: its id and its byte span [begin, end) in the input text.
typedef void (*masklab_spm_piece_sink)(void* user, int32_t id, uint32_t begin, uint32_t end);

// Receives text the module owns only for the duration of the call.
typedef void (*masklab_spm_text_sink)(void* user, const char* data, size_t size);

// Functions returning `char*` return null on success and a message on failure; the caller
// releases it with free_error.
typedef struct masklab_spm_api {
    uint32_t abi_version;  // MASKLAB_SPM_ABI_VERSION of the module
    uint32_t struct_size;  // sizeof(masklab_spm_api) of the module

    // Loads a .model file. On success *model is set; release it with free_model.
    char* (*load)(const char* path, masklab_spm_model** model);
    void (*free_model)(masklab_spm_model* model);
    void (*free_error)(char* error);

    int32_t (*vocab_size)(const masklab_spm_model* model);
    // The piece of `id`, valid as long as the model; null when id is out of range.
    const char* (*id_to_piece)(const masklab_spm_model* model, int32_t id, size_t* size);
    // The id of an exact piece, -1 when the vocabulary lacks it (sentencepiece itself would
    // answer unk).
    int32_t (*piece_to_id)(const masklab_spm_model* model, const char* piece, size_t size);
    // One of masklab_spm_piece_type.
    int32_t (*piece_type)(const masklab_spm_model* model, int32_t id);
    void (*special_ids)(const masklab_spm_model* model, masklab_spm_special_ids* ids);
    // "unigram", "bpe", "word" or "char"; a static string.
    const char* (*model_type)(const masklab_spm_model* model);
    // The normalisation rule ("nmt_nfkc", "nmt_nfkc_cf", "identity", ...); valid as long as the
    // model.
    const char* (*normalizer_name)(const masklab_spm_model* model);

    // Encodes UTF-8 text; calls sink once per piece, in order.
    char* (*encode)(const masklab_spm_model* model, const char* text, size_t size,
                    masklab_spm_piece_sink sink, void* user);
    // Decodes ids the way sentencepiece does (control pieces vanish, unk shows as " ⁇ ");
    // calls sink once with the text.
    char* (*decode)(const masklab_spm_model* model, const int32_t* ids, size_t count,
                    masklab_spm_text_sink sink, void* user);

    // Trains a model: SentencePieceTrainer::Train with the flags of spm_train, one per entry,
    // each "name=value" (a leading "--" is allowed), e.g. "input=a.txt,b.txt",
    // "model_prefix=/tmp/m", "vocab_size=8000", "model_type=bpe", "character_coverage=1.0",
    // "user_defined_symbols=[CLS],[SEP],[MASK]". One entry per flag, rather than one string
    // split on spaces, so that paths may hold spaces.
    char* (*train)(const char* const* flags, size_t count);
} masklab_spm_api;

typedef const masklab_spm_api* (*masklab_spm_get_api_fn)(uint32_t abi_version);

#ifdef __cplusplus
}  // extern "C"
#endif
