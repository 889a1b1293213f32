#include "token_chip.h"

#include "token_flow_view.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace masklab::ui::chip {

namespace {

// from * (1 - share) + to * share on 8-bit channels, rounded half up. Not plot_palette.h's
// mixColours(to, from, share): that blends in floating point through 16-bit channels, which
// differs in the last bit for some inputs (e.g. share 0.35, 0 -> 90 gives 31 here, 32 there).
QColor mix(const QColor& from, const QColor& to, double share)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    auto blend = [share](int x, int y) { return static_cast<int>(x + (y - x) * share + 0.5); };
    return QColor(blend(a.red(), b.red()), blend(a.green(), b.green()), blend(a.blue(), b.blue()));
}

}  // namespace

ChipColours ChipColours::from(const QPalette& palette)
{
    ChipColours c;
    const QColor base = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.chip = MaskOutcomeStyle::fill(TokenOutcome::None, palette);
    c.border = MaskOutcomeStyle::outline(TokenOutcome::None, palette);
    c.mutedText = mix(base, c.text, 0.60);
    c.faintText = mix(base, c.text, 0.35);
    c.faintBorder = mix(base, c.text, 0.18);
    c.seam = MaskOutcomeStyle::seam(palette);
    for (TokenOutcome o : {TokenOutcome::None, TokenOutcome::Masked, TokenOutcome::Random, TokenOutcome::Kept}) {
        c.fill[outcomeIndex(o)] = MaskOutcomeStyle::fill(o, palette);
        c.outline[outcomeIndex(o)] = MaskOutcomeStyle::outline(o, palette);
    }
    return c;
}

ChipLook lookFor(const TokenCell& cell, const ChipColours& c)
{
    ChipLook look;
    look.text = c.text;
    look.border = c.border;
    switch (cell.outcome) {
    case TokenOutcome::Masked:
    case TokenOutcome::Random:
        look.fill = c.fill[outcomeIndex(cell.outcome)];
        look.mark = c.outline[outcomeIndex(cell.outcome)];
        return look;
    case TokenOutcome::Kept:
        // The token reads as it was, so a light tint and a heavy border set it apart.
        look.fill = mix(c.chip, c.fill[outcomeIndex(TokenOutcome::Kept)], 0.5);
        look.mark = c.outline[outcomeIndex(TokenOutcome::Kept)];
        look.markWidth = 2.0;
        return look;
    case TokenOutcome::None:
        break;
    }
    if (cell.padding) {
        look.text = c.faintText;
        look.border = c.faintBorder;
        look.borderStyle = Qt::DotLine;
    } else if (cell.special) {
        look.text = c.mutedText;
        look.borderStyle = Qt::DashLine;
    } else {
        look.fill = c.chip;
    }
    return look;
}

QPainterPath chipPath(const QRectF& r, qreal radius, bool roundLeft, bool roundRight)
{
    QPainterPath path;
    const qreal d = 2 * radius;
    if (roundLeft) {
        path.moveTo(r.left() + radius, r.top());
    } else {
        path.moveTo(r.topLeft());
    }
    if (roundRight) {
        path.lineTo(r.right() - radius, r.top());
        path.arcTo(QRectF(r.right() - d, r.top(), d, d), 90, -90);
        path.lineTo(r.right(), r.bottom() - radius);
        path.arcTo(QRectF(r.right() - d, r.bottom() - d, d, d), 0, -90);
    } else {
        path.lineTo(r.topRight());
        path.lineTo(r.bottomRight());
    }
    if (roundLeft) {
        path.lineTo(r.left() + radius, r.bottom());
        path.arcTo(QRectF(r.left(), r.bottom() - d, d, d), 270, -90);
        path.lineTo(r.left(), r.top() + radius);
        path.arcTo(QRectF(r.left(), r.top(), d, d), 180, -90);
    } else {
        path.lineTo(r.bottomLeft());
    }
    path.closeSubpath();
    return path;
}

qreal radiusFor(int lineHeight) { return std::max(2.0, lineHeight * 0.18); }

void fillChip(QPainter& painter, const QRect& rect, const QColor& fill, bool joinLeft, bool joinRight, qreal radius)
{
    if (!fill.isValid())
        return;
    painter.fillPath(chipPath(QRectF(rect), radius, !joinLeft, !joinRight), fill);
}

void strokeChip(QPainter& painter, const QRect& rect, const QColor& colour, qreal width, Qt::PenStyle style,
                bool roundLeft, bool roundRight, qreal radius)
{
    QPen pen(colour, width, style);
    pen.setCosmetic(false);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const qreal inset = width / 2;
    painter.drawPath(chipPath(QRectF(rect).adjusted(inset, inset, -inset, -inset), std::max(1.0, radius - inset),
                              roundLeft, roundRight));
}

void drawJoinDivider(QPainter& painter, const QRect& right, const QColor& colour)
{
    QPen pen(colour, 1, Qt::DotLine);
    painter.setPen(pen);
    const qreal x = right.left() + 0.5;
    const int inset = right.height() / 4;
    painter.drawLine(QPointF(x, right.top() + inset), QPointF(x, right.bottom() + 1 - inset));
}

void drawSeamMarker(QPainter& painter, qreal x, qreal top, qreal bottom, const QColor& colour)
{
    painter.fillRect(QRectF(x, top, kMarkerWidth, bottom - top), colour);
}

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * factor)));
    return font;
}

}  // namespace masklab::ui::chip
