#pragma once
// Where a file dialog opens: the folder the user last picked for the same purpose ("corpus",
// "model", "tokenizer", "settings", "export", "run"), else a fallback (the project folder, the
// open corpus's folder), else the home folder. Remembered across launches in QSettings.
#include <QString>

namespace masklab::ui {

QString startFolder(const QString& purpose, const QString& fallback = {});
// Remembers the folder of `picked` (a file or a folder) for `purpose`; nothing when empty.
void rememberFolder(const QString& purpose, const QString& picked);

}  // namespace masklab::ui
