#pragma once
// How mask outcomes look and what they are called. TokenFlowView and MaskOutcomeLegend both ask
// here, so a swatch in the legend is always the colour of the tokens it explains. Colours are
// derived from the palette so light and dark themes stay readable.
#include <QColor>
#include <QPalette>
#include <QString>

namespace masklab::ui {

// Same numbering as masklab::MaskOutcome in core, so a static_cast converts one into the other
// without the widgets depending on the engine headers.
enum class TokenOutcome { None = 0, Masked = 1, Random = 2, Kept = 3 };

struct MaskOutcomeStyle {
    // Background of a chosen token. The palette's Text colour stays readable on it (contrast
    // of at least 4.5:1 where the palette allows), and it stands apart from Base.
    static QColor fill(TokenOutcome outcome, const QPalette& palette);
    // Border of a chosen token (kept tokens are shown mainly by it); stands out against Base.
    // For None: the neutral border of an ordinary token.
    static QColor outline(TokenOutcome outcome, const QPalette& palette);
    // The marker where one review ends and the next begins inside a chunk.
    static QColor seam(const QPalette& palette);
    // True when the palette draws light text on a dark Base.
    static bool isDark(const QPalette& palette);

    static QString name(TokenOutcome outcome);         // "[MASK]", "random token", "kept", "not chosen"
    static QString description(TokenOutcome outcome);  // one sentence for legend and tooltips
};

}  // namespace masklab::ui
