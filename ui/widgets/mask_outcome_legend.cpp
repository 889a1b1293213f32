#include "mask_outcome_legend.h"

#include "mask_outcome_style.h"
#include "token_chip.h"
#include "token_flow_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

#include <algorithm>
#include <limits>

namespace masklab::ui {

namespace {

// A sample drawn like the view's tokens, for the legend.
class LegendSwatch final : public QWidget {
public:
    enum class Kind { Outcome, Joined, Seam };

    LegendSwatch(Kind kind, TokenOutcome outcome, QWidget* parent) : QWidget(parent), m_kind(kind), m_outcome(outcome)
    {
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override
    {
        const int h = fontMetrics().height() + 2;
        switch (m_kind) {
        case Kind::Joined: return QSize(h * 2, h);
        case Kind::Seam: return QSize(h / 2, h + 4);
        case Kind::Outcome: break;
        }
        return QSize(qRound(h * 1.4), h);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const chip::ChipColours colours = chip::ChipColours::from(palette());
        const QRect area = rect();
        const qreal radius = chip::radiusFor(area.height());
        if (m_kind == Kind::Seam) {
            chip::drawSeamMarker(painter, (area.width() - chip::kMarkerWidth) / 2.0, area.top(), area.bottom() + 1,
                                 colours.seam);
            return;
        }
        if (m_kind == Kind::Joined) {
            TokenCell cell;
            const chip::ChipLook look = chip::lookFor(cell, colours);
            const QRect left(area.left(), area.top(), area.width() / 2, area.height());
            const QRect right(left.right() + 1, area.top(), area.width() - left.width(), area.height());
            chip::fillChip(painter, left, look.fill, false, true, radius);
            chip::fillChip(painter, right, look.fill, true, false, radius);
            chip::drawJoinDivider(painter, right, look.border);
            chip::strokeChip(painter, area, look.border, 1.0, Qt::SolidLine, true, true, radius);
            return;
        }
        TokenCell cell;
        cell.outcome = m_outcome;
        const chip::ChipLook look = chip::lookFor(cell, colours);
        chip::fillChip(painter, area, look.fill, false, false, radius);
        chip::strokeChip(painter, area, look.border, 1.0, look.borderStyle, true, true, radius);
        if (look.mark.isValid())
            chip::strokeChip(painter, area, look.mark, look.markWidth, Qt::SolidLine, true, true, radius);
    }

private:
    Kind m_kind;
    TokenOutcome m_outcome;
};

}  // namespace

MaskOutcomeLegend::MaskOutcomeLegend(QWidget* parent) : QWidget(parent)
{
    // Items flow and wrap like the tokens, so the legend fits a narrow panel too.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto addItem = [this](LegendSwatch* swatch) {
        auto* item = new QWidget(this);
        auto* row = new QHBoxLayout(item);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(fontMetrics().averageCharWidth());
        auto* label = new QLabel(item);
        row->addWidget(swatch);
        row->addWidget(label);
        m_items.push_back(item);
        m_swatches.push_back(swatch);
        m_labels.push_back(label);
    };
    for (TokenOutcome outcome : {TokenOutcome::Masked, TokenOutcome::Random, TokenOutcome::Kept})
        addItem(new LegendSwatch(LegendSwatch::Kind::Outcome, outcome, nullptr));
    addItem(new LegendSwatch(LegendSwatch::Kind::Joined, TokenOutcome::None, nullptr));
    addItem(new LegendSwatch(LegendSwatch::Kind::Seam, TokenOutcome::None, nullptr));
    retranslate();
}

int MaskOutcomeLegend::arrange(int width, bool apply) const
{
    const int horizontalGap = fontMetrics().averageCharWidth() * 3;
    const int verticalGap = fontMetrics().height() / 3;
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    for (QWidget* item : m_items) {
        const QSize size = item->sizeHint();
        if (x > 0 && x + size.width() > width) {
            x = 0;
            y += rowHeight + verticalGap;
            rowHeight = 0;
        }
        if (apply)
            item->setGeometry(QRect(QPoint(x, y), size));
        x += size.width() + horizontalGap;
        rowHeight = std::max(rowHeight, size.height());
    }
    return y + rowHeight;
}

bool MaskOutcomeLegend::hasHeightForWidth() const { return true; }

int MaskOutcomeLegend::heightForWidth(int width) const { return arrange(width, false); }

QSize MaskOutcomeLegend::sizeHint() const
{
    const int oneRow = std::numeric_limits<int>::max() / 2;
    int width = 0;
    for (QWidget* item : m_items)
        width += item->sizeHint().width() + fontMetrics().averageCharWidth() * 3;
    return QSize(width, arrange(oneRow, false));
}

QSize MaskOutcomeLegend::minimumSizeHint() const
{
    int width = 0;
    for (QWidget* item : m_items)
        width = std::max(width, item->sizeHint().width());
    return QSize(width, arrange(width, false));
}

void MaskOutcomeLegend::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrange(width(), true);
}

void MaskOutcomeLegend::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MaskOutcomeLegend::retranslate()
{
    const QStringList names = {
        MaskOutcomeStyle::name(TokenOutcome::Masked),
        MaskOutcomeStyle::name(TokenOutcome::Random),
        MaskOutcomeStyle::name(TokenOutcome::Kept),
        tr("word pieces joined"),
        tr("review seam"),
    };
    const QStringList descriptions = {
        MaskOutcomeStyle::description(TokenOutcome::Masked),
        MaskOutcomeStyle::description(TokenOutcome::Random),
        MaskOutcomeStyle::description(TokenOutcome::Kept),
        tr("A WordPiece continuation (a \"##\" piece) is drawn joined to the piece before it, so a word reads as one."),
        tr("One review ends and the next begins inside the chunk ([SEP] [CLS])."),
    };
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels[i]->setText(names[i]);
        m_labels[i]->setToolTip(descriptions[i]);
        m_swatches[i]->setToolTip(descriptions[i]);
    }
    // New words, new widths: the flow must be recomputed.
    updateGeometry();
    arrange(width(), true);
}

}  // namespace masklab::ui
