// TokenFlowView and its colours: joined word pieces, wrapping at word boundaries, height for
// width, hit testing, tooltips, hover, and outcome colours readable on light and dark palettes.
#include "widgets/mask_outcome_legend.h"
#include "widgets/mask_outcome_style.h"
#include "widgets/token_flow_view.h"

#include "masklab/masking.h"

#include <QElapsedTimer>
#include <QHelpEvent>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <cmath>

using masklab::ui::MaskOutcomeLegend;
using masklab::ui::MaskOutcomeStyle;
using masklab::ui::TokenCell;
using masklab::ui::TokenFlowView;
using masklab::ui::TokenOutcome;

// The view's enum mirrors core's so panels can static_cast between them.
static_assert(static_cast<int>(TokenOutcome::None) == static_cast<int>(masklab::MaskOutcome::None));
static_assert(static_cast<int>(TokenOutcome::Masked) == static_cast<int>(masklab::MaskOutcome::Masked));
static_assert(static_cast<int>(TokenOutcome::Random) == static_cast<int>(masklab::MaskOutcome::Random));
static_assert(static_cast<int>(TokenOutcome::Kept) == static_cast<int>(masklab::MaskOutcome::Kept));

namespace {

// Cells from WordPiece tokens as the tokenizer writes them: "##" marks a continuation,
// bracketed tokens are special, and a [CLS] after the first cell starts a new review.
QVector<TokenCell> cellsFrom(const QStringList& tokens)
{
    QVector<TokenCell> cells;
    for (const QString& token : tokens) {
        TokenCell cell;
        cell.position = cells.size();
        cell.continuation = token.startsWith(QLatin1String("##"));
        cell.text = cell.continuation ? token.mid(2) : token;
        cell.special = token.startsWith(QLatin1Char('[')) && token.endsWith(QLatin1Char(']'));
        cell.padding = token == QLatin1String("[PAD]");
        cell.seamBefore = token == QLatin1String("[CLS]") && !cells.isEmpty();
        cells.push_back(cell);
    }
    return cells;
}

QStringList reviewTokens()
{
    return QStringLiteral(
               "[CLS] i rented this movie because my friend swore it was un ##bel ##iev ##able . the "
               "acting is wooden and the over ##wr ##ought score drowns every scene . [SEP] [CLS] one "
               "of the most heart ##warming films i have seen , the lead is sub ##lim ##e [SEP]")
        .split(QLatin1Char(' '));
}

// `count` cells cycling through the review, with every seventh ordinary token masked.
QVector<TokenCell> chunkOf(int count)
{
    const QStringList tokens = reviewTokens();
    QStringList all;
    for (int i = 0; i < count; ++i)
        all << tokens[i % tokens.size()];
    QVector<TokenCell> cells = cellsFrom(all);
    for (int i = 0; i < cells.size(); i += 7) {
        if (cells[i].special)
            continue;
        cells[i].original = cells[i].text;
        cells[i].outcome = static_cast<TokenOutcome>(1 + (i / 7) % 3);
        if (cells[i].outcome == TokenOutcome::Masked)
            cells[i].text = QStringLiteral("[MASK]");
        else if (cells[i].outcome == TokenOutcome::Random)
            cells[i].text = QStringLiteral("castle");
    }
    return cells;
}

double luminance(const QColor& colour)
{
    auto channel = [](int v) {
        const double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor c = colour.toRgb();
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A cell at or after `from` inside the top-left 300 x 300 pixels: the offscreen screen can be
// that small under QT_SCALE_FACTOR=2, and synthetic mouse moves beyond it go astray.
int reachableCell(const TokenFlowView& view, int from)
{
    for (int i = from; i < view.cells().size(); ++i) {
        const QRect rect = view.cellRect(i);
        if (rect.right() < 300 && rect.bottom() < 300)
            return i;
    }
    return -1;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Window, QColor(239, 239, 239));
    palette.setColor(QPalette::WindowText, Qt::black);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Base, QColor(30, 30, 30));
    palette.setColor(QPalette::Text, QColor(220, 220, 220));
    palette.setColor(QPalette::Window, QColor(45, 45, 48));
    palette.setColor(QPalette::WindowText, QColor(220, 220, 220));
    return palette;
}

}  // namespace

class TestTokenFlowView final : public QObject {
    Q_OBJECT

private slots:
    void continuationsTouchTheirWordAndWordsHaveAGap()
    {
        TokenFlowView view;
        view.setCells(cellsFrom(reviewTokens()));
        view.resize(2000, 400);  // one line: every neighbour pair sits side by side
        const QVector<TokenCell>& cells = view.cells();
        for (int i = 1; i < cells.size(); ++i) {
            const QRect rect = view.cellRect(i);
            const QRect previous = view.cellRect(i - 1);
            QCOMPARE(rect.top(), previous.top());
            if (cells[i].continuation)
                QCOMPARE(rect.left(), previous.right() + 1);
            else
                QVERIFY2(rect.left() > previous.right() + 1, qPrintable(cells[i].text));
        }
    }

    void wordsWrapWholeWhenTheyFit()
    {
        TokenFlowView view;
        view.setCells(cellsFrom(reviewTokens() + reviewTokens()));
        const QVector<TokenCell>& cells = view.cells();
        view.resize(4000, 400);
        int widestWord = 0;
        for (int i = 0; i < cells.size(); ++i) {
            int end = i;
            while (end + 1 < cells.size() && cells[end + 1].continuation)
                ++end;
            widestWord = std::max(widestWord, view.cellRect(end).right() - view.cellRect(i).left() + 1);
        }
        for (int width = widestWord + 40; width <= 700; width += 23) {
            view.resize(width, 400);
            int lines = 1;
            for (int i = 1; i < cells.size(); ++i) {
                const QRect rect = view.cellRect(i);
                QVERIFY2(rect.right() < width, qPrintable(QStringLiteral("cell %1 at width %2").arg(i).arg(width)));
                if (cells[i].continuation)
                    QVERIFY2(rect.top() == view.cellRect(i - 1).top(),
                             qPrintable(QStringLiteral("word split before cell %1 at width %2").arg(i).arg(width)));
                else if (rect.top() > view.cellRect(i - 1).top())
                    ++lines;
            }
            QVERIFY(lines > 1);  // the widths tried really do wrap
        }
    }

    void aWordWiderThanTheLineBreaksBetweenPieces()
    {
        QStringList tokens{QStringLiteral("a"), QStringLiteral("super")};
        for (int i = 0; i < 14; ++i)
            tokens << QStringLiteral("##cal");
        TokenFlowView view;
        view.setCells(cellsFrom(tokens));
        view.resize(140, 400);
        const QRect first = view.cellRect(1);
        const QRect last = view.cellRect(tokens.size() - 1);
        QVERIFY(last.top() > first.top());
        for (int i = 0; i < tokens.size(); ++i)
            QVERIFY(view.cellRect(i).right() < view.width());
        // The long word starts on a fresh line rather than after "a".
        QVERIFY(first.top() > view.cellRect(0).top());
    }

    void heightForWidthGrowsAsWidthShrinks()
    {
        TokenFlowView view;
        view.setCells(chunkOf(128));
        QVERIFY(view.hasHeightForWidth());
        QVERIFY(view.sizePolicy().hasHeightForWidth());  // what QScrollArea actually checks
        const int wide = view.heightForWidth(900);
        const int middle = view.heightForWidth(500);
        const int narrow = view.heightForWidth(250);
        QVERIFY2(wide < middle && middle < narrow,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(wide).arg(middle).arg(narrow)));
        // The height it asks for is the height it draws in.
        for (int width : {900, 500, 250}) {
            view.resize(width, view.heightForWidth(width));
            QVERIFY(view.cellRect(view.cells().size() - 1).bottom() < view.height());
            QCOMPARE(view.heightForWidth(width), view.height());
        }
    }

    void scrollAreaGivesTheViewItsHeight()
    {
        QScrollArea area;
        area.setWidgetResizable(true);
        auto* view = new TokenFlowView;
        view->setCells(chunkOf(512));
        area.setWidget(view);
        area.resize(420, 300);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QTRY_COMPARE(view->width(), area.viewport()->width());
        QCOMPARE(view->height(), view->heightForWidth(view->width()));
        QVERIFY(!area.horizontalScrollBar()->isVisible());
        QVERIFY(area.verticalScrollBar()->isVisible());
    }

    void cellAtFindsEveryCellAndNothingBetween()
    {
        TokenFlowView view;
        view.setCells(chunkOf(512));
        view.resize(600, view.heightForWidth(600));
        const int count = view.cells().size();
        for (int i = 0; i < count; ++i)
            QCOMPARE(view.cellAt(view.cellRect(i).center()), i);
        // Between two words on one line and outside the flow there is no cell.
        for (int i = 1; i < count; ++i) {
            const QRect rect = view.cellRect(i);
            const QRect previous = view.cellRect(i - 1);
            if (rect.top() == previous.top() && rect.left() > previous.right() + 1) {
                QCOMPARE(view.cellAt(QPoint(previous.right() + 1, rect.center().y())), -1);
                break;
            }
        }
        QCOMPARE(view.cellAt(QPoint(1, 1)), -1);
        QCOMPARE(view.cellAt(QPoint(300, view.height() + 50)), -1);
        QCOMPARE(view.cellRect(-1), QRect());
        QCOMPARE(view.cellRect(count), QRect());
    }

    void seamsLeaveRoomForTheirMarker()
    {
        TokenFlowView view;
        const QVector<TokenCell> cells = cellsFrom(reviewTokens());
        view.setCells(cells);
        view.resize(3000, 200);
        int seam = -1;
        for (int i = 0; i < cells.size() && seam < 0; ++i)
            if (cells[i].seamBefore)
                seam = i;
        QVERIFY(seam > 0);
        const int seamGap = view.cellRect(seam).left() - view.cellRect(seam - 1).right();
        const int wordGap = view.cellRect(2).left() - view.cellRect(1).right();
        QVERIFY(seamGap > 2 * wordGap);
        QVERIFY(view.toolTipFor(seam).contains(QLatin1String("2")));
    }

    void toolTipNamesOutcomeAndOriginal()
    {
        QVector<TokenCell> cells = cellsFrom(reviewTokens());
        QCOMPARE(cells[4].text, QStringLiteral("movie"));
        cells[4].outcome = TokenOutcome::Random;
        cells[4].original = cells[4].text;
        cells[4].text = QStringLiteral("castle");
        cells[5].outcome = TokenOutcome::Masked;
        cells[5].original = cells[5].text;
        cells[5].text = QStringLiteral("[MASK]");
        TokenFlowView view;
        view.setCells(cells);

        const QString random = view.toolTipFor(4);
        QVERIFY2(random.contains(QLatin1String("movie")), qPrintable(random));
        QVERIFY2(random.contains(QLatin1String("castle")), qPrintable(random));
        QVERIFY2(random.contains(MaskOutcomeStyle::name(TokenOutcome::Random)), qPrintable(random));
        QVERIFY2(random.contains(QLatin1String("4")), qPrintable(random));

        const QString masked = view.toolTipFor(5);
        QVERIFY(masked.contains(QLatin1String("because")));
        QVERIFY(masked.contains(MaskOutcomeStyle::name(TokenOutcome::Masked)));

        const QString plain = view.toolTipFor(3);
        QVERIFY(plain.contains(QLatin1String("this")));
        QVERIFY(!plain.contains(MaskOutcomeStyle::name(TokenOutcome::Random)));

        // A continuation shows its "##" in the tooltip though the chip draws it without.
        QVERIFY(cells[12].continuation);
        QVERIFY(view.toolTipFor(12).contains(QLatin1String("##bel")));
        QVERIFY(view.toolTipFor(-1).isEmpty());
    }

    void toolTipEventShowsTheCellsText()
    {
        QVector<TokenCell> cells = chunkOf(64);
        cells[5].outcome = TokenOutcome::Random;
        cells[5].original = QStringLiteral("movie");
        cells[5].text = QStringLiteral("castle");
        TokenFlowView view;
        view.setCells(cells);
        view.resize(500, view.heightForWidth(500));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QPoint pos = view.cellRect(5).center();
        QHelpEvent help(QEvent::ToolTip, pos, view.mapToGlobal(pos));
        QCoreApplication::sendEvent(&view, &help);
        QTRY_COMPARE(QToolTip::text(), view.toolTipFor(5));
        QVERIFY(QToolTip::text().contains(QLatin1String("movie")));
        QToolTip::hideText();
    }

    void mouseMoveEmitsCellHovered()
    {
        TokenFlowView view;
        view.setCells(chunkOf(64));
        view.resize(500, view.heightForWidth(500));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &TokenFlowView::cellHovered);

        QTest::mouseMove(&view, view.cellRect(3).center());
        QTRY_VERIFY(!spy.isEmpty());
        QCOMPARE(spy.last().at(0).toInt(), 3);
        QCOMPARE(view.hoveredCell(), 3);

        const int other = reachableCell(view, 8);
        QVERIFY(other > 3);
        QTest::mouseMove(&view, view.cellRect(other).center());
        QTRY_COMPARE(spy.last().at(0).toInt(), other);

        // Moving within the same cell says nothing new.
        const int before = spy.size();
        QTest::mouseMove(&view, view.cellRect(other).center() + QPoint(0, 1));
        QCOMPARE(spy.size(), before);
    }

    void fillsDifferAndStayReadableOnLightAndDark()
    {
        for (const QPalette& palette : {lightPalette(), darkPalette()}) {
            const QColor base = palette.color(QPalette::Base);
            const QColor text = palette.color(QPalette::Text);
            const QList<TokenOutcome> outcomes{TokenOutcome::None, TokenOutcome::Masked, TokenOutcome::Random,
                                               TokenOutcome::Kept};
            for (int a = 0; a < outcomes.size(); ++a) {
                const QColor fill = MaskOutcomeStyle::fill(outcomes[a], palette);
                QVERIFY(fill != base);
                QVERIFY2(contrast(fill, text) >= 4.5,
                         qPrintable(QStringLiteral("%1 on %2").arg(text.name(), fill.name())));
                for (int b = a + 1; b < outcomes.size(); ++b)
                    QVERIFY(fill != MaskOutcomeStyle::fill(outcomes[b], palette));
                if (outcomes[a] != TokenOutcome::None) {
                    // A chosen token differs from Base clearly enough to see, not by one shade.
                    QVERIFY(contrast(fill, base) > 1.3);
                    QVERIFY(contrast(MaskOutcomeStyle::outline(outcomes[a], palette), base) >= 3.0);
                }
            }
            QVERIFY(contrast(MaskOutcomeStyle::seam(palette), base) >= 3.0);
        }
        QVERIFY(!MaskOutcomeStyle::isDark(lightPalette()));
        QVERIFY(MaskOutcomeStyle::isDark(darkPalette()));
        QVERIFY(MaskOutcomeStyle::fill(TokenOutcome::Masked, lightPalette())
                != MaskOutcomeStyle::fill(TokenOutcome::Masked, darkPalette()));
    }

    void namesAndDescriptionsAreDistinct()
    {
        QStringList names;
        for (TokenOutcome o : {TokenOutcome::None, TokenOutcome::Masked, TokenOutcome::Random, TokenOutcome::Kept}) {
            names << MaskOutcomeStyle::name(o);
            QVERIFY(!MaskOutcomeStyle::description(o).isEmpty());
        }
        names.removeDuplicates();
        QCOMPARE(names.size(), 4);
        QCOMPARE(MaskOutcomeStyle::name(TokenOutcome::Masked), QStringLiteral("[MASK]"));
    }

    void legendNamesEveryOutcomeAndWraps()
    {
        MaskOutcomeLegend legend;
        QStringList texts;
        for (const QLabel* label : legend.findChildren<QLabel*>())
            texts << label->text();
        QCOMPARE(texts.size(), 5);
        for (TokenOutcome o : {TokenOutcome::Masked, TokenOutcome::Random, TokenOutcome::Kept})
            QVERIFY(texts.contains(MaskOutcomeStyle::name(o)));
        QVERIFY(legend.hasHeightForWidth());
        QVERIFY(legend.heightForWidth(legend.minimumSizeHint().width())
                > legend.heightForWidth(legend.sizeHint().width()));
    }

    void fontChangeRelaysOut()
    {
        TokenFlowView view;
        view.setCells(chunkOf(128));
        view.resize(500, 100);
        const int before = view.heightForWidth(500);
        const int cellWidth = view.cellRect(1).width();
        QFont bigger = view.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        view.setFont(bigger);
        QVERIFY(view.heightForWidth(500) > before);
        QVERIFY(view.cellRect(1).width() > cellWidth);
    }

    void replacingTheChunkResetsLayoutAndHover()
    {
        TokenFlowView view;
        view.setCells(chunkOf(128));
        view.resize(500, view.heightForWidth(500));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int hovered = reachableCell(view, 40);
        QVERIFY(hovered >= 40);
        QTest::mouseMove(&view, view.cellRect(hovered).center());
        QTRY_COMPARE(view.hoveredCell(), hovered);
        const int full = view.height();

        QSignalSpy spy(&view, &TokenFlowView::cellHovered);
        view.setCells(chunkOf(5));  // fewer cells than the hovered index
        QCOMPARE(view.hoveredCell(), -1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.last().at(0).toInt(), -1);
        QVERIFY(view.heightForWidth(500) < full);

        view.setCells({});
        QCOMPARE(view.cellAt(QPoint(20, 20)), -1);
        QVERIFY(view.cellRect(0).isNull());
        QVERIFY(view.heightForWidth(500) > 0);
        QCOMPARE(view.heightForWidth(500), view.heightForWidth(200));  // one empty line at any width
        view.repaint();  // painting nothing must not touch stale cells
    }

    void fiveHundredTwelveCellsLayOutAndPaintFast()
    {
        const QVector<TokenCell> cells = chunkOf(512);
        TokenFlowView view;
        view.resize(900, 400);
        QPixmap target(900, 1600);
        QElapsedTimer timer;
        timer.start();
        view.setCells(cells);
        view.resize(900, view.heightForWidth(900));
        view.cellRect(0);
        const double layoutMs = timer.nsecsElapsed() / 1e6;
        timer.restart();
        view.render(&target);
        const double paintMs = timer.nsecsElapsed() / 1e6;
        qInfo("512 cells: measure and layout %.2f ms, paint %.2f ms (%d px tall)", layoutMs, paintMs, view.height());
        // Generous: it is about 1 ms + 6 ms on a laptop core; this catches a quadratic slip.
        QVERIFY(layoutMs + paintMs < 500);
    }
};

QTEST_MAIN(TestTokenFlowView)
#include "test_token_flow_view.moc"
