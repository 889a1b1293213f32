#pragma once
// The engine's words in the window's language. The core writes its progress lines and errors as
// masklab::Message (an English format and typed values); here the format is looked up in the
// catalogue (context "Engine") and numbers are written in the window's locale. Anything else the
// core throws shows as it is.
#include "masklab/message.h"

#include <QString>

#include <exception>

namespace masklab::ui {

QString engineText(const Message& message);
QString engineText(const std::exception& error);

}  // namespace masklab::ui
