// The charts' picture exports (PNG and SVG of what the panel shows) and the save dialog in front
// of every export (CSV too).
#include "charts_panel.h"

#include "widgets/start_folder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSvgGenerator>

#include <qcustomplot.h>

namespace masklab::ui {

QSize ChartsPanel::exportSize() const
{
    // What the user sees; a panel never shown has no meaningful size, so pick a readable one.
    if (m_plot->isVisible() && m_plot->width() > 100 && m_plot->height() > 100)
        return m_plot->size();
    return QSize(1600, 1000);
}

bool ChartsPanel::exportPng(const QString& path, QString* error) const
{
    // An export shows every point received so far, not only those the last frame drew.
    const_cast<ChartsPanel*>(this)->refresh();
    const QSize size = exportSize();
    if (!m_plot->savePng(path, size.width(), size.height())) {
        if (error)
            *error = tr("Cannot write %1. Check that the folder exists and that you may write "
                        "there, or choose another file.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool ChartsPanel::exportSvg(const QString& path, QString* error) const
{
    const_cast<ChartsPanel*>(this)->refresh();
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [&] {
        if (error)
            *error = tr("Cannot write %1. Check that the folder exists and that you may write "
                        "there, or choose another file.")
                         .arg(shown);
        return false;
    };
    if (!QFileInfo(path).absoluteDir().exists())
        return fail();
    const QSize size = exportSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // The generator's default 72 dpi would make drawing programs (96 dpi) open it a third larger.
    generator.setResolution(m_plot->logicalDpiX());
    generator.setTitle(tr("MaskLab training charts"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return fail();
    m_plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return true;
}

void ChartsPanel::exportWithDialog(const QString& title, const QString& fileName,
                                   const QString& filter,
                                   bool (ChartsPanel::*exporter)(const QString&, QString*) const)
{
    const QString path =
        QFileDialog::getSaveFileName(this, title, QDir(startFolder(QStringLiteral("export"))).filePath(fileName), filter);
    if (path.isEmpty())
        return;
    rememberFolder(QStringLiteral("export"), path);
    QString error;
    if ((this->*exporter)(path, &error))
        emit message(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace masklab::ui
