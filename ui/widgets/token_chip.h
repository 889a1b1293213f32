#pragma once
// How one token chip is drawn: colours from the palette, the look of a cell, and the painting
// helpers. TokenFlowView draws its tokens with these and MaskOutcomeLegend its swatches, so a
// swatch always looks exactly like the tokens it explains.
#include "mask_outcome_style.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QPalette>
#include <QRect>
#include <QRectF>

#include <array>

class QPainter;

namespace masklab::ui {

struct TokenCell;

namespace chip {

// Width of the review seam marker, in device-independent pixels.
constexpr int kMarkerWidth = 2;

// Index of an outcome into ChipColours::fill and ChipColours::outline.
inline int outcomeIndex(TokenOutcome outcome) { return static_cast<int>(outcome); }

// Every colour a paint needs, derived from the palette once per paint rather than once per cell.
struct ChipColours {
    QColor text;
    QColor chip;         // background of an ordinary token
    QColor border;       // outline of an ordinary word
    QColor mutedText;    // special tokens
    QColor faintText;    // padding
    QColor faintBorder;
    QColor seam;
    std::array<QColor, 4> fill;
    std::array<QColor, 4> outline;

    static ChipColours from(const QPalette& palette);
};

// How one cell is drawn. Outcome wins over special/padding: a chosen token must always show it.
struct ChipLook {
    QColor fill;                  // invalid: no fill
    QColor border;                // outline of the word the cell belongs to
    Qt::PenStyle borderStyle = Qt::SolidLine;
    QColor text;
    QColor mark;                  // the cell's own outcome border; invalid: none
    qreal markWidth = 1.0;
};

// The look of one cell: fill, word border, text colour and outcome mark.
ChipLook lookFor(const TokenCell& cell, const ChipColours& c);
// A rectangle rounded only at the ends of a word, so joined pieces meet flush as one shape.
QPainterPath chipPath(const QRectF& r, qreal radius, bool roundLeft, bool roundRight);
// Corner radius of a chip of the given height.
qreal radiusFor(int lineHeight);
// Fills a chip, square on the joined sides; does nothing for an invalid colour.
void fillChip(QPainter& painter, const QRect& rect, const QColor& fill, bool joinLeft, bool joinRight, qreal radius);
// Outlines a chip half a pen inside `rect`, so a 1px line lands on whole pixels.
void strokeChip(QPainter& painter, const QRect& rect, const QColor& colour, qreal width, Qt::PenStyle style,
                bool roundLeft, bool roundRight, qreal radius);
// The dotted line between two joined word pieces, at the left edge of the right one.
void drawJoinDivider(QPainter& painter, const QRect& right, const QColor& colour);
// The review seam marker: a kMarkerWidth bar from `top` to `bottom` at `x`.
void drawSeamMarker(QPainter& painter, qreal x, qreal top, qreal bottom, const QColor& colour);
// `font` with its point (or pixel) size multiplied by `factor`.
QFont scaled(QFont font, qreal factor);

}  // namespace chip
}  // namespace masklab::ui
