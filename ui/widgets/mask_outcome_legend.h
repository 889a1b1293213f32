#pragma once
// The legend beside a TokenFlowView: what its colours, joined pieces and seams mean.
#include <QVector>
#include <QWidget>

class QLabel;

namespace masklab::ui {

// Swatches and names for the outcomes, joined word pieces and review seams, drawn exactly as
// TokenFlowView draws them; the items wrap onto more rows when the legend is narrow.
class MaskOutcomeLegend final : public QWidget {
    Q_OBJECT
public:
    explicit MaskOutcomeLegend(QWidget* parent = nullptr);

    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Places the items in rows at `width` when `apply`; returns the height either way.
    int arrange(int width, bool apply) const;
    void retranslate();

    QVector<QWidget*> m_items;     // swatch and label side by side
    QVector<QWidget*> m_swatches;
    QVector<QLabel*> m_labels;
};

}  // namespace masklab::ui
