#include "token_flow_view.h"

#include "token_chip.h"

#include <QCursor>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace masklab::ui {

TokenFlowView::TokenFlowView(QWidget* parent) : QWidget(parent)
{
    // The size policy, not only the virtual, tells QScrollArea and layouts to ask heightForWidth.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMouseTracking(true);  // hover and cellHovered without a pressed button
}

void TokenFlowView::setCells(QVector<TokenCell> cells)
{
    m_cells = std::move(cells);
    setHovered(-1);
    invalidate();
    updateGeometry();
    update();
}

const QVector<TokenCell>& TokenFlowView::cells() const { return m_cells; }

int TokenFlowView::hoveredCell() const { return m_hovered; }

void TokenFlowView::invalidate()
{
    m_metrics.valid = false;
    m_layout.width = -1;
    m_hfwWidth = -1;
}

const TokenFlowView::Metrics& TokenFlowView::metrics() const
{
    if (m_metrics.valid)
        return m_metrics;
    Metrics& m = m_metrics;
    // Tokens a little larger than the UI text: they are what the panel is about.
    m.tokenFont = chip::scaled(font(), 1.1);
    m.specialFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m.specialFont.setPointSizeF(std::max(1.0, QFontInfo(m.tokenFont).pointSizeF() * 0.85));
    m.tagFont = chip::scaled(font(), 0.8);
    const QFontMetrics token(m.tokenFont, this);
    const QFontMetrics special(m.specialFont, this);
    const QFontMetrics tag(m.tagFont, this);

    const int textHeight = std::max(token.height(), special.height());
    const int verticalPadding = std::max(2, token.height() / 6);
    m.lineHeight = textHeight + 2 * verticalPadding;
    m.lineGap = std::max(4, m.lineHeight / 4);
    m.padding = std::max(3, token.averageCharWidth() / 2);
    m.wordGap = std::max(5, token.horizontalAdvance(QLatin1Char(' ')) + 2);
    m.margin = std::max(6, m.lineGap);
    m.tokenBaseline = (m.lineHeight - token.height()) / 2 + token.ascent();
    m.specialBaseline = (m.lineHeight - special.height()) / 2 + special.ascent();
    m.tagBaseline = (m.lineHeight - tag.height()) / 2 + tag.ascent();
    const int minimumWidth = token.height();  // "," and "." still get a chip you can point at

    const int n = m_cells.size();
    m.textWidths.resize(n);
    m.widths.resize(n);
    m.seamWidths.resize(n);
    m.reviews.resize(n);
    // The chunk's first cell belongs to review 1 even when that review began in an earlier chunk.
    int review = (n > 0 && !m_cells[0].seamBefore) ? 1 : 0;
    for (int i = 0; i < n; ++i) {
        const TokenCell& cell = m_cells[i];
        const bool fixed = cell.special && cell.outcome == TokenOutcome::None;
        m.textWidths[i] = (fixed ? special : token).horizontalAdvance(cell.text);
        m.widths[i] = std::max(minimumWidth, m.textWidths[i] + 2 * m.padding);
        m.seamWidths[i] = 0;
        m.reviews[i] = 0;
        if (cell.seamBefore) {
            ++review;
            if (cell.review >= 0) review = cell.review;
            m.reviews[i] = review;
            m.seamWidths[i] = chip::kMarkerWidth + 2 * m.padding + tag.horizontalAdvance(seamTag(review));
        }
    }
    m.valid = true;
    return m;
}

QString TokenFlowView::seamTag(int review) const { return tr("review %1").arg(review); }

bool TokenFlowView::continuesWord(int index) const
{
    const TokenCell& cell = m_cells[index];
    return index > 0 && cell.continuation && !cell.seamBefore;
}

int TokenFlowView::flow(int width, Layout* out) const
{
    const Metrics& m = metrics();
    const int n = m_cells.size();
    const int left = m.margin;
    const int right = std::max(left + 1, width - m.margin);  // one past the last usable pixel
    int x = left;
    int y = m.margin;
    int lineStart = 0;
    bool lineEmpty = true;
    if (out) {
        out->rects.resize(n);
        out->lines.clear();
    }
    auto breakLine = [&](int next) {
        if (out)
            out->lines.push_back({y, lineStart, next});
        y += m.lineHeight + m.lineGap;
        x = left;
        lineStart = next;
        lineEmpty = true;
    };

    for (int i = 0; i < n;) {
        // A word is a cell and the continuations after it; it wraps as one unit like a word of text.
        int end = i + 1;
        int wordWidth = m.seamWidths[i] + m.widths[i];
        while (end < n && continuesWord(end)) {
            wordWidth += m.widths[end];
            ++end;
        }
        if (!lineEmpty && x + m.wordGap + wordWidth > right)
            breakLine(i);
        if (!lineEmpty)
            x += m.wordGap;
        for (int k = i; k < end; ++k) {
            // Only a word wider than a whole line gets here with a full line: it breaks between pieces.
            if (!lineEmpty && x + m.seamWidths[k] + m.widths[k] > right)
                breakLine(k);
            x += m.seamWidths[k];
            // A single token wider than the line is cut to it (drawn elided) rather than overflow.
            const int cellWidth = std::max(std::min(m.widths[k], right - x), std::min(m.widths[k], m.lineHeight));
            if (out)
                out->rects[k] = QRect(x, y, cellWidth, m.lineHeight);
            x += cellWidth;
            lineEmpty = false;
        }
        i = end;
    }
    // An empty chunk keeps one line's height so the panel does not jump when cells arrive.
    int height = 2 * m.margin + m.lineHeight;
    if (n > 0) {
        breakLine(n);
        height = y - m.lineGap + m.margin;
    }
    if (out) {
        out->width = width;
        out->height = height;
    }
    return height;
}

const TokenFlowView::Layout& TokenFlowView::layout() const
{
    if (m_layout.width != width()) {
        flow(width(), &m_layout);
        m_layout.width = width();
    }
    return m_layout;
}

bool TokenFlowView::joinedToPrevious(int index) const
{
    if (index <= 0 || index >= m_cells.size() || !continuesWord(index))
        return false;
    const QRect& rect = m_layout.rects[index];
    const QRect& previous = m_layout.rects[index - 1];
    return rect.top() == previous.top() && rect.left() == previous.right() + 1;
}

int TokenFlowView::cellAt(const QPoint& pos) const
{
    const Layout& lay = layout();
    const Metrics& m = metrics();
    // Lines are sorted by top: find the last one starting at or above the point.
    auto line = std::upper_bound(lay.lines.cbegin(), lay.lines.cend(), pos.y(),
                                 [](int y, const Line& l) { return y < l.top; });
    if (line == lay.lines.cbegin())
        return -1;
    --line;
    if (pos.y() >= line->top + m.lineHeight)
        return -1;
    auto begin = lay.rects.cbegin() + line->first;
    auto end = lay.rects.cbegin() + line->end;
    auto cell = std::upper_bound(begin, end, pos.x(), [](int x, const QRect& r) { return x < r.left(); });
    if (cell == begin)
        return -1;
    --cell;
    return cell->contains(pos) ? static_cast<int>(cell - lay.rects.cbegin()) : -1;
}

QRect TokenFlowView::cellRect(int index) const
{
    if (index < 0 || index >= m_cells.size())
        return {};
    return layout().rects[index];
}

QString TokenFlowView::toolTipFor(int index) const
{
    if (index < 0 || index >= m_cells.size())
        return {};
    const TokenCell& cell = m_cells[index];
    // Plain text, one fact a line; the first line has no markup so Qt never takes it for HTML.
    QStringList lines;
    lines << tr("Position %1").arg(cell.position >= 0 ? cell.position : index);
    const auto piece = [&cell](const QString& text) {
        return cell.continuation ? QStringLiteral("##") + text : text;
    };
    const bool replaced = cell.outcome == TokenOutcome::Masked || cell.outcome == TokenOutcome::Random;
    lines << tr("Token: %1").arg(replaced ? cell.text : piece(cell.text));
    if (cell.outcome != TokenOutcome::None) {
        lines << tr("Outcome: %1").arg(MaskOutcomeStyle::name(cell.outcome));
        lines << tr("Original: %1").arg(piece(cell.original.isEmpty() ? cell.text : cell.original));
        lines << MaskOutcomeStyle::description(cell.outcome);
    } else if (cell.padding) {
        lines << tr("Padding: fills the chunk; attention and loss skip it.");
    } else if (cell.special) {
        lines << tr("Special token added by the tokenizer.");
    } else if (continuesWord(index)) {
        lines << tr("Continues the word before it (a WordPiece \"##\" piece).");
    }
    const Metrics& m = metrics();
    if (cell.seamBefore)
        lines << tr("Review %1 starts here.").arg(m.reviews[index]);
    return lines.join(QLatin1Char('\n'));
}

bool TokenFlowView::hasHeightForWidth() const { return true; }

int TokenFlowView::heightForWidth(int width) const
{
    // Layouts and QScrollArea ask this many times per resize: remember the last answer.
    if (width == m_layout.width)
        return m_layout.height;
    if (width != m_hfwWidth) {
        m_hfwHeight = flow(width, nullptr);
        m_hfwWidth = width;
    }
    return m_hfwHeight;
}

QSize TokenFlowView::sizeHint() const
{
    const Metrics& m = metrics();
    const int width = 2 * m.margin + 60 * QFontMetrics(m.tokenFont, this).averageCharWidth();
    return QSize(width, heightForWidth(width));
}

QSize TokenFlowView::minimumSizeHint() const
{
    const Metrics& m = metrics();
    return QSize(2 * m.margin + 10 * QFontMetrics(m.tokenFont, this).averageCharWidth(),
                 2 * m.margin + m.lineHeight);
}

void TokenFlowView::paintEvent(QPaintEvent* event)
{
    const Layout& lay = layout();
    const Metrics& m = metrics();
    if (lay.lines.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const chip::ChipColours colours = chip::ChipColours::from(palette());
    const qreal radius = chip::radiusFor(m.lineHeight);
    const QRect exposed = event->rect();

    // Only the lines inside the exposed rectangle: in a scroll area that is a screenful.
    auto line = std::upper_bound(lay.lines.cbegin(), lay.lines.cend(), exposed.top() - m.lineHeight - m.lineGap,
                                 [](int y, const Line& l) { return y < l.top; });
    if (line != lay.lines.cbegin())
        --line;
    for (; line != lay.lines.cend() && line->top - m.lineGap <= exposed.bottom(); ++line) {
        // Fills and text first, outlines after: a later piece's fill must not cover the word's outline.
        for (int i = line->first; i < line->end; ++i) {
            if (m.seamWidths[i] > 0)
                paintSeam(painter, i, colours.seam);
            const chip::ChipLook look = chip::lookFor(m_cells[i], colours);
            chip::fillChip(painter, lay.rects[i], look.fill, joinedToPrevious(i), joinedToPrevious(i + 1), radius);
            paintText(painter, i, look.text);
        }
        for (int i = line->first; i < line->end; ++i) {
            const chip::ChipLook look = chip::lookFor(m_cells[i], colours);
            const bool joinLeft = joinedToPrevious(i);
            if (joinLeft) {
                chip::drawJoinDivider(painter, lay.rects[i], look.border);
            } else {
                int last = i;
                while (joinedToPrevious(last + 1))
                    ++last;
                const QRect word = lay.rects[i].united(lay.rects[last]);
                // A piece cut off by a line break keeps square ends so it reads as unfinished.
                chip::strokeChip(painter, word, look.border, 1.0, look.borderStyle, !continuesWord(i),
                           last + 1 >= m_cells.size() || !continuesWord(last + 1), radius);
            }
            if (look.mark.isValid())
                chip::strokeChip(painter, lay.rects[i], look.mark, look.markWidth, Qt::SolidLine, !joinLeft,
                           !joinedToPrevious(i + 1), radius);
        }
    }
    if (m_hovered >= 0 && m_hovered < m_cells.size())
        chip::strokeChip(painter, lay.rects[m_hovered], colours.text, 2.0, Qt::SolidLine, true, true, radius);
}

void TokenFlowView::paintText(QPainter& painter, int index, const QColor& colour) const
{
    const Metrics& m = metrics();
    const TokenCell& cell = m_cells[index];
    const QRect& rect = m_layout.rects[index];
    const bool fixed = cell.special && cell.outcome == TokenOutcome::None;
    const QFont& font = fixed ? m.specialFont : m.tokenFont;
    if (painter.font() != font)
        painter.setFont(font);
    painter.setPen(colour);
    QString text = cell.text;
    int textWidth = m.textWidths[index];
    if (rect.width() < m.widths[index]) {
        // Cut to the line width by flow(): elide rather than spill over the neighbours.
        const QFontMetrics metrics(font, this);
        text = metrics.elidedText(text, Qt::ElideRight, rect.width() - 2 * m.padding);
        textWidth = metrics.horizontalAdvance(text);
    }
    const int x = rect.left() + (rect.width() - textWidth) / 2;
    painter.drawText(QPoint(x, rect.top() + (fixed ? m.specialBaseline : m.tokenBaseline)), text);
}

void TokenFlowView::paintSeam(QPainter& painter, int index, const QColor& colour) const
{
    const Metrics& m = metrics();
    const QRect& cell = m_layout.rects[index];
    const int left = cell.left() - m.seamWidths[index];
    // The marker reaches into the gaps above and below so it reads as a divider, not a border.
    chip::drawSeamMarker(painter, left, cell.top() - m.lineGap / 2.0, cell.bottom() + 1 + m.lineGap / 2.0, colour);
    painter.setFont(m.tagFont);
    painter.setPen(colour);
    painter.drawText(QPoint(left + chip::kMarkerWidth + m.padding, cell.top() + m.tagBaseline),
                     seamTag(m.reviews[index]));
}

bool TokenFlowView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = cellAt(help->pos());
        if (index >= 0) {
            // The rectangle makes Qt hide the tip as soon as the pointer leaves this cell.
            QToolTip::showText(help->globalPos(), toolTipFor(index), this, cellRect(index));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void TokenFlowView::resizeEvent(QResizeEvent* event)
{
    // The layout follows width() lazily; only the hover needs care, as cells move under the pointer.
    QWidget::resizeEvent(event);
    if (m_hovered >= 0 && underMouse())
        setHovered(cellAt(mapFromGlobal(QCursor::pos())));
}

void TokenFlowView::mouseMoveEvent(QMouseEvent* event)
{
    setHovered(cellAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void TokenFlowView::leaveEvent(QEvent* event)
{
    setHovered(-1);
    QWidget::leaveEvent(event);
}

void TokenFlowView::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LanguageChange:  // the "review N" tags change width
        invalidate();
        updateGeometry();
        update();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void TokenFlowView::setHovered(int index)
{
    if (index == m_hovered)
        return;
    const int previous = m_hovered;
    m_hovered = index;
    // Repaint just the two cells (plus the hover outline's reach), not the whole chunk.
    if (previous >= 0 && previous < m_layout.rects.size() && m_layout.width == width())
        update(m_layout.rects[previous].adjusted(-2, -2, 2, 2));
    if (index >= 0)
        update(cellRect(index).adjusted(-2, -2, 2, 2));
    emit cellHovered(index);
}

}  // namespace masklab::ui
