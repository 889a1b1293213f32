#pragma once
// One chunk drawn as a flow of token chips that wraps like text: WordPiece continuations joined
// to their word, review seams marked, and masked positions coloured by outcome. The Chunks and
// Masks panels both show a chunk through it; MaskOutcomeLegend explains its colours.
#include "mask_outcome_style.h"

#include <QFont>
#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

class QPainter;

namespace masklab::ui {

struct TokenCell {
    QString text;               // the token as it stands now; a continuation WITHOUT its "##"
    bool continuation = false;  // a "##" piece: drawn joined to the previous cell
    bool special = false;       // [CLS], [SEP], [PAD], ...: drawn muted, monospace
    bool padding = false;       // [PAD]: drawn faint
    bool seamBefore = false;    // a review starts at this cell: marker and "review N" tag before it
    int review = -1;            // with seamBefore: N, the review's number in the corpus (the
                                // Dataset panel's #); -1 counts the chunk's reviews from 1
    TokenOutcome outcome = TokenOutcome::None;
    QString original;           // the token before masking, shown on hover when chosen
    int position = -1;          // index in the chunk, shown in the tooltip (-1: the cell index)
};

// Place it in a QScrollArea with widgetResizable=true: its size policy has heightForWidth, so
// the scroll area gives it the height its tokens need at the viewport's width.
class TokenFlowView final : public QWidget {
    Q_OBJECT
public:
    explicit TokenFlowView(QWidget* parent = nullptr);

    void setCells(QVector<TokenCell> cells);
    const QVector<TokenCell>& cells() const;

    int cellAt(const QPoint& pos) const;    // index under a point, -1 if none
    QRect cellRect(int index) const;        // where a cell is drawn; empty if no such cell
    QString toolTipFor(int index) const;    // position, token, and for a chosen token outcome and original
    int hoveredCell() const;                // -1 if none

    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The cell under the pointer changed; -1 when the pointer leaves or rests between cells.
    void cellHovered(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Fonts and sizes that depend on the font and the cells but not on the width: measured once
    // per change, so a resize only re-flows.
    struct Metrics {
        bool valid = false;
        QFont tokenFont;
        QFont specialFont;         // monospace, for [CLS], [SEP], [PAD]
        QFont tagFont;             // the "review N" tags
        int lineHeight = 0;
        int lineGap = 0;
        int wordGap = 0;
        int padding = 0;           // inside a chip, left and right
        int margin = 0;            // around the whole flow
        int tokenBaseline = 0;     // from the top of a chip
        int specialBaseline = 0;
        int tagBaseline = 0;
        QVector<int> textWidths;   // per cell
        QVector<int> widths;       // chip width per cell
        QVector<int> seamWidths;   // room for the seam marker and tag before a cell, 0 if none
        QVector<int> reviews;      // review number of a seam cell, 0 elsewhere
    };
    struct Line {
        int top = 0;
        int first = 0;             // first cell on the line
        int end = 0;               // one past the last cell
    };
    // Where everything sits at one width: computed once per width, painted from.
    struct Layout {
        int width = -1;            // -1: stale
        int height = 0;
        QVector<QRect> rects;
        QVector<Line> lines;
    };

    const Metrics& metrics() const;
    const Layout& layout() const;  // for the current width()
    // Flows the cells into `width`; fills `out` when given, returns the height either way.
    int flow(int width, Layout* out) const;
    void invalidate();
    void setHovered(int index);
    QString seamTag(int review) const;
    bool continuesWord(int index) const;     // a "##" piece that belongs to the cell before it
    bool joinedToPrevious(int index) const;  // ...and drawn on the same line, touching it
    void paintText(QPainter& painter, int index, const QColor& colour) const;
    void paintSeam(QPainter& painter, int index, const QColor& colour) const;

    QVector<TokenCell> m_cells;
    int m_hovered = -1;
    mutable Metrics m_metrics;
    mutable Layout m_layout;
    mutable int m_hfwWidth = -1;   // the last heightForWidth() asked for another width
    mutable int m_hfwHeight = 0;
};

}  // namespace masklab::ui
