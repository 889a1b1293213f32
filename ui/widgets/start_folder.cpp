#include "widgets/start_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace masklab::ui {

QString startFolder(const QString& purpose, const QString& fallback)
{
    const QString remembered = QSettings().value(QStringLiteral("folders/") + purpose).toString();
    for (const QString& candidate : {remembered, fallback}) {
        if (candidate.isEmpty()) continue;
        const QFileInfo info(candidate);
        if (info.isDir()) return info.absoluteFilePath();
        if (info.exists()) return info.absolutePath();  // a file: its folder
    }
    return QDir::homePath();
}

void rememberFolder(const QString& purpose, const QString& picked)
{
    if (picked.isEmpty()) return;
    const QFileInfo info(picked);
    // A folder picked as a model or an aclImdb folder: the next dialog opens beside it.
    const QString folder = info.isDir() ? info.absoluteDir().absolutePath() : info.absolutePath();
    QSettings().setValue(QStringLiteral("folders/") + purpose, folder);
}

}  // namespace masklab::ui
