#pragma once
// Masks: the chunk chosen in the Chunks panel after masking, each chosen token coloured by what
// happened to it, with token or whole-word masking, the probabilities, a seed to re-roll, and
// the shares measured over many chunks beside their targets.
#include "worker/engine_types.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace masklab::ui {

class TokenFlowView;
class Workbench;

class MasksPanel final : public QWidget {
    Q_OBJECT
public:
    explicit MasksPanel(Workbench* workbench, QWidget* parent = nullptr);
    QRadioButton* tokenMode() const { return m_tokenMode; }
    QRadioButton* wholeWordMode() const { return m_wholeWordMode; }
    QSlider* probabilitySlider() const { return m_probability; }
    QSlider* maskShareSlider() const { return m_maskShare; }
    QSlider* randomShareSlider() const { return m_randomShare; }
    QPushButton* rerollButton() const { return m_reroll; }
    QSpinBox* seedBox() const { return m_seed; }
    QTableWidget* sharesTable() const { return m_shares; }
    TokenFlowView* view() const { return m_view; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* discardButton() const { return m_discard; }
    QLabel* trialLabel() const { return m_trialLabel; }

private:
    void showPreview(const MaskPreviewPtr& preview);
    void syncFromConfig();
    void updateLabels();

    Workbench* m_workbench;
    QRadioButton* m_tokenMode;
    QRadioButton* m_wholeWordMode;
    QSlider* m_probability;
    QLabel* m_probabilityLabel;
    QSlider* m_maskShare;
    QSlider* m_randomShare;
    QLabel* m_sharesLabel;
    QLabel* m_trialLabel;
    QPushButton* m_apply;
    QPushButton* m_discard;
    QSpinBox* m_seed;
    QPushButton* m_reroll;
    QTableWidget* m_shares;
    QLabel* m_chunkLabel;
    TokenFlowView* m_view;
    QPlainTextEdit* m_decoded;
};

}  // namespace masklab::ui
