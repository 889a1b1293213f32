#pragma once
// Text for people that the window can translate, from a core that knows nothing of Qt.
//
// A Message is an English format with numbered places ("{1} chunks: {2} for training") and the
// values that fill them, in order. The format is a string literal marked with
// MASKLAB_TRANSLATE_NOOP, so Qt Linguist collects it from the core's sources (context "Engine");
// the window looks the format up in its catalogue and writes the numbers in its locale
// (ui/engine_text.h). The CLI and the logs print text(): English, numbers as C writes them.
#include "masklab/error.h"

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

// Marks a literal for lupdate (-tr-function-alias QT_TRANSLATE_NOOP+=MASKLAB_TRANSLATE_NOOP)
// and leaves it as it is.
#ifndef MASKLAB_TRANSLATE_NOOP
#define MASKLAB_TRANSLATE_NOOP(context, text) text
#endif

namespace masklab {

class Message {
public:
    struct Arg {
        enum class Kind { Text, Count, Number, Bytes, Inner };
        Kind kind = Kind::Text;
        std::string text;   // Text; for the other kinds, the value as text() writes it
        double value = 0;   // Count (a whole number), Number or Bytes
        int decimals = 0;   // Number: fixed decimals, or below 0 six significant digits
        std::shared_ptr<const Message> inner;  // Inner: a message within this one
    };

    // format: a literal marked MASKLAB_TRANSLATE_NOOP("Engine", ...); it must outlive the message.
    explicit Message(const char* format) : m_format(format) {}

    Message& arg(std::string text);
    Message& count(int64_t wholeNumber);             // "12,345" in an English window, "12 345" in a Russian one
    // Fixed decimals, or with decimals < 0 six significant digits ("2e-05", "65536"); the
    // window uses its locale's decimal sign.
    Message& number(double value, int decimals = -1);
    // A size: "12.3 MB" in English, "12,3 МБ" in a Russian window.
    Message& bytes(uint64_t size);
    // A message within this one ("{1}: {2}", where {2} says what went wrong inside), translated
    // in its own right.
    Message& inner(Message message);

    const char* format() const { return m_format; }
    const std::vector<Arg>& args() const { return m_args; }
    // The format with its places filled: English, numbers without grouping and with '.'.
    std::string text() const;

private:
    const char* m_format;
    std::vector<Arg> m_args;
};

// The message an exception carries: a MessageError's own, or what() as it is.
Message messageOf(const std::exception& error);

// "12.3 MB": bytes below 1000, then kB, MB and GB with one or two decimals (powers of 1000).
std::string describeBytes(uint64_t bytes);

// Puts values[i] where the format says {i+1}; a place without a value stays as written.
std::string fillPlaces(const std::string& format, const std::vector<std::string>& values);

// An Error whose text the window can translate: what() is message().text().
class MessageError : public Error {
public:
    explicit MessageError(Message message) : Error(message.text()), m_message(std::move(message)) {}
    const Message& message() const { return m_message; }

private:
    Message m_message;
};

}  // namespace masklab
