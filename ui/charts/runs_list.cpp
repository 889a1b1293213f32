#include "charts/runs_list.h"

#include <QPainter>
#include <QPixmap>
#include <QScrollBar>

namespace masklab::ui {
namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

QIcon swatch(const QColor& colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

}  // namespace

RunsList::RunsList(QWidget* parent) : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::NoSelection);
    // A name too long for a third of the panel keeps its start and its "(live)"; the tooltip has it whole.
    setTextElideMode(Qt::ElideMiddle);
    setToolTip(tr("Tick the runs to draw; the live run comes first"));
    connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        emit shownChanged(item->data(kIdRole).toInt(), item->checkState() == Qt::Checked);
    });
}

QString RunsList::label(const QString& name, bool live)
{
    return live ? tr("%1 (live)").arg(name) : name;
}

void RunsList::addRun(int id, const QString& name, const QColor& colour, bool live, bool shown)
{
    const QSignalBlocker block(this);
    auto* item = new QListWidgetItem(swatch(colour), label(name, live));
    item->setData(kIdRole, id);
    item->setData(kNameRole, name);
    item->setToolTip(name);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
    if (live) insertItem(0, item);
    else addItem(item);
}

QListWidgetItem* RunsList::itemOf(int id) const
{
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(kIdRole).toInt() == id) return item(row);
    return nullptr;
}

int RunsList::fittingWidth() const
{
    const int items = count() > 0 ? sizeHintForColumn(0) : 0;
    return items + 2 * frameWidth() + verticalScrollBar()->sizeHint().width() + 4;
}

void RunsList::setLive(int id, bool live)
{
    const QSignalBlocker block(this);
    if (QListWidgetItem* it = itemOf(id)) it->setText(label(it->data(kNameRole).toString(), live));
}

void RunsList::setShown(int id, bool shown)
{
    const QSignalBlocker block(this);
    if (QListWidgetItem* it = itemOf(id)) it->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
}

bool RunsList::isShown(int id) const
{
    const QListWidgetItem* it = itemOf(id);
    return it && it->checkState() == Qt::Checked;
}

void RunsList::clearRuns()
{
    const QSignalBlocker block(this);
    clear();
}

}  // namespace masklab::ui
