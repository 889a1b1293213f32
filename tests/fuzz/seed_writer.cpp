// masklab-fuzz-seeds OUT FIXTURES: the seeds that MaskLab itself writes, made by the code that
// writes them for users: SentencePiece models trained on IMDb reviews (unigram and BPE) and token
// cache files of reviews and prose tokenized with bert-base-uncased. make_seeds.py calls it.
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "masklab/sentencepiece_tokenizer.h"
#include "masklab/token_store.h"
#include "masklab/tokenizer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: masklab-fuzz-seeds OUT FIXTURES\n");
        return 2;
    }
    const fs::path out = argv[1];
    const fs::path fixtures = argv[2];
    try {
        masklab::CorpusOptions options;
        const masklab::Corpus reviews = masklab::readCorpus((fixtures / "imdb" / "imdb_sample_1000.jsonl").string(), options);
        const fs::path text = out / "spm-training.txt";
        fs::create_directories(out / "sentencepiece_model");
        {
            std::ofstream lines(text);
            for (std::size_t i = 0; i < 300 && i < reviews.size(); ++i) lines << reviews.documents[i].text << '\n';
        }
        for (auto [type, name] : {std::pair{masklab::SentencePieceModelType::Unigram, "unigram"},
                                  std::pair{masklab::SentencePieceModelType::Bpe, "bpe"}}) {
            masklab::SentencePieceTrainOptions train;
            train.inputs = {text.string()};
            train.modelPrefix = (out / "sentencepiece_model" / name).string();
            train.vocabSize = 300;
            train.modelType = type;
            train.numThreads = 1;
            // One with the NFKC table (most of a real .model's bytes), one small without it.
            if (type == masklab::SentencePieceModelType::Bpe) train.normalization = "identity";
            masklab::trainSentencePiece(train);
            fs::remove(train.modelPrefix + ".vocab");
        }
        fs::remove(text);

        const auto tokenizer = masklab::loadTokenizer((fixtures / "bert_uncased_tokenizer" / "tokenizer.json").string());
        fs::create_directories(out / "token_cache");
        for (auto [first, count, name] : {std::tuple{std::size_t{0}, std::size_t{12}, "reviews-12.bin"},
                                          std::tuple{std::size_t{100}, std::size_t{3}, "reviews-3.bin"}}) {
            std::vector<masklab::Document> documents(reviews.documents.begin() + static_cast<long>(first),
                                                     reviews.documents.begin() + static_cast<long>(first + count));
            for (auto& d : documents) d.text = d.text.substr(0, 300);
            const auto store = masklab::TokenStore::build(*tokenizer, documents, 1);
            store.save((out / "token_cache" / name).string(), masklab::tokenCacheKey(*tokenizer, documents));
        }
    } catch (const masklab::Error& e) {
        std::fprintf(stderr, "masklab-fuzz-seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
